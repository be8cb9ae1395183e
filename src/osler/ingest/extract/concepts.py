"""Recognising concepts in text: every lay and clinical name of the knowledge base, matched on word
boundaries with an Aho-Corasick automaton (Aho & Corasick 1975, via pyahocorasick), longest match first.

The text is folded to a string of the same length (letters and digits lower-cased, Latin accents dropped, every
other character a space), so a match's position is its exact offset in the original text; names are keyed with
a space on each side, which enforces word boundaries. Names with an apostrophe are also keyed as the folded
text spells them ("parkinson s disease"). Names written across several spaces or a line break are missed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

import ahocorasick

from osler.model.knowledge_base import KnowledgeBase

# Names too generic to count as a mention on their own.
IGNORED_NAMES = frozenset({"pain", "ache", "the", "and", "may", "can", "will", "all"})
MIN_NAME_LENGTH = 3


def _fold_table() -> dict[int, str]:
    """A same-length character map: letters and digits lower-cased (Latin accents dropped), all else a space."""
    table: dict[int, str] = {}
    for code in range(0x250):
        ch = chr(code)
        if ch.isascii():
            table[code] = ch.lower() if ch.isalnum() or ch == "+" else " "
            continue
        folded = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode("ascii").lower()
        table[code] = (
            folded
            if len(folded) == 1 and folded.isalnum()
            else (ch.lower() if ch.isalpha() and len(ch.lower()) == 1 else " ")
        )
    for code in (0x2019, 0x2018, 0x201C, 0x201D, 0x2013, 0x2014, 0x00A0, 0x2022, 0x2026):
        table[code] = " "
    return table


_FOLD = _fold_table()
_SPACES = re.compile(r"[^\w+]|_")


@dataclass(frozen=True)
class Mention:
    """A concept name found in the text: offsets into the source and the concept ids it may denote."""

    start: int
    end: int
    concept_ids: tuple[str, ...]

    def text_in(self, source: str) -> str:
        return source[self.start : self.end]


class ConceptMatcher:
    """Finds mentions of the knowledge base's concepts; build once per batch and reuse."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kinds: dict[str, str] = {cid: c.kind for cid, c in kb.concepts.items()}
        self.names: dict[str, str] = {cid: c.name for cid, c in kb.concepts.items()}
        keys: dict[str, list[str]] = {k: list(v) for k, v in kb.names().items()}
        for concept in kb.concepts.values():  # "Parkinson's" reads as "parkinson s" in folded text
            for name in concept.all_names():
                if "'" in name or "\u2019" in name:
                    variant = " ".join(fold(name).split())
                    keys.setdefault(variant, [])
                    if concept.id not in keys[variant]:
                        keys[variant].append(concept.id)
        self._automaton = ahocorasick.Automaton()
        count = 0
        for key, ids in sorted(keys.items()):
            if len(key) < MIN_NAME_LENGTH or key in IGNORED_NAMES or not ids:
                continue
            self._automaton.add_word(f" {key} ", (len(key), tuple(ids)))
            count += 1
        if count:
            self._automaton.make_automaton()
        self._empty = count == 0

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Mention]:
        """Non-overlapping mentions in `text[start:end]`, leftmost-longest, in text order."""
        end = len(text) if end is None else end
        if self._empty or start >= end:
            return []
        haystack = " " + fold(text[start:end]) + " "
        found: list[tuple[int, int, tuple[str, ...]]] = []
        for last, (length, ids) in self._automaton.iter(haystack):
            first = start + last - length - 1  # the haystack has one extra leading space
            found.append((first, first + length, ids))
        found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
        mentions: list[Mention] = []
        taken = -1
        for first, stop, ids in found:
            if first < taken:
                continue
            mentions.append(Mention(first, stop, ids))
            taken = stop
        return mentions


def fold(text: str) -> str:
    """The text lower-cased with every non-word character a space, keeping its length (offsets stay valid)."""
    folded = text.translate(_FOLD)
    if len(folded) != len(text):  # pragma: no cover - the table maps one character to one
        return _SPACES.sub(" ", text.lower())[: len(text)].ljust(len(text))
    return folded


def choose(mention: Mention, kinds: Mapping[str, str], allowed: frozenset[str] | None) -> str | None:
    """The first concept the mention may denote whose kind fits the slot (None when none fits)."""
    for cid in mention.concept_ids:
        if allowed is None or kinds.get(cid) in allowed:
            return cid
    return None
