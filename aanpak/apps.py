from django.apps import AppConfig


class AanpakConfig(AppConfig):
    name = "aanpak"
