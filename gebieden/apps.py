from django.apps import AppConfig


class GebiedenConfig(AppConfig):
    name = "gebieden"
