"""Incident figures (§4.1.2) under ``/w/<werkgroep>/analyse/cijfers/``."""

from django.urls import path

from analyse.views import cijfers as v
from analyse.views import opendata as od

urlpatterns = [
    path("", v.cijfers, name="cijfers"),
    path("nieuw/", v.cijfer_nieuw, name="cijfer_nieuw"),
    path("<id:pk>/wijzigen/", v.cijfer_wijzigen, name="cijfer_wijzigen"),
    path("<id:pk>/verwijderen/", v.cijfer_verwijderen, name="cijfer_verwijderen"),
    path("importeren/", v.cijfers_importeren, name="cijfers_importeren"),
    path("importeren/bevestigen/", v.cijfers_import_bevestigen, name="cijfers_import_bevestigen"),
    path("voorbeeld.csv", v.cijfers_voorbeeld, name="cijfers_voorbeeld"),
    path("voorbeeld.xlsx", v.cijfers_voorbeeld_xlsx, name="cijfers_voorbeeld_xlsx"),
]

urlpatterns += [
    path("buurten/", od.buurten, name="cijfers_buurten"),
    path("cbs/", od.cbs_importeren, name="cijfers_cbs"),
    path("cbs/bevestigen/", od.cbs_import_bevestigen, name="cijfers_cbs_bevestigen"),
    path("mor/", od.mor_importeren, name="cijfers_mor"),
    path("mor/bevestigen/", od.mor_import_bevestigen, name="cijfers_mor_bevestigen"),
    path("mor/voorbeeld.csv", od.mor_voorbeeld, name="cijfers_mor_voorbeeld"),
]
