"""Making, rendering and delivering the document set (§3.6, §5.2.1).

- ``documentenset_maak`` writes a ``bezig`` row and queues the render after commit (queue "pdf").
- ``documentenset_render`` (the task's body) builds the parts, reporting ``voortgang``/``stap``,
  writes the PDF under a fresh name and sets the row ``klaar`` with its SHA-256 and page count in
  one update, only while the row is still ``bezig``: a finished or delivered set is never changed.
- A worker killed halfway leaves the row ``bezig`` without a file (what it wrote, if anything, is
  an unreferenced file under a fresh name that no view hands out). Redis hands the unacknowledged
  task to the next worker after the visibility timeout, which renders the same row again; a render
  still ``bezig`` after ``VASTGELOPEN_NA`` shows as "vastgelopen", and making a new set closes it
  as ``mislukt``, so a task for it that arrives later renders nothing.
- ``documentenset_lever_aan`` freezes one finished set as what the certification body receives,
  and once that commits a task mails the body a receipt (``documentenset_verstuur_ontvangstbewijs``): set
  number, reference date, moment of delivery, SHA-256 and page count.
- ``set_pdf`` / ``deel_pdf`` render synchronously (the management command, one part's download).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import OperationalError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from audits.documentenset.onderdelen import ONDERDELEN, Gegevens, Onderdeel, verwijzingen
from audits.models import Audit, Documentenset
from audits.models.documentenset import pdf_pad
from kvo.geschiedenis import vastleggen
from kvo.pdf import Geweigerd, pdf_maken
from werkgroepen.logboek import log_actie

logger = logging.getLogger(__name__)

VASTGELOPEN_NA = dt.timedelta(minutes=20)  # a render still "bezig" after this is taken as lost (worker died)
ONDERBROKEN = "Het maken is onderbroken en niet afgerond; er is daarna een nieuwe set gemaakt."

Melder = Callable[[int, str], None]  # (percentage, step) → report progress


@dataclass(frozen=True)
class Pdf:
    inhoud: bytes
    paginas: int
    ankers: dict = field(default_factory=dict)  # the page of each evidence anchor (the evidence index)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.inhoud).hexdigest()


def _stil(_procent: int, _stap: str) -> None:
    pass


def _basis(g: Gegevens, titel: str) -> dict:
    from audits.services import geldig_certificaat

    # the KVO mark on the cover only while a valid, unsuspended certificate exists (§7.2, B1.2)
    return {"werkgroep": g.werkgroep, "cyclus": g.cyclus, "audit": g.audit, "datum": g.datum, "titel": titel,
            "keurmerk": geldig_certificaat(g.werkgroep, g.datum), "set_id": g.set_id,
            "aangeleverd_op": g.aangeleverd_op}  # fmt: skip


def _deel_html(o: Onderdeel, g: Gegevens, *, los: bool) -> str:
    return render_to_string(o.template, {**_basis(g, o.titel), **o.bouw(g), "onderdeel": o, "los": los})


def _naar_pdf(html: str, melder: Melder = _stil) -> Pdf:
    melder(45, "Opmaak van de pagina's")
    ankers: dict[str, int] = {}
    inhoud, paginas = pdf_maken(html, na_opmaak=lambda: melder(85, "PDF schrijven"), ankers=ankers)
    bewijs = {o.anker for o in ONDERDELEN} | {v.anker for vs in verwijzingen().values() for v in vs}
    return Pdf(inhoud, paginas, {naam: p for naam, p in ankers.items() if naam in bewijs})


def set_html(g: Gegevens, melder: Melder = _stil) -> str:
    """The whole set as one HTML document; parts report 0–40 % while they are built."""
    html: dict[str, str] = {}
    volgorde = [o for o in ONDERDELEN if not o.na_de_rest] + [o for o in ONDERDELEN if o.na_de_rest]
    for i, o in enumerate(volgorde):
        if o.na_de_rest:  # the evidence index links only to anchors the other parts printed
            g.cache["ankers"] = ankers_in("".join(html.values())) | {x.anker for x in ONDERDELEN}
        melder(round(40 * i / len(ONDERDELEN)), o.titel)
        html[o.sleutel] = mark_safe(_deel_html(o, g, los=False))
    delen = [(o, html[o.sleutel]) for o in ONDERDELEN]
    return render_to_string("pdf/documentenset/set.html", {**_basis(g, "Documentenset"), "delen": delen})


ANKER = re.compile(r"""\bid=["']([^"']+)["']""")


def ankers_in(html: str) -> set[str]:
    """The ``id``s an HTML text prints: the targets an internal link of the set may point to."""
    return set(ANKER.findall(html))


def set_pdf(
    *,
    werkgroep,
    cyclus,
    audit=None,
    datum: dt.date | None = None,
    set_id: int | None = None,
    aangeleverd_op: dt.date | None = None,
    melder: Melder = _stil,
) -> Pdf:
    """The whole set as of ``datum`` (today when None): nothing dated after it is in it. ``set_id``
    and ``aangeleverd_op`` are printed on the cover."""
    g = Gegevens(werkgroep, cyclus, audit, datum or timezone.localdate(), set_id=set_id, aangeleverd_op=aangeleverd_op)
    return _naar_pdf(set_html(g, melder), melder)


def deel_pdf(*, werkgroep, cyclus, audit, onderdeel: Onderdeel, datum: dt.date | None = None) -> Pdf:
    g = Gegevens(werkgroep, cyclus, audit, datum or timezone.localdate())
    html = render_to_string(
        "pdf/documentenset/deel.html",
        {**_basis(g, onderdeel.titel), "onderdeel": onderdeel, "deel": mark_safe(_deel_html(onderdeel, g, los=True))},
    )
    return _naar_pdf(html)


# --- writes ----------------------------------------------------------------------------------


def documentenset_maak(*, actor, audit: Audit) -> Documentenset:
    """A new set for ``audit``, rendered by a worker once this transaction commits."""
    from kvo.na_commit import enqueue_na_commit

    with transaction.atomic():
        Audit.objects.select_for_update().filter(pk=audit.pk).first()  # one request at a time per audit
        nu = timezone.now()
        bezig = Documentenset.objects.filter(audit=audit, status=Documentenset.Status.BEZIG)
        if bezig.filter(gemaakt_op__gt=nu - VASTGELOPEN_NA).exists():
            raise ValidationError("Er wordt al een documentenset gemaakt; wacht tot die klaar is.")
        # a render left "bezig" this long lost its worker: closed, so that its task, should Redis
        # still redeliver it, renders nothing and this new set is the only one made
        for pk in bezig.values_list("pk", flat=True):
            logger.warning("documentenset %s vastgelopen: gesloten als mislukt", pk)
        bezig.update(status=Documentenset.Status.MISLUKT, fout=ONDERBROKEN, stap="Mislukt", klaar_op=nu)
        documentenset = Documentenset.objects.create(
            audit=audit, stap="In de wachtrij", peildatum=timezone.localdate(nu)
        )  # rendered as of this date, also when the worker gets to it tomorrow
        log_actie(
            werkgroep=audit.werkgroep,
            actor=actor,
            actie="documentenset.maken",
            omschrijving=f"Documentenset voor cyclus {audit.cyclus.nummer} wordt gemaakt",
            documentenset=documentenset.pk,
            audit=audit.pk,
        )
        taak = "audits.documentenset.tasks.documentenset_renderen"  # by name: the task module imports this one
        enqueue_na_commit(taak, werkgroep_id=audit.werkgroep_id, documentenset_id=documentenset.pk)
    return documentenset


def _voortgang(pk: int) -> Melder:
    def melder(procent: int, stap: str) -> None:
        Documentenset.objects.filter(pk=pk, status=Documentenset.Status.BEZIG).update(
            voortgang=max(0, min(99, procent)), stap=stap[:120]
        )

    return melder


def _reden(fout: Exception) -> str:
    if isinstance(fout, Geweigerd):
        return "Een afbeelding of bestand in de set kon niet worden gelezen."
    if isinstance(fout, OSError):
        return "Het bestand kon niet worden opgeslagen; probeer het later opnieuw."
    return f"Het maken is mislukt ({type(fout).__name__}); probeer het opnieuw of meld het aan de beheerder."


def documentenset_render(*, documentenset: Documentenset, aangeleverd_op: dt.date | None = None) -> Documentenset:
    """Render a ``bezig`` set as of its ``peildatum`` (today when unset) and mark it ``klaar`` (or
    ``mislukt`` with a short Dutch reason). ``aangeleverd_op``: the delivery date for the cover when
    it is known before the render (the demo's set, delivered on a past date); otherwise the cover
    says the set was not yet delivered when it was made, and the delivery is recorded with its SHA-256."""
    if documentenset.status != Documentenset.Status.BEZIG or documentenset.aangeleverd_op:
        return documentenset  # finished, failed or delivered rows are never rendered again
    audit = documentenset.audit
    melder = _voortgang(documentenset.pk)
    peildatum = documentenset.peildatum or timezone.localdate()
    naam = ""
    try:
        pdf = set_pdf(
            werkgroep=audit.werkgroep,
            cyclus=audit.cyclus,
            audit=audit,
            datum=peildatum,
            set_id=documentenset.pk,
            aangeleverd_op=aangeleverd_op,
            melder=melder,
        )
        melder(95, "Opslaan")
        naam = default_storage.save(pdf_pad(documentenset, "documentenset.pdf"), ContentFile(pdf.inhoud))
    except OperationalError:  # the database went away: the task retries, the row stays "bezig"
        if naam:
            default_storage.delete(naam)
        raise
    except Exception as fout:  # recorded on the row and shown to the member; the log keeps the trace
        logger.exception("documentenset %s mislukt", documentenset.pk)
        if naam:
            default_storage.delete(naam)
        Documentenset.objects.filter(pk=documentenset.pk, status=Documentenset.Status.BEZIG).update(
            status=Documentenset.Status.MISLUKT, fout=_reden(fout)[:300], stap="Mislukt", klaar_op=timezone.now()
        )
        documentenset.refresh_from_db()
        return documentenset
    try:  # the file is only ever referenced by this one update, together with its SHA-256
        gezet = Documentenset.objects.filter(
            pk=documentenset.pk, status=Documentenset.Status.BEZIG, aangeleverd_op__isnull=True
        ).update(
            status=Documentenset.Status.KLAAR,
            bestand=naam,
            sha256=pdf.sha256,
            paginas=pdf.paginas,
            ankers=pdf.ankers,
            klaar_op=timezone.now(),
            peildatum=peildatum,
            voortgang=100,
            stap="Klaar",
            fout="",
        )
    except Exception:
        default_storage.delete(naam)
        raise
    if not gezet:  # the row went away or changed meanwhile: keep nothing of this render
        default_storage.delete(naam)
    documentenset.refresh_from_db()
    return documentenset


def documentenset_lever_aan(*, actor, documentenset: Documentenset) -> Documentenset:
    """Freeze ``documentenset`` as the set delivered to the certification body (today), with the
    moment of delivery and the archive's document versions as they stand at that moment."""
    from audits.selectors import documentversies_op

    nu = timezone.now()
    vandaag = timezone.localdate(nu)
    with transaction.atomic():
        rij = (
            Documentenset.objects.select_for_update()
            .select_related("audit__werkgroep", "audit__cyclus")
            .get(pk=documentenset.pk)
        )
        audit = Audit.objects.select_for_update().get(pk=rij.audit_id)
        if rij.status != Documentenset.Status.KLAAR or not rij.bestand:
            raise ValidationError("Alleen een documentenset die klaar is, kan worden aangeleverd.")
        if rij.aangeleverd_op:
            raise ValidationError(f"Deze documentenset is al aangeleverd op {rij.aangeleverd_op:%d-%m-%Y}.")
        if audit.documentenset_aangeleverd_op:
            raise ValidationError(
                f"Voor deze audit is al een documentenset aangeleverd op {audit.documentenset_aangeleverd_op:%d-%m-%Y}."
            )
        Documentenset.objects.filter(pk=rij.pk).update(aangeleverd_op=vandaag, aangeleverd_om=nu)
        rij.documentversies.set(documentversies_op(audit.werkgroep_id, vandaag))  # the archive, frozen
        Audit.objects.filter(pk=audit.pk).update(documentenset_aangeleverd_op=vandaag)
        audit.documentenset_aangeleverd_op = vandaag  # the locked row, now as stored
        vastleggen([audit], audit.werkgroep_id, actor=actor)
        log_actie(
            werkgroep=rij.audit.werkgroep,
            actor=actor,
            actie="documentenset.aangeleverd",
            omschrijving=(
                f"Documentenset van cyclus {rij.audit.cyclus.nummer} aangeleverd aan de certificatie-instelling "
                f"({rij.paginas} pagina's, SHA-256 {rij.sha256[:12]}…)"
            ),
            documentenset=rij.pk,
            audit=audit.pk,
            sha256=rij.sha256,
        )
        from kvo.na_commit import enqueue_na_commit

        # after commit, and never an error in the request once the delivery has committed
        taak = "audits.documentenset.tasks.documentenset_ontvangstbewijs_sturen"
        enqueue_na_commit(taak, robuust=True, werkgroep_id=audit.werkgroep_id, documentenset_id=rij.pk)
    rij.refresh_from_db()
    return rij


def documentenset_verstuur_ontvangstbewijs(*, documentenset: Documentenset) -> bool:
    """Mail the certification body (``Audit.ci_email``) the receipt of a delivered set, with the work
    group's contact person in copy: set number, reference date, moment of delivery, SHA-256 and page
    count, the same figures the auditor portal shows. Claimed on the row before it is sent, so it goes
    out once; a failed send releases the claim and raises (the task retries). False when there is
    nothing to send: not delivered, already sent, or no address for the body (logged)."""
    from django.conf import settings
    from django.core.mail import EmailMessage, mailers
    from django.urls import reverse

    rij = Documentenset.objects.select_related("audit__werkgroep", "audit__cyclus", "audit__contactpersoon").get(
        pk=documentenset.pk
    )
    audit = rij.audit
    if not rij.aangeleverd_op or rij.ontvangstbewijs_om:
        return False
    if not audit.ci_email:
        logger.warning("documentenset %s aangeleverd zonder e-mailadres van de certificatie-instelling", rij.pk)
        return False
    nu = timezone.now()
    if not Documentenset.objects.filter(pk=rij.pk, ontvangstbewijs_om__isnull=True).update(
        ontvangstbewijs_om=nu, ontvangstbewijs_aan=audit.ci_email
    ):
        return False  # another run claimed it
    werkgroep = audit.werkgroep
    kopie = [audit.contactpersoon.email] if audit.contactpersoon and audit.contactpersoon.email else []
    tekst = render_to_string(
        "audits/mail/ontvangstbewijs.txt",
        {"set": rij, "audit": audit, "werkgroep": werkgroep, "aangeleverd_om": timezone.localtime(rij.aangeleverd_om),
         "portaal": settings.SITE_URL.rstrip("/") + reverse("portaal:overzicht")},
    )  # fmt: skip
    onderwerp = f"Ontvangstbewijs documentenset nr. {rij.pk} van {werkgroep.naam} (cyclus {audit.cyclus.nummer})"
    try:
        with mailers.default as verbinding:
            verbinding.send_messages([EmailMessage(subject=onderwerp, body=tekst, to=[audit.ci_email], cc=kopie)])
    except Exception:
        Documentenset.objects.filter(pk=rij.pk, ontvangstbewijs_om=nu).update(
            ontvangstbewijs_om=None, ontvangstbewijs_aan=""
        )
        raise
    log_actie(
        werkgroep=werkgroep,
        actor=None,
        wijziging=False,
        actie="documentenset.ontvangstbewijs",
        omschrijving=f"Ontvangstbewijs van documentenset nr. {rij.pk} gemaild aan {audit.ci_email}",
        documentenset=rij.pk,
        audit=audit.pk,
    )
    return True
