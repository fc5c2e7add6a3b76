"""URLs of the plan of approach under ``/w/<werkgroep>/aanpak/``."""

from django.urls import path

from aanpak.views import acties, doelen, evaluaties, matrix, plan, pvo, schouwpunten

app_name = "aanpak"
urlpatterns = [
    path("", plan.overzicht, name="overzicht"),
    path("maken/", plan.maken, name="plan_maken"),
    path("vaststellen/", plan.vaststellen, name="vaststellen"),
    path("doelen/", doelen.doelen, name="doelen"),
    path("doelen/nieuw/", doelen.doel_form, name="doel_nieuw"),
    path("doelen/<int:pk>/", doelen.doel_form, name="doel_wijzig"),
    path("doelen/<int:pk>/verwijderen/", doelen.doel_verwijder, name="doel_verwijder"),
    path("matrix/", matrix.matrix_pagina, name="matrix"),
    path("matrix/pdf/", matrix.matrix_pdf, name="matrix_pdf"),
    path("maatregelen/nieuw/", matrix.maatregel_form, name="maatregel_nieuw"),
    path("maatregelen/<int:pk>/", matrix.maatregel, name="maatregel"),
    path("maatregelen/<int:pk>/wijzigen/", matrix.maatregel_form, name="maatregel_wijzig"),
    path("maatregelen/<int:pk>/verwijderen/", matrix.maatregel_verwijder, name="maatregel_verwijder"),
    path("maatregelen/<int:pk>/kwartaal/", matrix.kwartaal, name="kwartaal"),
    path("maatregelen/<int:pk>/voortgang/", matrix.voortgang_nieuw, name="voortgang_nieuw"),
    path("schouwpunten/", schouwpunten.schouwpunten, name="schouwpunten"),
    path("schouwpunten/<int:pk>/overnemen/", schouwpunten.overnemen, name="schouwpunt_overnemen"),
    path("mijn-acties/", acties.mijn_acties, name="mijn_acties"),
    path("mijn-acties/weekoverzicht/", acties.weekmail, name="weekmail"),
    path("evaluaties/", evaluaties.evaluaties, name="evaluaties"),
    path("evaluaties/nieuw/", evaluaties.evaluatie_form, name="evaluatie_nieuw"),
    path("evaluaties/<int:pk>/", evaluaties.evaluatie, name="evaluatie"),
    path("evaluaties/<int:pk>/wijzigen/", evaluaties.evaluatie_form, name="evaluatie_wijzig"),
    path("evaluaties/<int:pk>/verbeterpunten/<int:index>/", evaluaties.verbeterpunt, name="verbeterpunt_overnemen"),
    # PVO Veilig Bedrijventerrein only (404 for a KVO group): the plan per stakeholder, the recalibration
    path("per-partij/", pvo.per_partij, name="pvo_uitvoeringsplan"),
    path("herijking/", pvo.herijking, name="pvo_herijking"),
    path("activiteitenkalender/", pvo.kalender, name="pvo_kalender"),
]
