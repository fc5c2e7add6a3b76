"""The actors of a test, built once and laid down again in each test that asks for them.

``tests/conftest.py``'s ``actoren`` is asked for by most tests. Building it through the factories
(two work groups, eight users with their memberships, an audit with an auditor's grant, their
history rows) costs some 60 queries and factory-boy's bookkeeping in every one of them. Here the
factories run once, in a transaction that is rolled back; what they wrote (the *momentopname*:
every row, table by table, with its primary key) is then inserted again in each test, one
prepared INSERT per table, and the test gets a deep copy of the objects they returned, as Django's
``setUpTestData`` hands them out.

What a test sees stays what the factories would have given it:
- the rows exist only in the test's own transaction, and only in tests that ask for the actors;
- dates and times follow the test's clock: the one build runs at a fixed moment (``T0``), and every
  date or time within a year of it (a user's ``date_joined``, the history's ``history_date``, the
  auditor's ``geldig_tot`` of "now + 30 days", ``auto_now_add``) is moved by the test's now minus
  ``T0``, so a test that froze the clock before asking for the actors gets the values of its clock;
- the inserts pass ``kvo.versie``'s watch as the factories' did: new data versions in every test,
  so no result kept in the cache by an earlier test is found again.

The factories run as before (``bouw()``), and the snapshot is not used, where it could differ:
- in transactional tests (``transaction=True``, ``live_server``, the worker): they run last, after
  a flush that gives content types and permissions new ids;
- after any ``post_migrate`` (the flush of a transactional test sends it) since the snapshot was
  taken;
- when the build was not self-contained (a row it reads that it did not write: ``get_or_create``
  found an existing row) or wrote something other than new rows (an UPDATE of an existing row, a
  DELETE), or a value in it seems to come from the clock in another form than a date;
- when a row of the test's own is in the way of the snapshot's (a unique e-mail address or slug:
  an IntegrityError rolls the snapshot's savepoint back, and the factories run).
``tests/kvo/test_momentopname.py`` checks that the two give the same rows.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import time_machine
from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.db import DEFAULT_DB_ALIAS, IntegrityError, connections, models, transaction
from django.db.models.signals import post_migrate
from django.utils import timezone
from django_scopes import scopes_disabled

# The fixed moment of the one build: far from every date the factories set (2023-2026), so a value
# near it can only have come from the clock.
T0 = dt.datetime(2001, 2, 3, 12, 0, tzinfo=dt.UTC)
VENSTER = dt.timedelta(days=400)
# On SQLite the build's rows get ids above this (its sequence is rolled back with the build), so a
# test's own rows, numbered from 1 again, never take the snapshot's ids.
SQLITE_IDS_VANAF = 1_000_000
# Tables whose rows may be referred to without being part of the snapshot: made by migrate.
GEDEELD = (ContentType, Permission)

_SCHRIJVEN = re.compile(r'\s*(INSERT|UPDATE|DELETE)\b(?:\s+(?:OR\s+\w+\s+)?INTO|\s+FROM)?\s+["`]?(\w+)', re.IGNORECASE)

_generatie = 0  # counts post_migrate signals: a snapshot from before the last one is not used


def _na_migratie(**kwargs) -> None:
    global _generatie
    _generatie += 1


post_migrate.connect(_na_migratie, dispatch_uid="tests.momentopname")


class NietBruikbaar(Exception):
    """The build cannot be replayed from a snapshot (the reason in the message)."""


@dataclasses.dataclass
class Tabel:
    """The rows the build wrote to one table, and the one INSERT that writes them again."""

    model: type[models.Model]
    rijen: list[dict[str, Any]]  # by attname, as read back after the build
    sql: str
    params: list[list[Any]]  # per row, the database's values of ``sql``'s columns
    klok: list[tuple[int, int, models.Field, Any]]  # (row, column, field, value) of each date or time near T0


@dataclasses.dataclass
class Momentopname:
    tabellen: list[Tabel]  # in the order the build first wrote them
    objecten: Any  # what the build returned, made at T0
    generatie: int


def _versietabel() -> str:
    from kvo.models import Gegevensversie

    return Gegevensversie._meta.db_table


def _modellen_per_tabel() -> dict[str, type[models.Model]]:
    uit = {}
    for model in apps.get_models(include_auto_created=True):
        if not model._meta.proxy and model._meta.managed:
            uit.setdefault(model._meta.db_table, model)
    return uit


def _hoogste_ids(verbinding) -> dict[str, int]:
    """The highest integer id of every table with one, before the build."""
    uit = {}
    for tabel, model in _modellen_per_tabel().items():
        if isinstance(model._meta.pk, models.AutoField | models.BigAutoField | models.SmallAutoField):
            uit[tabel] = model._base_manager.using(verbinding.alias).aggregate(m=models.Max("pk"))["m"] or 0
    return uit


def _sqlite_ids_hoog(verbinding) -> None:
    """Inside the build's transaction: AUTOINCREMENT tables number on from SQLITE_IDS_VANAF."""
    with verbinding.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%AUTOINCREMENT%'")
        tabellen = [r[0] for r in cursor.fetchall()]
        cursor.execute("UPDATE sqlite_sequence SET seq = MAX(seq, %s)", [SQLITE_IDS_VANAF])
        cursor.execute("SELECT name FROM sqlite_sequence")
        al = {r[0] for r in cursor.fetchall()}
        for tabel in tabellen:
            if tabel not in al:
                cursor.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)", [tabel, SQLITE_IDS_VANAF])


