"""The data version of a work group, and results kept under it.

Pages such as the work-group home, the readiness page and the survey results compute the same
thing from the same data on every request (the 54 readiness rules alone take about 45 ms). They
keep the result in the cache under the work group's *data version*: a random token that changes
with every write to the work group's data, so a kept result is never older than the data.

Every write is seen, not only those that remember to say so: a database execute wrapper, installed
on every connection, watches each INSERT, UPDATE and DELETE. One that touches a tenant table (the
work group's own table and every model with a work-group scope, with the tables of their
many-to-many fields, less the bookkeeping tables that no result reads, marked
``kvo_boekhouding = True``) replaces the token of the work group whose scope is active, or,
outside a work group's scope (a management command, the admin, a factory in a test), the token of
everything ("*"), which is part of every group's version. So ``save()``, ``QuerySet.update()``,
``bulk_create`` and raw SQL all count.

Consistency: the new token is written by the same transaction as the data, after the data's
statement, so another request sees the new token exactly when it sees the new data (it reads the
token first, then the data: a result it keeps under an old token is never used again). Inside one
transaction the token is replaced once, not for every statement, until someone in that
transaction reads the version; the next write then replaces it again, so a result kept halfway
through a transaction is not taken for its end. A transaction that rolls back takes its token with
it; the token is random, so a result kept under it is never found again. A write outside any
transaction (autocommit) commits on its own and the token follows in the next statement: a process
killed between the two leaves kept results one change behind until the next write or the end of
their lifetime (``BEWAARTIJD``), which is one reason that lifetime is bounded. Services write in
``transaction.atomic`` (``shared/STYLE.md``), where this cannot happen.

Versions per part, not per group: each tenant table belongs to a *part* of the work group's data
(survey answers, the plan, the archive, the members, …), declared by its app with ``deel()`` in its
``AppConfig.ready`` (the map lives here, the apps fill it: ``kvo`` knows only the tenant). A write
replaces the token of its part only. The tenant's own row, its cycles and any table without a part
(``GROEP``) belong to every part. Each kept result declares next to itself the parts it reads
(``leest()``, naming parts or other kept results, whose parts it then reads too), and is kept under
the tokens of those parts: a survey answer changes the survey's results and the readiness page, not
the matrix or the archive. ``controle()`` records, while results are computed, every table a result
reads that its declaration does not cover (``tests/kvo/test_versie_delen.py``).
"""

from __future__ import annotations

import contextlib
import contextvars
import dataclasses
import functools
import hashlib
import logging
import re
import secrets
from collections.abc import Callable, Iterable
from typing import Any

from django.apps import apps
from django.contrib import messages
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models import Q
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_scopes import get_scope

logger = logging.getLogger(__name__)

ALLES = "*"  # the version of writes outside any work group's scope
# Seconds a kept result lives: it is never stale (its key holds the data version), so this only bounds
# the memory old versions take. Pages are large (the matrix is 400 kB), and kept a short while.
BEWAARTIJD = 6 * 3600
BEWAARTIJD_HTML = 10 * 60

# Django's writes: INSERT INTO, INSERT OR IGNORE INTO (SQLite, many-to-many .add()), UPDATE, DELETE FROM
_SCHRIJVEN = re.compile(r'\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM)\s+["`]?(\w+)', re.IGNORECASE)
_stil: contextvars.ContextVar[bool] = contextvars.ContextVar("kvo_versie_stil", default=False)
_actief = True  # off while migrations run (the version table may not exist yet)
_tabellen: frozenset[str] | None = None

# --- parts --------------------------------------------------------------------------------------

GROEP = "groep"  # the tenant's own row and its cycles, and a table without a part: in every version
_MODEL_DEEL: dict[str, str | None] = {}  # "app_label.Model" -> part (None: no kept result reads it)
_tabel_deel: dict[str, str | None] | None = None
_VERKLARINGEN: dict[str, tuple | Callable[[], tuple]] = {}
_opgelost: dict[str, frozenset[str]] = {}


def deel(naam: str | None, *modellen: str) -> None:
    """Declare that ``modellen`` ("app_label.Model") are part ``naam`` of a work group's data: a write
    to their tables (and their many-to-many tables) replaces that part's token only. ``None``: no kept
    result reads them (a survey's progress kept between visits), so their writes replace no token at
    all; ``controle()`` finds a result that reads them anyway. Called from each app's ``ready()``."""
    global _tabel_deel
    for model in modellen:
        _MODEL_DEEL[model] = naam
    _tabel_deel = None
    _opgelost.clear()


