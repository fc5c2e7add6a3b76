"""The measures matrix (§4.2.4–4.2.5): goals and their measures against the cycle's 12 quarters.

Quarters are set by clicking a cell: each cell is a small POST form, so it works without
JavaScript (the page reloads at the row); with htmx only the row is swapped. A measure's form
carries the version it was read at; a save over someone else's change answers 409 with both
versions side by side.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from aanpak import kwartalen
from aanpak.forms import MaatregelForm, VoortgangForm
from aanpak.models import Maatregel
from aanpak.selectors import maatregelen_van, matrix, rij
from aanpak.services import maatregelen as maatregel_services  # the view below is also called maatregel_verwijder
from aanpak.services.maatregelen import (
    Conflict,
    kwartaal_zet,
    maatregel_bewaar,
    maatregel_maak,
    voortgang_voeg_toe,
)
from aanpak.services.plan import is_huidig
from aanpak.views.basis import context, cyclus_en_plan
from aanpak.views.plan import naar
from kvo import versie
from kvo.formulieren import verwerk_formulier
from kvo.invoer import id_uit
from kvo.mixins import vereist
from kvo.pdf import template_naar_pdf
from kvo.permissions import Actie
from kvo.toets import voer_toets_uit

MATRIX_IDS = (
    "pva.maatregel-velden",
    "pva.verdeling",
    "pva.vaste-maatregelen",
    "pva.voortgang",
    "audit.eerste-maatregelen",
)
VERGELIJK = ("titel", "verantwoordelijke", "kwartalen", "benodigde_tijd", "deskundigheid", "voortgangsmeting",
             "status", "uitgevoerd_op", "wijziging_reden")  # fmt: skip


def _filters(request) -> tuple[int | None, str]:
    partij = id_uit(request.GET.get("partij")) or None  # not an id (text, 20 digits): no filter
    status = request.GET.get("status", "")
    return partij, status if status in Maatregel.Status.values else ""


# What the kept page reads (kvo.versie): the plan, its progress and parties, and the rules it shows;
# not the survey, the archive or the members, so their writes keep it.
LEEST = versie.leest(
    "pagina:matrix", "plan", "voortgang", "partijen", "leden", "bijeenkomst", "conclusie", "audit", "schouw",
    "evaluatie", "keurmerk",
)  # fmt: skip


@vereist(Actie.BEKIJKEN)
def matrix_pagina(request, werkgroep):
    """The page is kept under the work group's data version (``kvo.versie``)."""
    return versie.bewaarde_pagina(
        request,
        request.werkgroep,
        "matrix",
        "aanpak/matrix.html",
        lambda: _matrix_context(request),
        parameters=("cyclus", "partij", "status"),
    )


def _matrix_context(request) -> dict:
    cyclus, plan = cyclus_en_plan(request)
    extra = {"cyclus": cyclus, "plan": plan}
    if plan is not None:
        partij, status = _filters(request)
        extra.update(
            matrix=matrix(plan, timezone.localdate(), filter_partij=partij, filter_status=status),
            partijen=request.werkgroep.partijen.order_by("naam"),
            statussen=Maatregel.Status.choices,
            filter_partij=partij,
            filter_status=status,
            resultaten=voer_toets_uit(request.werkgroep, cyclus=cyclus, ids=MATRIX_IDS),
            alleen_lezen=not is_huidig(cyclus),
        )
    return context(request, **extra)


@vereist(Actie.BEKIJKEN)
def matrix_pdf(request, werkgroep):
    cyclus, plan = cyclus_en_plan(request, verplicht=True)
    pdf = template_naar_pdf(
        "pdf/matrix.html",
        {"werkgroep": request.werkgroep, "cyclus": cyclus, "plan": plan, "matrix": matrix(plan, timezone.localdate()),
         "titel": "Maatregelenmatrix", "vandaag": timezone.localdate()},
    )  # fmt: skip
    antwoord = HttpResponse(pdf, content_type="application/pdf")
    antwoord["Content-Disposition"] = f'inline; filename="maatregelenmatrix-cyclus-{cyclus.nummer}.pdf"'
    return antwoord


@require_POST
@vereist(Actie.WIJZIGEN)
def kwartaal(request, werkgroep, pk):
    cyclus, plan = cyclus_en_plan(request, verplicht=True)
    maatregel = get_object_or_404(Maatregel, pk=pk, plan=plan)
    code, aan = request.POST.get("kwartaal", ""), request.POST.get("aan") == "1"
    fout = ""
    try:
        maatregel = kwartaal_zet(actor=request.user, maatregel=maatregel, kwartaal=code, aan=aan)
    except ValidationError as e:
        fout = " ".join(e.messages)
    if request.htmx:
        maatregel = maatregelen_van(plan, pk=maatregel.pk)[0]
        antwoord = render(
            request,
            "aanpak/_matrix_rij.html",
            context(request, r=rij(maatregel, kwartalen.van_cyclus(cyclus.start)), fout=fout, plan=plan,
                    huidig=kwartalen.code_van(timezone.localdate())),
            status=422 if fout else 200,
        )  # fmt: skip
        return antwoord
    if fout:
        messages.error(request, fout)
    return redirect(reverse("aanpak:matrix", kwargs={"werkgroep": request.werkgroep.slug}) + f"#m-{maatregel.pk}")


def _gegevens(form) -> dict:
    g = dict(form.cleaned_data)
    g.pop("versie", None)
    return g


def _waarde(m: Maatregel | dict, veld: str) -> str:
    w = m.get(veld) if isinstance(m, dict) else getattr(m, veld)
    if veld == "kwartalen":
        return ", ".join(sorted(w or [])) or "—"
    if veld == "status" and w:
        return Maatregel.Status(w).label
    if veld == "deskundigheid" and w:
        return Maatregel.Deskundigheid(w).label
    if hasattr(w, "strftime"):
        return f"{w:%d-%m-%Y}"
    return str(w) if w not in (None, "") else "—"


