"""Site-wide pages outside one work group (facilitators and staff)."""

from django.urls import path

from kvo import views_avg, views_beheer, views_levensloop, views_organisaties, views_sso

app_name = "beheer"
urlpatterns = [
    path("import/", views_beheer.dossier_import, name="import"),
    path("organisaties/", views_organisaties.organisaties, name="organisaties"),
    path("organisaties/<id:pk>/", views_organisaties.organisatie, name="organisatie"),
    path(
        "organisaties/<id:pk>/begeleiders/<id:gebruiker>/verwijderen/",
        views_organisaties.begeleider_verwijder,
        name="begeleider_verwijder",
    ),
    path("werkgroepen/<id:pk>/verplaatsen/", views_organisaties.werkgroep_verplaats, name="werkgroep_verplaatsen"),
    path("inloggen/", views_sso.aanbieders, name="sso"),
    path("inloggen/<id:pk>/", views_sso.aanbieder, name="sso_aanbieder"),
    path("inloggen/<id:pk>/verwijderen/", views_sso.aanbieder_verwijder, name="sso_aanbieder_verwijderen"),
    path("werkgroepen/", views_levensloop.werkgroepen_status, name="werkgroepen_status"),
    path("werkgroepen/<id:pk>/verwijderen/", views_levensloop.werkgroep_verwijderen, name="werkgroep_verwijderen"),
    path(
        "werkgroepen/<id:pk>/verwijderen/export.zip",
        views_levensloop.werkgroep_verwijder_export,
        name="werkgroep_verwijder_export",
    ),
    path("privacy/", views_avg.verwerkingsregister, name="privacy_register"),
    path("privacy/verzoeken/", views_avg.verzoeken, name="privacy_verzoeken"),
    path("privacy/verzoeken/export/", views_avg.verzoek_export, name="privacy_export"),
    path("privacy/verzoeken/wissen/", views_avg.verzoek_wissen, name="privacy_wissen"),
]
