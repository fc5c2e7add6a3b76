from django.apps import AppConfig


class KvoConfig(AppConfig):
    name = "kvo"
    verbose_name = "KVO Werkplaats"

    def ready(self) -> None:
        from kvo.lookups import registreer

        registreer()  # integer __in ignores out-of-range values instead of overflowing (SQLite)
        from django.db.models.signals import post_delete

        from kvo.geschiedenis import werkgroep_verwijderd

        post_delete.connect(werkgroep_verwijderd, sender="werkgroepen.Werkgroep", dispatch_uid="geschiedenis")
        # Every app registers the handbook requirements it checks in its own checks.py.
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules("checks")
