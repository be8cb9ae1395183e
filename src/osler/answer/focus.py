"""Which concepts a question is about: its words matched against every name in the knowledge base.

Matching is order-free and forgiving, in the spirit of bag-of-words concept recognisers (e.g. MetaMap's
variant generation, Aronson 2001), kept small: words are lower-cased, accent-folded, lightly stemmed (plural
-s/-ies) and mapped through a short list of lay/clinical equivalents ("nocturnal" = "night"); a name matches when
all its content words occur close together in the question. Typos are corrected first: a question word outside the
name vocabulary becomes the vocabulary word within one edit (two for words of 8+ letters) by optimal string
alignment distance (a swap of neighbouring letters counts as one edit), with lengths within one letter, so
'resltess' is read as 'restless' but 'fibrosis' is not read as 'fibrositis'. Longer matches win, conditions
are preferred, and a match whose words are all inside a better match is dropped ("leg cramps" inside "leg cramps at night").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from osler.model.knowledge_base import KnowledgeBase
from osler.model.names import normalize_name

STOP_WORDS: frozenset[str] = frozenset(
    """a an the at in on of for to from by with without and or but if is are was were be been being am do does
    did doing have has had having i me my mine we our you your he she it its they them their this that these
    those what which who whom whose when where why how can could should would will shall may might must
    about into over under up down out off than then so too very just also only any some all each every no not
    im ive get got take taking use using help helps make makes making feel feeling there here s t ve ll d m re
    much many more most less least well really actually usually still ever often always sometimes tell know
    time day days night? thing things way ways best good bad wrong""".split()
)
# lay and clinical words that mean the same thing, mapped onto one stem
EQUIVALENTS: dict[str, str] = {
    "nocturnal": "night",
    "nighttime": "night",
    "overnight": "night",
    "calves": "calf",
    "feet": "foot",
    "children": "child",
    "kids": "child",
    "kid": "child",
    "toddler": "child",
    "women": "woman",
    "men": "man",
    "teeth": "tooth",
    "paediatric": "child",
    "pediatric": "child",
    "haemorrhage": "hemorrhage",
    "oedema": "edema",
    "anaemia": "anemia",
    "diarrhoea": "diarrhea",
    "oesophagus": "esophagus",
    "ischaemia": "ischemia",
    "paracetamol": "paracetamol",
}
KIND_BONUS: dict[str, float] = {
    "condition": 1.5,
    "drug": 1.0,
    "drug_class": 1.0,
    "treatment": 0.8,
    "test": 0.5,
    "finding": 0.4,
    "risk_factor": 0.5,
    "body_part": -5.0,
}
MAX_FOCUS = 5
NEAREST_CUTOFF = 60  # token_set_ratio below this is not 'near'; an unrelated question gets no suggestions


def stem(word: str) -> str:
    """A word's light stem: equivalents first, then plural endings removed."""
    if word in EQUIVALENTS:
        return EQUIVALENTS[word]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def words(text: str) -> list[str]:
    """The stemmed words of a text, in order."""
    return [stem(w) for w in normalize_name(text).split()]


def content_words(text: str) -> list[str]:
    """Stemmed words without stop words."""
    return [w for w in words(text) if w not in STOP_WORDS]


@dataclass(frozen=True)
class Match:
    """A concept found in a question: the words that matched and a score (higher is a better match)."""

    concept_id: str
    name: str
    covered: frozenset[str]
    score: float


