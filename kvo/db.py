"""Small model building blocks shared by the tenant-owned models."""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _


class DossierRecord(models.Model):
    """A row that appears in the ``kvo-dossier/1`` format.

    ``ref`` is the row's stable name inside its work group (dossier refs survive a round trip);
    ``extra`` keeps the ``x-`` keys a dossier carried, so an import followed by an export gives
    them back unchanged.
    """

    ref = models.CharField(_("referentie"), max_length=64, blank=True)
    extra = models.JSONField(_("extra dossiervelden"), default=dict, blank=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.ref:
            self.ref = nieuwe_ref(self._meta.model_name[:3])
        super().save(*args, **kwargs)


def nieuwe_ref(prefix: str) -> str:
    return f"{prefix}-{secrets.token_hex(4)}"
