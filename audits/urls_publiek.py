"""The public verification page of a certificate under ``/certificaat/`` (see ``audits.views_publiek``)."""

from django.urls import path

from audits import views_publiek

urlpatterns = [
    path("<str:publiek_id>/", views_publiek.verificatie, name="certificaat_verificatie"),
]
