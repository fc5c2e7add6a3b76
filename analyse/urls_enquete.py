"""The survey builder under ``/w/<werkgroep>/analyse/enquete/`` (§4.1.1)."""

from django.urls import path

from analyse.views import enquete as views

urlpatterns = [
    path("", views.enquete, name="enquete"),
    path("opzetten/", views.opzetten, name="enquete_opzetten"),
    path("instellingen/", views.instellingen, name="enquete_instellingen"),
    path("voorbeeld/", views.voorbeeld, name="enquete_voorbeeld"),
    path("blokken/<id:blok>/", views.blok, name="enquete_blok"),
    path("vragen/nieuw/", views.vraag_nieuw, name="enquete_vraag_nieuw"),
    path("vragen/<id:pk>/", views.vraag_wijzig, name="enquete_vraag"),
    path("vragen/<id:pk>/verwijderen/", views.vraag_verwijder, name="enquete_vraag_verwijder"),
    path("vragen/<id:pk>/verplaatsen/", views.vraag_verplaats, name="enquete_vraag_verplaats"),
    path("themas/nieuw/", views.thema_nieuw, name="enquete_thema_nieuw"),
    path("themas/verwijderen/", views.thema_verwijder, name="enquete_thema_verwijder"),
]
