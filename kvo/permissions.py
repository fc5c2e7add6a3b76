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

A work group that is paused or ended (``Werkgroep.status``) allows only reading, whatever the
roles: ``mag(..., status=...)`` says no to every other action, and the middleware refuses every
write request (POST and the like) to a view that does not declare an action the status allows.
The Dutch texts below (``ROL_OMSCHRIJVING``, ``OMSCHRIJVING``) are what the "Rollen" page shows,
so the page and the table never disagree.
"""

from enum import StrEnum


class Toegangsrol(StrEnum):
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
    LEVENSLOOP = "werkgroep.levensloop"  # pause, resume or end the work group
    VERWIJDEREN = "werkgroep.verwijderen"  # remove the work group after a full export (site staff, /beheer/)


R = Toegangsrol
TOEGESTAAN: dict[Actie, frozenset[Toegangsrol]] = {
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
    # The group's life is the facilitator's and staff's; removing it (after an export) staff's alone.
    Actie.LEVENSLOOP: frozenset({R.BEGELEIDER, R.STAFF}),
    Actie.VERWIJDEREN: frozenset({R.STAFF}),
}

# What a work group that is not active still allows (``Werkgroep.Status``): reading, and in a
# paused group resuming it. Any other status than these and "actief" allows nothing (fail closed).
ACTIEF = "actief"
ALLEEN_LEZEN: dict[str, frozenset[Actie]] = {
    "gepauzeerd": frozenset({Actie.BEKIJKEN, Actie.EXPORTEREN, Actie.DOCUMENTENSET, Actie.LEVENSLOOP}),
    "beeindigd": frozenset({Actie.BEKIJKEN, Actie.EXPORTEREN, Actie.DOCUMENTENSET, Actie.VERWIJDEREN}),
}

# The "Rollen" page: each role and each action in plain Dutch, in this order.
ROL_OMSCHRIJVING: dict[Toegangsrol, tuple[str, str]] = {
    R.LID: ("Lid", "Een lid van de werkgroep dat namens een partij deelneemt."),
    R.AGENDALID: ("Agendalid", "Ontvangt de agenda en kan alles lezen, maar legt niets vast."),
    R.VOORZITTER: ("Voorzitter", "Leidt de werkgroep en beheert samen met de secretaris de leden."),
    R.SECRETARIS: ("Secretaris", "Houdt de administratie bij en beheert samen met de voorzitter de leden."),
    R.BEGELEIDER: ("Procesbegeleider", "Werkt voor de organisatie die de werkgroep begeleidt."),
    R.AUDITOR: ("Auditor", "Bekijkt voor een beperkte tijd de aangeleverde documentenset van één audit."),
    R.STAFF: ("Beheerder", "Beheert KVO Werkplaats voor alle werkgroepen."),
}
OMSCHRIJVING: dict[Actie, str] = {
    Actie.BEKIJKEN: "Alle pagina's van de werkgroep lezen",
    Actie.WIJZIGEN: "Het werk vastleggen en wijzigen: gebied, bijeenkomsten, enquête-uitkomsten, plan van aanpak",
    Actie.BEHEREN: "Leden, uitnodigingen, rollen en beveiligingsinstellingen beheren",
    Actie.EXPORTEREN: "Het volledige dossier exporteren, met persoonsgegevens",
    Actie.IMPORTEREN: "Een werkgroep laden of vervangen uit een dossierbestand",
    Actie.DOCUMENTENSET: "De documentenset van de audit bekijken",
    Actie.AUDITOR_UITNODIGEN: "Een auditor tijdelijk toegang geven",
    Actie.ENQUETE: "De enquête opstellen en versturen, herinneringen sturen en papieren antwoorden invoeren",
    Actie.LEVENSLOOP: "De werkgroep pauzeren, hervatten of beëindigen",
    Actie.VERWIJDEREN: "De werkgroep na een volledige export verwijderen",
    Actie.STARTEN: "Een nieuwe werkgroep starten (voor de eigen begeleidingsorganisatie; beheerders voor elke)",
    Actie.BEGELEIDING_BEHEREN: "Begeleidingsorganisaties en hun procesbegeleiders beheren, werkgroepen verplaatsen",
    Actie.CERTIFICAAT_AANLEVEREN: "Het certificaat dat de certificatie-instelling buiten de applicatie gaf, uploaden",
    Actie.AUDITBESLUIT: "Het besluit van de certificatie-instelling over de audit vastleggen",
    Actie.CERTIFICAAT_UITGEVEN: "Het certificaat uitgeven, schorsen of intrekken (de certificatie-instelling)",
}


def mag(rollen: frozenset[Toegangsrol] | set[Toegangsrol], actie: Actie | str, *, status: str = ACTIEF) -> bool:
    actie = Actie(actie)
    if status != ACTIEF and actie not in ALLEEN_LEZEN.get(status, frozenset()):
        return False
    return bool(TOEGESTAAN[actie] & set(rollen))


def rollen_tabel() -> list[dict]:
    """The table of the "Rollen" page: per role its name, description and per action yes/no."""
    return [
        {
            "rol": rol,
            "naam": naam,
            "omschrijving": omschrijving,
            "mag": [(actie, rol in TOEGESTAAN[actie]) for actie in Actie],
        }
        for rol, (naam, omschrijving) in ROL_OMSCHRIJVING.items()
    ]


def rollen_buiten_werkgroep(user) -> frozenset[Toegangsrol]:
    """The roles that count outside one work group (the portfolio, starting a group, /beheer/):
    ``begeleider`` for a user of any facilitating organisation, ``staff`` for site staff."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    rollen = set()
    if user.is_staff:
        rollen.add(Toegangsrol.STAFF)
    if user.begeleidingsorganisaties.exists():
        rollen.add(Toegangsrol.BEGELEIDER)
    return frozenset(rollen)
