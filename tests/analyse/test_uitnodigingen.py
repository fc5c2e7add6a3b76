"""Sending the survey: invitations, reminders exactly once, letters, paper entry, the
``enquete.persoonlijk`` check, and the invitations page (roles, tenancy, bounded queries)."""

import datetime as dt
import re
from unittest import mock

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from analyse.models import EnqueteLink, EnqueteUitnodiging, Herinnering, Reactie
from analyse.services.enquete import enquete_maak
from analyse.services.reacties import reactie_dien_in
from analyse.services.uitnodigingen import enquete_verstuur, herinnering_dagen_uit_tekst, planning_wijzig
from analyse.tasks import herinneringen_plannen, herinneringen_versturen
from analyse.tokens import hash_van
from kvo.toets import Status
from tests.factories import BedrijventerreinFactory, OndernemerFactory
from tests.pdf_archief import controleer_archief_pdf

SLUG = "de-hoek"
START = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)
LINK = re.compile(r"http://[^\s]+/e/([A-Za-z0-9_-]{40,})/")


def url(naam, **kwargs):
    return reverse(f"analyse:{naam}", kwargs={"werkgroep": SLUG, **kwargs})


@pytest.fixture
def nu(time_machine):
    time_machine.move_to(START, tick=False)
    return time_machine


@pytest.fixture
def enquete(actoren, nu):
    return enquete_maak(actor=None, cyclus=actoren.cyclus)


@pytest.fixture
def terrein(actoren):
    return BedrijventerreinFactory(werkgroep=actoren.werkgroep, naam="Zuid", ref="zuid")


@pytest.fixture
def register(terrein):
    met = [OndernemerFactory(terrein=terrein, naam=f"Mail {i} B.V.", email=f"o{i}@bedrijf.nl") for i in range(4)]
    zonder = [OndernemerFactory(terrein=terrein, naam=f"Brief {i} B.V.", email=None) for i in range(2)]
    return met, zonder


def verstuur(enquete, capture, *, dagen=(7, 14), sluit=dt.date(2026, 11, 30)):
    with capture(execute=True):
        nieuw = enquete_verstuur(actor=None, enquete=enquete, gesloten_op=sluit, herinnering_dagen=list(dagen))
    enquete.refresh_from_db()
    return nieuw


def tokens_uit(berichten):
    return [LINK.search(m.body).group(1) for m in berichten]


# --- sending ------------------------------------------------------------------------------


def test_versturen_nodigt_elke_ondernemer_uit_en_mailt_een_eigen_link(
    actoren, als, enquete, register, django_capture_on_commit_callbacks
):
    met, zonder = register
    with django_capture_on_commit_callbacks(execute=True):
        response = als(actoren.secretaris).post(
            url("enquete_verstuur"), {"gesloten_op": "2026-11-30", "herinneringen": "7, 14"}
        )
    assert response.status_code == 302
    enquete.refresh_from_db()
    assert enquete.geopend_op == dt.date(2026, 11, 2) and enquete.herinnering_dagen == [7, 14]
    uitnodigingen = {u.ondernemer_id: u for u in enquete.uitnodigingen.all()}
    assert set(uitnodigingen) == {o.pk for o in met + zonder}
    assert {uitnodigingen[o.pk].kanaal for o in met} == {"email"}
    assert {uitnodigingen[o.pk].kanaal for o in zonder} == {"brief"}
    assert {uitnodigingen[o.pk].verzending for o in met} == {"verstuurd"}
    assert sorted(m.to[0] for m in mail.outbox) == sorted(o.email for o in met)
    tokens = tokens_uit(mail.outbox)
    assert len(set(tokens)) == 4 and all(len(t) >= 43 for t in tokens)  # 256 bits, url-safe
    # Only the hash is stored, never the token itself.
    opgeslagen = set(EnqueteLink.objects.values_list("token_hash", flat=True))
    assert {hash_van(t) for t in tokens} <= opgeslagen
    assert not opgeslagen & set(tokens)
    assert "anoniem" in mail.outbox[0].body and "30 november 2026" in mail.outbox[0].body


def test_versturen_geweigerd_zonder_minimum_en_niets_half_geschreven(
    actoren, als, register, nu, django_capture_on_commit_callbacks
):
    enquete = enquete_maak(actor=None, cyclus=actoren.cyclus, met_minimum=False)
    with django_capture_on_commit_callbacks(execute=True):
        response = als(actoren.voorzitter).post(url("enquete_verstuur"), {"gesloten_op": "2026-11-30"})
    assert response.status_code == 422
    assert "vragen" in response.text or "minimum" in response.text
    enquete.refresh_from_db()
    assert enquete.geopend_op is None and not enquete.uitnodigingen.exists() and not mail.outbox


