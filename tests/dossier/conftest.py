import copy
import json
from pathlib import Path

import pytest

DEMO = Path(__file__).resolve().parents[2] / "demo"


def laad_demo(naam: str) -> dict:
    return json.loads((DEMO / f"{naam}.json").read_text(encoding="utf-8"))


def demo_fotos(dossier: dict) -> dict[str, bytes]:
    """The photos a demo dossier names (drawn by demo.fotos, as kvo_demo does)."""
    from demo.fotos import demo_bestanden

    return demo_bestanden(dossier)


MINI = {
    "schema": "kvo-dossier/1",
    "werkgroep": {"naam": "KVO De Hoek", "slug": "de-hoek-import", "gestart_op": "2025-01-15"},
    "terreinen": [
        {
            "ref": "hoek",
            "naam": "De Hoek",
            "gemeente": "Voorbeeldstad",
            "grens": {
                "type": "Polygon",
                "coordinates": [[[5.10, 52.00], [5.12, 52.00], [5.12, 52.01], [5.10, 52.01], [5.10, 52.00]]],
            },
            "ondernemers": [{"ref": "o1", "naam": "Bakkerij Jansen", "email": "info@example.org"}],
        }
    ],
    "partijen": [{"ref": "gem", "naam": "Gemeente Voorbeeldstad", "soort": "gemeente"}],
    "leden": [
        {
            "ref": "l1",
            "naam": "A. de Vries",
            "email": "a.devries@example.org",
            "telefoon": "06 1111 2222",
            "partij": "gem",
            "rollen": ["voorzitter"],
        }
    ],
    "cycli": [{"nummer": 1, "soort": "eerste", "start": "2025-01-15"}],
}


@pytest.fixture
def mini() -> dict:
    return copy.deepcopy(MINI)


def groot_dossier() -> dict:
    """4 parks, 600 entrepreneurs, every optional part the product stores."""
    terreinen = []
    for t in range(4):
        terreinen.append(
            {
                "ref": f"t{t}",
                "naam": f"Bedrijventerrein {t}",
                "gemeente": "Grootstad",
                "grens": {"type": "Polygon", "coordinates": [[[5, 52], [5.1, 52], [5.1, 52.1], [5, 52]]]},
                "x-code": f"BT{t}",
                "ondernemers": [
                    {
                        "ref": f"o{t}-{i}",
                        "naam": f"Bedrijf {t}-{i} B.V.",
                        "adres": f"Industrieweg {i + 1}",
                        "postcode": "1234 AB",
                        "huisnummer": str(i + 1),
                        "email": f"info{t}{i}@example.org",
                        "lid_ondernemersvereniging": i % 2 == 0,
                        **({"x-kvk": f"{10000000 + i}"} if i % 50 == 0 else {}),
                    }
                    for i in range(150)
                ],
            }
        )
    leden = [
        {
            "ref": f"l{i}",
            "naam": f"Lid {i}",
            "email": f"lid{i}@example.org",
            "telefoon": f"06 {i:08d}",
            "partij": ["ov", "gem", "pol", "bw"][i % 4],
            "terrein": f"t{i % 4}",
            "rollen": ["voorzitter"] if i == 0 else [],
            "agendalid": i == 7,
            "lid_sinds": "2024-01-01",
            **({"lid_tot": "2025-01-01"} if i == 6 else {}),
        }
        for i in range(8)
    ]
    for lid in leden:
        if not lid["rollen"]:
            del lid["rollen"]
        if not lid["agendalid"]:
            del lid["agendalid"]
    return {
        "schema": "kvo-dossier/1",
        "handboek": "KVO-B 3.0",
        "x-bron": "test",
        "werkgroep": {
            "naam": "KVO Grootstad",
            "slug": "grootstad",
            "gestart_op": "2024-01-01",
            "gemeente": "Grootstad",
            "correspondentieadres": {"straat": "Markt 1", "postcode": "1234 AA", "plaats": "Grootstad"},
            "regie_organisatie": "Parkmanagement Grootstad",
            "afspraken": {"bijeenkomsten_per_jaar": 0, "bewaartermijn_jaren": 6, "x-noot": "ja"},
            "intentieverklaring_op": "2024-01-01",
            "convenant_referentie": "CONV-2024-1",
            "x-intern": {"a": [1, 2]},
        },
        "terreinen": terreinen,
        "aangrenzende_locaties": [{"naam": "Station", "soort": "station"}],
        "partijen": [
            {"ref": "ov", "naam": "OV Grootstad", "soort": "ondernemersvereniging", "opgericht_op": "2024-03-01"},
            {"ref": "gem", "naam": "Gemeente Grootstad", "soort": "gemeente", "x-afdeling": "VTH"},
            {"ref": "pol", "naam": "Politie", "soort": "politie"},
            {"ref": "bw", "naam": "Brandweer", "soort": "brandweer"},
        ],
        "leden": leden,
        "bijeenkomsten": [
            {
                "ref": f"b{i}",
                "datum": f"2024-0{i + 1}-15",
                **({"soort": "kick-off"} if i == 0 else {}),
                "aanwezigen": ["l3", "l0", "l1"],
                "agenda": "1. Opening",
                "notulen": "Vastgesteld.",
                "besluiten": ["Besluit A"],
            }
            for i in range(4)
        ],
        "communicatie": [
            {"datum": "2024-02-01", "onderwerp": "Nieuwsbrief 1", "kanaal": "e-mail"},
            {"datum": "2024-06-01", "onderwerp": "Nieuwsbrief 2", "alle_ondernemers": False, "x-oplage": 300},
        ],
        "cycli": [
            {"nummer": 1, "soort": "eerste", "start": "2024-01-01", "x-opmerking": "eerste"},
            {"nummer": 2, "soort": "opvolgende", "start": "2027-01-01"},
        ],
    }


@pytest.fixture
def groot() -> dict:
    return groot_dossier()
