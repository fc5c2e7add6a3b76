from django.apps import AppConfig


class WerkgroepenConfig(AppConfig):
    name = "werkgroepen"

    def ready(self) -> None:
        from kvo import versie

        # the parts of a work group's data (kvo.versie): a write replaces its part's token only
        versie.deel(versie.GROEP, "werkgroepen.Werkgroep", "werkgroepen.Cyclus")
        versie.deel("leden", "werkgroepen.Lid", "werkgroepen.Uitnodiging")
        versie.deel("partijen", "werkgroepen.Partij", "werkgroepen.Afspraken")
        versie.deel("bijeenkomst", "werkgroepen.Bijeenkomst")
        versie.deel("communicatie", "werkgroepen.Communicatie")
        versie.deel("archief", "werkgroepen.Document", "werkgroepen.DocumentVersie")
