from django.urls import path

from gebieden import views, views_pvo
from gebieden import views_ondernemers as ond

app_name = "gebieden"

T = "terrein/<id:terrein>/"
urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("terrein/nieuw/", views.terrein_nieuw, name="terrein_nieuw"),
    path(f"{T}wijzigen/", views.terrein_wijzigen, name="terrein_wijzigen"),
    path(f"{T}verwijderen/", views.terrein_verwijderen, name="terrein_verwijderen"),
    # PVO only (404 for a KVO group): the park's postcodes and house numbers (pvo.gebied)
    path(f"{T}postcodes/", views_pvo.postcodes, name="pvo_postcodes"),
    path("cluster/", views.cluster_vormen, name="cluster_vormen"),
    path("regie/", views.regie, name="regie"),
    path("locatie/nieuw/", views.locatie_nieuw, name="locatie_nieuw"),
    path("locatie/<id:locatie>/wijzigen/", views.locatie_wijzigen, name="locatie_wijzigen"),
    path("locatie/<id:locatie>/verwijderen/", views.locatie_verwijderen, name="locatie_verwijderen"),
    path(f"{T}ondernemers/", ond.ondernemers, name="ondernemers"),
    path(f"{T}ondernemers/nieuw/", ond.ondernemer_nieuw, name="ondernemer_nieuw"),
    path(f"{T}ondernemers/<id:ondernemer>/wijzigen/", ond.ondernemer_wijzigen, name="ondernemer_wijzigen"),
    path(f"{T}ondernemers/<id:ondernemer>/verwijderen/", ond.ondernemer_verwijderen, name="ondernemer_verwijderen"),
    path(f"{T}ondernemers/importeren/", ond.ondernemers_importeren, name="ondernemers_importeren"),
    path(
        f"{T}ondernemers/importeren/bevestigen/",
        ond.ondernemers_import_bevestigen,
        name="ondernemers_import_bevestigen",
    ),
    path(f"{T}ondernemers/voorbeeld.csv", ond.ondernemers_voorbeeld, name="ondernemers_voorbeeld"),
]
