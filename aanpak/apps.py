from django.apps import AppConfig


class AanpakConfig(AppConfig):
    name = "aanpak"

    def ready(self):
        from kvo import versie
        from werkgroepen.signals import cyclus_gestart

        # the parts of a work group's data (kvo.versie): a write replaces its part's token only
        versie.deel("plan", "aanpak.Plan", "aanpak.Doelstelling", "aanpak.Maatregel")
        versie.deel("voortgang", "aanpak.Voortgang")
        versie.deel("evaluatie", "aanpak.Evaluatie")
        versie.deel("kalender", "aanpak.Activiteit")  # PVO: the activity calendar
        versie.deel("weekmail", "aanpak.Weekmail", "aanpak.WeekmailAfmelding")

        cyclus_gestart.connect(_plan_doorzetten, dispatch_uid="aanpak.plan_zet_door")


def _plan_doorzetten(sender, *, cyclus, vorige, actor, **kwargs):
    """A subsequent cycle starts from the previous plan, for renewal (§4.5)."""
    from aanpak.services.plan import plan_zet_door

    if vorige is not None:
        plan_zet_door(actor=actor, vorige_cyclus=vorige, cyclus=cyclus)
