"""Clinical shorthand written out in words before the text is read ('58M c/o SOB x 2/7, N+V' ->
'58M complains of short of breath for 2 days, nausea and vomiting').

Case matters for short capitals that are also everyday words ('CP' is chest pain, 'cp' is not; 'HA' is a
headache, 'ha' is a laugh), so capital-only forms are matched case-sensitively; notations that cannot be words
('c/o', 'N+V', '3/52') are matched in any case. Durations in the British day/week/month notation are only read
where they cannot be a blood pressure. The table is general clinical usage, not tuned to any case.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_Replacement = str | Callable[[re.Match[str]], str]

_CASE_SENSITIVE: tuple[tuple[str, str], ...] = (
    (r"SOBOE", "short of breath on exertion"),
    (r"SOB|SoB", "short of breath"),
    (r"DIB", "difficulty breathing"),
    (r"CP", "chest pain"),
    (r"HA", "headache"),
    (r"LOC", "loss of consciousness"),
    (r"PMHx?|PHx", "past history of"),
    (r"Hx", "history"),
    (r"HTN", "high blood pressure"),
    (r"T1DM|IDDM", "type 1 diabetes"),
    (r"T2DM|NIDDM", "type 2 diabetes"),
    (r"DM", "diabetes"),
    (r"AF", "atrial fibrillation"),
    (r"IHD", "ischaemic heart disease"),
    (r"CKD", "chronic kidney disease"),
    (r"CCF|CHF", "heart failure"),
    (r"ESKD|ESRD|ESRF", "kidney failure"),
    (r"HD", "haemodialysis"),
    (r"CVA", "stroke"),
    (r"MI", "heart attack"),
    (r"COCP|OCP", "combined pill"),
    (r"IVDU|PWID", "injects drugs"),
    (r"RUQ", "right upper quadrant"),
    (r"LUQ", "left upper quadrant"),
    (r"RLQ|RIF", "right lower quadrant"),
    (r"LLQ|LIF", "left lower quadrant"),
    (r"FHx?", "family history of"),
    (r"TTP", "tender to touch"),
    (r"NAD", "nothing abnormal"),
    (r"LBP", "low back pain"),
    (r"PMB", "bleeding after the menopause"),
    (r"LMP", "last period"),
    (r"RTC|RTA", "road traffic collision"),
    (r"FOOSH", "fall on an outstretched hand"),
    (r"(?:R|Rt)(?=[\s-]+[a-z])", "right"),
    (r"(?<!\d\s)(?:L|Lt)(?=[\s-]+[a-z])", "left"),  # not '15 L oxygen' (litres)
)

_ANY_CASE: tuple[tuple[str, _Replacement], ...] = (
    (r"c/o", "complains of"),
    (r"h/o", "history of"),
    (r"o/e", "on examination"),
    (r"n\s*[/+&]\s*v", "nausea and vomiting"),
    (r"d\s*[/+&]\s*v", "diarrhoea and vomiting"),
    (r"pr\s+(?:bleed|bleeding|blood)", "rectal bleeding"),
    (r"pv\s+(?:bleed|bleeding|blood|spotting)", "vaginal bleeding"),
    (r"pv\s+discharge", "vaginal discharge"),
    (r"etoh", "alcohol"),
    (r"creps", "crackles"),
    (r"irreg(?:ularly)?\.?\s+irreg(?:ular)?\.?", "irregularly irregular"),
    (r"irreg\.?", "irregular"),
    (r"mets", "metastases"),
    (r"afebrile|apyrexial", "no fever"),
    (r"(\d{1,3})\s*%\s*(?:on\s+)?ra", lambda m: f"{m.group(1)}% on room air"),
    (r"on ra", "on room air"),
    (r"x\s*(\d{1,2})\s*(?:d|days?)", lambda m: f"for {m.group(1)} days"),
    (r"x\s*(\d{1,2})\s*(?:w|wks?|weeks?)", lambda m: f"for {m.group(1)} weeks"),
    (r"x\s*(\d{1,2})\s*(?:h|hrs?|hours?)", lambda m: f"for {m.group(1)} hours"),
    # one limb measured bigger than the other ('L calf 4 cm > R')
    (
        r"(\d+(?:\.\d+)?)\s*cm\s*(?:>|greater than|larger than|bigger than|more than)\s*(?:the\s+)?"
        r"(?:r|l|rt|lt|right|left|other|contralateral)(?:\s+(?:side|leg|calf))?",
        lambda m: f"{m.group(1)} cm bigger than the other",
    ),
)

_DURATION = re.compile(r"(?<![\w/+])(\d{1,2})(?:\s*\+\s*\d)?\s*/\s*(7|52|12|40)\b")
_DURATION_UNITS = {"7": ("days", 14), "52": ("weeks", 51), "12": ("months", 11), "40": ("weeks pregnant", 42)}
_PRESSURE_BEFORE = re.compile(r"(?:bp|pressure)\W{0,3}$", re.IGNORECASE)
_BIRTH_BEFORE = re.compile(
    r"\b(?:born|delivered|birth|delivery|gestation|prem\w*)\W+(?:\w+\W+){0,2}$", re.IGNORECASE
)
"""'born at 38/40' is a child's gestation at birth, not a pregnancy now."""


