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
"""

from __future__ import annotations

import contextlib
import contextvars
import hashlib
import logging
import re
import secrets
from collections.abc import Callable
from typing import Any

from django.apps import apps
from django.contrib import messages
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections, transaction
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


def _wrapper(execute, sql, params, many, context):
    resultaat = execute(sql, params, many, context)
    if _actief and not _stil.get() and isinstance(sql, str):
        treffer = _SCHRIJVEN.match(sql)
        if treffer and treffer.group(1) in tenant_tabellen():
            token = _stil.set(True)  # the version's own write is not watched
            try:
                _vervang(context["connection"], _sleutel_uit_scope())
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

    Gegevensversie.objects.using(kwargs.get("using") or DEFAULT_DB_ALIAS).filter(sleutel=str(instance.pk)).delete()


def migratie_begint(**kwargs) -> None:
    global _actief
    _actief = False


def migratie_klaar(**kwargs) -> None:
    global _actief
    _actief = True


def versies(werkgroepen, *, using: str = DEFAULT_DB_ALIAS) -> dict[int, str]:
    """The data version of each work group now (its own token and the token of everything), in one
    query. ``werkgroepen``: work groups or their ids."""
    from kvo.models import Gegevensversie

    ids = [getattr(wg, "pk", wg) for wg in werkgroepen]
    gevraagd = {str(pk) for pk in ids} | {ALLES}
    sleutels = sorted(gevraagd)
    verbinding = connections[using]
    # Every kept page reads this first: one small statement, without the ORM's query building (which
    # cost twice the round trip). The same query as Gegevensversie.objects.filter(sleutel__in=…).
    tabel = verbinding.ops.quote_name(Gegevensversie._meta.db_table)
    with verbinding.cursor() as cursor:
        cursor.execute(
            f"SELECT sleutel, token FROM {tabel} WHERE sleutel IN ({', '.join(['%s'] * len(sleutels))})", sleutels
        )
        tokens = dict(cursor.fetchall())
    if verbinding.in_atomic_block:  # the next write in this transaction replaces the token again
        for _, functie, _ in verbinding.run_on_commit:
            if getattr(functie, "kvo_versie", None) in gevraagd:
                functie.gelezen = True
    alles = tokens.get(ALLES, "0")
    return {pk: f"{tokens.get(str(pk), '0')}.{alles}" for pk in ids}


def huidige(werkgroep, *, using: str = DEFAULT_DB_ALIAS) -> str:
    """The work group's data version now (its token and the token of everything)."""
    return versies([werkgroep], using=using)[werkgroep.pk]


def bewaard(werkgroep, naam: str, delen: tuple, maken: Callable[[], Any], *, bewaartijd: int = BEWAARTIJD) -> Any:
    """``maken()``, kept in the cache under the work group's data version and ``delen`` (the date,
    the cycle, whatever else the result depends on besides the data). A cache that fails is
    logged and passed by: the result is then computed."""
    return _bewaard(_voorvoegsel(naam, werkgroep, huidige(werkgroep)), delen, maken, bewaartijd)


def bewaard_per(
    werkgroepen, naam: str, delen: tuple, maken: Callable[[list], dict[int, Any]], *, bewaartijd: int = BEWAARTIJD
) -> dict[int, Any]:
    """As ``bewaard`` for many work groups at once, under the same keys: ``maken(open)`` computes the
    results of the work groups without a kept one (a dict by work-group id) in one go."""
    werkgroepen = list(werkgroepen)
    per_werkgroep = versies(werkgroepen)
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
        nieuw = maken(open_)
        uitkomst.update(nieuw)
        try:
            cache.set_many({sleutels[pk]: (waarde,) for pk, waarde in nieuw.items()}, bewaartijd)
        except Exception:
            logger.warning("cache niet bereikbaar bij bewaren van %s", naam, exc_info=True)
    return {wg.pk: uitkomst[wg.pk] for wg in werkgroepen}


def bewaard_voor(werkgroepen, naam: str, delen: tuple, maken: Callable[[], Any]) -> Any:
    """As ``bewaard``, for a result computed from many work groups' data (the portfolio): kept
    until one of them changes. ``werkgroepen``: work groups or their ids."""
    per_werkgroep = versies(werkgroepen)
    return _bewaard(f"kvo:{naam}", (sorted(per_werkgroep.items()), delen), maken, BEWAARTIJD_HTML)


_opnieuw: contextvars.ContextVar[bool] = contextvars.ContextVar("kvo_versie_opnieuw", default=False)


@contextlib.contextmanager
def opnieuw():
    """Inside the block nothing kept is used: every result is computed (and kept again). For the
    benchmark and the query-count tests, which measure the computation, not the cache."""
    token = _opnieuw.set(True)
    try:
        yield
    finally:
        _opnieuw.reset(token)


def _voorvoegsel(naam: str, werkgroep, versie_: str) -> str:
    return f"kvo:{naam}:{werkgroep.pk}:{versie_}"


def _sleutel(voorvoegsel: str, delen: tuple) -> str:
    return f"{voorvoegsel}:{hashlib.blake2b(repr(delen).encode(), digest_size=16).hexdigest()}"


def _bewaard(voorvoegsel: str, delen: tuple, maken: Callable[[], Any], bewaartijd: int) -> Any:
    sleutel = _sleutel(voorvoegsel, delen)
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
