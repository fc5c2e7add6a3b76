"""The document set (§3.6, §5.2.1): one PDF rendered in a worker; "aanleveren" freezes a snapshot."""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from kvo.invoer import tussen


def pdf_pad(instance: "Documentenset", filename: str) -> str:
    return f"audits/{instance.audit.werkgroep_id}/documentenset/{secrets.token_hex(16)}.pdf"


class Documentenset(models.Model):
    """A rendered document set. ``bezig`` while the worker renders (``voortgang`` 0–100); the file is
    written under a fresh name and the row set ``klaar`` in one step, so a half-written file is
    never shown. ``peildatum`` is the date the set was rendered for: it holds nothing dated after it.
    ``aangeleverd_op`` marks the snapshot the auditor sees: later edits do not change it, and its
    SHA-256 proves that. ``aangeleverd_om`` is the moment of delivery and ``documentversies`` the
    archive as it stood then (per document its newest version), frozen with it: a version uploaded
    later the same day is not part of the snapshot."""

    class Status(models.TextChoices):
        BEZIG = "bezig", _("wordt gemaakt")
        KLAAR = "klaar", _("klaar")
        MISLUKT = "mislukt", _("mislukt")

    audit = models.ForeignKey("audits.Audit", related_name="documentensets", on_delete=models.CASCADE)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.BEZIG)
    voortgang = models.PositiveSmallIntegerField(default=0, validators=tussen(0, 100))
    stap = models.CharField(max_length=120, blank=True)
    bestand = models.FileField(upload_to=pdf_pad, max_length=300, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    paginas = models.PositiveIntegerField(null=True, blank=True, validators=tussen(0, 100_000))
    gemaakt_op = models.DateTimeField(auto_now_add=True)
    klaar_op = models.DateTimeField(null=True, blank=True)
    peildatum = models.DateField(_("peildatum"), null=True, blank=True)
    aangeleverd_op = models.DateField(_("aangeleverd op"), null=True, blank=True)
    aangeleverd_om = models.DateTimeField(_("aangeleverd om"), null=True, blank=True)
    documentversies = models.ManyToManyField(
        "werkgroepen.DocumentVersie", related_name="+", blank=True, verbose_name=_("bevroren documentversies")
    )
    fout = models.CharField(max_length=300, blank=True)
    # the page of each evidence anchor of the rendered PDF ({"deel-plan": 31, ...}): the auditor
    # portal's evidence index links to these pages of the delivered set
    ankers = models.JSONField(_("pagina per anker"), default=dict, blank=True)
    # the receipt mailed to the certification body after delivery: claimed (moment and address) by a
    # conditional update before the mail goes out, so a retried task never sends it twice
    ontvangstbewijs_om = models.DateTimeField(_("ontvangstbewijs verstuurd om"), null=True, blank=True)
    ontvangstbewijs_aan = models.EmailField(_("ontvangstbewijs verstuurd aan"), blank=True)

    objects = ScopedManager(werkgroep="audit__werkgroep")

    class Meta:
        verbose_name = _("documentenset")
        verbose_name_plural = _("documentensets")
        ordering = ["-gemaakt_op", "-pk"]

    def __str__(self) -> str:
        wanneer = f"aangeleverd {self.aangeleverd_op:%d-%m-%Y}" if self.aangeleverd_op else self.get_status_display()
        return f"Documentenset ({wanneer})"