def _union(
    table: tuple[tuple[str, _Replacement], ...], flags: int
) -> tuple[re.Pattern[str], list[tuple[re.Pattern[str], _Replacement]]]:
    """One pattern for a whole table (a single pass over the text; earlier rows win at the same place) and each
    row compiled alone, to take its groups from the matched text."""
    rows = [(re.compile(rf"(?<![\w/+]){p}(?![\w/+])", flags), r) for p, r in table]
    union = "|".join(f"(?P<r{i}>(?<![\\w/+])(?:{p})(?![\\w/+]))" for i, (p, _) in enumerate(table))
    return re.compile(union, flags), rows


_TABLES = (_union(_CASE_SENSITIVE, 0), _union(_ANY_CASE, re.IGNORECASE))
_MAY_HAVE = (
    re.compile(r"\b(?:[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*|[RL]t?)\b"),  # a word with two capitals, or R/L
    re.compile(
        r"[/+&%]|\bx\s*\d|etoh|creps|irreg|mets|febrile|pyrexial|\bp[rv]\s|\bon ra\b|\dcm|\d\s+cm",
        re.IGNORECASE,
    ),
)
"""Cheap tests that a table could apply at all: most everyday text has no shorthand and skips both passes."""


def _replace(rows: list[tuple[re.Pattern[str], _Replacement]]) -> Callable[[re.Match[str]], str]:
    def replace(match: re.Match[str]) -> str:
        pattern, replacement = rows[int(str(match.lastgroup)[1:])]
        if isinstance(replacement, str):
            return replacement
        alone = pattern.fullmatch(match.group(0))
        return replacement(alone) if alone else match.group(0)

    return replace


def _duration(match: re.Match[str]) -> str:
    number, denominator = match.group(1), match.group(2)
    unit, most = _DURATION_UNITS[denominator]
    if "+" in match.group(0) and denominator != "40":
        return match.group(0)
    if int(number) > most or _PRESSURE_BEFORE.search(
        match.string[max(0, match.start() - 20) : match.start()]
    ):
        return match.group(0)
    if denominator == "40" and _BIRTH_BEFORE.search(match.string[max(0, match.start() - 30) : match.start()]):
        return f"{number} weeks gestation"
    return f"{number} {unit}"


_RESULT_SIGNS = (
    (re.compile(r"(?<=[A-Za-z])\s*\+ve\b|(?<=[A-Za-z])\s+\+{1,4}(?=[\s,.;:)]|$)"), " positive"),
    (re.compile(r"(?<=[A-Za-z])\s*-ve\b"), " negative"),
)
"""Test results written as signs ('nitrites +', 'leucs ++', 'Murphy's -ve')."""


def expand_shorthand(text: str) -> str:
    """The text with common clinical abbreviations and notations written out in words."""
    if "+" in text or "-ve" in text:
        for pattern, words in _RESULT_SIGNS:
            text = pattern.sub(words, text)
    text = _DURATION.sub(_duration, text)
    for (union, rows), may_have in zip(_TABLES, _MAY_HAVE, strict=True):
        if may_have.search(text):
            text = union.sub(_replace(rows), text)
    return text
