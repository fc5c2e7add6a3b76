"""Change history: who changed which record of a work group, when, and what (django-simple-history).

A model of a work group keeps its history with ``geschiedenis = Geschiedenis(werkgroep="plan__werkgroep",
soort="maatregel")``: the path (the same one its ``ScopedManager`` takes) says how the record reaches
its work group, and every history row carries that work group itself (``GeschiedenisBasis``), so the
rows of a deleted record still belong to their group and the log can summarise a group's changes in
one query.

simple-history records ``save()`` and ``delete()`` (also a queryset's ``delete()``, which sends a
signal per row), not ``bulk_create``, ``bulk_update`` or ``QuerySet.update``. Code that bulk-writes a
tracked model therefore goes through ``bulk_maken`` / ``bulk_bijwerken`` / ``vastleggen`` here;
``tests/kvo/test_geschiedenis.py`` scans the apps for bulk writes that do not.

Who made the change: the request's user (``HistoryRequestMiddleware``); outside a request (a
management command, a worker) the ``actor`` a service passes, or nobody ("systeem").
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import models
from django.db.models import Count, Value
from django.db.models.functions import TruncDate
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from simple_history.manager import HistoryDescriptor
from simple_history.models import HistoricalRecords
from simple_history.signals import pre_create_historical_record
from simple_history.utils import bulk_create_with_history, bulk_update_with_history, get_history_manager_for_model

SOORTEN = {"+": _("aangemaakt"), "~": _("gewijzigd"), "-": _("verwijderd")}

# Fields that are bookkeeping, not content: never shown or exported as a change.
BOEKHOUDING = frozenset({"id", "extra", "versie", "ref", "aangemaakt_op", "gewijzigd_op"})


class GeschiedenisBasis(models.Model):
    """The abstract base of every history model: the work group the changed record belonged to."""

    # No database constraint: deleting a work group deletes its records, whose post_delete signals
    # write "verwijderd" rows while the group is being deleted; ``_werkgroep_verwijderd`` then
    # removes all of the group's history (nothing of a deleted group stays behind).
    werkgroep = models.ForeignKey(
        "werkgroepen.Werkgroep", on_delete=models.DO_NOTHING, db_constraint=False, related_name="+", null=True
    )

    class Meta:
        abstract = True


@dataclass
class Gevolgd:
    """One tracked model: its URL key, the path to its work group and its history model."""

    model: type[models.Model]
    soort: str
    pad: str
    historie: type[models.Model] | None = field(default=None)

    def werkgroep_id(self, obj) -> int | None:
        if not self.pad:  # the work group itself
            return obj.pk
        *stappen, laatste = self.pad.split("__")
        for stap in stappen:
            obj = getattr(obj, stap, None)
            if obj is None:
                return None
        return getattr(obj, f"{laatste}_id", None)


GEVOLGD: dict[str, Gevolgd] = {}  # by soort (the URL key, e.g. "maatregel")
_PER_MODEL: dict[str, Gevolgd] = {}  # by model label


class Geschiedenis(HistoricalRecords):
    """``HistoricalRecords`` that also registers the model and fills in the history row's work group."""

    def __init__(self, *, werkgroep: str, soort: str, **kwargs):
        self.werkgroep_pad = werkgroep
        self.soort = soort
        kwargs.setdefault("bases", [GeschiedenisBasis])
        kwargs.setdefault("excluded_fields", ["extra"])
        kwargs.setdefault("history_change_reason_field", models.CharField(max_length=200, null=True))
        super().__init__(**kwargs)

    def finalize(self, sender, **kwargs):
        super().finalize(sender, **kwargs)
        beschrijver = sender.__dict__.get(self.manager_name)
        if sender is self.cls and isinstance(beschrijver, HistoryDescriptor):
            gevolgd = Gevolgd(sender, self.soort, self.werkgroep_pad, beschrijver.model)
            GEVOLGD[self.soort] = gevolgd
            _PER_MODEL[sender._meta.label] = gevolgd


def gevolgd(model_of_obj) -> Gevolgd | None:
    meta = model_of_obj._meta
    return _PER_MODEL.get(meta.label)


@receiver(pre_create_historical_record)
def _werkgroep_invullen(sender, instance, history_instance, **kwargs):
    g = gevolgd(instance)
    if g is not None and history_instance.werkgroep_id is None:
        history_instance.werkgroep_id = g.werkgroep_id(instance)
    if not history_instance.history_change_reason and _reden.get():
        history_instance.history_change_reason = _reden.get()


_reden: contextvars.ContextVar[str | None] = contextvars.ContextVar("geschiedenis_reden", default=None)


@contextlib.contextmanager
def reden(tekst: str):
    """Every change recorded inside the block carries ``tekst`` as its reason (e.g. "dossierimport")."""
    token = _reden.set(tekst)
    try:
        yield
    finally:
        _reden.reset(token)


