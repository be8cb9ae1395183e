"""Opening the database: URL from settings, SQLite pragmas, and Alembic migrations to the latest schema."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir
from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.exc import SQLAlchemyError

from osler.errors import StoreError

MIGRATIONS = Path(__file__).parent / "migrations"


def default_database_url() -> str:
    """OSLER_DATABASE_URL when set, else a SQLite file in the user's data directory."""
    url = os.environ.get("OSLER_DATABASE_URL")
    if url:
        return url
    home = Path(os.environ.get("OSLER_HOME") or user_data_dir("osler", appauthor=False))
    home.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{home / 'osler.db'}"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def connect(url: str | None = None) -> Engine:
    """An engine for the URL (default: settings); SQLite gets WAL and foreign keys on every connection."""
    url = url or default_database_url()
    try:
        if url.startswith("sqlite"):
            engine = create_engine(url, connect_args={"timeout": 30})
            event.listen(engine, "connect", _sqlite_pragmas)
        else:
            engine = create_engine(url, pool_pre_ping=True)
    except (SQLAlchemyError, ImportError, ValueError) as exc:
        raise StoreError(f"cannot open database {url!r}: {exc}") from exc
    return engine


HEAD_REVISION = "0002"
"""The newest migration in `migrations/versions` (a test checks it against Alembic's own view). Kept as a
constant so that commands which only read the database need not import Alembic (about half a second)."""


def _alembic_config() -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    """The newest schema revision this osler knows."""
    return HEAD_REVISION


def current_revision(engine: Engine) -> str | None:
    """The schema revision the database is at (None for an empty database), read from Alembic's table."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision, in a transaction."""
    from alembic import command

    config = _alembic_config()
    try:
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
    except SQLAlchemyError as exc:
        raise StoreError(f"migration failed: {exc}") from exc
