"""Who sees which page, for the accessibility tests (``tests/browser/test_wcag_rollen.py``).

The world is the hostile-input crawler's (``tests/vijandig.py``: the Wolvega demo dossier, a draft
survey, a survey that is out) with one account per role of ``kvo.toegankelijkheid.ROLLEN``. Each
role's pages are found as the crawler finds them: every URL pattern of the product with real ids,
fetched with Django's test client as that person; every full HTML page that answers 200 is one the
browser test visits. Downloads (PDF, CSV, XLSX, photos) are left out: the PDFs have their own test
(``tests/kvo/test_pdf_toegankelijk.py``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.test import Client

from tests import vijandig
from tests.vijandig import vul_in

ROUTES = [
    r
    for r in vijandig.alle_routes()
    if "logout" not in r and r != "gezondheid/" and not r.startswith("_bench/") and not r.startswith("mail/")
]
GEBRUIKERSROLLEN = ("lid", "secretaris", "begeleider", "staff", "auditor")  # the roles with an account
DOWNLOAD = (".pdf", "pdf/", ".csv", ".xlsx", "foto.jpg", ".ics", "ics/")


@dataclass
class RolWereld:
    wereld: object
    users: dict[str, object] = field(default_factory=dict)  # role key → user (none for anonymous, entrepreneur)
    audit_id: int = 0
    certificaat_id: str = ""


def bevolk() -> RolWereld:
    """The crawler's world, plus an account for every role."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone
    from guardian.shortcuts import assign_perm

    from audits.models import Audit, AuditorToegang, Certificaat
    from tests.factories import AuditFactory, BegeleidingsorganisatieFactory, CertificaatFactory

    w = vijandig.bevolk()
    wolvega = w.groepen["wolvega"]
    User = get_user_model()

    def lid_user(lid):
        user = User.objects.create_user(email=lid.email, password="geheim-wachtwoord-123")
        lid.user = user
        lid.save(update_fields=["user"])
        return user

    leden = wolvega.leden.filter(user=None, lid_tot=None).exclude(email=None).order_by("pk")
    secretaris = next(lid for lid in leden if "secretaris" in (lid.rollen or []))
    gewoon = next(lid for lid in leden if not lid.rollen and not lid.agendalid)
    begeleiding = wolvega.begeleiding or BegeleidingsorganisatieFactory(naam="Veilig Ondernemen Advies")
    if wolvega.begeleiding_id is None:
        wolvega.begeleiding = begeleiding
        wolvega.save(update_fields=["begeleiding"])
    begeleider = User.objects.create_user(email="begeleider@example.org", password="geheim-wachtwoord-123")
    begeleiding.gebruikers.add(begeleider)
    staff = User.objects.create_user(email="staff@example.org", password="geheim-wachtwoord-123", is_staff=True)
    audit = Audit.objects.filter(werkgroep=wolvega).order_by("-pk").first() or AuditFactory(werkgroep=wolvega)
    auditor = User.objects.create_user(email="auditor@example.org", password="geheim-wachtwoord-123")
    assign_perm("audits.view_audit", auditor, audit)
    AuditorToegang.objects.create(audit=audit, user=auditor, geldig_tot=timezone.now() + dt.timedelta(days=30))
    certificaat = Certificaat.objects.order_by("pk").first() or CertificaatFactory(audit=audit)
    return RolWereld(
        w,
        users={
            "lid": lid_user(gewoon),
            "secretaris": lid_user(secretaris),
            "begeleider": begeleider,
            "staff": staff,
            "auditor": auditor,
        },
        audit_id=audit.pk,
        certificaat_id=certificaat.publiek_id,
    )


def _paden(route: str, rw: RolWereld):
    """The URLs of ``route`` with real ids (as the hostile-input crawler fills them in)."""
    w = rw.wereld
    if route.endswith(DOWNLOAD) or "export" in route or "download" in route:
        return
    slugs = ("wolvega",)
    if "analyse/enquete/uitnodigingen" in route:
        slugs = ("wolvega", "open-enquete")
    elif "analyse/enquete/" in route:
        slugs = ("wolvega", "concept")
    for slug in slugs:
        extra = {
            "token": w.token if route.startswith("e/") else w.uitnodiging_token,
            "formaat": "csv",
            "nummer": "1",
            "audit_id": str(rw.audit_id),
        }
        if rw.certificaat_id:
            extra["publiek_id"] = rw.certificaat_id
        if route == "e/stap/<int:nummer>/":
            for nummer in range(1, 15):
                yield f"/e/stap/{nummer}/"
        elif route == "begeleiding/start/<int:start>/stap/<int:stap>/":
            for stap in range(1, 6):
                yield vul_in(route, w, slug, stap=str(stap))
        else:
            yield vul_in(route, w, slug, **extra)


def client_voor(rol: str, rw: RolWereld) -> Client:
    """A test client signed in as the role (the entrepreneur: with the survey's session)."""
    client = Client()
    if rol == "ondernemer":
        client.get(f"/e/{rw.wereld.token}/")
    elif rol in rw.users:
        client.force_login(rw.users[rol], backend="django.contrib.auth.backends.ModelBackend")
    return client


def sessiecookie(client: Client) -> str | None:
    cookie = client.cookies.get(settings.SESSION_COOKIE_NAME)
    return cookie.value if cookie else None


_CSRF = re.compile(rb'(csrfmiddlewaretoken" value="|"X-CSRFToken": ")[^"]*')


def vingerafdruk(html: bytes, user) -> str:
    """The page's markup without what differs per request or person (CSRF token, the e-mail address
    in the header): two pages with the same fingerprint get the same verdict from axe."""
    html = _CSRF.sub(rb"\1", html)
    if user is not None:
        html = html.replace(user.email.encode(), b"")
    return hashlib.sha256(html).hexdigest()


def paginas_voor(rol: str, rw: RolWereld) -> dict[str, str]:
    """Every full HTML page the role reaches (200), in URL-pattern order, each once, with its
    fingerprint."""
    client = client_voor(rol, rw)
    gevonden: dict[str, str] = {}
    for route in ROUTES:
        if rol == "ondernemer" and not route.startswith("e/"):
            continue
        if rol != "ondernemer" and route.startswith("e/") and (rol != "anoniem" or "<" in route):
            continue  # the survey is the entrepreneur's; a visitor without its session gets a "link not valid" page
        for pad in _paden(route, rw):
            if pad in gevonden:
                continue
            response = client.get(pad)
            if response.status_code != 200 or not response.get("Content-Type", "").startswith("text/html"):
                continue
            if not response.content.lstrip()[:15].lower().startswith(b"<!doctype html"):
                continue  # an htmx fragment: checked inside the page that loads it
            gevonden[pad] = vingerafdruk(response.content, rw.users.get(rol))
    return gevonden
