"""Corpus answers from a tiny MedQuAD-format corpus ingested into the store (SQLite FTS5 and PostgreSQL full
text): passages chosen by question type and topic, quoted extractively, cited with the item id and URL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from osler.answer import Asker
from osler.answer.corpus import asked_qtypes, topic_match, topic_words
from osler.answer.quote import units
from osler.model.knowledge_base import KnowledgeBase

CORPUS = Path(__file__).parent.parent / "fixtures" / "answer_corpus" / "medquad-mini.jsonl"


@pytest.fixture
def corpus_asker(answer_kb: KnowledgeBase, engine: Any) -> Asker:
    from osler.ingest import ingest_paths
    from osler.store import migrate

    migrate(engine)
    report = ingest_paths(engine, answer_kb, [CORPUS], "medquad")
    assert not report.errors
    return Asker(answer_kb, engine=engine)


def library_ids(answer: Any) -> list[str]:
    numbers = [n for s in answer.sections if s.key == "library" for st in s.statements for n in st.citations]
    by_number = {r.n: r.id for r in answer.references}
    return [by_number[n] for n in dict.fromkeys(numbers)]


def test_a_symptoms_question_is_answered_by_the_symptoms_passage(corpus_asker: Asker) -> None:
    answer = corpus_asker.ask("What are the symptoms of Wilson disease?")
    assert library_ids(answer)[0] == "TEST_0001_Sec2"
    reference = answer.references[0]
    assert reference.url == "https://example.org/test_0001_sec2"


def test_the_quote_skips_the_repeated_question_and_keeps_list_items_as_sentences(corpus_asker: Asker) -> None:
    quote = corpus_asker.ask("What are the symptoms of Wilson disease?").statements()[0].text
    assert quote.startswith("Signs often start in the teens.")
    assert "yellow skin and eyes." in quote


def test_the_question_words_choose_among_passage_types_of_one_intent(corpus_asker: Asker) -> None:
    assert library_ids(corpus_asker.ask("Does Wilson disease run in families?"))[0] == "TEST_0001_Sec4"


def test_a_passage_about_a_similar_named_topic_is_not_quoted(corpus_asker: Asker) -> None:
    assert "TEST_0002_Sec1" not in library_ids(corpus_asker.ask("What are the symptoms of Wilson disease?"))


def test_link_lists_and_navigation_sentences_are_not_quoted(corpus_asker: Asker) -> None:
    answer = corpus_asker.ask("How is Fabry disease treated?")
    assert library_ids(answer) == ["TEST_0004_Sec1"]
    assert "Click the link" not in answer.text()


def test_a_passage_without_a_url_is_never_cited(corpus_asker: Asker) -> None:
    answer = corpus_asker.ask("What is the outlook for Fabry disease?")
    assert "TEST_0005_Sec1" not in library_ids(answer)
    assert all(r.url for r in answer.references)


def test_a_corpus_answer_offers_follow_ups_the_corpus_answers(corpus_asker: Asker) -> None:
    answer = corpus_asker.ask("What are the symptoms of Wilson disease?")
    assert "How is Wilson disease treated?" in answer.follow_up_questions
    assert all("Wilson disease" in q for q in answer.follow_up_questions)


def test_corpus_quotes_are_marked_as_not_reviewed(corpus_asker: Asker) -> None:
    assert corpus_asker.ask("How is Fabry disease treated?").review_status == "submitted"


def test_topic_words_leave_out_the_words_that_ask_for_a_kind_of_answer() -> None:
    assert topic_words("What are the symptoms of Wilson disease?") == ["wilson", "disease"]


def test_topic_match_rewards_the_same_focus_over_one_sharing_a_name() -> None:
    topic = ["What are the symptoms of Wilson disease?"]
    assert topic_match("Wilson disease", topic) == 1.0
    assert topic_match("Wilson-Turner syndrome", topic) < 0.66


def test_question_words_name_a_passage_type() -> None:
    assert asked_qtypes("Is it inherited?") == frozenset({"inheritance"})


def test_units_drop_headings_and_end_list_items_with_a_full_stop() -> None:
    assert units("Key Points\n- fever\n- tiredness") == ["fever.", "tiredness."]
