"""Reading and writing the knowledge base in the database: pack sync, knowledge-base view, statistics."""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, Text, cast, delete, func, insert, select, update
from sqlalchemy.engine import Connection

from osler.memory import collector_paused
from osler.model import Claim, Concept, Evidence, Population, Prior, RedFlagRule, Reference, Statistic
from osler.model.knowledge_base import KnowledgeBase
from osler.model.names import normalize_name
from osler.store import tables as t

if TYPE_CHECKING:  # the pack loader (pydantic schema) is only needed by `osler init`
    from osler.knowledge.loader import Pack

PACK = "pack"


def now() -> datetime:
    return datetime.now(UTC)


def _hash(data: Any) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


@dataclass
class SyncReport:
    """What a pack sync changed, per table: added, updated, removed, unchanged."""

    counts: dict[str, dict[str, int]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(int)))

    def bump(self, table: str, what: str, n: int = 1) -> None:
        self.counts[table][what] += n

    def to_dict(self) -> dict[str, dict[str, int]]:
        return {table: dict(c) for table, c in self.counts.items()}


def _concept_row(concept: Concept) -> dict[str, Any]:
    return {
        "id": concept.id,
        "kind": concept.kind,
        "name": concept.name,
        "summary": concept.summary,
        "codes": {k: list(v) for k, v in concept.codes.items()},
        "attributes": dict(concept.attributes)
        | {"lay_names": list(concept.lay_names), "synonyms": list(concept.synonyms)},
        "prior": concept.prior.model_dump(mode="json") if concept.prior else None,
    }


def _claim_row(claim: Claim) -> dict[str, Any]:
    return {
        "id": claim.id,
        "subject": claim.subject,
        "relation": claim.relation,
        "object": claim.object,
        "polarity": claim.polarity,
        "strength": claim.strength,
        "frequency": claim.frequency,
        "statistics": [s.model_dump(mode="json") for s in claim.statistics],
        "population": claim.population.model_dump(mode="json"),
        "text": claim.text,
        "hedged": claim.hedged,
    }


def _reference_row(ref: Reference) -> dict[str, Any]:
    row = ref.model_dump(mode="json")
    row["authors"] = list(ref.authors)
    return row


def _rule_row(rule: RedFlagRule) -> dict[str, Any]:
    definition = rule.model_dump(
        mode="json",
        include={"all_of", "any_of", "min_any", "none_of", "min_age", "max_age", "sex", "pregnant"},
    )
    return {
        "id": rule.id,
        "level": rule.level,
        "reason": rule.reason,
        "condition": rule.condition,
        "definition": definition,
        "refs": list(rule.refs),
    }


def sync_pack(engine: Engine, pack: Pack, actor: str = "osler init") -> SyncReport:
    """Make the database hold exactly the pack's knowledge, keeping reviews, sources and ingested claims."""
    report = SyncReport()
    stamp = now()
    with engine.begin() as conn:
        _sync_rows(conn, t.bibliography, [_reference_row(r) for r in pack.references.values()], report, stamp)
        concept_rows = [_concept_row(c) for c in pack.concepts.values()]
        changed = _sync_rows(
            conn, t.concepts, concept_rows, report, stamp, versioned=True, removable=_unused_concepts
        )
        _sync_names(conn, [c for c in pack.concepts.values() if c.id in changed])
        claim_rows = []
        for claim in pack.claims.values():
            row = _claim_row(claim)
            row["review_status"] = claim.review_status
            row["_refs"] = sorted(claim.refs)
            claim_rows.append(row)
        changed_claims = _sync_rows(conn, t.claims, claim_rows, report, stamp, versioned=True, status=True)
        _sync_claim_refs(conn, [c for c in pack.claims.values() if c.id in changed_claims])
        rule_rows = [_rule_row(r) | {"review_status": r.review_status} for r in pack.rules.values()]
        _sync_rows(conn, t.red_flag_rules, rule_rows, report, stamp)
        _set_meta(conn, "pack_hash", _hash(sorted(_hash(r) for r in claim_rows)))
        conn.execute(
            insert(t.review_events).values(
                target_kind="pack",
                target_id="shipped",
                actor=actor,
                action="sync",
                at=stamp,
                changes=report.to_dict(),
                comment="",
            )
        )
    return report


