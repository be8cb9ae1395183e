"""Intent detection: a documented rule set over the question's words."""

from __future__ import annotations

import pytest

from osler.answer.intent import INTENT_NAMES, detect_intent


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("What causes gout?", "causes"),
        ("Why do my knees click?", "causes"),
        ("What are the symptoms of anaemia?", "symptoms"),
        ("Which blood tests diagnose diabetes?", "diagnosis"),
        ("How is asthma treated?", "treatment"),
        ("How can I prevent kidney stones?", "prevention"),
        ("Is aspirin safe for children?", "medicine_safety"),
        ("How much vitamin D can I take?", "medicine_safety"),
        ("What is the difference between hay fever and a cold?", "difference"),
        ("When should I worry about a cough?", "seek_care"),
        ("How long does chickenpox last?", "outlook"),
        ("Tell me about gout", "overview"),
    ],
)
def test_detects_the_intent_from_cue_words(question: str, intent: str) -> None:
    assert detect_intent(question) == intent


def test_every_detected_intent_is_a_known_name() -> None:
    assert detect_intent("anything at all?") in INTENT_NAMES


def test_a_work_up_question_is_about_diagnosis_not_treatment() -> None:
    assert detect_intent("What work-up does an adult with anaemia need?") == "diagnosis"
