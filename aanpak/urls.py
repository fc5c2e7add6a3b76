"""URLs of the plan of approach under ``/w/<werkgroep>/aanpak/``."""

from django.urls import path

from aanpak.views import acties, bibliotheek, doelen, evaluaties, matrix, plan, pvo, pvo_aanvulling, schouwpunten

app_name = "aanpak"
urlpatterns = [
    path("", plan.overzicht, name="overzicht"),
    path("maken/", plan.maken, name="plan_maak"),
    path("vaststellen/", plan.vaststellen, name="vaststellen"),
    path("doelen/", doelen.doelen, name="doelen"),
    path("doelen/nieuw/", doelen.doel_form, name="doel_nieuw"),
    path("doelen/<id:pk>/", doelen.doel_form, name="doel_wijzig"),
    path("doelen/<id:pk>/verwijderen/", doelen.doel_verwijder, name="doel_verwijder"),
    path("matrix/", matrix.matrix_pagina, name="matrix"),
    path("matrix/pdf/", matrix.matrix_pdf, name="matrix_pdf"),
    path("maatregelen/nieuw/", matrix.maatregel_form, name="maatregel_nieuw"),
    path("maatregelen/<id:pk>/", matrix.maatregel, name="maatregel"),
    path("maatregelen/<id:pk>/wijzigen/", matrix.maatregel_form, name="maatregel_wijzig"),
    path("maatregelen/<id:pk>/verwijderen/", matrix.maatregel_verwijder, name="maatregel_verwijder"),
    path("maatregelen/<id:pk>/kwartaal/", matrix.kwartaal, name="kwartaal"),
    path("maatregelen/<id:pk>/voortgang/", matrix.voortgang_nieuw, name="voortgang_nieuw"),
    path("schouwpunten/", schouwpunten.schouwpunten, name="schouwpunten"),
    path("schouwpunten/<id:pk>/overnemen/", schouwpunten.overnemen, name="schouwpunt_neem_over"),
    path("bibliotheek/", bibliotheek.bibliotheek, name="bibliotheek"),
    path("bibliotheek/overnemen/", bibliotheek.overnemen, name="bibliotheek_overnemen"),
    path("bibliotheek/delen/", bibliotheek.delen, name="bibliotheek_delen"),
    path("mijn-acties/", acties.mijn_acties, name="mijn_acties"),
    path("mijn-acties/weekoverzicht/", acties.weekmail, name="weekmail"),
    path("evaluaties/", evaluaties.evaluaties, name="evaluaties"),
    path("evaluaties/nieuw/", evaluaties.evaluatie_form, name="evaluatie_nieuw"),
    path("evaluaties/<id:pk>/", evaluaties.evaluatie, name="evaluatie"),
    path("evaluaties/<id:pk>/wijzigen/", evaluaties.evaluatie_form, name="evaluatie_wijzig"),
    path("evaluaties/<id:pk>/verbeterpunten/<id:index>/", evaluaties.verbeterpunt, name="verbeterpunt_neem_over"),
    # PVO Veilig Bedrijventerrein only (404 for a KVO group): the plan per stakeholder, the recalibration
    path("per-partij/", pvo.per_partij, name="pvo_uitvoeringsplan"),
    path("herijking/", pvo.herijking, name="pvo_herijking"),
    path("activiteitenkalender/", pvo.kalender, name="pvo_kalender"),
    path("per-partij/rolverdeling/", pvo_aanvulling.rolverdeling, name="pvo_rolverdeling"),
    path("activiteitenkalender/<id:pk>/", pvo_aanvulling.activiteit, name="pvo_activiteit"),
    path(
        "activiteitenkalender/<id:pk>/verwijderen/",
        pvo_aanvulling.activiteit_verwijder,
        name="pvo_activiteit_verwijderen",
    ),
]