def tabel_delen() -> dict[str, str | None]:
    """Every tenant table with its part (``GROEP`` for the tenant's own row and undeclared tables)."""
    global _tabel_deel
    if _tabel_deel is None:
        uit: dict[str, str | None] = {}
        for model in apps.get_models():
            if model._meta.db_table not in tenant_tabellen():
                continue
            naam = _MODEL_DEEL.get(model._meta.label, GROEP)
            uit[model._meta.db_table] = naam
            for veld in model._meta.local_many_to_many:
                uit[veld.remote_field.through._meta.db_table] = naam
        _tabel_deel = uit
    return _tabel_deel


def alle_delen() -> frozenset[str]:
    """Every declared part (without ``GROEP``, which is in every version anyway)."""
    return frozenset(d for d in tabel_delen().values() if d is not None and d != GROEP)


def leest(naam: str, *delen: str | Callable[[], tuple]) -> str:
    """Declare what the kept result ``naam`` reads: parts, or other kept results (their parts are
    read too; a page that shows the readiness check names "toets"); a callable is asked when first
    needed (a registry filled at start-up). Returns ``naam``. ``bewaard`` refuses an undeclared name."""
    _VERKLARINGEN[naam] = delen
    _opgelost.clear()
    return naam


def verklaringen() -> list[str]:
    return sorted(_VERKLARINGEN)


def gelezen_delen(naam: str) -> frozenset[str]:
    """The parts the kept result ``naam`` reads, its declaration resolved (``GROEP`` not included)."""
    if naam not in _opgelost:
        _opgelost[naam] = frozenset(_los_op(naam, ()))
    return _opgelost[naam]


def _los_op(naam: str, pad: tuple) -> set[str]:
    if naam not in _VERKLARINGEN:
        raise KeyError(f"Bewaard resultaat {naam!r} heeft geen verklaring (versie.leest).")
    if naam in pad:
        raise ValueError(f"Verklaringen verwijzen in een kring: {' -> '.join((*pad, naam))}")
    bekend, uit = alle_delen(), set()
    for item in _VERKLARINGEN[naam]:
        for d in item() if callable(item) else (item,):
            if d == GROEP:
                continue
            if d in bekend:
                uit.add(d)
            elif d in _VERKLARINGEN:
                uit |= _los_op(d, (*pad, naam))
            else:
                raise KeyError(f"{naam!r} leest {d!r}: geen deel en geen bewaard resultaat.")
    return uit


def tenant_tabellen() -> frozenset[str]:
    """The tables whose writes change a work group's data version."""
    global _tabellen
    if _tabellen is None:
        tenant = apps.get_model("werkgroepen", "Werkgroep")
        tabellen = set()
        for model in apps.get_models():
            if (model is tenant or hasattr(model._default_manager, "with_scope")) and not getattr(
                model, "kvo_boekhouding", False
            ):
                tabellen.add(model._meta.db_table)
                # and the tables of its many-to-many fields (attendance lists): .add() and .set() write there
                tabellen.update(veld.remote_field.through._meta.db_table for veld in model._meta.local_many_to_many)
        _tabellen = frozenset(tabellen)
    return _tabellen


@contextlib.contextmanager
def boekhouding():
    """Writes inside the block do not change a data version: for figures computed *from* the data
    (the readiness snapshot), which would otherwise throw away the result they were computed with."""
    token = _stil.set(True)
    try:
        yield
    finally:
        _stil.reset(token)


def _sleutel_uit_scope() -> str:
    huidig = get_scope()
    werkgroep = huidig.get("werkgroep") if huidig.get("_enabled", False) else None
    if werkgroep is None or isinstance(werkgroep, (list, tuple, set)):
        return ALLES
    return str(getattr(werkgroep, "pk", werkgroep))


def _al_vervangen(verbinding, sleutel: str) -> bool:
    """Whether the current transaction already replaced ``sleutel``'s token, with no read since."""
    return any(
        getattr(functie, "kvo_versie", None) == sleutel and not functie.gelezen
        for _, functie, _ in verbinding.run_on_commit
    )


