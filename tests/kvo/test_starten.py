"""Nieuwe werkgroep (issue 21): a facilitator starts a work group in steps; staff manage organisations."""

import pytest
from django.core import mail
from django.urls import reverse
from django_scopes import scopes_disabled

from tests.factories import BegeleidingsorganisatieFactory, UserFactory
from werkgroepen.models import Cyclus, Logregel, Werkgroep, WerkgroepStart

pytestmark = pytest.mark.django_db

NIEUW = reverse("begeleiding:nieuw")


def stap(start, n):
    return reverse("begeleiding:start_stap", args=[start.pk, n])


def doorloop(client, *, slug="de-vaart", soort="eerste"):
    r = client.post(NIEUW, {"naam": "KVO-B De Vaart", "slug": slug})
    assert r.status_code == 302, r.content.decode()[:2000]
    start = WerkgroepStart.objects.get(slug=slug)
    assert client.post(stap(start, 2), {"naam": "De Vaart", "gemeente": "Weststad"}).status_code == 302
    cyclus = {"start": "2026-03-01", "soort": soort}
    if soort == "opvolgende":
        cyclus.update(vorig_nummer="KVO-123", vorig_datum="2023-02-01")
    assert client.post(stap(start, 3), cyclus).status_code == 302
    bestuur = {
        "voorzitter_naam": "Anna Jansen",
        "voorzitter_email": "anna@example.org",
        "voorzitter_partij": "OV De Vaart",
        "voorzitter_soort": "ondernemersvereniging",
        "secretaris_naam": "Piet Smit",
        "secretaris_email": "piet@example.org",
        "secretaris_partij": "Gemeente Weststad",
        "secretaris_soort": "gemeente",
    }
    assert client.post(stap(start, 4), bestuur).status_code == 302
    return start


def test_begeleider_start_een_werkgroep(actoren, als, django_capture_on_commit_callbacks):
    client = als(actoren.begeleider)
    start = doorloop(client)
    with django_capture_on_commit_callbacks(execute=True):
        r = client.post(stap(start, 5))
    assert r.status_code == 302 and r["Location"] == "/w/de-vaart/"
    wg = Werkgroep.objects.get(slug="de-vaart")
    assert wg.begeleiding.naam == "Veilig Ondernemen Advies" and wg.gemeente == "Weststad"
    assert not WerkgroepStart.objects.exists()
    with scopes_disabled():
        assert [t.naam for t in wg.terreinen.all()] == ["De Vaart"]
        (cyclus,) = wg.cycli.all()
        assert (cyclus.nummer, cyclus.soort, str(cyclus.start)) == (1, "eerste", "2026-03-01")
        leden = {lid.naam: lid.rollen for lid in wg.leden.all()}
        assert leden == {"Anna Jansen": ["voorzitter"], "Piet Smit": ["secretaris"]}
        assert wg.uitnodigingen.count() == 2
        assert "werkgroep.gestart" in set(Logregel.objects.filter(werkgroep=wg).values_list("actie", flat=True))
    assert sorted(m.to[0] for m in mail.outbox) == ["anna@example.org", "piet@example.org"]
    # at once in the portfolio, with its readiness figure
    wg.refresh_from_db()
    assert wg.toets_berekend_op is not None
    assert "KVO-B De Vaart" in client.get(reverse("begeleiding:portfolio")).content.decode()
    # the home page says what to do first
    home = client.get("/w/de-vaart/").content.decode()
    assert 'data-testid="eerste-stappen"' in home
    assert "Teken het bedrijventerrein op de kaart" in home and "Plan de eerste bijeenkomst" in home


def test_hercertificering_bewaart_het_vorige_certificaat(actoren, als):
    client = als(actoren.staff)
    start = doorloop(client, soort="opvolgende")
    client.post(stap(start, 5))
    with scopes_disabled():
        cyclus = Cyclus.objects.get(werkgroep__slug="de-vaart")
    assert cyclus.soort == "opvolgende"
    assert cyclus.extra["x-vorig-certificaat"] == {"nummer": "KVO-123", "uitgegeven_op": "2023-02-01"}


def test_hercertificering_vraagt_het_vorige_certificaat(actoren, als):
    client = als(actoren.begeleider)
    client.post(NIEUW, {"naam": "X", "slug": "x-y"})
    start = WerkgroepStart.objects.get()
    client.post(stap(start, 2), {"naam": "T", "gemeente": "G"})
    r = client.post(stap(start, 3), {"start": "2026-03-01", "soort": "opvolgende"})
    assert r.status_code == 200
    assert "Vul het nummer van het vorige certificaat in." in r.content.decode()


