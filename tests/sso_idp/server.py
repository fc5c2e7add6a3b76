"""Start the test IdP: ``python -m tests.sso_idp.server MAP REDIRECT_URI``. It migrates its own SQLite
database in MAP, registers KVO Werkplaats as an OIDC client, listens on a free port of 127.0.0.1 and
prints ``poort N`` when it is ready."""

import os
import sys
from wsgiref.simple_server import WSGIRequestHandler, make_server


class StilHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


def main() -> None:
    map_, redirect_uri = sys.argv[1], sys.argv[2]
    os.environ["KVO_IDP_MAP"] = map_
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.sso_idp.settings"
    import django

    django.setup()
    from django.core.management import call_command
    from django.core.wsgi import get_wsgi_application
    from oauth2_provider.models import Application

    call_command("migrate", verbosity=0)
    Application.objects.update_or_create(
        client_id="kvo-werkplaats",
        defaults={
            "name": "KVO Werkplaats",
            "client_secret": "geheim-van-de-test",
            "client_type": Application.CLIENT_CONFIDENTIAL,
            "authorization_grant_type": Application.GRANT_AUTHORIZATION_CODE,
            "redirect_uris": redirect_uri,
            "algorithm": Application.RS256_ALGORITHM,
            "skip_authorization": True,
        },
    )
    server = make_server("127.0.0.1", 0, get_wsgi_application(), handler_class=StilHandler)
    print(f"poort {server.server_port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
