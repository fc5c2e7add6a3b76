"""Shared set-up for the certificate tests: an audit that is ready for a certificate."""

import datetime as dt
import io

from django.urls import reverse
from django.utils import timezone
from PIL import Image

from audits.models import AuditorToegang
from tests.factories import BedrijventerreinFactory

SLUG = "de-hoek"
VANDAAG = dt.datetime(2026, 12, 20, 12, 0)


def png(kleur=(21, 66, 115, 255), maat=(240, 80)) -> bytes:
    uit = io.BytesIO()
    Image.new("RGBA", maat, kleur).save(uit, "PNG")
    return uit.getvalue()


def klaar_voor_certificaat(actoren, time_machine, *, besluit="positief"):
    """Today 20 December 2026; a complete work group and application; the body's positive decision."""
    time_machine.move_to(VANDAAG)
    AuditorToegang.objects.filter(user=actoren.auditor).update(geldig_tot=timezone.now() + dt.timedelta(days=30))
    wg = actoren.werkgroep
    wg.adres_straat, wg.adres_postcode, wg.adres_plaats = "Hoekweg 1", "1234 AB", "Voorbeeldstad"
    wg.convenant_referentie = "Convenant KVO De Hoek 2025"
    wg.save()
    BedrijventerreinFactory(werkgroep=wg, naam="De Hoek")
    a = actoren.audit
    a.datum, a.certificatie_instelling = dt.date(2026, 11, 10), "Certificering Noord B.V."
    a.ci_straat, a.ci_postcode, a.ci_plaats = "Stationsplein 3", "8441 AA", "Heerenveen"
    a.besluit, a.besluit_op = besluit, dt.date(2026, 12, 10) if besluit else None
    a.save()
    return a


def uitgifte(**extra) -> dict:
    data = {
        "nummer": "KVO-BT-2026-001",
        "uitgegeven_op": "2026-12-15",
        "naamstelling": "KVO De Hoek",
        "ondertekenaar": "Mr. J. Jansen",
        "functie_ondertekenaar": "directeur certificatie",
    }
    data.update(extra)
    return data


def ingelogd(user):
    """A client of its own for ``user`` (the ``als`` fixture logs the one test client in and out)."""
    from django.test import Client

    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def portaal(naam, audit) -> str:
    return reverse(f"portaal:{naam}", kwargs={"audit_id": audit.pk})


def groep(naam) -> str:
    return reverse(f"audits:{naam}", kwargs={"werkgroep": SLUG})
