"""Benchmark of the document set: the Wolvega demo (the largest demo group) with an extra inspection,
about 60 pages and 60 photos, rendered as the worker does (``documentenset_render``: parts,
WeasyPrint, SHA-256, file, row) as PDF/A-3u and tagged (PDF/UA-1), which is what every set is.
Targets (issue 22, absolute): under 10 s and under 200 MB peak, on two cores. The earlier ratio
against a plain-HTML floor is retired.

Lines: the set as delivered (the target); the same set without PDF/A and tags, for the reader (what
the archive format and the structure tree cost); and one render as the worker does it, in a fresh
process (the pdf worker is recycled after every set): its wall time, cold, and the process's peak
resident memory (``VmHWM``), since tracemalloc sees Python's allocations only and not Pango's,
cairo's or HarfBuzz's. Run through ``bench/run.py``; the best of three timed runs (a fourth, under
tracemalloc, gives its memory)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

DOEL_S = 10.0
DOEL_MB = 200

WERKER = """
import os, sys, time
sys.path.insert(0, os.getcwd())
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kvo.settings")
import django
django.setup()
from django_scopes import scopes_disabled
from audits.documentenset.services import documentenset_render
from audits.models import Documentenset
def piek():  # VmHWM: this process's own peak (ru_maxrss keeps the parent's from before exec)
    for regel in open("/proc/self/status").read().splitlines():
        if regel.startswith("VmHWM:"):
            return int(regel.split()[1]) / 1024
with scopes_disabled():
    rij = Documentenset.objects.get(pk=int(sys.argv[1]))
    vooraf = piek()
    start = time.perf_counter()
    klaar = documentenset_render(documentenset=rij)
    duur = time.perf_counter() - start
    assert klaar.status == "klaar", klaar.fout
print(f"{duur:.2f} {vooraf:.0f} {piek():.0f}")
"""


def _in_eigen_proces(pk: int, media: str) -> tuple[float, float, float]:
    """Render set ``pk`` in a fresh Python process: (seconds, RSS after start-up, peak RSS) in MB."""
    import kvo

    root = Path(kvo.__file__).resolve().parent.parent  # (run.py execs this file: no __file__)
    uit = subprocess.run(
        [sys.executable, "-c", WERKER, str(pk)],
        cwd=root,
        env={**os.environ, "KVO_MEDIA_ROOT": media, "DJANGO_DEBUG": os.environ.get("DJANGO_DEBUG", "1")},
        capture_output=True,
        text=True,
        check=True,
    )
    duur, vooraf, piek = uit.stdout.split()[-3:]
    return float(duur), float(vooraf), float(piek)


def run(*, meet, werkgroep):
    import datetime as dt
    import json
    import tempfile

    from django.core.files.base import ContentFile
    from django.test import override_settings
    from django_scopes import scopes_disabled

    import demo
    from analyse.models import Schouw, Schouwpunt
    from audits.documentenset.services import documentenset_render
    from audits.models import Audit, Documentenset
    from demo.fotos import demo_bestanden, foto
    from kvo import pdf as kvo_pdf
    from kvo.dossier.services import dossier_importeer

    dossier = json.loads((Path(demo.__file__).parent / "wolvega.json").read_text(encoding="utf-8"))
    media = tempfile.mkdtemp(prefix="bench-documentenset-")
    instelling = override_settings(MEDIA_ROOT=media)
    instelling.enable()
    try:
        with scopes_disabled():
            wolvega = dossier_importeer(actor=None, dossier=dossier, bestanden=demo_bestanden(dossier), vervang=True)
            cyclus = wolvega.cycli.get(nummer=1)
            audit = Audit.objects.create(werkgroep=wolvega, cyclus=cyclus)
            # a fifth inspection with 34 photographed points: 60 photos in all
            extra = Schouw.objects.create(werkgroep=wolvega, cyclus=cyclus, soort="dag", datum=dt.date(2026, 3, 10))
            for n in range(1, 35):
                punt = Schouwpunt(schouw=extra, nummer=n, positief=n % 3 == 0, bevinding=f"Bevinding {n}: hek open.")
                punt.foto.save("foto.jpg", ContentFile(foto(n, f"Extra punt {n}", avond=False, positief=n % 3 == 0,
                                                            zaad=f"bench-{n}")), save=False)  # fmt: skip
                punt.save()
            fotos = Schouwpunt.objects.filter(schouw__cyclus=cyclus).exclude(foto="").count()
            rij = Documentenset.objects.create(audit=audit)
            documentenset_render(documentenset=rij)
            rij.refresh_from_db()
            assert rij.status == "klaar", rij.fout
            paginas = rij.paginas
            assert rij.bestand.read(8).startswith(b"%PDF-1.7")

        nieuwe_rij = {}

        def voorbereiden():
            with scopes_disabled():
                nieuwe_rij["rij"] = Documentenset.objects.create(audit=audit)

        def documentenset():
            with scopes_disabled():
                klaar = documentenset_render(documentenset=nieuwe_rij["rij"])
            assert klaar.status == "klaar", klaar.fout

        meet(
            f"documentenset PDF/A-3u + tags ({paginas} p., {fotos} foto's)",
            documentenset,
            doel_s=DOEL_S,
            doel_mb=DOEL_MB,
            voorbereiding=voorbereiden,
        )

        # as the worker renders it: a fresh process, one set; its time cold and its peak resident memory
        voorbereiden()
        duur, vooraf, piek = _in_eigen_proces(nieuwe_rij["rij"].pk, media)
        print(
            f"documentenset PDF/A-3u + tags in een vers proces: {duur:.1f} s, piek RSS {piek:.0f} MB "
            f"(na het opstarten {vooraf:.0f} MB; doel {DOEL_S:.0f} s en {DOEL_MB} MB)"
        )

        # for the reader, not a target: the same set without the archive variant and the tags
        kaal = {k: v for k, v in kvo_pdf.PDF_OPTIES.items() if k not in ("pdf_variant", "pdf_tags")}
        oud = dict(kvo_pdf.PDF_OPTIES)
        kvo_pdf.PDF_OPTIES.clear()
        kvo_pdf.PDF_OPTIES.update(kaal)
        try:
            meet(
                f"documentenset zonder PDF/A en tags ({paginas} p.; ter vergelijking)",
                documentenset,
                doel_s=DOEL_S,
                doel_mb=DOEL_MB,
                voorbereiding=voorbereiden,
            )
        finally:
            kvo_pdf.PDF_OPTIES.clear()
            kvo_pdf.PDF_OPTIES.update(oud)
    finally:
        with scopes_disabled():
            Audit.objects.filter(werkgroep__slug=dossier["werkgroep"]["slug"]).delete()
        instelling.disable()