def _vervang(verbinding, sleutel: str) -> None:
    if verbinding.in_atomic_block:
        if _al_vervangen(verbinding, sleutel):
            return

        def markering():  # marks "replaced in this transaction"; nothing to do at commit
            pass

        markering.kvo_versie, markering.gelezen = sleutel, False
        transaction.on_commit(markering, using=verbinding.alias)
    from kvo.models import Gegevensversie

    Gegevensversie.objects.using(verbinding.alias).bulk_create(
        [Gegevensversie(sleutel=sleutel, token=secrets.token_hex(8))],
        update_conflicts=True,
        unique_fields=["sleutel"],
        update_fields=["token"],
    )


def _deelsleutel(groep: str, deel_: str) -> str:
    """The token's key of a part of a work group (``groep`` its id); the group's own key for ``GROEP``.
    Outside any scope ("*") a write replaces the token of everything, whatever its part."""
    return groep if deel_ == GROEP or groep == ALLES else f"{groep}:{deel_}"


def _wrapper(execute, sql, params, many, context):
    resultaat = execute(sql, params, many, context)
    if _actief and not _stil.get() and isinstance(sql, str):
        treffer = _SCHRIJVEN.match(sql)
        if treffer and treffer.group(1) in tenant_tabellen():
            deel_ = tabel_delen().get(treffer.group(1), GROEP)
            if deel_ is not None:
                token = _stil.set(True)  # the version's own write is not watched
                try:
                    _vervang(context["connection"], _deelsleutel(_sleutel_uit_scope(), deel_))
                finally:
                    _stil.reset(token)
    return resultaat


def installeer(sender, connection, **kwargs) -> None:
    """``connection_created`` receiver: watch this connection's writes (once per connection)."""
    if _wrapper not in connection.execute_wrappers:
        connection.execute_wrappers.append(_wrapper)


def werkgroep_verwijderd(sender, instance, **kwargs) -> None:
    """``post_delete`` of the work group: its version row goes with it."""
    from kvo.models import Gegevensversie

    rijen = Gegevensversie.objects.using(kwargs.get("using") or DEFAULT_DB_ALIAS)
    rijen.filter(Q(sleutel=str(instance.pk)) | Q(sleutel__startswith=f"{instance.pk}:")).delete()


def migratie_begint(**kwargs) -> None:
    global _actief
    _actief = False


def migratie_klaar(**kwargs) -> None:
    global _actief
    _actief = True


def versies(werkgroepen, delen: Iterable[str] | None = None, *, using: str = DEFAULT_DB_ALIAS) -> dict[int, str]:
    """The data version of each work group now for ``delen`` (every part when None): the tokens of
    those parts, the group's own token and the token of everything, in one query. ``werkgroepen``:
    work groups or their ids."""
    ids = [getattr(wg, "pk", wg) for wg in werkgroepen]
    delen = sorted(alle_delen() if delen is None else delen)
    tokens = _tokens({str(pk) for pk in ids}, delen, using)
    alles = tokens.get(ALLES, "0")
    uit = {}
    for pk in ids:
        eigen = [tokens.get(str(pk), "0"), *(tokens.get(f"{pk}:{d}", "0") for d in delen)]
        uit[pk] = f"{'.'.join(eigen)}.{alles}"
    return uit


def tokens_per_deel(werkgroepen, *, using: str = DEFAULT_DB_ALIAS) -> dict[int, dict[str, str]]:
    """Per work group, each part's version now (the part's token, the group's own and everything's),
    in one query for all: for results kept piece by piece, each piece under the parts it read
    (the readiness check, rule by rule: ``kvo.toets``). ``GROEP`` gives the group's own version."""
    ids = [getattr(wg, "pk", wg) for wg in werkgroepen]
    delen = sorted(alle_delen())
    tokens = _tokens({str(pk) for pk in ids}, delen, using)
    uit = {}
    for pk in ids:
        basis = f"{tokens.get(str(pk), '0')}.{tokens.get(ALLES, '0')}"
        uit[pk] = {d: f"{tokens.get(f'{pk}:{d}', '0')}.{basis}" for d in delen} | {GROEP: basis}
    return uit


