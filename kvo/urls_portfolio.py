"""The facilitator's portfolio under ``/begeleiding/`` (outside one work group), and "Nieuwe werkgroep"."""

from django.urls import path

from kvo import views_portfolio, views_starten

app_name = "begeleiding"
urlpatterns = [
    path("", views_portfolio.portfolio, name="portfolio"),
    path("nieuw/", views_starten.nieuw, name="nieuw"),
    path("start/<int:start>/stap/<int:stap>/", views_starten.stap, name="start_stap"),
    path("start/<int:start>/verwijderen/", views_starten.verwijder, name="start_verwijder"),
]
