app_name = "analyse"
urlpatterns: list = []