def test_versturen_geweigerd_zonder_ondernemers(actoren, als, enquete, django_capture_on_commit_callbacks):
    response = als(actoren.voorzitter).post(url("enquete_verstuur"), {"gesloten_op": "2026-11-30"})
    assert response.status_code == 422
    assert "Er staan nog geen ondernemers in het register" in response.text
    enquete.refresh_from_db()
    assert enquete.geopend_op is None


@pytest.mark.parametrize(
    ("gegevens", "melding"),
    [
        ({"gesloten_op": "2026-11-01"}, "ligt in het verleden"),
        ({"gesloten_op": ""}, "Vul een sluitingsdatum in"),
        ({"gesloten_op": "2026-11-30", "herinneringen": "14, 7"}, "op volgorde"),
        ({"gesloten_op": "2026-11-30", "herinneringen": "7, 29"}, "na de sluitingsdatum"),
        ({"gesloten_op": "2026-11-30", "herinneringen": "zeven"}, "is geen aantal dagen"),
        ({"gesloten_op": "2026-11-30", "herinneringen": "1,2,3,4,5,6"}, "Hoogstens 5 herinneringen"),
        ({"gesloten_op": "2027-06-01"}, "hoogstens 180 dagen"),
    ],
)
def test_planning_met_heldere_fout(actoren, als, enquete, register, gegevens, melding):
    response = als(actoren.secretaris).post(url("enquete_verstuur"), gegevens)
    assert response.status_code == 422
    assert melding in response.text
    enquete.refresh_from_db()
    assert enquete.geopend_op is None


def test_herinnering_op_de_sluitingsdatum_mag_een_dag_later_niet():
    # 2 Nov + 28 days = 30 Nov: the last day the survey is open.
    from analyse.services.uitnodigingen import _valideer_planning

    _valideer_planning([28], geopend=dt.date(2026, 11, 2), gesloten_op=dt.date(2026, 11, 30), vandaag=START.date())
    with pytest.raises(Exception, match="na de sluitingsdatum"):
        _valideer_planning([29], geopend=dt.date(2026, 11, 2), gesloten_op=dt.date(2026, 11, 30), vandaag=START.date())


def test_herinnering_dagen_uit_tekst():
    assert herinnering_dagen_uit_tekst("7, 14") == [7, 14]
    assert herinnering_dagen_uit_tekst("7;14 21") == [7, 14, 21]
    assert herinnering_dagen_uit_tekst("") == []


