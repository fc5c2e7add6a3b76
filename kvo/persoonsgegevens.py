"""The core's own personal data (``kvo.avg``): accounts, login sessions, calendar links and the trace
of a removed work group."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.utils import timezone

from kvo.avg import Betrokkene, Gegevenssoort, Opgeruimd, registreer


def _user(b: Betrokkene):
    return get_user_model().objects.filter(pk=b.user_id).first() if b.user_id else None


def exporteer_account(b: Betrokkene) -> dict | None:
    user = _user(b)
    if user is None:
        return None
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator

    link = getattr(user, "agendalink", None)  # RelatedObjectDoesNotExist is an AttributeError
    return {
        "email": user.email,
        "naam": user.naam,
        "account_sinds": user.date_joined.isoformat(),
        "laatst_ingelogd": user.last_login.isoformat() if user.last_login else None,
        "actief": user.is_active,
        "beheerder": user.is_staff,
        "procesbegeleider_bij": sorted(user.begeleidingsorganisaties.values_list("naam", flat=True)),
        "e-mailadressen": [
            {"email": e, "bevestigd": v}
            for e, v in EmailAddress.objects.filter(user=user).values_list("email", "verified")
        ],
        "tweestapsverificatie": sorted(Authenticator.objects.filter(user=user).values_list("type", flat=True)),
        "agendalink_gemaakt_op": link.aangemaakt_op.isoformat() if link else None,
        "wachtwoord": "alleen als onomkeerbare hash bewaard; niet in deze export",
    }


def bezwaren_account(b: Betrokkene, vandaag: dt.date) -> list[str]:
    user = _user(b)
    if user is None:
        return []
    bezwaren = []
    if user.is_staff or user.is_superuser:
        bezwaren.append("Dit account is beheerder van KVO Werkplaats: neem eerst die rol weg.")
    if namen := sorted(user.begeleidingsorganisaties.values_list("naam", flat=True)):
        bezwaren.append(f"Dit account is procesbegeleider bij {', '.join(namen)}: haal het daar eerst weg.")
    return bezwaren


def wis_account(b: Betrokkene, actor) -> int:
    """The account goes (login, two-step keys, calendar link, sessions); the records it made keep their
    content and lose the link to the person (``SET_NULL``: log lines, uploads, history rows)."""
    user = _user(b)
    if user is None:
        return 0
    sessies = [
        s
        for s in Session.objects.filter(expire_date__gt=timezone.now())
        if s.get_decoded().get("_auth_user_id") == str(user.pk)
    ]
    for sessie in sessies:
        sessie.delete()
    user.delete()
    return 1 + len(sessies)


registreer(
    Gegevenssoort(
        sleutel="kvo.accounts",
        naam="Accounts",
        betrokkenen="leden",
        gegevens="e-mailadres, naam, wachtwoord (als hash), sleutels voor tweestapsverificatie, laatste login, "
        "privé-agendalink (als hash)",
        doel="inloggen en toegang tot de eigen werkgroep(en)",
        grondslag="gerechtvaardigd belang van het samenwerkingsverband (art. 6 lid 1 sub f AVG)",
        bewaartermijn="zolang u lid, procesbegeleider, auditor of beheerder bent; daarna tot u om verwijdering "
        "vraagt (een beheerder verwijdert het account dan)",
        ontvangers="KVO Werkplaats als verwerker; niemand anders",
        exporteer=exporteer_account,
        wis=wis_account,
        bezwaren=bezwaren_account,
        volgorde=90,  # after the apps' kinds: their rows are anonymised before the account goes
    )
)


def sessies_opruimen(vandaag: dt.date) -> Opgeruimd:
    aantal = Session.objects.filter(expire_date__lt=timezone.now()).delete()[0]
    return Opgeruimd({None: aantal} if aantal else {})


registreer(
    Gegevenssoort(
        sleutel="kvo.sessies",
        naam="Inlogsessies",
        betrokkenen="leden",
        gegevens="de sessie van een ingelogde gebruiker (account, of met tweestapsverificatie is ingelogd)",
        doel="ingelogd blijven, beveiliging",
        grondslag="gerechtvaardigd belang (art. 6 lid 1 sub f AVG)",
        bewaartermijn="tot de sessie verloopt (uitloggen of twee weken zonder gebruik); verlopen sessies worden "
        "elke nacht verwijderd",
        ontvangers="KVO Werkplaats als verwerker",
        opruimen=sessies_opruimen,
        volgorde=91,
    )
)

registreer(
    Gegevenssoort(
        sleutel="kvo.serverlog",
        naam="Serverlogboek",
        betrokkenen="leden",
        gegevens="per verzoek: tijdstip, adres (pagina, zonder enquêtelinks of antwoorden), account-id, "
        "werkgroep, IP-adres van de client",
        doel="beveiliging en het opsporen van storingen",
        grondslag="gerechtvaardigd belang (art. 6 lid 1 sub f AVG)",
        bewaartermijn="door de hosting ingesteld; wij adviseren hoogstens 30 dagen",
        ontvangers="KVO Werkplaats en de hostingpartij als verwerkers",
        volgorde=92,
    )
)

registreer(
    Gegevenssoort(
        sleutel="kvo.verwijderde_werkgroepen",
        naam="Spoor van verwijderde werkgroepen",
        betrokkenen="beheerders",
        gegevens="naam van de beheerder die een werkgroep verwijderde",
        doel="verantwoording van de verwijdering (met de SHA-256 van de export)",
        grondslag="gerechtvaardigd belang (art. 6 lid 1 sub f AVG)",
        bewaartermijn="blijvend (het spoor is de enige rest van de werkgroep)",
        ontvangers="beheerders van KVO Werkplaats",
        openbaar=False,
        volgorde=93,
    )
)
