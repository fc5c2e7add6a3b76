"""A person's calendar, filled in by the apps: the iCalendar feed behind their private agenda link.

Each app that owns dated events contributes in its own ``agenda.py`` with ``@bijdrage``: a
function ``(werkgroepen, partijen, vandaag) -> Iterable[Afspraak]`` that answers for the whole
list of work groups in a fixed number of queries (never one per work group or per event).
``partijen`` maps a work group's id to the parties the person represents there (empty for a
facilitator who is no member), so an app can limit what belongs to a party (the measures) to the
person's own. The core never imports a later app; it asks this registry, as the portfolio asks
``kvo.termijnen``. The deadlines of that registry (document set, audit, supplements, certificate
expiry, the survey's close) are in the calendar too, without an app contributing them twice.

Whose work groups: those where the person is an active member, and those their facilitating
organisation facilitates. An auditor's or staff's extra access does not fill a calendar.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.utils.module_loading import autodiscover_modules
from django.utils.text import slugify
from django_scopes import scopes_disabled

from kvo import termijnen as termijnregister

UID_DOMEIN = "kvo-werkplaats"
TERUG = dt.timedelta(days=365)  # past events older than a year are left out of the feed


@dataclass(frozen=True)
class Afspraak:
    """One event: a whole day (``eind`` None) or the days ``begin`` to ``eind``, both included."""

    uid: str  # stable across requests: the kind and the record's id, never a position in a list
    titel: str
    begin: dt.date
    werkgroep_id: int
    eind: dt.date | None = None
    url: str = ""  # path on this site; the feed makes it absolute
    beschrijving: str = ""


Bijdrage = Callable[[Sequence[object], Mapping[int, frozenset[int]], dt.date], Iterable[Afspraak]]
_BIJDRAGEN: dict[str, Bijdrage] = {}
_geladen = False


def bijdrage(functie: Bijdrage) -> Bijdrage:
    """Register an app's events for a list of work groups."""
    _BIJDRAGEN[f"{functie.__module__}.{functie.__qualname__}"] = functie
    return functie


def vanaf(vandaag: dt.date) -> dt.date:
    """The earliest day a contribution needs to return (older events are left out)."""
    return vandaag - TERUG


def werkgroepen_en_partijen(user, vandaag: dt.date) -> tuple[list, dict[int, frozenset[int]]]:
    """The work groups whose events belong in ``user``'s calendar, and per group the parties they
    represent there (two queries)."""
    from werkgroepen.models import Lid, Werkgroep

    with scopes_disabled():
        actief = (Q(lid_sinds__isnull=True) | Q(lid_sinds__lte=vandaag)) & (
            Q(lid_tot__isnull=True) | Q(lid_tot__gte=vandaag)
        )
        partijen: dict[int, set[int]] = defaultdict(set)
        for werkgroep_id, partij_id in Lid.objects.filter(actief, user=user).values_list("werkgroep_id", "partij_id"):
            partijen[werkgroep_id].add(partij_id)
        werkgroepen = list(
            Werkgroep.objects.filter(Q(pk__in=list(partijen)) | Q(begeleiding__gebruikers=user))
            .distinct()
            .order_by("naam", "pk")
            .only("pk", "naam", "slug")
        )
    return werkgroepen, {w.pk: frozenset(partijen.get(w.pk, ())) for w in werkgroepen}


def afspraken(
    werkgroepen: Sequence[object], partijen: Mapping[int, frozenset[int]], vandaag: dt.date
) -> list[Afspraak]:
    """Every registered event of ``werkgroepen`` and their open deadlines, by date."""
    global _geladen
    if not _geladen:
        autodiscover_modules("agenda")
        _geladen = True
    werkgroepen = list(werkgroepen)
    if not werkgroepen:
        return []
    lijst: list[Afspraak] = []
    with scopes_disabled():
        for _naam, functie in sorted(_BIJDRAGEN.items()):
            lijst.extend(functie(werkgroepen, partijen, vandaag))
    for werkgroep_id, termijnen in termijnregister.termijnen(werkgroepen, vandaag).items():
        for t in termijnen:
            uid = f"termijn-{werkgroep_id}-{slugify(t.naam)}-{t.datum:%Y%m%d}"
            lijst.append(Afspraak(uid, t.naam, t.datum, werkgroep_id, url=t.url))
    uniek = {a.uid: a for a in lijst}  # one event per UID (a calendar keeps only one anyway)
    return sorted(uniek.values(), key=lambda a: (a.begin, a.titel, a.uid))


def ics(werkgroepen: Sequence[object], afspraken_: Iterable[Afspraak], *, naam: str = "KVO Werkplaats") -> bytes:
    """The iCalendar text (RFC 5545) of ``afspraken_``: whole-day events, the work group's name
    before each title, a link to the page where the event lives."""
    from icalendar import Calendar, Event

    namen = {w.pk: w.naam for w in werkgroepen}
    basis = settings.SITE_URL.rstrip("/")
    stempel = dt.datetime.now(dt.UTC).replace(microsecond=0)
    agenda = Calendar()
    agenda.add("prodid", "-//KVO Werkplaats//Agenda//NL")
    agenda.add("version", "2.0")
    agenda.add("calscale", "GREGORIAN")
    agenda.add("x-wr-calname", naam)
    agenda.add("x-published-ttl", "PT6H")
    for a in afspraken_:
        event = Event()
        event.add("uid", f"{a.uid}@{UID_DOMEIN}")
        event.add("dtstamp", stempel)
        groep = namen.get(a.werkgroep_id, "")
        event.add("summary", f"{groep}: {a.titel}" if groep else a.titel)
        event.add("dtstart", a.begin)
        event.add("dtend", (a.eind or a.begin) + dt.timedelta(days=1))  # DTEND of a date is exclusive
        event.add("transp", "TRANSPARENT")
        if a.url:
            event.add("url", basis + a.url)
        beschrijving = "\n\n".join(d for d in (a.beschrijving, basis + a.url if a.url else "") if d)
        if beschrijving:
            event.add("description", beschrijving)
        agenda.add_component(event)
    return agenda.to_ical()


def agenda_van(user, vandaag: dt.date) -> bytes:
    """``user``'s whole calendar as iCalendar text (a fixed number of queries, whatever its size)."""
    werkgroepen, partijen = werkgroepen_en_partijen(user, vandaag)
    return ics(werkgroepen, afspraken(werkgroepen, partijen, vandaag))
