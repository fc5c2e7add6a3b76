"""Site-wide pages outside one work group (facilitators and staff)."""

from django.urls import path

from kvo import views_beheer, views_levensloop

app_name = "beheer"
urlpatterns = [
    path("import/", views_beheer.dossier_import, name="import"),
    path("werkgroepen/", views_levensloop.werkgroepen_status, name="werkgroepen_status"),
]
