"""Problems found in a dossier, each with its JSON path."""

from __future__ import annotations

from collections.abc import Iterable


class DossierFout(Exception):
    """A dossier that cannot be imported: ``problemen`` lists every problem, in Dutch."""

    def __init__(self, problemen: Iterable[str]):
        self.problemen = list(problemen)
        super().__init__("\n".join(self.problemen))


def pad(*delen) -> str:
    """``pad("leden", 3, "partij")`` → ``leden[3].partij``."""
    tekst = ""
    for deel in delen:
        if isinstance(deel, int):
            tekst += f"[{deel}]"
        else:
            tekst += f".{deel}" if tekst else str(deel)
    return tekst or "(dossier)"
