"""A province of KVO work groups for the scale benchmark (``manage.py kvo_provincie``); deterministic.

A facilitator organisation in a province like Gelderland supports about 100 KVO areas. Work group
``nummer`` (0–99) gets 1 to 4 parks (the first one 600 entrepreneurs in all, the others 30 to 400),
three cycles of history up to ``vandaag`` and per cycle, as far as its dates have passed: a survey of
40 questions (the standard survey, three extra blocks and an own theme) answered by about 30 %, two
inspections a year with 30 points and a photo each, a conclusion, a plan with 30 own measures and the
fixed yearly ones, four meetings a year, an evaluation per finished year and an audit with its
delivered document set and certificate. The same seed gives the same dossier; only ``vandaag``
moves the dates.

It builds ``kvo-dossier/1`` dictionaries with the demo generator's helpers (``genereer.py``,
``genereer_analyse.py``); ``kvo_provincie`` imports them through ``kvo.dossier`` like any dossier.
Work group 1 is in the first weeks of its third cycle, so its survey is open (the entrepreneur's
page of the benchmark); work group 0, the largest, is in the second year of its third cycle.
"""

from __future__ import annotations

import datetime as dt
import random

from aanpak import kwartalen
from analyse import catalogus
from analyse.standaardvragen import standaardenquete, vragen_van
from demo import genereer_analyse as analyse
from demo.bouwstenen import ACHTERNAMEN, bijeenkomst, ondernemers, polygon
from kvo.toets import plus_jaren

D = dt.date
PLAATSEN = [
    ("Apeldoorn", "Apeldoorn"), ("Arnhem", "Arnhem"), ("Nijmegen", "Nijmegen"), ("Ede", "Ede"),
    ("Doetinchem", "Doetinchem"), ("Harderwijk", "Harderwijk"), ("Tiel", "Tiel"), ("Zutphen", "Zutphen"),
    ("Wageningen", "Wageningen"), ("Barneveld", "Barneveld"), ("Culemborg", "Culemborg"),
    ("Winterswijk", "Winterswijk"), ("Zevenaar", "Zevenaar"), ("Elst", "Overbetuwe"), ("Nijkerk", "Nijkerk"),
    ("Ermelo", "Ermelo"), ("Epe", "Epe"), ("Lochem", "Lochem"), ("Groenlo", "Oost Gelre"),
    ("Lichtenvoorde", "Oost Gelre"), ("Aalten", "Aalten"), ("Borculo", "Berkelland"), ("Twello", "Voorst"),
    ("Duiven", "Duiven"), ("Westervoort", "Westervoort"),
]  # fmt: skip
WIJKEN = ["Noord", "Zuid", "Oost", "West"]
STRATEN = ["Industrieweg", "Ambachtsweg", "Nijverheidsweg", "Handelsweg", "Edisonstraat", "Marconiweg",
           "Transportweg", "Energieweg", "Kanaalweg", "Havenweg", "Zuiderzeestraat", "Molenweg"]  # fmt: skip
EIGEN = "Parkmanagement"
VRAGEN_PER_ENQUETE = 40
PUNTEN_PER_SCHOUW = 30
EIGEN_MAATREGELEN = 30
ONDERWERPEN = ["verlichting", "camera", "surveillance", "voorlichting", "bebording", "schoonmaak"]
# The first measure of a topic in a plan carries the topic's usual title, so the same measure recurs
# across work groups (the measures library counts it); later ones of the same topic are numbered.
TITELS = {
    "verlichting": "Donkere plekken in kaart brengen en de verlichting laten verbeteren",
    "camera": "Camera's bij de toegangswegen van het terrein",
    "surveillance": "Collectieve surveillance door één beveiligingsbedrijf",
    "voorlichting": "Voorlichtingsavond inbraakpreventie voor ondernemers",
    "bebording": "Bebording, routeaanduiding en pandnummering op orde brengen",
    "schoonmaak": "Zwerfvuil en illegale stort aanpakken met vaste hersteltermijnen",
}
FOTO_POOL = 24  # distinct photos; every inspection point names its own file with one of these contents


