"""Waiting in browser tests for a condition in the page.

``page.wait_for_function`` polls its expression through ``eval`` when the first check fails, which
the product's Content Security Policy (no 'unsafe-eval') refuses: the test then fails only when the
page is slow. ``wacht_tot`` polls with ``page.evaluate`` from Python instead."""

import time


def wacht_tot(page, uitdrukking: str, *, seconden: float = 10.0) -> None:
    einde = time.monotonic() + seconden
    while not page.evaluate(uitdrukking):
        if time.monotonic() > einde:
            raise AssertionError(f"Na {seconden:g} s nog steeds niet waar: {uitdrukking}")
        page.wait_for_timeout(50)
