"""The auditor portal under ``/auditor/``, outside the work group's pages (see ``audits.portaal``)."""

from django.urls import path

from audits import portaal, portaal_certificaat

app_name = "portaal"
urlpatterns = [
    path("", portaal.overzicht, name="overzicht"),
    path("<int:audit_id>/", portaal.audit_detail, name="audit"),
    path("<int:audit_id>/documentenset/<int:set_id>.pdf", portaal.documentenset_download, name="documentenset"),
    path("<int:audit_id>/documenten/<int:versie_id>/", portaal.document_download, name="document"),
    path("<int:audit_id>/certificaat/", portaal_certificaat.certificaat, name="certificaat"),
    path("<int:audit_id>/certificaat/besluit/", portaal_certificaat.besluit, name="certificaat_besluit"),
    path("<int:audit_id>/certificaat/uitgeven/", portaal_certificaat.uitgeven, name="certificaat_uitgeven"),
    path("<int:audit_id>/certificaat/status/", portaal_certificaat.status, name="certificaat_status"),
    path("<int:audit_id>/certificaat.pdf", portaal_certificaat.pdf, name="certificaat_pdf"),
]
