"""AVG on the demo's data: a member's and an entrepreneur's export hold only their own data; erasure
keeps the group's records whole (the readiness answers stay the same); the retention job leaves the
demo's current data alone and removes what passed its period when the clock moves on."""

import datetime as dt
import io
import json

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from aanpak.models import Voortgang
from analyse.models import EnqueteUitnodiging, Reactie
from gebieden.models import Ondernemer
from kvo import avg
from kvo.avg import VERWIJDERD_LID, VERWIJDERDE_ONDERNEMER
from kvo.services_avg import betrokkene_exporteer, betrokkene_wis, bewaartermijnen_pas_toe
from kvo.toets import voer_toetsen_uit
from werkgroepen.models import Document, Lid, Logregel, Werkgroep

pytestmark = pytest.mark.django_db
POSTMA = "r.postma@politie.example"  # the demo's member "lid" of the Wolvega cluster


@pytest.fixture
def demo(db):
    call_command("kvo_demo", "--zonder-documentenset", stdout=io.StringIO())
    return Werkgroep.objects.get(slug="wolvega")


@pytest.fixture
def staff(demo):
    return get_user_model().objects.get(email="beheer@kvo-werkplaats.example")


def _stand(werkgroep):
    return [(r.eis.id, r.status) for r in voer_toetsen_uit([werkgroep])[werkgroep.pk]]


def test_lid_export_en_wissen(demo, staff):
    (postma,) = avg.zoek_betrokkenen(soort_betrokkene="lid", email=POSTMA)
    lid = Lid.objects.get(email=POSTMA)
    anderen = set(demo.leden.exclude(pk=lid.pk).values_list("naam", flat=True)) | {"Gerrit Wiersma"}
    export = betrokkene_exporteer(actor=staff, betrokkene=postma)
    tekst = json.dumps(export, ensure_ascii=False)
    (rij,) = export["gegevens"]["werkgroepen.leden"]["gegevens"]
    assert rij["naam"] == "Rudi Postma" and rij["email"] == POSTMA
    assert len(rij["aanwezig_bij_bijeenkomsten"]) == lid.bijeenkomsten.count() > 0
    assert export["gegevens"]["kvo.accounts"]["gegevens"]["email"] == POSTMA
    schouwen = lid.schouwen.count()
    assert len(export["gegevens"].get("analyse.schouw_aanwezigheid", {}).get("gegevens", [])) == schouwen
    assert not [naam for naam in anderen if naam in tekst]  # never another person's data
    assert Logregel.objects.filter(werkgroep=demo, actie="avg.inzage").exists()

    # an active member is not erased
    with pytest.raises(ValidationError, match="nog lid van"):
        betrokkene_wis(actor=staff, betrokkene=postma, reden="verzoek")
    lid.lid_tot = timezone.localdate() - dt.timedelta(days=1)
    lid.save()
    aanwezig = lid.bijeenkomsten.count()
    voor = _stand(demo)
    betrokkene_wis(actor=staff, betrokkene=postma, reden=f"verzoek van Rudi Postma ({POSTMA}) per e-mail")

    lid.refresh_from_db()
    assert (lid.naam, lid.email, lid.telefoon, lid.user_id) == (VERWIJDERD_LID, None, None, None)
    assert lid.bijeenkomsten.count() == aanwezig  # attendance stays, as "verwijderd lid"
    assert not get_user_model().objects.filter(email=POSTMA).exists()
    assert not lid.history.exclude(naam=VERWIJDERD_LID).exists()
    assert not Logregel.objects.filter(omschrijving__icontains="Rudi Postma").exists()  # also not the request's
    assert not Logregel.objects.filter(omschrijving__icontains=POSTMA).exists()
    assert Logregel.objects.get(werkgroep=demo, actie="avg.gewist").omschrijving.endswith(
        "verzoek van betrokkene (betrokkene) per e-mail"
    )
    assert not Voortgang.objects.filter(auteur_naam="Rudi Postma").exists()
    assert _stand(demo) == voor  # the group's records are whole: the readiness answers do not change
    assert avg.zoek_betrokkenen(soort_betrokkene="lid", email=POSTMA) == []


