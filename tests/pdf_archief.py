"""What every PDF of the product must be (issue 22, 24): PDF/A-3u, tagged, titled, in Dutch.

``kenmerken(pdf)`` reads a PDF's info with poppler's ``pdfinfo`` (as a reader's tool sees it) and its
XMP metadata as written; ``controleer_archief_pdf`` asserts the common shape."""

from __future__ import annotations

import re
import subprocess
import tempfile
from dataclasses import dataclass
from xml.etree import ElementTree as ET

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
NS = {
    "rdf": RDF,
    "dc": "http://purl.org/dc/elements/1.1/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
    "kvo": "https://kvo-werkplaats.invalid/ns/xmp/1.0/",
    "pdfaSchema": "http://www.aiim.org/pdfa/ns/schema#",
}


@dataclass
class Kenmerken:
    info: dict[str, str]
    xmp: ET.Element

    def waarde(self, pad: str) -> str | None:
        """The text of an XMP element, or the attribute of that name on an ``rdf:Description``."""
        element = self.xmp.find(f".//{pad}", NS)
        if element is not None:
            return "".join(element.itertext()).strip()
        prefix, naam = pad.split(":")
        for beschrijving in self.xmp.iter(f"{{{RDF}}}Description"):
            if (waarde := beschrijving.get(f"{{{NS[prefix]}}}{naam}")) is not None:
                return waarde
        return None


def kenmerken(pdf: bytes) -> Kenmerken:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(pdf)
        f.flush()
        info = subprocess.run(["pdfinfo", f.name], capture_output=True, check=True, text=True).stdout
        meta = subprocess.run(["pdfinfo", "-meta", f.name], capture_output=True, check=True, text=True).stdout
    velden = dict(re.findall(r"^([^:\n]+):\s*(.*)$", info, flags=re.M))
    rdf = re.search(r"<rdf:RDF.*</rdf:RDF>", meta, flags=re.S)
    assert rdf, "geen XMP-metadata in de PDF"
    return Kenmerken(velden, ET.fromstring(rdf.group(0)))


def controleer_archief_pdf(pdf: bytes, *, titel: str) -> Kenmerken:
    """PDF/A-3u, tagged (PDF/UA-1 identification), ``titel`` in the title, Dutch."""
    k = kenmerken(pdf)
    assert k.info["Tagged"] == "yes"
    assert titel in k.info["Title"]
    assert k.waarde("dc:title") == k.info["Title"]
    assert (k.waarde("pdfaid:part"), k.waarde("pdfaid:conformance")) == ("3", "U")
    assert k.waarde("pdfuaid:part") == "1"
    assert k.waarde("dc:language") == "nl"
    return k
