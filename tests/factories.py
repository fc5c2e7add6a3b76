"""factory-boy factories for the core models; app-specific ones live beside their tests."""

import datetime as dt

import factory
from django.contrib.auth import get_user_model

from audits.models import Afwijking, Audit, Certificaat
from gebieden.models import Bedrijventerrein, Ondernemer
from werkgroepen.models import Begeleidingsorganisatie, Cyclus, Lid, Partij, ToetsHistorie, Werkgroep

VIERKANT = {
    "type": "Polygon",
    "coordinates": [[[5.10, 52.00], [5.12, 52.00], [5.12, 52.01], [5.10, 52.01], [5.10, 52.00]]],
}


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("email",)

    email = factory.Sequence(lambda n: f"gebruiker{n}@example.org")
    naam = factory.Faker("name", locale="nl_NL")
    password = factory.django.Password("geheim-wachtwoord-123")


class BegeleidingsorganisatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Begeleidingsorganisatie

    naam = factory.Sequence(lambda n: f"Procesbegeleiding {n}")


class WerkgroepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Werkgroep
        django_get_or_create = ("slug",)

    naam = factory.Sequence(lambda n: f"KVO Bedrijventerrein {n}")
    slug = factory.Sequence(lambda n: f"werkgroep-{n}")
    gestart_op = dt.date(2025, 1, 15)
    gemeente = "Voorbeeldstad"


class CyclusFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cyclus

    werkgroep = factory.SubFactory(WerkgroepFactory)
    nummer = 1
    soort = Cyclus.Soort.EERSTE
    start = factory.LazyAttribute(lambda o: o.werkgroep.gestart_op)


class PartijFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partij

    werkgroep = factory.SubFactory(WerkgroepFactory)
    naam = factory.Sequence(lambda n: f"Partij {n}")
    soort = Partij.Soort.GEMEENTE


class LidFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lid

    werkgroep = factory.SubFactory(WerkgroepFactory)
    partij = factory.SubFactory(PartijFactory, werkgroep=factory.SelfAttribute("..werkgroep"))
    naam = factory.Faker("name", locale="nl_NL")
    email = factory.Sequence(lambda n: f"lid{n}@example.org")
    rollen = factory.LazyFunction(list)


class BedrijventerreinFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Bedrijventerrein

    werkgroep = factory.SubFactory(WerkgroepFactory)
    naam = factory.Sequence(lambda n: f"Terrein {n}")
    gemeente = factory.LazyAttribute(lambda o: o.werkgroep.gemeente or "Voorbeeldstad")
    grens = factory.LazyFunction(lambda: dict(VIERKANT))


class OndernemerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ondernemer

    terrein = factory.SubFactory(BedrijventerreinFactory)
    naam = factory.Sequence(lambda n: f"Bedrijf {n} B.V.")
    postcode = "1234 AB"
    huisnummer = factory.Sequence(lambda n: str(n + 1))


class AuditFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Audit

    werkgroep = factory.SubFactory(WerkgroepFactory)
    cyclus = factory.SubFactory(CyclusFactory, werkgroep=factory.SelfAttribute("..werkgroep"))
    datum = dt.date(2026, 6, 1)


class AfwijkingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Afwijking

    audit = factory.SubFactory(AuditFactory)
    omschrijving = "Notulen van de tweede bijeenkomst ontbreken."
    vastgesteld_op = factory.LazyAttribute(lambda o: o.audit.datum)


class CertificaatFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Certificaat

    audit = factory.SubFactory(AuditFactory)
    certificatie_instelling = "Certificering Nederland B.V."
    nummer = factory.Sequence(lambda n: f"KVO-B-{n:05d}")
    uitgegeven_op = dt.date(2023, 7, 1)
    geldig_tot = dt.date(2026, 7, 1)
    naamstelling = factory.LazyAttribute(lambda o: o.audit.werkgroep.naam)
    ondertekenaar = "J. de Vries"
    functie_ondertekenaar = "directeur"


class ToetsHistorieFactory(factory.django.DjangoModelFactory):
    """A day of the readiness history: 54 requirements, 4 of them n.v.t. by default."""

    class Meta:
        model = ToetsHistorie

    werkgroep = factory.SubFactory(WerkgroepFactory)
    datum = dt.date(2026, 5, 1)
    voldaan = 20
    niet_voldaan = 5
    open = 25
    nvt = 4
