"""URLs of the audit under ``/w/<werkgroep>/audit/``; each part has its own module.

A PVO group has no audit, document set or certificate: those pages answer 404 for it
(``kvo.regeling_paginas``); the readiness check and the dossier export are the same for both schemes.
"""

from django.urls import include, path

from audits import views
from kvo.regeling_paginas import patronen_alleen_kvo

app_name = "audits"
urlpatterns = [
    path("toets/", views.ToetsView.as_view(), name="toets"),
    path("export/", views.ExportView.as_view(), name="export"),
    *patronen_alleen_kvo(
        [
            path("", include("audits.urls_audit")),  # application, record, deviations, certificate
            path("documentenset/", include("audits.documentenset.urls")),  # the document set PDF and its delivery
        ]
    ),
]
