"""Ingestion: passages with a full-text index, per-source reference lists, candidate concepts, evidence grading.

Revision ID: 0002

The full-text index differs by dialect: SQLite gets an FTS5 virtual table (`passages_fts`, porter stemming)
kept in step with `passages` by triggers; PostgreSQL gets a generated `tsvector` column with a GIN index.
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

SQLITE_FTS = [
    "CREATE VIRTUAL TABLE passages_fts USING fts5("
    "title, focus, text, content='passages', content_rowid='id', tokenize='porter unicode61')",
    "CREATE TRIGGER passages_ai AFTER INSERT ON passages BEGIN "
    "INSERT INTO passages_fts(rowid, title, focus, text) VALUES (new.id, new.title, new.focus, new.text); END",
    "CREATE TRIGGER passages_ad AFTER DELETE ON passages BEGIN "
    "INSERT INTO passages_fts(passages_fts, rowid, title, focus, text) "
    "VALUES ('delete', old.id, old.title, old.focus, old.text); END",
    "CREATE TRIGGER passages_au AFTER UPDATE ON passages BEGIN "
    "INSERT INTO passages_fts(passages_fts, rowid, title, focus, text) "
    "VALUES ('delete', old.id, old.title, old.focus, old.text); "
    "INSERT INTO passages_fts(rowid, title, focus, text) VALUES (new.id, new.title, new.focus, new.text); END",
]
POSTGRES_FTS = [
    "ALTER TABLE passages ADD COLUMN search tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('english', coalesce(title, '') || ' ' || coalesce(focus, '')), 'A') || "
    "setweight(to_tsvector('english', coalesce(text, '')), 'B')) STORED",
    "CREATE INDEX ix_passages_search ON passages USING GIN (search)",
]


def upgrade() -> None:
    op.create_table(
        "passages",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "source_id",
            sa.String(64),
            sa.ForeignKey("sources.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("item_id", sa.String(160), nullable=False, index=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("focus", sa.Text, nullable=False),
        sa.Column("qtype", sa.String(64), nullable=False),
        sa.Column("url", sa.Text, nullable=True),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_table(
        "source_references",
        sa.Column(
            "source_id", sa.String(64), sa.ForeignKey("sources.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("n", sa.Integer, primary_key=True),
        sa.Column(
            "reference_id",
            sa.String(160),
            sa.ForeignKey("bibliography.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("raw", sa.Text, nullable=False),
    )
    op.create_table(
        "candidate_concepts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("normalized", sa.Text, nullable=False, index=True),
        sa.Column("relation", sa.String(32), nullable=False),
        sa.Column("slot", sa.String(16), nullable=False),
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
        sa.Column("status", sa.String(16), nullable=False),
    )
    op.add_column("evidence", sa.Column("strength", sa.String(16), nullable=True))
    op.add_column("evidence", sa.Column("hedged", sa.Boolean, nullable=True))
    op.create_index("ix_claims_key", "claims", ["subject", "relation", "object"])
    statements = SQLITE_FTS if op.get_bind().dialect.name == "sqlite" else POSTGRES_FTS
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS passages_fts")
    op.drop_index("ix_claims_key", "claims")
    with op.batch_alter_table("evidence") as batch:
        batch.drop_column("hedged")
        batch.drop_column("strength")
    op.drop_table("candidate_concepts")
    op.drop_table("source_references")
    op.drop_table("passages")
