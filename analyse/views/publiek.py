"""The entrepreneur's survey under ``/e/``: no account, plain Dutch, one step per theme.

- ``/e/<token>/`` exchanges the personal link for a session and redirects to ``/e/``, so the
  token is in no further URL, no Referer and no history entry. Tokens are only compared by
  their hash; an unknown token gets the same friendly page whatever the reason.
- Progress is kept between visits (``EnqueteConcept``) and deleted on submission, in the same
  transaction that stores the anonymous response (``reactie_dien_in``).
- Every page sends ``Cache-Control: no-store`` and ``X-Robots-Tag: noindex``; the link exchange
  sends ``Referrer-Policy: no-referrer`` (its URL holds the token), the pages after it
  ``same-origin`` (their URLs hold nothing secret, and a form posted from a ``no-referrer`` page
  carries ``Origin: null``, which Django's CSRF check rightly refuses). The link exchange and
  every form post are rate-limited per IP and per link. No log line carries a token
  (``kvo.logfilters``) or an answer (nothing here logs one).
- Works on a 360 px phone without JavaScript: plain forms, big touch targets.
- A follow-up question ("Zo ja, …") is on a step only when the kept answers meet its condition;
  when a step's answer makes a follow-up on the same step due, "Volgende" shows the step again
  with it. Answers to follow-ups no longer asked are removed from the kept answers.
- Sending without a single answer asks once ("Toch versturen?", a second form, no script); such
  a submission is counted apart and is no response (``reactie_dien_in``).
"""

from __future__ import annotations

import functools

from django.core.exceptions import ValidationError
from django.db.models import F
from django.shortcuts import redirect, render
from django.template.loader import get_template, render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST
from django_ratelimit.core import is_ratelimited
from django_scopes import scope, scopes_disabled

from analyse import vragenlijst
from analyse.antwoorden import alleen_gevraagd
from analyse.models import EnqueteConcept, EnqueteUitnodiging
from analyse.selectors.enquete import contact_van, vragen_per_thema
from analyse.services import reacties
from analyse.tokens import als_code, hash_van, uitnodiging_van_token
from kvo import versie

SESSIE = "enquete.uitnodiging"
KLAAR = "enquete.klaar"
ANONIEM = (
    "Uw antwoorden zijn anoniem: we bewaren alleen uw bedrijventerrein en uw antwoorden, niet uw naam, "
    "uw bedrijf of het tijdstip, en niemand in de werkgroep kan zien wat u hebt ingevuld."
)

MELDINGEN = {
    "onbekend": (
        404,
        "Deze link werkt niet",
        "De link is niet (meer) geldig of niet helemaal overgenomen. Kijk of u de hele link uit de e-mail of "
        "brief hebt gebruikt, of scan de QR-code nog eens. Lukt het niet, neem dan contact op met de secretaris "
        "van de KVO-werkgroep.",
    ),
    "geen-sessie": (
        404,
        "Open de enquête met uw persoonlijke link",
        "U vindt de link in de uitnodiging die u per e-mail of per brief kreeg. Hebt u die niet meer, neem dan "
        "contact op met de secretaris van de KVO-werkgroep.",
    ),
    "beantwoord": (
        409,
        "U hebt de enquête al ingevuld",
        "Dank u wel! Uw antwoorden zijn ontvangen. Een tweede keer invullen kan niet: "
        "zo telt elke ondernemer één keer.",
    ),
    "gesloten": (
        410,
        "De enquête is gesloten",
        "De enquête kon tot en met de sluitingsdatum worden ingevuld; antwoorden insturen kan niet meer. "
        "Dank u wel voor uw interesse.",
    ),
    "te-vaak": (
        429,
        "Even geduld",
        "Er kwamen in korte tijd te veel verzoeken binnen. Wacht een minuut en probeer het dan opnieuw.",
    ),
}


