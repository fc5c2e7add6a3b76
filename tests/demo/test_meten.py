"""The benchmark's instruments (``demo/meten.py``) as the server under test serves them with ``KVO_BENCH=1``:
``kvo/settings.py`` puts ``demo.meten.Meten`` first and ``kvo/urls.py`` includes ``demo.urls`` under
``/_bench/`` (without the flag both are absent: ``tests/kvo/test_queries_schaal.py``)."""

from django.urls import include, path

urlpatterns = [path("_bench/", include("demo.urls"))]  # what kvo/urls.py adds with the flag


def test_vloer_met_server_timing(client, settings, db):
    settings.ROOT_URLCONF = __name__
    settings.MIDDLEWARE = ["demo.meten.Meten", *settings.MIDDLEWARE]
    response = client.get("/_bench/vloer/")
    assert response.status_code == 200
    assert response.templates[0].name == "demo/vloer.html"
    assert 'db;desc="' in response["Server-Timing"] and "kvo;desc=" in response["Server-Timing"]
    assert "gc;dur=" in response["Server-Timing"]
