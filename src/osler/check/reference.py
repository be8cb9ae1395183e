"""Where words point, for the name matcher: what a part of the body is said to be, and what eases a symptom.

* A linking verb after a part of the body speaks of it, however long the subject ('The back of my heel, just
  above where the tendon goes in, is stiff and sore' is heel pain).
* A sentence naming no part that opens with 'it' or 'they' is about the part the text was last about ('My calf
  aches. It looks fatter').
* After 'eased/relieved/better/worse' + 'by/with' comes the agent, which a name using that word must use ('comes
  on walking, eased by rest' is not 'walking eases it').

Each function adds positions to the clause's `where` table (form -> positions), so a word can stand for a part.
"""

from __future__ import annotations

from collections.abc import Container

from osler.check.text import FRONTED, REGION_OF, Token, canonical

_CHANGING = (
    "ease",
    "eased",
    "eases",
    "easing",
    "relieve",
    "relieved",
    "relieves",
    "better",
    "worse",
    "helped",
)
CHANGING = frozenset(canonical(w) for w in _CHANGING)
"""Words saying what makes a symptom better or worse. Followed by 'by' or 'with', they name their agent ('eased
by rest'), and a name using such a word must use that agent: 'walking, eased by rest' is not 'walking eases it'."""
AGENT_MARKERS = frozenset({"by", "with"})
AGENT_REACH = 4
"""How many words after 'by'/'with' the agent may hold ('relieved by standing and stretching')."""


def agents(sentence: list[Token]) -> dict[int, range]:
    """Position of each easing or worsening word followed by 'by'/'with' -> the positions of its agent, up to a
    comma or `AGENT_REACH` words."""
    out: dict[int, range] = {}
    for i, tok in enumerate(sentence[:-2]):
        if tok.form not in CHANGING or sentence[i + 1].surface not in AGENT_MARKERS:
            continue
        start = sentence[i + 2].position
        end = start
        for nxt in sentence[i + 2 : i + 2 + AGENT_REACH]:
            if nxt.surface == ",":
                break
            end = nxt.position + 1
        if end > start:
            out[tok.position] = range(start, end)
    return out


PRONOUNS = frozenset({"it", "its", "they", "them"})
"""Words that can stand for the part of the body the sentence before named ('My calf aches. It looks fatter')."""
PRONOUN_REACH = 4
"""How near the start of its sentence such a pronoun must stand to be the sentence's subject."""


def subject_part(body: dict[int, str], zoned_forms: Container[str]) -> str:
    """The part of the body a sentence is most likely about: its first word of a zone (`zoned_forms`, not one that
    sits between zones), else its first part."""
    zoned = [p for p in sorted(body) if body[p] in zoned_forms]
    return body[zoned[0] if zoned else min(body)]


COPULAS = frozenset("is are was were been feels feel felt looks look looked seems".split())
"""Verbs that join a part of the body to what is said of it ('The back of my heel, just above the bone, is stiff
and sore')."""
PREDICATE_REACH = 16
"""How far (in tokens) such a verb may stand after the part of the body it speaks of."""
OTHER_SUBJECTS = frozenset(
    "i im he she it its they we you some which that who there this these those one ones".split()
)
"""Words that, just before such a verb, are its own subject."""


def link_predicates(sentence: list[Token], body: dict[int, str], where: dict[str, list[int]]) -> None:
    """Let the first linking verb after a part of the body, with no other part between, stand for that part, so a
    long subject does not keep it from its description."""
    first = sentence[0].position  # a sentence's positions run on without gaps
    parts = sorted(body)
    for k, start in enumerate(parts):
        stop = min(start + PREDICATE_REACH + 1, first + len(sentence))
        if k + 1 < len(parts):
            stop = min(stop, parts[k + 1])
        for position in range(start + 3, stop):
            if sentence[position - first].surface in COPULAS:
                if sentence[position - first - 1].surface not in OTHER_SUBJECTS:
                    _stand_for(where, body[start], position)
                break  # 'forehead and chin, some are big and painful': the verb has a subject of its own


def refer(sentence: list[Token], part: str, where: dict[str, list[int]], body: dict[int, str]) -> None:
    """Let a pronoun opening a sentence that names no part of the body stand for the part the text was last about,
    so the placeless words that follow are read about it ('My calf aches. It looks fatter')."""
    for tok in sentence[:PRONOUN_REACH]:
        if tok.surface in FRONTED:
            continue
        if tok.surface in PRONOUNS:
            _stand_for(where, part, tok.position)
            body[tok.position] = part
        return


def _stand_for(where: dict[str, list[int]], part: str, position: int) -> None:
    """Let the word at `position` count as a part of the body (and as its region) in the name windows."""
    where[part].append(position)
    region = REGION_OF.get(part)
    if region is not None:
        where[region].append(position)