def test_bezette_korte_naam_noemt_de_andere_werkgroep_niet(actoren, als):
    client = als(actoren.begeleider)
    r = client.post(NIEUW, {"naam": "Nog een", "slug": "andere-kant"})  # another organisation's group
    html = r.content.decode()
    assert r.status_code == 200 and "Deze korte naam is niet beschikbaar" in html
    assert "KVO Andere Kant" not in html
    assert not WerkgroepStart.objects.exists()


def test_ongeldige_korte_naam(actoren, als):
    r = als(actoren.begeleider).post(NIEUW, {"naam": "Nog een", "slug": "Met Spaties!"})
    assert "Gebruik alleen kleine letters, cijfers en streepjes." in r.content.decode()


def test_korte_naam_uit_de_naam(actoren, als):
    als(actoren.begeleider).post(NIEUW, {"naam": "KVO Bedrijvenpark Noord"})
    assert WerkgroepStart.objects.get().slug == "kvo-bedrijvenpark-noord"


def test_later_verder(actoren, als):
    client = als(actoren.begeleider)
    client.post(NIEUW, {"naam": "KVO Later", "slug": "later"})
    start = WerkgroepStart.objects.get()
    r = client.post(stap(start, 2), {"naam": "Park", "gemeente": "Stad", "opslaan": "1"})
    assert r["Location"] == NIEUW
    pagina = client.get(NIEUW).content.decode()
    assert "Verder waar u was gebleven" in pagina and stap(start, 3) in pagina
    # a step beyond the furthest one goes back to where the user was
    assert client.get(stap(start, 5))["Location"] == stap(start, 3)
    assert 'value="Park"' in client.get(stap(start, 2)).content.decode()


def test_niet_alle_stappen_ingevuld(actoren, als):
    client = als(actoren.begeleider)
    client.post(NIEUW, {"naam": "KVO Half", "slug": "half"})
    start = WerkgroepStart.objects.get()
    start.stap = 5
    start.save()
    r = client.post(stap(start, 5))
    assert r.status_code == 302 and not Werkgroep.objects.filter(slug="half").exists()


def test_alles_of_niets(actoren, als, monkeypatch):
    """A failure in the last service (the invitation) leaves no work group, park or cycle behind."""
    client = als(actoren.begeleider)
    start = doorloop(client)
    import werkgroepen.services.starten as starten

    def kapot(**kwargs):
        raise RuntimeError("mail weg")

    monkeypatch.setattr(starten, "lid_nodig_uit", kapot)
    with pytest.raises(RuntimeError):
        client.post(stap(start, 5))
    assert not Werkgroep.objects.filter(slug="de-vaart").exists()
    assert WerkgroepStart.objects.filter(pk=start.pk).exists()


# --- who may -------------------------------------------------------------------------------------


@pytest.mark.parametrize("rol,status", [("lid", 403), ("voorzitter", 403), ("begeleider", 200), ("staff", 200)])
def test_wie_mag_starten(actoren, als, rol, status):
    assert als(actoren.user(rol)).get(NIEUW).status_code == status


def test_ander_bureau_ziet_het_concept_niet(actoren, als):
    als(actoren.begeleider).post(NIEUW, {"naam": "KVO Geheim", "slug": "geheim"})
    start = WerkgroepStart.objects.get()
    ander = UserFactory(email="ander@example.org")
    BegeleidingsorganisatieFactory().gebruikers.add(ander)
    client = als(ander)
    for n in (1, 2):
        assert client.get(stap(start, n)).status_code == 404
    assert client.post(reverse("begeleiding:start_verwijder", args=[start.pk])).status_code == 404
    assert "KVO Geheim" not in client.get(NIEUW).content.decode()
    # a begeleider cannot start for another organisation
    eigen = WerkgroepStart.objects.count()
    r = client.post(NIEUW, {"naam": "Y", "slug": "y", "begeleiding": actoren.werkgroep.begeleiding_id})
    assert r.status_code == 200 and WerkgroepStart.objects.count() == eigen


def test_verplaatsen(actoren, als):
    url = reverse("beheer:werkgroep_verplaatsen", args=[actoren.werkgroep.pk])
    ander = UserFactory(email="ander@example.org")
    nieuw = BegeleidingsorganisatieFactory(naam="Nieuw Bureau")
    nieuw.gebruikers.add(ander)
    assert als(ander).get(url).status_code == 404  # another organisation's group: not found
    assert als(actoren.begeleider).get(url).status_code == 403  # own group: may not move it
    client = als(actoren.staff)
    assert client.post(url, {"naar": nieuw.pk}).status_code == 302
    actoren.werkgroep.refresh_from_db()
    assert actoren.werkgroep.begeleiding == nieuw


