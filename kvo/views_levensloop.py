"""Staff's list of every work group's state (``/beheer/werkgroepen/``), of removed work groups, and the
removal of an ended one (the web form of ``manage.py kvo_verwijder``)."""

from __future__ import annotations

import hashlib
import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods
from django_scopes import scopes_disabled

from kvo.dossier.services import dossier_als_zip
from kvo.forms_verwijderen import VerwijderForm
from kvo.formulieren import voer_uit
from kvo.models import VerwijderdeWerkgroep
from kvo.permissions import Actie, mag, rollen_buiten_werkgroep
from werkgroepen.models import Werkgroep
from werkgroepen.services.levensloop import verwijderen_blokkades, werkgroep_verwijder


@login_required
def werkgroepen_status(request):
    if not request.user.is_staff:
        raise PermissionDenied("Alleen beheerders van KVO Werkplaats zien de status van alle werkgroepen.")
    with scopes_disabled():
        werkgroepen = list(
            Werkgroep.objects.select_related("begeleiding").only(
                "naam", "slug", "status", "status_sinds", "status_reden", "gemeente", "begeleiding__naam"
            )
        )
    tellingen = {s: sum(1 for w in werkgroepen if w.status == s) for s in Werkgroep.Status.values}
    return render(
        request,
        "beheer/werkgroepen_status.html",
        {
            "werkgroepen": werkgroepen,
            "tellingen": [(label, tellingen[waarde]) for waarde, label in Werkgroep.Status.choices],
            "verwijderd": VerwijderdeWerkgroep.objects.all()[:100],
        },
    )


# --- removing an ended work group: first the export, then the confirmation ------------------------

EXPORT_SESSIE = "kvo_verwijder_export"  # work group pk → the export made for its removal


def _verwijderbaar(request, pk: int) -> Werkgroep:
    if not mag(rollen_buiten_werkgroep(request.user), Actie.VERWIJDEREN):
        raise PermissionDenied("Alleen beheerders van KVO Werkplaats kunnen een werkgroep verwijderen.")
    with scopes_disabled():
        return get_object_or_404(Werkgroep, pk=pk)


def _export_van(request, pk: int) -> dict | None:
    return request.session.get(EXPORT_SESSIE, {}).get(str(pk))


def _bewaar_export(request, pk: int, waarden: dict | None) -> None:
    """Keep (or with None forget and delete) the export made for removing work group ``pk``."""
    exports = dict(request.session.get(EXPORT_SESSIE, {}))
    oud = exports.pop(str(pk), None)
    if oud and (waarden is None or oud["pad"] != waarden["pad"]):
        default_storage.delete(oud["pad"])
    if waarden is not None:
        exports[str(pk)] = waarden
    request.session[EXPORT_SESSIE] = exports


@login_required
@require_http_methods(["GET", "POST"])
def werkgroep_verwijderen(request, pk: int):
    """Staff remove an ended work group as ``manage.py kvo_verwijder`` does: the full export first
    (made here, kept until the removal and downloaded from this page), then the confirmation with the
    reason. The record keeps the SHA-256 of exactly the file that was downloaded."""
    werkgroep = _verwijderbaar(request, pk)
    blokkades = verwijderen_blokkades(werkgroep, op_verzoek=True)
    export = _export_van(request, pk)
    form = VerwijderForm(request.POST if request.POST.get("actie") == "verwijderen" else None)
    status = 200
    if request.method == "POST":
        if blokkades:
            status = 409  # refused, with the reason on the page
        elif request.POST.get("actie") == "export":
            inhoud = dossier_als_zip(werkgroep=werkgroep)
            naam = f"{werkgroep.slug}-volledige-export-{timezone.localdate():%Y%m%d}.zip"
            pad = default_storage.save(
                f"verwijderexport/{werkgroep.pk}-{secrets.token_hex(8)}.zip", ContentFile(inhoud)
            )
            _bewaar_export(
                request,
                pk,
                {"pad": pad, "naam": naam, "sha256": hashlib.sha256(inhoud).hexdigest(), "gedownload": False},
            )
            return redirect("beheer:werkgroep_verwijderen", pk=werkgroep.pk)
        elif request.POST.get("actie") == "verwijderen":
            if not export or not export["gedownload"]:
                # add_error validates the form first: its own errors show too
                form.add_error(None, "Maak en download eerst de volledige export; pas daarna kan de werkgroep weg.")
            else:

                def verwijder(g):
                    with default_storage.open(export["pad"], "rb") as bestand:
                        inhoud = bestand.read()
                    if hashlib.sha256(inhoud).hexdigest() != export["sha256"]:
                        raise ValidationError("De bewaarde export is gewijzigd; maak een nieuwe export.")
                    return werkgroep_verwijder(
                        actor=request.user,
                        werkgroep=werkgroep,
                        export=inhoud,
                        export_bestandsnaam=export["naam"],
                        reden=g["reden"],
                        op_verzoek=g["op_verzoek"],
                    )

                uitkomst = voer_uit(form, verwijder)
                if uitkomst.gelukt:
                    spoor = uitkomst.waarde
                    _bewaar_export(request, pk, None)  # werkgroep.pk is None now
                    messages.success(
                        request, f"{spoor.naam} is verwijderd. SHA-256 van de export: {spoor.export_sha256}."
                    )
                    return redirect("beheer:werkgroepen_status")
            status = 400
        else:
            status = 400
    return render(
        request,
        "beheer/werkgroep_verwijderen.html",
        {
            "werkgroep": werkgroep,
            "blokkades": blokkades,
            "bewaartermijn_loopt": bool(werkgroep.bewaren_tot and werkgroep.bewaren_tot > timezone.localdate()),
            "export": export,
            "form": form,
        },
        status=status,
    )


@login_required
@require_GET
def werkgroep_verwijder_export(request, pk: int):
    """The export made for the removal, as the file whose SHA-256 the record will keep."""
    _verwijderbaar(request, pk)
    export = _export_van(request, pk)
    if not export or not default_storage.exists(export["pad"]):
        raise Http404("Er is nog geen export gemaakt.")
    _bewaar_export(request, pk, {**export, "gedownload": True})
    return FileResponse(
        default_storage.open(export["pad"], "rb"),
        as_attachment=True,
        filename=export["naam"],
        content_type="application/zip",
    )
