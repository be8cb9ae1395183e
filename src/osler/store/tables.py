"""Table definitions (SQLAlchemy Core); the same schema runs on SQLite and PostgreSQL.

The schema is created and changed only by the Alembic migrations in `migrations/versions`; these objects
mirror the latest migration and are what the repository code queries.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

concepts = Table(
    "concepts",
    metadata,
    Column("id", String(128), primary_key=True),
    Column("kind", String(32), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("summary", Text, nullable=False, default=""),
    Column("codes", JSON, nullable=False),
    Column("attributes", JSON, nullable=False),
    Column("prior", JSON, nullable=True),
    Column("origin", String(32), nullable=False, default="pack"),
    Column("version", Integer, nullable=False, default=1),
    Column("content_hash", String(64), nullable=False, default=""),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

concept_names = Table(
    "concept_names",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "concept_id", String(128), ForeignKey("concepts.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    Column("name", Text, nullable=False),
    Column("normalized", Text, nullable=False, index=True),
    Column("name_kind", String(16), nullable=False),
)

bibliography = Table(
    "bibliography",
    metadata,
    Column("id", String(160), primary_key=True),
    Column("kind", String(32), nullable=False),
    Column("title", Text, nullable=False),
    Column("authors", JSON, nullable=False),
    Column("year", Integer, nullable=True),
    Column("source", Text, nullable=False, default=""),
    Column("doi", String(255), nullable=True),
    Column("pmid", String(16), nullable=True),
    Column("url", Text, nullable=True),
    Column("note", Text, nullable=False, default=""),
    Column("origin", String(64), nullable=False, default="pack"),
)

sources = Table(
    "sources",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("title", Text, nullable=False),
    Column("path", Text, nullable=True),
    Column("url", Text, nullable=True),
    Column("kind", String(32), nullable=False),
    Column("format", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("meta", JSON, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

claims = Table(
    "claims",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("subject", String(128), ForeignKey("concepts.id"), nullable=False, index=True),
    Column("relation", String(32), nullable=False, index=True),
    Column("object", String(128), ForeignKey("concepts.id"), nullable=True, index=True),
    Column("polarity", String(8), nullable=False),
    Column("strength", String(16), nullable=False),
    Column("frequency", Float, nullable=True),
    Column("statistics", JSON, nullable=False),
    Column("population", JSON, nullable=False),
    Column("text", Text, nullable=False, default=""),
    Column("hedged", Boolean, nullable=False, default=False),
    Column("review_status", String(16), nullable=False),
    Column("origin", String(64), nullable=False, index=True),
    Column("version", Integer, nullable=False, default=1),
    Column("content_hash", String(64), nullable=False, default=""),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

claim_references = Table(
    "claim_references",
    metadata,
    Column("claim_id", String(64), ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
    Column("reference_id", String(160), ForeignKey("bibliography.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, nullable=False, default=0),
)

evidence = Table(
    "evidence",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("claim_id", String(64), ForeignKey("claims.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("source_id", String(64), ForeignKey("sources.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("quote", Text, nullable=False),
    Column("start_offset", Integer, nullable=False),
    Column("end_offset", Integer, nullable=False),
)

red_flag_rules = Table(
    "red_flag_rules",
    metadata,
    Column("id", String(128), primary_key=True),
    Column("level", String(16), nullable=False),
    Column("reason", Text, nullable=False),
    Column("condition", String(128), nullable=True),
    Column("definition", JSON, nullable=False),
    Column("refs", JSON, nullable=False),
    Column("review_status", String(16), nullable=False),
    Column("origin", String(64), nullable=False, default="pack"),
)

review_events = Table(
    "review_events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("target_kind", String(32), nullable=False),
    Column("target_id", String(160), nullable=False),
    Column("actor", String(128), nullable=False),
    Column("action", String(32), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("changes", JSON, nullable=False),
    Column("comment", Text, nullable=False, default=""),
)
Index("ix_review_events_target", review_events.c.target_kind, review_events.c.target_id)


# -- ingestion (migration 0002) -----------------------------------------------------------------------------

passages = Table(
    "passages",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source_id", String(64), ForeignKey("sources.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("item_id", String(160), nullable=False, index=True),
    Column("title", Text, nullable=False),
    Column("focus", Text, nullable=False, default=""),
    Column("qtype", String(64), nullable=False, default=""),
    Column("url", Text, nullable=True),
    Column("text", Text, nullable=False),
)
# Full-text index (not mirrored here): SQLite virtual table `passages_fts` (FTS5), PostgreSQL column
# `passages.search` (tsvector, GIN index). Query them through `osler.store.passages.search_passages`.

source_references = Table(
    "source_references",
    metadata,
    Column("source_id", String(64), ForeignKey("sources.id", ondelete="CASCADE"), primary_key=True),
    Column("n", Integer, primary_key=True),
    Column("reference_id", String(160), ForeignKey("bibliography.id", ondelete="CASCADE"), nullable=False),
    Column("raw", Text, nullable=False),
)

candidate_concepts = Table(
    "candidate_concepts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False),
    Column("normalized", Text, nullable=False, index=True),
    Column("relation", String(32), nullable=False),
    Column("slot", String(16), nullable=False),
    Column("source_id", String(64), ForeignKey("sources.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("quote", Text, nullable=False),
    Column("start_offset", Integer, nullable=False),
    Column("end_offset", Integer, nullable=False),
    Column("status", String(16), nullable=False, default="proposed"),
)

# -- columns added to existing tables by migration 0002 (ingestion) -------------------------------------------
evidence.append_column(Column("strength", String(16), nullable=True))  # the grade this source gave the claim
evidence.append_column(Column("hedged", Boolean, nullable=True))
Index("ix_claims_key", claims.c.subject, claims.c.relation, claims.c.object)
