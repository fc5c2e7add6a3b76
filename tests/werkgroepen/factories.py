"""Factories for the work group's administration (beyond tests/factories.py)."""

import datetime as dt

import factory

from tests.factories import WerkgroepFactory
from werkgroepen.models import Afspraken, Bijeenkomst, Communicatie


class AfsprakenFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Afspraken

    werkgroep = factory.SubFactory(WerkgroepFactory)
    vastgesteld_op = dt.date(2025, 2, 1)
    bijeenkomsten_per_jaar = 4
    wijziging_samenstelling = "Toe- en aftreden in de eerstvolgende bijeenkomst."
    wijziging_gebied = "Wijzigingen worden jaarlijks besproken."
    besluitvorming = "Bij meerderheid van stemmen."
    communicatie = "Nieuwsbrief aan alle ondernemers, ook niet-leden."
    financien = "Bijdrage uit het ondernemersfonds."
    bewaartermijn_jaren = 6


class BijeenkomstFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Bijeenkomst

    werkgroep = factory.SubFactory(WerkgroepFactory)
    datum = dt.date(2025, 3, 1)
    soort = Bijeenkomst.Soort.WERKGROEP
    agenda = "1. Opening\n2. Schouw\n3. Rondvraag"
    notulen = "Besproken: de schouw."
    besluiten = factory.LazyFunction(list)


class CommunicatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Communicatie

    werkgroep = factory.SubFactory(WerkgroepFactory)
    datum = dt.date(2025, 3, 1)
    onderwerp = factory.Sequence(lambda n: f"Nieuwsbrief {n}")
    kanaal = "nieuwsbrief"
    alle_ondernemers = True
