"""Readability: the Flesch-Kincaid grade of a text, and fitting a patient answer under a grade ceiling.

The grade is the Flesch-Kincaid grade level (Kincaid et al. 1975, "Derivation of new readability formulas for
Navy enlisted personnel"): 0.39 x words per sentence + 11.8 x syllables per word - 15.59. Syllables are counted
offline from pyphen's en_US hyphenation dictionary as hyphenation points + 1, the same rule textstat uses
(textstat itself is not used: recent releases fetch a dictionary at run time).

`fit_grade` keeps a patient answer at or below a grade ceiling (plain-language guidance for health information
asks for grade 8 or lower; e.g. the AMA and NIH recommend grade 6-8) by leaving out the statements that cost the
most readability for the least value: it removes, one at a time, the statement whose removal lowers the whole
answer's grade, taking the lowest-priority class first and the largest drop within it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import pyphen

PATIENT_GRADE_CEILING = 8.0

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n+")


@lru_cache(maxsize=1)
def _dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="en_US")


@lru_cache(maxsize=20000)
def syllables(word: str) -> int:
    """Syllables in a word: pyphen hyphenation points + 1 (hyphenated compounds counted part by part)."""
    parts = [p for p in re.split(r"[-'’]", word.lower()) if p]
    return sum(len(_dictionary().positions(p)) + 1 for p in parts) if parts else 0


@dataclass(frozen=True)
class Counts:
    """The three counts the Flesch-Kincaid grade rests on; counts of texts joined by newlines add up."""

    words: int = 0
    sentences: int = 0
    syllables: int = 0

    @classmethod
    def of(cls, text: str) -> Counts:
        """Words, sentences (at least one when there are words) and syllables of a text."""
        words = _WORD.findall(text)
        if not words:
            return cls()
        sentences = max(1, len([s for s in _SENTENCE_END.split(text) if _WORD.search(s)]))
        return cls(len(words), sentences, sum(syllables(w) for w in words))

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.words + other.words, self.sentences + other.sentences, self.syllables + other.syllables
        )

    def __sub__(self, other: Counts) -> Counts:
        return Counts(
            self.words - other.words, self.sentences - other.sentences, self.syllables - other.syllables
        )

    @property
    def grade(self) -> float:
        """The Flesch-Kincaid grade of these counts (0 without words)."""
        if self.words <= 0 or self.sentences <= 0:
            return 0.0
        return 0.39 * self.words / self.sentences + 11.8 * self.syllables / self.words - 15.59


def fk_grade(text: str) -> float:
    """Flesch-Kincaid grade level of a text (0 for text without words)."""
    return Counts.of(text).grade


def fit_grade(
    texts: Sequence[str], priorities: Sequence[int], ceiling: float = PATIENT_GRADE_CEILING
) -> list[int]:
    """Indices of the statements to keep so that the statements joined by newlines read at or below the
    ceiling. A statement is left out only when that lowers the grade; the lowest priority goes first, and
    within it the statement whose removal lowers the grade most. Keeps everything when already readable."""
    counts = [Counts.of(t) for t in texts]
    total = sum(counts, Counts())
    kept = set(range(len(texts)))
    while total.grade > ceiling and len(kept) > 1:
        best: tuple[int, float, int] | None = None
        for i in kept:
            grade = (total - counts[i]).grade
            if grade >= total.grade or (total - counts[i]).words == 0:
                continue
            key = (priorities[i], grade, -i)
            if best is None or key < best:
                best = key
        if best is None:
            break
        index = -best[2]
        kept.discard(index)
        total = total - counts[index]
    return sorted(kept)
