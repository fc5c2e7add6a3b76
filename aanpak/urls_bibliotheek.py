"""The measures library over a facilitator's work groups, under ``/begeleiding/maatregelen/``."""

from django.urls import path

from aanpak.views import bibliotheek

app_name = "bibliotheek"
urlpatterns = [path("", bibliotheek.begeleiding, name="begeleiding")]
