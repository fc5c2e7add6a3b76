"""An ``__in`` lookup for integer fields that ignores values outside the column's range.

Django already does this for ``exact``, ``gt`` and friends; ``__in`` still hands an enormous
number to the database, and SQLite then raises ``OverflowError`` (a 500 where the user typed a
20-digit id, or a form posted a forged choice). Such a value can never match a row, so it is left
out; a list of only such values matches nothing. Registered in ``kvo.apps``.
"""

from __future__ import annotations

from django.core.exceptions import EmptyResultSet
from django.db.models import IntegerField
from django.db.models.lookups import In


class IntegerIn(In):
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value() and isinstance(self.rhs, (list, tuple, set, frozenset)):
            laag, hoog = connection.ops.integer_field_range(self.lhs.output_field.get_internal_type())
            binnen = [
                w
                for w in self.rhs
                if not isinstance(w, int) or ((laag is None or w >= laag) and (hoog is None or w <= hoog))
            ]
            if len(binnen) != len(self.rhs):
                if not binnen:
                    raise EmptyResultSet
                self.rhs = binnen
        return super().process_rhs(compiler, connection)


def registreer() -> None:
    IntegerField.register_lookup(IntegerIn)
