"""URLs of the document set under ``/w/<werkgroep>/audit/documentenset/``."""

from django.urls import path

from audits.documentenset import views

urlpatterns = [
    path("", views.documentenset, name="documentenset"),
    path("maken/", views.documentenset_maken, name="documentenset_maken"),
    path("status/", views.documentenset_status, name="documentenset_status"),
    path("<id:pk>/documentenset.pdf", views.documentenset_pdf, name="documentenset_pdf"),
    path("<id:pk>/aanleveren/", views.documentenset_lever_aan, name="documentenset_lever_aan"),
    path("deel/<slug:sleutel>.pdf", views.documentenset_deel, name="documentenset_deel"),
]