def aantal_ondernemers(nummer: int, rng: random.Random) -> int:
    """600 in the largest work group (0), 30 to 400 in the others (most of them small)."""
    if nummer == 0:
        return 600
    return int(30 + 370 * rng.random() ** 2)


def startdatum_cyclus_3(nummer: int, rng: random.Random, vandaag: dt.date) -> dt.date:
    """How far the third cycle is: group 0 in its second year, group 1 with its survey open."""
    dagen = {0: 520, 1: 75}.get(nummer) or rng.randint(100, 1000)
    return vandaag - dt.timedelta(days=dagen)


def vragen() -> list[dict]:
    """About 40 questions, as Wolvega's survey: the standard survey, blocks 4, 13 and 26 and an own theme."""
    uit = standaardenquete()
    for blok in (4, 13, 26):
        uit += [{"ref": f"b{blok:02d}-{i}", **v.als_dict(blok)} for i, v in enumerate(vragen_van(blok), start=1)]
    uit.append(
        {
            "ref": "eigen-1",
            "thema": f"eigen:{EIGEN}",
            "tekst": "In hoeverre bent u tevreden over het parkmanagement van het bedrijventerrein?",
            "type": "schaal",
        }
    )
    assert len(uit) == VRAGEN_PER_ENQUETE, len(uit)
    return uit


