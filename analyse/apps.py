from django.apps import AppConfig


class AnalyseConfig(AppConfig):
    name = "analyse"

    def ready(self) -> None:
        from analyse import bounces  # noqa: F401  (the tracking webhook's receiver)
        from kvo import versie

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
