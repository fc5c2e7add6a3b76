from tests.audits.conftest import demo  # noqa: F401  (the demo loaded as kvo_demo does; the audit tests use it too)
