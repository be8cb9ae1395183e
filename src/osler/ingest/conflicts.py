"""Consensus and conflict between sources.

Votes are gradings of one subject-relation-object triple: one per source for ingested claims, one per shipped
claim. Votes with the same polarity and strength form a *side*. A triple is in conflict when two sides have
opposite polarity, or the same polarity with strengths two or more levels apart on the scale
weak < may_help < strong < definite (e.g. "weak" against "strong"). Only triples with at least one ingested
vote are reported: disagreements inside the shipped pack are the editors' lint, not ingestion's.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from osler.model.claim import STRENGTH_ORDER
from osler.store.sources import INGEST, Vote

Key = tuple[str, str, str]


@dataclass(frozen=True)
class Side:
    """Sources that agree on polarity and strength for a triple."""

    polarity: str
    strength: str
    claims: tuple[str, ...]
    sources: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "polarity": self.polarity,
            "strength": self.strength,
            "claims": list(self.claims),
            "sources": list(self.sources),
        }


@dataclass(frozen=True)
class ConflictReport:
    """A subject-relation-object triple on which sources disagree, with every side."""

    subject: str
    relation: str
    object: str
    sides: tuple[Side, ...]

    @property
    def key(self) -> Key:
        return (self.subject, self.relation, self.object)

    def to_dict(self) -> dict[str, Any]:
        return {
            "subject": self.subject,
            "relation": self.relation,
            "object": self.object,
            "sides": [s.to_dict() for s in self.sides],
        }


def sides_disagree(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """True when two (polarity, strength) gradings conflict: opposite polarity, or strengths >= 2 apart."""
    if a[0] != b[0]:
        return True
    return abs(STRENGTH_ORDER.get(a[1], 0) - STRENGTH_ORDER.get(b[1], 0)) >= 2


def find_conflicts(votes: Iterable[Vote]) -> list[ConflictReport]:
    """Every triple whose votes disagree (see the module docstring), sorted by triple."""
    by_key: dict[Key, list[Vote]] = defaultdict(list)
    for vote in votes:
        by_key[(vote.subject, vote.relation, vote.object)].append(vote)
    reports = []
    for key in sorted(by_key):
        group = by_key[key]
        if not any(v.origin == INGEST for v in group):
            continue
        grades = sorted({(v.polarity, v.strength) for v in group})
        if not any(sides_disagree(a, b) for i, a in enumerate(grades) for b in grades[i + 1 :]):
            continue
        sides = []
        for polarity, strength in grades:
            members = [v for v in group if (v.polarity, v.strength) == (polarity, strength)]
            sides.append(
                Side(
                    polarity,
                    strength,
                    tuple(sorted({v.claim_id for v in members})),
                    tuple(sorted({v.source for v in members})),
                )
            )
        reports.append(ConflictReport(*key, sides=tuple(sides)))
    return reports
