"""Answers from ingested corpora (e.g. MedQuAD) for questions beyond the curated pack.

Passages come from `osler.store.sources.search_passages(engine, query, limit)` (written by the ingestion
engineer; looked up at run time so the answer engine works without it). They are re-ranked by how well they
answer the question, not by word overlap alone: 0.45 x the search score (scaled to the best hit) + 0.30 x the
match between the passage's question type (MedQuAD `qtype`) and the detected intent + 0.25 x the similarity of
the passage's topic (`focus`) to the question's topic (rapidfuzz `token_set_ratio`). This follows the
question-entailment idea of Ben Abacha and Demner-Fushman (2019, BMC Bioinformatics 20:511): a good answer comes
from a reference question of the same type about the same focus. The chosen passages are quoted extractively
(their first sentences) and cited with the corpus item id and its source URL.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import pysbd
from rapidfuzz import fuzz

from osler.model.reference import Reference


class PassageLike(Protocol):
    """What a corpus passage offers (the fields of `osler.store.sources.Passage`)."""

    @property
    def source_id(self) -> str: ...
    @property
    def item_id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def focus(self) -> str: ...
    @property
    def qtype(self) -> str: ...
    @property
    def url(self) -> str | None: ...
    @property
    def text(self) -> str: ...
    @property
    def score(self) -> float: ...


PassageSearch = Callable[[Any, str, int], Sequence[PassageLike]]

# MedQuAD question types -> the intent whose answer they are
QTYPE_INTENTS: dict[str, str] = {
    "information": "overview",
    "symptoms": "symptoms",
    "treatment": "treatment",
    "causes": "causes",
    "prevention": "prevention",
    "outlook": "outlook",
    "exams and tests": "diagnosis",
    "susceptibility": "causes",
    "complications": "outlook",
    "frequency": "overview",
    "stages": "outlook",
    "inheritance": "causes",
    "genetic changes": "causes",
    "considerations": "treatment",
    "research": "treatment",
    "side effects": "medicine_safety",
    "usage": "medicine_safety",
    "precautions": "medicine_safety",
    "dosage": "medicine_safety",
    "overdose": "medicine_safety",
    "emergency or overdose": "seek_care",
    "when to contact a medical professional": "seek_care",
}
# intents close enough that a passage of one half-answers the other
NEAR_INTENTS: dict[str, frozenset[str]] = {
    "seek_care": frozenset({"symptoms", "outlook"}),
    "difference": frozenset({"symptoms", "overview"}),
    "diagnosis": frozenset({"symptoms"}),
    "prevention": frozenset({"treatment", "causes"}),
    "treatment": frozenset({"prevention"}),
    "overview": frozenset({"symptoms", "causes"}),
    "medicine_safety": frozenset({"treatment"}),
}
MIN_RANK = 0.45
MAX_PASSAGES = 3
MAX_SENTENCES = 3


@dataclass(frozen=True)
class RankedPassage:
    """A passage with the score it got for one question."""

    passage: PassageLike
    rank: float


def default_search() -> PassageSearch | None:
    """`osler.store.sources.search_passages` when it exists, else None."""
    try:
        module = importlib.import_module("osler.store.sources")
    except ImportError:
        return None
    search = getattr(module, "search_passages", None)
    return search if callable(search) else None


def qtype_match(qtype: str, intent: str) -> float:
    """1 when the passage's question type answers the intent, 0.4 when it is close, else 0."""
    answered = QTYPE_INTENTS.get(qtype.strip().lower())
    if answered is None:
        return 0.0
    if answered == intent:
        return 1.0
    return 0.4 if answered in NEAR_INTENTS.get(intent, frozenset()) else 0.0


def rank_passages(passages: Sequence[PassageLike], topic: str, intent: str) -> list[RankedPassage]:
    """Passages ordered by how well they answer a question of this intent about this topic."""
    if not passages:
        return []
    top = max((p.score for p in passages), default=0.0) or 1.0
    ranked = []
    for passage in passages:
        focus = fuzz.token_set_ratio(passage.focus.lower(), topic.lower()) / 100 if passage.focus else 0.0
        score = (
            0.45 * max(passage.score, 0.0) / top + 0.30 * qtype_match(passage.qtype, intent) + 0.25 * focus
        )
        ranked.append(RankedPassage(passage, round(score, 6)))
    return sorted(ranked, key=lambda r: (-r.rank, r.passage.source_id, r.passage.item_id))


def extract(text: str, max_sentences: int = MAX_SENTENCES) -> str:
    """The first sentences of a passage (after any opening question), quoted as they are."""
    segmenter = pysbd.Segmenter(language="en", clean=False)
    sentences = [s.strip() for s in segmenter.segment(" ".join(text.split())) if s.strip()]
    while sentences and sentences[0].endswith("?"):
        sentences.pop(0)  # a passage often repeats its question first; quote the answer
    return " ".join(sentences[:max_sentences])


def passage_reference(passage: PassageLike) -> Reference | None:
    """A citable reference for a passage: the corpus item id and its source URL (None without a URL)."""
    if not passage.url:
        return None
    item = passage.item_id
    return Reference(
        id=passage.source_id if item in ("", passage.source_id) else f"{passage.source_id}:{item}",
        kind="corpus_item",
        title=passage.title or passage.focus or passage.item_id,
        source=passage.source_id,
        url=passage.url,
    )


def corpus_passages(
    search: PassageSearch, engine: Any, question: str, topic: str, intent: str
) -> list[tuple[str, Reference]]:
    """Up to three (quoted text, reference) pairs from the corpora that answer the question."""
    ranked = rank_passages(search(engine, question, 10), topic, intent)
    out: list[tuple[str, Reference]] = []
    for item in ranked:
        if item.rank < MIN_RANK or len(out) >= MAX_PASSAGES:
            break
        reference = passage_reference(item.passage)
        quote = extract(item.passage.text)
        if reference is not None and quote:
            out.append((quote, reference))
    return out
