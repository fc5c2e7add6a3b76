"""The auditor portal under ``/auditor/``, outside the work group's pages (see ``audits.portaal``)."""

from django.urls import path

from audits import portaal, portaal_certificaat

app_name = "portaal"
urlpatterns = [
    path("", portaal.overzicht, name="overzicht"),
    path("<id:audit_id>/", portaal.audit_detail, name="audit"),
    path("<id:audit_id>/documentenset/<id:set_id>.pdf", portaal.documentenset_download, name="documentenset"),
    path("<id:audit_id>/documenten/<id:versie_id>/", portaal.document_download, name="document"),
    path("<id:audit_id>/certificaat/", portaal_certificaat.certificaat, name="certificaat"),
    path("<id:audit_id>/certificaat/besluit/", portaal_certificaat.besluit, name="certificaat_besluit"),
    path("<id:audit_id>/certificaat/uitgeven/", portaal_certificaat.uitgeven, name="certificaat_geef_uit"),
    path("<id:audit_id>/certificaat/status/", portaal_certificaat.status, name="certificaat_wijzig_status"),
    path("<id:audit_id>/certificaat.pdf", portaal_certificaat.pdf, name="certificaat_pdf"),
]