def test_verstuurde_enquete_is_bevroren_en_niet_twee_keer_te_versturen(
    actoren, enquete, register, django_capture_on_commit_callbacks
):
    verstuur(enquete, django_capture_on_commit_callbacks)
    with pytest.raises(Exception, match="al verstuurd"):
        verstuur(enquete, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 4


def test_een_mislukte_mail_wordt_genoteerd_en_de_rest_gaat_door(
    actoren, enquete, register, django_capture_on_commit_callbacks
):
    from django.core.mail.backends.locmem import EmailBackend

    echt = EmailBackend.send_messages

    def soms_fout(self, berichten):
        if berichten[0].to[0] == "o2@bedrijf.nl":
            raise OSError("550 mailbox unavailable o2@bedrijf.nl")
        return echt(self, berichten)

    with mock.patch.object(EmailBackend, "send_messages", soms_fout):
        verstuur(enquete, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 3
    mislukt = enquete.uitnodigingen.get(ondernemer__email="o2@bedrijf.nl")
    assert mislukt.verzending == "mislukt" and "OSError" in mislukt.fout
    assert "o2@bedrijf.nl" not in mislukt.fout  # the reason, not the message or address


# --- reminders: each round once, to those who have not answered ---------------------------


def test_herinneringen_precies_een_keer_en_niet_aan_wie_antwoordde(
    actoren, enquete, register, nu, django_capture_on_commit_callbacks
):
    verstuur(enquete, django_capture_on_commit_callbacks)
    eerste = enquete.uitnodigingen.get(ondernemer__email="o0@bedrijf.nl")
    reactie_dien_in(uitnodiging=eerste, antwoorden={})
    mail.outbox.clear()

    nu.move_to(START + dt.timedelta(days=6, hours=12), tick=False)  # 8 Nov, 22:00 in Amsterdam
    assert herinneringen_plannen() == 0
    assert not mail.outbox

    nu.move_to(START + dt.timedelta(days=7), tick=False)
    assert herinneringen_plannen() == 1
    assert sorted(m.to[0] for m in mail.outbox) == ["o1@bedrijf.nl", "o2@bedrijf.nl", "o3@bedrijf.nl"]
    assert all("Herinnering" in m.subject for m in mail.outbox)
    # The beat job runs every hour and a task may be retried: nobody gets round 1 twice.
    herinneringen_plannen()
    herinneringen_versturen(werkgroep_id=actoren.werkgroep.pk, enquete_id=enquete.pk, ronde=1)
    assert len(mail.outbox) == 3
    assert Herinnering.objects.filter(ronde=1, status="verstuurd").count() == 3

    nu.move_to(START + dt.timedelta(days=14), tick=False)
    tweede = enquete.uitnodigingen.get(ondernemer__email="o1@bedrijf.nl")
    reactie_dien_in(uitnodiging=tweede, antwoorden={})
    mail.outbox.clear()
    herinneringen_plannen()
    assert sorted(m.to[0] for m in mail.outbox) == ["o2@bedrijf.nl", "o3@bedrijf.nl"]

    nu.move_to(START + dt.timedelta(days=29), tick=False)  # closed on 30 Nov (inclusive)
    mail.outbox.clear()
    assert herinneringen_plannen() == 0
    assert not mail.outbox


def test_een_geclaimde_rij_van_een_gestorven_worker_wordt_nooit_opnieuw_verstuurd(
    actoren, enquete, register, nu, django_capture_on_commit_callbacks
):
    verstuur(enquete, django_capture_on_commit_callbacks)
    u = enquete.uitnodigingen.get(ondernemer__email="o3@bedrijf.nl")
    Herinnering.objects.create(uitnodiging=u, ronde=1)  # claimed, then the worker died before sending
    mail.outbox.clear()
    nu.move_to(START + dt.timedelta(days=7), tick=False)
    herinneringen_plannen()
    assert "o3@bedrijf.nl" not in [m.to[0] for m in mail.outbox]
    assert len(mail.outbox) == 3
    # After a while the secretary sees it as "niet bevestigd".
    nu.move_to(START + dt.timedelta(days=7, minutes=30), tick=False)
    response = pytest.importorskip("django.test").Client()
    response.force_login(actoren.secretaris)
    pagina = response.get(url("uitnodigingen"))
    assert "herinnering 1" in pagina.text and "Niet bevestigd" in pagina.text


def test_planning_wijzigen_laat_verstuurde_rondes_staan(
    actoren, enquete, register, nu, django_capture_on_commit_callbacks
):
    verstuur(enquete, django_capture_on_commit_callbacks)
    nu.move_to(START + dt.timedelta(days=7), tick=False)
    herinneringen_plannen()
    with pytest.raises(Exception, match="De herinnering na 7 dagen is al verstuurd; die blijft staan"):
        planning_wijzig(actor=None, enquete=enquete, gesloten_op=dt.date(2026, 11, 30), herinnering_dagen=[8, 14])
    planning_wijzig(actor=None, enquete=enquete, gesloten_op=dt.date(2026, 12, 10), herinnering_dagen=[7, 21, 30])
    enquete.refresh_from_db()
    assert enquete.herinnering_dagen == [7, 21, 30] and enquete.gesloten_op == dt.date(2026, 12, 10)


# --- failures, bounces, letters, paper ----------------------------------------------------


def test_mislukt_opnieuw_versturen_en_onbestelbaar_wordt_brief(
    actoren, als, enquete, register, nu, django_capture_on_commit_callbacks
):
    verstuur(enquete, django_capture_on_commit_callbacks)
    client = als(actoren.secretaris)
    u = enquete.uitnodigingen.get(ondernemer__email="o1@bedrijf.nl")
    EnqueteUitnodiging.objects.filter(pk=u.pk).update(verzending="mislukt", fout="Verzenden mislukt: SMTPError")
    assert "Verzenden mislukt: SMTPError" in client.get(url("uitnodigingen")).text
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("uitnodiging_verstuur_opnieuw", pk=u.pk))
    assert [m.to[0] for m in mail.outbox] == ["o1@bedrijf.nl"]
    u.refresh_from_db()
    assert u.verzending == "verstuurd"

    b = enquete.uitnodigingen.get(ondernemer__email="o2@bedrijf.nl")
    client.post(url("uitnodiging_markeer_onbestelbaar", pk=b.pk), {"toelichting": "adres bestaat niet"})
    b.refresh_from_db()
    assert b.verzending == "onbestelbaar"
    pagina = client.get(url("uitnodigingen"))
    assert "adres bestaat niet" in pagina.text
    # Two letters without e-mail plus the bounce.
    assert re.search(r"<td class=\"getal\">3</td>", pagina.text)


def test_brieven_pdf_per_terrein_met_nieuwe_links(
    actoren, als, enquete, register, terrein, django_capture_on_commit_callbacks
):
    verstuur(enquete, django_capture_on_commit_callbacks)
    voor = EnqueteLink.objects.count()
    response = als(actoren.secretaris).post(url("brieven", terrein=terrein.pk))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")
    assert response["Cache-Control"] == "private, no-store"  # kvo.downloads.NietBewaren
    controleer_archief_pdf(response.content, titel=f"Uitnodigingen enquête · {terrein.naam}")  # issue 24
    assert EnqueteLink.objects.count() == voor + 2
    assert set(enquete.uitnodigingen.filter(kanaal="brief").values_list("verzending", flat=True)) == {"verstuurd"}
    # Nobody left: a clear message, no empty PDF.
    opnieuw = als(actoren.secretaris).post(url("brieven", terrein=terrein.pk), follow=True)
    assert "niemand die nog een brief nodig heeft" in opnieuw.text
    kwijt = als(actoren.secretaris).post(url("brieven", terrein=terrein.pk), {"opnieuw": "1"})
    assert kwijt.content.startswith(b"%PDF") and EnqueteLink.objects.count() == voor + 4


def test_papieren_vragenlijst_telt_als_reactie(actoren, als, enquete, register, django_capture_on_commit_callbacks):
    verstuur(enquete, django_capture_on_commit_callbacks)
    u = enquete.uitnodigingen.filter(kanaal="brief").first()
    client = als(actoren.secretaris)
    pagina = client.get(url("papier_invoeren", pk=u.pk))
    assert pagina.status_code == 200 and "Papieren vragenlijst invoeren" in pagina.text
    vraag = enquete.vragen.filter(type="schaal").first()
    fout = client.post(url("papier_invoeren", pk=u.pk), {f"v-{vraag.ref}": "9"})
    assert fout.status_code == 422 and "Kies een waarde van 1 tot en met 5" in fout.text
    assert not Reactie.objects.exists()
    response = client.post(url("papier_invoeren", pk=u.pk), {f"v-{vraag.ref}": "4"})
    assert response.status_code == 302
    reactie = Reactie.objects.get()
    assert reactie.antwoorden == {vraag.ref: 4} and reactie.terrein_id == u.ondernemer.terrein_id
    u.refresh_from_db()
    assert u.beantwoord and u.papier
    nog_eens = client.get(url("papier_invoeren", pk=u.pk), follow=True)
    assert "heeft de enquête al ingevuld" in nog_eens.text


# --- the check -----------------------------------------------------------------------------


def test_check_persoonlijk(actoren, enquete, register, terrein, toets, django_capture_on_commit_callbacks):
    wg, datum = actoren.werkgroep, dt.date(2026, 11, 3)
    assert toets(wg, "enquete.persoonlijk", datum).status == Status.OPEN
    verstuur(enquete, django_capture_on_commit_callbacks)
    uitkomst = toets(wg, "enquete.persoonlijk", datum)
    assert uitkomst.status == Status.NIET_VOLDAAN and "2 brieven nog niet gemaakt" in uitkomst.toelichting
    from analyse.services.uitnodigingen import brieven_maak

    brieven_maak(actor=None, enquete=enquete, terrein=terrein)
    uitkomst = toets(wg, "enquete.persoonlijk", datum)
    assert uitkomst.status == Status.VOLDAAN
    assert "6 uitnodigingen (4 per e-mail, 2 per brief), 6 afgeleverd" in uitkomst.toelichting
    nieuw = OndernemerFactory(terrein=terrein, email="laat@bedrijf.nl")
    uitkomst = toets(wg, "enquete.persoonlijk", datum)
    assert uitkomst.status == Status.NIET_VOLDAAN and "1 ondernemer uit het register zonder uitnodiging" in (
        uitkomst.toelichting
    )
    with django_capture_on_commit_callbacks(execute=False):
        from analyse.services.uitnodigingen import uitnodigingen_vul_aan

        uitnodigingen_vul_aan(actor=None, enquete=enquete)  # the mail task has not run yet
    assert enquete.uitnodigingen.get(ondernemer=nieuw).verzending == "wacht"
    assert toets(wg, "enquete.persoonlijk", datum).status == Status.OPEN


# --- the page ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rol", "status"), [("voorzitter", 200), ("secretaris", 200), ("begeleider", 200), ("lid", 403), ("agendalid", 403)]
)
def test_alleen_voorzitter_en_secretaris(actoren, als, enquete, register, rol, status):
    assert als(actoren.user(rol)).get(url("uitnodigingen")).status_code == status


