"""Downloads are never kept by a browser or a proxy: one middleware rule instead of a header per view.

Every response that hands out a file — a ``Content-Disposition`` (attachment or inline: archive
documents, the dossier export, CSV/XLSX exports, the document set, reports, letters, the
certificate), a streamed file, or a document content type (PDF, CSV, spreadsheet, ZIP, image) —
gets ``Cache-Control: private, no-store``, whatever the view set. Pages keep their own headers.
Static files never get here (WhiteNoise answers them first)."""

from __future__ import annotations

from django.http import FileResponse, StreamingHttpResponse

NIET_BEWAREN = "private, no-store"
DOCUMENTSOORTEN = ("application/pdf", "text/csv", "application/zip", "application/octet-stream", "application/vnd.")


def is_download(response) -> bool:
    if response.has_header("Content-Disposition") or isinstance(response, FileResponse | StreamingHttpResponse):
        return True
    soort = response.get("Content-Type", "").split(";")[0].strip().lower()
    return soort.startswith(DOCUMENTSOORTEN) or soort.startswith("image/")


class NietBewaren:
    """Middleware: ``Cache-Control: private, no-store`` on every download (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_download(response):
            response["Cache-Control"] = NIET_BEWAREN
        return response
