"""URLs of the audit under ``/w/<werkgroep>/audit/``; each part has its own module.

A PVO group has no audit, document set or certificate: those pages answer 404 for it
(``kvo.regeling_paginas``); the readiness check and the dossier export are the same for both schemes.
"""

from django.urls import include, path

from audits import views, views_waardering, views_waardering_ondertekenaar
from kvo.regeling_paginas import patronen_alleen_kvo

app_name = "audits"
urlpatterns = [
    path("toets/", views.ToetsView.as_view(), name="toets"),
    path("export/", views.ExportView.as_view(), name="export"),
    # PVO only (404 for a KVO group): the waardering and its appreciation PDF
    path("waardering/", views_waardering.waardering, name="pvo_waardering"),
    path("waardering/waardering.pdf", views_waardering.waardering_pdf_view, name="pvo_waardering_pdf"),
    path(
        "waardering/ondertekenaar/<id:pk>/verwijderen/",
        views_waardering_ondertekenaar.ondertekenaar_verwijder,
        name="pvo_ondertekenaar_verwijderen",
    ),
    *patronen_alleen_kvo(
        [
            path("", include("audits.urls_audit")),  # application, record, deviations, certificate
            path("documentenset/", include("audits.documentenset.urls")),  # the document set PDF and its delivery
        ]
    ),
]
