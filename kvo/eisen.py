"""The requirement catalogue of ``shared/handboek/eisen.md``: IDs, sections and Dutch titles.

The IDs are a public contract (readiness check, dossier, tests): never rename one, add new
ones. ``tests/kvo/test_toets_registry.py`` compares this list with the catalogue itself.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Eis:
    id: str
    groep: str  # the catalogue's section, in Dutch
    paragraaf: str  # handbook section(s)
    titel: str  # short Dutch statement of the rule
    # The audit's own rule: it can only be met at or after the audit (attendance, the report,
    # supplements after deviations, the certificate), so it never blocks the audit application.
    na_audit: bool = False


GROEPEN = [
    "Gebied",
    "Werkgroep",
    "Veiligheidsanalyse",
    "Plan van aanpak",
    "Evaluatie",
    "Audit en certificaat",
]

_EISEN = [
    # Gebied — §3.1, §3.1.1
    (
        "gebied.kaart",
        "Gebied",
        "3.1",
        "Elk bedrijventerrein heeft een grens op een digitale kaart; het gebied heeft een naam",
    ),
    ("gebied.max-ondernemers", "Gebied", "3.1, 3.1.1", "Ten hoogste 600 ondernemers in het KVO-gebied"),
    ("cluster.max-terreinen", "Gebied", "3.1.1", "Een cluster telt ten hoogste 4 bedrijventerreinen"),
    ("cluster.een-gemeente", "Gebied", "3.1.1", "Alle terreinen van een cluster liggen in één gemeente"),
    (
        "cluster.vertegenwoordiging",
        "Gebied",
        "3.1.1",
        "Elk terrein van een cluster heeft een vertegenwoordiger in de werkgroep",
    ),
    ("cluster.regie", "Gebied", "3.1.1", "Een cluster noemt één regie-organisatie"),
    # Werkgroep — §3.2–3.7, §4.3.1
    (
        "werkgroep.verplichte-partijen",
        "Werkgroep",
        "3.2",
        "Ondernemers, gemeente, politie en brandweer zijn vertegenwoordigd",
    ),
    (
        "werkgroep.ondernemersvereniging",
        "Werkgroep",
        "3.2",
        "Binnen een jaar na de start is er een ondernemersvereniging of overeenkomst",
    ),
    (
        "werkgroep.ledenlijst",
        "Werkgroep",
        "3.2",
        "De ledenlijst koppelt elk lid aan de partij die het vertegenwoordigt",
    ),
    (
        "werkgroep.rollen",
        "Werkgroep",
        "3.3",
        "Voorzitter, secretaris en vaste personen voor interne en externe communicatie",
    ),
    (
        "werkgroep.correspondentieadres",
        "Werkgroep",
        "3.3",
        "Er is een correspondentieadres van het samenwerkingsverband",
    ),
    ("werkgroep.afspraken", "Werkgroep", "3.4", "De samenwerkingsafspraken zijn vastgelegd"),
    ("werkgroep.woordvoerder", "Werkgroep", "3.7", "Er is een woordvoerder voor incidenten in het gebied"),
    ("werkgroep.app-beheerder", "Werkgroep", "3.7", "Een app-groep met de ondernemers heeft een beheerder"),
    (
        "werkgroep.bewaartermijn",
        "Werkgroep",
        "3.6",
        "Bewaartermijn van minstens zes jaar; vervallen documenten gemarkeerd",
    ),
    ("werkgroep.bijeenkomsten", "Werkgroep", "3.6, 4.3.1", "Minstens 3 bijeenkomsten per jaar, met agenda en notulen"),
    ("werkgroep.communicatie", "Werkgroep", "3.7, 4.2.5", "Minstens 2 keer per jaar een update aan alle ondernemers"),
    # Veiligheidsanalyse — §4.1
    (
        "enquete.minimum-blokken",
        "Veiligheidsanalyse",
        "4.1.1",
        "Elk verplicht thema heeft zijn minimum aantal onderwerpblokken (20)",
    ),
    ("enquete.open-vragen", "Veiligheidsanalyse", "4.1.1", "De open vragen 16, 23 en 33 staan in de enquête"),
    (
        "enquete.persoonlijk",
        "Veiligheidsanalyse",
        "4.1.1",
        "Elke ondernemer heeft een eigen uitnodiging; één antwoord per uitnodiging",
    ),
    ("enquete.cluster-gelijk", "Veiligheidsanalyse", "4.1.1", "In een cluster kreeg elk terrein dezelfde vragen"),
    ("enquete.respons", "Veiligheidsanalyse", "4.1.1", "De respons per terrein haalt de drempel (40 / 30 / 20 %)"),
    ("enquete.anoniem", "Veiligheidsanalyse", "4.1.1", "Antwoorden zijn anoniem en per vraag getoond"),
    (
        "cijfers.politie-brandweer",
        "Veiligheidsanalyse",
        "4.1.2",
        "Cijfers van politie en brandweer over minstens een heel jaar",
    ),
    (
        "cijfers.gemeente",
        "Veiligheidsanalyse",
        "4.1.2",
        "Meldingen openbare ruimte van de gemeente over minstens een heel jaar",
    ),
    ("schouw.dag-en-avond", "Veiligheidsanalyse", "4.1.3, 4.2.5", "Elk jaar een dagschouw en een avondschouw"),
    (
        "schouw.deelname",
        "Veiligheidsanalyse",
        "4.1.3",
        "Schouwen met alle werkgroepleden; hoogstens één per jaar in kleiner verband",
    ),
    ("schouw.punten", "Veiligheidsanalyse", "4.1.3", "Elk verbeterpunt heeft foto, actie, uitvoerder en termijn"),
    ("schouw.positief", "Veiligheidsanalyse", "4.1.3", "Elk jaar minstens 5 positieve locaties in het schouwrapport"),
    ("schouw.rapport", "Veiligheidsanalyse", "4.1.3", "Het schouwrapport heeft een datum en een presentielijst"),
    (
        "analyse.conclusie",
        "Veiligheidsanalyse",
        "4.1, 4.1.4",
        "Een conclusie met prioritering, samenvatting en bijlagen",
    ),
    # Plan van aanpak — §4.2, §4.3
    ("pva.smart", "Plan van aanpak", "4.2.1", "Elke doelstelling is SMART"),
    ("pva.thema-dekking", "Plan van aanpak", "4.2.2", "Doelstellingen dekken minstens 7 van de 10 verplichte thema's"),
    (
        "pva.maatregel-velden",
        "Plan van aanpak",
        "4.2.4",
        "Elke maatregel heeft trekker, planning, tijd, expertise en voortgangsmeting",
    ),
    ("pva.schouwpunten", "Plan van aanpak", "4.2.4", "Terugkerende schouwpunten staan in de maatregelmatrix"),
    ("pva.verdeling", "Plan van aanpak", "4.2.4", "Elke verplichte partij trekt minstens één maatregel"),
    ("pva.vaste-maatregelen", "Plan van aanpak", "4.2.5", "De vaste maatregelen staan elk jaar in de matrix"),
    ("pva.vastgesteld", "Plan van aanpak", "4.3", "Het plan is door de werkgroep vastgesteld"),
    ("pva.voortgang", "Plan van aanpak", "4.3.1", "De voortgang van de maatregelen is vastgelegd"),
    # Evaluatie — §4.4, §4.5
    ("evaluatie.jaarlijks", "Evaluatie", "4.4.1", "Elk voltooid jaar een evaluatie met verbeterpunten"),
    ("evaluatie.derde-jaar", "Evaluatie", "4.4.2", "De evaluatie van het derde jaar gaat in op de doelen"),
    (
        "evaluatie.vernieuwing",
        "Evaluatie",
        "3.6.2, 4.5",
        "Bij hercertificering een nieuwe analyse en een vernieuwd plan",
    ),
    # Audit en certificaat — §5, §6, §7
    ("audit.contactpersoon", "Audit en certificaat", "5.1", "Eén contactpersoon voor de certificatie-instelling"),
    ("audit.documentenset", "Audit en certificaat", "3.6, 5.2.1", "De documentenset is compleet"),
    (
        "audit.aanlevering",
        "Audit en certificaat",
        "5.2.1",
        "De documentenset is minstens 14 dagen voor de audit aangeleverd",
    ),
    (
        "audit.eerste-maatregelen",
        "Audit en certificaat",
        "5.2.2",
        "Bij de eerste audit zijn minstens 4 maatregelen uitgevoerd",
    ),
    (
        "audit.uitgevoerd",
        "Audit en certificaat",
        "6.3",
        "Bij een opvolgende audit is elke maatregel uitgevoerd of verklaard",
    ),
    ("audit.aanwezigheid", "Audit en certificaat", "6.3", "Alle vertegenwoordigers zijn bij de audit aanwezig"),
    (
        "audit.audittijd",
        "Audit en certificaat",
        "6.3.1",
        "Geplande audittijd: 8 uur, of 10 / 11 / 12 uur voor een cluster",
    ),
    (
        "audit.aanvullingen",
        "Audit en certificaat",
        "6.3",
        "Aanvullingen binnen 2 maanden; besluit binnen 1 maand daarna",
    ),
    ("audit.rapport", "Audit en certificaat", "6.4", "Het auditrapport is binnen 2 weken na de audit ontvangen"),
    (
        "certificaat.geldigheid",
        "Audit en certificaat",
        "7.2, B1.2",
        "Het certificaat is 3 jaar geldig; het beeldmerk alleen met geldig certificaat",
    ),
    ("certificaat.inhoud", "Audit en certificaat", "7.2", "Het certificaat bevat alle verplichte gegevens"),
    ("certificaat.cluster", "Audit en certificaat", "7.3", "Een cluster krijgt één centraal certificaat"),
]

# The audit's own rules (eisen.md §6.3–§7): met at the audit (attendance) or after it (report,
# supplements after deviations, the certificate). Everything else can be met before the application.
NA_AUDIT = frozenset(
    {
        "audit.aanwezigheid",
        "audit.aanvullingen",
        "audit.rapport",
        "certificaat.geldigheid",
        "certificaat.inhoud",
        "certificaat.cluster",
    }
)

EISEN: dict[str, Eis] = {e[0]: Eis(*e, na_audit=e[0] in NA_AUDIT) for e in _EISEN}
