"""The form helper (kvo.formulieren): bind → service → message → redirect, or the form again with
its errors (the caller answers 422); a service's refusal leaves nothing written."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.test import RequestFactory

from kvo.formulieren import Uitkomst, gegevens_van, verwerk, verwerk_formulier, voer_uit

pytestmark = pytest.mark.django_db


class NaamForm(forms.Form):
    naam = forms.CharField(label="Naam", max_length=20)


def _verzoek(data: dict, *, mag: bool = True):
    request = RequestFactory().post("/w/x/pagina/?tab=2", data)
    request.session = {}
    request._messages = FallbackStorage(request)
    request.toegang = SimpleNamespace(mag=lambda actie: mag)
    request.werkgroep = None
    return request


def _berichten(request) -> list[tuple[str, str]]:
    return [(m.level_tag, m.message) for m in get_messages(request)]


def _schrijf_en_weiger(fout: ValidationError):
    """A service that writes, then refuses: the helper's transaction must undo the write."""

    def service(gegevens):
        get_user_model().objects.create(email=f"half-{gegevens['naam']}@example.org")
        raise fout

    return service


def _pagina(request, form, service, **kwargs) -> HttpResponse:
    """A form view as the project writes them: the helper, else the page again with 422."""
    antwoord = verwerk_formulier(request, form, service, **kwargs)
    if antwoord is not None:
        return antwoord
    return HttpResponse(str(form.errors.as_data()), status=422)


def test_gelukt_geeft_bericht_en_doorverwijzing():
    request = _verzoek({"naam": "Anna"})
    form = NaamForm(request.POST)
    antwoord = _pagina(
        request,
        form,
        lambda g: get_user_model().objects.create(email=f"{g['naam']}@example.org", naam=g["naam"]),
        succes=lambda user: f"{user.naam} is opgeslagen.",
        naar=lambda user: f"/gebruikers/{user.naam}/",
    )
    assert antwoord.status_code == 302
    assert antwoord["Location"] == "/gebruikers/Anna/"
    assert _berichten(request) == [("success", "Anna is opgeslagen.")]
    assert get_user_model().objects.filter(email="Anna@example.org").exists()


def test_weigering_van_de_service_staat_bij_het_veld_en_niets_is_geschreven():
    request = _verzoek({"naam": "Bert"})
    form = NaamForm(request.POST)
    antwoord = _pagina(
        request,
        form,
        _schrijf_en_weiger(ValidationError({"naam": "Deze naam is al bezet."})),
        succes="Opgeslagen.",
        naar="/",
    )
    assert antwoord.status_code == 422
    assert form.errors == {"naam": ["Deze naam is al bezet."]}
    assert _berichten(request) == []
    assert not get_user_model().objects.filter(email__startswith="half-").exists()


def test_weigering_zonder_veld_staat_boven_het_formulier():
    request = _verzoek({"naam": "Cor"})
    form = NaamForm(request.POST)
    antwoord = _pagina(
        request,
        form,
        _schrijf_en_weiger(ValidationError({"elders": "Niet hier.", "__all__": "Helemaal niet."})),
        succes="Opgeslagen.",
        naar="/",
    )
    assert antwoord.status_code == 422
    assert form.non_field_errors() == ["Niet hier.", "Helemaal niet."]
    assert not get_user_model().objects.filter(email__startswith="half-").exists()


