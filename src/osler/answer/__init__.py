"""The answer engine: a question in plain words -> a structured answer whose every statement cites references.

    from osler.answer import ask
    answer = ask(kb, "Does stretching prevent night-time leg cramps?", audience="patient")
    answer.to_dict()      # the JSON documented in docs/answers.md

Steps (one module each): intent (what kind of answer), focus (which concepts), retrieval (claims and red-flag
rules filed by section), compose + wording (statements in our own words, merged, ordered, conflicts shown),
audience (plain words, readability), corpus (passages from ingested sources), followups, result.
"""

from __future__ import annotations

from typing import Any

from osler.answer.asker import Asker
from osler.answer.result import Answer, render_text
from osler.model.knowledge_base import KnowledgeBase


def ask(kb: KnowledgeBase, question: str, audience: str = "patient", engine: Any = None) -> Answer:
    """Answer a question for a patient or a clinician from the knowledge base (and corpora when `engine`)."""
    return Asker(kb, engine=engine).ask(question, audience)


__all__ = ["Answer", "Asker", "ask", "render_text"]
