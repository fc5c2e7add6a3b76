"""The private agenda link under ``/agenda/``: the person's own page and the iCalendar feed."""

from django.urls import path

from kvo import views_agenda

app_name = "agenda"
urlpatterns = [
    path("", views_agenda.mijn_agenda, name="mijn_agenda"),
    path("<str:token>.ics", views_agenda.feed, name="feed"),
]