@vereist(Actie.WIJZIGEN)
def maatregel_form(request, werkgroep, pk=None):
    cyclus, plan = cyclus_en_plan(request, verplicht=True)
    maatregel = get_object_or_404(Maatregel, pk=pk, plan=plan) if pk else None
    kw = kwartalen.van_cyclus(cyclus.start)
    vast = bool(maatregel and maatregel.is_vast)
    if maatregel is not None:
        initial = {v: getattr(maatregel, v) for v in MaatregelForm.base_fields if v != "versie"}
        initial["versie"] = maatregel.versie
    else:
        initial = {"soort": "regulier", "doelstelling": request.GET.get("doel") or None}
    form = MaatregelForm(request.POST or None, initial=initial, plan=plan, kwartalen=kw, vast=vast)

    def pagina(form, *, status: int, conflict: dict | None = None):
        return render(
            request,
            "aanpak/maatregel_form.html",
            context(request, cyclus=cyclus, plan=plan, form=form, maatregel=maatregel, conflict=conflict, vast=vast),
            status=status,
        )

    if request.method != "POST":
        return pagina(form, status=200)

    def bewaar(g) -> Maatregel:
        if maatregel is None:
            return maatregel_maak(actor=request.user, plan=plan, gegevens=_gegevens(form))
        return maatregel_bewaar(
            actor=request.user, maatregel=maatregel, gegevens=_gegevens(form), versie=g["versie"] or maatregel.versie
        )

    def bij_conflict(c: Conflict):
        """Someone else saved first: both versions side by side (409); saving again now knowingly
        replaces the stored version."""
        jouw = form.cleaned_data
        conflict = {
            "opgeslagen": c.opgeslagen,
            "rijen": [
                (MaatregelForm.base_fields[v].label, _waarde(jouw, v), _waarde(c.opgeslagen, v),
                 _waarde(jouw, v) != _waarde(c.opgeslagen, v))
                for v in VERGELIJK
            ],
        }  # fmt: skip
        data = request.POST.copy()
        data["versie"] = c.opgeslagen.versie
        opnieuw = MaatregelForm(data, initial=initial, plan=plan, kwartalen=kw, vast=vast)
        return pagina(opnieuw, status=409, conflict=conflict)

    antwoord = verwerk_formulier(
        request,
        form,
        bewaar,
        succes=lambda m: f"Maatregel opgeslagen: {m.titel}",
        naar=lambda m: reverse("aanpak:matrix", kwargs={"werkgroep": request.werkgroep.slug}) + f"#m-{m.pk}",
        bij={Conflict: bij_conflict},
    )
    if antwoord is not None:
        return antwoord
    return pagina(form, status=422)


@vereist(Actie.BEKIJKEN)
def maatregel(request, werkgroep, pk):
    m = get_object_or_404(
        Maatregel.objects.select_related(
            "plan__cyclus", "verantwoordelijke", "doelstelling", "schouwpunt__schouw", "bron_evaluatie"
        ),
        pk=pk,
        plan__werkgroep=request.werkgroep,
    )  # also a measure of an earlier cycle, read-only
    cyclus = m.plan.cyclus
    form = VoortgangForm(werkgroep=request.werkgroep, initial={"datum": timezone.localdate(), "status": m.status})
    return render(
        request,
        "aanpak/maatregel.html",
        context(request, cyclus=cyclus, plan=m.plan, m=m, form=form,
                voortgang=list(m.voortgang.select_related("bijeenkomst").order_by("-datum", "-pk")),
                alleen_lezen=not is_huidig(cyclus)),
    )  # fmt: skip


@require_POST
@vereist(Actie.WIJZIGEN)
def voortgang_nieuw(request, werkgroep, pk):
    cyclus, plan = cyclus_en_plan(request, verplicht=True)
    m = get_object_or_404(Maatregel, pk=pk, plan=plan)
    form = VoortgangForm(request.POST, werkgroep=request.werkgroep)
    antwoord = verwerk_formulier(
        request,
        form,
        lambda g: voortgang_voeg_toe(actor=request.user, maatregel=m, datum=g["datum"], tekst=g["tekst"],
                                      bijeenkomst=g["bijeenkomst"], status=g["status"], lid=request.toegang.lid),
        succes="Voortgang vastgelegd.",
        naar=reverse("aanpak:maatregel", kwargs={"werkgroep": request.werkgroep.slug, "pk": m.pk}),
    )  # fmt: skip
    if antwoord is not None:
        return antwoord
    return render(
        request,
        "aanpak/maatregel.html",
        context(request, cyclus=cyclus, plan=plan, m=m, form=form, voortgang=list(m.voortgang.order_by("-datum")),
                alleen_lezen=False),
        status=422,
    )  # fmt: skip


@vereist(Actie.WIJZIGEN)
def maatregel_verwijder(request, werkgroep, pk):
    _cyclus, plan = cyclus_en_plan(request, verplicht=True)
    m = get_object_or_404(Maatregel, pk=pk, plan=plan)
    if request.method == "POST":
        try:
            maatregel_services.maatregel_verwijder(actor=request.user, maatregel=m)
        except ValidationError as e:
            messages.error(request, " ".join(e.messages))
        else:
            messages.success(request, f"Maatregel verwijderd: {m.titel}")
        return naar("matrix", request)
    gevolg = "" if m.is_vast else "De voortgangsnotities van deze maatregel worden ook verwijderd."
    return render(
        request,
        "aanpak/verwijderen.html",
        context(request, object=m, wat="maatregel", terug="aanpak:matrix", gevolg=gevolg),
    )
