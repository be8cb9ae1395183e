"""Full-text search over ingested passages: SQLite FTS5 (bm25) or PostgreSQL `ts_rank` on a generated tsvector
column (see migration 0002). Reads take an `Engine`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Engine, text


@dataclass(frozen=True)
class Passage:
    """A searchable piece of a source (a corpus answer, or a whole article) with its relevance score."""

    source_id: str
    item_id: str
    title: str
    focus: str
    qtype: str
    url: str | None
    text: str
    score: float


_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_STOPWORDS = frozenset(
    "a an and are as at be been but by can could did do does for from had has have how i if in into is it its "
    "me my no not of on or our should so than that the their them then there these they this to was we were "
    "what when where which who why will with would you your".split()
)


def query_terms(query: str) -> list[str]:
    """The plain words of a user query, lower-cased, without stop words or any search-syntax characters."""
    words = [w.lower() for w in _WORD.findall(query)]
    kept = [w for w in words if w not in _STOPWORDS] or words
    return list(dict.fromkeys(kept))[:32]


def search_passages(engine: Engine, query: str, limit: int = 10) -> list[Passage]:
    """Passages best matching the plain-words query, best first (FTS5 bm25 on SQLite, ts_rank on PostgreSQL)."""
    terms = query_terms(query)
    if not terms or limit <= 0:
        return []
    columns = "p.source_id, p.item_id, p.title, p.focus, p.qtype, p.url, p.text"
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            match = " OR ".join(f'"{term}"' for term in terms)
            sql = text(
                f"SELECT {columns}, -bm25(passages_fts, 4.0, 2.0, 1.0) AS score "
                "FROM passages_fts JOIN passages p ON p.id = passages_fts.rowid "
                "WHERE passages_fts MATCH :match ORDER BY score DESC, p.item_id LIMIT :limit"
            )
            rows = conn.execute(sql, {"match": match, "limit": limit}).all()
        else:
            tsquery = " | ".join(terms)
            sql = text(
                f"SELECT {columns}, ts_rank(p.search, to_tsquery('english', :q)) AS score "
                "FROM passages p WHERE p.search @@ to_tsquery('english', :q) "
                "ORDER BY score DESC, p.item_id LIMIT :limit"
            )
            rows = conn.execute(sql, {"q": tsquery, "limit": limit}).all()
    return [
        Passage(
            source_id=r.source_id,
            item_id=r.item_id,
            title=r.title,
            focus=r.focus,
            qtype=r.qtype,
            url=r.url,
            text=r.text,
            score=round(float(r.score), 6),
        )
        for r in rows
    ]
