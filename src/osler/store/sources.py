"""Sources and what ingestion drew from them: claims with evidence, references, candidate concepts, passages.

Writes take a `Connection` inside the caller's transaction (one source, or one chunk of corpus items, at a
time); reads take an `Engine`. Full-text search over the passages lives in `osler.store.passages`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, bindparam, insert, select, update
from sqlalchemy.engine import Connection

from osler.model.claim import STRENGTH_ORDER, claim_id
from osler.store import tables as t

INGEST = "ingest"
ACTOR = "osler ingest"
_CHUNK = 500


# -- what ingestion hands to the store ----------------------------------------------------------------------


@dataclass(frozen=True)
class ClaimDraft:
    """One extracted statement with its exact quote and offsets into the source's stored text."""

    subject: str
    relation: str
    object: str | None
    polarity: str
    strength: str
    hedged: bool
    quote: str
    start: int
    end: int
    statistics: tuple[dict[str, Any], ...] = ()
    population: dict[str, Any] = field(default_factory=dict)
    frequency: float | None = None
    citations: tuple[int, ...] = ()

    @property
    def claim_id(self) -> str:
        """Equal statements (subject, relation, object, polarity) share one ingested claim."""
        return claim_id(INGEST, self.subject, self.relation, self.object, self.polarity)


@dataclass(frozen=True)
class ReferenceDraft:
    """An entry of a source's numbered reference list."""

    n: int
    title: str
    kind: str
    raw: str
    year: int | None = None
    doi: str | None = None
    pmid: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class CandidateDraft:
    """A term in a relation slot that matched no concept: proposed to an editor, never created silently."""

    name: str
    normalized: str
    relation: str
    slot: str
    quote: str
    start: int
    end: int


@dataclass(frozen=True)
class PassageDraft:
    """A piece of a source to index for full-text search."""

    item_id: str
    title: str
    text: str
    focus: str = ""
    qtype: str = ""
    url: str | None = None


@dataclass
class SourceDraft:
    """A source, fully extracted and validated, ready to be written in one go."""

    id: str
    title: str
    kind: str
    format: str
    text: str
    content_hash: str
    path: str | None = None
    url: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    claims: list[ClaimDraft] = field(default_factory=list)
    references: list[ReferenceDraft] = field(default_factory=list)
    candidates: list[CandidateDraft] = field(default_factory=list)
    passages: list[PassageDraft] = field(default_factory=list)


def reference_id(source_id: str, n: int) -> str:
    """The bibliography id of entry `n` of a source's reference list."""
    return f"{source_id}#ref-{n}"


def chunks(items: list[Any], size: int = _CHUNK) -> Iterator[list[Any]]:
    """Successive slices of at most `size` items (keeps IN lists and bulk inserts bounded)."""
    for i in range(0, len(items), size):
        yield items[i : i + size]


# -- writing ------------------------------------------------------------------------------------------------


def known_hashes(conn: Connection, hashes: Iterable[str]) -> set[str]:
    """Of these content hashes, those already stored (their sources were ingested before)."""
    found: set[str] = set()
    for part in chunks(sorted(set(hashes))):
        found |= set(
            conn.execute(select(t.sources.c.content_hash).where(t.sources.c.content_hash.in_(part))).scalars()
        )
    return found


def write_sources(conn: Connection, drafts: list[SourceDraft], stamp: datetime) -> dict[str, int]:
    """Store sources with their claims (merging equal claims), evidence, references, candidates and passages."""
    counts: Counter[str] = Counter()
    if not drafts:
        return dict(counts)
    conn.execute(insert(t.sources), [_source_row(d, stamp) for d in drafts])
    counts["sources"] += len(drafts)
    refs = [(d.id, r) for d in drafts for r in d.references]
    if refs:
        conn.execute(insert(t.bibliography), [_bibliography_row(sid, r) for sid, r in refs])
        conn.execute(
            insert(t.source_references),
            [
                {"source_id": sid, "n": r.n, "reference_id": reference_id(sid, r.n), "raw": r.raw}
                for sid, r in refs
            ],
        )
        counts["references"] += len(refs)
    counts.update(_write_claims(conn, drafts, stamp))
    candidates = [_candidate_row(d.id, c) for d in drafts for c in d.candidates]
    if candidates:
        conn.execute(insert(t.candidate_concepts), candidates)
        counts["candidates"] += len(candidates)
    passages = [_passage_row(d.id, p) for d in drafts for p in d.passages]
    if passages:
        conn.execute(insert(t.passages), passages)
        counts["passages"] += len(passages)
    conn.execute(
        insert(t.review_events),
        [
            {
                "target_kind": "source",
                "target_id": d.id,
                "actor": ACTOR,
                "action": "ingest",
                "at": stamp,
                "changes": {"claims": len({c.claim_id for c in d.claims}), "evidence": len(d.claims)},
                "comment": d.title[:200],
            }
            for d in drafts
        ],
    )
    return dict(counts)


