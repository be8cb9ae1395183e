"""The lexicon: every clinical and lay name of findings, risk factors, drugs and conditions, matched in text.

Names come from `kb.names()` (a name shared by several concepts goes to the preferred one). Each name is reduced
to its content tokens (`osler.check.text.name_key`). A name matches a sentence when all its content tokens occur
in it, in any order, within a short window (`max_span`), so 'my calf hurts when I walk' meets the name 'calf pain
on walking'. When one match's tokens are a strict subset of another's, the longer match wins (longest match).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from osler.check.text import BREAKS, Token, name_key
from osler.model.knowledge_base import KnowledgeBase

CLAUSE_WORDS = frozenset({"but", "however", "although", "though", "whereas"})
"""Words that end a clause: a name's tokens must not be joined across them."""

MATCHED_KINDS = frozenset({"finding", "risk_factor", "drug", "drug_class", "condition"})
"""Concept kinds the checker looks for in text."""


def max_span(n_tokens: int) -> int:
    """How many token positions a name of n content tokens may spread over in the text."""
    return 1 if n_tokens <= 1 else 3 * (n_tokens - 1) + 3


@dataclass(frozen=True)
class Match:
    """A concept found in text: which concept, of what kind, at which token positions."""

    concept: str
    kind: str
    positions: tuple[int, ...]
    name: str


@dataclass(frozen=True)
class _Entry:
    key: tuple[str, ...]
    concept: str
    kind: str
    name: str


class Lexicon:
    """Names of the knowledge base indexed by their rarest content token, for fast matching."""

    def __init__(self, kb: KnowledgeBase, extra: dict[str, list[str]] | None = None) -> None:
        entries: dict[tuple[str, ...], _Entry] = {}
        names = dict(kb.names())
        for name, ids in (extra or {}).items():
            names.setdefault(name, ids)
        for name, ids in names.items():
            if not ids:
                continue
            concept = kb.get(ids[0])
            if concept is None or concept.kind not in MATCHED_KINDS:
                continue
            key = name_key(name)
            if not key or key in entries:
                continue
            if len(key) == 1 and len(key[0]) <= 2 and not key[0].isalpha():
                continue
            entries[key] = _Entry(key, concept.id, concept.kind, name)
        counts: dict[str, int] = defaultdict(int)
        for entry in entries.values():
            for form in set(entry.key):
                counts[form] += 1
        self._index: dict[str, list[_Entry]] = defaultdict(list)
        for entry in entries.values():
            anchor = min(entry.key, key=lambda f: (counts[f], f))
            self._index[anchor].append(entry)
        self.size = len(entries)

    def match(self, tokens: list[Token]) -> list[Match]:
        """Every name found in the tokens, after dropping matches contained in a longer one."""
        found: list[Match] = []
        for sentence in _sentences(tokens):
            where: dict[str, list[int]] = defaultdict(list)
            for tok in sentence:
                where[tok.form].append(tok.index)
            for form in list(where):
                for entry in self._index.get(form, ()):
                    positions = _window(entry.key, where)
                    if positions is not None:
                        found.append(Match(entry.concept, entry.kind, positions, entry.name))
        return _longest(found)


def _sentences(tokens: list[Token]) -> list[list[Token]]:
    out: list[list[Token]] = [[]]
    for tok in tokens:
        if tok.surface in BREAKS or tok.surface in CLAUSE_WORDS:
            out.append([])
        else:
            out[-1].append(tok)
    return [s for s in out if s]


def _window(key: tuple[str, ...], where: dict[str, list[int]]) -> tuple[int, ...] | None:
    """The tightest positions holding every token of the key, if they fit in the allowed span."""
    if any(form not in where for form in key):
        return None
    if len(key) == 1:
        return (where[key[0]][0],)
    limit = max_span(len(key))
    best: tuple[int, ...] | None = None
    for anchor in where[key[0]]:
        chosen = [anchor]
        for form in key[1:]:
            options = [p for p in where[form] if p not in chosen]
            if not options:
                break
            chosen.append(min(options, key=lambda p: abs(p - anchor)))
        else:
            span = max(chosen) - min(chosen) + 1
            if span <= limit and (best is None or span < max(best) - min(best) + 1):
                best = tuple(sorted(chosen))
    return best


def _longest(matches: list[Match]) -> list[Match]:
    ordered = sorted(matches, key=lambda m: (-len(m.positions), m.positions, m.concept))
    kept: list[Match] = []
    seen: set[tuple[str, tuple[int, ...]]] = set()
    for match in ordered:
        if (match.concept, match.positions) in seen:
            continue
        pos = set(match.positions)
        if any(pos < set(k.positions) and k.concept != match.concept for k in kept):
            continue
        seen.add((match.concept, match.positions))
        kept.append(match)
    return sorted(kept, key=lambda m: (m.positions, m.concept))
