"""Answers from ingested corpora (e.g. MedQuAD) for questions beyond the curated pack.

Passages come from `osler.store.passages.search_passages(engine, query, limit)` (full-text search: SQLite FTS5
bm25 or PostgreSQL ts_rank), looked up at run time so the answer engine works without it. Candidates are pooled
from three searches (the question; its topic words; the topic with the question-type word), so that a passage
of the right type about the right topic is found even when common words dominate the word-overlap score. They are
then re-ranked by how well they answer the question, not by word overlap alone:

    0.15 x search score (scaled to the best hit of its search)
  + 0.30 x question-type match (the passage's MedQuAD `qtype` vs the detected intent)
  + 0.40 x topic match (weighted F1 of the passage's `focus` words against the question's topic words)
  + 0.15 x question similarity (the passage's reference question vs the asked one, rapidfuzz token_sort_ratio)

This follows the question-entailment approach of Ben Abacha and Demner-Fushman (2019, "A question-entailment
approach to question answering", BMC Bioinformatics 20:511): a good answer is the answer to a reference question
of the same type about the same focus. A passage needs a topic match of at least 0.66 (and within 0.1 of the
best passage's) and a rank of at least 0.45.
The chosen passages are quoted extractively (`quote.py`) and cited with the corpus item id and its source URL.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from rapidfuzz import fuzz

from osler.answer.quote import extract
from osler.model.names import normalize_name
from osler.model.reference import Reference
from osler.store.passages import Passage, search_passages


class PassageLike(Protocol):
    """What a corpus passage offers (the fields of `osler.store.passages.Passage`)."""

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
# words that name one question type among several answering the same intent
QTYPE_CUES: dict[str, str] = {
    "inheritance": r"inherit|hereditary|run(s)? in (the )?famil|pass(ed)? (it |down |on )",
    "genetic changes": r"\bgenes?\b|genetic change|mutation",
    "susceptibility": r"at risk|who gets|who is likely",
    "frequency": r"how (many|common)|how often do people",
    "complications": r"complication",
    "stages": r"\bstages?\b",
    "research": r"research|clinical trial",
    "considerations": r"what to do for|living with|cope|coping",
    "exams and tests": r"\btests?\b|\bexams?\b",
    "information": r"what is|what are|tell me about",
}
MIN_RANK = 0.45
MIN_TOPIC = 0.66
TOPIC_SLACK = 0.1  # later passages must be about the same topic as the best one
CANDIDATES = 10
MAX_PASSAGES = 3
WEIGHTS = {"search": 0.15, "qtype": 0.30, "topic": 0.40, "question": 0.15}
# words that say what kind of answer is wanted, not what it is about (stemmed as in focus.content_words)
QUESTION_WORDS = frozenset(
    """symptom sign treat treated treatment treatments therapy therapies cause causes caused prevent prevented
    prevention diagnose diagnosed diagnosis test tests testing exam outlook prognosis inherited inheritance
    genetic change changes people affected information risk complication susceptible frequency common manage
    managed management cure cured research clinical trial trials stage stages type happen happens need needs
    done go away long last lasts expect doctor worry safe dangerous serious mean means run family families
    get gets got tell""".split()
)
GENERIC_TOPIC_WORDS = frozenset("disease disorder syndrome condition problem deficiency infection".split())
GENERIC_WEIGHT = 0.3
# the word a reference question of each intent uses, added to the topic search
INTENT_WORDS: dict[str, str] = {
    "symptoms": "symptoms",
    "treatment": "treatments",
    "causes": "causes",
    "prevention": "prevent",
    "diagnosis": "diagnose",
    "outlook": "outlook",
    "seek_care": "symptoms",
    "medicine_safety": "side effects",
}


@dataclass(frozen=True)
class RankedPassage:
    """A passage with the score it got for one question."""

    passage: PassageLike
    rank: float
    topic: float = 0.0


@dataclass(frozen=True)
class Quote:
    """An extractive quote from a passage, its reference, and the passage's focus."""

    text: str
    reference: Reference
    focus: str


def default_search() -> PassageSearch | None:
    """The database's full-text passage search (`osler.store.passages.search_passages`)."""
    return search_passages


def asked_qtypes(question: str) -> frozenset[str]:
    """The MedQuAD question types a question's own words name ('run in families' -> inheritance)."""
    text = question.lower()
    return frozenset(qtype for qtype, cue in QTYPE_CUES.items() if re.search(cue, text))


def qtype_match(qtype: str, intent: str, question: str = "") -> float:
    """1 when the passage's question type answers the intent (0.7 when the question's words name another type
    of that intent), 0.4 when it is close, else 0."""
    kind = qtype.strip().lower()
    answered = QTYPE_INTENTS.get(kind)
    if answered is None:
        return 0.0
    if answered == intent:
        named = {q for q in asked_qtypes(question) if QTYPE_INTENTS.get(q) == intent}
        return 0.7 if named and kind not in named else 1.0
    return 0.4 if answered in NEAR_INTENTS.get(intent, frozenset()) else 0.0


def topic_words(text: str) -> list[str]:
    """The words of a question that say what it is about (stemmed, without stop and question-type words)."""
    from osler.answer.focus import STOP_WORDS, stem

    raw = [w for w in normalize_name(text).split() if w not in STOP_WORDS and w not in QUESTION_WORDS]
    return list(dict.fromkeys(s for s in map(stem, raw) if s not in STOP_WORDS and s not in QUESTION_WORDS))


