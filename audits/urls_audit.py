"""The audit: application, record, deviations and the certificate (§5–§7)."""

urlpatterns: list = []
