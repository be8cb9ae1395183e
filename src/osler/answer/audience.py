"""Audience wording: plain words and short sentences for patients.

Patient wording swaps common clinical words for plain ones and cuts long sentences where a new clause starts,
following plain-language guidance (short sentences, everyday words; e.g. the CDC Clear Communication Index and
the NHS content style guide). Readability itself is measured in `readability.py`.
"""

from __future__ import annotations

import re

from osler.answer.readability import fk_grade, syllables

AUDIENCES: tuple[str, ...] = ("patient", "clinician")

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_SEMICOLON = re.compile(r";\s+([a-z])")
_CLAUSE = re.compile(r"(, (?:but|yet|so|while|although|though|whereas|which means) |: (?=[a-z]))")

# clinical word -> plain word, applied to patient wording only (whole words, case kept for the first letter)
PLAIN_WORDS: dict[str, str] = {
    "approximately": "about",
    "physician": "doctor",
    "clinician": "doctor",
    "administer": "give",
    "administered": "given",
    "utilise": "use",
    "utilize": "use",
    "commence": "start",
    "discontinue": "stop",
    "discontinued": "stopped",
    "sufficient": "enough",
    "additional": "extra",
    "frequently": "often",
    "individuals": "people",
    "individual": "person",
    "prior to": "before",
    "subsequently": "later",
    "demonstrated": "shown",
    "immediately": "right away",
    "consequently": "so",
    "nevertheless": "still",
    "assistance": "help",
    "medications": "medicines",
    "medication": "medicine",
}
_PLAIN = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, PLAIN_WORDS), key=len, reverse=True)) + r")\b", re.I
)


def plain(text: str) -> str:
    """Patient wording: common clinical words swapped for plain ones, clauses after a semicolon made sentences."""

    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        plain_word = PLAIN_WORDS[word.lower()]
        return plain_word[0].upper() + plain_word[1:] if word[0].isupper() else plain_word

    text = _PLAIN.sub(swap, text)
    text = _SEMICOLON.sub(lambda m: ". " + m.group(1).upper(), text)
    return split_clauses(text)


def split_clauses(text: str) -> str:
    """Long sentences cut where a new clause starts (', but ...', ', so ...', ': ...'), when both parts are
    long enough to stand alone: plain-language guidance favours short sentences."""
    out = []
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        parts = _CLAUSE.split(sentence)
        current = parts[0]
        for i in range(1, len(parts), 2):
            joiner, rest = parts[i], parts[i + 1]
            if _words(current) >= 6 and _words(rest) >= 5 and not current.rstrip().endswith(")"):
                word = joiner.strip(" ,:").capitalize()
                current = current.rstrip() + ". " + (f"{word} {rest}" if word else rest[0].upper() + rest[1:])
            else:
                current += joiner + rest
        out.append(current)
    return " ".join(out)


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def check_audience(audience: str) -> str:
    """The audience name, validated."""
    from osler.errors import InputError

    if audience not in AUDIENCES:
        raise InputError(f"audience must be one of {', '.join(AUDIENCES)}, not '{audience}'")
    return audience


__all__ = ["AUDIENCES", "PLAIN_WORDS", "check_audience", "fk_grade", "plain", "split_clauses", "syllables"]
