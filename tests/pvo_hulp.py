"""A PVO group for the page tests (issue 23): the ``actoren`` work group switched to PVO Veilig
Bedrijventerrein, with a kick-off, a police party, an adopted plan with actions by quarter, an
activity calendar, area scans and a planned waardering with signatories."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from aanpak.models import Activiteit
from analyse.models import Gebiedsscan
from audits.models import Ondertekenaar, Waardering
from kvo.regelingen import PVO
from tests.aanpak.factories import MaatregelFactory, PlanFactory
from tests.factories import LidFactory, PartijFactory
from tests.werkgroepen.factories import BijeenkomstFactory
from werkgroepen.models import Bijeenkomst, Partij


@dataclass
class PvoGroep:
    werkgroep: object
    cyclus: object
    plan: object
    gemeente: object
    politie: object
    ov: object
    waardering: object
    kickoff: object


def maak_pvo(actoren, *, aantal: int = 3) -> PvoGroep:
    """``aantal`` actions, activities and signatories' rows grow together (for the query bounds)."""
    wg, cyclus = actoren.werkgroep, actoren.cyclus
    wg.handboek = PVO
    wg.save(update_fields=["handboek"])
    cyclus.handboek = PVO
    cyclus.save(update_fields=["handboek"])
    gemeente = wg.partijen.get(soort=Partij.Soort.GEMEENTE)
    gemeente.toegezegde_capaciteit = "8 uur per maand van de coördinator OOV"
    gemeente.save()
    ov = wg.partijen.get(soort=Partij.Soort.ONDERNEMERSVERENIGING)
    politie = PartijFactory(werkgroep=wg, naam="Politie Oost-Nederland", soort=Partij.Soort.POLITIE)
    LidFactory(werkgroep=wg, partij=politie, naam="Wijkagent Jansen")
    kickoff = BijeenkomstFactory(
        werkgroep=wg, datum=cyclus.start, soort=Bijeenkomst.Soort.KICK_OFF, georganiseerd_door=gemeente
    )
    kickoff.aanwezigen.set(wg.leden.all())
    plan = PlanFactory(cyclus=cyclus, vastgesteld_op=cyclus.start + dt.timedelta(days=120))
    partijen = [gemeente, politie, ov]
    for i in range(aantal):
        MaatregelFactory(
            plan=plan,
            titel=f"Actie {i}",
            verantwoordelijke=partijen[i % 3],
            kwartalen=["2025-Q3"] if i % 2 == 0 else ["2025-Q4", "2026-Q1"],
        )
        Activiteit.objects.create(
            plan=plan,
            soort=Activiteit.Soort.VOORLICHTING_ONDERNEMERS if i % 2 else Activiteit.Soort.VOORLICHTING_PUBLIEK,
            titel=f"Voorlichting {i}",
            gepland_op=cyclus.start + dt.timedelta(days=150 + i),
            partij=partijen[i % 3],
        )
    scans = (
        (gemeente, ["Afvaldumpingen", "Grofvuil", "Leegstand"]),
        (politie, ["Crossen", "Inbraak", "Afvaldumpingen"]),
    )
    for p, top in scans:
        Gebiedsscan.objects.create(werkgroep=wg, cyclus=cyclus, partij=p, fenomenen=top, bijeenkomst=kickoff)
    w = Waardering.objects.create(werkgroep=wg, cyclus=cyclus, gepland_op=cyclus.start + dt.timedelta(days=330))
    for p in partijen:
        Ondertekenaar.objects.create(waardering=w, partij=p, naam=f"Tekenbevoegde {p.naam}", functie="directeur")
    return PvoGroep(wg, cyclus, plan, gemeente, politie, ov, w, kickoff)