def test_staff_beheert_organisaties(actoren, als):
    client = als(actoren.staff)
    assert als(actoren.begeleider).get(reverse("beheer:organisaties")).status_code == 403
    client = als(actoren.staff)
    client.post(reverse("beheer:organisaties"), {"naam": "Bureau Zuid"})
    from werkgroepen.models import Begeleidingsorganisatie

    org = Begeleidingsorganisatie.objects.get(naam="Bureau Zuid")
    url = reverse("beheer:organisatie", args=[org.pk])
    assert client.post(url, {"email": "LID@example.org"}).status_code == 302
    assert list(org.gebruikers.all()) == [actoren.lid]
    assert client.post(url, {"email": "lid@example.org"}).status_code == 200  # already a facilitator here
    client.post(reverse("beheer:begeleider_verwijder", args=[org.pk, actoren.lid.pk]))
    assert not org.gebruikers.exists()


def test_een_nieuwe_procesbegeleider_zonder_account_krijgt_een_welkomstmail(
    actoren, als, client, django_capture_on_commit_callbacks, mailoutbox
):
    """Sign-up is closed (the invitation is the only way in for members): staff add a facilitator who
    has no account yet, who then chooses a password through the mailed link and reaches the portfolio."""
    import re

    from werkgroepen.models import Begeleidingsorganisatie

    org = Begeleidingsorganisatie.objects.create(naam="Bureau Noord")
    with django_capture_on_commit_callbacks(execute=True):
        r = als(actoren.staff).post(reverse("beheer:organisatie", args=[org.pk]), {"email": "nieuw@bureau.nl"})
    assert r.status_code == 302
    nieuw = org.gebruikers.get()
    assert nieuw.email == "nieuw@bureau.nl" and not nieuw.has_usable_password()
    (mail,) = mailoutbox
    assert mail.to == ["nieuw@bureau.nl"] and "Bureau Noord" in mail.body and "staff@example.org" in mail.body
    pad = re.search(r"https?://[^/\s]+(/\S+)", mail.body).group(1)
    client.logout()
    formulier = client.get(pad, follow=True)
    assert formulier.status_code == 200
    antwoord = client.post(
        formulier.redirect_chain[-1][0] if formulier.redirect_chain else pad,
        {"password1": "een-lang-wachtwoord-2026", "password2": "een-lang-wachtwoord-2026"},
    )
    assert antwoord.status_code == 302
    nieuw.refresh_from_db()
    assert nieuw.check_password("een-lang-wachtwoord-2026")


# --- bounded queries ------------------------------------------------------------------------------


def test_stappen_met_begrensd_aantal_queries(actoren, als, django_assert_max_num_queries):
    client = als(actoren.begeleider)
    client.post(NIEUW, {"naam": "KVO Q", "slug": "q"})
    start = WerkgroepStart.objects.get()
    start.stap = 5
    start.save()
    for _ in range(5):
        als(actoren.begeleider).post(NIEUW, {"naam": "KVO Meer", "slug": f"meer-{_}"})
    with django_assert_max_num_queries(12):
        client.get(NIEUW)
    for n in range(1, 6):
        with django_assert_max_num_queries(12):
            assert client.get(stap(start, n)).status_code == 200


def test_controleren_toont_de_datums_in_het_nederlands(actoren, als):
    """Step 5 showed the cycle's dates as the draft keeps them (2026-03-01)."""
    client = als(actoren.staff)
    start = doorloop(client, soort="opvolgende")
    pagina = client.get(stap(start, 5)).content.decode()
    assert "vanaf 1 maart 2026" in pagina and "van 1 februari 2023" in pagina
    assert "2026-03-01" not in pagina


def test_eerste_stappen_blijven_staan_en_tellen_het_register_mee(actoren, als):
    """The first steps vanished as soon as one entrepreneur was registered, and the import step was
    never ticked off; now they stay until the first meeting, each ticked off when done."""
    import datetime as dt

    from tests.factories import OndernemerFactory
    from werkgroepen.models import Bijeenkomst

    client = als(actoren.staff)
    client.post(stap(doorloop(client), 5))
    wg = Werkgroep.objects.get(slug="de-vaart")
    with scopes_disabled():
        terrein = wg.terreinen.get()
    terrein.grens = {"type": "Polygon", "coordinates": [[[5.0, 52.0], [5.01, 52.0], [5.01, 52.01], [5.0, 52.0]]]}
    terrein.save()
    OndernemerFactory(terrein=terrein)
    r = client.get("/w/de-vaart/")
    klaar = [s["naam"] for s in r.context["eerste_stappen"] if s["klaar"]]
    assert klaar == ["Teken het bedrijventerrein op de kaart", "Importeer het ondernemersregister"]
    with scopes_disabled():
        Bijeenkomst.objects.create(werkgroep=wg, datum=dt.date(2026, 3, 10))
    assert client.get("/w/de-vaart/").context["eerste_stappen"] is None
