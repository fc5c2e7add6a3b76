from django.apps import AppConfig


class WerkgroepenConfig(AppConfig):
    name = "werkgroepen"
