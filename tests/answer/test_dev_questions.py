"""The shipped pack on the shared development questions: every patient answer reads at grade 8 or below and
every statement is cited (skipped when the shared data folder is absent)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from osler.answer import Asker
from osler.answer.evaluate import load_questions
from osler.answer.readability import PATIENT_GRADE_CEILING, fk_grade
from osler.knowledge.loader import load_pack
from osler.model.knowledge_base import KnowledgeBase

SHARED = Path(os.environ.get("OSLER_SHARED_DIR", Path(__file__).parents[3] / "shared"))
QUESTIONS = SHARED / "eval" / "questions-dev.jsonl"

pytestmark = pytest.mark.skipif(not QUESTIONS.is_file(), reason="shared/eval/questions-dev.jsonl not found")


@pytest.fixture(scope="module")
def answers() -> list[tuple[dict[str, Any], Any]]:
    asker = Asker(KnowledgeBase.from_pack(load_pack()))
    questions = load_questions(QUESTIONS)
    return [(q, asker.ask(q["q"], q.get("audience", "patient"), with_follow_ups=False)) for q in questions]


def test_every_patient_answer_reads_at_grade_eight_or_below(
    answers: list[tuple[dict[str, Any], Any]],
) -> None:
    grades = {
        q["id"]: round(fk_grade("\n".join(s.text for s in a.statements())), 2)
        for q, a in answers
        if q.get("audience", "patient") == "patient" and a.statements()
    }
    assert grades and {k: g for k, g in grades.items() if g > PATIENT_GRADE_CEILING} == {}


def test_every_statement_cites_a_reference_with_a_locator(answers: list[tuple[dict[str, Any], Any]]) -> None:
    for _, answer in answers:
        numbers = {r.n for r in answer.references}
        assert all(s.citations and set(s.citations) <= numbers for s in answer.statements())
        assert all(r.doi or r.pmid or r.url for r in answer.references)


def test_every_question_gets_an_answer(answers: list[tuple[dict[str, Any], Any]]) -> None:
    assert [q["id"] for q, a in answers if not a.covered] == []
