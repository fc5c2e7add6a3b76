"""Signals of the work group that later apps of the cycle listen to (they may not be imported here).

``cyclus_gestart``: sent inside the transaction that starts a cycle, with ``cyclus``, ``vorige``
(the previous cycle or None) and ``actor``; the plan of approach carries itself forward (§4.5).
"""

from django.dispatch import Signal

cyclus_gestart = Signal()
