"""`Checker`: the symptom checker over one knowledge base, with its indexes built once for many cases."""

from __future__ import annotations

from osler.check.case import CaseInput
from osler.check.infer import Evidence, Model, Scored
from osler.check.parse import Parsed, Parser
from osler.check.questions import next_questions
from osler.check.result import CheckResult, DifferentialEntry, Explanation
from osler.check.triage import RuleIndex, triage
from osler.memory import collector_paused
from osler.model.knowledge_base import KnowledgeBase

MAX_DIFFERENTIAL = 10
MIN_PROBABILITY = 0.001

_KIND_WORDS = {
    "finding": "finding",
    "absent": "absent finding",
    "risk_factor": "risk factor",
    "medicine": "medicine",
    "named": "history",
}


class Checker:
    """Free text -> ranked differential, explanations, triage and next questions, for one knowledge base."""

    def __init__(self, kb: KnowledgeBase) -> None:
        from osler import DISCLAIMER

        self.kb = kb
        with collector_paused():
            self.parser = Parser(kb)
            self.model = Model(kb, self.parser)
            self.rules = RuleIndex(kb)
        self.disclaimer = DISCLAIMER

    def parse(self, case: CaseInput) -> Parsed:
        """What the checker reads in a case (findings, readings, medicines, history, person)."""
        return self.parser.parse(case)

    def check(self, case: CaseInput) -> CheckResult:
        """The full result for one case."""
        parsed = self.parser.parse(case)
        ranked, other = self.model.rank(parsed)
        tri = triage(self.kb, parsed, ranked, self.rules)
        questions = next_questions(self.model, parsed, ranked, other, tri.level, rules=self.rules)
        shown = [s for s in ranked[:MAX_DIFFERENTIAL] if s.probability >= MIN_PROBABILITY]
        return CheckResult(
            level=tri.level,
            reasons=tri.reasons,
            differential=[self._entry(s) for s in shown],
            something_else=other + sum(s.probability for s in ranked[len(shown) :]),
            red_flags=[
                {
                    "rule": r.rule,
                    "level": r.level,
                    "reason": r.reason,
                    "findings": r.findings,
                    "condition": r.condition,
                    "citations": r.citations,
                }
                for r in tri.fired
            ],
            findings=[
                {
                    "id": f,
                    "label": self.kb.concepts[f].name,
                    "present": state.present,
                    "source": state.source,
                    "text": state.phrase,
                }
                for f, state in sorted(parsed.findings.items())
            ],
            next_questions=[q.to_dict() for q in questions],
            disclaimer=self.disclaimer,
            context={
                "age": parsed.age,
                "sex": parsed.sex,
                "pregnant": parsed.pregnant,
                "risk_factors": sorted(parsed.risk_factors),
                "medicines": sorted(parsed.drugs),
                "conditions_mentioned": sorted(parsed.conditions),
                "readings": [{"quantity": r.quantity, "value": round(r.value, 2)} for r in parsed.readings],
            },
            id=case.id,
        )

    def _entry(self, scored: Scored) -> DifferentialEntry:
        concept = self.kb.concepts[scored.condition]
        return DifferentialEntry(
            id=concept.id,
            name=concept.name,
            icd10=list(concept.icd10),
            probability=scored.probability,
            care_level=str(concept.attributes.get("care_level") or "routine"),
            supporting=[self._explain(e) for e in sorted(scored.supporting, key=lambda e: -e.weight)],
            opposing=[self._explain(e) for e in sorted(scored.opposing, key=lambda e: e.weight)],
        )

    def _explain(self, evidence: Evidence) -> Explanation:
        concept = self.kb.get(evidence.concept)
        label = concept.name if concept else evidence.concept
        return Explanation(
            evidence.concept,
            label,
            _KIND_WORDS.get(evidence.kind, evidence.kind),
            evidence.weight,
            list(evidence.citations),
        )


def check(kb: KnowledgeBase, case: CaseInput) -> CheckResult:
    """Check one case against a knowledge base (builds a `Checker`; reuse one for many cases)."""
    return Checker(kb).check(case)
