"""The readiness page (handboektoets) and the dossier download of a work group."""

from __future__ import annotations

import datetime as dt

from django.http import HttpResponse
from django.utils import timezone
from django.views.generic import TemplateView

from audits.forms import ToetsFilterForm
from audits.selectors import toetsstand
from kvo import versie
from kvo.formulieren import gegevens_van
from kvo.grafieken import lijn_in_tijd
from kvo.mixins import WerkgroepMixin
from kvo.permissions import Actie
from kvo.toets import Status

HISTORIE_DAGEN = 90


TOETS_LEEST = versie.leest("pagina:toets", "toets", "keurmerk")  # what the kept page reads (kvo.versie)


class ToetsView(WerkgroepMixin, TemplateView):
    template_name = "audits/toets.html"
    permission = Actie.BEKIJKEN

    inhoud_template = "audits/_toets_inhoud.html"

    def get(self, request, *args, **kwargs):
        if request.htmx:  # changing cycle, date or status swaps only the results (without JS the form submits)
            return self.render_to_response(self._inhoud_context(**kwargs))
        # The page, kept under the work group's data version (kvo.versie) and the last readiness
        # history row (a bookkeeping table the data version does not follow).
        return versie.bewaarde_pagina(
            request,
            self.werkgroep,
            "toets",
            self.template_name,
            lambda: self._inhoud_context(**kwargs),
            parameters=tuple(ToetsFilterForm.base_fields),
            delen=(self.werkgroep.toets_berekend_op,),
        )

    def get_template_names(self):
        return [f"{self.inhoud_template}#resultaat"] if self.request.htmx else [self.template_name]

    def _inhoud_context(self, **kwargs):
        context = super().get_context_data(**kwargs)
        cycli = list(self.werkgroep.cycli.order_by("nummer"))
        form = ToetsFilterForm(self.request.GET or None, cycli=cycli)
        keuze = gegevens_van(form) or {}
        nummer = keuze.get("cyclus")
        cyclus = next((c for c in cycli if c.nummer == nummer), None) if nummer else (cycli[-1] if cycli else None)
        datum = keuze.get("datum") or timezone.localdate()
        status = keuze.get("status") or ""
        context.update(
            form=form,
            cyclus=cyclus,
            datum=datum,
            vandaag=datum == timezone.localdate(),
            status=status,
            stand=toetsstand(self.werkgroep, cyclus=cyclus, datum=datum, status=status),
            statussen=list(Status),
            mag_exporteren=self.request.toegang.mag(Actie.EXPORTEREN),
        )
        if not self.request.htmx:  # the history is outside the part htmx swaps
            context["verloop"] = self._verloop()
        return context

    def _verloop(self):
        """The share met per day over the last 90 days (the daily job's rows), or None before any."""
        tot = timezone.localdate()
        van = tot - dt.timedelta(days=HISTORIE_DAGEN)
        historie = list(self.werkgroep.toetshistorie.filter(datum__gte=van, datum__lte=tot))
        if not historie:
            return None
        punten = [(h.datum, h.gereedheid.procent) for h in historie]  # the readiness figure of each day
        titel = f"Gereedheid per dag, laatste {HISTORIE_DAGEN} dagen (aandeel voldane eisen, zonder n.v.t.)"
        return {"grafiek": lijn_in_tijd(punten, titel=titel, van=van, tot=tot, breedte=720), "laatste": historie[-1]}


class ExportView(WerkgroepMixin, TemplateView):
    """GET: the choice between the full dossier and the one for the certification body;
    ``?variant=volledig|ci`` serves the download."""

    template_name = "audits/export.html"
    permission = Actie.EXPORTEREN

    def get(self, request, *args, **kwargs):
        variant = request.GET.get("variant")
        if variant in ("volledig", "ci"):
            return self._download(voor_ci=variant == "ci")
        return super().get(request, *args, **kwargs)

    def _download(self, *, voor_ci: bool) -> HttpResponse:
        from kvo.dossier.services import dossier_als_json, dossier_als_zip, dossier_bestanden, dossier_exporteer

        werkgroep = self.werkgroep
        achtervoegsel = "-voor-ci" if voor_ci else ""
        datum = timezone.localdate().isoformat()
        if dossier_bestanden(werkgroep=werkgroep):
            inhoud, soort, ext = dossier_als_zip(werkgroep=werkgroep, voor_ci=voor_ci), "application/zip", "zip"
        else:
            dossier = dossier_exporteer(werkgroep=werkgroep, voor_ci=voor_ci)
            inhoud, soort, ext = dossier_als_json(dossier), "application/json", "json"
        response = HttpResponse(inhoud, content_type=soort)
        naam = f"{werkgroep.slug}-dossier{achtervoegsel}-{datum}.{ext}"
        response["Content-Disposition"] = f'attachment; filename="{naam}"'
        response["Cache-Control"] = "no-store"
        return response
