"""Response and results of the survey under ``/w/<werkgroep>/analyse/enquete/``."""

from django.urls import path

from analyse.views import resultaten as views

urlpatterns = [
    path("respons/", views.respons, name="respons"),
    path("resultaten/", views.resultaten, name="resultaten"),
    path("resultaten/resultaten.pdf", views.resultaten_pdf, name="resultaten_pdf"),
    path("resultaten/export.<str:formaat>", views.resultaten_export, name="resultaten_export"),
]
