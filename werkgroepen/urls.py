from django.urls import path

from werkgroepen import views

app_name = "werkgroepen"
urlpatterns = [
    path("", views.WerkgroepHomeView.as_view(), name="home"),
]
