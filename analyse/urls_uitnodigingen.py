"""Invitations, sending, reminders, letters and paper entry under ``/w/<werkgroep>/analyse/enquete/``."""

from django.urls import path

from analyse.views import pvo_brief
from analyse.views import uitnodigingen as views

urlpatterns = [
    path("uitnodigingen/", views.uitnodigingen, name="uitnodigingen"),
    # PVO only (404 for a KVO group): the mayor's letter with the link, and the results presented
    path("brief/", pvo_brief.brief, name="pvo_brief"),
    path("uitnodigingen/versturen/", views.versturen, name="enquete_verstuur"),
    path("uitnodigingen/status/", views.verzendstatus, name="verzendstatus"),
    path("uitnodigingen/planning/", views.planning, name="herinneringen_instellen"),
    path("uitnodigingen/herinneren/", views.herinneren, name="herinneren"),
    path("uitnodigingen/aanvullen/", views.aanvullen, name="uitnodigingen_vul_aan"),
    path("uitnodigingen/brieven/<id:terrein>/", views.brieven, name="brieven"),
    path("uitnodigingen/<id:pk>/opnieuw/", views.opnieuw, name="uitnodiging_verstuur_opnieuw"),
    path("uitnodigingen/<id:pk>/onbestelbaar/", views.onbestelbaar, name="uitnodiging_markeer_onbestelbaar"),
    path("uitnodigingen/<id:pk>/papier/", views.papier, name="papier_invoeren"),
]
