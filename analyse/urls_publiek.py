"""The entrepreneur's survey under ``/e/`` (no account): see ``analyse.views.publiek``."""

from django.urls import path

from analyse.views import publiek as views

app_name = "enquete"
urlpatterns = [
    path("", views.pagina, name="pagina"),
    path("stap/<id:nummer>/", views.stap, name="stap"),
    path("versturen/", views.versturen, name="versturen"),
    path("insturen/", views.insturen, name="insturen"),
    path("klaar/", views.klaar, name="klaar"),
    path("<str:token>/", views.start, name="start"),
]