def _rij(obj: models.Model) -> dict[str, Any]:
    return {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}


def _uit_de_klok(waarde) -> bool:
    """Whether ``waarde`` is a date or time near T0 (so: the clock's, at the build)."""
    if isinstance(waarde, dt.datetime):
        return abs(waarde - T0) <= VENSTER
    if isinstance(waarde, dt.date):
        return abs(waarde - T0.date()) <= VENSTER
    return False


# T0's date or year as text, not inside a longer number or a hexadecimal/base-64 token
_T0_ALS_TEKST = re.compile(rf"(?<![0-9A-Za-z]){T0.year}(?![0-9A-Za-z])|{T0:%Y%m%d}|{T0:%d-%m-%Y}|{T0:%d/%m/%Y}")


def _klokspoor(waarde) -> bool:
    """Whether a value that is not a date or time still carries the build's clock (T0's year)."""
    if isinstance(waarde, str):
        return bool(_T0_ALS_TEKST.search(waarde))
    if isinstance(waarde, int) and not isinstance(waarde, bool):
        return waarde == T0.year
    if isinstance(waarde, dict):
        return any(_klokspoor(k) or _klokspoor(v) for k, v in waarde.items())
    if isinstance(waarde, list | tuple):
        return any(_klokspoor(v) for v in waarde)
    return False


def _instanties(objecten) -> list[models.Model]:
    """Every model instance in ``objecten`` (a dataclass of instances), with the related ones
    cached on them."""
    gezien: dict[int, models.Model] = {}

    def bezoek(obj):
        if isinstance(obj, models.Model):
            if id(obj) in gezien:
                return
            gezien[id(obj)] = obj
            for ander in obj._state.fields_cache.values():
                bezoek(ander)
            for lijst in getattr(obj, "_prefetched_objects_cache", {}).values():
                for ander in lijst:
                    bezoek(ander)
        elif dataclasses.is_dataclass(obj):
            for veld in dataclasses.fields(obj):
                bezoek(getattr(obj, veld.name))

    bezoek(objecten)
    return list(gezien.values())


