from django.urls import path

from werkgroepen import views_uitnodiging as views

app_name = "uitnodiging"
urlpatterns = [
    path("<str:token>/", views.uitnodiging, name="accepteer"),
]
