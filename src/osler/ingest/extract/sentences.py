"""Splitting text into lines, list items and sentences, keeping exact character offsets.

A fast rule-based splitter (in the spirit of Punkt's abbreviation handling, Kiss & Strunk 2006, without
training): a sentence ends at `.`, `!` or `?` (plus closing quotes or brackets) followed by white space and an
upper-case letter, digit, quote or bracket, unless the word before the full stop is a known abbreviation or a
single initial. Line breaks that start a list item or follow a blank line always end a sentence, and so do
runs of spaces before an inline bullet (`"...   - next item"`), which corpora such as MedQuAD use for lists.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

ABBREVIATIONS = frozenset(
    "e.g i.e etc vs dr mr mrs ms prof st jr sr no nos fig figs approx al inc ltd co dept est min max mg ml "
    "kg cm mm vol ed eds p pp ca cf resp univ jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k".split()
)
_BOUNDARY = re.compile(r"[.!?]+[\"')\]\u201d\u2019]*(?=\s+[\"'(\[\u201c\u2018]?[A-Z0-9])")
_HARD_BREAK = re.compile(
    r"\n[ \t]*\n\s*|\n(?=[ \t]*(?:[-*\u2022\u00b7\u25aa]|\d{1,2}[.)])\s)|\s{2,}(?=[-\u2022]\s)"
)
_BULLET = re.compile(r"[ \t]*(?:[-*\u2022\u00b7\u25aa]|\d{1,2}[.)])[ \t]+")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


@dataclass(frozen=True)
class Span:
    """A piece of the source text: `text == source[start:end]`."""

    start: int
    end: int
    text: str
    bullet: bool = False


def _is_abbreviation(chunk: str) -> bool:
    match = _WORD_BEFORE.search(chunk)
    if not match:
        return False
    word = match.group(1).rstrip(".").lower()
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _trimmed(text: str, start: int, end: int) -> Span | None:
    """The span without surrounding white space and without a leading bullet marker (None when empty)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    bullet = False
    marker = _BULLET.match(text, start, end)
    if marker and marker.end() < end:
        start, bullet = marker.end(), True
    if start >= end:
        return None
    return Span(start, end, text[start:end], bullet)


def blocks(text: str, start: int = 0, end: int | None = None) -> Iterator[Span]:
    """Paragraphs and list items of `text[start:end]`, split at blank lines, bullets and inline bullets."""
    end = len(text) if end is None else end
    position = start
    for match in _HARD_BREAK.finditer(text, start, end):
        span = _trimmed(text, position, match.start())
        if span is not None:
            yield span
        position = match.end()
    span = _trimmed(text, position, end)
    if span is not None:
        yield span


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentences of `text[start:end]` in order, each with offsets into `text`."""
    out: list[Span] = []
    for block in blocks(text, start, end):
        position = block.start
        for match in _BOUNDARY.finditer(text, block.start, block.end):
            if (
                match.group(0).startswith(".")
                and len(match.group(0)) == 1
                and _is_abbreviation(text[max(position, match.start() - 12) : match.start()])
            ):
                continue
            span = _trimmed(text, position, match.end())
            if span is not None:
                out.append(Span(span.start, span.end, span.text, block.bullet and span.start == block.start))
            position = match.end()
        span = _trimmed(text, position, block.end)
        if span is not None:
            out.append(Span(span.start, span.end, span.text, block.bullet and span.start == block.start))
    return out


def lines(text: str, start: int = 0, end: int | None = None) -> Iterator[Span]:
    """Non-blank lines of `text[start:end]`, trimmed, with offsets (bullet markers kept)."""
    end = len(text) if end is None else end
    position = start
    while position < end:
        newline = text.find("\n", position, end)
        stop = end if newline < 0 else newline
        s, e = position, stop
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            yield Span(s, e, text[s:e])
        position = stop + 1
