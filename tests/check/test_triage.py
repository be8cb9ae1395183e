"""Triage: every red-flag rule of the shipped pack fires on its minimal findings; atypical emergencies."""

from __future__ import annotations

import pytest

from osler.check import CaseInput
from osler.check.parse import FindingState, Parsed
from osler.check.triage import triage
from osler.knowledge.loader import default_pack_path, load_pack
from osler.model.knowledge_base import KnowledgeBase
from osler.model.rule import TRIAGE_ORDER

_RULES = sorted(KnowledgeBase.from_pack(load_pack(default_pack_path())).rules.values(), key=lambda r: r.id)


def _minimal_person(rule):
    age = rule.min_age if rule.min_age is not None else (rule.max_age if rule.max_age is not None else 40)
    sex = rule.sex or ("female" if rule.pregnant else "male")
    return age, sex, bool(rule.pregnant)


@pytest.mark.parametrize("rule", [r for r in _RULES if r.all_of or r.any_of], ids=lambda r: r.id)
def test_every_red_flag_rule_fires_on_its_minimal_findings(shipped_kb, rule):
    findings = [*rule.all_of, *rule.any_of[: rule.min_any]]
    age, sex, pregnant = _minimal_person(rule)
    parsed = Parsed(age=age, sex=sex, pregnant=pregnant)
    parsed.findings = {f: FindingState(True, "answer") for f in findings}
    result = triage(shipped_kb, parsed, [])
    assert rule.id in {r.rule for r in result.fired}
    assert TRIAGE_ORDER[result.level] >= TRIAGE_ORDER[rule.level]


def _require(kb, condition_id):
    if condition_id not in {c.id for c in kb.conditions()}:
        pytest.skip(f"the shipped pack has no '{condition_id}' condition yet")


def test_older_womans_heart_attack_with_nausea_and_fatigue_is_an_emergency(shipped_kb, shipped_checker):
    _require(shipped_kb, "myocardial-infarction")
    text = "I suddenly feel very tired and sick to my stomach, I'm sweaty and short of breath. No chest pain."
    result = shipped_checker.check(CaseInput(text, age=74, sex="female"))
    assert result.level == "emergency"
    assert "myocardial-infarction" in [d.id for d in result.differential[:3]]


def test_stroke_with_only_slurred_speech_is_an_emergency(shipped_kb, shipped_checker):
    _require(shipped_kb, "ischemic-stroke")
    result = shipped_checker.check(
        CaseInput("His speech suddenly became slurred an hour ago.", age=70, sex="male")
    )
    assert result.level == "emergency"


def test_no_information_gives_routine(checker):
    assert checker.check(CaseInput("hello there")).level == "routine"


def _cramp_kb():
    from osler.model.claim import Claim
    from osler.model.concept import Concept, Prior
    from osler.model.knowledge_base import KnowledgeBase

    concepts = [
        Concept(
            id="cramps",
            kind="condition",
            name="Night cramps",
            prior=Prior(base=0.05),
            attributes={"care_level": "self_care"},
        ),
        Concept(id="calf-cramp", kind="finding", name="Calf cramp", attributes={"category": "symptom"}),
        Concept(id="water-pill", kind="drug", name="Water pill"),
    ]
    claims = [
        Claim(id="f", subject="calf-cramp", relation="finding_of", object="cramps", frequency=0.9),
        Claim(id="d", subject="cramps", relation="adverse_effect_of", object="water-pill"),
    ]
    return KnowledgeBase(concepts, claims, [])


def test_self_care_complaint_caused_by_a_medicine_is_raised_to_routine():
    from osler.check import CaseInput, Checker

    checker = Checker(_cramp_kb())
    plain = checker.check(CaseInput("I get a calf cramp"))
    on_drug = checker.check(CaseInput("I get a calf cramp", medications=("water pill",)))
    assert plain.level == "self_care"
    assert on_drug.level == "routine"
    assert any("Water pill" in reason for reason in on_drug.reasons)
