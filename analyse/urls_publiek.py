app_name = "enquete"
urlpatterns: list = []
