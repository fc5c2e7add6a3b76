from django.urls import include, path

from tests.sso_idp import views

urlpatterns = [
    path("o/", include("oauth2_provider.urls", namespace="oauth2_provider")),
    path("inloggen/", views.inloggen),
    path("saml/sso/", views.saml_sso),
]
