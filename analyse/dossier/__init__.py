"""The analysis's parts of a cycle in the ``kvo-dossier/1`` format (``cycli[].enquete``, ``cijfers``,
``schouwen``, ``analyse``), one module per part; importing this package registers them."""

from analyse.dossier import cijfers, conclusie, enquete, pvo, schouw  # noqa: F401
