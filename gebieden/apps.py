from django.apps import AppConfig


class GebiedenConfig(AppConfig):
    name = "gebieden"

    def ready(self) -> None:
        from kvo import versie

        # the parts of a work group's data (kvo.versie): a write replaces its part's token only
        versie.deel("gebied", "gebieden.Bedrijventerrein", "gebieden.Ondernemer", "gebieden.AangrenzendeLocatie")
