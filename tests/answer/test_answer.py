"""Answers: cited statements, conflicts shown, safety first, honest 'not covered', follow-ups, JSON."""

from __future__ import annotations

import json

from osler import DISCLAIMER
from osler.answer import Asker, ask, render_text
from osler.model.claim import Claim
from osler.model.concept import Concept
from osler.model.knowledge_base import KnowledgeBase
from osler.model.reference import Reference


def test_every_statement_cites_a_reference_with_a_locator(asker: Asker) -> None:
    answer = asker.ask("How can I stop leg cramps at night?")
    numbers = {r.n for r in answer.references}
    assert answer.statements()
    assert all(s.citations and set(s.citations) <= numbers for s in answer.statements())
    assert all(r.doi or r.pmid or r.url for r in answer.references)


def test_references_are_numbered_in_order_of_first_citation(asker: Asker) -> None:
    answer = asker.ask("How can I stop leg cramps at night?")
    first_seen = list(dict.fromkeys(n for s in answer.statements() for n in s.citations))
    assert first_seen == sorted(first_seen) == [r.n for r in answer.references]


def test_a_curated_claim_without_references_is_never_stated(asker: Asker) -> None:
    assert "unsourced belief" not in asker.ask("What causes night cramps?").text()


def test_conflicting_claims_are_shown_together_with_both_sides(asker: Asker) -> None:
    text = asker.ask("Does stretching prevent night cramps?").text()
    assert "Studies disagree here. Stretching the calves before bed reduced cramps" in text
    assert "On the other hand, another trial found stretching did not reduce cramps" in text


def test_a_contested_claim_is_labelled(asker: Asker) -> None:
    assert (
        "The evidence is mixed: Many people think cramps come from low salts"
        in asker.ask("What causes night cramps?").text()
    )


def test_treatment_statements_say_how_strong_the_evidence_is(asker: Asker) -> None:
    text = asker.ask("How is a DVT treated?").text()
    assert "Anticoagulant treatment helps treat deep vein thrombosis (very strong evidence)." in text


def test_warning_signs_appear_even_when_not_asked_for_most_urgent_first(asker: Asker) -> None:
    answer = asker.ask("How is a DVT treated?")
    warnings = next(s for s in answer.sections if s.key == "warning_signs")
    assert warnings.statements[0].text.startswith("Call 999 or 911 for an ambulance now.")
    assert warnings.statements[1].text.startswith("See a doctor the same day.")


def test_the_intent_decides_which_section_comes_first(asker: Asker) -> None:
    assert asker.ask("When should I worry about a DVT?").sections[0].key == "warning_signs"
    assert asker.ask("Is quinine safe?").sections[0].key == "safety"


def test_a_question_about_two_concepts_opens_with_what_links_them(asker: Asker) -> None:
    answer = asker.ask("Is quinine safe for leg cramps?")
    assert answer.sections[0].key == "direct"
    assert "Quinine is not recommended for cramps" in answer.sections[0].statements[0].text


def test_a_question_outside_the_knowledge_base_gets_an_honest_not_covered_answer(asker: Asker) -> None:
    answer = asker.ask("How do I fix my bicycle?")
    assert not answer.covered and answer.sections == ()
    assert "does not cover this question" in answer.notice
    assert answer.nearest_topics == () and answer.review_status == "none"


def test_a_not_covered_answer_suggests_the_nearest_topics(asker: Asker) -> None:
    answer = asker.ask("What about night sweats and cramping?")
    assert not answer.covered
    assert answer.nearest_topics[0] == "Night cramps"
    assert "What is night cramps?" in answer.follow_up_questions


def test_follow_up_questions_are_ones_the_engine_can_answer(asker: Asker) -> None:
    answer = asker.ask("How can I stop leg cramps at night?")
    assert 3 <= len(answer.follow_up_questions) <= 5
    for question in answer.follow_up_questions:
        assert asker.ask(question, with_follow_ups=False).covered


def test_a_medicine_question_gets_follow_ups_about_what_it_is_used_for(asker: Asker) -> None:
    assert len(asker.ask("Is quinine safe?").follow_up_questions) >= 3


def test_json_has_the_documented_shape(answer_kb: KnowledgeBase) -> None:
    data = json.loads(json.dumps(ask(answer_kb, "Is quinine safe?", audience="clinician").to_dict()))
    assert {"question", "audience", "intent", "sections", "references", "review_status"} <= set(data)
    assert {"follow_up_questions", "disclaimer"} <= set(data)
    assert data["disclaimer"] == DISCLAIMER and data["audience"] == "clinician"
    assert set(data["sections"][0]["statements"][0]) == {"text", "citations"}
    assert set(data["references"][0]) == {
        "n",
        "id",
        "title",
        "authors",
        "year",
        "source",
        "doi",
        "pmid",
        "url",
    }


