"""The ingestion pipeline: files -> documents -> extracted, graded claims -> the store, one source at a time.

Each article file is written in its own transaction; corpus items (MedQuAD) are extracted and validated one by
one, then written in chunks with bulk inserts; if a chunk's write fails, its items are retried one transaction
each, so a bad item never loses the others. A source whose content hash is already stored is skipped, which
makes ingestion idempotent.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from osler.errors import InputError, OslerError
from osler.ingest.conflicts import find_conflicts
from osler.ingest.extract.claims import extract_claims
from osler.ingest.extract.concepts import ConceptMatcher, Mention
from osler.ingest.extract.references import parse_reference_list
from osler.ingest.extract.relations import heading_relation
from osler.ingest.formats import FORMATS, Document, RecordError, read_documents
from osler.model.knowledge_base import KnowledgeBase
from osler.store import sources as store

Progress = Callable[[str, int, int], None]
"""Called as progress(label, done, total) after each document; `total` grows as corpus files are read."""
CHUNK = 400
_KNOWN_EXTENSIONS = tuple(ext for fmt in FORMATS.values() for ext in fmt.extensions)


@dataclass(frozen=True)
class IngestError:
    """Why one file or corpus item was not ingested."""

    path: str
    item: str | None
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "item": self.item, "message": self.message}


@dataclass
class IngestReport:
    """What a batch changed: sources added or already present, claims, evidence, new conflicts, errors."""

    sources_added: list[str] = field(default_factory=list)
    sources_unchanged: list[str] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    new_conflicts: set[tuple[str, str, str]] = field(default_factory=set)
    errors: list[IngestError] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "sources": len(self.sources_added),
            "unchanged": len(self.sources_unchanged),
            "claims": self.counts["claims_added"],
            "claims_merged": self.counts["claims_merged"],
            "evidence": self.counts["evidence"],
            "references": self.counts["references"],
            "candidates": self.counts["candidates"],
            "passages": self.counts["passages"],
            "new_conflicts": len(self.new_conflicts),
            "errors": [e.to_dict() for e in self.errors],
            "source_ids": sorted(self.sources_added),
        }


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files to read: each path itself, or every file with a known extension under a folder (sorted)."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(
                sorted(
                    p for p in path.rglob("*") if p.is_file() and p.name.lower().endswith(_KNOWN_EXTENSIONS)
                )
            )
        else:
            out.append(path)
    return out


def choose_topic(matcher: ConceptMatcher, doc: Document, mentions: Sequence[Mention]) -> str | None:
    """What a document is about: a concept named in its focus, else in its title, else its commonest condition."""
    for hint in (doc.focus, doc.title):
        if not hint:
            continue
        found = matcher.find(hint)
        for kinds in ({"condition"}, {"finding", "drug", "drug_class", "treatment", "test", "risk_factor"}):
            for mention in found:
                for cid in mention.concept_ids:
                    if matcher.kinds.get(cid) in kinds:
                        return cid
    tally: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for mention in mentions:
        for cid in mention.concept_ids:
            if matcher.kinds.get(cid) == "condition":
                tally[cid] += 1
                first_seen.setdefault(cid, mention.start)
                break
    if not tally:
        return None
    return min(tally, key=lambda c: (-tally[c], first_seen[c]))


def prepare(doc: Document, matcher: ConceptMatcher) -> store.SourceDraft:
    """Extract everything from one document into a draft ready to store (pure: no database)."""
    content_hash = doc.content_hash()
    source_id = doc.item_id or f"src-{content_hash[:16]}"
    text = doc.text
    references = parse_reference_list(text) if doc.format != "medquad" else None
    body_end = references.body_end if references else len(text)
    mentions = matcher.find(text, 0, body_end)
    topic = choose_topic(matcher, doc, mentions)
    lead = heading_relation(doc.lead_heading) if doc.lead_heading else None
    extraction = extract_claims(text, mentions, matcher.kinds, topic, 0, body_end, lead)
    known_refs = {r.n for r in references.entries} if references else set()
    claims: dict[tuple[str, int, int], store.ClaimDraft] = {}
    for claim in extraction.claims:
        if claim.citations and not set(claim.citations) <= known_refs:
            claim = _with_citations(claim, tuple(n for n in claim.citations if n in known_refs))
        claims.setdefault((claim.claim_id, claim.start, claim.end), claim)
    seen: Counter[str] = Counter(c.normalized for c, _ in extraction.candidates)
    candidates: dict[tuple[str, str, str, int], store.CandidateDraft] = {}
    for candidate, capitalised in extraction.candidates:
        if capitalised or seen[candidate.normalized] >= 2:
            candidates.setdefault(
                (candidate.normalized, candidate.relation, candidate.slot, candidate.start), candidate
            )
    meta = dict(doc.meta)
    if topic:
        meta["topic"] = topic
    passage = store.PassageDraft(
        item_id=doc.item_id or source_id,
        title=doc.title,
        text=text[:body_end],
        focus=doc.focus or (matcher.names.get(topic, "") if topic else ""),
        qtype=doc.qtype,
        url=doc.url,
    )
    return store.SourceDraft(
        id=source_id,
        title=doc.title,
        kind=doc.kind,
        format=doc.format,
        text=text,
        content_hash=content_hash,
        path=doc.path,
        url=doc.url,
        meta=meta,
        claims=sorted(claims.values(), key=lambda c: (c.start, c.subject, c.relation, c.object or "")),
        references=list(references.entries) if references else [],
        candidates=list(candidates.values()),
        passages=[passage],
    )


def _with_citations(claim: store.ClaimDraft, cites: tuple[int, ...]) -> store.ClaimDraft:
    from dataclasses import replace

    return replace(claim, citations=cites)


def _keys(votes: Iterable[store.Vote]) -> set[tuple[str, str, str]]:
    return {c.key for c in find_conflicts(votes)}


def _write(engine: Engine, drafts: list[store.SourceDraft], report: IngestReport) -> None:
    """Write drafts in one transaction, skipping those already stored; record new conflicts."""
    with engine.begin() as conn:
        known = store.known_hashes(conn, [d.content_hash for d in drafts])
        fresh: dict[str, store.SourceDraft] = {}
        for draft in drafts:
            if draft.content_hash in known or draft.content_hash in {f.content_hash for f in fresh.values()}:
                report.sources_unchanged.append(draft.id)
            elif draft.id in fresh:
                report.sources_unchanged.append(draft.id)
            else:
                fresh[draft.id] = draft
        if not fresh:
            return
        subjects = {c.subject for d in fresh.values() for c in d.claims}
        before = _keys(store.claim_votes(conn, subjects))
        counts = store.write_sources(conn, list(fresh.values()), datetime.now(UTC))
        after = _keys(store.claim_votes(conn, subjects))
    report.counts.update(counts)
    report.sources_added.extend(fresh)
    report.new_conflicts |= after - before


def _store_chunk(engine: Engine, chunk: list[tuple[str, store.SourceDraft]], report: IngestReport) -> None:
    try:
        _write(engine, [d for _, d in chunk], report)
        return
    except (SQLAlchemyError, OslerError):
        if len(chunk) == 1:
            raise
    for label, draft in chunk:  # retry one by one so a single bad item fails alone
        try:
            _write(engine, [draft], report)
        except (SQLAlchemyError, OslerError) as exc:
            report.errors.append(IngestError(label, draft.id, f"could not store: {_short(exc)}"))


def _short(exc: Exception) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:300]


def _documents(path: Path, format: str, report: IngestReport) -> Iterator[Document]:
    try:
        _, documents = read_documents(path, format)
        for item in documents:
            if isinstance(item, RecordError):
                report.errors.append(IngestError(str(path), item.label, item.message))
            else:
                yield item
    except InputError as exc:
        report.errors.append(IngestError(str(path), None, str(exc)))


def ingest_paths(
    engine: Engine,
    kb: KnowledgeBase,
    paths: Iterable[Path | str],
    format: str = "auto",
    progress: Progress | None = None,
) -> IngestReport:
    """Ingest files (or folders of files) into the database; returns what changed and what failed."""
    report = IngestReport()
    matcher = ConceptMatcher(kb)
    files = expand_paths(Path(p) for p in paths)
    total, done = len(files), 0
    for path in files:
        chunk: list[tuple[str, Document]] = []
        items = 0
        for doc in _documents(path, format, report):
            items += 1
            total += 1 if items > 1 else 0
            chunk.append((str(path), doc))
            if len(chunk) >= CHUNK:
                _flush(engine, matcher, chunk, report)
                done += len(chunk)
                chunk = []
                if progress:
                    progress(path.name, done, total)
        if chunk:
            _flush(engine, matcher, chunk, report)
            done += len(chunk)
        if items == 0:
            done += 1
        if progress:
            progress(path.name, done, total)
    return report


def _flush(
    engine: Engine, matcher: ConceptMatcher, chunk: list[tuple[str, Document]], report: IngestReport
) -> None:
    """Extract the documents not stored yet, then store them (all at once, or one by one after a failure)."""
    try:
        with engine.connect() as conn:
            known = store.known_hashes(conn, [doc.content_hash() for _, doc in chunk])
    except SQLAlchemyError as exc:
        report.errors.append(IngestError(chunk[0][0], None, f"could not read the database: {_short(exc)}"))
        return
    drafts: list[tuple[str, store.SourceDraft]] = []
    for label, doc in chunk:
        digest = doc.content_hash()
        if digest in known:
            report.sources_unchanged.append(doc.item_id or f"src-{digest[:16]}")
            continue
        try:
            drafts.append((label, prepare(doc, matcher)))
        except Exception as exc:  # an extraction bug on one item must not stop the batch
            report.errors.append(IngestError(label, doc.item_id, f"could not extract: {_short(exc)}"))
    if not drafts:
        return
    try:
        _store_chunk(engine, drafts, report)
    except (SQLAlchemyError, OslerError) as exc:
        label, draft = drafts[0]
        item = draft.id if draft.format == "medquad" else None
        report.errors.append(IngestError(label, item, f"could not store: {_short(exc)}"))
