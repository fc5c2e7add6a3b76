from django.apps import AppConfig


class AnalyseConfig(AppConfig):
    name = "analyse"

    def ready(self) -> None:
        from analyse import bounces  # noqa: F401  (the tracking webhook's receiver)
        from kvo import versie
        from werkgroepen.signals import cyclus_gestart

        # the parts of a work group's data (kvo.versie): a write replaces its part's token only
        versie.deel("cijfers", "analyse.Cijfer", "analyse.Buurt")
        versie.deel("conclusie", "analyse.Conclusie", "analyse.Prioriteit")
        versie.deel("enquete", "analyse.Enquete", "analyse.Vraag")
        versie.deel(
            "uitnodiging", "analyse.EnqueteUitnodiging", "analyse.EnqueteLink", "analyse.Herinnering",
            "analyse.HerinneringRonde",
        )  # fmt: skip
        versie.deel("reacties", "analyse.Reactie", "analyse.LegeInzending", "analyse.Reactieteller")
        # the answers an entrepreneur keeps between visits: no kept result reads them, so the survey's
        # autosave replaces no token (a kept result that reads them fails tests/kvo/test_versie_delen.py)
        versie.deel(None, "analyse.EnqueteConcept")
        versie.deel("schouw", "analyse.Schouw", "analyse.Schouwpunt")
        versie.deel("gebiedsscan", "analyse.Gebiedsscan")  # PVO: the stakeholders' picture of the area

        cyclus_gestart.connect(_andere_regeling, dispatch_uid="analyse.andere_regeling")


def _andere_regeling(sender, *, cyclus, vorige, actor, **kwargs):
    """A group that moves to another scheme (a PVO group to KVO-B, issue 23) starts its new cycle
    from its inventory: the previous cycle's figures are copied, and under KVO-B a draft survey with
    the handbook's minimum blocks is prepared (the PVO survey and its responses stay with their cycle)."""
    from analyse.services.regeling import analyse_neem_over

    if vorige is not None and vorige.handboek != cyclus.handboek:
        analyse_neem_over(actor=actor, vorige=vorige, cyclus=cyclus)
