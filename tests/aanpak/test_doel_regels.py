"""A goal's rules between fields live once, in the service (``doel_bewaar``); the goal form shows
the service's refusal on the field it names, with 422 and nothing written (issue 26)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from aanpak.forms import DoelForm
from aanpak.models import Doelstelling
from aanpak.services.plan import doel_bewaar, plan_maak

SLUG = "de-hoek"
GOED = {
    "thema": "overlast", "titel": "Minder hangjongeren", "specifiek": "x", "meetbaar": "y", "norm": "percentage",
    "nulmeting": "20", "streefwaarde": "10", "acceptabel": "a", "realistisch": "r", "tijdgebonden": "2027-06-30",
    "behaald": "unknown",
}  # fmt: skip
GEEN_STREEFWAARDE = "Bij een percentage of aantal hoort een streefwaarde."


@pytest.fixture
def plan(actoren):
    return plan_maak(actor=None, cyclus=actoren.cyclus)


@pytest.mark.parametrize(
    ("wijziging", "veld", "melding"),
    [
        ({"streefwaarde": "150"}, "streefwaarde", "Een percentage ligt tussen 0 en 100."),
        ({"nulmeting": "-5"}, "nulmeting", "Een percentage ligt tussen 0 en 100."),
        ({"norm": "aantal", "streefwaarde": ""}, "streefwaarde", GEEN_STREEFWAARDE),
        ({"tijdgebonden": "2000-01-01"}, "tijdgebonden", "Kies een datum in de cyclus (niet voor de start)."),
    ],
)
def test_de_regel_van_de_service_staat_bij_het_veld(actoren, als, plan, wijziging, veld, melding):
    response = als(actoren.lid).post(reverse("aanpak:doel_nieuw", kwargs={"werkgroep": SLUG}), {**GOED, **wijziging})
    assert response.status_code == 422
    form = response.context["form"]
    assert form.errors[veld] == [melding]
    assert form.non_field_errors() == []
    assert not Doelstelling.objects.exists()


def test_het_formulier_herhaalt_de_regels_van_de_service_niet():
    """The form checks each field's own bounds only; the rules between fields are the service's."""
    form = DoelForm({**GOED, "streefwaarde": "150"}, themas=[("overlast", "Overlast")], cijfers={})
    assert form.is_valid(), form.errors


def test_de_service_weigert_per_veld(actoren, plan):
    gegevens = {"norm": "percentage", "nulmeting": 120.0, "streefwaarde": None, "tijdgebonden": dt.date(2000, 1, 1)}
    with pytest.raises(ValidationError) as fout:
        doel_bewaar(actor=None, plan=plan, gegevens=gegevens)
    assert set(fout.value.message_dict) == {"nulmeting", "streefwaarde", "tijdgebonden"}
