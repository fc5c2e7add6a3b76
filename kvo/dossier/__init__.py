"""The ``kvo-dossier/1`` format: export and import of a whole work group (``shared/dossier/``).

Each app owns its part of the dossier in its own ``dossier.py`` (``werkgroepen/dossier.py``,
``gebieden/dossier.py``) and registers an *onderdeel* there with ``kvo.dossier.registry.registreer``:
the top-level keys it owns, ``export(werkgroep, voor_ci)`` returning its fragment,
``check_refs(dossier)`` returning problems, and ``importeer(werkgroep, dossier, ctx)``. Parts
run in their ``volgorde`` (werkgroep core → terreinen → partijen/leden → bijeenkomsten,
communicatie, documenten → cycli).

Import is all or nothing (``kvo.dossier.services.dossier_importeer``): the file is validated
against ``schema.json`` (a copy of ``shared/dossier/schema.json``, compared by a test), then every
ref, every duplicate and every part the product does not store yet is checked, and only a
dossier without problems is written, in one transaction. Every problem names its JSON path
(``leden[3].partij: onbekende partij "gem2"``).

Parts the product does not store yet are refused, never dropped: a cycle holds only ``nummer``,
``soort``, ``start`` and ``x-`` keys for now; ``cycli[0].enquete`` and the other cycle keys give
"nog niet ondersteund: cycli[0].enquete". A top-level key no registered part claims is refused
the same way.

Round trip and the canonical form
---------------------------------
Import followed by export gives the same dossier *in canonical form*. The canonical form:

- an optional key whose value is empty (``null``, ``""``, ``[]``) or equals the schema's
  default (``agendalid: false``, ``soort: "werkgroep"``, ``alle_ondernemers: true``,
  ``communicatie_app: false``, ``handboek: "KVO-B 4.0"``) is left out; required keys are always
  written, even when empty (``"ondernemers": []``);
- an object the product stores as a row is written when the row exists, even if it is empty
  (``"afspraken": {}``); the correspondence address is written when one of its parts is filled;
- lists keep the order they were imported in (rows are exported in insertion order), so order
  never changes, also where it carries no meaning;
- ``x-`` keys are kept as they were, on every object that allows them (stored in the models'
  ``extra`` fields; top-level ``x-`` keys in ``Werkgroep.extra["_dossier"]``).

So a dossier that is already canonical comes back byte-for-byte equal as JSON data; any other
valid dossier comes back as its canonical equivalent (``"email": null`` and a missing ``email``
mean the same). Export always writes the canonical form, and the demo dossiers in
``demo/`` are stored in it (a test checks both).

Files: in a ``.zip`` dossier a document version's ``bestand`` is a path under ``media/``. The
original path is kept (``Document.extra["_bestanden"]``) and written back on export; a version
uploaded in the app gets ``documenten/<ref>/v<versie>/<bestandsnaam>``. A .zip is inflated by its
members' real sizes in bounded blocks (``kvo.invoer.zip_uitpakken``), and every file gets the
checks an upload gets (a part's ``check_bestanden``, or a cycle part's ``check``): a document's
content type, a photo's pixels, re-encoded without metadata. A number JSON cannot hold (``NaN``,
``Infinity``, ``1e999``) is a problem with its path.

An export for the certification body (``voor_ci=True``) leaves out members' e-mail addresses
and telephone numbers (README rule); everything else is the same.
"""

from kvo.dossier.fouten import DossierFout

__all__ = ["SCHEMA_ID", "DossierFout"]

SCHEMA_ID = "kvo-dossier/1"
