"""URL converters: the bound on a number in the address, where it enters.

``<id:pk>`` is Django's ``<id:pk>`` with a bound: at most 18 digits, so every value fits a
``bigint`` column (the ids; also step, cycle and version numbers). A longer number matches no
URL and is a 404 before a view or the database sees it; without the bound a 20-digit id reached
the query and SQLite raised ``OverflowError`` (PostgreSQL: "out of range"), a 500. Registered in
``kvo.apps`` (before any URLconf is read); every route of the product uses it instead of ``int``.
"""

from __future__ import annotations

MAX_CIJFERS = 18  # 999,999,999,999,999,999 < 2**63 - 1, the largest bigint


class IdConverter:
    regex = f"[0-9]{{1,{MAX_CIJFERS}}}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(value)


def registreer() -> None:
    from django.urls import register_converter
    from django.urls.converters import get_converters

    if "id" not in get_converters():
        register_converter(IdConverter, "id")
