"""The facilitator's portfolio under ``/begeleiding/`` (outside one work group)."""

from django.urls import path

from kvo import views_portfolio

app_name = "begeleiding"
urlpatterns = [
    path("", views_portfolio.portfolio, name="portfolio"),
]
