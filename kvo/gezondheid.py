"""The health endpoint for the load balancer (django-health-check): the database, the cache, the
media storage, and with ``REDIS_URL`` also Redis and a live Celery worker. 200 when all answer,
500 with the failing part named otherwise. Public and cheap: no work group's data is read."""

from __future__ import annotations

from django.conf import settings
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


class Gezondheid(HealthCheckView):
    def get_checks(self):
        self.checks = _controles()
        return super().get_checks()
