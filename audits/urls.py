from django.urls import path

from audits import views

app_name = "audits"
urlpatterns = [
    path("toets/", views.ToetsView.as_view(), name="toets"),
    path("export/", views.ExportView.as_view(), name="export"),
]