def _kop(view=None, *, referrer: str = "same-origin"):
    """No caching, no Referer to other sites, no indexing: on every page of the public survey."""

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            antwoord = view(request, *args, **kwargs)
            antwoord["Referrer-Policy"] = referrer
            antwoord["X-Robots-Tag"] = "noindex, nofollow"
            return antwoord

        return never_cache(wrapper)

    return decorator(view) if view is not None else decorator


def melding(request, soort: str, **extra):
    status, kop, tekst = MELDINGEN[soort]
    return render(request, "enquete/melding.html", {"kop": kop, "tekst": tekst, **extra}, status=status)


def _te_vaak(request, *, sleutel: str, rate: str) -> bool:
    """Rate limit per IP and per link (``sleutel``); counts this request."""
    per_ip = is_ratelimited(request, group="enquete-ip", key="ip", rate="60/m", increment=True)
    per_link = is_ratelimited(request, group="enquete-link", key=lambda g, r: sleutel, rate=rate, increment=True)
    return per_ip or per_link


def _uitnodiging(request) -> EnqueteUitnodiging | None:
    """The session's invitation with its survey, work group and kept answers (``concept``), and the
    name of its park (``terrein_naam``, shown on every page), in one query."""
    pk = request.session.get(SESSIE)
    if not pk:
        return None
    with scopes_disabled():
        return (
            EnqueteUitnodiging.objects.select_related("enquete__werkgroep", "concept")
            .annotate(terrein_naam=F("ondernemer__terrein__naam"))
            .filter(pk=pk)
            .first()
        )


def _toestand(request, uitnodiging) -> str | None:
    """Why this invitation cannot fill in the survey now, or None."""
    if uitnodiging is None:
        # this browser sent its answers a moment ago (back button, a second click): say so
        return "beantwoord" if request.session.get(KLAAR) else "geen-sessie"
    if uitnodiging.beantwoord:
        return "beantwoord"
    if not uitnodiging.enquete.is_open(timezone.localdate()):
        return "gesloten"
    return None


def _concept(uitnodiging) -> dict:
    """The answers kept between visits (read with the invitation)."""
    try:
        return dict(uitnodiging.concept.antwoorden)
    except EnqueteConcept.DoesNotExist:
        return {}


# the questions and whom to ask read these parts of the work group's data (kvo.versie)
VAST_LEEST = versie.leest("enquete-vast", "enquete", "leden", "partijen")


def _vast(enquete) -> tuple:
    """The survey's questions by theme and whom to ask (``contact_van``), kept under the work group's
    data version (``kvo.versie``): every step of every entrepreneur shows them, and a sent survey
    does not change. Read once per request (kept on the survey object)."""
    if not hasattr(enquete, "_vast"):
        werkgroep = enquete.werkgroep

        def maken():
            with scope(werkgroep=werkgroep):
                return vragen_per_thema(enquete), contact_van(werkgroep)

        enquete._vast = versie.bewaard(werkgroep, "enquete-vast", (enquete.pk, timezone.localdate().isoformat()), maken)
    return enquete._vast


def _vragen(enquete) -> list:
    return _vast(enquete)[0]


def _bewaar(uitnodiging, concept: dict, deel: dict, vragen: list) -> dict:
    """Keep ``deel`` with the earlier answers, without the answers to follow-ups no longer asked."""
    concept = alleen_gevraagd(vragen, {**concept, **deel})
    reacties.concept_bewaar(uitnodiging=uitnodiging, antwoorden=concept)
    return concept


# The questions of a step not yet answered look the same to every entrepreneur: their HTML is kept
# under what it is made of (kvo.versie.bewaard_op_inhoud), so each step is rendered once per survey.
VRAGEN_LEEST = versie.leest("enquete-vragen-html")
VRAGEN_TEMPLATE = "analyse/_vragen.html"


