"""The work group's life (paused, ended, removed), the "Rollen" page, the 403 page that says what the
user can do, and a member who leaves losing access at once."""

import datetime as dt
import hashlib

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from aanpak.services.plan import plan_maak
from aanpak.tasks import weekoverzicht_versturen, weekoverzichten_plannen
from audits.models import AuditorToegang
from kvo.models import VerwijderdeWerkgroep
from kvo.permissions import OMSCHRIJVING, ROL_OMSCHRIJVING, Actie
from tests.aanpak.factories import MaatregelFactory
from tests.factories import BedrijventerreinFactory, CertificaatFactory
from werkgroepen.models import Lid, Logregel, Partij, Werkgroep
from werkgroepen.services import levensloop

SLUG = "de-hoek"


def url(naam, **kwargs):
    return reverse(naam, kwargs={"werkgroep": SLUG, **kwargs})


def zet_status(werkgroep, status, sinds=None):
    werkgroep.status = status
    werkgroep.status_sinds = sinds or timezone.localdate()
    werkgroep.save(update_fields=["status", "status_sinds"])


# --- Rollen page -------------------------------------------------------------------------------


def test_rollenpagina_komt_uit_de_permissietabel(actoren, als, django_assert_max_num_queries):
    client = als(actoren.agendalid)
    with django_assert_max_num_queries(12):
        response = client.get(url("werkgroepen:rollen"))
    assert response.status_code == 200
    for omschrijving in OMSCHRIJVING.values():
        assert escape(omschrijving) in response.text
    for naam, _ in ROL_OMSCHRIJVING.values():
        assert f'<th scope="col">{naam}</th>' in response.text
    assert "Uw rol in deze werkgroep: <strong>Agendalid</strong>" in response.text
    # agenda member: reading yes, changing no — the row for WIJZIGEN has no tick under Agendalid
    rij = response.text.split(escape(OMSCHRIJVING[Actie.WIJZIGEN]))[1].split("</tr>")[0]
    cellen = rij.split("<td")[1:]
    assert "nee" in cellen[1] and "ja" in cellen[0]  # Lid yes, Agendalid no


def test_rollenpagina_gelinkt_vanaf_de_ledenpagina(actoren, als):
    response = als(actoren.lid).get(url("werkgroepen:leden"))
    assert url("werkgroepen:rollen") in response.text


def test_rollenpagina_andere_werkgroep_404(actoren, als):
    assert als(actoren.vreemde).get(url("werkgroepen:rollen")).status_code == 404
    assert als(actoren.vreemde).get(url("werkgroepen:status")).status_code == 404


# --- 403 page ----------------------------------------------------------------------------------


def test_403_zegt_een_agendalid_waar_het_is_en_wat_het_kan(actoren, als):
    response = als(actoren.agendalid).get(url("werkgroepen:lid_nieuw"))
    assert response.status_code == 403
    tekst = " ".join(response.text.split())
    assert "U bent <strong>agendalid</strong> van KVO De Hoek: u kunt lezen, niet wijzigen." in tekst
    assert "Wat u wel kunt" in tekst
    assert f'href="{url("werkgroepen:rollen")}"' in tekst
    assert f'href="{url("werkgroepen:home")}"' in tekst
    assert 'aria-label="Werkgroep"' in tekst  # a reader keeps the work group's menu


def test_403_toont_een_auditor_het_portaal_niet_het_werkgroepmenu(actoren, als):
    response = als(actoren.auditor).get(url("werkgroepen:leden"))
    assert response.status_code == 403
    assert 'data-testid="portaalnavigatie"' in response.text
    assert 'aria-label="Werkgroep"' not in response.text
    assert url("werkgroepen:leden") not in response.text
    assert reverse("portaal:overzicht") in response.text and "U bent auditor" in response.text


def test_auditorportaal_heeft_eigen_navigatie(actoren, als):
    response = als(actoren.auditor).get(reverse("portaal:overzicht"))
    assert response.status_code == 200 and 'data-testid="portaalnavigatie"' in response.text


# --- paused ------------------------------------------------------------------------------------


