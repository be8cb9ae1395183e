"""Next questions: what to ask to narrow the differential or to catch a missed emergency.

1. Red-flag questions first: a finding not yet known which, if present, would make a red-flag rule fire at a
   level more urgent than the current triage (rules tied to a condition count only when that condition is in the
   differential; a rule that needs none of the present findings counts only when its finding belongs to a
   condition in the differential).
2. Then findings ranked by expected information gain: the expected drop in Shannon entropy of the differential
   (including 'something else') after a yes/no answer, with P(yes | condition) from the same likelihoods the
   model ranks with (sequential diagnosis after Gorry & Barnett, Comput Biomed Res 1968;1:490-507).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from osler.check import weights as W
from osler.check.infer import Model, Scored
from osler.check.parse import Parsed
from osler.check.triage import RuleIndex
from osler.model.rule import TRIAGE_ORDER

OPTIONS = ("yes", "no", "not sure")
MAX_QUESTIONS = 5
MAX_RED_FLAG_QUESTIONS = 3
TOP_CONDITIONS = 6


@dataclass
class Question:
    """A next question about one finding, its plain-language text, and why it is asked."""

    finding: str
    text: str
    reason: str
    gain: float

    def to_dict(self) -> dict[str, object]:
        return {
            "id": f"q-{self.finding}",
            "text": self.text,
            "finding": self.finding,
            "options": list(OPTIONS),
        }


def _h(p: float) -> float:
    """Entropy in bits of a yes/no answer that is yes with probability p."""
    if p <= 0 or p >= 1:
        return 0.0
    return -(p * math.log2(p) + (1 - p) * math.log2(1 - p))


_h_given = lru_cache(maxsize=4096)(_h)
"""`_h` for the answer given one condition: its probabilities are the pack's few distinct frequencies."""


def _question_text(model: Model, finding: str) -> str:
    concept = model.kb.concepts[finding]
    text = concept.attributes.get("question")
    return str(text) if text else f"Do you have this: {concept.name.lower()}?"


def _normalised(ranked: list[Scored], other: float) -> list[float]:
    prior = [s.probability for s in ranked] + [other]
    total = sum(prior)
    return [p / total for p in prior] if total > 0 else []


def _gain(model: Model, finding: str, ranked: list[Scored], prior: list[float]) -> float:
    """Expected entropy reduction (bits) of the differential from asking about one finding.

    That is the mutual information of the answer and the condition: H(answer) - sum_c P(c) H(answer | c), the
    same as H(prior) - E[H(posterior)] but with one binary entropy per condition instead of a whole posterior.
    """
    if not prior:
        return 0.0
    given = [
        link.p if (link := model.links[s.condition].get(finding)) is not None else W.LEAK for s in ranked
    ]
    given.append(model.background.get(finding, W.DEFAULT_BACKGROUND))
    p_yes = sum(p * q for p, q in zip(prior, given, strict=True))
    if p_yes <= 0 or p_yes >= 1:
        return 0.0
    return _h(p_yes) - sum(p * _h_given(q) for p, q in zip(prior, given, strict=True))


def next_questions(
    model: Model,
    parsed: Parsed,
    ranked: list[Scored],
    other: float,
    level: str,
    limit: int = MAX_QUESTIONS,
    rules: RuleIndex | None = None,
) -> list[Question]:
    """Up to `limit` questions: red-flag findings that could raise the triage level, then the most informative
    (`rules`, the checker's rule index, saves looking at rules that one answer cannot make fire)."""
    known = set(parsed.findings)
    present = parsed.present()
    top = ranked[:TOP_CONDITIONS]
    in_differential = {s.condition for s in top}
    prior = _normalised(top, other)
    out: list[Question] = []
    red: list[tuple[int, float, str, str]] = []
    reachable = rules.within_reach(present, in_differential) if rules is not None else model.kb.rules.values()
    for rule in reachable:
        if rule.review_status == "rejected" or TRIAGE_ORDER[rule.level] <= TRIAGE_ORDER[level]:
            continue
        if rule.condition is not None and rule.condition not in in_differential:
            continue
        missing = [f for f in rule.all_of if f not in present]
        have_any = sum(1 for f in rule.any_of if f in present)
        if len(missing) > 1 or (missing and rule.any_of and have_any < rule.min_any):
            continue
        if not missing and rule.any_of and have_any != rule.min_any - 1:
            continue
        on_topic = rule.condition is not None or not present.isdisjoint((*rule.all_of, *rule.any_of))
        for finding in missing or [f for f in rule.any_of if f not in present]:
            if finding in known or finding not in model.kb.concepts:
                continue
            if not on_topic and model.touching.get(finding, set()).isdisjoint(in_differential):
                continue  # a red flag of nothing in the differential ('a plan to end your life' for calf cramps)
            if rule.fires(present | {finding}, parsed.age, parsed.sex, parsed.pregnant):
                gain = _gain(model, finding, top, prior)
                red.append((-TRIAGE_ORDER[rule.level], -gain, finding, rule.reason))
    seen: set[str] = set()
    for _, neg_gain, finding, reason in sorted(red):
        if finding in seen or len(out) >= min(limit, MAX_RED_FLAG_QUESTIONS):
            continue
        seen.add(finding)
        out.append(Question(finding, _question_text(model, finding), reason, -neg_gain))
    candidates: set[str] = set()
    for scored in top:
        candidates |= {f for f, link in model.links[scored.condition].items() if link.direct}
    gains = sorted(
        (-_gain(model, f, top, prior), f) for f in candidates - known - seen if f in model.kb.concepts
    )
    for neg_gain, finding in gains:
        if len(out) >= limit or -neg_gain <= 1e-6:
            break
        out.append(
            Question(finding, _question_text(model, finding), "helps tell the likely causes apart", -neg_gain)
        )
    return out
