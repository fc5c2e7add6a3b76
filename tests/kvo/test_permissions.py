"""The permission matrix: every role against every action, from a table written out by hand.

The expected table below is independent of ``kvo.permissions.TOEGESTAAN``: a change to who may
do what has to be made in both places, on purpose.
"""

import pytest

from kvo.permissions import Actie, Toegangsrol, mag, rollen_buiten_werkgroep
from kvo.tenancy import toegang_voor

J, N = True, False
#             bekijken wijzigen beheren exporteren importeren documentenset auditor_uitnodigen enquete
#             starten begeleiding levensloop verwijderen certificaat_lever_aan auditbesluit certificaat_geef_uit
VERWACHT = {
    "lid": (J, J, N, J, N, J, N, N, N, N, N, N, N, N, N),
    "agendalid": (J, N, N, N, N, J, N, N, N, N, N, N, N, N, N),
    "voorzitter": (J, J, J, J, N, J, J, J, N, N, N, N, J, N, N),
    "secretaris": (J, J, J, J, N, J, J, J, N, N, N, N, J, N, N),
    "begeleider": (J, J, J, J, J, J, J, J, J, N, J, N, J, N, N),
    "auditor": (N, N, N, N, N, J, N, N, N, N, N, N, N, J, J),
    "staff": (J, J, J, J, J, J, J, J, J, J, J, J, J, N, N),
    "vreemde": (N, N, N, N, N, N, N, N, N, N, N, N, N, N, N),
}
# A paused or ended work group: reading only (and in a paused group, resuming it), whatever the role.
#             bekijken wijzigen beheren exporteren importeren documentenset auditor_uitnodigen enquete
#             starten begeleiding levensloop verwijderen certificaat_lever_aan auditbesluit certificaat_geef_uit
VERWACHT_GEPAUZEERD = {
    "lid": (J, N, N, J, N, J, N, N, N, N, N, N, N, N, N),
    "agendalid": (J, N, N, N, N, J, N, N, N, N, N, N, N, N, N),
    "voorzitter": (J, N, N, J, N, J, N, N, N, N, N, N, N, N, N),
    "secretaris": (J, N, N, J, N, J, N, N, N, N, N, N, N, N, N),
    "begeleider": (J, N, N, J, N, J, N, N, N, N, J, N, N, N, N),
    "auditor": (N, N, N, N, N, J, N, N, N, N, N, N, N, N, N),
    "staff": (J, N, N, J, N, J, N, N, N, N, J, N, N, N, N),
    "vreemde": (N, N, N, N, N, N, N, N, N, N, N, N, N, N, N),
}
VERWACHT_BEEINDIGD = {
    "lid": (J, N, N, J, N, J, N, N, N, N, N, N, N, N, N),
    "agendalid": (J, N, N, N, N, J, N, N, N, N, N, N, N, N, N),
    "voorzitter": (J, N, N, J, N, J, N, N, N, N, N, N, N, N, N),
    "secretaris": (J, N, N, J, N, J, N, N, N, N, N, N, N, N, N),
    "begeleider": (J, N, N, J, N, J, N, N, N, N, N, N, N, N, N),
    "auditor": (N, N, N, N, N, J, N, N, N, N, N, N, N, N, N),
    "staff": (J, N, N, J, N, J, N, N, N, N, N, J, N, N, N),
    "vreemde": (N, N, N, N, N, N, N, N, N, N, N, N, N, N, N),
}
ACTIES = [
    Actie.BEKIJKEN,
    Actie.WIJZIGEN,
    Actie.BEHEREN,
    Actie.EXPORTEREN,
    Actie.IMPORTEREN,
    Actie.DOCUMENTENSET,
    Actie.AUDITOR_UITNODIGEN,
    Actie.ENQUETE,
    Actie.STARTEN,
    Actie.BEGELEIDING_BEHEREN,
    Actie.LEVENSLOOP,
    Actie.VERWIJDEREN,
    Actie.CERTIFICAAT_AANLEVEREN,
    Actie.AUDITBESLUIT,
    Actie.CERTIFICAAT_UITGEVEN,
]
# Outside one work group (the portfolio, "Nieuwe werkgroep", /beheer/): the roles of rollen_buiten_werkgroep.
#        starten beheren
BUITEN = {
    "lid": (N, N),
    "voorzitter": (N, N),
    "begeleider": (J, N),
    "auditor": (N, N),
    "staff": (J, J),
    "vreemde": (N, N),
}


def test_tabel_dekt_alle_acties():
    assert set(ACTIES) == set(Actie)


@pytest.mark.parametrize("rol", list(VERWACHT))
@pytest.mark.parametrize("index,actie", list(enumerate(ACTIES)))
def test_matrix(actoren, rol, index, actie):
    toegang = toegang_voor(actoren.user(rol), actoren.werkgroep)
    assert toegang.mag(actie) is VERWACHT[rol][index], f"{rol} / {actie}"


@pytest.mark.parametrize("rol", list(BUITEN))
@pytest.mark.parametrize("index,actie", list(enumerate([Actie.STARTEN, Actie.BEGELEIDING_BEHEREN])))
def test_buiten_een_werkgroep(actoren, rol, index, actie):
    assert mag(rollen_buiten_werkgroep(actoren.user(rol)), actie) is BUITEN[rol][index], f"{rol} / {actie}"


@pytest.mark.parametrize("status,verwacht", [("gepauzeerd", VERWACHT_GEPAUZEERD), ("beeindigd", VERWACHT_BEEINDIGD)])
@pytest.mark.parametrize("rol", list(VERWACHT))
@pytest.mark.parametrize("index,actie", list(enumerate(ACTIES)))
def test_matrix_alleen_lezen(actoren, rol, index, actie, status, verwacht):
    actoren.werkgroep.status = status
    actoren.werkgroep.save(update_fields=["status"])
    toegang = toegang_voor(actoren.user(rol), actoren.werkgroep)
    assert toegang.mag(actie) is verwacht[rol][index], f"{status} / {rol} / {actie}"


def test_onbekende_status_staat_niets_toe():
    assert not mag({Toegangsrol.STAFF}, Actie.BEKIJKEN, status="onbekend")


def test_elke_actie_en_rol_heeft_een_omschrijving():
    from kvo.permissions import OMSCHRIJVING, ROL_OMSCHRIJVING

    assert set(OMSCHRIJVING) == set(Actie)
    assert set(ROL_OMSCHRIJVING) == set(Toegangsrol)


def test_rollen_worden_afgeleid(actoren):
    assert toegang_voor(actoren.voorzitter, actoren.werkgroep).rollen == {Toegangsrol.LID, Toegangsrol.VOORZITTER}
    assert toegang_voor(actoren.agendalid, actoren.werkgroep).rollen == {Toegangsrol.AGENDALID}
    assert toegang_voor(actoren.begeleider, actoren.werkgroep).rollen == {Toegangsrol.BEGELEIDER}
    auditor = toegang_voor(actoren.auditor, actoren.werkgroep)
    assert auditor.rollen == {Toegangsrol.AUDITOR}
    assert auditor.audit_ids == {actoren.audit.pk}


def test_mag_zonder_rollen():
    assert not mag(frozenset(), Actie.BEKIJKEN)
