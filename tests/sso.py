"""A real identity provider in a second process, for the single sign-on tests (``kvo.sso``).

``idp`` starts ``tests/sso_idp`` (django-oauth-toolkit with OpenID Connect, and a SAML IdP that signs
with xmlsec) on a free port of 127.0.0.1 with a fresh RSA key and certificate, and stops it after the
module. ``browser_bij_idp`` is the user's browser at the IdP: a ``requests`` session with its own cookies.
"""

import datetime as dt
import os
import select
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = [pytest.mark.sso]

OIDC_SLUG = "gemeente"
REDIRECT_URI = f"http://testserver/accounts/oidc/{OIDC_SLUG}/login/callback/"


@dataclass
class Idp:
    url: str
    certificaat: str


def _sleutel_en_certificaat(map_: Path) -> str:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    sleutel = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    naam = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "test-idp")])
    nu = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(naam)
        .issuer_name(naam)
        .public_key(sleutel.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(nu - dt.timedelta(days=1))
        .not_valid_after(nu + dt.timedelta(days=30))
        .sign(sleutel, hashes.SHA256())
    )
    (map_ / "idp.key").write_bytes(
        sleutel.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    pem = cert.public_bytes(serialization.Encoding.PEM).decode()
    (map_ / "idp.crt").write_text(pem)
    return pem


@pytest.fixture(scope="module")
def idp(tmp_path_factory):
    map_ = tmp_path_factory.mktemp("idp")
    pem = _sleutel_en_certificaat(map_)
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    proces = subprocess.Popen(
        [sys.executable, "-m", "tests.sso_idp.server", str(map_), REDIRECT_URI],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        klaar, _, _ = select.select([proces.stdout], [], [], 120)  # migrating its database takes a few seconds
        regel = proces.stdout.readline() if klaar else ""  # "poort N" once it listens; empty if it died
        assert regel.startswith("poort "), f"de test-IdP startte niet (exit {proces.poll()})"
        yield Idp(url=f"http://127.0.0.1:{int(regel.split()[1])}", certificaat=pem)
    finally:
        proces.terminate()
        try:
            proces.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proces.kill()
            proces.wait()


@pytest.fixture
def browser_bij_idp():
    import requests

    with requests.Session() as sessie:
        yield sessie