def _vragen_html(vragen: list) -> str:
    """``analyse/_vragen.html`` for ``vragen`` (``vragenlijst.Invulvraag``); kept when none has an
    answer or an error (a first visit of the step), else rendered."""
    if any(iv.waarde is not None or iv.fout for iv in vragen):
        return render_to_string(VRAGEN_TEMPLATE, {"vragen": vragen})
    rijen = [
        (iv.naam, iv.nummer, iv.voorwaarde, [tuple(vars(k).values()) for k in iv.keuzes], versie.rij_inhoud(iv.vraag))
        for iv in vragen
    ]
    inhoud = (rijen, _bron(VRAGEN_TEMPLATE), translation.get_language())  # its own words follow the language
    return versie.bewaard_op_inhoud(
        "enquete-vragen-html", inhoud, lambda: render_to_string(VRAGEN_TEMPLATE, {"vragen": vragen})
    )


@functools.cache
def _bron(naam: str) -> str:
    """The template's source (of this process): HTML kept by an older version of it is not used."""
    return get_template(naam).template.source


def _ctx(uitnodiging, **extra) -> dict:
    enquete = uitnodiging.enquete
    return {
        "enquete": enquete,
        "werkgroep": enquete.werkgroep,
        "terrein_naam": uitnodiging.terrein_naam,
        "anoniem": ANONIEM,
        "contact": _vast(enquete)[1],
        **extra,
    }


@_kop(referrer="no-referrer")
@require_http_methods(["GET", "HEAD"])
def start(request, token: str):
    """The personal link: exchange the token for a session, then continue without it in the URL."""
    if _te_vaak(request, sleutel=hash_van(als_code(token) or token), rate="20/m"):
        return melding(request, "te-vaak")
    with scopes_disabled():
        uitnodiging = uitnodiging_van_token(token)
    if uitnodiging is None:
        return melding(request, "onbekend")
    request.session.cycle_key()
    request.session[SESSIE] = uitnodiging.pk
    request.session.pop(KLAAR, None)
    return redirect("enquete:pagina")


@_kop
@require_http_methods(["GET", "HEAD"])
def pagina(request):
    """The first page: what the survey is for, how long it takes, that it is anonymous."""
    uitnodiging = _uitnodiging(request)
    if uitnodiging is None and request.session.get(KLAAR):
        return redirect("enquete:klaar")
    if reden := _toestand(request, uitnodiging):
        return melding(request, reden)
    with scope(werkgroep=uitnodiging.enquete.werkgroep):
        stappen = vragenlijst.stappen(uitnodiging.enquete, groepen=_vragen(uitnodiging.enquete))
        concept = _concept(uitnodiging)
    aantal = sum(len(s.vragen) for s in stappen)
    verder = 1
    if concept:
        beantwoord = [any(iv.vraag.ref in concept for iv in s.vragen) for s in stappen]
        verder = next((i + 1 for i, b in reversed(list(enumerate(beantwoord))) if b), 0) + 1
        verder = min(verder, len(stappen))
    return render(
        request,
        "enquete/welkom.html",
        _ctx(uitnodiging, stappen=stappen, aantal_vragen=aantal, verder=verder if concept else None),
    )


