app_name = "aanpak"
urlpatterns: list = []
