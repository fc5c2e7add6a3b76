"""Response headers that Django does not send itself.

``PermissionsPolicy`` (middleware, right after Django's SecurityMiddleware, so the static files that
WhiteNoise serves get it too) sends ``Permissions-Policy`` from ``settings.PERMISSIONS_POLICY``: the
browser features the product's pages may use, each with its allowed origins ("self"), and the
ones no page may use (an empty list: ``microphone=()``). A view that sets the header itself keeps
its own.
"""

from __future__ import annotations

from django.conf import settings


def permissions_policy(beleid: dict[str, list[str]]) -> str:
    """``{"camera": ["self"], "usb": []}`` → ``camera=(self), usb=()``."""
    return ", ".join(f"{functie}=({' '.join(bronnen)})" for functie, bronnen in beleid.items())


class PermissionsPolicy:
    def __init__(self, get_response):
        self.get_response = get_response
        self.waarde = permissions_policy(settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        if self.waarde:
            response.headers.setdefault("Permissions-Policy", self.waarde)
        return response
