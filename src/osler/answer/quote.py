"""Extractive quotes from corpus passages: the passage's own sentences, without navigation boilerplate.

A passage is cut into units: sentences (pysbd, Sadvilkar and Neumann 2020) and list items (lines or items opened
by a dash), each ending in a full stop. Headings (short lines without a full stop), the passage's opening
question, and navigation text ("Click the link ...", "These resources ...") are left out. The quote is the first
few units; for patients, the earliest run of consecutive units that reads at or below the grade ceiling and does
not start on a sentence leaning on the one before it ('This ...', 'However ...': dangling references are the
commonest coherence fault of extractive summaries). Words are never changed, only whole units chosen.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pysbd

from osler.answer.readability import fk_grade

MAX_UNITS = 3
WINDOW = 6  # units considered when fitting a quote to the reading grade
MAX_WORDS = 90
MAX_ITEMS = 6
OPENING_CHARS = 2500
_BULLET = re.compile(r"(?:^|\n|\s{2,})\s*[-•*]\s+")
_TERMINAL = re.compile(r"[.!?:;]['\")]?$")
# sentences that point elsewhere instead of answering (portal navigation, link lists)
BOILERPLATE = re.compile(
    r"(click (the|on|here)|these resources|this resource|please visit|visit the \w+|see the following|"
    r"for more (specific )?information|following (pdq )?summar|can be found at|is available at|"
    r"\bwebsite\b|\bweb site\b|genetic testing registry|gene ?review|medlineplus encyclopedia|"
    r"information (comes|is taken) from|\borphanet\b|\bdatabase\b)",
    re.I,
)


# a sentence opening with a pronoun or connective leans on the one before: a quote does not start there
DANGLING = re.compile(
    r"(this|these|that|those|it|its|they|their|them|he|she|his|her|such|however|also|but|so|and|or|then|"
    r"thus|therefore|because|if not|in addition|other|another|both|each|most of these|some of these)\b",
    re.I,
)


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False)


def units(text: str) -> list[str]:
    """The passage's sentences and list items in order, each ending in a full stop, boilerplate left out (only
    the opening of a long passage is read: quotes come from its first units)."""
    return [unit for unit, _ in _units(_opening(text))]


def _opening(text: str) -> str:
    if len(text) <= OPENING_CHARS:
        return text
    cut = max(text.rfind(". ", 0, OPENING_CHARS), text.rfind("\n", 0, OPENING_CHARS))
    return text[: cut + 1] if cut > 0 else text[:OPENING_CHARS]


@lru_cache(maxsize=1024)
def _units(text: str) -> tuple[tuple[str, bool], ...]:
    """(unit, is a list item) pairs."""
    out: list[tuple[str, bool]] = []
    for block in re.split(r"\n\s*\n|\n(?=\s*[-•*]\s)", text):
        for position, piece in enumerate(_BULLET.split(block)):
            piece = " ".join(piece.split())
            if not piece:
                continue
            item = position > 0
            if not item and not _TERMINAL.search(piece) and len(piece.split()) <= 5:
                continue  # a heading such as 'Key Points' or 'Medications'
            for sentence in _segmenter().segment(piece):
                sentence = sentence.strip()
                if not sentence or BOILERPLATE.search(sentence):
                    continue
                if not _TERMINAL.search(sentence):
                    sentence += "."
                out.append((sentence, item))
    while out and out[0][0].endswith("?"):
        out.pop(0)  # a passage often repeats its question first; quote the answer
    return tuple(u for u in out if not u[0].endswith("?"))


def extract(text: str, max_sentences: int = MAX_UNITS, ceiling: float | None = None) -> str:
    """The first sentences of a passage (with the list that follows a sentence ending in a colon), quoted as
    they are. With a ceiling, the earliest run of consecutive sentences (longest first) among the first few
    that reads at or below that grade, never starting on a sentence that leans on the one before ('This ...',
    'However ...'); the easiest run when none does."""
    found = list(_units(_opening(text)))
    chosen = _first(found, max_sentences)
    if ceiling is None or fk_grade(" ".join(chosen)) <= ceiling:
        return " ".join(chosen)
    starts = [i for i, (unit, item) in enumerate(found) if not item][:WINDOW]
    starts = [i for i in starts if i == 0 or not DANGLING.match(found[i][0])]
    runs = [_first(found[start:], size) for start in starts for size in range(max_sentences, 0, -1)]
    runs = [run for run in runs if run]
    for run in runs:
        if fk_grade(" ".join(run)) <= ceiling:
            return " ".join(run)
    return " ".join(min(runs, key=lambda run: fk_grade(" ".join(run)), default=chosen))


def fits(text: str, ceiling: float | None) -> bool:
    """True without a ceiling, or when the text reads at or below it."""
    return ceiling is None or fk_grade(text) <= ceiling


def _first(found: list[tuple[str, bool]], count: int) -> list[str]:
    """Up to `count` sentences from the start, with list items after a sentence ending in a colon (at most
    MAX_ITEMS), within MAX_WORDS; a sentence introducing a list is not quoted without its items."""
    chosen: list[tuple[str, bool]] = []
    sentences = items = words = 0
    for unit, item in found:
        if not item and sentences >= count:
            break
        size = len(unit.split())
        if chosen and words + size > MAX_WORDS:
            break
        if item:
            if not chosen or items >= MAX_ITEMS:
                continue
            items += 1
        else:
            sentences += 1
            items = 0
        chosen.append((unit, item))
        words += size
    while chosen and not chosen[-1][1] and chosen[-1][0].endswith(":"):
        chosen.pop()
    return [unit for unit, _ in chosen]
