"""The facilitator's portfolio under ``/begeleiding/`` (outside one work group), "Nieuwe werkgroep",
and the picture across areas."""

from django.urls import path

from kvo import views_beeld, views_portfolio, views_starten

app_name = "begeleiding"
urlpatterns = [
    path("", views_portfolio.portfolio, name="portfolio"),
    path("nieuw/", views_starten.nieuw, name="nieuw"),
    path("start/<id:start>/stap/<id:stap>/", views_starten.stap, name="start_stap"),
    path("start/<id:start>/verwijderen/", views_starten.verwijder, name="start_verwijder"),
    path("beeld/", views_beeld.overzicht, name="beeld"),
    path("beeld/terrein/<id:pk>/", views_beeld.terrein, name="beeld_terrein"),
    path("beeld/gemeente/", views_beeld.gemeente, name="beeld_gemeente"),
    path("beeld/export.<str:formaat>", views_beeld.exporteren, name="beeld_export"),
]