def werkgroep_verwijderd(sender, instance, **kwargs):
    """Connected by ``KvoConfig.ready`` to the work group's ``post_delete``: its history goes with it."""
    for g in GEVOLGD.values():
        g.historie._base_manager.filter(werkgroep_id=instance.pk)._raw_delete(using=kwargs.get("using") or "default")


def _gebruiker(actor):
    return actor if getattr(actor, "is_authenticated", False) else _verzoek_gebruiker()


def bulk_maken(model, werkgroep, objs: Iterable, *, actor=None, batch_size: int | None = None) -> list:
    """``bulk_create`` with a history row ("aangemaakt") per object."""
    return bulk_create_with_history(
        list(objs), model, batch_size=batch_size, default_user=_gebruiker(actor), default_change_reason=_reden.get(),
        custom_historical_attrs=_werkgroep_attrs(model, werkgroep),
    )  # fmt: skip


def bulk_bijwerken(model, werkgroep, objs: Iterable, velden: Iterable[str], *, actor=None) -> int:
    """``bulk_update`` with a history row ("gewijzigd") per object."""
    return bulk_update_with_history(
        list(objs), model, list(velden), default_user=_gebruiker(actor), default_change_reason=_reden.get(),
        custom_historical_attrs=_werkgroep_attrs(model, werkgroep),
    )  # fmt: skip


def vastleggen(objs: Iterable, werkgroep, *, actor=None) -> None:
    """Record the current state of ``objs`` as changed (after a ``QuerySet.update``, which records nothing)."""
    objs = list(objs)
    if not objs:
        return
    model = type(objs[0])
    get_history_manager_for_model(model).bulk_history_create(
        objs, update=True, default_user=_gebruiker(actor), default_change_reason=_reden.get() or "",
        custom_historical_attrs=_werkgroep_attrs(model, werkgroep),
    )  # fmt: skip


def _verzoek_gebruiker():
    verzoek = getattr(HistoricalRecords.context, "request", None)
    user = getattr(verzoek, "user", None)
    return user if getattr(user, "is_authenticated", False) else None


def _werkgroep_attrs(model, werkgroep) -> dict:
    """The history row's work group, unless the model has its own ``werkgroep`` field (tracked as is)."""
    if any(f.name == "werkgroep" for f in get_history_manager_for_model(model).model.tracked_fields):
        return {}
    return {"werkgroep_id": getattr(werkgroep, "pk", werkgroep)}


# ---- reading ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Verandering:
    veld: str
    label: str
    oud: str
    nieuw: str


@dataclass(frozen=True)
class Regel:
    """One entry of a record's history, with what changed against the entry before it."""

    datum: dt.datetime
    door: str
    soort: str
    reden: str
    veranderingen: tuple[Verandering, ...]

    @property
    def soort_label(self) -> str:
        return str(SOORTEN.get(self.soort, self.soort))


def _velden(model) -> list[models.Field]:
    return [f for f in model._meta.concrete_fields if f.name not in BOEKHOUDING and not f.name.startswith("history_")]


def _toon(veld: models.Field, waarde, namen: dict) -> str:
    if waarde is None or waarde == "":
        return "—"
    if veld.is_relation:
        return namen.get((veld.name, waarde), f"#{waarde}")
    if veld.choices:
        return str(dict(veld.flatchoices).get(waarde, waarde))
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, dt.datetime):
        return f"{waarde:%d-%m-%Y %H:%M}"
    if isinstance(waarde, dt.date):
        return f"{waarde:%d-%m-%Y}"
    tekst = ", ".join(map(str, waarde)) if isinstance(waarde, list) else str(waarde)
    return tekst if len(tekst) <= 300 else tekst[:297] + "…"