def _plaats(nummer: int) -> tuple[str, str, str]:
    plaats, gemeente = PLAATSEN[nummer % len(PLAATSEN)]
    return plaats, gemeente, WIJKEN[nummer // len(PLAATSEN) % len(WIJKEN)]


def dossier_slug(nummer: int) -> str:
    plaats, _, wijk = _plaats(nummer)
    return f"p{nummer:03d}-{plaats.lower().replace(' ', '-')}-{wijk.lower()}"


def dossier(nummer: int, vandaag: dt.date, *, schaal: float = 1.0) -> dict:
    """Work group ``nummer``; ``schaal`` scales the entrepreneurs, inspection points and own measures
    (the query-count test compares two scales of the same work group)."""
    rng = random.Random(f"kvo-provincie-{nummer}")
    plaats, gemeente, wijk = _plaats(nummer)
    slug = dossier_slug(nummer)
    c3 = startdatum_cyclus_3(nummer, rng, vandaag)
    starts = [plus_jaren(c3, -6), plus_jaren(c3, -3), c3]
    gestart = starts[0] - dt.timedelta(days=60)

    totaal = max(20, round(aantal_ondernemers(nummer, rng) * schaal))
    aantal_terreinen = 4 if nummer == 0 else rng.randint(1, 4)
    verdeling = [
        totaal // aantal_terreinen + (1 if t < totaal % aantal_terreinen else 0) for t in range(aantal_terreinen)
    ]
    lon, lat = 5.6 + (nummer % 10) * 0.12, 51.85 + (nummer // 10) * 0.05
    gebruikt: set = set()
    terreinen = []
    for t, n in enumerate(verdeling):
        naam = f"{plaats} {wijk} {['I', 'II', 'III', 'IV'][t]}"
        terreinen.append(
            {
                "ref": f"t{t}",
                "naam": naam,
                "gemeente": gemeente,
                "grens": polygon(lon + t * 0.015, lat, 0.012, 0.006),
                "ondernemers": ondernemers(rng, f"t{t}-", n, rng.sample(STRATEN, 4), f"{6600 + nummer:04d}", gebruikt),
            }
        )
    partijen = [
        {"ref": "ov", "naam": f"Ondernemersvereniging {plaats} {wijk}", "soort": "ondernemersvereniging"},
        {"ref": "gemeente", "naam": f"Gemeente {gemeente}", "soort": "gemeente"},
        {"ref": "politie", "naam": "Politie Oost-Nederland", "soort": "politie"},
        {"ref": "brandweer", "naam": "Veiligheidsregio Gelderland-Midden (brandweer)", "soort": "brandweer"},
        {"ref": "beveiliging", "naam": "Beveiliging Gelderland B.V.", "soort": "beveiliging"},
        {"ref": "begeleiding", "naam": "Veilig Ondernemen Gelderland", "soort": "procesbegeleiding"},
    ]
    leden = _leden(rng, nummer, gestart)
    vast = [lid["ref"] for lid in leden if not lid.get("agendalid")]

    bijeenkomsten, communicatie, cycli = [], [], []
    for c, start in enumerate(starts, start=1):
        cyclus, vergaderingen, berichten = _cyclus(
            rng, nummer, c, start, vandaag, terreinen, partijen, leden, vast, schaal
        )
        cycli.append(cyclus)
        bijeenkomsten += vergaderingen
        communicatie += berichten
    bijeenkomsten.sort(key=lambda b: b["datum"])
    communicatie.sort(key=lambda b: b["datum"])
    return {
        "schema": "kvo-dossier/1",
        "x-provincie": f"Gegenereerd door demo/genereer_provincie.py (werkgroep {nummer}).",
        "werkgroep": {
            "naam": f"KVO {plaats} {wijk}",
            "slug": slug,
            "gestart_op": gestart.isoformat(),
            "gemeente": gemeente,
            "correspondentieadres": {
                "naam": partijen[0]["naam"],
                "straat": f"{terreinen[0]['ondernemers'][0]['adres']}",
                "postcode": f"{6600 + nummer:04d} AB",
                "plaats": plaats,
            },
            "afspraken": {
                "vastgesteld_op": (gestart + dt.timedelta(days=45)).isoformat(),
                "bijeenkomsten_per_jaar": 4,
                "wijziging_samenstelling": "Nieuwe leden treden toe na instemming van de werkgroep.",
                "wijziging_gebied": "Een wijziging van het gebied wordt met de certificatie-instelling afgestemd.",
                "besluitvorming": "Besluiten bij meerderheid van de aanwezige partijen.",
                "communicatie": "Nieuwsbrief per kwartaal en een WhatsApp-groep per bedrijventerrein.",
                "financien": "De ondernemersvereniging beheert het budget; de gemeente draagt bij.",
                "bewaartermijn_jaren": 7,
                "communicatie_app": True,
                "relatie_ondernemersvereniging": "De ondernemersvereniging vaardigt twee leden af.",
            },
            "intentieverklaring_op": gestart.isoformat(),
        },
        "terreinen": terreinen,
        "partijen": partijen,
        "leden": leden,
        "bijeenkomsten": bijeenkomsten,
        "communicatie": communicatie,
        "cycli": cycli,
    }


def _leden(rng: random.Random, nummer: int, gestart: dt.date) -> list[dict]:
    namen = rng.sample(ACHTERNAMEN, 8)
    rollen = [["voorzitter"], ["secretaris", "contactpersoon-ci"], ["interne-communicatie"], [], [], [], [], []]
    partij = ["ov", "gemeente", "ov", "politie", "brandweer", "gemeente", "begeleiding", "beveiliging"]
    uit = []
    for i, achternaam in enumerate(namen):
        lid = {
            "ref": f"l{i}",
            "naam": f"{'ABCDEFGHJKLMNPRSTW'[rng.randrange(18)]}. {achternaam}",
            "email": f"lid{i}@p{nummer:03d}.kvo.example",
            "partij": partij[i],
            "lid_sinds": gestart.isoformat(),
        }
        if rollen[i]:
            lid["rollen"] = rollen[i]
        if i == 7:
            lid["agendalid"] = True
        uit.append(lid)
    return uit


def _cyclus(
    rng, nummer, c, start, vandaag, terreinen, partijen, leden, vast, schaal
) -> tuple[dict, list[dict], list[dict]]:
    """One cycle from ``start``: everything whose date has passed by ``vandaag``."""
    na = lambda dagen: start + dt.timedelta(days=dagen)  # noqa: E731
    gedaan = lambda d: d <= vandaag  # noqa: E731
    cyclus: dict = {"nummer": c, "soort": "eerste" if c == 1 else "opvolgende", "start": start.isoformat()}
    vergaderingen, berichten = [], []
    # four meetings a year; the conclusion (day 150) and the plan (day 180) are adopted in one of them
    for jaar in range(3):
        for kwartaal in range(4):
            datum = na(jaar * 365 + kwartaal * 91 + 20)
            if gedaan(datum):
                ref = f"b{c}-{jaar + 1}-{kwartaal + 1}"
                soort = "kick-off" if c == 1 and jaar == kwartaal == 0 else "werkgroep"
                vergaderingen.append(
                    bijeenkomst(ref, datum, rng.sample(vast, 5), ["Voortgang maatregelen", "Cijfers"], [], soort=soort)
                )
    for dag, ref, onderwerp in ((150, f"b{c}-analyse", "Conclusie veiligheidsanalyse"),
                                (180, f"b{c}-plan", "Plan van aanpak vaststellen")):  # fmt: skip
        if gedaan(na(dag)):
            vergaderingen.append(bijeenkomst(ref, na(dag), vast, [onderwerp], [f"{onderwerp}: vastgesteld."]))
    for jaar in range(3):
        for dag, onderwerp in ((40, "Nieuwsbrief van de werkgroep"), (220, "Tweede bericht aan de ondernemers")):
            if gedaan(na(jaar * 365 + dag)):
                berichten.append(
                    {"datum": na(jaar * 365 + dag).isoformat(), "onderwerp": f"{onderwerp} ({c}.{jaar + 1})",
                     "kanaal": "nieuwsbrief"}
                )  # fmt: skip

    vragenlijst = [dict(v, ref=f"c{c}-{v['ref']}") for v in vragen()]
    for v in vragenlijst:  # a follow-up names its base question by ref: the same prefix
        if "x-toon_als" in v:
            v["x-toon_als"] = dict(v["x-toon_als"], vraag=f"c{c}-{v['x-toon_als']['vraag']}")
    geopend, sluit = na(60), na(90)
    if not gedaan(geopend):
        return cyclus, vergaderingen, berichten
    enquete = analyse.enquete(
        rng,
        terreinen,
        vragenlijst,
        titel=f"Veiligheidsenquête cyclus {c}",
        inleiding="Hoe veilig is uw bedrijventerrein? Het invullen duurt ongeveer tien minuten.",
        geopend=geopend,
        sluit=sluit,
        herinnering_dagen=[7, 14],
        herinneringen_verstuurd=2 if gedaan(na(74)) else 1 if gedaan(na(67)) else 0,
        respons={t["ref"]: max(1, round(0.3 * len(t["ondernemers"]))) for t in terreinen},
        geneigdheid={t["ref"]: rng.random() for t in terreinen},
    )
    analyse.veiligheidsgevoel(enquete, {t["ref"]: _gevoel(nummer, t["ref"], c) for t in terreinen}, f"p{nummer}-{c}")
    enquete["eigen_themas"] = [EIGEN]
    cyclus["enquete"] = enquete
    cyclus["cijfers"] = _cijfers(rng, start) + _cijfers_per_terrein(nummer, c, start, terreinen)
    cyclus["schouwen"] = _schouwen(rng, c, start, vandaag, terreinen, vast, max(2, round(PUNTEN_PER_SCHOUW * schaal)))
    if not gedaan(na(150)):
        return cyclus, vergaderingen, berichten
    themas = sorted({v["thema"] for v in vragenlijst}, key=lambda t: (t.startswith("eigen:"), t))
    cyclus["analyse"] = {
        "prioriteiten": [
            {
                "thema": t,
                "risicokans": rng.randint(2, 8),
                "ernst": rng.randint(2, 8),
                "toelichting": f"{catalogus.thema_naam(t)}.",
                "jaar": rng.randint(1, 3),
            }
            for t in themas
        ],
        "samenvatting": "De enquête, de cijfers en de schouwen wijzen op inbraak, verlichting en verloedering.",
        "conclusie": "De werkgroep geeft voorrang aan sociale en fysieke veiligheid en aan alle ondernemers bereiken.",
        "vastgesteld_op": na(150).isoformat(),
    }
    cyclus["x-analyse-bijeenkomst"] = f"b{c}-analyse"
    if gedaan(na(180)):
        cyclus["plan"] = _plan(rng, c, start, vandaag, themas, partijen, max(2, round(EIGEN_MAATREGELEN * schaal)))
        evaluaties = [_evaluatie(rng, j, plus_jaren(start, j) + dt.timedelta(days=20)) for j in (1, 2, 3)]
        evaluaties = [e for e in evaluaties if e["datum"] <= vandaag.isoformat()]
        if evaluaties:
            cyclus["evaluaties"] = evaluaties
    audit = _audit(nummer, c, start, vandaag, leden)
    if audit:
        cyclus["audit"] = audit
    return cyclus, vergaderingen, berichten


def _cijfers(rng, start) -> list[dict]:
    jaar = start.year - 1
    uit = []
    for bron, soort, categorie in (("politie", "aangifte", "Inbraak bedrijfspand"),
                                   ("politie", "aangifte", "Diefstal van/uit bedrijfsterrein"),
                                   ("brandweer", "incident", "Buitenbrand"),
                                   ("gemeente", "melding", "Zwerfvuil en illegale stort")):  # fmt: skip
        item = {"bron": bron}
        if soort != "melding":
            item["soort"] = soort
        item.update({"categorie": categorie, "periode_van": f"{jaar}-01-01", "periode_tot": f"{jaar}-12-31",
                     "aantal": rng.randint(0, 30)})  # fmt: skip
        uit.append(item)
    return uit


def _gevoel(nummer: int, terrein: str, c: int) -> float:
    """The share of a park's respondents that feels safe in cycle ``c``: a level of its own and a trend
    per cycle (safer, the same or less safe), from a generator of its own."""
    eigen = random.Random(f"kvo-provincie-gevoel-{nummer}-{terrein}")
    niveau, stap = eigen.uniform(0.3, 0.8), eigen.choice([-0.08, 0.0, 0.06, 0.12])
    return min(0.95, max(0.1, niveau + stap * (c - 1)))


def _cijfers_per_terrein(nummer: int, c: int, start, terreinen) -> list[dict]:
    """Per park its own police, fire-service and municipal figures, so the facilitator's map differs
    from park to park and over the cycles: each park has a level of its own and a trend (getting
    safer, worse or staying), from a random generator of its own (the group's generator, and so the
    rest of the dossier, stays as it was)."""
    jaar = start.year - 1
    uit = []
    for t in terreinen:
        eigen = random.Random(f"kvo-provincie-cijfers-{nummer}-{t['ref']}")
        niveau = eigen.uniform(0.02, 0.4) * len(t["ondernemers"])  # reports a year
        trend = eigen.choice([0.6, 0.8, 1.0, 1.25])  # per cycle
        ruis = random.Random(f"kvo-provincie-cijfers-{nummer}-{t['ref']}-{c}")
        for bron, soort, categorie, deel in (("politie", "aangifte", "Inbraak bedrijfspand", 1.0),
                                             ("brandweer", "incident", "Brandmelding", 0.25),
                                             ("gemeente", "melding", "Zwerfvuil en illegale stort", 0.6)):  # fmt: skip
            aantal = max(0, round(niveau * deel * trend ** (c - 1) * ruis.uniform(0.8, 1.2)))
            item = {"bron": bron, **({"soort": soort} if soort != "melding" else {}), "categorie": categorie,
                    "periode_van": f"{jaar}-01-01", "periode_tot": f"{jaar}-12-31", "aantal": aantal,
                    "terrein": t["ref"]}  # fmt: skip
            uit.append(item)
    return uit


def _schouwen(rng, c, start, vandaag, terreinen, aanwezigen, aantal: int) -> list[dict]:
    """Two inspections (day, evening) in every year of the cycle, 30 points each, every point with a photo."""
    uit = []
    for jaar in range(3):
        for soort, dag in (("dag", 100), ("avond", 110)):
            datum = start + dt.timedelta(days=jaar * 365 + dag)
            if datum > vandaag:
                continue
            ref = f"s{c}-{jaar + 1}-{soort}"
            punten = []
            for i in range(1, aantal + 1):
                terrein = rng.choice(terreinen)
                positief = rng.random() < 0.4
                punt = {
                    "ref": f"{ref}-{i:02d}",
                    "nummer": i,
                    "foto": f"schouw/{ref}/{i:02d}.jpg",
                    "terrein": terrein["ref"],
                    "locatie": f"{rng.choice(STRATEN)} {rng.randint(1, 80)}",
                    "positief": positief,
                    "bevinding": rng.choice(analyse.OPEN_ANTWOORDEN[23])[:200],
                }
                if positief:
                    punt["waarom_tevreden"] = "Goed onderhouden en verlicht."
                    punt["wat_nodig_was"] = "Afspraken in de werkgroep."
                else:
                    punt.update(
                        {"actie": "Melden en herstellen", "wie": rng.choice(["gemeente", "ov", "politie"]),
                         "gereed_voor": (datum + dt.timedelta(days=rng.randint(20, 120))).isoformat()}
                    )  # fmt: skip
                    if rng.random() < 0.2:
                        punt["terugkerend"] = True
                punten.append(punt)
            uit.append({"ref": ref, "soort": soort, "datum": datum.isoformat(),
                        "groep": "voltallig" if soort == "dag" else "kleine-groep", "aanwezigen": aanwezigen,
                        "punten": punten})  # fmt: skip
    return uit


def _plan(rng, c, start, vandaag, themas, partijen, aantal: int) -> dict:
    from aanpak.services.plan import VASTE_MAATREGELEN  # needs Django's app registry

    codes = [k.code for k in kwartalen.van_cyclus(start)]
    einde = {k.code: k.laatste_dag for k in kwartalen.van_cyclus(start)}
    doelen = []
    for d, thema in enumerate(themas[:8]):
        doelen.append(
            {"ref": f"d{c}-{d}", "thema": thema, "titel": f"Doel {d + 1}: {catalogus.thema_naam(thema)}",
             "specifiek": "Minder incidenten op alle bedrijventerreinen.", "meetbaar": "Enquête en cijfers.",
             "acceptabel": "Vastgesteld in de werkgroep.", "realistisch": "Haalbaar met de maatregelen.",
             "tijdgebonden": plus_jaren(start, 3).isoformat()}
        )  # fmt: skip
        if plus_jaren(start, 3) < vandaag:  # evaluated at the cycle's end: reached or not (a generator of its own)
            doelen[-1]["behaald"] = random.Random(f"kvo-provincie-doel-{start}-{thema}-{d}").random() < 0.6

    def maatregel(ref, titel, doel, soort, wie, kw, tijd, meting):
        item = {"ref": ref, "titel": titel}
        if doel:
            item["doelstelling"] = doel
        item.update({"soort": soort, "verantwoordelijke": wie, "kwartalen": kw, "benodigde_tijd": tijd,
                     "deskundigheid": "intern", "voortgangsmeting": meting})  # fmt: skip
        klaar = einde[kw[-1]]
        if klaar < vandaag:
            item["status"] = "uitgevoerd"
            item["uitgevoerd_op"] = klaar.isoformat()
            item["voortgang"] = [{"datum": klaar.isoformat(), "tekst": "Uitgevoerd volgens plan."}]
        elif einde[kw[0]] - dt.timedelta(days=91) <= vandaag:
            item["status"] = "lopend"
            item["voortgang"] = [{"datum": vandaag.isoformat(), "tekst": "Loopt volgens plan."}]
        else:
            item["status"] = "gepland"
        return item

    per_soort = {p["soort"]: p["ref"] for p in partijen}
    eigen_partijen = ["ov", "gemeente", "politie", "brandweer", "beveiliging"]
    maatregelen = []
    gehad: set[str] = set()
    for m in range(aantal):
        eerste = rng.randint(2, len(codes) - 2)
        kw = codes[eerste : eerste + rng.randint(1, 3)]
        onderwerp = rng.choice(ONDERWERPEN)
        titel = f"Maatregel {m + 1}: {onderwerp}" if onderwerp in gehad else TITELS[onderwerp]
        gehad.add(onderwerp)
        maatregelen.append(
            maatregel(f"m{c}-{m:02d}", titel,
                      doelen[m % len(doelen)]["ref"], "regulier", eigen_partijen[m % 5], kw, "een dagdeel",
                      "Verslag in de werkgroep")
        )  # fmt: skip
    per_jaar: dict[int, list[str]] = {}
    for k in kwartalen.van_cyclus(start):
        per_jaar.setdefault(k.jaar, []).append(k.code)
    for jaar, jaarcodes in sorted(per_jaar.items()):
        for soort, titel, index, soorten, tijd, meting in VASTE_MAATREGELEN:
            ref = f"vast-{jaar}-{soort.removeprefix('vast-')}-{len(maatregelen)}"
            wie = next((per_soort[s] for s in soorten if s in per_soort), None)
            maatregelen.append(
                maatregel(ref, f"{titel} (jaar {jaar})", None, soort, wie, [jaarcodes[min(index, len(jaarcodes) - 1)]],
                          tijd, meting)
            )  # fmt: skip
    return {
        "vastgesteld_op": (start + dt.timedelta(days=180)).isoformat(),
        "vastgesteld_in": f"b{c}-plan",
        "doelstellingen": doelen,
        "maatregelen": maatregelen,
    }


def _evaluatie(rng, jaar: int, datum: dt.date) -> dict:
    item = {"jaar": jaar, "datum": datum.isoformat(), "soort": "derde-jaar" if jaar == 3 else "jaarlijks"}
    for veld in ("maatregelen_uitgevoerd", "omstandigheden", "reden_maatregelen", "wijzigingen_plan", "samenwerking",
                 "taken_uitgevoerd", "acties_uitgevoerd", "reden_wijzigingen"):  # fmt: skip
        item[veld] = rng.choice(["Ja, volgens plan.", "Grotendeels; twee maatregelen lopen door.", "Goed."])
    if jaar == 3:
        item["doelen_behaald"] = "De meeste doelen zijn behaald."
        item["reden_doelen"] = "Twee doelen schuiven door naar de volgende cyclus."
    item["verbeterpunten"] = ["Voortgang elke bijeenkomst bespreken."]
    return item


def _audit(nummer: int, c: int, start: dt.date, vandaag: dt.date, leden: list[dict]) -> dict | None:
    """The audit at the end of the cycle, as far as its dates have passed; a positive decision and a certificate."""
    datum = plus_jaren(start, 3) - dt.timedelta(days=60)
    aangevraagd = datum - dt.timedelta(days=150)
    if aangevraagd > vandaag:
        return None
    audit = {
        "contactpersoon": "l1",
        "certificatie_instelling": {"naam": "Certificatie-instelling Oost B.V.", "straat": "Stationsplein 1",
                                    "postcode": "6811 KG", "plaats": "Arnhem"},
        "auditor": "A. Auditor",
        "aangevraagd_op": aangevraagd.isoformat(),
        "datum": datum.isoformat(),
        "geplande_uren": 8,
    }  # fmt: skip
    aangeleverd = datum - dt.timedelta(days=17)
    if aangeleverd <= vandaag:
        audit["documentenset_aangeleverd_op"] = aangeleverd.isoformat()
    if datum <= vandaag:
        audit["aanwezigen"] = [lid["ref"] for lid in leden if not lid.get("agendalid")]
    rapport = datum + dt.timedelta(days=7)
    if rapport <= vandaag:
        audit.update(
            {"rapport_ontvangen_op": rapport.isoformat(), "besluit": "positief", "besluit_op": rapport.isoformat()}
        )
        audit["certificaat"] = {
            "nummer": f"KVO-B-{start.year}-{nummer:03d}-{c}",
            "uitgegeven_op": rapport.isoformat(),
            "geldig_tot": plus_jaren(rapport, 3).isoformat(),
            "ondertekenaar": "J. Jansen",
            "functie_ondertekenaar": "directeur",
        }
    return audit
