"""Ingestion: articles and corpora become graded claims with exact provenance, and conflicts when sources
disagree.

    from osler.ingest import ingest_paths, list_claims, list_conflicts, list_sources
    report = ingest_paths(engine, kb, ["article.md"])     # IngestReport
    list_conflicts(engine)                                # [{"subject", "relation", "object", "sides": [...]}]

Formats are registered by name in `osler.ingest.formats`; the extraction steps live in `osler.ingest.extract`.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from osler.ingest.conflicts import ConflictReport, Side, find_conflicts
from osler.ingest.formats import FORMAT_NAMES, FORMATS
from osler.ingest.formats.common import MAX_FILE_BYTES, MAX_TEXT_CHARS
from osler.ingest.formats.medquad import default_medquad_path
from osler.ingest.listing import list_candidates, list_claims, list_sources
from osler.ingest.pipeline import IngestError, IngestReport, ingest_paths, prepare
from osler.store.sources import claim_votes


def list_conflicts(engine: Engine) -> list[dict[str, Any]]:
    """Every subject-relation-object on which an ingested source disagrees with another source or the pack."""
    with engine.connect() as conn:
        votes = claim_votes(conn)
    return [c.to_dict() for c in find_conflicts(votes)]


__all__ = [
    "FORMATS",
    "FORMAT_NAMES",
    "MAX_FILE_BYTES",
    "MAX_TEXT_CHARS",
    "ConflictReport",
    "IngestError",
    "IngestReport",
    "Side",
    "default_medquad_path",
    "find_conflicts",
    "ingest_paths",
    "list_candidates",
    "list_claims",
    "list_conflicts",
    "list_sources",
    "prepare",
]
