"""The answer pipeline for one knowledge base: intent -> focus -> retrieval -> composition -> references."""

from __future__ import annotations

from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from osler.answer.audience import check_audience
from osler.answer.compose import Composer, Draft
from osler.answer.corpus import CorpusAnswer, PassageSearch, corpus_answer, default_search
from osler.answer.focus import NameIndex, find_focus
from osler.answer.followups import MAX_FOLLOW_UPS, MIN_FOLLOW_UPS, corpus_follow_ups, follow_ups
from osler.answer.intent import detect_intent
from osler.answer.patient import for_patients
from osler.answer.readability import PATIENT_GRADE_CEILING
from osler.answer.result import Answer, CitedReference, Section, Statement
from osler.answer.retrieval import expand_focus, gather
from osler.answer.sections import SECTION_KINDS, section_order
from osler.errors import InputError
from osler.model.claim import REVIEW_ORDER
from osler.model.knowledge_base import KnowledgeBase
from osler.model.reference import Reference

MIN_KB_STATEMENTS = 4
NOT_COVERED = (
    "osler's knowledge base does not cover this question yet, so it gives no answer rather than guess. "
    "Please ask a health professional."
)
NEAREST_NOTE = " The nearest topics osler knows about are listed."


class Asker:
    """Answers questions from one knowledge base (and, given an engine, from ingested corpora)."""

    def __init__(
        self, kb: KnowledgeBase, engine: Any = None, passage_search: PassageSearch | None = None
    ) -> None:
        self.kb = kb
        self.engine = engine
        self.search = passage_search if passage_search is not None else (default_search() if engine else None)
        self.index = NameIndex(kb)

    def ask(self, question: str, audience: str = "patient", *, with_follow_ups: bool = True) -> Answer:
        """A structured, cited answer; an honest 'not covered' answer when osler knows nothing relevant."""
        from osler import DISCLAIMER

        audience = check_audience(audience)
        question = " ".join(question.split())
        if not question:
            raise InputError("the question is empty")
        intent = detect_intent(question)
        focus = expand_focus(self.kb, find_focus(self.index, question), intent=intent)
        composer = Composer(self.kb, audience, tuple(focus))
        drafts = composer.compose(gather(self.kb, focus, intent))
        for concept_id in [c for c in focus if self.kb.concepts[c].kind == "condition"][:2]:
            drafts.setdefault("overview", [])
            drafts["overview"] = composer.overview(concept_id) + drafts["overview"]
        external: dict[str, Reference] = {}
        corpus = CorpusAnswer()
        if self.search is not None and sum(len(v) for v in drafts.values()) < MIN_KB_STATEMENTS:
            drafts["library"], corpus = self._library(question, focus, intent, audience, external)
        ordered = [(key, drafts[key]) for key in section_order(intent) if drafts.get(key)]
        if audience == "patient":
            ordered = for_patients(ordered, intent, composer.short_names)
        sections, references = self._number(ordered, audience, external)
        statuses = [d.review_status for _, ds in ordered for d in ds]
        review = min(statuses, key=REVIEW_ORDER.__getitem__) if statuses else "none"
        covered = any(s.statements for s in sections)
        follow = follow_ups(self.kb, focus, intent, self._answers) if with_follow_ups and covered else []
        if with_follow_ups and corpus.focus and len(follow) < MIN_FOLLOW_UPS:
            follow += corpus_follow_ups(corpus.focus, intent, corpus.intents)[: MAX_FOLLOW_UPS - len(follow)]
        nearest: list[str] = []
        if not covered:
            nearest = self.index.nearest(question)
            if with_follow_ups:
                follow = [q for q in (f"What is {n.lower()}?" for n in nearest) if self._answers(q)[0]][:5]
        return Answer(
            question=question,
            audience=audience,
            intent=intent,
            sections=tuple(sections),
            references=tuple(references),
            review_status=review,
            follow_up_questions=tuple(follow),
            disclaimer=DISCLAIMER,
            focus=tuple(focus),
            notice="" if covered else NOT_COVERED + (NEAREST_NOTE if nearest else ""),
            nearest_topics=tuple(nearest),
        )

    def _answers(self, question: str) -> tuple[bool, tuple[str, ...]]:
        answer = self.ask(question, with_follow_ups=False)
        return answer.covered, answer.focus

    def _library(
        self, question: str, focus: list[str], intent: str, audience: str, external: dict[str, Reference]
    ) -> tuple[list[Draft], CorpusAnswer]:
        assert self.search is not None
        topics = [name for c in focus for name in self.kb.concepts[c].all_names()] or [question]
        ceiling = PATIENT_GRADE_CEILING if audience == "patient" else None
        try:
            found = corpus_answer(self.search, self.engine, question, topics, intent, ceiling)
        except SQLAlchemyError:
            return [], CorpusAnswer()
        drafts = []
        for i, quote in enumerate(found.quotes):
            external[quote.reference.id] = quote.reference
            # quoted from an ingested source, not reviewed by an editor
            rank = (float(i), 0.0, 0.0)
            drafts.append(Draft("library", quote.text, (quote.reference.id,), (), rank, "submitted"))
        return drafts, found

    def _number(
        self, ordered: list[tuple[str, list[Draft]]], audience: str, external: dict[str, Reference]
    ) -> tuple[list[Section], list[CitedReference]]:
        numbers: dict[str, int] = {}
        sections = []
        for key, drafts in ordered:
            statements = []
            for draft in drafts:
                cites = tuple(numbers.setdefault(r, len(numbers) + 1) for r in draft.refs)
                if cites:
                    statements.append(Statement(draft.text, cites, draft.claims))
            if statements:
                sections.append(Section(key, SECTION_KINDS[key].heading(audience), tuple(statements)))
        references = []
        for ref_id, n in sorted(numbers.items(), key=lambda item: item[1]):
            ref = external.get(ref_id) or self.kb.references[ref_id]
            references.append(CitedReference(n, ref))
        return sections, references
