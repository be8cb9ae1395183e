"""Ranking evidence: correlated findings count once."""

from __future__ import annotations

from osler.check import CaseInput, Checker
from osler.model.claim import Claim
from osler.model.concept import Concept, Prior
from osler.model.knowledge_base import KnowledgeBase


def _kb() -> KnowledgeBase:
    def lab(cid: str, high: float) -> Concept:
        measure = {"quantity": "ferritin_ng_ml", "high": high}
        return Concept(id=cid, kind="finding", name=cid, attributes={"category": "lab", "measure": measure})

    concepts = [
        Concept(id="iron-low", kind="condition", name="Iron deficiency", prior=Prior(base=0.05)),
        lab("ferritin-below-30", 30),
        lab("ferritin-below-75", 75),
        Concept(
            id="muscle-pain",
            kind="finding",
            name="Muscle pain",
            lay_names=("muscles hurt",),
            attributes={"category": "symptom", "implies": ["muscle-aches"]},
        ),
        Concept(id="muscle-aches", kind="finding", name="Muscle aches", attributes={"category": "symptom"}),
    ]
    claims = [
        Claim(id="a", subject="ferritin-below-30", relation="finding_of", object="iron-low", frequency=0.8),
        Claim(id="b", subject="ferritin-below-75", relation="finding_of", object="iron-low", frequency=0.9),
        Claim(id="c", subject="muscle-pain", relation="finding_of", object="iron-low", frequency=0.3),
        Claim(id="d", subject="muscle-aches", relation="finding_of", object="iron-low", frequency=0.3),
    ]
    return KnowledgeBase(concepts, claims, [])


def _supporting(text: str) -> list[str]:
    checker = Checker(_kb())
    parsed = checker.parse(CaseInput(text))
    ranked, _ = checker.model.rank(parsed)
    return sorted(e.concept for e in ranked[0].supporting)


def test_one_reading_counts_once_however_many_ranges_it_falls_in():
    supporting = _supporting("ferritin 10")
    assert len(supporting) == 1
    assert supporting[0] in ("ferritin-below-30", "ferritin-below-75")


def test_a_general_finding_adds_nothing_when_a_specific_one_it_covers_is_listed():
    assert _supporting("my muscles hurt and I have muscle aches") == ["muscle-pain"]


def test_a_finding_said_to_argue_against_a_condition_never_counts_for_it():
    concepts = [
        Concept(id="cramps", kind="condition", name="Night cramps", prior=Prior(base=0.05)),
        Concept(id="calf-cramp", kind="finding", name="Calf cramp", attributes={"category": "symptom"}),
        Concept(
            id="pain-on-walking",
            kind="finding",
            name="Pain on walking",
            lay_names=("pain when I walk",),
            attributes={"category": "symptom"},
        ),
    ]
    claims = [
        Claim(id="a", subject="calf-cramp", relation="finding_of", object="cramps", frequency=0.9),
        # a frequency above the background rate, written on a negative claim
        Claim(
            id="b",
            subject="pain-on-walking",
            relation="finding_of",
            object="cramps",
            polarity="negative",
            frequency=0.1,
        ),
    ]
    checker = Checker(KnowledgeBase(concepts, claims, []))
    ranked, _ = checker.model.rank(checker.parse(CaseInput("calf cramp and pain when I walk")))
    assert [e.concept for e in ranked[0].opposing] == ["pain-on-walking"]


def test_an_absent_finding_alone_does_not_bring_a_condition_in():
    concepts = [
        Concept(id="torsion", kind="condition", name="Twisted testicle", prior=Prior(base=0.01)),
        Concept(id="fever", kind="finding", name="Fever", attributes={"category": "symptom"}),
        Concept(id="neck-pain", kind="finding", name="Neck pain", attributes={"category": "symptom"}),
    ]
    claims = [Claim(id="a", subject="fever", relation="finding_of", object="torsion", frequency=0.01)]
    checker = Checker(KnowledgeBase(concepts, claims, []))
    ranked, _ = checker.model.rank(checker.parse(CaseInput("neck pain, no fever")))
    assert ranked == []


def test_a_duration_counts_through_the_conditions_course():
    def condition(cid: str, course: str) -> Concept:
        return Concept(
            id=cid, kind="condition", name=cid, prior=Prior(base=0.01), attributes={"course": course}
        )

    concepts = [
        condition("sudden-thing", "acute"),
        condition("slow-thing", "chronic"),
        Concept(id="calf-pain", kind="finding", name="Calf pain", attributes={"category": "symptom"}),
        Concept(
            id="long",
            kind="finding",
            name="Lasting four weeks or more",
            attributes={"category": "timing", "measure": {"quantity": "duration_days", "low": 28}},
        ),
        Concept(
            id="short",
            kind="finding",
            name="Began within two days",
            attributes={"category": "timing", "measure": {"quantity": "duration_days", "high": 2}},
        ),
    ]
    claims = [
        Claim(id=f"{c}-pain", subject="calf-pain", relation="finding_of", object=c, frequency=0.8)
        for c in ("sudden-thing", "slow-thing")
    ]
    checker = Checker(KnowledgeBase(concepts, claims, []))

    def ranking(text: str) -> list[str]:
        ranked, _ = checker.model.rank(checker.parse(CaseInput(text)))
        return [s.condition for s in ranked]

    assert ranking("calf pain for the past year") == ["slow-thing", "sudden-thing"]
    assert ranking("calf pain since this morning") == ["sudden-thing", "slow-thing"]
