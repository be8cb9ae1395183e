"""Who the text is about: age, sex and pregnancy stated in words ('my 6-year-old son', "I'm 32 weeks pregnant").

Also finds the relative a caregiver is writing about ('My dad is on dialysis'), so that what *other* relatives
had ('my mum had a stroke') is not taken as the patient's own finding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from osler.check.text import fold

FEMALE = frozenset(
    "woman women female girl lady mother mum mom wife daughter sister grandmother gran granny grandma nan aunt niece she her".split()
)
MALE = frozenset(
    "man men male boy gentleman father dad husband son brother grandfather grandad grandpa uncle nephew he his him".split()
)
RELATIVES = frozenset(
    """mother mum mom father dad wife husband son daughter sister brother grandmother gran granny grandma nan
    grandfather grandad grandpa aunt uncle cousin niece nephew parents family partner baby child kid toddler
    friend flatmate roommate boyfriend girlfriend""".split()
)

_AGE_PATTERNS = (
    (re.compile(r"\b(\d{1,3})[\s-]*(?:years?|yrs?|yr)[\s-]*old\b"), 1.0),
    (re.compile(r"\b(\d{1,2})[\s-]*months?[\s-]*old\b"), 1 / 12),
    (re.compile(r"\b(\d{1,2})[\s-]*weeks?[\s-]*old\b"), 1 / 52),
    (re.compile(r"\b(\d{1,2})[\s-]*days?[\s-]*old\b"), 1 / 365),
    (re.compile(r"\baged?\s+(\d{1,3})\b"), 1.0),
    (re.compile(r"\b(\d{1,3})\s*(?:yo|y/o|y\.o\.)"), 1.0),
    (re.compile(r"\b(\d{1,3})\s*(?:-year|yr)\b"), 1.0),
    (
        re.compile(
            r"\b(?:im|i am|hes|shes|he is|she is|turned|(?:mother|mum|mom|father|dad|son|daughter|husband|wife|"
            r"baby|child|gran|grandmother|grandfather) is)\s+(\d{1,3})\b(?![.\d/%])"
            r"(?!\s*(?:weeks|months|days|hours|minutes|times|kg|lb|stone|pounds|percent))"
        ),
        1.0,
    ),
)
_CLINICAL_AGE_SEX = re.compile(r"\b(\d{1,3})\s*(?:-?\s*)(m|f|male|female)\b")
_PREGNANT = re.compile(
    r"\b(?<!not )(?<!if i am )(?<!could i be )(?:pregnant|pregnancy test was positive|positive pregnancy test|"
    r"weeks? pregnant|trimester|expecting a baby|\d{1,2}\s*weeks? gestation|weeks? into (?:my|her|the) pregnancy|"
    r"\d{1,2}\s*weeks? gone)"
)
_NOT_PREGNANT = re.compile(r"\b(?:not|never been|cant be|couldnt be) pregnant\b")


@dataclass(frozen=True)
class Person:
    """Age in years, sex and pregnancy as stated in the text (None when not said)."""

    age: float | None = None
    sex: str | None = None
    pregnant: bool | None = None
    subject_relative: str | None = None


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", fold(text))


CHILD_WORDS = frozenset("baby child kid toddler infant newborn boy girl son daughter".split())
"""Words for a young patient: a text that opens with one ('Toddler with fever', 'A 4-year-old child presents')
is about that child."""

CHILD_AGE: dict[str, float] = {"newborn": 0.02, "baby": 0.5, "infant": 0.5, "toddler": 2.0}
"""Age in years assumed for a young patient named only by a word such as 'toddler' (no age given)."""

FIRST_PERSON = frozenset("i im ive id me my mine".split())
REPORTING = frozenset("says said thinks thought noticed reckons told tells saw sees".split())
"""Verbs after a relative that make them the one reporting, not the one who has it ('my wife says I snore')."""


def subject_relative(words: list[str]) -> str | None:
    """The relative the text is about when it opens like 'my dad ...', 'my 6-year-old son ...' or 'Toddler with
    a rash ...' (a third-person opening with no 'I' or 'my' before it)."""
    for word in words[:6]:
        if word in FIRST_PERSON:
            break
        if word in CHILD_WORDS or word in ("patient", "man", "woman"):
            return word
    for i, word in enumerate(words[:3]):
        if word != "my":
            continue
        for j in range(i + 1, min(i + 6, len(words))):
            candidate = words[j]
            if candidate.endswith("s") and candidate[:-1] in RELATIVES:
                candidate = candidate[:-1]
            if candidate in RELATIVES:
                if j + 1 < len(words) and words[j + 1] in REPORTING:
                    return None
                return candidate
        return None
    return None


def read_person(text: str) -> Person:
    """Age, sex, pregnancy and the relative written about, as far as the text says them."""
    folded = fold(text)
    words = _words(text)
    age: float | None = None
    sex: str | None = None
    m = _CLINICAL_AGE_SEX.search(folded)
    if m:
        age = float(m.group(1))
        sex = "male" if m.group(2).startswith("m") else "female"
    if age is None:
        for pattern, scale in _AGE_PATTERNS:
            found = pattern.search(folded)
            if found:
                value = float(found.group(1)) * scale
                if 0 <= value <= 120:
                    age = round(value, 2)
                    break
    relative = subject_relative(words)
    if age is None and relative in CHILD_AGE:
        age = CHILD_AGE[relative]
    if sex is None:
        if relative in FEMALE:
            sex = "female"
        elif relative in MALE:
            sex = "male"
        else:
            for word in words[:40]:
                if word in ("woman", "female", "girl", "lady"):
                    sex = "female"
                    break
                if word in ("man", "male", "boy", "gentleman"):
                    sex = "male"
                    break
    pregnant: bool | None = None
    if _NOT_PREGNANT.search(folded):
        pregnant = False
    elif _PREGNANT.search(folded):
        pregnant = True
        sex = sex or "female"
    return Person(age=age, sex=sex, pregnant=pregnant, subject_relative=relative)
