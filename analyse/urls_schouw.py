"""Inspections under ``/w/<werkgroep>/analyse/schouwen/`` (§4.1.3)."""

from django.urls import path

from analyse.views import schouw as views
from analyse.views import schouw_offline

urlpatterns = [
    path("", views.schouwen, name="schouwen"),
    path("nieuw/", views.schouw_nieuw, name="schouw_nieuw"),
    path("sw.js", schouw_offline.serviceworker, name="schouw_sw"),  # its scope: every page below schouwen/
    path("manifest.webmanifest", schouw_offline.manifest, name="schouw_manifest"),
    path("rapport/", views.rapport, name="schouwrapport"),
    path("rapport.pdf", views.rapport_pdf, name="schouwrapport_pdf"),
    path("<id:pk>/", views.schouw, name="schouw"),
    path("<id:pk>/wijzigen/", views.schouw_wijzig, name="schouw_wijzig"),
    path("<id:pk>/verwijderen/", views.schouw_verwijder, name="schouw_verwijder"),
    path("<id:pk>/punten/nieuw/", views.punt_nieuw, name="punt_nieuw"),
    path("punten/<id:pk>/", views.punt_wijzig, name="punt_wijzig"),
    path("punten/<id:pk>/verwijderen/", views.punt_verwijder, name="punt_verwijder"),
    path("punten/<id:pk>/foto.jpg", views.punt_foto, name="punt_foto"),
]