def _tokens(groepen: set[str], delen: list[str], using: str) -> dict[str, str]:
    from kvo.models import Gegevensversie

    gevraagd = groepen | {f"{g}:{d}" for g in groepen for d in delen} | {ALLES}
    sleutels = sorted(gevraagd)
    verbinding = connections[using]
    # Every kept page reads this first: one small statement, without the ORM's query building (which
    # cost twice the round trip). The same query as Gegevensversie.objects.filter(sleutel__in=…).
    # On PostgreSQL the keys go as one array parameter: a page over 100 groups asks for some 1,100
    # keys, and binding each as its own parameter cost three times the statement (bench/RESULTS.md).
    tabel = verbinding.ops.quote_name(Gegevensversie._meta.db_table)
    with verbinding.cursor() as cursor:
        if verbinding.vendor == "postgresql":
            cursor.execute(f"SELECT sleutel, token FROM {tabel} WHERE sleutel = ANY(%s)", [sleutels])
        else:
            cursor.execute(
                f"SELECT sleutel, token FROM {tabel} WHERE sleutel IN ({', '.join(['%s'] * len(sleutels))})", sleutels
            )
        tokens = dict(cursor.fetchall())
    if verbinding.in_atomic_block:  # the next write in this transaction replaces the token again
        for _, functie, _ in verbinding.run_on_commit:
            if getattr(functie, "kvo_versie", None) in gevraagd:
                functie.gelezen = True
    return tokens


def huidige(werkgroep, naam: str | None = None, *, using: str = DEFAULT_DB_ALIAS) -> str:
    """The work group's data version now: of the parts the kept result ``naam`` reads, or of all."""
    delen = gelezen_delen(naam) if naam is not None else None
    return versies([werkgroep], delen, using=using)[werkgroep.pk]


def bewaard(werkgroep, naam: str, delen: tuple, maken: Callable[[], Any], *, bewaartijd: int = BEWAARTIJD) -> Any:
    """``maken()``, kept in the cache under the work group's data version and ``delen`` (the date,
    the cycle, whatever else the result depends on besides the data). A cache that fails is
    logged and passed by: the result is then computed. ``naam`` must be declared with ``leest()``:
    the result is kept under the versions of the parts it reads, and no other."""
    return _bewaard(_voorvoegsel(naam, werkgroep, huidige(werkgroep, naam)), delen, maken, bewaartijd, naam)


def bewaard_per(
    werkgroepen, naam: str, delen: tuple, maken: Callable[[list], dict[int, Any]], *, bewaartijd: int = BEWAARTIJD
) -> dict[int, Any]:
    """As ``bewaard`` for many work groups at once, under the same keys: ``maken(open)`` computes the
    results of the work groups without a kept one (a dict by work-group id) in one go."""
    werkgroepen = list(werkgroepen)
    per_werkgroep = versies(werkgroepen, gelezen_delen(naam))
    sleutels = {wg.pk: _sleutel(_voorvoegsel(naam, wg, per_werkgroep[wg.pk]), delen) for wg in werkgroepen}
    bewaard: dict = {}
    if not _opnieuw.get():
        try:
            bewaard = cache.get_many(list(sleutels.values()))
        except Exception:
            logger.warning("cache niet bereikbaar bij lezen van %s", naam, exc_info=True)
    uitkomst = {pk: bewaard[s][0] for pk, s in sleutels.items() if s in bewaard}
    open_ = [wg for wg in werkgroepen if wg.pk not in uitkomst]
    if open_:
        nieuw = gecontroleerd(naam, lambda: maken(open_))
        uitkomst.update(nieuw)
        try:
            cache.set_many({sleutels[pk]: (waarde,) for pk, waarde in nieuw.items()}, bewaartijd)
        except Exception:
            logger.warning("cache niet bereikbaar bij bewaren van %s", naam, exc_info=True)
    return {wg.pk: uitkomst[wg.pk] for wg in werkgroepen}


def bewaard_voor(werkgroepen, naam: str, delen: tuple, maken: Callable[[], Any]) -> Any:
    """As ``bewaard``, for a result computed from many work groups' data (the portfolio): kept
    until one of them changes. ``werkgroepen``: work groups or their ids."""
    per_werkgroep = versies(werkgroepen, gelezen_delen(naam))
    return _bewaard(f"kvo:{naam}", (sorted(per_werkgroep.items()), delen), maken, BEWAARTIJD_HTML, naam)


def bewaard_op_inhoud(naam: str, inhoud: tuple, maken: Callable[[], Any]) -> Any:
    """``maken()``, kept under ``inhoud``: everything it is computed from, as read from the database
    (not under a data version: what it reads changed when ``inhoud`` changed, so nothing is ever
    invalidated, and a write that changes none of it keeps it). ``maken`` may not read the database
    (``naam`` is declared with ``leest()`` without parts; ``controle()`` holds it to that)."""
    return _bewaard(f"kvo:inhoud:{naam}", inhoud, maken, BEWAARTIJD_HTML, naam)