def _unused_concepts(conn: Connection, ids: set[str]) -> set[str]:
    """Of these concept ids, those no non-pack claim still points at (safe to delete)."""
    if not ids:
        return set()
    used = set(
        conn.execute(
            select(t.claims.c.subject).where(t.claims.c.origin != PACK, t.claims.c.subject.in_(ids))
        ).scalars()
    ) | set(
        conn.execute(
            select(t.claims.c.object).where(t.claims.c.origin != PACK, t.claims.c.object.in_(ids))
        ).scalars()
    )
    return ids - used


def _sync_rows(
    conn: Connection,
    table: Any,
    rows: list[dict[str, Any]],
    report: SyncReport,
    stamp: datetime,
    *,
    versioned: bool = False,
    status: bool = False,
    removable: Any = None,
) -> set[str]:
    """Upsert pack rows by id and content hash; delete pack rows no longer shipped. Returns changed ids.

    Keys starting with '_' count in the content hash but are not columns (a claim's references live in their
    own table, yet citing a claim is a change that must reach the database).
    """
    name = table.name
    has = table.c
    existing = {row.id: row._mapping for row in conn.execute(select(table).where(has.origin == PACK))}
    changed: set[str] = set()
    new_rows = []
    for row in rows:
        content = {k: v for k, v in row.items() if k != "review_status"}
        digest = _hash(content)
        full = {k: v for k, v in row.items() if not k.startswith("_")} | {"origin": PACK}
        if "content_hash" in has:
            full["content_hash"] = digest
        if "updated_at" in has:
            full["updated_at"] = stamp
        old = existing.get(row["id"])
        if old is None:
            if "created_at" in has:
                full["created_at"] = stamp
            if versioned:
                full["version"] = 1
            new_rows.append(full)
            changed.add(row["id"])
            report.bump(name, "added")
        elif _differs(old, full, digest):
            if versioned:
                full["version"] = (old["version"] or 0) + 1
            conn.execute(update(table).where(has.id == row["id"]).values(**full))
            changed.add(row["id"])
            report.bump(name, "updated")
        else:
            report.bump(name, "unchanged")
    if new_rows:
        conn.execute(insert(table), new_rows)
    gone = set(existing) - {row["id"] for row in rows}
    if removable is not None:
        gone = removable(conn, gone)
    if gone:
        conn.execute(delete(table).where(has.id.in_(gone)))
        report.bump(name, "removed", len(gone))
    return changed


def _differs(old: Any, new: dict[str, Any], digest: str) -> bool:
    if "content_hash" in old:
        return bool(old["content_hash"] != digest)
    return any(old[key] != value for key, value in new.items() if key != "review_status")


def _sync_names(conn: Connection, concepts: list[Concept]) -> None:
    if not concepts:
        return
    ids = [c.id for c in concepts]
    conn.execute(delete(t.concept_names).where(t.concept_names.c.concept_id.in_(ids)))
    rows = []
    for concept in concepts:
        kinds = [("preferred", concept.name)]
        kinds += [("lay", n) for n in concept.lay_names] + [("synonym", n) for n in concept.synonyms]
        for name_kind, name in kinds:
            rows.append(
                {
                    "concept_id": concept.id,
                    "name": name,
                    "normalized": normalize_name(name),
                    "name_kind": name_kind,
                }
            )
    if rows:
        conn.execute(insert(t.concept_names), rows)


def _sync_claim_refs(conn: Connection, claims: list[Claim]) -> None:
    if not claims:
        return
    conn.execute(delete(t.claim_references).where(t.claim_references.c.claim_id.in_([c.id for c in claims])))
    rows = [
        {"claim_id": c.id, "reference_id": ref, "position": i}
        for c in claims
        for i, ref in enumerate(dict.fromkeys(c.refs))
    ]
    if rows:
        conn.execute(insert(t.claim_references), rows)


def _set_meta(conn: Connection, key: str, value: str) -> None:
    if conn.execute(select(t.meta.c.key).where(t.meta.c.key == key)).first():
        conn.execute(update(t.meta).where(t.meta.c.key == key).values(value=value))
    else:
        conn.execute(insert(t.meta).values(key=key, value=value))


def get_meta(engine: Engine, key: str) -> str | None:
    with engine.connect() as conn:
        return conn.execute(select(t.meta.c.value).where(t.meta.c.key == key)).scalar()


# -- reading ------------------------------------------------------------------------------------------------


def _concept_from_row(row: Any) -> Concept:
    attributes = dict(row.attributes)
    lay = tuple(attributes.pop("lay_names", ()))
    synonyms = tuple(attributes.pop("synonyms", ()))
    return Concept(
        id=row.id,
        kind=row.kind,
        name=row.name,
        lay_names=lay,
        synonyms=synonyms,
        codes={k: tuple(v) for k, v in row.codes.items()},
        summary=row.summary,
        attributes=attributes,
        prior=Prior(**row.prior) if row.prior else None,
        version=row.version,
    )


