"""The last patient-wording pass over a whole answer: names shortened after their first mention, and the
answer kept at or below reading grade 8 by leaving out the statements that matter least.

Plain-language practice names a term in full once ("high blood pressure (hypertension)") and uses the short,
everyday name after that. Which statements matter least follows the answer's own structure: statements about a
condition the question did not ask about come before those about the asked concepts, sections the intent does
not ask for before those it does, and warning signs, the statements linking the asked concepts and the best corpus
passage are left out last (safety first).
"""

from __future__ import annotations

import re
from dataclasses import replace

from osler.answer.compose import Draft
from osler.answer.readability import PATIENT_GRADE_CEILING, fit_grade
from osler.answer.sections import INTENT_SECTIONS

PROTECTED_SECTIONS = frozenset({"direct", "warning_signs"})


def shorten_repeats(texts: list[str], short_names: dict[str, str]) -> list[str]:
    """The texts, in reading order, with every name after its first mention replaced by its shorter form."""
    if not short_names:
        return texts
    names = sorted(short_names, key=lambda n: (-len(n), n))
    pattern = re.compile("|".join(_name_pattern(n) for n in names))
    by_lower = {n.lower(): short_names[n] for n in names}
    seen: set[str] = set()

    def swap(match: re.Match[str]) -> str:
        found = match.group(0)
        key = found.lower()
        if key not in seen:
            seen.add(key)
            return found
        short = by_lower[key]
        return short[0].upper() + short[1:] if found[0].isupper() else short

    return [pattern.sub(swap, text) for text in texts]


def _name_pattern(name: str) -> str:
    first = (
        re.escape(name[0].lower()) + re.escape(name[0].upper()) if name[0].isalpha() else re.escape(name[0])
    )
    return rf"(?<![\w(])[{first}]{re.escape(name[1:])}(?![\w)])"


def priority(draft: Draft, intent: str, first_in_section: bool = False) -> int:
    """How much a statement matters to this question (0 is left out first, 3 last); the best corpus passage
    (the first in the library section) counts as much as a warning sign."""
    if draft.section in PROTECTED_SECTIONS or (draft.section == "library" and first_in_section):
        return 3
    asked = draft.section in INTENT_SECTIONS.get(intent, INTENT_SECTIONS["overview"])
    if draft.tier >= 2:
        return 1 if asked else 0
    return 2 if asked else 1


def for_patients(
    ordered: list[tuple[str, list[Draft]]],
    intent: str,
    short_names: dict[str, str],
    ceiling: float = PATIENT_GRADE_CEILING,
) -> list[tuple[str, list[Draft]]]:
    """The answer's sections with names shortened after first mention and trimmed to the grade ceiling."""
    flat = [(key, draft, i == 0) for key, drafts in ordered for i, draft in enumerate(drafts)]
    texts = shorten_repeats([draft.text for _, draft, _ in flat], short_names)
    keep = set(fit_grade(texts, [priority(draft, intent, first) for _, draft, first in flat], ceiling))
    out: dict[str, list[Draft]] = {}
    for i, ((key, draft, _), text) in enumerate(zip(flat, texts, strict=True)):
        if i in keep:
            out.setdefault(key, []).append(replace(draft, text=text))
    return [(key, out[key]) for key, _ in ordered if key in out]