def rij_inhoud(obj) -> tuple | None:
    """Every column of a model instance's row, for ``bewaard_op_inhoud``: whatever a result shows of it."""
    return None if obj is None else tuple(getattr(obj, f.attname) for f in obj._meta.concrete_fields)


_opnieuw: contextvars.ContextVar[bool] = contextvars.ContextVar("kvo_versie_opnieuw", default=False)


def bewaard_gebruiken() -> bool:
    """Whether kept results may be used now (not inside ``opnieuw()``)."""
    return not _opnieuw.get()


@contextlib.contextmanager
def opnieuw():
    """Inside the block nothing kept is used: every result is computed (and kept again). For the
    benchmark and the query-count tests, which measure the computation, not the cache."""
    token = _opnieuw.set(True)
    try:
        yield
    finally:
        _opnieuw.reset(token)


_controle: contextvars.ContextVar[Controle | None] = contextvars.ContextVar("kvo_versie_controle", default=None)
_LEZEN = re.compile(r'\b(?:FROM|JOIN)\s+["`]?(\w+)', re.IGNORECASE)


@dataclasses.dataclass
class Controle:
    """What ``controle()`` saw: the kept results computed, and each table read outside a declaration."""

    berekend: set[str] = dataclasses.field(default_factory=set)
    fouten: list[tuple[str, str, str | None]] = dataclasses.field(default_factory=list)  # (result, table, part)


@contextlib.contextmanager
def controle():
    """Inside the block every kept result that is computed is watched: each tenant table it reads
    whose part its declaration (``leest``) does not cover is recorded as (result, table, part).
    With ``opnieuw()`` every result is computed. For the tests that hold the declarations to what
    the results really read (``tests/kvo/test_versie_delen.py``)."""
    gezien = Controle()
    token = _controle.set(gezien)
    try:
        yield gezien
    finally:
        _controle.reset(token)


def gelezen_tabellen(sql: str) -> set[str]:
    """The tables a statement reads (``FROM`` and ``JOIN``)."""
    return set(_LEZEN.findall(sql))


def buiten_verklaring(tabellen: Iterable[str], delen: Iterable[str]) -> list[tuple[str, str | None]]:
    """The tenant tables among ``tabellen`` whose part is not in ``delen`` (nor ``GROEP``): (table, part)."""
    toegestaan, per_tabel = {*delen, GROEP}, tabel_delen()
    return [(t, per_tabel[t]) for t in sorted(tabellen) if t in per_tabel and per_tabel[t] not in toegestaan]


_berekend: contextvars.ContextVar[list | None] = contextvars.ContextVar("kvo_versie_berekend", default=None)


@contextlib.contextmanager
def tel_berekend():
    """The names of the kept results computed inside the block (not taken from the cache), in a list:
    for the benchmark's ``Server-Timing`` (``demo.meten``), which tells a kept page from a computed one."""
    lijst: list = []
    token = _berekend.set(lijst)
    try:
        yield lijst
    finally:
        _berekend.reset(token)


def gecontroleerd(naam: str, maken: Callable[[], Any], delen: Callable[[], Iterable[str]] | None = None) -> Any:
    """``maken()``; inside ``controle()`` the tables it reads are held to ``delen()`` (asked after
    ``maken``: a readiness rule knows what it read only then), by default the declaration of ``naam``."""
    if (berekend := _berekend.get()) is not None:
        berekend.append(naam)
    gevonden = _controle.get()
    if gevonden is None:
        return maken()
    tabellen: set[str] = set()

    def noteer(execute, sql, params, many, context):
        if isinstance(sql, str):
            tabellen.update(gelezen_tabellen(sql))
        return execute(sql, params, many, context)

    with connections[DEFAULT_DB_ALIAS].execute_wrapper(noteer):
        waarde = maken()
    toegestaan = delen() if delen is not None else gelezen_delen(naam)
    gevonden.berekend.add(naam)
    gevonden.fouten.extend((naam, tabel, deel_) for tabel, deel_ in buiten_verklaring(tabellen, toegestaan))
    return waarde


def _voorvoegsel(naam: str, werkgroep, versie_: str) -> str:
    """The key's start: the result, the group and a digest of its version (the version itself, a token
    per part read, would make keys longer than a cache need accept)."""
    return f"kvo:{naam}:{werkgroep.pk}:{hashlib.blake2b(versie_.encode(), digest_size=16).hexdigest()}"


