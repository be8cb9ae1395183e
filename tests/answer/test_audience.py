"""Readability (Flesch-Kincaid with pyphen syllables) and plain wording for patients."""

from __future__ import annotations

from osler.answer import Asker
from osler.answer.audience import fk_grade, plain, syllables


def test_syllables_come_from_the_hyphenation_dictionary() -> None:
    assert syllables("cat") == 1
    assert syllables("recommended") == 4


def test_short_plain_sentences_score_a_low_grade() -> None:
    assert fk_grade("The cat sat on the mat. It was warm.") < 3


def test_long_technical_sentences_score_a_high_grade() -> None:
    text = (
        "Pharmacological intervention demonstrated statistically significant improvement in symptomatology."
    )
    assert fk_grade(text) > 14


def test_text_without_words_has_grade_zero() -> None:
    assert fk_grade("") == 0.0


def test_plain_wording_swaps_clinical_words_and_splits_clauses() -> None:
    assert plain("Consult a physician; discontinue the medication.") == "Consult a doctor. Stop the medicine."


def test_patient_answers_read_at_grade_eight_or_below(asker: Asker) -> None:
    answer = asker.ask("How can I stop leg cramps at night?", "patient")
    assert fk_grade("\n".join(s.text for s in answer.statements())) <= 8


def test_clinician_answers_state_evidence_certainty(asker: Asker) -> None:
    answer = asker.ask("How is a DVT treated?", "clinician")
    assert "high-certainty evidence" in answer.text()
    assert "Guideline: A made-up clot guideline (2021)." in answer.text()
