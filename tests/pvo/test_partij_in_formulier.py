"""The stakeholder a PVO page's small form names (a hidden ``partij`` field: the area scan, the
municipality's capacity, the waardering's signatory) with a value that is no id: 404, never a 500.

Found by the hostile-input crawl once it read PVO's pages (tests/kvo/test_vijandige_invoer.py, issue
26): ``"1e309"`` went straight into the primary-key lookup and raised ``ValueError``."""

import pytest
from django.urls import reverse

from analyse.models import Gebiedsscan
from audits.models import Ondertekenaar
from tests.pvo_hulp import maak_pvo

GEEN_ID = ("1e309", "99999999999999999999", "-1", "7\x00", "<script>", " ", "0x10")
FORMULIEREN = {
    "analyse:pvo_gebiedsscan": lambda p: {f"p{p}-fenomeen_1": "Leegstand"},
    "werkgroepen:pvo_samenwerking": lambda p: {"toegezegde_capaciteit": "8 uur", "toegezegd_op": "2025-02-01"},
    "audits:pvo_waardering": lambda p: {"formulier": "ondertekenaar", f"p{p}-naam": "K. de Boer"},
}


@pytest.fixture
def pvo(actoren):
    return maak_pvo(actoren)


@pytest.mark.parametrize("naam", FORMULIEREN)
@pytest.mark.parametrize("partij", GEEN_ID)
def test_een_partij_die_geen_id_is_wordt_niet_gevonden(actoren, als, pvo, naam, partij):
    voor = (Gebiedsscan.objects.count(), Ondertekenaar.objects.count(), pvo.gemeente.toegezegde_capaciteit)
    data = {"partij": partij, **FORMULIEREN[naam](partij)}
    response = als(actoren.secretaris).post(reverse(naam, kwargs={"werkgroep": pvo.werkgroep.slug}), data)
    assert response.status_code == 404
    pvo.gemeente.refresh_from_db()
    assert (Gebiedsscan.objects.count(), Ondertekenaar.objects.count(), pvo.gemeente.toegezegde_capaciteit) == voor


@pytest.mark.parametrize("naam", FORMULIEREN)
def test_een_echte_partij_wordt_wel_gevonden(actoren, als, pvo, naam):
    """The bound is not too tight: the municipality's own id still reaches each form."""
    p = pvo.gemeente.pk
    response = als(actoren.secretaris).post(
        reverse(naam, kwargs={"werkgroep": pvo.werkgroep.slug}), {"partij": str(p), **FORMULIEREN[naam](p)}
    )
    assert response.status_code == 302
