"""Who may do what in a work group: the one table, tested cell by cell in tests/kvo/test_permissions.py.

A person's roles in a work group come from ``kvo.tenancy.toegang_voor``:

- ``lid``: an active, full member of the work group (every member with a role is also ``lid``);
- ``agendalid``: receives the agenda, may read, does not edit (§3.2);
- ``voorzitter`` / ``secretaris``: the chair and secretary (§3.3) manage the work group;
- ``begeleider``: a user of the facilitating organisation (procesbegeleiding) of this work group;
- ``auditor``: the certification body's auditor: read-only access to one audit's document set,
  time-limited (guardian grant); through the portal records that audit's decision and issues,
  suspends or withdraws its certificate (the work group never issues one itself);
- ``staff``: site staff.
"""

from enum import StrEnum


class Rol(StrEnum):
    LID = "lid"
    AGENDALID = "agendalid"
    VOORZITTER = "voorzitter"
    SECRETARIS = "secretaris"
    BEGELEIDER = "begeleider"
    AUDITOR = "auditor"
    STAFF = "staff"


class Actie(StrEnum):
    BEKIJKEN = "werkgroep.bekijken"  # every page of the work group
    WIJZIGEN = "werkgroep.wijzigen"  # record and edit the work (areas, meetings, survey, plan, ...)
    BEHEREN = "werkgroep.beheren"  # members, invitations, roles, security settings
    EXPORTEREN = "dossier.exporteren"  # the whole dossier, personal data included
    IMPORTEREN = "dossier.importeren"  # load or replace a work group from a dossier file
    DOCUMENTENSET = "documentenset.bekijken"  # the audit's document set
    AUDITOR_UITNODIGEN = "auditor.uitnodigen"  # give an auditor time-limited access
    ENQUETE = "enquete.beheren"  # build and send the survey, invitations, reminders, paper entry (§4.1.1)
    AUDITBESLUIT = "audit.besluiten"  # the certification body's decision on the audit (§6.4), in the portal
    CERTIFICAAT_UITGEVEN = "certificaat.uitgeven"  # issue, suspend, withdraw the certificate (§7), in the portal
    CERTIFICAAT_AANLEVEREN = "certificaat.aanleveren"  # upload the certificate a body outside the product issued
    # Outside one work group (roles from ``rollen_buiten_werkgroep``):
    STARTEN = "werkgroep.starten"  # start a new work group ("Nieuwe werkgroep"): own organisation, staff any
    BEGELEIDING_BEHEREN = "begeleiding.beheren"  # facilitating organisations, their facilitators, moving a group


R = Rol
TOEGESTAAN: dict[Actie, frozenset[Rol]] = {
    Actie.BEKIJKEN: frozenset({R.LID, R.AGENDALID, R.VOORZITTER, R.SECRETARIS, R.BEGELEIDER, R.STAFF}),
    Actie.WIJZIGEN: frozenset({R.LID, R.VOORZITTER, R.SECRETARIS, R.BEGELEIDER, R.STAFF}),
    Actie.BEHEREN: frozenset({R.VOORZITTER, R.SECRETARIS, R.BEGELEIDER, R.STAFF}),
    Actie.EXPORTEREN: frozenset({R.LID, R.VOORZITTER, R.SECRETARIS, R.BEGELEIDER, R.STAFF}),
    Actie.IMPORTEREN: frozenset({R.BEGELEIDER, R.STAFF}),
    Actie.DOCUMENTENSET: frozenset({R.LID, R.AGENDALID, R.VOORZITTER, R.SECRETARIS, R.BEGELEIDER, R.AUDITOR, R.STAFF}),
    Actie.AUDITOR_UITNODIGEN: frozenset({R.VOORZITTER, R.SECRETARIS, R.BEGELEIDER, R.STAFF}),
    # The survey and its invitations are the secretary's and chair's (with the facilitator's help).
    Actie.ENQUETE: frozenset({R.VOORZITTER, R.SECRETARIS, R.BEGELEIDER, R.STAFF}),
    # The certification body decides and issues: only its auditor, holding the audit's grant. The
    # group (and the facilitator, and staff) never issues a certificate; it uploads the one a body
    # outside the product issued.
    Actie.AUDITBESLUIT: frozenset({R.AUDITOR}),
    Actie.CERTIFICAAT_UITGEVEN: frozenset({R.AUDITOR}),
    Actie.CERTIFICAAT_AANLEVEREN: frozenset({R.VOORZITTER, R.SECRETARIS, R.BEGELEIDER, R.STAFF}),
    # A facilitator starts work groups for their own facilitating organisation; staff for any.
    Actie.STARTEN: frozenset({R.BEGELEIDER, R.STAFF}),
    Actie.BEGELEIDING_BEHEREN: frozenset({R.STAFF}),
}


def mag(rollen: frozenset[Rol] | set[Rol], actie: Actie | str) -> bool:
    return bool(TOEGESTAAN[Actie(actie)] & set(rollen))


def rollen_buiten_werkgroep(user) -> frozenset[Rol]:
    """The roles that count outside one work group (the portfolio, starting a group, /beheer/):
    ``begeleider`` for a user of any facilitating organisation, ``staff`` for site staff."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    rollen = set()
    if user.is_staff:
        rollen.add(Rol.STAFF)
    if user.begeleidingsorganisaties.exists():
        rollen.add(Rol.BEGELEIDER)
    return frozenset(rollen)
