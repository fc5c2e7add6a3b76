from django.apps import AppConfig


class AnalyseConfig(AppConfig):
    name = "analyse"

    def ready(self) -> None:
        from analyse import bounces  # noqa: F401  (the tracking webhook's receiver)
        from werkgroepen.signals import cyclus_gestart

        cyclus_gestart.connect(_andere_regeling, dispatch_uid="analyse.andere_regeling")


def _andere_regeling(sender, *, cyclus, vorige, actor, **kwargs):
    """A group that moves to another scheme (a PVO group to KVO-B, issue 23) starts its new cycle
    from its inventory: the previous cycle's figures are copied, and under KVO-B a draft survey with
    the handbook's minimum blocks is prepared (the PVO survey and its responses stay with their cycle)."""
    from analyse.services.regeling import analyse_overnemen

    if vorige is not None and vorige.handboek != cyclus.handboek:
        analyse_overnemen(actor=actor, vorige=vorige, cyclus=cyclus)
