"""``{% wat_u_kunt %}``: on the 403 page, where the user is, with which roles, and what they can do
instead (from ``kvo.permissions``, like the "Rollen" page)."""

from django import template
from django.urls import NoReverseMatch, reverse

from kvo.permissions import OMSCHRIJVING, ROL_OMSCHRIJVING, Actie, Toegangsrol

register = template.Library()

# Where each action that a user may have can be done, if it has a page of its own.
PAGINA = {
    Actie.BEKIJKEN: "werkgroepen:home",
    Actie.WIJZIGEN: "werkgroepen:home",
    Actie.BEHEREN: "werkgroepen:leden",
    Actie.EXPORTEREN: "audits:export",
    Actie.DOCUMENTENSET: "audits:documentenset",
    Actie.LEVENSLOOP: "werkgroepen:status",
}


def _url(naam: str, slug: str) -> str:
    try:
        return reverse(naam, kwargs={"werkgroep": slug})
    except NoReverseMatch:
        return ""


@register.inclusion_tag("partials/wat_u_kunt.html", takes_context=True)
def wat_u_kunt(context):
    toegang = context.get("toegang")
    werkgroep = context.get("werkgroep")
    if toegang is None or werkgroep is None:
        return {"toegang": None}
    if not toegang.mag(Actie.BEKIJKEN):  # an auditor under /w/: the portal is their way in
        return {"toegang": toegang, "werkgroep": werkgroep, "alleen_portaal": Toegangsrol.AUDITOR in toegang.rollen}
    rollen = [ROL_OMSCHRIJVING[r][0].lower() for r in ROL_OMSCHRIJVING if r in toegang.rollen and r != Toegangsrol.LID]
    if not rollen and Toegangsrol.LID in toegang.rollen:
        rollen = ["lid"]
    kan = []
    for actie in Actie:
        if toegang.mag(actie):
            kan.append(
                {"tekst": OMSCHRIJVING[actie], "url": _url(PAGINA[actie], werkgroep.slug) if actie in PAGINA else ""}
            )
    return {
        "toegang": toegang,
        "werkgroep": werkgroep,
        "rollen": rollen,
        "wijzigen": toegang.mag(Actie.WIJZIGEN),
        "kan": kan,
        "rollen_url": _url("werkgroepen:rollen", werkgroep.slug),
        "mijn_acties_url": _url("aanpak:mijn_acties", werkgroep.slug) if toegang.lid else "",
    }
