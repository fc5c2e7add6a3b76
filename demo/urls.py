"""The page benchmark's floor (``bench/provincie.py``); ``kvo/urls.py`` includes it only with ``KVO_BENCH=1``."""

from django.urls import path

from demo.meten import vloer

urlpatterns = [path("vloer/", vloer, name="bench_vloer")]
