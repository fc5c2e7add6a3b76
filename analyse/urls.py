"""URLs of the safety analysis under ``/w/<werkgroep>/analyse/``; each subdomain has its own module."""

from django.urls import include, path

app_name = "analyse"
urlpatterns = [
    path("", include("analyse.urls_conclusie")),  # the analysis overview and the conclusion
    path("enquete/", include("analyse.urls_enquete")),  # the builder
    path("enquete/", include("analyse.urls_uitnodigingen")),  # invitations, reminders, letters, paper entry
    path("enquete/", include("analyse.urls_resultaten")),  # response and results
    path("cijfers/", include("analyse.urls_cijfers")),
    path("schouwen/", include("analyse.urls_schouw")),
]
