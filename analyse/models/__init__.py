"""The safety analysis of a cycle (handbook §4.1): survey, incident figures, inspections, conclusion.

Split by subdomain; every top-level row has a required foreign key to its work group and its
cycle, children reach the work group through their parent, and every model has a
django-scopes ``ScopedManager``.
"""

from analyse.models.cijfers import Buurt, Cijfer
from analyse.models.conclusie import Conclusie, Prioriteit
from analyse.models.enquete import (
    Enquete,
    EnqueteConcept,
    EnqueteLink,
    EnqueteUitnodiging,
    Herinnering,
    HerinneringRonde,
    LegeInzending,
    Reactie,
    Vraag,
)
from analyse.models.gebiedsscan import Gebiedsscan
from analyse.models.schouw import Schouw, Schouwpunt

__all__ = [
    "Buurt",
    "Cijfer",
    "Conclusie",
    "Enquete",
    "EnqueteConcept",
    "EnqueteLink",
    "EnqueteUitnodiging",
    "Gebiedsscan",
    "Herinnering",
    "HerinneringRonde",
    "LegeInzending",
    "Prioriteit",
    "Reactie",
    "Schouw",
    "Schouwpunt",
    "Vraag",
]
