from django.apps import AppConfig


class KvoConfig(AppConfig):
    name = "kvo"
    verbose_name = "KVO Werkplaats"

    def ready(self) -> None:
        from kvo.lookups import registreer

        registreer()  # integer __in ignores out-of-range values instead of overflowing (SQLite)
        # Every app registers the handbook requirements it checks in its own checks.py.
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules("checks")