class NameIndex:
    """Every name of a knowledge base's concepts as stemmed content words, for matching questions."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.entries: list[tuple[str, tuple[str, ...], str]] = []
        for key, ids in sorted(kb.names().items()):
            tokens = tuple(dict.fromkeys(content_words(key)))
            if not tokens or (len(tokens) == 1 and len(tokens[0]) < 3):
                continue
            # a name shared by several concepts stands for each; the kind bonus then prefers the condition
            for concept_id in ids:
                concept = kb.get(concept_id)
                if concept is not None and concept.kind != "body_part":
                    self.entries.append((key, tokens, concept.id))
        self.by_token: dict[str, list[tuple[str, tuple[str, ...], str]]] = {}
        for entry in self.entries:
            self.by_token.setdefault(entry[1][0], []).append(
                entry
            )  # a name can match only if its first word is there
        self.vocabulary = {token for _, tokens, _ in self.entries for token in tokens}
        self.vocabulary_list = sorted(self.vocabulary)

    def match(self, question: str) -> list[Match]:
        """Concepts named in the question, best first, without matches swallowed by better ones."""
        q_words = self._correct(words(question))
        positions: dict[str, list[int]] = {}
        for i, w in enumerate(q_words):
            positions.setdefault(w, []).append(i)
        normalized = " ".join(q_words)
        found: dict[str, Match] = {}
        candidates = [entry for word in sorted(positions) for entry in self.by_token.get(word, ())]
        for key, tokens, concept_id in candidates:
            if not all(t in positions for t in tokens):
                continue
            starts = [min(positions[t]) for t in tokens]
            if max(starts) - min(starts) + 1 > 2 * len(tokens) + 2:
                continue
            phrase = " ".join(words(key))
            exact = f" {phrase} " in f" {normalized} "
            if len(tokens) == 1 and not exact:
                continue
            self._keep(
                found, concept_id, key, frozenset(tokens), 2.0 * len(tokens) + (1.0 if exact else -1.5)
            )
        return _select(found.values())

    def _correct(self, q_words: list[str]) -> list[str]:
        """Question words outside the name vocabulary replaced by their closest vocabulary word (typos)."""
        corrected = []
        for word in q_words:
            if word in self.vocabulary or word in STOP_WORDS or len(word) < 5 or not word.isalpha():
                corrected.append(word)
                continue
            allowed = 1 if len(word) < 8 else 2
            hit = process.extractOne(word, self.vocabulary_list, scorer=OSA.distance, score_cutoff=allowed)
            close = hit is not None and abs(len(hit[0]) - len(word)) <= 1
            corrected.append(hit[0] if hit is not None and close else word)
        return corrected

    def _keep(
        self, found: dict[str, Match], concept_id: str, key: str, covered: frozenset[str], base: float
    ) -> None:
        concept = self.kb.concepts[concept_id]
        score = base + KIND_BONUS.get(concept.kind, 0.0)
        old = found.get(concept_id)
        if old is None or score > old.score:
            found[concept_id] = Match(concept_id, key, covered, score)

    def nearest(self, question: str, limit: int = 5) -> list[str]:
        """Names of the conditions closest to the question's words (for 'not covered' answers)."""
        conditions = self.kb.conditions()
        if not conditions:
            return []
        text = " ".join(content_words(question))
        choices = {c.id: " ".join(content_words(" ".join(c.all_names()))) for c in conditions}
        best = process.extract(
            text, choices, scorer=fuzz.token_set_ratio, limit=limit, score_cutoff=NEAREST_CUTOFF
        )
        return [self.kb.concepts[concept_id].name for _, _, concept_id in best]


def _select(matches: Iterable[Match]) -> list[Match]:
    ranked = sorted(matches, key=lambda m: (-m.score, m.concept_id))
    chosen: list[Match] = []
    for match in ranked:
        if any(match.covered <= better.covered and better.score > match.score for better in chosen):
            continue
        chosen.append(match)
    return chosen[:MAX_FOCUS]


def find_focus(index: NameIndex, question: str) -> list[str]:
    """Ids of the concepts a question is about: conditions first, then the rest, each by match score."""
    matches = index.match(question)
    kinds = {m.concept_id: index.kb.concepts[m.concept_id].kind for m in matches}
    return [
        m.concept_id for m in sorted(matches, key=lambda m: (kinds[m.concept_id] != "condition", -m.score))
    ]
