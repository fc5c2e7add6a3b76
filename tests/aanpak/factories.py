"""factory-boy factories for the plan of approach (plan, goals, measures, progress, evaluations)."""

import datetime as dt

import factory

from aanpak.models import Doelstelling, Evaluatie, Maatregel, Plan, Voortgang
from kvo.toets import plus_jaren
from tests.factories import CyclusFactory


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan

    cyclus = factory.SubFactory(CyclusFactory)
    werkgroep = factory.SelfAttribute("cyclus.werkgroep")


class DoelstellingFactory(factory.django.DjangoModelFactory):
    """A complete SMART goal (every letter filled in, a norm and a date)."""

    class Meta:
        model = Doelstelling

    plan = factory.SubFactory(PlanFactory)
    thema = "sociale-veiligheid"
    titel = factory.Sequence(lambda n: f"Doelstelling {n}")
    specifiek = "Minder inbraken in bedrijfspanden aan de Schipperstraat."
    meetbaar = "Het aandeel ondernemers dat inbraak als probleem ziet daalt van 40 % naar 25 %."
    norm = Doelstelling.Norm.PERCENTAGE
    nulmeting = 40.0
    streefwaarde = 25.0
    acceptabel = "Gemeente, politie en ondernemersvereniging dragen het samen."
    realistisch = "Haalbaar met de camera's uit het ondernemersfonds."
    tijdgebonden = dt.date(2027, 12, 31)
    volgorde = factory.Sequence(lambda n: n)


class MaatregelFactory(factory.django.DjangoModelFactory):
    """A measure with every field of ``pva.maatregel-velden`` except the responsible party (pass
    ``verantwoordelijke=`` to make it complete)."""

    class Meta:
        model = Maatregel

    plan = factory.SubFactory(PlanFactory)
    titel = factory.Sequence(lambda n: f"Maatregel {n}")
    soort = Maatregel.Soort.REGULIER
    verantwoordelijke = None
    kwartalen = factory.LazyFunction(lambda: ["2025-Q3"])
    benodigde_tijd = "twee dagdelen"
    deskundigheid = Maatregel.Deskundigheid.INTERN
    voortgangsmeting = "Besproken in elke werkgroepbijeenkomst."
    status = Maatregel.Status.GEPLAND
    volgorde = factory.Sequence(lambda n: n)


class VoortgangFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Voortgang

    maatregel = factory.SubFactory(MaatregelFactory)
    datum = dt.date(2025, 8, 1)
    tekst = "Offertes opgevraagd; uitvoering gepland."


class EvaluatieFactory(factory.django.DjangoModelFactory):
    """A complete yearly evaluation: all eight questions of §4.4.1 answered, with improvement points.
    The third-year questions (§4.4.2) are left empty; pass them for year 3."""

    class Meta:
        model = Evaluatie

    cyclus = factory.SubFactory(CyclusFactory)
    werkgroep = factory.SelfAttribute("cyclus.werkgroep")
    jaar = 1
    datum = factory.LazyAttribute(lambda o: plus_jaren(o.cyclus.start, o.jaar - 1) + dt.timedelta(days=300))
    soort = factory.LazyAttribute(lambda o: Evaluatie.Soort.DERDE_JAAR if o.jaar == 3 else Evaluatie.Soort.JAARLIJKS)
    maatregelen_uitgevoerd = "Grotendeels; de camera's zijn later geplaatst."
    omstandigheden = "Een leverancier ging failliet."
    reden_maatregelen = "De aanbesteding liep vertraging op."
    wijzigingen_plan = "De cameramaatregel schuift een kwartaal op."
    samenwerking = "Goed; de bijeenkomsten zijn goed bezocht."
    taken_uitgevoerd = "Ja, op de brandweer na."
    acties_uitgevoerd = "Op één na."
    reden_wijzigingen = "De brandweer wisselde van contactpersoon."
    verbeterpunten = factory.LazyFunction(lambda: ["Actielijst in elke bijeenkomst doorlopen."])
