"""The analysis overview and its conclusion under ``/w/<werkgroep>/analyse/``."""

from django.urls import path

from analyse.views import conclusie as views
from analyse.views import gebiedsscan

urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("conclusie/", views.conclusie, name="conclusie"),
    # PVO only (404 for a KVO group): the stakeholders' area scan, top 3 each
    path("gebiedsscan/", gebiedsscan.gebiedsscan, name="pvo_gebiedsscan"),
]
