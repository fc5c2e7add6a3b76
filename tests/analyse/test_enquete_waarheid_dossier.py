"""The dossier carries a follow-up's condition (``x-toon_als`` on the question) and the empty
submissions per park (``x-lege_inzendingen``): a round trip keeps both, bad ones are refused."""

import copy

import pytest
from django_scopes import scopes_disabled

from analyse.models import LegeInzending, Vraag
from kvo.dossier import DossierFout
from kvo.dossier.services import dossier_exporteer, dossier_importeer
from tests.analyse.test_enquete_dossier import dossier  # noqa: F401  (the fixture)
from werkgroepen.models import Werkgroep


def _vraag(e, ref):
    return next(v for v in e["vragen"] if v["ref"] == ref)


def test_voorwaarde_en_lege_inzendingen_heen_en_terug(db, dossier):  # noqa: F811
    e = dossier["cycli"][0]["enquete"]
    assert _vraag(e, "b24-2")["x-toon_als"] == {"vraag": "b24-1", "antwoord": "ja"}  # from the default questions
    e["x-lege_inzendingen"] = {"hoek": 2}
    werkgroep = dossier_importeer(actor=None, dossier=copy.deepcopy(dossier))
    with scopes_disabled():
        vraag = Vraag.objects.get(enquete__werkgroep=werkgroep, ref="b24-2")
        assert (vraag.toon_als_vraag.ref, vraag.toon_als_antwoord) == ("b24-1", "ja")
        assert LegeInzending.objects.get(enquete__werkgroep=werkgroep).aantal == 2
        uit = dossier_exporteer(werkgroep=werkgroep)
    assert uit == dossier
    assert "x-lege_inzendingen" not in (werkgroep.enquetes.get().extra or {})


@pytest.mark.parametrize(
    ("wijzig", "melding"),
    [
        (lambda e: _vraag(e, "b24-2").update({"x-toon_als": {"vraag": "b99-1", "antwoord": "ja"}}), "geen andere"),
        (lambda e: _vraag(e, "b24-2").update({"x-toon_als": {"vraag": "b24-1", "antwoord": "wel"}}), "geen antwoord"),
        (
            lambda e: _vraag(e, "b24-2").update({"x-toon_als": {"vraag": "b33-1", "antwoord": "ja"}}),
            "vervolgvraag volgt",
        ),
        (lambda e: _vraag(e, "b24-2").update({"x-toon_als": {"vraag": "b24-2", "antwoord": "ja"}}), "geen andere"),
        (lambda e: _vraag(e, "b24-2").update({"x-toon_als": "b24-1"}), "verwacht"),
        (lambda e: e.update({"x-lege_inzendingen": {"elders": 1}}), 'onbekend bedrijventerrein "elders"'),
        (lambda e: e.update({"x-lege_inzendingen": {"hoek": -1}}), "een aantal"),
    ],
)
def test_foute_voorwaarde_of_telling_wordt_geweigerd(db, dossier, wijzig, melding):  # noqa: F811
    wijzig(dossier["cycli"][0]["enquete"])
    with pytest.raises(DossierFout) as fout:
        dossier_importeer(actor=None, dossier=dossier)
    assert any(melding in p and p.startswith("cycli[0].enquete") for p in fout.value.problemen), fout.value.problemen
    assert not Werkgroep.objects.exists()