def test_ondernemer_export_en_wissen(demo, staff):
    ondernemer = Ondernemer.objects.filter(terrein__werkgroep=demo, enquete_uitnodigingen__isnull=False).first()
    (b,) = avg.zoek_betrokkenen(soort_betrokkene="ondernemer", werkgroep_id=demo.pk, pk=ondernemer.pk)
    export = betrokkene_exporteer(actor=staff, betrokkene=b)
    tekst = json.dumps(export, ensure_ascii=False)
    assert ondernemer.naam in tekst
    assert export["gegevens"]["analyse.enquete_uitnodigingen"]["gegevens"]
    anderen = Ondernemer.objects.filter(terrein__werkgroep=demo).exclude(pk=ondernemer.pk)
    assert not [o.naam for o in anderen if o.naam in tekst]
    aantallen = (
        Ondernemer.objects.filter(terrein__werkgroep=demo).count(),
        EnqueteUitnodiging.objects.filter(enquete__werkgroep=demo).count(),
        Reactie.objects.filter(enquete__werkgroep=demo).count(),
    )
    voor = _stand(demo)
    betrokkene_wis(actor=staff, betrokkene=b, reden="verzoek per brief")
    ondernemer.refresh_from_db()
    assert (ondernemer.naam, ondernemer.email, ondernemer.adres) == (VERWIJDERDE_ONDERNEMER, None, "")
    assert aantallen == (
        Ondernemer.objects.filter(terrein__werkgroep=demo).count(),
        EnqueteUitnodiging.objects.filter(enquete__werkgroep=demo).count(),
        Reactie.objects.filter(enquete__werkgroep=demo).count(),
    )
    assert _stand(demo) == voor


def test_bewaartermijnen_op_de_demo(demo):
    venekoten = Werkgroep.objects.get(slug="venekoten")
    documenten = Document.objects.filter(werkgroep=demo).count()
    namen = set(Ondernemer.objects.filter(terrein__werkgroep=demo).values_list("naam", flat=True))
    voor = _stand(demo)
    vandaag = timezone.localdate()
    eerste = bewaartermijnen_pas_toe(vandaag=vandaag).resultaat
    # what the demo works with today stays: the archive, the register, the readiness answers
    assert eerste["werkgroepen.archief"] == 0 and eerste["gebieden.ondernemers"] == 0
    assert Document.objects.filter(werkgroep=demo).count() == documenten
    assert set(Ondernemer.objects.filter(terrein__werkgroep=demo).values_list("naam", flat=True)) == namen
    assert _stand(demo) == voor
    # the member who left Wolvega over a year ago loses the contact data, keeps the name
    oud = demo.leden.get(naam="Wim Terpstra")
    assert oud.email is None and eerste["werkgroepen.leden"] == 1
    # Venekoten ends: the day after, its register is anonymised, the count stays
    venekoten.status, venekoten.status_sinds = "beeindigd", vandaag
    venekoten.save()
    aantal = Ondernemer.objects.filter(terrein__werkgroep=venekoten).count()
    assert bewaartermijnen_pas_toe(vandaag=vandaag).resultaat["gebieden.ondernemers"] == 0
    morgen = bewaartermijnen_pas_toe(vandaag=vandaag + dt.timedelta(days=1)).resultaat
    assert morgen["gebieden.ondernemers"] == aantal > 0
    assert set(Ondernemer.objects.filter(terrein__werkgroep=venekoten).values_list("naam", flat=True)) == {
        VERWIJDERDE_ONDERNEMER
    }
    assert Logregel.objects.filter(werkgroep=venekoten, actie="avg.bewaartermijn").exists()
    # ten years on, Wolvega's archive has passed its seven years
    with time_machine.travel(dt.datetime.combine(vandaag.replace(year=vandaag.year + 10), dt.time(3)), tick=False):
        later = bewaartermijnen_pas_toe().resultaat
    assert later["werkgroepen.archief"] == documenten and not Document.objects.filter(werkgroep=demo).exists()
