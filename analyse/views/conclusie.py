"""The safety analysis at a glance (the four steps and their rules) and its conclusion (§4.1.4)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from analyse import catalogus
from analyse.forms_conclusie import ConclusieForm, PrioriteitenFormSet
from analyse.models import Conclusie
from analyse.selectors.enquete import enquete_van
from analyse.services.conclusie import conclusie_opslaan
from analyse.views.basis import context, huidige_cyclus
from kvo.eisen import EISEN
from kvo.grafieken import Staaf, staafdiagram
from kvo.mixins import fout_in_form, vereist
from kvo.permissions import Actie
from kvo.toets import voer_toets_uit

ANALYSE_IDS = tuple(i for i in EISEN if i.split(".")[0] in ("enquete", "cijfers", "schouw", "analyse"))


@vereist(Actie.BEKIJKEN)
def overzicht(request, werkgroep):
    cyclus = huidige_cyclus(request)
    extra = {"cyclus": cyclus}
    if cyclus is not None:
        enquete = enquete_van(cyclus)
        vandaag = timezone.localdate()
        stand = {"enquete": enquete}
        if enquete is not None:
            stand["reacties"] = enquete.reacties.count()
            stand["uitnodigingen"] = enquete.uitnodigingen.count()
            stand["open"] = enquete.is_open(vandaag)
        stand["bronnen"] = sorted(set(cyclus.cijfers.values_list("bron", flat=True)))
        stand["schouwen"] = cyclus.schouwen.aggregate(
            dag=Count("pk", filter=Q(soort="dag"), distinct=True),
            avond=Count("pk", filter=Q(soort="avond"), distinct=True),
            positief=Count("punten", filter=Q(punten__positief=True)),
            verbeter=Count("punten", filter=Q(punten__positief=False)),
        )
        stand["conclusie"] = Conclusie.objects.filter(cyclus=cyclus).select_related("vastgesteld_in").first()
        resultaten = voer_toets_uit(request.werkgroep, ids=ANALYSE_IDS)
        extra.update(
            stand=stand,
            resultaten=resultaten,
            voldaan=sum(1 for r in resultaten if r.status in ("voldaan", "nvt")),
        )
    return render(request, "analyse/overzicht.html", context(request, **extra))


def _themas(cyclus) -> list[str]:
    enquete = enquete_van(cyclus)
    uit_enquete = (
        list(dict.fromkeys(enquete.vragen.order_by("volgorde").values_list("thema", flat=True))) if enquete else []
    )
    return list(dict.fromkeys([*catalogus.THEMAS.keys(), *uit_enquete]))


@vereist(Actie.BEKIJKEN)
def conclusie(request, werkgroep):
    cyclus = huidige_cyclus(request)
    if cyclus is None:
        return render(request, "analyse/conclusie.html", context(request, cyclus=None))
    bestaand = Conclusie.objects.filter(cyclus=cyclus).select_related("vastgesteld_in").first()
    per_thema = {p.thema: p for p in bestaand.prioriteiten.all()} if bestaand else {}
    themas = _themas(cyclus)
    themas += [t for t in per_thema if t not in themas]
    initial = [
        {
            "thema": t,
            "risicokans": per_thema[t].risicokans if t in per_thema else None,
            "ernst": per_thema[t].ernst if t in per_thema else None,
            "jaar": per_thema[t].jaar if t in per_thema else None,
            "toelichting": per_thema[t].toelichting if t in per_thema else "",
        }
        for t in themas
    ]
    mag = request.toegang.mag(Actie.WIJZIGEN)
    form = ConclusieForm(
        request.POST if request.method == "POST" and mag else None,
        werkgroep=request.werkgroep,
        initial={
            "samenvatting": bestaand.samenvatting if bestaand else "",
            "conclusie": bestaand.conclusie if bestaand else "",
            "vastgesteld_op": bestaand.vastgesteld_op if bestaand else None,
            "vastgesteld_in": bestaand.vastgesteld_in if bestaand else None,
        },
    )
    formset = PrioriteitenFormSet(
        request.POST if request.method == "POST" and mag else None, initial=initial, prefix="p"
    )
    status = 200
    if request.method == "POST":
        if not mag:
            from django.core.exceptions import PermissionDenied

            raise PermissionDenied
        if form.is_valid() and formset.is_valid():
            try:
                conclusie_opslaan(
                    actor=request.user,
                    cyclus=cyclus,
                    gegevens=form.cleaned_data,
                    prioriteiten=[f.cleaned_data for f in formset.forms if f.cleaned_data],
                )
            except ValidationError as e:
                fout_in_form(form, e)
            else:
                messages.success(request, "De conclusie is opgeslagen.")
                return redirect(reverse("analyse:conclusie", kwargs={"werkgroep": request.werkgroep.slug}))
        status = 422
    rijen = list(zip(formset.forms, [catalogus.thema_naam(t) for t in themas], strict=False))
    geprioriteerd = sorted((p for p in per_thema.values() if p.score), key=lambda p: (-p.score, p.volgorde))
    grafiek = (
        staafdiagram(
            [Staaf(catalogus.thema_naam(p.thema), p.score, f"{p.score} (jaar {p.jaar or '–'})") for p in geprioriteerd],
            titel="Prioriteit per thema: kans × impact (hoogstens 100)",
            maximum=100,
        )
        if geprioriteerd
        else None
    )
    return render(
        request,
        "analyse/conclusie.html",
        context(
            request,
            cyclus=cyclus,
            conclusie=bestaand,
            form=form,
            formset=formset,
            rijen=rijen,
            grafiek=grafiek,
            resultaten=voer_toets_uit(request.werkgroep, ids=("analyse.conclusie",)),
        ),
        status=status,
    )
