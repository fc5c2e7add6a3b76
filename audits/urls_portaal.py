"""The auditor portal under ``/auditor/``, outside the work group's pages (see ``audits.portaal``)."""

from django.urls import path

from audits import portaal

app_name = "portaal"
urlpatterns = [
    path("", portaal.overzicht, name="overzicht"),
    path("<int:audit_id>/", portaal.audit_detail, name="audit"),
    path("<int:audit_id>/documentenset/<int:set_id>.pdf", portaal.documentenset_download, name="documentenset"),
    path("<int:audit_id>/documenten/<int:versie_id>/", portaal.document_download, name="document"),
]
