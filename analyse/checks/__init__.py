"""Readiness checks of the safety analysis (handbook §4.1; IDs from eisen.md), one module per subdomain.

Importing this package (``kvo.apps`` autodiscovers ``checks``) registers every check.
"""

from analyse.checks import cijfers, conclusie, enquete, respons, schouw, uitnodigingen  # noqa: F401
