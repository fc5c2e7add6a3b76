"""The plan of approach of a cycle (handbook §4.2–§4.5): goals, the measures matrix, progress and
evaluations, and the ledger of the weekly "Mijn acties" mail.

Every top-level row has a required foreign key to its work group and its cycle (the plan, the
evaluations); children reach the work group through their parent; every model has a
django-scopes ``ScopedManager``.
"""

from aanpak.models.evaluatie import Evaluatie
from aanpak.models.plan import Activiteit, Doelstelling, Maatregel, Plan, Voortgang
from aanpak.models.weekmail import Weekmail, WeekmailAfmelding

__all__ = ["Activiteit", "Doelstelling", "Evaluatie", "Maatregel", "Plan", "Voortgang", "Weekmail", "WeekmailAfmelding"]
