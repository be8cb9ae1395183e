"""The answer pipeline for one knowledge base: intent -> focus -> retrieval -> composition -> references."""

from __future__ import annotations

from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from osler.answer.audience import check_audience
from osler.answer.compose import Composer, Draft
from osler.answer.corpus import PassageSearch, corpus_passages, default_search
from osler.answer.focus import NameIndex, find_focus
from osler.answer.followups import follow_ups
from osler.answer.intent import detect_intent
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
        if self.search is not None and sum(len(v) for v in drafts.values()) < MIN_KB_STATEMENTS:
            drafts["library"] = self._library(question, focus, intent, external)
        sections, references = self._number(drafts, intent, audience, external)
        statuses = [d.review_status for ds in drafts.values() for d in ds]
        review = min(statuses, key=REVIEW_ORDER.__getitem__) if statuses else "none"
        covered = any(s.statements for s in sections)
        follow = follow_ups(self.kb, focus, intent, self._answers) if with_follow_ups and covered else []
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
        self, question: str, focus: list[str], intent: str, external: dict[str, Reference]
    ) -> list[Draft]:
        assert self.search is not None
        topic = " ".join(self.kb.concepts[c].name for c in focus) or question
        try:
            found = corpus_passages(self.search, self.engine, question, topic, intent)
        except SQLAlchemyError:
            return []
        drafts = []
        for i, (quote, reference) in enumerate(found):
            external[reference.id] = reference
            drafts.append(Draft("library", quote, (reference.id,), (), (float(i), 0.0, 0.0)))
        return drafts

    def _number(
        self, drafts: dict[str, list[Draft]], intent: str, audience: str, external: dict[str, Reference]
    ) -> tuple[list[Section], list[CitedReference]]:
        numbers: dict[str, int] = {}
        sections = []
        for key in section_order(intent):
            statements = []
            for draft in drafts.get(key, ()):
                cites = tuple(numbers.setdefault(r, len(numbers) + 1) for r in draft.refs)
                if cites:
                    statements.append(Statement(draft.text, cites, draft.claims))
            if statements:
                sections.append(Section(key, SECTION_KINDS[key].heading(audience), tuple(statements)))
        references = []
        for ref_id, n in sorted(numbers.items(), key=lambda item: item[1]):
            ref = external.get(ref_id) or self.kb.references[ref_id]
            references.append(
                CitedReference(
                    n=n,
                    id=ref.id,
                    title=ref.title,
                    authors=ref.authors,
                    year=ref.year,
                    source=ref.source,
                    doi=ref.doi,
                    pmid=ref.pmid,
                    url=ref.best_url(),
                )
            )
        return sections, references