def test_andere_werkgroep_krijgt_404_ook_met_een_echte_uitnodiging(
    actoren, als, enquete, register, terrein, django_capture_on_commit_callbacks
):
    verstuur(enquete, django_capture_on_commit_callbacks)
    u = enquete.uitnodigingen.first()
    client = als(actoren.vreemde)
    andere = reverse("analyse:papier_invoeren", kwargs={"werkgroep": "andere-kant", "pk": u.pk})
    assert client.get(andere).status_code == 404
    for naam, kwargs in [("papier_invoeren", {"pk": u.pk}), ("uitnodigingen", {}), ("verzendstatus", {})]:
        assert client.get(url(naam, **kwargs)).status_code == 404
    for naam, kwargs in [("uitnodiging_verstuur_opnieuw", {"pk": u.pk}), ("brieven", {"terrein": terrein.pk})]:
        assert client.post(url(naam, **kwargs)).status_code == 404


def test_verzendstatus_ververst_zich_zolang_er_mails_wachten(
    actoren, als, enquete, register, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        enquete_verstuur(actor=None, enquete=enquete, gesloten_op=dt.date(2026, 11, 30), herinnering_dagen=[])
    blok = als(actoren.secretaris).get(url("verzendstatus"))
    assert 'hx-trigger="every 2s"' in blok.text and "nog 4 in de wachtrij" in blok.text


@pytest.mark.parametrize("aantal", [3, 30])
def test_pagina_queries_groeien_niet_mee(
    actoren, als, enquete, terrein, aantal, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    for i in range(aantal):
        OndernemerFactory(terrein=terrein, email=f"x{i}@bedrijf.nl" if i % 3 else None)
    verstuur(enquete, django_capture_on_commit_callbacks)
    client = als(actoren.secretaris)
    with django_assert_max_num_queries(24):
        response = client.get(url("uitnodigingen"))
    assert response.status_code == 200
    assert response.text.count("Papier invoeren") == aantal


def test_niet_verstuurde_enquete_toont_wie_een_uitnodiging_krijgt(actoren, als, enquete, register):
    pagina = als(actoren.secretaris).get(url("uitnodigingen"))
    assert "Wie krijgt een uitnodiging?" in pagina.text and "Enquête versturen" in pagina.text
    assert re.search(r"<th scope=\"row\">Zuid</th><td class=\"getal\">6</td><td class=\"getal\">4</td>", pagina.text)
    assert timezone.localdate() == dt.date(2026, 11, 2)


@pytest.mark.parametrize("status", ["gepauzeerd", "beeindigd"])
def test_geen_herinneringen_voor_een_gepauzeerde_of_beeindigde_werkgroep(
    actoren, enquete, register, nu, django_capture_on_commit_callbacks, status
):
    verstuur(enquete, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    actoren.werkgroep.status = status
    actoren.werkgroep.save(update_fields=["status"])
    nu.move_to(START + dt.timedelta(days=7), tick=False)
    assert herinneringen_plannen() == 0
    # a round queued before the pause sends nothing either
    herinneringen_versturen(werkgroep_id=actoren.werkgroep.pk, enquete_id=enquete.pk, ronde=1)
    assert not mail.outbox and not Herinnering.objects.filter(status="verstuurd").exists()


def test_onbestelbaar_met_te_lange_toelichting_wordt_geweigerd(
    actoren, als, enquete, register, nu, django_capture_on_commit_callbacks
):
    """Through the form helper (issue 26): a note over 300 characters is refused with the reason,
    where it was silently dropped before (and the invitation marked without it)."""
    from django.contrib.messages import get_messages

    verstuur(enquete, django_capture_on_commit_callbacks)
    b = enquete.uitnodigingen.get(ondernemer__email="o2@bedrijf.nl")
    response = als(actoren.secretaris).post(
        url("uitnodiging_markeer_onbestelbaar", pk=b.pk), {"toelichting": "x" * 301}
    )
    assert (response.status_code, response["Location"]) == (302, url("uitnodigingen") + "#problemen")
    ((bericht,),) = [[(m.level_tag, m.message) for m in get_messages(response.wsgi_request)]]
    assert bericht[0] == "error" and bericht[1].startswith("Niet opgeslagen. Wat kwam er terug?:")
    b.refresh_from_db()
    assert b.verzending != "onbestelbaar"