def test_begeleider_pauzeert_en_hervat_met_logregels(actoren, als):
    client = als(actoren.begeleider)
    assert client.post(url("werkgroepen:status"), {"stap": "pauzeren", "reden": "Geen trekker"}).status_code == 302
    wg = Werkgroep.objects.get(slug=SLUG)
    assert wg.status == "gepauzeerd" and wg.status_sinds == timezone.localdate()
    assert client.post(url("werkgroepen:status"), {"stap": "hervatten"}).status_code == 302
    assert Werkgroep.objects.get(slug=SLUG).status == "actief"
    acties = list(Logregel.objects.filter(werkgroep=wg).values_list("actie", flat=True))
    assert "werkgroep.gepauzeerd" in acties and "werkgroep.hervat" in acties
    regel = Logregel.objects.get(werkgroep=wg, actie="werkgroep.gepauzeerd")
    assert regel.actor == actoren.begeleider and "Geen trekker" in regel.omschrijving


@pytest.mark.parametrize("rol", ["lid", "voorzitter", "secretaris", "agendalid"])
def test_leden_wijzigen_de_status_niet(actoren, als, rol):
    response = als(actoren.user(rol)).post(url("werkgroepen:status"), {"stap": "pauzeren"})
    assert response.status_code == 403
    assert Werkgroep.objects.get(slug=SLUG).status == "actief"
    with pytest.raises(PermissionDenied):
        levensloop.werkgroep_pauzeer(actor=actoren.user(rol), werkgroep=actoren.werkgroep)


def test_gepauzeerd_is_alleen_lezen_met_banner(actoren, als):
    zet_status(actoren.werkgroep, "gepauzeerd")
    client = als(actoren.voorzitter)
    home = client.get(url("werkgroepen:home"))
    assert home.status_code == 200
    assert 'data-testid="statusbanner"' in home.text and "procesbegeleider" in home.text
    assert url("werkgroepen:lid_nieuw") not in client.get(url("werkgroepen:leden")).text  # no edit buttons
    # every write is refused by the middleware, with the reason, whatever the view declares
    for pad, data in (
        (url("werkgroepen:lid_nieuw"), {"naam": "X"}),
        (url("aanpak:weekmail"), {"ontvangen": "0"}),  # a BEKIJKEN view that writes
        (url("werkgroepen:status"), {"stap": "pauzeren"}),
    ):
        response = client.post(pad, data)
        assert response.status_code == 403, pad
        assert "gepauzeerd" in response.text
    assert not Lid.objects.filter(naam="X").exists()
    # staff and the facilitator see who can resume, and may
    assert url("werkgroepen:status") in als(actoren.begeleider).get(url("werkgroepen:home")).text
    assert als(actoren.begeleider).post(url("werkgroepen:status"), {"stap": "hervatten"}).status_code == 302
    assert Werkgroep.objects.get(slug=SLUG).status == "actief"


def test_gepauzeerde_werkgroep_krijgt_geen_weekmail(actoren):
    plan = plan_maak(actor=None, cyclus=actoren.cyclus)
    plan.maatregelen.all().delete()
    gemeente = Lid.objects.get(user=actoren.lid).partij
    MaatregelFactory(plan=plan, verantwoordelijke=gemeente, kwartalen=["2025-Q3"])
    assert weekoverzichten_plannen() == 1  # eager in tests: sent at once
    mail.outbox.clear()
    zet_status(actoren.werkgroep, "gepauzeerd")
    assert weekoverzichten_plannen() == 0
    uit = weekoverzicht_versturen.apply(kwargs={"werkgroep_id": actoren.werkgroep.pk, "vandaag": "2025-08-13"}).get()
    assert uit == {"verstuurd": 0, "mislukt": 0} and mail.outbox == []


# --- ended -------------------------------------------------------------------------------------


def test_beeindigd_certificaat_vervalt_en_lezen_blijft(actoren, als, time_machine):
    time_machine.move_to(dt.datetime(2025, 3, 1, 12, 0))
    CertificaatFactory(audit=actoren.audit)
    client = als(actoren.lid)
    assert 'data-testid="keurmerk"' in client.get(url("werkgroepen:home")).text
    assert als(actoren.begeleider).post(url("werkgroepen:status"), {"stap": "beeindigen"}).status_code == 302
    wg = Werkgroep.objects.get(slug=SLUG)
    assert wg.status == "beeindigd" and wg.bewaren_tot == dt.date(2031, 3, 1)
    home = client.get(url("werkgroepen:home"))
    assert home.status_code == 200 and 'data-testid="keurmerk"' not in home.text
    assert "01-03-2031" in home.text  # readable for the retention period, and it says so
    certificaat = als(actoren.secretaris).get(url("audits:certificaat"))
    assert 'data-testid="certificaat-vervallen"' in certificaat.text
    # ended is final: not resumed by anyone
    assert als(actoren.begeleider).post(url("werkgroepen:status"), {"stap": "hervatten"}).status_code == 403
    assert als(actoren.staff).post(url("werkgroepen:status"), {"stap": "hervatten"}).status_code == 403
    assert Werkgroep.objects.get(slug=SLUG).status == "beeindigd"