def test_ongeldig_formulier_roept_de_service_niet_aan():
    request = _verzoek({"naam": ""})
    form = NaamForm(request.POST)
    formset = forms.formset_factory(NaamForm)(
        {"form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "0", "form-0-naam": "x" * 30}
    )
    aangeroepen = []
    antwoord = _pagina(request, form, aangeroepen.append, ook=[formset], succes="x", naar="/")
    assert antwoord.status_code == 422
    assert aangeroepen == []
    assert "naam" in form.errors
    assert formset.errors[0]  # the formset was validated too: its errors show as well


def test_ongeldige_formset_houdt_de_service_tegen():
    request = _verzoek({"naam": "Dirk"})
    formset = forms.formset_factory(NaamForm)(
        {"form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "0", "form-0-naam": "x" * 30}
    )
    aangeroepen = []
    assert (
        verwerk_formulier(request, NaamForm(request.POST), aangeroepen.append, ook=[formset], succes="x", naar="/")
        is None
    )
    assert aangeroepen == []


# --- the small forms of a page (verwerk): both outcomes come back to the page with a message ---


def test_klein_formulier_gelukt():
    request = _verzoek({"naam": "Eva"})
    antwoord = verwerk(request, NaamForm(request.POST), lambda form: f"{form.cleaned_data['naam']} toegevoegd.")
    assert (antwoord.status_code, antwoord["Location"]) == (302, "/w/x/pagina/?tab=2")
    assert _berichten(request) == [("success", "Eva toegevoegd.")]


def test_klein_formulier_weigering_van_de_service_en_niets_geschreven():
    request = _verzoek({"naam": "Fien"})
    service = _schrijf_en_weiger(ValidationError("Dat kan nu niet."))
    antwoord = verwerk(request, NaamForm(request.POST), lambda form: service(form.cleaned_data))
    assert antwoord.status_code == 302
    assert _berichten(request) == [("error", "Dat kan nu niet.")]
    assert not get_user_model().objects.filter(email__startswith="half-").exists()


def test_klein_formulier_ongeldig():
    request = _verzoek({"naam": ""})
    antwoord = verwerk(request, NaamForm(request.POST), lambda form: "nooit")
    assert antwoord.status_code == 302
    assert _berichten(request) == [("error", "Niet opgeslagen. Naam: Dit veld is verplicht.")]


def test_klein_formulier_zonder_recht():
    request = _verzoek({"naam": "Gijs"}, mag=False)
    with pytest.raises(PermissionDenied):
        verwerk(request, NaamForm(request.POST), lambda form: "nooit")


# --- the shapes added for the views that hand-rolled them (issue 26) ---


class Conflict(Exception):
    pass


def test_niveau_en_bericht_naar_de_uitkomst():
    """A saved evaluation with open questions is a warning; a step without a message shows none."""
    request = _verzoek({"naam": "Hans"})
    antwoord = verwerk_formulier(
        request,
        NaamForm(request.POST),
        lambda g: g["naam"],
        succes=lambda naam: f"{naam}: nog 2 vragen open.",
        niveau=lambda naam: messages.WARNING,
        naar="/",
    )
    assert antwoord.status_code == 302
    assert _berichten(request) == [("warning", "Hans: nog 2 vragen open.")]
    request = _verzoek({"naam": "Ida"})
    assert verwerk_formulier(request, NaamForm(request.POST), lambda g: g, succes=None, naar="/").status_code == 302
    assert _berichten(request) == []


def test_een_andere_weigering_krijgt_haar_eigen_antwoord_en_niets_is_geschreven():
    """The optimistic lock's conflict: the view's answer (409), and the service's write undone."""
    request = _verzoek({"naam": "Jan"})
    form = NaamForm(request.POST)
    gezien = []

    def service(gegevens):
        get_user_model().objects.create(email=f"half-{gegevens['naam']}@example.org")
        raise Conflict("al gewijzigd")

    antwoord = verwerk_formulier(
        request,
        form,
        service,
        succes="x",
        naar="/",
        bij={Conflict: lambda fout: gezien.append(fout) or HttpResponse("beide versies", status=409)},
    )
    assert antwoord.status_code == 409
    assert [str(f) for f in gezien] == ["al gewijzigd"]
    assert _berichten(request) == []
    assert not get_user_model().objects.filter(email__startswith="half-").exists()


def test_een_onbekende_fout_gaat_door():
    request = _verzoek({"naam": "Kees"})
    with pytest.raises(ZeroDivisionError):
        verwerk_formulier(request, NaamForm(request.POST), lambda g: 1 / 0, succes="x", naar="/", bij={Conflict: None})


def test_voer_uit_geeft_de_uitkomst_en_de_view_antwoordt():
    form = NaamForm({"naam": "Lia"})
    assert voer_uit(form, lambda g: g["naam"].upper()) == Uitkomst(True, "LIA")
    form = NaamForm({"naam": "Lia"})
    uitkomst = voer_uit(form, _schrijf_en_weiger(ValidationError("Nee.")))
    assert uitkomst == Uitkomst(False)
    assert form.non_field_errors() == ["Nee."]
    assert not get_user_model().objects.filter(email__startswith="half-").exists()
    gezien = []
    voer_uit(
        NaamForm({"naam": "Lia"}),
        _schrijf_en_weiger(ValidationError("Nee.")),
        op_fout=lambda f, e: gezien.extend(e.messages),
    )
    assert gezien == ["Nee."]


def test_klein_formulier_gaat_naar_een_andere_pagina_met_een_eigen_melding():
    request = _verzoek({"naam": ""})
    antwoord = verwerk(
        request, NaamForm(request.POST), lambda form: "nooit", naar="/elders/", ongeldig="Vul een naam in."
    )
    assert antwoord["Location"] == "/elders/"
    assert _berichten(request) == [("error", "Vul een naam in.")]
    request = _verzoek({"naam": ""})
    verwerk(request, NaamForm(request.POST), lambda form: "nooit", ongeldig=lambda form: f"{len(form.errors)} fout")
    assert _berichten(request) == [("error", "1 fout")]
    request = _verzoek({"naam": "Mo"})
    antwoord = verwerk(request, NaamForm(request.POST), lambda form: "Gelukt.", naar="/elders/")
    assert (antwoord["Location"], _berichten(request)) == ("/elders/", [("success", "Gelukt.")])


def test_gegevens_van_een_filter():
    assert gegevens_van(NaamForm({"naam": "Noor"})) == {"naam": "Noor"}
    assert gegevens_van(NaamForm({"naam": ""})) is None
    assert gegevens_van(NaamForm()) is None  # unbound: no filter chosen
