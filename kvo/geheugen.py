"""Python's cyclic garbage collector around work that builds many objects at once.

A PDF render (hundreds of thousands of boxes and styles, most in reference cycles) and the readiness
check of many work groups at once (tens of thousands of model instances) trigger collection after
collection while they build; every full pass also walks everything that existed before (Django, the
app). ``zonder_gc`` pauses the collector for the block, freezes what existed before, and collects
once at the end, inside the caller's time.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def zonder_gc():
    """Pause the collector for the block and collect once afterwards (only what the block made: the
    objects that existed before are frozen meanwhile). Process-wide; two such blocks in two threads
    at once only cost each other some speed. Restores the collector as it was."""
    aan = gc.isenabled()
    gc.disable()
    gc.freeze()
    try:
        yield
    finally:
        gc.collect()
        gc.unfreeze()
        if aan:
            gc.enable()