# --- removed -----------------------------------------------------------------------------------


def test_verwijderen_alleen_beeindigd_na_bewaartermijn_of_op_verzoek(actoren, tmp_path):
    uit = tmp_path / "de-hoek.zip"
    with pytest.raises(CommandError, match="Beëindig de werkgroep eerst"):
        call_command("kvo_verwijder", SLUG, out=str(uit), door="staff@example.org", reden="verzoek")
    zet_status(actoren.werkgroep, "beeindigd")
    with pytest.raises(CommandError, match="bewaartermijn loopt tot"):
        call_command("kvo_verwijder", SLUG, out=str(uit), door="staff@example.org", reden="verzoek")
    with pytest.raises(CommandError, match="geen beheerder"):
        call_command("kvo_verwijder", SLUG, out=str(uit), door="begeleider@example.org", reden="x", op_verzoek=True)
    assert not uit.exists() and Werkgroep.objects.filter(slug=SLUG).exists()


def test_verwijderen_na_export_laat_een_spoor_en_wist_de_rijen(actoren, tmp_path):
    zet_status(actoren.werkgroep, "beeindigd", sinds=dt.date(2018, 1, 1))  # retention period passed
    AuditorToegang.objects.update(geldig_tot=timezone.now() - dt.timedelta(days=1))  # the auditor's access ended
    pk = actoren.werkgroep.pk
    uit = tmp_path / "de-hoek.zip"
    call_command("kvo_verwijder", SLUG, out=str(uit), door="staff@example.org", reden="Bewaartermijn verstreken")
    spoor = VerwijderdeWerkgroep.objects.get()
    assert spoor.slug == SLUG and spoor.naam == "KVO De Hoek" and spoor.verwijderd_door == actoren.staff
    assert spoor.export_sha256 == hashlib.sha256(uit.read_bytes()).hexdigest()
    assert not Werkgroep.objects.filter(pk=pk).exists()
    assert not Lid.objects.filter(werkgroep_id=pk).exists() and not Partij.objects.filter(werkgroep_id=pk).exists()
    assert not Logregel.objects.filter(werkgroep_id=pk).exists()
    assert Werkgroep.objects.filter(slug="andere-kant").exists()  # the other group is untouched


def test_verwijderen_service_vraagt_staff_en_export(actoren):
    zet_status(actoren.werkgroep, "beeindigd")
    with pytest.raises(Exception, match="beheerder"):
        levensloop.werkgroep_verwijder(actor=actoren.begeleider, werkgroep=actoren.werkgroep, export=b"x",
                                       reden="verzoek", op_verzoek=True)  # fmt: skip
    with pytest.raises(Exception, match="export"):
        levensloop.werkgroep_verwijder(actor=actoren.staff, werkgroep=actoren.werkgroep, export=b"",
                                       reden="verzoek", op_verzoek=True)  # fmt: skip
    assert Werkgroep.objects.filter(slug=SLUG).exists()


# --- staff's list --------------------------------------------------------------------------------


def test_beheer_ziet_de_status_van_elke_werkgroep(actoren, als, django_assert_max_num_queries):
    zet_status(actoren.werkgroep, "gepauzeerd")
    client = als(actoren.staff)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("beheer:werkgroepen_status"))
    assert response.status_code == 200
    assert "KVO De Hoek" in response.text and "KVO Andere Kant" in response.text and "gepauzeerd" in response.text
    for rol in ("begeleider", "voorzitter", "auditor"):
        assert als(actoren.user(rol)).get(reverse("beheer:werkgroepen_status")).status_code == 403


# --- a member who leaves -----------------------------------------------------------------------


