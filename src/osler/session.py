"""`Osler`: one handle on a database and the knowledge base in it; every interface calls through it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from osler.errors import PackError, StoreError
from osler.model.describe import describe_concept
from osler.model.knowledge_base import KnowledgeBase
from osler.model.statistics import domain_stats
from osler.store import (
    connect,
    current_revision,
    head_revision,
    load_knowledge_base,
    migrate,
    stats,
    sync_pack,
)
from osler.store.database import default_database_url


@dataclass
class InitReport:
    """What `init` did: schema revisions before and after, and the pack sync counts."""

    database: str
    revision_before: str | None
    revision_after: str
    changes: dict[str, dict[str, int]]

    def to_dict(self) -> dict[str, Any]:
        return {
            "database": self.database,
            "revision_before": self.revision_before,
            "revision_after": self.revision_after,
            "changes": self.changes,
        }


class Osler:
    """A knowledge base in a database: initialise it, read it, and (through the sub-packages) reason over it."""

    def __init__(self, url: str | None = None, engine: Engine | None = None) -> None:
        self.url = url or default_database_url()
        self.engine = engine or connect(self.url)
        self._kb: KnowledgeBase | None = None

    def init(self, pack_path: Path | None = None) -> InitReport:
        """Create or migrate the schema and load the pack; safe to run again after a pack update."""
        from osler.knowledge.lint import errors_only, lint_pack
        from osler.knowledge.loader import default_pack_path, load_pack

        root = pack_path or default_pack_path()
        problems = errors_only(lint_pack(root))
        if problems:
            raise PackError(problems)
        before = current_revision(self.engine)
        migrate(self.engine)
        report = sync_pack(self.engine, load_pack(root, strict=True))
        self._kb = None
        return InitReport(_redact(self.url), before, head_revision(), report.to_dict())

    def is_initialised(self) -> bool:
        return current_revision(self.engine) == head_revision()

    def _require_schema(self) -> None:
        """Initialise an empty database on first use; ask for `osler init` when the schema is outdated."""
        revision = current_revision(self.engine)
        if revision is None:
            self.init()
        elif revision != head_revision():
            raise StoreError(
                f"the database schema is at {revision}, this osler needs {head_revision()}: run 'osler init'"
            )

    @property
    def kb(self) -> KnowledgeBase:
        """The knowledge base as an in-memory view (loaded once, refreshed after writes)."""
        if self._kb is None:
            self._require_schema()
            self._kb = load_knowledge_base(self.engine)
        return self._kb

    def invalidate(self) -> None:
        """Forget the cached view after a write."""
        self._kb = None

    def stats(self, domain: str | None = None) -> dict[str, int]:
        """Counts of the whole database, or of one domain's conditions and the claims naming them."""
        self._require_schema()
        if domain is not None:
            return domain_stats(self.kb, domain)
        return stats(self.engine)

    def conditions(self) -> list[dict[str, Any]]:
        """Every condition with its id, name and ICD-10-CM codes."""
        return [{"id": c.id, "name": c.name, "icd10": list(c.icd10)} for c in self.kb.conditions()]

    def show(self, name_or_id: str) -> dict[str, Any]:
        """Everything the knowledge base says about a concept, each line with its references."""
        return describe_concept(self.kb, self.kb.resolve(name_or_id).id)

    def close(self) -> None:
        self.engine.dispose()


def _redact(url: str) -> str:
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        return f"{scheme}://***@{rest.split('@', 1)[1]}"
    return url


def open_osler(url: str | None = None) -> Osler:
    """Open the knowledge base at `url` (default: OSLER_DATABASE_URL, else SQLite in the user data dir)."""
    return Osler(url)
