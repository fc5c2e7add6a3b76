"""The facilitator's portfolio under ``/begeleiding/`` (outside one work group), and "Nieuwe werkgroep"."""

from django.urls import path

from kvo import views_portfolio, views_starten

app_name = "begeleiding"
urlpatterns = [
    path("", views_portfolio.portfolio, name="portfolio"),
    path("nieuw/", views_starten.nieuw, name="nieuw"),
    path("start/<id:start>/stap/<id:stap>/", views_starten.stap, name="start_stap"),
    path("start/<id:start>/verwijderen/", views_starten.verwijder, name="start_verwijder"),
]
