from django.apps import AppConfig


class AanpakConfig(AppConfig):
    name = "aanpak"

    def ready(self):
        from werkgroepen.signals import cyclus_gestart

        cyclus_gestart.connect(_plan_doorzetten, dispatch_uid="aanpak.plan_doorzetten")


def _plan_doorzetten(sender, *, cyclus, vorige, actor, **kwargs):
    """A subsequent cycle starts from the previous plan, for renewal (§4.5)."""
    from aanpak.services.plan import plan_doorzetten

    if vorige is not None:
        plan_doorzetten(actor=actor, vorige_cyclus=vorige, cyclus=cyclus)
