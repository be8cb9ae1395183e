"""The checker's result: differential, probabilities, explanations, triage and next questions."""

from __future__ import annotations

import json

from osler import DISCLAIMER
from osler.check import CaseInput, check


def test_result_has_the_documented_keys(checker):
    data = checker.check(CaseInput("my calf goes rock hard and wakes me up")).to_dict()
    assert {"triage", "differential", "red_flags", "findings", "next_questions", "disclaimer"} <= set(data)
    assert data["disclaimer"] == DISCLAIMER
    json.dumps(data)


def test_only_conditions_with_a_matched_finding_enter(checker):
    data = checker.check(CaseInput("wakes me up")).to_dict()
    ids = [d["condition"]["id"] for d in data["differential"]]
    assert "clot" not in ids


def test_probabilities_sum_to_at_most_one(checker):
    result = checker.check(CaseInput("swollen calf and sore leg, calf goes rock hard"))
    total = sum(d.probability for d in result.differential) + result.something_else
    assert total <= 1.0 + 1e-9


def test_swelling_ranks_the_clot_first_and_cites_references(checker):
    result = checker.check(CaseInput("one swollen calf and a sore leg"))
    top = result.differential[0]
    assert top.id == "clot"
    assert any(e.concept == "leg-swelling" and e.citations for e in top.supporting)


def test_negated_finding_argues_against(checker):
    with_swelling = checker.check(CaseInput("sore leg, swollen calf"))
    without = checker.check(CaseInput("sore leg, no swollen calf"))
    p_with = next(d.probability for d in with_swelling.differential if d.id == "clot")
    p_without = next((d.probability for d in without.differential if d.id == "clot"), 0.0)
    assert p_without < p_with


def test_same_input_same_output(checker):
    case = CaseInput("sore leg and swollen calf, wakes me up")
    assert checker.check(case).to_dict() == checker.check(case).to_dict()


def test_check_function_matches_checker(fixture_kb, checker):
    case = CaseInput("swollen calf")
    assert check(fixture_kb, case).to_dict() == checker.check(case).to_dict()


def test_next_questions_have_text_and_options(checker):
    data = checker.check(CaseInput("sore leg")).to_dict()
    assert data["next_questions"]
    for q in data["next_questions"]:
        assert q["text"] and q["options"] == ["yes", "no", "not sure"]


def test_red_flag_question_comes_first(checker):
    data = checker.check(CaseInput("my calf goes rock hard and wakes me up")).to_dict()
    assert data["triage"]["level"] == "self_care"
    assert data["next_questions"][0]["finding"] == "leg-swelling"


def test_answering_a_question_updates_the_result(checker):
    text = "my calf goes rock hard and wakes me up"
    before = checker.check(CaseInput(text))
    after = checker.check(CaseInput(text, answers={"leg-swelling": True}))
    assert (before.level, after.level) == ("self_care", "urgent")
