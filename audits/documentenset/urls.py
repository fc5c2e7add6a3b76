"""URLs of the document set under ``/w/<werkgroep>/audit/documentenset/``."""

urlpatterns: list = []
