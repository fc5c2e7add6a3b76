from django.apps import AppConfig


class KvoConfig(AppConfig):
    name = "kvo"
    verbose_name = "KVO Werkplaats"

    def ready(self) -> None:
        from kvo.converters import registreer

        registreer()  # <id:...> in every URL: a number too long for a column is a 404, not a 500
        from django.db.backends.signals import connection_created
        from django.db.models.signals import post_delete, post_migrate, pre_migrate

        from kvo import versie

        # every write to a work group's data changes its data version (kvo.versie)
        connection_created.connect(versie.installeer, dispatch_uid="kvo_versie")
        pre_migrate.connect(versie.migratie_begint, dispatch_uid="kvo_versie")
        post_migrate.connect(versie.migratie_klaar, dispatch_uid="kvo_versie")
        post_delete.connect(versie.werkgroep_verwijderd, sender="werkgroepen.Werkgroep", dispatch_uid="kvo_versie")
        from django.db import connections

        for verbinding in connections.all(initialized_only=True):
            versie.installeer(None, verbinding)

        from kvo.geschiedenis import werkgroep_verwijderd

        post_delete.connect(werkgroep_verwijderd, sender="werkgroepen.Werkgroep", dispatch_uid="geschiedenis")
        from allauth.mfa.signals import authenticator_added

        from kvo.tenancy import sessie_tweestaps_bij_activeren

        # setting up TOTP in a session counts as that session's second factor (kvo.tenancy.tweestaps_nodig)
        authenticator_added.connect(sessie_tweestaps_bij_activeren, dispatch_uid="kvo_tweestaps")
        # Every app registers the handbook requirements it checks in its own checks.py, and the PVO
        # scheme's (pvo.md) in checks_pvo.py (aanpak also in checks_pvo_inventarisatie.py).
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules("checks", "checks_pvo", "checks_pvo_inventarisatie")
        # Services queue tasks by their registered name (kvo.na_commit), so no service imports a task
        # module: every process (web included, not only the worker) registers every app's tasks here.
        autodiscover_modules("tasks")
