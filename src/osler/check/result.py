"""The checker's answer: triage, a ranked differential with cited explanations, red flags, findings, questions."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Explanation:
    """One reason for or against a condition: the concept, what kind of evidence it is, and its citations."""

    concept: str
    label: str
    kind: str
    weight: float
    citations: list[str]

    def to_dict(self) -> dict[str, Any]:
        return {
            "finding": self.concept,
            "label": self.label,
            "kind": self.kind,
            "weight": round(self.weight, 3),
            "citations": self.citations,
        }


@dataclass
class DifferentialEntry:
    """A condition in the differential with its probability and the evidence for and against it."""

    id: str
    name: str
    icd10: list[str]
    probability: float
    care_level: str
    supporting: list[Explanation] = field(default_factory=list)
    opposing: list[Explanation] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "condition": {"id": self.id, "name": self.name, "icd10": self.icd10},
            "probability": round(self.probability, 4),
            "care_level": self.care_level,
            "supporting": [e.to_dict() for e in self.supporting],
            "opposing": [e.to_dict() for e in self.opposing],
        }


@dataclass
class CheckResult:
    """Everything `check` returns; `to_dict` gives the documented JSON shape."""

    level: str
    reasons: list[str]
    differential: list[DifferentialEntry]
    something_else: float
    red_flags: list[dict[str, Any]]
    findings: list[dict[str, Any]]
    next_questions: list[dict[str, Any]]
    disclaimer: str
    context: dict[str, Any] = field(default_factory=dict)
    id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON result documented in docs/checker.md."""
        out: dict[str, Any] = {}
        if self.id is not None:
            out["id"] = self.id
        out.update(
            {
                "triage": {"level": self.level, "reasons": self.reasons},
                "differential": [d.to_dict() for d in self.differential],
                "something_else": round(self.something_else, 4),
                "red_flags": self.red_flags,
                "findings": self.findings,
                "context": self.context,
                "next_questions": self.next_questions,
                "disclaimer": self.disclaimer,
            }
        )
        return out
