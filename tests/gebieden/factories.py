"""Factories for the area app beyond tests/factories.py."""

import factory

from gebieden.models import AangrenzendeLocatie
from tests.factories import WerkgroepFactory


def vierkant(lon: float = 5.10, lat: float = 52.00, d: float = 0.01) -> dict:
    return {
        "type": "Polygon",
        "coordinates": [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]],
    }


class AangrenzendeLocatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AangrenzendeLocatie

    werkgroep = factory.SubFactory(WerkgroepFactory)
    naam = factory.Sequence(lambda n: f"Sportpark {n}")
    soort = "sportpark"
    grens = factory.LazyFunction(lambda: vierkant(5.125, 52.0))
