"""Site-wide pages outside one work group (facilitators and staff)."""

app_name = "beheer"
urlpatterns: list = [
    # dossier import lands here (issue 4)
]
