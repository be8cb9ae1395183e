"""osler: an offline-first, evidence-graded health knowledge engine.

Flat public API over private modules::

    import osler
    kb = osler.open_osler()            # the database named by OSLER_DATABASE_URL, else SQLite in the user data dir
    kb.init()                          # create or migrate it and load the shipped knowledge pack
    kb.show("nocturnal-leg-cramps")    # everything known about a concept, cited

osler gives information, not a diagnosis.
"""

from osler.errors import Conflict, InputError, NotFound, OslerError, PackError, StoreError
from osler.knowledge.loader import Pack, load_pack
from osler.model.knowledge_base import KnowledgeBase
from osler.session import InitReport, Osler, open_osler

__version__ = "0.1.0"

DISCLAIMER = (
    "osler gives general health information, not a diagnosis or medical advice. "
    "If you are worried, or symptoms are severe or getting worse, contact a health professional; "
    "in an emergency call your local emergency number."
)

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
