"""A NUL in the path is a 404 on every route, allauth's single sign-on routes included: PostgreSQL
cannot hold a NUL, so a lookup by such a part would be a database error (a 500)."""

import pytest


@pytest.mark.parametrize(
    "pad",
    [
        "/accounts/saml/%00/acs/finish/",
        "/accounts/saml/%00/login/",
        "/accounts/saml/%00/metadata/",
        "/accounts/oidc/%00/login/",
        "/w/%00/",
        "/certificaat/%00/",
    ],
)
def test_nul_in_het_adres_is_een_404(client, db, pad):
    assert client.get(pad).status_code == 404