class _Decoder:
    """JSON columns decoded once per distinct value: most claims share an empty population and statistics."""

    def __init__(self) -> None:
        self._statistics: dict[str, tuple[Statistic, ...]] = {}
        self._populations: dict[str, Population] = {}

    def statistics(self, raw: str) -> tuple[Statistic, ...]:
        if raw not in self._statistics:
            self._statistics[raw] = tuple(Statistic(**s) for s in json.loads(raw))
        return self._statistics[raw]

    def population(self, raw: str) -> Population:
        if raw not in self._populations:
            self._populations[raw] = Population(**json.loads(raw))
        return self._populations[raw]


def load_knowledge_base(engine: Engine) -> KnowledgeBase:
    """The whole knowledge base from the database, as an in-memory view (rejected claims left out)."""
    with collector_paused(), engine.connect() as conn:
        concepts = [_concept_from_row(r) for r in conn.execute(select(t.concepts))]
        refs_by_claim: dict[str, list[str]] = defaultdict(list)
        for row in conn.execute(select(t.claim_references).order_by(t.claim_references.c.position)):
            refs_by_claim[row.claim_id].append(row.reference_id)
        evidence_by_claim: dict[str, list[Evidence]] = defaultdict(list)
        for row in conn.execute(select(t.evidence)):
            evidence_by_claim[row.claim_id].append(
                Evidence(source_id=row.source_id, quote=row.quote, start=row.start_offset, end=row.end_offset)
            )
        decode = _Decoder()
        c = t.claims.c
        rows = conn.execute(
            select(
                c.id,
                c.subject,
                c.relation,
                c.object,
                c.polarity,
                c.strength,
                c.frequency,
                cast(c.statistics, Text),
                cast(c.population, Text),
                c.text,
                c.hedged,
                c.review_status,
                c.origin,
                c.version,
            ).where(c.review_status != "rejected")
        )
        claims = [
            Claim(
                id=cid,
                subject=subject,
                relation=relation,
                object=obj,
                polarity=polarity,
                strength=strength,
                frequency=frequency,
                statistics=decode.statistics(statistics),
                population=decode.population(population),
                text=text,
                refs=tuple(refs_by_claim.get(cid, ())),
                evidence=tuple(evidence_by_claim.get(cid, ())),
                hedged=hedged,
                review_status=review_status,
                origin=origin,
                version=version,
            )
            for (
                cid,
                subject,
                relation,
                obj,
                polarity,
                strength,
                frequency,
                statistics,
                population,
                text,
                hedged,
                review_status,
                origin,
                version,
            ) in rows
        ]
        references = [
            Reference(
                **{k: v for k, v in r._mapping.items() if k != "origin"} | {"authors": tuple(r.authors)}
            )
            for r in conn.execute(select(t.bibliography))
        ]
        rules = [
            RedFlagRule(
                id=r.id,
                level=r.level,
                reason=r.reason,
                condition=r.condition,
                refs=tuple(r.refs),
                review_status=r.review_status,
                **r.definition,
            )
            for r in conn.execute(select(t.red_flag_rules))
        ]
        return KnowledgeBase(concepts, claims, references, rules)


def stats(engine: Engine) -> dict[str, int]:
    """Counts of what the database holds, with the sourcing gaps editors must close."""
    with engine.connect() as conn:

        def count(query: Any) -> int:
            return int(conn.execute(query).scalar() or 0)

        def kind(*kinds: str) -> int:
            return count(select(func.count()).select_from(t.concepts).where(t.concepts.c.kind.in_(kinds)))

        sourced = select(t.claim_references.c.claim_id).union(select(t.evidence.c.claim_id))
        b = t.bibliography.c
        return {
            "conditions": kind("condition"),
            "findings": kind("finding"),
            "drugs": kind("drug", "drug_class"),
            "claims": count(select(func.count()).select_from(t.claims)),
            "references": count(select(func.count()).select_from(t.bibliography)),
            "references_without_locator": count(
                select(func.count())
                .select_from(t.bibliography)
                .where(
                    func.coalesce(b.doi, "") == "",
                    func.coalesce(b.pmid, "") == "",
                    func.coalesce(b.url, "") == "",
                )
            ),
            "claims_without_reference": count(
                select(func.count()).select_from(t.claims).where(t.claims.c.id.not_in(sourced))
            ),
            "sources": count(select(func.count()).select_from(t.sources)),
        }
