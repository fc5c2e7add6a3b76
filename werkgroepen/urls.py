from django.urls import path

from werkgroepen.views import (
    afspraken,
    bijeenkomsten,
    documenten,
    geschiedenis,
    home,
    leden,
    levensloop,
    logboek,
    pvo,
    pvo_aanvulling,
)

app_name = "werkgroepen"
urlpatterns = [
    path("", home.home, name="home"),
    path("cyclus/starten/", home.cyclus_start, name="cyclus_start"),
    path("wissel/", home.wisselaar, name="wisselaar"),
    path("logboek/", logboek.logboek, name="logboek"),
    path("geschiedenis/<slug:soort>/<id:pk>/", geschiedenis.geschiedenis_record, name="geschiedenis"),
    # Parties and members (§3.2, §3.3)
    path("leden/", leden.leden, name="leden"),
    path("leden/nieuw/", leden.lid_nieuw, name="lid_nieuw"),
    path("leden/<id:pk>/", leden.lid_wijzig, name="lid_wijzig"),
    path("leden/<id:pk>/beeindigen/", leden.lid_beeindig, name="lid_beeindig"),
    path("leden/<id:pk>/uitnodigen/", leden.lid_uitnodigen, name="lid_uitnodigen"),
    path("rollen/", levensloop.rollen, name="rollen"),
    path("status/", levensloop.status, name="status"),
    path("partijen/nieuw/", leden.partij_nieuw, name="partij_nieuw"),
    path("partijen/<id:pk>/", leden.partij_wijzig, name="partij_wijzig"),
    # Agreements (§3.3–3.6)
    path("afspraken/", afspraken.afspraken, name="afspraken"),
    path("afspraken/wijzigen/", afspraken.afspraken_wijzig, name="afspraken_wijzig"),
    path("afspraken/beveiliging/", afspraken.beveiliging, name="beveiliging"),
    # Meetings (§3.6, §4.3.1) and communication (§3.7)
    path("bijeenkomsten/", bijeenkomsten.bijeenkomsten, name="bijeenkomsten"),
    path("bijeenkomsten/nieuw/", bijeenkomsten.bijeenkomst_nieuw, name="bijeenkomst_nieuw"),
    path("bijeenkomsten/<id:pk>/", bijeenkomsten.bijeenkomst, name="bijeenkomst"),
    path("bijeenkomsten/<id:pk>/wijzigen/", bijeenkomsten.bijeenkomst_wijzig, name="bijeenkomst_wijzig"),
    path("bijeenkomsten/<id:pk>/uitnodigen/", bijeenkomsten.bijeenkomst_nodig_uit, name="bijeenkomst_nodig_uit"),
    path("communicatie/", bijeenkomsten.communicatie, name="communicatie"),
    path("communicatie/nieuw/", bijeenkomsten.communicatie_nieuw, name="communicatie_nieuw"),
    path("communicatie/<id:pk>/", bijeenkomsten.communicatie_wijzig, name="communicatie_wijzig"),
    # Document archive (§3.6)
    path("documenten/", documenten.documenten, name="documenten"),
    path("documenten/nieuw/", documenten.document_nieuw, name="document_nieuw"),
    path("documenten/<id:pk>/nieuwe-versie/", documenten.document_versie_nieuw, name="document_versie_nieuw"),
    path("documenten/<id:pk>/bewaren/", documenten.document_bewaren, name="document_bewaren"),
    path("documenten/<id:pk>/v<id:versie>/", documenten.document_download, name="document_download"),
    # PVO Veilig Bedrijventerrein only (404 for a KVO group): kick-off, participants, committed capacity
    path("samenwerking/", pvo.samenwerking, name="pvo_samenwerking"),
    path("regeling/kvo/", pvo.naar_kvo, name="pvo_naar_kvo"),
    path("samenwerking/bijeenkomst/<id:pk>/organisator/", pvo_aanvulling.organisator, name="pvo_organisator"),
]
