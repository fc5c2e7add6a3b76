"""URLs of the audit under ``/w/<werkgroep>/audit/``; each part has its own module."""

from django.urls import include, path

from audits import views

app_name = "audits"
urlpatterns = [
    path("toets/", views.ToetsView.as_view(), name="toets"),
    path("export/", views.ExportView.as_view(), name="export"),
    path("", include("audits.urls_audit")),  # application, record, deviations, certificate
    path("documentenset/", include("audits.documentenset.urls")),  # the document set PDF and its delivery
]
