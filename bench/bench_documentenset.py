"""Benchmark of the document set: the Wolvega demo with an extra inspection, about 60 pages and 60
photos, rendered as the worker does (``documentenset_render``: parts, WeasyPrint, SHA-256, file,
row), against a floor measured in the same run: WeasyPrint rendering plain HTML with the same page
count and the same photos at the same size, through the same ``kvo.pdf`` function and options, with
a heading and one paragraph of 60 words a page (no tables, charts, running header or contents).
Targets: under 10 s, and within 1.5× the floor. Run through ``bench/run.py``; the best of three
timed runs (a fourth, under tracemalloc, gives the memory)."""


def run(*, meet, werkgroep):
    import datetime as dt
    import html
    import json
    import subprocess
    import tempfile
    import time
    from pathlib import Path

    from django.core.files.base import ContentFile
    from django.test import override_settings
    from django_scopes import scopes_disabled

    from analyse.models import Schouw, Schouwpunt
    from audits import demo
    from audits.demo.fotos import demo_bestanden, foto
    from audits.documentenset.services import documentenset_render
    from audits.models import Audit, Documentenset
    from kvo.dossier.services import dossier_importeer
    from kvo.pdf import BASIS_URL, EigenBestanden
    from kvo.pdf import html_naar_pdf as plain_pdf

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
            fotos = [p.foto.url for p in Schouwpunt.objects.filter(schouw__cyclus=cyclus).exclude(foto="")]
            rij = Documentenset.objects.create(audit=audit)
            documentenset_render(documentenset=rij)
            rij.refresh_from_db()
            assert rij.status == "klaar", rij.fout
            paginas = rij.paginas

        # the floor: plain pages with a heading, a paragraph and the same photos at the same size
        per_pagina = -(-len(fotos) // max(1, paginas - 8))
        delen = []
        for i in range(paginas):
            beelden = fotos[i * per_pagina : (i + 1) * per_pagina]
            img = "".join(f'<img src="{u}" style="width:74mm;height:55.5mm;object-fit:cover">' for u in beelden)
            delen.append(
                f'<section style="break-after:page"><h1>Pagina {i + 1}</h1><p>{"Tekst. " * 60}</p>{img}</section>'
            )
        vloer_html = (
            '<!doctype html><html lang="nl"><head><meta charset="utf-8"><style>@page{size:A4;margin:20mm}'
            "html{font:8pt sans-serif}"
            "section:last-child{break-after:auto}</style></head><body>" + "".join(delen) + "</body></html>"
        )
        from weasyprint import HTML

        vloer_paginas = len(HTML(string=vloer_html, base_url=BASIS_URL, url_fetcher=EigenBestanden()).render().pages)
        assert vloer_paginas == paginas, (vloer_paginas, paginas)

        tijden: list[float] = []

        def vloer():
            start = time.perf_counter()
            plain_pdf(vloer_html)
            tijden.append(time.perf_counter() - start)

        meet(f"PDF-vloer: kale HTML, {paginas} pagina's, {len(fotos)} foto's", vloer, doel_s=10.0, doel_mb=800)
        grens = min(10.0, 1.5 * min(tijden))

        nieuwe_rij = {}

        def voorbereiden():
            with scopes_disabled():
                nieuwe_rij["rij"] = Documentenset.objects.create(audit=audit)

        def documentenset():
            with scopes_disabled():
                klaar = documentenset_render(documentenset=nieuwe_rij["rij"])
            assert klaar.status == "klaar", klaar.fout

        meet(
            f"documentenset ({paginas} p., {len(fotos)} foto's; ≤1,5× vloer)",
            documentenset,
            doel_s=grens,
            doel_mb=800,
            voorbereiding=voorbereiden,
        )

        # For the reader, not a target: the floor again with each page carrying the set's own text of
        # that page (pdftotext) as plain paragraphs, so the difference left is the report's structure
        # (tables, running header, contents), not the amount of text.
        with scopes_disabled():
            rij.refresh_from_db()
            pdf = rij.bestand.read()
        tekst = subprocess.run(
            ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
        ).stdout.decode("utf-8", "replace")
        per_pagina_tekst = tekst.split("\f")[:paginas]
        delen_tekst = []
        for i, pagina_tekst in enumerate(per_pagina_tekst):
            beelden = fotos[i * per_pagina : (i + 1) * per_pagina]
            img = "".join(f'<img src="{u}" style="width:74mm;height:55.5mm;object-fit:cover">' for u in beelden)
            alineas = "".join(f"<p>{html.escape(r.strip())}</p>" for r in pagina_tekst.splitlines() if r.strip())
            delen_tekst.append(f'<section style="break-after:page">{alineas}{img}</section>')
        tekst_html = vloer_html.replace("".join(delen), "".join(delen_tekst)).replace(
            "html{font:8pt sans-serif}", "html{font:6pt sans-serif}p{margin:0}"
        )
        tekst_paginas = len(HTML(string=tekst_html, base_url=BASIS_URL, url_fetcher=EigenBestanden()).render().pages)
        meet(
            f"PDF-vloer met de tekst van de set ({tekst_paginas} p.; ter vergelijking)",
            lambda: plain_pdf(tekst_html),
            doel_s=10.0,
            doel_mb=800,
        )
    finally:
        with scopes_disabled():
            Audit.objects.filter(werkgroep__slug=dossier["werkgroep"]["slug"]).delete()
        instelling.disable()
