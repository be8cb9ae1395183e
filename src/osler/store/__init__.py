"""The database adapter: one SQLAlchemy layer for SQLite (default) and PostgreSQL."""

from osler.store.database import connect, current_revision, default_database_url, head_revision, migrate
from osler.store.repository import SyncReport, get_meta, load_knowledge_base, stats, sync_pack

__all__ = [
    "SyncReport",
    "connect",
    "current_revision",
    "default_database_url",
    "get_meta",
    "head_revision",
    "load_knowledge_base",
    "migrate",
    "stats",
    "sync_pack",
]
