"""The analysis overview and its conclusion under ``/w/<werkgroep>/analyse/``."""

from django.urls import path

from analyse.views import conclusie as views

urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("conclusie/", views.conclusie, name="conclusie"),
]
