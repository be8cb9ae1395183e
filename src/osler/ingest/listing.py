"""Listings of what ingestion stored, as plain JSON-ready dicts: sources, ingested claims, candidate concepts."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import Engine, func, select

from osler.store import tables as t
from osler.store.sources import INGEST, chunks


def list_sources(engine: Engine) -> list[dict[str, Any]]:
    """Every stored source with its parsed references and how many claims rest on it."""
    with engine.connect() as conn:
        counts: dict[str, int] = dict(
            conn.execute(
                select(t.evidence.c.source_id, func.count(func.distinct(t.evidence.c.claim_id))).group_by(
                    t.evidence.c.source_id
                )
            ).all()
        )
        refs: dict[str, list[dict[str, Any]]] = defaultdict(list)
        query = (
            select(t.source_references.c.source_id, t.source_references.c.n, t.bibliography)
            .join(t.bibliography, t.bibliography.c.id == t.source_references.c.reference_id)
            .order_by(t.source_references.c.source_id, t.source_references.c.n)
        )
        for row in conn.execute(query):
            refs[row.source_id].append({"n": row.n, "title": row.title, "year": row.year, "kind": row.kind})
        s = t.sources.c
        rows = conn.execute(select(s.id, s.title, s.path, s.url, s.kind, s.format).order_by(s.id)).all()
    return [
        {
            "id": r.id,
            "title": r.title,
            "path": r.path,
            "url": r.url,
            "kind": r.kind,
            "format": r.format,
            "references": refs.get(r.id, []),
            "claims": int(counts.get(r.id, 0)),
        }
        for r in rows
    ]


def list_claims(engine: Engine, source_id: str | None = None) -> list[dict[str, Any]]:
    """Ingested claims (optionally those resting on one source) with subject, object, grade and evidence."""
    with engine.connect() as conn:
        c = t.claims.c
        query = select(t.claims).where(c.origin == INGEST).order_by(c.subject, c.relation, c.object, c.id)
        if source_id is not None:
            query = query.where(
                c.id.in_(select(t.evidence.c.claim_id).where(t.evidence.c.source_id == source_id))
            )
        claims = conn.execute(query).all()
        ids = [r.id for r in claims]
        evidence: dict[str, list[dict[str, Any]]] = defaultdict(list)
        refs: dict[str, list[str]] = defaultdict(list)
        for part in chunks(ids):
            e = t.evidence.c
            for row in conn.execute(
                select(t.evidence).where(e.claim_id.in_(part)).order_by(e.source_id, e.start_offset, e.id)
            ):
                evidence[row.claim_id].append(
                    {
                        "source": row.source_id,
                        "quote": row.quote,
                        "start": row.start_offset,
                        "end": row.end_offset,
                    }
                )
            cr = t.claim_references.c
            for row in conn.execute(
                select(t.claim_references).where(cr.claim_id.in_(part)).order_by(cr.claim_id, cr.position)
            ):
                refs[row.claim_id].append(row.reference_id)
        concept_ids = {r.subject for r in claims} | {r.object for r in claims if r.object}
        names: dict[str, str] = {}
        for part in chunks(sorted(concept_ids)):
            names.update(
                conn.execute(
                    select(t.concepts.c.id, t.concepts.c.name).where(t.concepts.c.id.in_(part))
                ).all()
            )
    return [
        {
            "id": r.id,
            "subject": {"id": r.subject, "name": names.get(r.subject, r.subject)},
            "relation": r.relation,
            "object": {"id": r.object, "name": names.get(r.object, r.object)} if r.object else None,
            "polarity": r.polarity,
            "strength": r.strength,
            "hedged": bool(r.hedged),
            "statistic": list(r.statistics),
            "population": r.population,
            "frequency": r.frequency,
            "evidence": evidence.get(r.id, []),
            "support": len({ev["source"] for ev in evidence.get(r.id, [])}),
            "references": refs.get(r.id, []),
            "review_status": r.review_status,
        }
        for r in claims
    ]


def list_candidates(engine: Engine) -> list[dict[str, Any]]:
    """Proposed concepts grouped by normalised name: how often, in which slots, from which sources."""
    grouped: dict[str, dict[str, Any]] = {}
    with engine.connect() as conn:
        cc = t.candidate_concepts.c
        for row in conn.execute(
            select(t.candidate_concepts).order_by(cc.normalized, cc.source_id, cc.start_offset)
        ):
            entry = grouped.setdefault(
                row.normalized,
                {"name": row.name, "count": 0, "relations": [], "sources": [], "status": row.status},
            )
            entry["count"] += 1
            if row.relation not in entry["relations"]:
                entry["relations"].append(row.relation)
            if row.source_id not in entry["sources"]:
                entry["sources"].append(row.source_id)
    return [{"normalized": key, **value} for key, value in sorted(grouped.items())]
