"""Numbers and populations in a sentence: odds ratios, relative risks, hazard ratios with their 95% confidence
intervals, percentages; and who the statement is about (age, sex, pregnancy).

Patterns follow how results are reported under the CONSORT/STROBE conventions ("OR 2.1, 95% CI 1.4-3.2",
"hazard ratio 0.8 (95% CI 0.6 to 0.9)", "about 60%"); a confidence level such as "95%" in "95% CI" is not a
percentage statistic.
"""

from __future__ import annotations

import re
from typing import Any

_NUMBER = r"(\d+(?:\.\d+)?)"
_RATIO_LONG = re.compile(
    r"\b(adjusted odds ratio|odds ratio|relative risk|risk ratio|hazard ratio|number needed to treat|"
    r"number needed to harm)s?\b[^0-9%]{0,20}?" + _NUMBER,
    re.IGNORECASE,
)
_RATIO_SHORT = re.compile(r"\b(aOR|OR|RR|aRR|HR|aHR|NNT|NNH)\b\s*[:=,(]?\s*(?:of\s+|was\s+)?" + _NUMBER)
_CI = re.compile(
    r"[\s,;:(\[]*(?:95\s?%\s?(?:CI|confidence interval)|\bCI\b)[\s:,=]*"
    + _NUMBER
    + r"\s*(?:-|\u2013|\u2014|to)\s*"
    + _NUMBER,
    re.IGNORECASE,
)
_PERCENT = re.compile(_NUMBER + r"\s?(?:%|percent\b|per cent\b)(?!\s?(?:CI\b|confidence))", re.IGNORECASE)
_KINDS = {
    "adjusted odds ratio": "OR",
    "odds ratio": "OR",
    "aor": "OR",
    "or": "OR",
    "relative risk": "RR",
    "risk ratio": "RR",
    "rr": "RR",
    "arr": "RR",
    "hazard ratio": "HR",
    "hr": "HR",
    "ahr": "HR",
    "number needed to treat": "NNT",
    "nnt": "NNT",
    "number needed to harm": "NNH",
    "nnh": "NNH",
}


def find_statistics(text: str) -> list[dict[str, Any]]:
    """Statistics stated in the text, in order, as dicts matching `osler.model.Statistic`."""
    found: list[tuple[int, dict[str, Any]]] = []
    taken: list[tuple[int, int]] = []
    for pattern in (_RATIO_LONG, _RATIO_SHORT):
        for match in pattern.finditer(text):
            if any(s <= match.start() < e for s, e in taken):
                continue
            stat: dict[str, Any] = {"kind": _KINDS[match.group(1).lower()], "value": float(match.group(2))}
            ci = _CI.match(text, match.end())
            end = match.end()
            if ci:
                stat["ci_low"], stat["ci_high"] = float(ci.group(1)), float(ci.group(2))
                end = ci.end()
            stat["note"] = text[match.start() : end]
            taken.append((match.start(), end))
            found.append((match.start(), stat))
    for match in _PERCENT.finditer(text):
        if any(s <= match.start() < e for s, e in taken):
            continue
        value = float(match.group(1))
        if value <= 100:
            found.append((match.start(), {"kind": "percent", "value": value, "note": match.group(0)}))
    return [stat for _, stat in sorted(found, key=lambda f: f[0])]


_MIN_AGE = re.compile(
    r"\b(?:(?:aged|ages?)\s+(\d{1,3})(?!\s*(?:%|percent|-|\u2013|to\s+\d))|"
    r"(?:over|older than|above)\s+(?:the age of\s+(\d{1,3})|(\d{1,3})\s*years)|"
    r"(\d{1,3})\s*(?:years?(?: old)?\s+)?(?:and|or)\s+(?:older|over|above))",
    re.IGNORECASE,
)
_MAX_AGE = re.compile(
    r"\b(?:under|younger than|below)\s+(?:the age of\s+(\d{1,3})|(\d{1,3})\s*(?:years|months))", re.IGNORECASE
)
_AGE_RANGE = re.compile(r"\b(\d{1,3})\s*(?:-|\u2013|to)\s*(\d{1,3})\s*years?\b", re.IGNORECASE)
_GROUPS: tuple[tuple[re.Pattern[str], dict[str, Any]], ...] = (
    (re.compile(r"\b(?:older adults|older people|elderly|seniors|older persons)\b", re.I), {"min_age": 65}),
    (re.compile(r"\b(?:infants?|babies|newborns?)\b", re.I), {"max_age": 1}),
    (re.compile(r"\b(?:adolescents?|teenagers?|teens)\b", re.I), {"min_age": 13, "max_age": 17}),
    (re.compile(r"\b(?:children|child|kids)\b", re.I), {"max_age": 17}),
)
_FEMALE = re.compile(r"\b(?:women|woman|females?|girls?)\b", re.IGNORECASE)
_MALE = re.compile(r"\b(?:men|man|males?|boys?)\b", re.IGNORECASE)
_PREGNANT = re.compile(r"\b(?:pregnant|pregnancy|pregnancies|expecting mothers)\b", re.IGNORECASE)


def find_population(text: str) -> dict[str, Any]:
    """Who the sentence restricts itself to, as a dict matching `osler.model.Population` (empty: everyone)."""
    population: dict[str, Any] = {}
    notes: list[str] = []
    for pattern, values in _GROUPS:
        match = pattern.search(text)
        if match:
            population.update(values)
            notes.append(match.group(0))
            break
    age_range = _AGE_RANGE.search(text)
    if age_range:
        population["min_age"], population["max_age"] = float(age_range.group(1)), float(age_range.group(2))
        notes.append(age_range.group(0))
    else:
        low = _MIN_AGE.search(text)
        low_value = next((g for g in low.groups() if g), None) if low else None
        if low and low_value and int(low_value) <= 120:
            population["min_age"] = float(low_value)
            notes.append(low.group(0))
        high = _MAX_AGE.search(text)
        high_value = next((g for g in high.groups() if g), None) if high else None
        if high and high_value and int(high_value) <= 120:
            population["max_age"] = float(high_value)
            notes.append(high.group(0))
    if _PREGNANT.search(text):
        population["pregnant"] = True
        population["sex"] = "female"
        notes.append("pregnancy")
    else:
        female, male = _FEMALE.search(text), _MALE.search(text)
        if female and not male:
            population["sex"] = "female"
            notes.append(female.group(0))
        elif male and not female:
            population["sex"] = "male"
            notes.append(male.group(0))
    for key in ("min_age", "max_age"):
        if key in population:
            population[key] = float(population[key])
    if notes:
        population["note"] = "; ".join(notes)
    return population