def test_lid_dat_vertrekt_verliest_de_toegang_meteen(actoren, als, client):
    lid_client = als(actoren.lid)  # logged in before the membership ends
    assert lid_client.get(url("werkgroepen:home")).status_code == 200
    lid = Lid.objects.get(user=actoren.lid)
    # the chair ends the membership today, in another session
    from django.test import Client

    voorzitter = Client()
    voorzitter.force_login(actoren.voorzitter)
    vandaag = timezone.localdate()
    response = voorzitter.post(url("werkgroepen:lid_beeindig", pk=lid.pk), {"lid_tot": vandaag.isoformat()})
    assert response.status_code == 302
    assert lid_client.get(url("werkgroepen:home")).status_code == 404
    assert lid_client.post(url("werkgroepen:lid_nieuw"), {"naam": "X"}).status_code == 404
    # the name stays on past records: the member is listed as a former member
    assert lid.naam in voorzitter.get(url("werkgroepen:leden")).text


def test_vertrokken_lid_krijgt_geen_weekmail_meer(actoren):
    plan = plan_maak(actor=None, cyclus=actoren.cyclus)
    plan.maatregelen.all().delete()
    lid = Lid.objects.get(user=actoren.lid)
    MaatregelFactory(plan=plan, verantwoordelijke=lid.partij, kwartalen=["2025-Q3"])
    Lid.objects.filter(pk=lid.pk).update(lid_tot=dt.date(2025, 8, 13))
    weekoverzicht_versturen.apply(kwargs={"werkgroep_id": actoren.werkgroep.pk, "vandaag": "2025-08-13"})
    ontvangers = sorted(m.to[0] for m in mail.outbox)
    # not the member who left; the party now has only its agenda member, so the chair and secretary get it
    assert ontvangers == ["secretaris@example.org", "voorzitter@example.org"]


# --- Mijn acties for an agenda member --------------------------------------------------------------


def test_agendalid_ziet_wie_het_weekoverzicht_krijgt(actoren, als):
    plan_maak(actor=None, cyclus=actoren.cyclus)
    response = als(actoren.agendalid).get(url("aanpak:mijn_acties"))
    assert response.status_code == 200
    blok = response.text.split('data-testid="agendalid-weekoverzicht"')[1].split("</section>")[0]
    assert "geen weekoverzicht" in blok
    assert Lid.objects.get(user=actoren.lid).naam in blok
    assert "Afmelden voor het weekoverzicht" not in response.text


def test_agendalid_van_partij_zonder_vastlegger_hoort_dat(actoren, als):
    plan_maak(actor=None, cyclus=actoren.cyclus)
    Lid.objects.filter(user=actoren.lid).update(lid_tot=dt.date(2020, 1, 1), lid_sinds=dt.date(2019, 1, 1))
    response = als(actoren.agendalid).get(url("aanpak:mijn_acties"))
    assert "heeft nu geen lid dat dat kan" in response.text


def test_export_na_een_statuswijziging(actoren):
    """Regression: the history export compared fields the Werkgroep history excludes (toets_stand) and
    failed on the first change of the work group itself."""
    from kvo.dossier.services import dossier_exporteer

    levensloop.werkgroep_pauzeer(actor=actoren.begeleider, werkgroep=actoren.werkgroep, reden="zomer")
    dossier = dossier_exporteer(werkgroep=Werkgroep.objects.get(slug=SLUG))
    wijzigingen = [r for r in dossier["x-geschiedenis"] if r["record"] == "werkgroep" and r["wat"] != "aangemaakt"]
    assert wijzigingen and "status" in wijzigingen[-1]["velden"]


def test_geen_auditherinneringen_voor_een_gepauzeerde_werkgroep(actoren):
    from audits.tasks import audit_herinneringen

    CertificaatFactory(audit=actoren.audit)  # valid until 1 July 2026
    zet_status(actoren.werkgroep, "gepauzeerd")
    assert audit_herinneringen(vandaag="2026-01-15") == {"aanlevering": 0, "certificaat": 0}
    zet_status(actoren.werkgroep, "actief")
    assert audit_herinneringen(vandaag="2026-01-15")["certificaat"] == 1
    assert mail.outbox