def opnemen(bouw: Callable[[], Any], using: str = DEFAULT_DB_ALIAS) -> Momentopname:
    """Run ``bouw()`` at T0 in a transaction that is rolled back, and keep what it wrote.
    Raises NietBruikbaar when the build cannot be replayed."""
    verbinding = connections[using]
    generatie = _generatie
    per_tabel = _modellen_per_tabel()
    versietabel = _versietabel()
    geschreven: list[tuple[str, str]] = []

    def kijker(execute, sql, params, many, context):
        treffer = _SCHRIJVEN.match(sql) if isinstance(sql, str) else None
        if treffer:
            geschreven.append((treffer.group(1).upper(), treffer.group(2)))
        return execute(sql, params, many, context)

    with transaction.atomic(using=using):
        if verbinding.vendor == "sqlite":
            _sqlite_ids_hoog(verbinding)
        voor = _hoogste_ids(verbinding)
        post = len(getattr(mail, "outbox", []))
        na_commit = len(verbinding.run_on_commit)
        with scopes_disabled(), time_machine.travel(T0, tick=False), verbinding.execute_wrapper(kijker):
            objecten = bouw()
        if len(getattr(mail, "outbox", [])) != post:
            raise NietBruikbaar("de opbouw verstuurt e-mail")
        if any(not hasattr(f, "kvo_versie") for _, f, _ in verbinding.run_on_commit[na_commit:]):
            raise NietBruikbaar("de opbouw zet werk klaar voor na de commit")
        ingevoegd = list(dict.fromkeys(t for soort, t in geschreven if soort == "INSERT" and t != versietabel))
        for soort, tabel in geschreven:
            if tabel == versietabel:
                continue
            if soort == "DELETE" or (soort == "UPDATE" and tabel not in ingevoegd):
                raise NietBruikbaar(f"{soort} op {tabel}")
        tabellen = []
        bewaard: dict[type[models.Model], set] = {}
        for tabel in ingevoegd:
            model = per_tabel.get(tabel)
            if model is None or tabel not in voor:
                raise NietBruikbaar(f"{tabel}: geen model met een oplopend id")
            if model._meta.parents:
                raise NietBruikbaar(f"{tabel}: overerving tussen tabellen (niet ondersteund)")
            rijen = [_rij(o) for o in model._base_manager.using(using).filter(pk__gt=voor[tabel]).order_by("pk")]
            tabellen.append(_tabel(model, rijen, verbinding))
            bewaard[model] = {r[model._meta.pk.attname] for r in rijen}
        _controleer(tabellen, bewaard, objecten)
        transaction.set_rollback(True, using=using)
    return Momentopname(tabellen=tabellen, objecten=objecten, generatie=generatie)


def _controleer(tabellen, bewaard, objecten) -> None:
    """The snapshot holds every row its rows and objects refer to, and no trace of the clock but dates."""
    for model, rijen in ((t.model, t.rijen) for t in tabellen):
        for veld in model._meta.concrete_fields:
            if veld.is_relation:
                doel = veld.related_model._meta.concrete_model
                if doel in GEDEELD:
                    continue
                for rij in rijen:
                    waarde = rij[veld.attname]
                    if waarde is not None and waarde not in bewaard.get(doel, ()):
                        raise NietBruikbaar(f"{model.__name__}.{veld.name} wijst naar een rij buiten de opname")
            else:
                for rij in rijen:
                    waarde = rij[veld.attname]
                    if veld.attname != "password" and not isinstance(waarde, dt.date) and _klokspoor(waarde):
                        raise NietBruikbaar(f"{model.__name__}.{veld.name} = {waarde!r} lijkt van de klok")
    for obj in _instanties(objecten):
        if obj.pk not in bewaard.get(obj._meta.concrete_model, ()):
            raise NietBruikbaar(f"{obj!r} ({type(obj).__name__}) is niet door de opbouw gemaakt")


