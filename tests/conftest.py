"""Shared fixtures: a tiny hand-written pack, and databases on SQLite and on a real PostgreSQL."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from osler.knowledge.loader import load_pack
from osler.model.knowledge_base import KnowledgeBase
from osler.store import connect
from tests.pg import throwaway_cluster

FIXTURE_PACK = Path(__file__).parent / "fixtures" / "pack"


@pytest.fixture
def fixture_pack_path() -> Path:
    return FIXTURE_PACK


@pytest.fixture
def fixture_kb() -> KnowledgeBase:
    return KnowledgeBase.from_pack(load_pack(FIXTURE_PACK, strict=True))


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str | None]:
    with throwaway_cluster() as url:
        yield url


def _reset_postgres(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database URL: SQLite in a temp dir, and a real PostgreSQL cluster."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'osler.db'}"
        return
    url = request.getfixturevalue("postgres_url")
    if url is None:
        if os.environ.get("OSLER_REQUIRE_POSTGRES"):
            pytest.fail("PostgreSQL is required here (OSLER_REQUIRE_POSTGRES) but no server could be started")
        pytest.skip("PostgreSQL binaries not installed")
    engine = connect(url)
    _reset_postgres(engine)
    engine.dispose()
    yield url


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    eng = connect(database_url)
    yield eng
    eng.dispose()
