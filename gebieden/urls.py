app_name = "gebieden"
urlpatterns: list = []
