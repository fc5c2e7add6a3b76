"""The anonymity guarantee on the stored rows, not only on the pages (§4.1.1, enquete.anoniem)."""

import datetime as dt

from django.apps import apps
from django.db import connection

from analyse.models import EnqueteConcept, EnqueteUitnodiging, Reactie
from analyse.services.reacties import reactie_dien_in
from tests.analyse.factories import EnqueteFactory, EnqueteUitnodigingFactory, VraagFactory
from tests.factories import BedrijventerreinFactory, OndernemerFactory


def test_een_reactie_bewaart_alleen_terrein_en_antwoorden(db):
    # ``zichtbaar`` is the publication batch (shared by at least 5 responses), not a time.
    velden = {f.name for f in Reactie._meta.concrete_fields}
    assert velden == {"id", "enquete", "terrein", "antwoorden", "zichtbaar"}
    kolommen = {c.name for c in connection.introspection.get_table_description(connection.cursor(), "analyse_reactie")}
    assert kolommen == {"id", "enquete_id", "terrein_id", "antwoorden", "zichtbaar"}
    assert set(Reactie.Zichtbaar.values) == {"", "terrein", "totaal"}


def test_geen_model_verwijst_naar_een_reactie_en_een_reactie_niet_naar_een_ondernemer():
    for model in apps.get_models():
        for veld in model._meta.get_fields():
            if veld.is_relation and veld.concrete and veld.related_model is Reactie:
                raise AssertionError(f"{model.__name__}.{veld.name} verwijst naar een reactie")
    doelen = {f.related_model.__name__ for f in Reactie._meta.concrete_fields if f.is_relation}
    assert doelen == {"Enquete", "Bedrijventerrein"}


def test_indienen_laat_geen_spoor_dan_beantwoord(actoren):
    enquete = EnqueteFactory(cyclus=actoren.cyclus, geopend_op=dt.date(2026, 11, 2))
    VraagFactory(enquete=enquete, ref="s")
    terrein = BedrijventerreinFactory(werkgroep=actoren.werkgroep)
    uitnodigingen = [
        EnqueteUitnodigingFactory(enquete=enquete, ondernemer=OndernemerFactory(terrein=terrein, email=f"{i}@x.nl"))
        for i in range(50)
    ]
    EnqueteConcept.objects.create(uitnodiging=uitnodigingen[0], antwoorden={"s": 2})
    voor = {
        u.pk: {f.attname: getattr(u, f.attname) for f in EnqueteUitnodiging._meta.concrete_fields}
        for u in uitnodigingen
    }
    for i, u in enumerate(uitnodigingen):
        reactie_dien_in(uitnodiging=u, antwoorden={"s": 1 + i % 5})
    assert not EnqueteConcept.objects.exists()
    for u in EnqueteUitnodiging.objects.filter(pk__in=voor):
        na = {f.attname: getattr(u, f.attname) for f in EnqueteUitnodiging._meta.concrete_fields}
        verschil = {k for k in na if na[k] != voor[u.pk][k]}
        # 50 responses of one park: ten batches of 5, each showing "ingevuld" for its park.
        assert verschil == {"beantwoord", "ingevuld_zichtbaar"}
    # Random identifiers: the order of the ids says nothing about the order of submission.
    ids = [str(r) for r in Reactie.objects.order_by("id").values_list("antwoorden", flat=True)]
    volgorde = [r["s"] for r in Reactie.objects.order_by("id").values_list("antwoorden", flat=True)]
    assert len(ids) == 50 and volgorde != [1 + i % 5 for i in range(50)]
    pks = list(Reactie.objects.values_list("pk", flat=True))
    assert all(pk.version == 4 for pk in pks)
