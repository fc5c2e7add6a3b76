"""The work group's milestones on the timeline: the start and the end of the cycle."""

from kvo.regeling_paginas import is_pvo
from kvo.tijdlijn import Mijlpaal, bijdrage
from kvo.toets import plus_jaren


@bijdrage(volgorde=0)
def start(werkgroep, cyclus, vandaag):
    if is_pvo(werkgroep):  # no certification in PVO: the set-up year, or a recalibration
        soort = "opzet en eerste uitvoeringsplan" if cyclus.nummer == 1 else "herijking"
        return [Mijlpaal("Start cyclus", cyclus.start, f"Cyclus {cyclus.nummer}, {soort}")]
    return [Mijlpaal("Start cyclus", cyclus.start, f"Cyclus {cyclus.nummer}, {cyclus.get_soort_display()}")]


@bijdrage(volgorde=90)
def einde(werkgroep, cyclus, vandaag):
    if is_pvo(werkgroep):  # PVO: the period is the execution plan's two years (aanpak/tijdlijn.py)
        return []
    einde = plus_jaren(cyclus.start, 3)
    return [Mijlpaal("Einde cyclus", einde, f"Cyclus loopt tot {einde:%d-%m-%Y} (start + 3 jaar)")]
