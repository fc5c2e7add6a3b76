from django.apps import AppConfig


class AnalyseConfig(AppConfig):
    name = "analyse"

    def ready(self) -> None:
        from analyse import bounces  # noqa: F401  (the tracking webhook's receiver)