def test_een_gepauzeerde_werkgroep_wordt_niet_vervangen_door_een_import(actoren):
    from kvo.dossier import DossierFout
    from kvo.dossier.services import dossier_exporteer, dossier_importeer

    BedrijventerreinFactory(werkgroep=actoren.werkgroep)  # a valid dossier needs one
    dossier = dossier_exporteer(werkgroep=actoren.werkgroep)
    zet_status(actoren.werkgroep, "gepauzeerd")
    with pytest.raises(DossierFout, match="alleen te lezen"):
        dossier_importeer(actor=actoren.staff, dossier=dossier, vervang=True)
    assert Werkgroep.objects.get(slug=SLUG).status == "gepauzeerd"


def test_overzicht_noemt_de_status(actoren, als):
    zet_status(actoren.werkgroep, "beeindigd")
    response = als(actoren.begeleider).get(reverse("home"))
    assert 'data-testid="werkgroepstatus"' in response.text and "beëindigd" in response.text


def test_een_bewerkpagina_van_een_gepauzeerde_werkgroep_noemt_de_reden(actoren, als):
    zet_status(actoren.werkgroep, "gepauzeerd")
    response = als(actoren.voorzitter).get(url("werkgroepen:lid_nieuw"))
    assert response.status_code == 403
    tekst = " ".join(response.text.split())
    assert "is gepauzeerd" in tekst and "niet de juiste rol" not in tekst
    assert "U bent <strong>voorzitter</strong> van KVO De Hoek: u kunt lezen, niet wijzigen." in tekst


def test_maatregelen_van_een_partij_zonder_vastlegger_gaan_naar_voorzitter_en_secretaris(actoren):
    from tests.factories import LidFactory, PartijFactory

    plan = plan_maak(actor=None, cyclus=actoren.cyclus)
    plan.maatregelen.all().delete()
    politie = PartijFactory(werkgroep=actoren.werkgroep, naam="Politie Noord", soort=Partij.Soort.POLITIE)
    LidFactory(werkgroep=actoren.werkgroep, partij=politie, naam="Agent", email="agent@example.org", agendalid=True)
    MaatregelFactory(plan=plan, titel="Surveillance Kanaalweg", verantwoordelijke=politie, kwartalen=["2025-Q3"])
    uit = weekoverzicht_versturen.apply(kwargs={"werkgroep_id": actoren.werkgroep.pk, "vandaag": "2025-08-13"}).get()
    ontvangers = sorted(m.to[0] for m in mail.outbox)
    assert ontvangers == ["secretaris@example.org", "voorzitter@example.org"]  # not the agenda member
    assert uit == {"verstuurd": 2, "mislukt": 0}
    tekst = mail.outbox[0].body
    assert "Namens Politie Noord" in tekst and "Surveillance Kanaalweg" in tekst
    assert "1 maatregel" in mail.outbox[0].subject


def test_statuspagina_begrensd_aantal_queries(actoren, als, django_assert_max_num_queries):
    client = als(actoren.begeleider)
    with django_assert_max_num_queries(12):
        response = client.get(url("werkgroepen:status"))
    assert response.status_code == 200 and "Werkgroep pauzeren" in response.text


def test_niet_verwijderen_zolang_een_auditor_toegang_heeft(actoren, tmp_path):
    zet_status(actoren.werkgroep, "beeindigd")
    problemen = levensloop.verwijderen_blokkades(actoren.werkgroep, op_verzoek=True)
    assert problemen and any("auditor" in p.lower() for p in problemen)


def test_beheer_vindt_de_statuslijst_op_het_overzicht(actoren, als):
    assert reverse("beheer:werkgroepen_status") in als(actoren.staff).get(reverse("home")).text
    assert reverse("beheer:werkgroepen_status") not in als(actoren.begeleider).get(reverse("home")).text


def test_banner_verschijnt_ook_op_een_bewaarde_pagina(actoren, als):
    """The home page is kept under the data version; pausing changes the version, so the kept page goes."""
    from django.test import Client

    lid = Client()
    lid.force_login(actoren.lid)
    assert 'data-testid="statusbanner"' not in lid.get(url("werkgroepen:home")).text
    assert 'data-testid="statusbanner"' not in lid.get(url("werkgroepen:home")).text  # now kept
    als(actoren.begeleider).post(url("werkgroepen:status"), {"stap": "pauzeren"})
    assert 'data-testid="statusbanner"' in lid.get(url("werkgroepen:home")).text