def topic_match(focus: str, topics: Sequence[str]) -> float:
    """Weighted F1 of a passage focus's words against the best of the topic phrases (generic words such as
    'disease' count 0.3)."""
    focus_words = set(topic_words(focus))
    best = 0.0
    for topic in topics:
        words = set(topic_words(topic))
        if not focus_words or not words:
            continue
        shared = _weight(focus_words & words)
        if shared == 0:
            continue
        precision, recall = shared / _weight(focus_words), shared / _weight(words)
        best = max(best, 2 * precision * recall / (precision + recall))
    return round(best, 6)


def _weight(words: set[str]) -> float:
    return sum(GENERIC_WEIGHT if w in GENERIC_TOPIC_WORDS else 1.0 for w in words)


def question_similarity(title: str, question: str) -> float:
    """How close the passage's reference question is to the asked one (0-1)."""
    if not title or not question:
        return 0.0
    return fuzz.token_sort_ratio(title.lower(), question.lower()) / 100


def rank_passages(
    passages: Sequence[PassageLike], topic: str | Sequence[str], intent: str, question: str = ""
) -> list[RankedPassage]:
    """Passages ordered by how well they answer a question of this intent about this topic."""
    if not passages:
        return []
    topics = [topic] if isinstance(topic, str) else list(topic)
    top = max((p.score for p in passages), default=0.0) or 1.0
    ranked = []
    for passage in passages:
        about = topic_match(passage.focus, topics) if passage.focus else 0.0
        score = (
            WEIGHTS["search"] * max(passage.score, 0.0) / top
            + WEIGHTS["qtype"] * qtype_match(passage.qtype, intent, question)
            + WEIGHTS["topic"] * about
            + WEIGHTS["question"] * question_similarity(passage.title, question)
        )
        ranked.append(RankedPassage(passage, round(score, 6), about))
    return sorted(ranked, key=lambda r: (-r.rank, r.passage.source_id, r.passage.item_id))


def pooled_search(
    search: PassageSearch, engine: Any, question: str, topics: Sequence[str], intent: str
) -> list[PassageLike]:
    """Candidates from searches for the question, its topic, and the topic with the question-type word; each
    passage keeps its best scaled score."""
    topic = " ".join(dict.fromkeys(w for t in topics for w in topic_words(t)))
    queries = [(question, 10)]
    if topic:
        queries += [(topic, 50), (f"{topic} {INTENT_WORDS.get(intent, '')}".strip(), 30)]
    pooled: dict[tuple[str, str], Passage] = {}
    for query, limit in dict.fromkeys(queries):
        found = list(search(engine, query, limit))
        top = max((p.score for p in found), default=0.0) or 1.0
        for p in found:
            key = (p.source_id, p.item_id)
            scaled = max(p.score, 0.0) / top
            if key not in pooled or pooled[key].score < scaled:
                pooled[key] = Passage(
                    p.source_id, p.item_id, p.title, p.focus, p.qtype, p.url, p.text, scaled
                )
    return sorted(pooled.values(), key=lambda p: (-p.score, p.source_id, p.item_id))


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


@dataclass(frozen=True)
class CorpusAnswer:
    """Quotes answering a question, the focus of the best one, and the intents the corpora answer about it."""

    quotes: tuple[Quote, ...] = ()
    focus: str = ""
    intents: tuple[str, ...] = ()


def corpus_answer(
    search: PassageSearch,
    engine: Any,
    question: str,
    topic: str | Sequence[str],
    intent: str,
    ceiling: float | None = None,
) -> CorpusAnswer:
    """Quotes from the corpora that answer the question, with the intents the found passages about the same
    focus answer (for follow-up questions)."""
    topics = [topic] if isinstance(topic, str) else list(topic)
    pooled = pooled_search(search, engine, question, topics, intent)
    quotes = _quotes(rank_passages(pooled, topics, intent, question), ceiling)
    if not quotes:
        return CorpusAnswer()
    focus = quotes[0].focus
    same = {QTYPE_INTENTS.get(p.qtype.strip().lower()) for p in pooled if p.focus.lower() == focus.lower()}
    return CorpusAnswer(tuple(quotes), focus, tuple(sorted(i for i in same if i)))


def _quotes(ranked: list[RankedPassage], ceiling: float | None) -> list[Quote]:
    ranked = [r for r in ranked if r.rank >= MIN_RANK and r.topic >= MIN_TOPIC][:CANDIDATES]
    if not ranked:
        return []
    best_topic = max(r.topic for r in ranked)
    scored: list[tuple[float, int, Quote]] = []
    for i, item in enumerate(ranked):
        if len(scored) > MAX_PASSAGES + 1:
            break
        reference = passage_reference(item.passage)
        if reference is None or item.topic < best_topic - TOPIC_SLACK:
            continue
        text = extract(item.passage.text, ceiling=ceiling)
        if not text:
            continue
        scored.append((-item.rank, i, Quote(text, reference, item.passage.focus)))
    out: list[Quote] = []
    for _, _, quote in sorted(scored, key=lambda s: (s[0], s[1])):
        if quote.text not in {q.text for q in out}:
            out.append(quote)
    return out[:MAX_PASSAGES]
