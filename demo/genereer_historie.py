"""The demo's work group with history (issue 28), called by ``genereer.py``; deterministic.

KVO Bedrijventerreinen Heerenveen, facilitated by the same organisation as Wolvega and Venekoten, is
in the second year of its third cycle (the first began in June 2019; two certificates so far), so the
facilitator's picture shows a park's and a municipality's trend over three cycles. Its four parks
tell four stories, in the police, fire-service and municipal figures and in the feeling of safety:
Kanaal gets safer cycle by cycle, De Kavels stays quiet, Businesspark Friesland-West gets less safe
and Heerenveen-Noord improves slowly.

The dossier is the province generator's work group 0 (``genereer_provincie.py``: three cycles with a
survey, inspections, a conclusion, a plan, evaluations and audits) at a quarter of its size, given
Heerenveen's names and places, its own figures per park and cycle, and the feeling of safety above;
the inspections of the two finished cycles are left out (their photos would only make the demo
slower to load). The parks are real business parks of Heerenveen; the companies, people and figures
are made up.
"""

from __future__ import annotations

import datetime as dt
import re

from demo import genereer_analyse as analyse
from demo import genereer_provincie as provincie
from demo.bouwstenen import polygon

SLUG = "heerenveen"
GEMEENTE = "Heerenveen"
SCHAAL = 0.25
PUNTEN_PER_SCHOUW = 4

# park ref of the province generator → (name, outline's south-west corner)
TERREINEN = {
    "t0": ("Kanaal", 5.9468, 52.9532),
    "t1": ("De Kavels", 5.9874, 52.9391),
    "t2": ("Businesspark Friesland-West", 5.8702, 52.9627),
    "t3": ("Heerenveen-Noord", 5.9251, 52.9858),
}
# per park and cycle: reports a year per 100 businesses (police, fire service, municipality) and the
# share of respondents that feels safe
VERLOOP = {
    "t0": {"politie": (30, 21, 13), "brandweer": (5, 4, 2), "gemeente": (42, 33, 22), "veilig": (0.40, 0.55, 0.69)},
    "t1": {"politie": (6, 7, 5), "brandweer": (2, 2, 2), "gemeente": (12, 14, 11), "veilig": (0.76, 0.78, 0.81)},
    "t2": {"politie": (11, 18, 27), "brandweer": (6, 9, 12), "gemeente": (20, 31, 46), "veilig": (0.64, 0.50, 0.36)},
    "t3": {"politie": (21, 17, 14), "brandweer": (3, 5, 4), "gemeente": (26, 22, 17), "veilig": (0.47, 0.54, 0.60)},
}
CATEGORIE = {
    "politie": ("aangifte", "Inbraak bedrijfspand"),
    "brandweer": ("incident", "Buitenbrand"),
    "gemeente": ("melding", "Zwerfvuil en illegale stort"),
}
# the province generator numbers a topic's second and later measures of a plan ("Maatregel 7: camera");
# the demo gives them titles a group would write (the first is the province's usual title)
TITELS = {
    "verlichting": ["LED-verlichting langs de hoofdroutes", "Verlichting bij de containeropstellingen"],
    "camera": ["Cameratoezicht koppelen aan de meldkamer", "Kentekenherkenning bij de entrees"],
    "surveillance": ["Alarmopvolging door de collectieve beveiliger", "Extra avondronde in de wintermaanden"],
    "voorlichting": ["Voorlichting over phishing en back-ups", "Nieuwsbrief met veiligheidstips per kwartaal"],
    "bebording": ["Nieuwe bewegwijzering naar de bedrijven", "Huisnummering zichtbaar maken voor hulpdiensten"],
    "schoonmaak": ["Afspraken met eigenaren van leegstaande panden", "Extra veegronde na evenementen en stormen"],
}
GENUMMERD = re.compile(r"^Maatregel \d+: (\w+)$")
PARTIJEN = {
    "ov": "Ondernemersvereniging Heerenveen",
    "gemeente": "Gemeente Heerenveen",
    "politie": "Politie Noord-Nederland, basisteam Heerenveen",
    "brandweer": "Veiligheidsregio Fryslân (brandweer)",
    "beveiliging": "Beveiliging Fryslân B.V.",
    "begeleiding": "Keuker Veiligheidszorg Ondernemingen",
}