def _source_row(d: SourceDraft, stamp: datetime) -> dict[str, Any]:
    return {
        "id": d.id,
        "title": d.title,
        "path": d.path,
        "url": d.url,
        "kind": d.kind,
        "format": d.format,
        "text": d.text,
        "content_hash": d.content_hash,
        "meta": d.meta,
        "created_at": stamp,
    }


def _bibliography_row(source_id: str, r: ReferenceDraft) -> dict[str, Any]:
    return {
        "id": reference_id(source_id, r.n),
        "kind": r.kind,
        "title": r.title,
        "authors": [],
        "year": r.year,
        "source": r.raw,
        "doi": r.doi,
        "pmid": r.pmid,
        "url": r.url,
        "note": "parsed from the reference list of an ingested source",
        "origin": source_id,
    }


def _candidate_row(source_id: str, c: CandidateDraft) -> dict[str, Any]:
    return {
        "name": c.name,
        "normalized": c.normalized,
        "relation": c.relation,
        "slot": c.slot,
        "source_id": source_id,
        "quote": c.quote,
        "start_offset": c.start,
        "end_offset": c.end,
        "status": "proposed",
    }


def _passage_row(source_id: str, p: PassageDraft) -> dict[str, Any]:
    return {
        "source_id": source_id,
        "item_id": p.item_id,
        "title": p.title,
        "focus": p.focus,
        "qtype": p.qtype,
        "url": p.url,
        "text": p.text,
    }