@_kop
@require_http_methods(["GET", "HEAD", "POST"])
def stap(request, nummer: int):
    """One theme: its questions; saving moves on (or back) and keeps the answers."""
    uitnodiging = _uitnodiging(request)
    if reden := _toestand(request, uitnodiging):
        return melding(request, reden)
    if request.method == "POST" and _te_vaak(request, sleutel=f"u{uitnodiging.pk}", rate="60/m"):
        return melding(request, "te-vaak")
    with scope(werkgroep=uitnodiging.enquete.werkgroep):
        concept = _concept(uitnodiging)
        groepen = _vragen(uitnodiging.enquete)
        stappen = vragenlijst.stappen(uitnodiging.enquete, concept, groepen, alleen_gevraagd=True)
        if not 1 <= nummer <= len(stappen):
            return redirect("enquete:pagina")
        huidig = stappen[nummer - 1]
        status = 200
        if request.method == "POST":
            deel, goed = vragenlijst.lees(huidig.vragen, request.POST)
            terug = request.POST.get("richting") == "vorige"
            if goed or terug:
                # Valid answers are kept (an emptied one is removed); on "back" an invalid one keeps its old value.
                alle = [v for g in groepen for v in g.vragen]
                concept = _bewaar(
                    uitnodiging,
                    concept,
                    {iv.vraag.ref: deel[iv.vraag.ref] for iv in huidig.vragen if not iv.fout},
                    alle,
                )
                if terug:
                    return redirect("enquete:stap", nummer=max(1, nummer - 1))
                getoond = {iv.vraag.ref for iv in huidig.vragen}
                nu = vragenlijst.stappen(uitnodiging.enquete, concept, groepen, alleen_gevraagd=True)[nummer - 1]
                if any(iv.vraag.ref not in getoond for iv in nu.vragen):
                    # an answer here made a follow-up on this step due: show the step again with it
                    return redirect(reverse("enquete:stap", kwargs={"nummer": nummer}) + "?vervolg=1")
                if nummer < len(stappen):
                    return redirect("enquete:stap", nummer=nummer + 1)
                return redirect("enquete:versturen")
            status = 422
    return render(
        request,
        "enquete/stap.html",
        _ctx(
            uitnodiging,
            stap=huidig,
            vragen_html=_vragen_html(huidig.vragen),
            aantal=len(stappen),
            fouten=status == 422,
            ontbreekt=request.GET.get("ontbreekt") == "1",
            vervolg=request.GET.get("vervolg") == "1",
        ),
        status=status,
    )


@_kop
@require_http_methods(["GET", "HEAD"])
def versturen(request):
    """Check before sending: per theme how many questions are answered."""
    uitnodiging = _uitnodiging(request)
    if reden := _toestand(request, uitnodiging):
        return melding(request, reden)
    with scope(werkgroep=uitnodiging.enquete.werkgroep):
        concept = _concept(uitnodiging)
        stappen = vragenlijst.stappen(uitnodiging.enquete, concept, _vragen(uitnodiging.enquete), alleen_gevraagd=True)
    return render(request, "enquete/versturen.html", _ctx(uitnodiging, stappen=stappen, concept=concept))


@_kop
@require_POST
def insturen(request):
    """Store the response (anonymous) and delete the progress, in one transaction."""
    uitnodiging = _uitnodiging(request)
    if uitnodiging is not None and uitnodiging.beantwoord:
        return melding(request, "beantwoord")
    if reden := _toestand(request, uitnodiging):
        return melding(request, reden)
    if _te_vaak(request, sleutel=f"u{uitnodiging.pk}", rate="60/m"):
        return melding(request, "te-vaak")
    with scope(werkgroep=uitnodiging.enquete.werkgroep):
        concept = _concept(uitnodiging)
        groepen = _vragen(uitnodiging.enquete)
        stappen = vragenlijst.stappen(uitnodiging.enquete, concept, groepen, alleen_gevraagd=True)
        for s in stappen:
            for iv in s.vragen:
                if iv.vraag.verplicht and iv.vraag.ref not in concept:
                    return redirect(reverse("enquete:stap", kwargs={"nummer": s.nummer}) + "?ontbreekt=1")
        refs = {iv.vraag.ref for s in stappen for iv in s.vragen}
        antwoorden = {r: w for r, w in concept.items() if r in refs and w is not None}
        if not antwoorden and request.POST.get("leeg") != "1":
            # Not a single answer: ask once before an empty submission (it will not count as a response).
            return render(request, "enquete/versturen.html", _ctx(uitnodiging, stappen=stappen, leeg=True))
        try:
            reacties.reactie_dien_in(uitnodiging=uitnodiging, antwoorden=antwoorden)
        except ValidationError as fout:
            if reacties.AL_BEANTWOORD in fout.messages:
                return melding(request, "beantwoord")
            if reacties.GESLOTEN in fout.messages:
                return melding(request, "gesloten")
            raise
    request.session.pop(SESSIE, None)
    request.session[KLAAR] = True
    return redirect("enquete:klaar")


@_kop
@require_http_methods(["GET", "HEAD"])
def klaar(request):
    if not request.session.get(KLAAR):
        return redirect("enquete:pagina")
    return render(request, "enquete/klaar.html", {"anoniem": ANONIEM})
