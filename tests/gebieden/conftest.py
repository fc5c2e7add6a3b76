import io

import pytest

from tests.factories import BedrijventerreinFactory


@pytest.fixture
def terrein(actoren):
    """One park in the actors' work group ("de-hoek")."""
    return BedrijventerreinFactory(werkgroep=actoren.werkgroep, naam="De Hoek", gemeente="Voorbeeldstad")


@pytest.fixture
def wg(actoren):
    return actoren.werkgroep


def csv_bytes(rijen: list[list[str]], kop=("naam", "adres", "postcode", "huisnummer", "email")) -> bytes:
    regels = [";".join(kop)] + [";".join(r) for r in rijen]
    return ("\n".join(regels) + "\n").encode("utf-8")


def xlsx_bytes(rijen: list[list], kop=("naam", "adres", "postcode", "huisnummer", "email")) -> bytes:
    from openpyxl import Workbook

    boek = Workbook()
    blad = boek.active
    blad.append(list(kop))
    for r in rijen:
        blad.append(list(r))
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()


def geldige_rijen(n: int, start: int = 0) -> list[list[str]]:
    return [
        [f"Bedrijf {i} B.V.", "Industrieweg", f"{1000 + i % 8999} ab", str(i + 1), f"info{i}@bedrijf.nl"]
        for i in range(start, start + n)
    ]
