"""Ingestion fixtures: a small knowledge pack of its own and hand-written consumer-health articles."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from osler.ingest.extract.concepts import ConceptMatcher
from osler.knowledge.loader import load_pack
from osler.model.knowledge_base import KnowledgeBase
from osler.store import migrate, sync_pack

FIXTURES = Path(__file__).parent.parent / "fixtures" / "ingest"
PACK = FIXTURES / "pack"


@pytest.fixture(scope="session")
def ingest_kb() -> KnowledgeBase:
    return KnowledgeBase.from_pack(load_pack(PACK, strict=True))


@pytest.fixture(scope="session")
def matcher(ingest_kb: KnowledgeBase) -> ConceptMatcher:
    return ConceptMatcher(ingest_kb)


@pytest.fixture
def articles() -> Path:
    return FIXTURES


@pytest.fixture
def db(engine: Engine) -> Iterator[Engine]:
    """A migrated database (SQLite and PostgreSQL) holding the ingestion test pack."""
    migrate(engine)
    sync_pack(engine, load_pack(PACK, strict=True))
    yield engine