def _sleutel(voorvoegsel: str, delen: tuple) -> str:
    return f"{voorvoegsel}:{hashlib.blake2b(repr(delen).encode(), digest_size=16).hexdigest()}"


def _bewaard(voorvoegsel: str, delen: tuple, maken: Callable[[], Any], bewaartijd: int, naam: str) -> Any:
    sleutel = _sleutel(voorvoegsel, delen)
    maken = functools.partial(gecontroleerd, naam, maken)
    try:
        bewaard = None if _opnieuw.get() else cache.get(sleutel)
    except Exception:  # a cache outage must not take the page down: compute instead
        logger.warning("cache niet bereikbaar bij lezen van %s", voorvoegsel, exc_info=True)
        return maken()
    if bewaard is not None:
        return bewaard[0]
    waarde = maken()
    try:
        cache.set(sleutel, (waarde,), bewaartijd)  # in a tuple: None is a result too
    except Exception:
        logger.warning("cache niet bereikbaar bij bewaren van %s", voorvoegsel, exc_info=True)
    return waarde


# A form's CSRF token in kept HTML: each render writes a placeholder of its own, this prefix and a
# random part, and keeps it beside the HTML; each request puts its own token in for exactly that
# placeholder. A fixed placeholder would be replaced inside a user's text too (a measure titled
# with it showed every viewer's token); a random one no text can contain.
CSRF_PLAATS = "kvo-csrf-plaatshouder"


def _csrf_plaats() -> str:
    return f"{CSRF_PLAATS}-{secrets.token_hex(16)}"


def bewaarde_pagina(
    request, werkgroep, naam: str, template: str, context_maken: Callable[[], dict], *, parameters=(), delen=()
) -> HttpResponse:
    """The page ``template`` rendered with ``context_maken()`` (layout and content), kept under the
    work group's data version and what else the page shows: the date, the user (their id and the
    e-mail address in the header) and their roles in the group, the language, the path and the
    values of the query ``parameters`` the view reads (its filters; other parameters do not change
    the page, so they make no new entry), the static files' version, and ``delen`` for what the page
    reads besides the work group's data (a bookkeeping table). The context is only computed when
    nothing is kept. Not kept: a form's CSRF token (the HTML is stored with a random placeholder of
    its own that each request replaces with its own token), and a page with a message to show (it is shown once)."""
    return _pagina(
        request,
        template,
        context_maken,
        _paginasleutel(request, parameters, delen),
        lambda sleutel, maken: bewaard(werkgroep, f"pagina:{naam}", sleutel, maken, bewaartijd=BEWAARTIJD_HTML),
    )


def bewaarde_pagina_voor(
    request, werkgroepen, naam: str, template: str, context_maken: Callable[[], dict], *, delen=()
) -> HttpResponse:
    """As ``bewaarde_pagina``, for a page computed from many work groups' data (the portfolio): kept
    until one of them changes. ``werkgroepen``: work groups or their ids."""
    return _pagina(
        request,
        template,
        context_maken,
        _paginasleutel(request, (), delen),
        lambda sleutel, maken: bewaard_voor(werkgroepen, f"pagina:{naam}", sleutel, maken),
    )


def _paginasleutel(request, parameters, delen) -> tuple:
    toegang = getattr(request, "toegang", None)
    return (
        timezone.localdate().isoformat(),
        request.user.pk,
        request.user.email,
        request.user.is_staff,
        sorted(toegang.rollen) if toegang else (),
        translation.get_language(),
        request.path,
        [(p, request.GET.getlist(p)) for p in parameters],
        bool(request.GET),  # a page may say "filtered" whatever the parameter
        getattr(staticfiles_storage, "manifest_hash", ""),  # a deployment with new static files
        "csrf-plaats-per-pagina",  # kept as (placeholder, HTML); older entries (HTML alone) are not read
        *delen,
    )


def _pagina(request, template, context_maken, sleutel, bewaren) -> HttpResponse:
    if len(messages.get_messages(request)):  # does not consume them; the page below shows them
        return render(request, template, context_maken())

    def maken() -> tuple[str, str]:
        context = context_maken()
        plaats = _csrf_plaats()
        context["csrf_token"] = plaats
        return plaats, str(render_to_string(template, context, request=request))

    plaats, html = bewaren(sleutel, maken)
    return HttpResponse(html.replace(plaats, str(get_token(request))))
