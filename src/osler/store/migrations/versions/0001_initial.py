"""Initial schema: concepts, names, bibliography, sources, claims, evidence, red-flag rules, review events.

Revision ID: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "meta", sa.Column("key", sa.String(64), primary_key=True), sa.Column("value", sa.Text, nullable=False)
    )
    op.create_table(
        "concepts",
        sa.Column("id", sa.String(128), primary_key=True),
        sa.Column("kind", sa.String(32), nullable=False, index=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column("codes", sa.JSON, nullable=False),
        sa.Column("attributes", sa.JSON, nullable=False),
        sa.Column("prior", sa.JSON, nullable=True),
        sa.Column("origin", sa.String(32), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
    )
    op.create_table(
        "concept_names",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "concept_id",
            sa.String(128),
            sa.ForeignKey("concepts.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("normalized", sa.Text, nullable=False, index=True),
        sa.Column("name_kind", sa.String(16), nullable=False),
    )
    op.create_table(
        "bibliography",
        sa.Column("id", sa.String(160), primary_key=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("authors", sa.JSON, nullable=False),
        sa.Column("year", sa.Integer, nullable=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("doi", sa.String(255), nullable=True),
        sa.Column("pmid", sa.String(16), nullable=True),
        sa.Column("url", sa.Text, nullable=True),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("origin", sa.String(64), nullable=False),
    )
    op.create_table(
        "sources",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("path", sa.Text, nullable=True),
        sa.Column("url", sa.Text, nullable=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("format", sa.String(16), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("meta", sa.JSON, nullable=False),
        sa.Column("created_at", TZ, nullable=False),
    )
    op.create_table(
        "claims",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("subject", sa.String(128), sa.ForeignKey("concepts.id"), nullable=False, index=True),
        sa.Column("relation", sa.String(32), nullable=False, index=True),
        sa.Column("object", sa.String(128), sa.ForeignKey("concepts.id"), nullable=True, index=True),
        sa.Column("polarity", sa.String(8), nullable=False),
        sa.Column("strength", sa.String(16), nullable=False),
        sa.Column("frequency", sa.Float, nullable=True),
        sa.Column("statistics", sa.JSON, nullable=False),
        sa.Column("population", sa.JSON, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("hedged", sa.Boolean, nullable=False),
        sa.Column("review_status", sa.String(16), nullable=False),
        sa.Column("origin", sa.String(64), nullable=False, index=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
    )
    op.create_table(
        "claim_references",
        sa.Column(
            "claim_id", sa.String(64), sa.ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column(
            "reference_id",
            sa.String(160),
            sa.ForeignKey("bibliography.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("position", sa.Integer, nullable=False),
    )
    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "claim_id",
            sa.String(64),
            sa.ForeignKey("claims.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column(
            "source_id",
            sa.String(64),
            sa.ForeignKey("sources.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("quote", sa.Text, nullable=False),
        sa.Column("start_offset", sa.Integer, nullable=False),
        sa.Column("end_offset", sa.Integer, nullable=False),
    )
    op.create_table(
        "red_flag_rules",
        sa.Column("id", sa.String(128), primary_key=True),
        sa.Column("level", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("condition", sa.String(128), nullable=True),
        sa.Column("definition", sa.JSON, nullable=False),
        sa.Column("refs", sa.JSON, nullable=False),
        sa.Column("review_status", sa.String(16), nullable=False),
        sa.Column("origin", sa.String(64), nullable=False),
    )
    op.create_table(
        "review_events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("target_kind", sa.String(32), nullable=False),
        sa.Column("target_id", sa.String(160), nullable=False),
        sa.Column("actor", sa.String(128), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("at", TZ, nullable=False),
        sa.Column("changes", sa.JSON, nullable=False),
        sa.Column("comment", sa.Text, nullable=False),
    )
    op.create_index("ix_review_events_target", "review_events", ["target_kind", "target_id"])