def _tabel(model: type[models.Model], rijen: list[dict[str, Any]], verbinding) -> Tabel:
    """The INSERT of ``rijen`` with their values as the database takes them, prepared once."""
    velden = model._meta.concrete_fields
    qn = verbinding.ops.quote_name
    kolommen = ", ".join(qn(veld.column) for veld in velden)
    sql = f"INSERT INTO {qn(model._meta.db_table)} ({kolommen}) VALUES ({', '.join(['%s'] * len(velden))})"
    params = [[veld.get_db_prep_save(rij[veld.attname], verbinding) for veld in velden] for rij in rijen]
    klok = [
        (i, j, veld, rij[veld.attname])
        for i, rij in enumerate(rijen)
        for j, veld in enumerate(velden)
        if _uit_de_klok(rij[veld.attname])
    ]
    return Tabel(model=model, rijen=rijen, sql=sql, params=params, klok=klok)


def _schuif(waarde, tijd: dt.timedelta, dagen: dt.timedelta):
    """A date or time near T0 moved to the test's clock; any other value as it is."""
    if not _uit_de_klok(waarde):
        return waarde
    return waarde + (tijd if isinstance(waarde, dt.datetime) else dagen)


def neerleggen(opname: Momentopname, using: str = DEFAULT_DB_ALIAS) -> Any:
    """Insert the snapshot's rows in the current transaction (one statement per table, the dates
    and times moved to the test's clock) and return a deep copy of the build's objects, moved
    likewise. Raises NietBruikbaar when a row of the test's own is in the way (nothing of the
    snapshot is left behind then)."""
    verbinding = connections[using]
    nu = timezone.now()
    tijd, dagen = nu - T0, timezone.localdate(nu) - T0.date()
    try:
        with scopes_disabled(), transaction.atomic(using=using), verbinding.cursor() as cursor:
            for tabel in opname.tabellen:
                params = tabel.params
                if tabel.klok:
                    params = [list(rij) for rij in params]
                    for i, j, veld, waarde in tabel.klok:
                        params[i][j] = veld.get_db_prep_save(_schuif(waarde, tijd, dagen), verbinding)
                if len(params) == 1:
                    cursor.execute(tabel.sql, params[0])
                else:
                    cursor.executemany(tabel.sql, params)
    except IntegrityError as fout:
        raise NietBruikbaar(f"een rij van de test zelf zit in de weg: {fout}") from fout
    objecten = copy.deepcopy(opname.objecten)
    for obj in _instanties(objecten):
        for veld in obj._meta.concrete_fields:
            waarde = getattr(obj, veld.attname)
            if _uit_de_klok(waarde):
                setattr(obj, veld.attname, _schuif(waarde, tijd, dagen))
    return objecten


_opname: Momentopname | None = None
_mislukt: tuple[int, str] | None = None  # (generation, reason) of a build that cannot be replayed
laatste_bron = ""  # "opname" or "fabrieken": where the last ``geef()`` took the actors from


def opname(bouw: Callable[[], Any]) -> Momentopname | None:
    """The snapshot of ``bouw()``, taken now if there is none since the last migrate/flush; None
    when the build cannot be replayed (the reason in ``_mislukt``)."""
    global _opname, _mislukt
    if _opname is not None and _opname.generatie == _generatie:
        return _opname
    if _mislukt is not None and _mislukt[0] == _generatie:
        return None
    try:
        _opname = opnemen(bouw)
    except NietBruikbaar as reden:
        _opname, _mislukt = None, (_generatie, str(reden))
    return _opname


def geef(bouw: Callable[[], Any], using: str = DEFAULT_DB_ALIAS) -> Any:
    """What ``bouw()`` gives, from the snapshot where that is the same (see the module), else from
    ``bouw()`` itself."""
    global laatste_bron
    if connections[using].in_atomic_block:  # not in a transactional test
        gevonden = opname(bouw)
        if gevonden is not None:
            try:
                uit = neerleggen(gevonden, using)
            except NietBruikbaar:
                pass
            else:
                laatste_bron = "opname"
                return uit
    laatste_bron = "fabrieken"
    return bouw()
