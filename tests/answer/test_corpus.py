"""Corpus answers: passages ranked by question type and topic, quoted and cited with item id and URL."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from osler.answer import Asker
from osler.answer.corpus import extract, qtype_match, rank_passages
from osler.model.knowledge_base import KnowledgeBase


@dataclass
class FakePassage:
    source_id: str
    item_id: str
    title: str
    focus: str
    qtype: str
    url: str
    text: str
    score: float


GOUT_TREATMENT = FakePassage(
    "medquad",
    "q1",
    "Gout treatment",
    "Gout",
    "treatment",
    "https://example.org/gout",
    "Gout attacks are treated with anti-inflammatory medicines. Rest helps. Ice helps too. More text.",
    0.5,
)
GOUT_SYMPTOMS = FakePassage(
    "medquad",
    "q2",
    "Gout symptoms",
    "Gout",
    "symptoms",
    "https://example.org/gout-symptoms",
    "Gout treatment words treatment treatment appear here many times. The big toe swells.",
    0.9,
)
OTHER_TOPIC = FakePassage(
    "medquad",
    "q3",
    "Gum disease treatment",
    "Gum disease",
    "treatment",
    "https://example.org/gums",
    "Gum disease is treated by a dentist.",
    0.8,
)
NO_URL = FakePassage("medquad", "q4", "Gout outlook", "Gout", "treatment", "", "No locator here.", 1.0)


def fake_search(passages: list[FakePassage]) -> Any:
    def search(engine: Any, query: str, limit: int = 10) -> list[FakePassage]:
        return passages[:limit]

    return search


def test_question_type_matching_the_intent_scores_highest() -> None:
    assert qtype_match("Treatment", "treatment") == 1.0
    assert qtype_match("symptoms", "seek_care") == 0.4
    assert qtype_match("inheritance", "treatment") == 0.0


def test_a_passage_answering_the_question_type_outranks_one_with_more_word_overlap() -> None:
    ranked = rank_passages([GOUT_SYMPTOMS, GOUT_TREATMENT], "gout", "treatment")
    assert ranked[0].passage.item_id == "q1"


def test_a_passage_about_the_asked_topic_outranks_another_topic() -> None:
    ranked = rank_passages([OTHER_TOPIC, GOUT_TREATMENT], "gout", "treatment")
    assert ranked[0].passage.item_id == "q1"


def test_a_passage_that_repeats_its_question_is_quoted_from_the_answer() -> None:
    assert extract("How is gout treated? Rest helps. Ice helps too.") == "Rest helps. Ice helps too."


def test_passages_are_quoted_by_their_first_sentences() -> None:
    assert (
        extract(GOUT_TREATMENT.text)
        == "Gout attacks are treated with anti-inflammatory medicines. Rest helps. Ice helps too."
    )


def test_questions_beyond_the_pack_are_answered_from_cited_corpus_passages(answer_kb: KnowledgeBase) -> None:
    asker = Asker(
        answer_kb, engine=object(), passage_search=fake_search([NO_URL, GOUT_TREATMENT, OTHER_TOPIC])
    )
    answer = asker.ask("How is gout treated?")
    library = next(s for s in answer.sections if s.key == "library")
    assert library.statements[0].text.startswith("Gout attacks are treated")
    reference = answer.references[library.statements[0].citations[0] - 1]
    assert (reference.id, reference.url) == ("medquad:q1", "https://example.org/gout")
    assert all(r.url for r in answer.references)


def test_the_corpus_is_not_searched_when_the_pack_answers_well(answer_kb: KnowledgeBase) -> None:
    asker = Asker(answer_kb, engine=object(), passage_search=fake_search([GOUT_TREATMENT]))
    assert all(s.key != "library" for s in asker.ask("What causes night cramps?").sections)


def test_passages_ingested_in_the_store_answer_questions_beyond_the_pack(
    answer_kb: KnowledgeBase, engine: Any
) -> None:
    from datetime import UTC, datetime

    from osler.store import migrate
    from osler.store.sources import PassageDraft, SourceDraft, write_sources

    migrate(engine)
    passage = PassageDraft(
        item_id="0001-1",
        title="What are the treatments for gout?",
        text="Gout attacks are treated with anti-inflammatory medicines and rest.",
        focus="Gout",
        qtype="treatment",
        url="https://example.org/gout",
    )
    draft = SourceDraft(
        id="testcorpus",
        title="Test corpus",
        kind="corpus",
        format="test",
        text="",
        content_hash="h1",
        passages=[passage],
    )
    with engine.begin() as conn:
        write_sources(conn, [draft], datetime(2025, 1, 1, tzinfo=UTC))
    answer = Asker(answer_kb, engine=engine).ask("How is gout treated?")
    assert (
        answer.statements()[0].text == "Gout attacks are treated with anti-inflammatory medicines and rest."
    )
    assert (answer.references[0].id, answer.references[0].url) == (
        "testcorpus:0001-1",
        "https://example.org/gout",
    )
