"""The health endpoint for the load balancer (django-health-check): the database, the cache, the
media storage, and with ``REDIS_URL`` also Redis and a live Celery worker. 200 when all answer,
500 otherwise. No work group's data is read.

Which part failed, and how, is shown only to staff and to whoever presents the token of
``KVO_GEZONDHEID_TOKEN`` as ``Authorization: Bearer <token>`` (the load balancer or monitoring).
Everyone else gets the bare status: 200 ``ok`` or 500 ``fout``, as plain text, naming nothing."""

from __future__ import annotations

import asyncio
import hmac

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers
from health_check.views import HealthCheckView


def _controles() -> list:
    controles: list = ["health_check.checks.Database", "health_check.checks.Cache", "health_check.checks.Storage"]
    if settings.REDIS_URL:
        from redis.asyncio import Redis as RedisClient

        controles += [
            ("health_check.contrib.redis.Redis", {"client_factory": lambda: RedisClient.from_url(settings.REDIS_URL)}),
            "health_check.contrib.celery.Ping",
        ]
    return controles


def _token_klopt(request) -> bool:
    token = getattr(settings, "KVO_GEZONDHEID_TOKEN", "")
    soort, _, gegeven = request.headers.get("Authorization", "").partition(" ")
    return bool(token) and soort.lower() == "bearer" and hmac.compare_digest(gegeven.strip().encode(), token.encode())


async def mag_details_zien(request) -> bool:
    """Staff, or the bearer of the health token."""
    if _token_klopt(request):
        return True
    user = await request.auser()
    return bool(user.is_authenticated and user.is_staff)


class Gezondheid(HealthCheckView):
    def get_checks(self):
        self.checks = _controles()
        return super().get_checks()

    async def get(self, request, *args, **kwargs):
        if await mag_details_zien(request):
            antwoord = await super().get(request, *args, **kwargs)
        else:
            with self.get_executor() as executor:
                resultaten = await asyncio.gather(*(c.get_result(executor) for c in self.get_checks()))
            gezond = not any(r.error for r in resultaten)
            antwoord = HttpResponse(
                "ok\n" if gezond else "fout\n", status=200 if gezond else 500, content_type="text/plain; charset=utf-8"
            )
        patch_vary_headers(antwoord, ["Authorization", "Cookie"])
        return antwoord
