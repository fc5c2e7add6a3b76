"""The lock files (``bin/lock``) hold what pyproject.toml asks for: every dependency pinned, with a
hash, at a version its range allows. A dependency added to pyproject.toml without running
``bin/lock`` fails here, not on a fresh clone's install."""

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")


def _pins(naam: str) -> dict[str, str]:
    tekst = (ROOT / naam).read_text()
    pins = {canonicalize_name(m.group(1)): m.group(2) for r in tekst.splitlines() if (m := PIN.match(r))}
    blokken = re.split(r"\n(?=[A-Za-z0-9])", tekst)
    zonder_hash = [b.split("==")[0] for b in blokken if PIN.match(b) and "--hash=sha256:" not in b]
    assert not zonder_hash, f"{naam}: zonder hash: {zonder_hash}"
    return pins


def _eisen(extra: bool) -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    eisen = list(project["dependencies"]) + (project["optional-dependencies"]["test"] if extra else [])
    return [Requirement(e) for e in eisen]


@pytest.mark.parametrize(("naam", "extra"), [("requirements.lock", False), ("requirements-test.lock", True)])
def test_elke_afhankelijkheid_vastgezet_binnen_haar_bereik(naam, extra):
    pins = _pins(naam)
    for eis in _eisen(extra):
        versie = pins.get(canonicalize_name(eis.name))
        assert versie, f"{eis.name} ontbreekt in {naam}: draai bin/lock"
        assert eis.specifier.contains(versie, prereleases=True), f"{eis.name}=={versie} past niet in {eis}"


def test_de_testlock_zet_de_runtime_gelijk():
    looptijd, test = _pins("requirements.lock"), _pins("requirements-test.lock")
    assert {n: v for n, v in test.items() if n in looptijd} == looptijd