def regels(obj, *, limiet: int = 200) -> list[Regel]:
    """The history of ``obj``, newest first, each entry with its changes against the one before.

    A fixed number of queries: the entries (with their users), and one per foreign key that changed
    (the names of the rows referred to)."""
    g = gevolgd(obj)
    if g is None:
        return []
    rijen = list(
        get_history_manager_for_model(obj)
        .select_related("history_user")
        .order_by("-history_date", "-history_id")[:limiet]
    )
    rijen.reverse()  # oldest first for the diffs
    velden = _velden(g.model)
    ruwe: list[tuple] = []
    fk_ids: dict[str, set] = {}
    vorige = None
    for rij in rijen:
        verschil = []
        for veld in velden:
            nieuw = getattr(rij, veld.attname)
            oud = getattr(vorige, veld.attname) if vorige is not None else None
            if vorige is None and rij.history_type == "+" and nieuw in (None, "", [], {}):
                continue
            if vorige is not None and oud == nieuw:
                continue
            if vorige is None and rij.history_type != "+":
                continue  # the first entry we have is not the creation: no baseline to compare against
            verschil.append((veld, oud, nieuw))
            if veld.is_relation:
                fk_ids.setdefault(veld.name, set()).update(v for v in (oud, nieuw) if v is not None)
        ruwe.append((rij, verschil))
        vorige = rij
    namen: dict = {}
    for naam, ids in fk_ids.items():
        veld = g.model._meta.get_field(naam)
        doel = veld.related_model
        for o in doel._base_manager.filter(pk__in=ids):
            namen[(naam, o.pk)] = str(o)
    uit = []
    for rij, verschil in reversed(ruwe):
        gebruiker = rij.history_user
        door = str(gebruiker) if gebruiker else str(_("systeem"))
        uit.append(
            Regel(
                rij.history_date, door, rij.history_type, rij.history_change_reason or "",
                tuple(Verandering(v.name, str(v.verbose_name), _toon(v, o, namen), _toon(v, n, namen))
                      for v, o, n in verschil),
            )
        )  # fmt: skip
    return uit


def samenvatting(werkgroep, *, sinds: dt.date | None = None, limiet: int = 60) -> list[dict]:
    """Changes per day, person, kind of record and kind of change, newest first: one query (a UNION)."""
    delen = []
    for g in GEVOLGD.values():
        qs = g.historie.objects.filter(werkgroep=werkgroep)
        if sinds:
            qs = qs.filter(history_date__date__gte=sinds)
        delen.append(
            qs.annotate(dag=TruncDate("history_date"), recordsoort=Value(g.soort))
            .values("dag", "history_user_id", "history_type", "recordsoort")
            .annotate(aantal=Count("history_id"))
            .order_by()
        )
    if not delen:
        return []
    eerste, *rest = delen
    rijen = list(eerste.union(*rest, all=True).order_by("-dag", "recordsoort")[:limiet]) if rest else list(eerste)
    return rijen


def soort_label(soort: str) -> str:
    g = GEVOLGD.get(soort)
    return str(g.model._meta.verbose_name_plural) if g else soort


# ---- the dossier ---------------------------------------------------------------------------------

X_GESCHIEDENIS = "x-geschiedenis"
IMPORT = "dossierimport"  # the reason of the rows an import writes: the import itself, not a change
WAT = {"+": "aangemaakt", "~": "gewijzigd", "-": "verwijderd"}


def dossier_export(werkgroep) -> list[dict]:
    """The group's history for ``x-geschiedenis``: per change when, who (a name, never an address),
    which record (kind and ref) and which fields changed; the values themselves stay home.

    Rows written by a dossier import are left out (the history before it travels in the imported
    ``x-geschiedenis``), so an import followed by an export gives the same dossier. One query to
    find the kinds of record with changes, then one per such kind."""
    delen = [
        g.historie.objects.filter(werkgroep=werkgroep)
        .exclude(history_change_reason=IMPORT)
        .annotate(recordsoort=Value(g.soort))
        .values("recordsoort")
        .annotate(aantal=Count("history_id"))
        .order_by()
        for g in GEVOLGD.values()
    ]
    eerste, *rest = delen
    soorten = [r["recordsoort"] for r in eerste.union(*rest, all=True).order_by() if r["aantal"]]
    uit: list[dict] = []
    for soort in sorted(soorten):
        g = GEVOLGD[soort]
        bewaard = {f.attname for f in g.historie._meta.concrete_fields}  # not the fields history excludes
        velden = [v for v in _velden(g.model) if v.attname in bewaard]
        vorige: dict = {}
        rijen = (
            g.historie.objects.filter(werkgroep=werkgroep)
            .select_related("history_user")
            .order_by(g.model._meta.pk.attname, "history_date", "history_id")
        )
        for rij in rijen:
            sleutel = getattr(rij, g.model._meta.pk.attname)
            eerder = vorige.get(sleutel)
            vorige[sleutel] = rij
            if rij.history_change_reason == IMPORT:
                continue
            item = {
                "op": rij.history_date.isoformat(timespec="seconds"),
                "door": _naam(rij.history_user),
                "record": soort,
                "ref": getattr(rij, "ref", None) or str(sleutel),
                "wat": WAT[rij.history_type],
            }
            if rij.history_type == "~" and eerder is not None:
                item["velden"] = sorted(v.name for v in velden if getattr(eerder, v.attname) != getattr(rij, v.attname))
            if rij.history_change_reason:
                item["reden"] = rij.history_change_reason
            uit.append(item)
    uit.sort(key=lambda i: (i["op"], i["record"], i["ref"]))
    return uit


def _naam(user) -> str | None:
    """A person's name for an export: the full name, or nothing (a username may be an e-mail address)."""
    if user is None:
        return None
    return getattr(user, "naam", "") or user.get_full_name() or None
