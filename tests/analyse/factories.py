"""factory-boy factories for the analysis (survey, figures, inspections, conclusion)."""

import datetime as dt

import factory

from analyse.models import (
    Cijfer,
    Conclusie,
    Enquete,
    EnqueteUitnodiging,
    Herinnering,
    Prioriteit,
    Reactie,
    Schouw,
    Schouwpunt,
    Vraag,
)
from tests.factories import BedrijventerreinFactory, CyclusFactory, OndernemerFactory


class EnqueteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enquete

    cyclus = factory.SubFactory(CyclusFactory)
    werkgroep = factory.SelfAttribute("cyclus.werkgroep")
    titel = "Veiligheidsenquête"


class VraagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vraag

    enquete = factory.SubFactory(EnqueteFactory)
    ref = factory.Sequence(lambda n: f"v{n}")
    volgorde = factory.Sequence(lambda n: n)
    blok = 5
    thema = "sociale-veiligheid"
    tekst = factory.Sequence(lambda n: f"Vraag {n}?")
    type = Vraag.Type.SCHAAL


class EnqueteUitnodigingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EnqueteUitnodiging

    enquete = factory.SubFactory(EnqueteFactory)
    ondernemer = factory.SubFactory(
        OndernemerFactory,
        terrein=factory.SubFactory(BedrijventerreinFactory, werkgroep=factory.SelfAttribute("...enquete.werkgroep")),
    )
    kanaal = EnqueteUitnodiging.Kanaal.EMAIL


class HerinneringFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Herinnering

    uitnodiging = factory.SubFactory(EnqueteUitnodigingFactory)
    ronde = 1


class ReactieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reactie
        skip_postgeneration_save = True  # the hook raises the park's counter; the response is saved already

    enquete = factory.SubFactory(EnqueteFactory)
    terrein = factory.SubFactory(BedrijventerreinFactory, werkgroep=factory.SelfAttribute("..enquete.werkgroep"))
    antwoorden = factory.LazyFunction(dict)
    # Made directly, as published (a batch); ``reactie_dien_in`` holds a new response back.
    zichtbaar = Reactie.Zichtbaar.TERREIN

    @factory.post_generation
    def teller(self, create, extracted, **kwargs):
        """The park's response figure follows, as ``reactie_dien_in`` raises it."""
        if create:
            from analyse.services.reacties import reactieteller_verhoog

            reactieteller_verhoog(enquete_id=self.enquete_id, terrein_id=self.terrein_id)


class CijferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cijfer

    cyclus = factory.SubFactory(CyclusFactory)
    werkgroep = factory.SelfAttribute("cyclus.werkgroep")
    bron = Cijfer.Bron.POLITIE
    soort = Cijfer.Soort.AANGIFTE
    categorie = "Inbraak bedrijfspand"
    periode_van = dt.date(2024, 1, 1)
    periode_tot = dt.date(2024, 12, 31)
    aantal = 7


class SchouwFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Schouw

    cyclus = factory.SubFactory(CyclusFactory)
    werkgroep = factory.SelfAttribute("cyclus.werkgroep")
    ref = factory.Sequence(lambda n: f"s{n}")
    soort = Schouw.Soort.DAG
    datum = factory.LazyAttribute(lambda o: o.cyclus.start + dt.timedelta(days=30))


class SchouwpuntFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Schouwpunt

    schouw = factory.SubFactory(SchouwFactory)
    ref = factory.Sequence(lambda n: f"p{n}")
    nummer = factory.Sequence(lambda n: n + 1)
    locatie = "Industrieweg 12"
    positief = False
    bevinding = "Lantaarnpaal defect"


class ConclusieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Conclusie

    cyclus = factory.SubFactory(CyclusFactory)
    werkgroep = factory.SelfAttribute("cyclus.werkgroep")


class PrioriteitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Prioriteit

    conclusie = factory.SubFactory(ConclusieFactory)
    thema = "sociale-veiligheid"
    risicokans = 6
    ernst = 7
    jaar = 1
