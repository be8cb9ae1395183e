"""Finding the concepts a question is about from lay or clinical words."""

from __future__ import annotations

from osler.answer.focus import NameIndex, find_focus, stem
from osler.model.knowledge_base import KnowledgeBase


def test_lay_words_in_any_order_find_the_condition(answer_kb: KnowledgeBase) -> None:
    assert find_focus(NameIndex(answer_kb), "why do I get cramps in my calf at night?")[0] == "night-cramps"


def test_clinical_synonym_finds_the_condition(answer_kb: KnowledgeBase) -> None:
    assert find_focus(NameIndex(answer_kb), "Is DVT dangerous?") == ["clot"]


def test_a_typo_is_corrected_before_matching(answer_kb: KnowledgeBase) -> None:
    assert "quinine" in find_focus(NameIndex(answer_kb), "is quinnine safe?")


def test_conditions_come_before_other_concepts(answer_kb: KnowledgeBase) -> None:
    assert find_focus(NameIndex(answer_kb), "Does quinine help leg cramps?") == ["night-cramps", "quinine"]


def test_a_name_inside_a_longer_match_is_dropped(answer_kb: KnowledgeBase) -> None:
    focus = find_focus(NameIndex(answer_kb), "what helps a blood clot in the leg?")
    assert focus == ["clot"]


def test_a_question_about_nothing_known_has_no_focus(answer_kb: KnowledgeBase) -> None:
    assert find_focus(NameIndex(answer_kb), "How do I fix my bicycle?") == []


def test_stemming_maps_plurals_and_equivalents() -> None:
    assert stem("cramps") == "cramp"
    assert stem("nocturnal") == "night"
    assert stem("allergies") == "allergy"


def test_a_different_longer_word_is_not_taken_for_a_typo(answer_kb: KnowledgeBase) -> None:
    assert find_focus(NameIndex(answer_kb), "what is quininology?") == []