def _existing_claims(conn: Connection, ids: set[str]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for part in chunks(sorted(ids)):
        for row in conn.execute(select(t.claims).where(t.claims.c.id.in_(part))):
            found[row.id] = row
    return found


def _write_claims(conn: Connection, drafts: list[SourceDraft], stamp: datetime) -> Counter[str]:
    counts: Counter[str] = Counter()
    by_id: dict[str, list[tuple[str, ClaimDraft]]] = defaultdict(list)
    for d in drafts:
        for c in d.claims:
            by_id[c.claim_id].append((d.id, c))
    if not by_id:
        return counts
    existing = _existing_claims(conn, set(by_id))
    new_rows = []
    for cid, items in by_id.items():
        if cid in existing:
            continue
        first = items[0][1]
        new_rows.append(
            {
                "id": cid,
                "subject": first.subject,
                "relation": first.relation,
                "object": first.object,
                "polarity": first.polarity,
                "strength": merged_strength([c.strength for _, c in items]),
                "frequency": first.frequency,
                "statistics": _merge_statistics([], [c for _, c in items]),
                "population": first.population,
                "text": "",
                "hedged": all(c.hedged for _, c in items),
                "review_status": "submitted",
                "origin": INGEST,
                "version": 1,
                "content_hash": "",
                "created_at": stamp,
                "updated_at": stamp,
            }
        )
    if new_rows:
        conn.execute(insert(t.claims), new_rows)
    counts["claims_added"] += len(new_rows)
    evidence_rows = [
        {
            "claim_id": cid,
            "source_id": sid,
            "quote": c.quote,
            "start_offset": c.start,
            "end_offset": c.end,
            "strength": c.strength,
            "hedged": c.hedged,
        }
        for cid, items in by_id.items()
        for sid, c in items
    ]
    conn.execute(insert(t.evidence), evidence_rows)
    counts["evidence"] += len(evidence_rows)
    merged = {cid: items for cid, items in by_id.items() if cid in existing}
    if merged:
        _remerge(conn, merged, existing, stamp)
        counts["claims_merged"] += len(merged)
    _link_references(conn, by_id)
    return counts


def merged_strength(strengths: list[str]) -> str:
    """The grade most sources gave; on a tie, the weaker one (the cautious reading)."""
    tally = Counter(strengths)
    return min(tally, key=lambda s: (-tally[s], STRENGTH_ORDER.get(s, 0)))


def _merge_statistics(old: list[dict[str, Any]], drafts: list[ClaimDraft]) -> list[dict[str, Any]]:
    merged = list(old)
    for draft in drafts:
        for stat in draft.statistics:
            if stat not in merged:
                merged.append(dict(stat))
    return merged


def _remerge(
    conn: Connection,
    merged: dict[str, list[tuple[str, ClaimDraft]]],
    existing: dict[str, Any],
    stamp: datetime,
) -> None:
    """Re-grade claims that gained evidence: strength by majority of sources, statistics unioned."""
    strengths: dict[str, list[str]] = defaultdict(list)
    hedges: dict[str, list[bool]] = defaultdict(list)
    for part in chunks(sorted(merged)):
        query = select(t.evidence.c.claim_id, t.evidence.c.strength, t.evidence.c.hedged).where(
            t.evidence.c.claim_id.in_(part)
        )
        for row in conn.execute(query):
            strengths[row.claim_id].append(row.strength or existing[row.claim_id].strength)
            hedges[row.claim_id].append(bool(row.hedged))
    updates = []
    for cid, items in sorted(merged.items()):
        row = existing[cid]
        statistics = _merge_statistics(list(row.statistics), [c for _, c in items])
        values = {
            "strength": merged_strength(strengths[cid]),
            "hedged": all(hedges[cid]),
            "statistics": statistics,
        }
        if any(values[k] != getattr(row, k) for k in values):
            updates.append({"cid": cid, **values, "updated_at": stamp})
    if updates:
        statement = (
            update(t.claims)
            .where(t.claims.c.id == bindparam("cid"))
            .values(
                strength=bindparam("strength"),
                hedged=bindparam("hedged"),
                statistics=bindparam("statistics"),
                updated_at=bindparam("updated_at"),
            )
        )
        conn.execute(statement, updates)


def _link_references(conn: Connection, by_id: dict[str, list[tuple[str, ClaimDraft]]]) -> None:
    wanted: dict[str, list[str]] = {}
    for cid, items in by_id.items():
        refs = [reference_id(sid, n) for sid, c in items for n in c.citations]
        if refs:
            wanted[cid] = list(dict.fromkeys(refs))
    if not wanted:
        return
    have: dict[str, set[str]] = defaultdict(set)
    for part in chunks(sorted(wanted)):
        query = select(t.claim_references).where(t.claim_references.c.claim_id.in_(part))
        for row in conn.execute(query):
            have[row.claim_id].add(row.reference_id)
    rows = []
    for cid, refs in sorted(wanted.items()):
        position = len(have[cid])
        for ref in refs:
            if ref not in have[cid]:
                rows.append({"claim_id": cid, "reference_id": ref, "position": position})
                position += 1
    if rows:
        conn.execute(insert(t.claim_references), rows)


# -- reading ------------------------------------------------------------------------------------------------


def source_text(engine: Engine, source_id: str) -> str | None:
    """The stored plain text of a source, which evidence offsets index into (None when unknown)."""
    with engine.connect() as conn:
        return conn.execute(select(t.sources.c.text).where(t.sources.c.id == source_id)).scalar()


@dataclass(frozen=True)
class Vote:
    """One source's (or the pack's) grading of a subject-relation-object triple, for conflict detection."""

    subject: str
    relation: str
    object: str
    polarity: str
    strength: str
    claim_id: str
    source: str
    origin: str


def claim_votes(conn: Connection, subjects: Iterable[str] | None = None) -> list[Vote]:
    """Every non-rejected claim with an object as votes: one per evidence source for ingested claims,
    one per claim (its references, or 'pack') for shipped claims."""
    c = t.claims.c
    query = select(t.claims).where(c.object.is_not(None), c.review_status != "rejected")
    rows: list[Any] = []
    if subjects is None:
        rows = list(conn.execute(query))
    else:
        for part in chunks(sorted(set(subjects))):
            rows.extend(conn.execute(query.where(c.subject.in_(part))))
    ingested = [r.id for r in rows if r.origin == INGEST]
    per_source: dict[str, dict[str, str]] = defaultdict(dict)
    for part in chunks(sorted(ingested)):
        e = t.evidence.c
        for ev in conn.execute(select(e.claim_id, e.source_id, e.strength).where(e.claim_id.in_(part))):
            per_source[ev.claim_id].setdefault(ev.source_id, ev.strength or "")
    others = [r.id for r in rows if r.origin != INGEST]
    refs: dict[str, list[str]] = defaultdict(list)
    for part in chunks(sorted(others)):
        cr = t.claim_references.c
        for ref in conn.execute(select(cr.claim_id, cr.reference_id).where(cr.claim_id.in_(part))):
            refs[ref.claim_id].append(ref.reference_id)
    votes = []
    for r in rows:
        if r.origin == INGEST:
            for source, strength in sorted(per_source.get(r.id, {}).items()):
                votes.append(
                    Vote(
                        r.subject,
                        r.relation,
                        r.object,
                        r.polarity,
                        strength or r.strength,
                        r.id,
                        source,
                        r.origin,
                    )
                )
        else:
            for source in sorted(refs.get(r.id, [])) or [r.origin]:
                votes.append(
                    Vote(r.subject, r.relation, r.object, r.polarity, r.strength, r.id, source, r.origin)
                )
    return votes
