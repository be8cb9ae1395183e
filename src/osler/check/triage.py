"""Triage: four levels, red-flag rules first, then the usual care level of the probable conditions.

1. Every red-flag rule in the knowledge base (`kb.rules`) whose findings (and risk factors the person has, such as
   having just given birth) and person conditions match fires; the level is at least the most urgent fired rule's
   level, with its reason.
2. Otherwise (and in addition) a condition's usual `care_level` counts when its probability reaches the
   threshold for that level (`LEVEL_THRESHOLDS`): a low bar for emergencies, because a missed emergency is the
   worst error, and a higher bar for urgent and routine care, because over-triaging self-care is the next worst.
   The most probable condition's level always counts.
3. With no probable condition at all, the level is `routine` (see a clinician to sort it out).
4. Self-care is for the plain form of a complaint: when the most probable condition is raised by a medicine the
   person takes or by an illness they already have, the level is at least `routine` (review with a clinician).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from osler.check.infer import Evidence, Scored
from osler.check.parse import Parsed
from osler.model.knowledge_base import KnowledgeBase
from osler.model.rule import TRIAGE_ORDER, RedFlagRule

LEVEL_THRESHOLDS: dict[str, float] = {"emergency": 0.06, "urgent": 0.30, "routine": 0.30, "self_care": 0.0}
"""Probability a condition needs before its usual care level counts."""

TOP_CONDITION_MIN = 0.15
"""The most probable condition's level counts when its probability is at least this."""

LEVEL_WORDS: dict[str, str] = {
    "emergency": "Call an ambulance or go to an emergency department now.",
    "urgent": "See a clinician today or within 24 hours.",
    "routine": "Book an ordinary appointment with a clinician.",
    "self_care": "This can usually be managed at home; see a clinician if it does not settle or warning signs appear.",
}


@dataclass
class FiredRule:
    """A red-flag rule that fired: its id, level, reason, the findings that made it fire and its references."""

    rule: str
    level: str
    reason: str
    findings: list[str]
    citations: list[str]
    condition: str | None = None


@dataclass
class Triage:
    """The triage level with the reasons for it and the red-flag rules that fired."""

    level: str
    reasons: list[str] = field(default_factory=list)
    fired: list[FiredRule] = field(default_factory=list)


def _underlying(kb: KnowledgeBase, evidence: Evidence) -> bool:
    """Evidence that a self-care complaint may have an underlying cause: a medicine, or an illness the person has."""
    if evidence.kind == "medicine":
        return True
    concept = kb.concepts.get(evidence.concept)
    return evidence.kind == "risk_factor" and concept is not None and concept.kind == "condition"


def most_urgent(levels: list[str]) -> str:
    """The most urgent of some levels (routine when there are none)."""
    return max(levels, key=lambda lv: TRIAGE_ORDER[lv]) if levels else "routine"


class RuleIndex:
    """The red-flag rules of a knowledge base, indexed by a finding each needs, so a case checks only rules that
    could fire (a rule with `all` findings needs its first one; otherwise any of its `any` findings)."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.by_finding: dict[str, list[RedFlagRule]] = {}
        self.by_condition: dict[str, list[RedFlagRule]] = {}
        self.general_by_finding: dict[str, list[RedFlagRule]] = {}
        self.general_one_step: list[RedFlagRule] = []
        for rule in sorted(kb.rules.values(), key=lambda r: r.id):
            if rule.review_status == "rejected":
                continue
            for finding in rule.all_of[:1] or rule.any_of:
                self.by_finding.setdefault(finding, []).append(rule)
            if rule.condition is not None:
                self.by_condition.setdefault(rule.condition, []).append(rule)
                continue
            for finding in {*rule.all_of, *rule.any_of}:
                self.general_by_finding.setdefault(finding, []).append(rule)
            if len(rule.all_of) + (rule.min_any if rule.any_of else 0) <= 1:
                self.general_one_step.append(rule)

    def candidates(self, present: set[str]) -> list[RedFlagRule]:
        """Rules that need one of these findings, each once, in id order."""
        found = {r.id: r for f in present for r in self.by_finding.get(f, ())}
        return [found[k] for k in sorted(found)]

    def within_reach(self, present: set[str], conditions: set[str]) -> list[RedFlagRule]:
        """Rules one more finding could make fire: those of these conditions, and general rules that share a
        present finding or need a single finding; each once, in id order."""
        found = {r.id: r for c in conditions for r in self.by_condition.get(c, ())}
        found.update((r.id, r) for f in present for r in self.general_by_finding.get(f, ()))
        found.update((r.id, r) for r in self.general_one_step)
        return [found[k] for k in sorted(found)]


def fired_rules(
    kb: KnowledgeBase, present: set[str], parsed: Parsed, index: RuleIndex | None = None
) -> list[FiredRule]:
    """Red-flag rules that fire on the present findings and the person, most urgent first."""
    out: list[FiredRule] = []
    for rule in index.candidates(present) if index is not None else kb.rules.values():
        if rule.review_status == "rejected" or not present.issuperset(rule.all_of):
            continue
        if rule.any_of and present.isdisjoint(rule.any_of):
            continue
        if rule.fires(present, parsed.age, parsed.sex, parsed.pregnant):
            out.append(_fired(rule, present))
    out.sort(key=lambda r: (-TRIAGE_ORDER[r.level], r.rule))
    return out


def _fired(rule: RedFlagRule, present: set[str]) -> FiredRule:
    used = [f for f in (*rule.all_of, *rule.any_of) if f in present]
    return FiredRule(rule.id, rule.level, rule.reason, used, list(rule.refs), rule.condition)


def triage(kb: KnowledgeBase, parsed: Parsed, ranked: list[Scored], index: RuleIndex | None = None) -> Triage:
    """The triage level for a parsed case and its ranked differential (`index` speeds up rule matching)."""
    fired = fired_rules(kb, parsed.present() | parsed.risk_factors.keys(), parsed, index)
    levels = [r.level for r in fired]
    reasons = [r.reason for r in fired]
    for i, scored in enumerate(ranked):
        concept = kb.concepts[scored.condition]
        level = str(concept.attributes.get("care_level") or "routine")
        if level not in TRIAGE_ORDER:
            continue
        counts = scored.probability >= LEVEL_THRESHOLDS[level] or (
            i == 0 and scored.probability >= TOP_CONDITION_MIN
        )
        if counts:
            levels.append(level)
            if TRIAGE_ORDER[level] >= TRIAGE_ORDER["urgent"]:
                reasons.append(
                    f"{concept.name} is possible ({round(scored.probability * 100)}%); it usually needs "
                    f"{level.replace('_', ' ')} care."
                )
    level = most_urgent(levels) if levels else "routine"
    if level == "self_care" and ranked:
        causes = [e for e in ranked[0].supporting if _underlying(kb, e)]
        if causes:
            level = "routine"
            names = ", ".join(
                sorted({kb.concepts[e.concept].name for e in causes if e.concept in kb.concepts})
            )
            reasons.append(f"It may be linked to {names}; a clinician can check this.")
    if not ranked and not fired:
        reasons.append("Not enough is known to suggest a cause; a clinician can help sort it out.")
    reasons.append(LEVEL_WORDS[level])
    return Triage(level, list(dict.fromkeys(reasons)), fired)
