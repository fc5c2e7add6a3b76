from django.apps import AppConfig


class AuditsConfig(AppConfig):
    name = "audits"

    def ready(self) -> None:
        from kvo import versie

        # the parts of a work group's data (kvo.versie): a write replaces its part's token only
        versie.deel(
            "audit", "audits.Audit", "audits.Afwijking", "audits.Documentenset", "audits.AuditorToegang",
        )  # fmt: skip
        versie.deel("certificaat", "audits.Certificaat")  # the KVO mark on every page reads only this
        versie.deel("waardering", "audits.Waardering", "audits.Ondertekenaar")  # PVO's end of the first year
        from audits.templatetags import keurmerk  # noqa: F401  (declares what the mark reads: pages name it)
