from django.urls import path

from analyse.views.stub import nog_niet

urlpatterns = [
    path("", nog_niet, name="overzicht"),
    path("conclusie/", nog_niet, name="conclusie"),
]
