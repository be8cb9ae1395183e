"""osler: an offline-first, evidence-graded health knowledge engine.

Flat public API over private modules::

    import osler
    kb = osler.open_osler()            # the database named by OSLER_DATABASE_URL, else SQLite in the user data dir
    kb.init()                          # create or migrate it and load the shipped knowledge pack
    kb.show("nocturnal-leg-cramps")    # everything known about a concept, cited

osler gives information, not a diagnosis.
"""

from typing import TYPE_CHECKING, Any

from osler.errors import Conflict, InputError, NotFound, OslerError, PackError, StoreError
from osler.model.knowledge_base import KnowledgeBase
from osler.session import InitReport, Osler, open_osler

if TYPE_CHECKING:
    from osler.knowledge.loader import Pack, load_pack

__version__ = "0.1.0"

DISCLAIMER = (
    "osler gives general health information, not a diagnosis or medical advice. "
    "If you are worried, or symptoms are severe or getting worse, contact a health professional; "
    "in an emergency call your local emergency number."
)


def __getattr__(name: str) -> Any:
    """`Pack` and `load_pack` are imported on first use: building the pack schema costs a quarter of a second
    that commands reading the database never need."""
    if name in ("Pack", "load_pack"):
        from osler.knowledge import loader

        return getattr(loader, name)
    raise AttributeError(f"module 'osler' has no attribute {name!r}")


__all__ = [
    "DISCLAIMER",
    "Conflict",
    "InitReport",
    "InputError",
    "KnowledgeBase",
    "NotFound",
    "Osler",
    "OslerError",
    "Pack",
    "PackError",
    "StoreError",
    "load_pack",
    "open_osler",
]
