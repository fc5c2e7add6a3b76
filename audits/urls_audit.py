"""The audit: application, record, deviations and the certificate (§5–§7)."""

from django.urls import path

from audits import views_audit as views

urlpatterns = [
    path("", views.audit, name="audit"),
    path("verslag/", views.verslag, name="audit_verslag"),
    path("afwijkingen/nieuw/", views.afwijking, name="afwijking_nieuw"),
    path("afwijkingen/<id:pk>/", views.afwijking, name="afwijking_wijzig"),
    path("certificaat/", views.certificaat, name="certificaat"),
    path("certificaat/aanleveren/", views.certificaat_lever_aan, name="certificaat_lever_aan"),
    path("certificaat/pdf/", views.certificaat_pdf, name="certificaat_pdf"),
]