def _cijfers(cyclus: dict, terreinen: list[dict]) -> list[dict]:
    """The year before the cycle's start, per park and source, from ``VERLOOP``."""
    nummer = cyclus["nummer"]
    jaar = dt.date.fromisoformat(cyclus["start"]).year - 1
    uit = []
    for t in terreinen:
        for bron, (soort, categorie) in CATEGORIE.items():
            aantal = round(VERLOOP[t["ref"]][bron][nummer - 1] * len(t["ondernemers"]) / 100)
            uit.append(
                {"bron": bron, **({"soort": soort} if soort != "melding" else {}), "categorie": categorie,
                 "periode_van": f"{jaar}-01-01", "periode_tot": f"{jaar}-12-31", "aantal": aantal,
                 "terrein": t["ref"]}
            )  # fmt: skip
    return uit


def heerenveen(vandaag: dt.date) -> dict:
    d = provincie.dossier(0, vandaag, schaal=SCHAAL)
    d.pop("x-provincie", None)
    d = {
        "schema": d.pop("schema"),
        "x-demo": "Gegenereerd door demo/genereer_historie.py: drie cycli geschiedenis.",
        **d,
    }
    wg = d["werkgroep"]
    wg.update(naam="KVO Bedrijventerreinen Heerenveen", slug=SLUG, gemeente=GEMEENTE)
    wg["correspondentieadres"].update(naam=PARTIJEN["ov"], postcode="8448 CK", plaats="Heerenveen")
    for t in d["terreinen"]:
        naam, lon, lat = TERREINEN[t["ref"]]
        t.update(naam=naam, gemeente=GEMEENTE, grens=polygon(lon, lat, 0.0118, 0.0058))
        for o in t["ondernemers"]:
            o["postcode"] = "8448" + o["postcode"][4:]
    for p in d["partijen"]:
        p["naam"] = PARTIJEN[p["ref"]]
    for lid in d["leden"]:
        lid["email"] = lid["email"].replace("@p000.kvo.example", "@kvo-heerenveen.example")
    for cyclus in d["cycli"]:
        nummer = cyclus["nummer"]
        if "enquete" in cyclus:
            cyclus["enquete"]["titel"] = f"Veiligheidsenquête bedrijventerreinen Heerenveen, cyclus {nummer}"
            analyse.veiligheidsgevoel(
                cyclus["enquete"], {ref: v["veilig"][nummer - 1] for ref, v in VERLOOP.items()}, f"heerenveen-{nummer}"
            )
            cyclus["cijfers"] = _cijfers(cyclus, d["terreinen"])
        if nummer < len(d["cycli"]):
            cyclus.pop("schouwen", None)
        else:
            for schouw in cyclus.get("schouwen", []):
                schouw["punten"] = schouw["punten"][:PUNTEN_PER_SCHOUW]
        gehad: dict[str, int] = {}
        for m in cyclus.get("plan", {}).get("maatregelen", []):
            if treffer := GENUMMERD.match(m["titel"]):
                onderwerp = treffer.group(1)
                n = gehad[onderwerp] = gehad.get(onderwerp, 0) + 1
                titel = TITELS[onderwerp][(n - 1) % 2]
                m["titel"] = titel if n <= 2 else f"{titel} (vervolg {n - 2})"
        if audit := cyclus.get("audit"):
            audit["certificatie_instelling"] = {"naam": "Certificatie-instelling Noord B.V.",
                                                "straat": "Zuiderzeestraat 18", "postcode": "8441 AA",
                                                "plaats": "Heerenveen"}  # fmt: skip
            if "certificaat" in audit:
                audit["certificaat"]["nummer"] = audit["certificaat"]["nummer"].replace("-000-", "-HV-")
    return d
