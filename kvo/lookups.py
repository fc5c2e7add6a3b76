"""Lookups on integer columns that never hand the database a number outside the column's range.

Django already does this for ``exact``, ``gt`` and friends on an ``IntegerField``; ``__in`` still
hands an enormous number to the database, and so do ``exact`` and ``in`` on a foreign key
(``verantwoordelijke_id=…``, ``partij__in=[…]``): SQLite then raises ``OverflowError`` and
PostgreSQL "out of range" (a 500 where the user typed a 20-digit id, or a form or a filter in the
address posted a forged choice). Such a value can never match a row, so it is left out; a list of
only such values, or an ``exact`` with one, matches nothing. Registered in ``kvo.apps``.
"""

from __future__ import annotations

from django.core.exceptions import EmptyResultSet
from django.db.models import ForeignKey, IntegerField
from django.db.models.fields.related_lookups import RelatedExact, RelatedIn
from django.db.models.lookups import In


def _bereik(veld, connection) -> tuple[int | None, int | None] | None:
    """The column's range, or None when ``veld`` is not an integer column."""
    if isinstance(veld, ForeignKey):
        veld = veld.target_field
    if not isinstance(veld, IntegerField):
        return None
    return connection.ops.integer_field_range(veld.get_internal_type())


def _binnen(waarde, bereik) -> bool:
    laag, hoog = bereik
    return not isinstance(waarde, int) or ((laag is None or waarde >= laag) and (hoog is None or waarde <= hoog))


class _InBinnenBereik:
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value() and isinstance(self.rhs, (list, tuple, set, frozenset)):
            bereik = _bereik(self.lhs.output_field, connection)
            if bereik is not None:
                binnen = [w for w in self.rhs if _binnen(w, bereik)]
                if len(binnen) != len(self.rhs):
                    if not binnen:
                        raise EmptyResultSet
                    self.rhs = binnen
        return super().process_rhs(compiler, connection)


class IntegerIn(_InBinnenBereik, In):
    pass


class RelatedInBinnenBereik(_InBinnenBereik, RelatedIn):
    pass


class RelatedExactBinnenBereik(RelatedExact):
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value() and isinstance(self.rhs, int):
            bereik = _bereik(self.lhs.output_field, connection)
            if bereik is not None and not _binnen(self.rhs, bereik):
                raise EmptyResultSet
        return super().process_rhs(compiler, connection)


def registreer() -> None:
    IntegerField.register_lookup(IntegerIn)
    ForeignKey.register_lookup(RelatedInBinnenBereik)
    ForeignKey.register_lookup(RelatedExactBinnenBereik)
