"""Scoring on a questions file, exactly as the eval README describes."""

from __future__ import annotations

from pathlib import Path

import pytest

from osler.answer import Asker
from osler.answer.evaluate import facts_present, load_questions, score_questions
from osler.errors import InputError

QUESTIONS = Path(__file__).parent.parent / "fixtures" / "answer" / "questions.jsonl"


def test_a_fact_is_present_when_any_pattern_matches_ignoring_case_across_lines() -> None:
    question = {"facts": [{"id": "a", "any": ["x", "stretch.{0,20}calf"]}, {"id": "b", "any": ["zebra"]}]}
    assert facts_present(question, "Stretch\nthe CALF") == {"a": True, "b": False}


def test_the_report_gives_coverage_per_question_block_and_prefix(asker: Asker) -> None:
    report = score_questions(asker, load_questions(QUESTIONS))
    rows = {row["id"]: row for row in report["per_question"]}
    assert rows["T01"]["coverage"] == 0.75 and rows["T01"]["missing"] == ["absent"]
    assert rows["T01"]["block"] == "leg" and rows["T20"]["block"] == "broad"
    assert rows["T20"]["coverage"] == 0.5
    assert report["safety_coverage"] == 1.0 and report["pitfall_coverage"] == 0.5
    assert report["mean_coverage"] == 0.625
    assert report["cited_share"] == 1.0
    assert report["patient_fk_grade_mean"] == pytest.approx(rows["T01"]["fk_grade"], abs=0.01)


def test_a_missing_questions_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        load_questions(tmp_path / "nope.jsonl")


def test_a_line_that_is_not_json_is_an_input_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json}\n", encoding="utf-8")
    with pytest.raises(InputError, match="bad.jsonl:1"):
        load_questions(bad)