def test_the_same_question_gives_the_same_answer(answer_kb: KnowledgeBase) -> None:
    first = ask(answer_kb, "What causes night cramps?").to_dict()
    assert ask(answer_kb, "What causes night cramps?").to_dict() == first


def test_the_text_rendering_lists_references_at_the_end(asker: Asker) -> None:
    rendered = render_text(asker.ask("Is quinine safe?"))
    assert "References\n  [1] A made-up quinine warning (2010)." in rendered
    assert rendered.rstrip().endswith(DISCLAIMER)


def _kb(claims: list[Claim], references: list[Reference]) -> KnowledgeBase:
    concepts = [
        Concept(id="gout", kind="condition", name="Gout"),
        Concept(id="big-toe-pain", kind="finding", name="Big toe pain"),
    ]
    return KnowledgeBase(concepts, claims, references)


def test_duplicate_statements_are_merged_with_all_their_citations() -> None:
    refs = [Reference(id=r, kind="review", title=f"Review {r}", url=f"https://example.org/{r}") for r in "ab"]
    claims = [
        Claim(id=f"c{r}", subject="gout", relation="outlook_of", text="Attacks settle in a week.", refs=(r,))
        for r in "ab"
    ]
    answer = ask(_kb(claims, refs), "How long does gout last?")
    assert [(s.text, s.citations) for s in answer.statements()] == [("Attacks settle in a week.", (1, 2))]


def test_a_claim_whose_only_reference_has_no_locator_is_dropped() -> None:
    refs = [Reference(id="nowhere", kind="review", title="A review nobody can find")]
    claims = [
        Claim(id="c1", subject="gout", relation="outlook_of", text="Attacks settle.", refs=("nowhere",))
    ]
    assert not ask(_kb(claims, refs), "How long does gout last?").covered


def test_review_status_is_the_least_reviewed_claim() -> None:
    refs = [Reference(id="a", kind="review", title="Review a", url="https://example.org/a")]
    claims = [
        Claim(id="c1", subject="gout", relation="outlook_of", text="Attacks settle.", refs=("a",)),
        Claim(
            id="c2",
            subject="big-toe-pain",
            relation="finding_of",
            object="gout",
            refs=("a",),
            review_status="under_review",
        ),
    ]
    assert ask(_kb(claims, refs), "How long does gout last?").review_status == "under_review"


def test_a_causes_question_also_names_medicines_behind_a_linked_condition() -> None:
    refs = [Reference(id="a", kind="review", title="Review a", url="https://example.org/a")]
    concepts = [
        Concept(id="gout", kind="condition", name="Gout"),
        Concept(id="kidney-disease", kind="condition", name="Kidney disease"),
        Concept(id="water-tablet", kind="drug", name="Water tablet"),
    ]
    claims = [
        Claim(id="c1", subject="kidney-disease", relation="risk_factor_for", object="gout", refs=("a",)),
        Claim(
            id="c2",
            subject="kidney-disease",
            relation="adverse_effect_of",
            object="water-tablet",
            refs=("a",),
        ),
    ]
    answer = ask(KnowledgeBase(concepts, claims, refs), "What causes gout?")
    medicines = next(s for s in answer.sections if s.key == "medicines")
    assert medicines.statements[0].text == (
        "Medicines that can cause kidney disease as a side effect include water tablet."
    )


def _cough_kb() -> KnowledgeBase:
    refs = [Reference(id="a", kind="review", title="Review a", url="https://example.org/a")]
    concepts = [
        Concept(id="flu", kind="condition", name="Influenza"),
        Concept(id="cough", kind="finding", name="Cough"),
    ]
    claims = [
        Claim(id="c1", subject="cough", relation="finding_of", object="flu", frequency=0.9, refs=("a",))
    ]
    return KnowledgeBase(concepts, claims, refs)


def test_a_symptom_asked_about_for_its_causes_brings_in_the_conditions_it_points_to() -> None:
    assert ask(_cough_kb(), "What causes a cough?").focus == ("cough", "flu")


def test_a_symptom_in_a_how_to_question_does_not_pull_in_unlinked_conditions() -> None:
    assert ask(_cough_kb(), "Is honey safe to take for a cough?").focus == ("cough",)
