"""How long the complaint has lasted: 'for the past year', 'since last winter', '3/7 hx', 'since this morning'.

The reading is the shortest duration the text states for something that began or has been going on, because the
newest change is what brings a person to ask ('knee has ached for years; since yesterday it is hot and swollen'
is a two-day story). Ages ('2 years old'), stages of pregnancy ('32 weeks pregnant') and time since an event the
text does not say began the complaint ('had surgery 3 weeks ago') are not durations. The value is in days, as the
quantity `duration_days` that range findings of the pack (`measure: {quantity: duration_days}`) are read from.
"""

from __future__ import annotations

import re

from osler.check.measures import Reading
from osler.check.text import fold
from osler.model.concept import DURATION_QUANTITY as QUANTITY

RECENT_DAYS = 0.5
"""The duration given to a complaint that began 'today', 'this morning', 'last night' or 'yesterday'."""

_UNIT_DAYS = {
    "minute": 1 / 1440,
    "hour": 1 / 24,
    "day": 1.0,
    "night": 1.0,
    "week": 7.0,
    "fortnight": 14.0,
    "month": 30.0,
    "year": 365.0,
}
_WORD_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "a couple of": 2,
    "couple of": 2,
    "a few": 3,
    "few": 3,
    "several": 4,
    "some": 3,
    "many": 6,
}
_NUMBER = (
    r"(\d{1,3}(?:\.\d)?|" + "|".join(sorted(map(re.escape, _WORD_NUMBERS), key=len, reverse=True)) + r")"
)
_UNIT = r"(day|night|week|wk|fortnight|month|year|yr)s?"
_SHORT_UNIT = r"(minute|min|hour|hr)s?"
"""Minutes and hours are how long one episode lasts ('stiff for ten minutes', 'relieved within 2-3 min') unless
the text counts back ('for the past 3 hours', 'an hour ago')."""
_FOR = (
    r"(?:for|over)\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|over\s+|at least\s+|more than\s+)?"
    r"(?:the\s+)?(?:past\s+|last\s+|previous\s+|preceding\s+)?"
)
_AGO_ONSET = (
    r"(?:started|start|began|begun|begin|came on|come on|developed|noticed|first|since|onset|kicked off|appeared|"
    r"sudden|suddenly)"
)

_SPANS: tuple[re.Pattern[str], ...] = (
    # 'for the past 3 weeks', 'over the last 2 years', 'for a few days', 'for two nights'
    re.compile(rf"\b{_FOR}{_NUMBER}\s*{_UNIT}\b(?!\s*(?:old|of age|pregnant|gestation|postpartum))"),
    # 'for the past 3 hours', 'over the last few hours'
    re.compile(rf"\b(?:for|over|in)\s+the\s+(?:past|last)\s+{_NUMBER}?\s*{_SHORT_UNIT}\b"),
    # 'over the past year', 'in the last week' (one unit)
    re.compile(rf"\b(?:for|over|in|during)\s+the\s+(?:past|last)\s+{_UNIT}\b"),
    # bare clinical durations: '3 days hx', '2 weeks of cough', '6 months history'
    re.compile(
        rf"\b{_NUMBER}\s*{_UNIT}\s+(?:hx|history|duration|of(?!\s+(?:antibiotics?|treatment|taking|therapy)))\b"
    ),
    # 'started 3 days ago', 'since 2 weeks ago', 'came on an hour ago'
    re.compile(rf"\b{_AGO_ONSET}\b[^.;!?]{{0,30}}?\b{_NUMBER}\s*{_UNIT}\s+ago\b"),
    # 'a week ago it started' ('... ago' then an onset word)
    re.compile(rf"\b{_NUMBER}\s*{_UNIT}\s+ago\b[^.;!?]{{0,25}}?\b{_AGO_ONSET}\b"),
    # a clinician's note opening a clause with the length: '3/7 gradually worsening scrotal pain'
    re.compile(
        rf"(?:^|[.,;:]\s*){_NUMBER}\s*{_UNIT}\b(?!\s*(?:old|of age|pregnant|gestation|postpartum|post|after|ago|later|"
        rf"m|f|male|female|boy|girl|baby|infant)\b)(?!\s+(?:a|an|per|each|every)\s+(?:day|week|month|year)\b)"
    ),
    # 'an hour ago', '20 minutes ago' alone are recent enough to be the complaint
    re.compile(rf"\b{_NUMBER}\s*{_SHORT_UNIT}\s+ago\b"),
)
_FIXED: tuple[tuple[re.Pattern[str], float], ...] = (
    (re.compile(r"\bfor (?:years|decades|as long as i can remember|most of my life|ages and ages)\b"), 730.0),
    (
        re.compile(
            r"\b(?:all my life|since (?:i was )?(?:a child|a kid|a teenager|childhood|my teens|school))\b"
        ),
        3650.0,
    ),
    (re.compile(r"\bfor (?:months|many months|ages|a long time|a while now)\b"), 120.0),
    (re.compile(r"\bfor (?:weeks|several weeks|a few weeks)\b"), 21.0),
    (re.compile(r"\bfor (?:days|several days|a few days|a couple of days)\b"), 3.0),
    (re.compile(r"\bsince last (?:year|winter|summer|spring|autumn|fall|christmas|easter)\b"), 180.0),
    (re.compile(r"\bsince last (?:month)\b"), 45.0),
    (
        re.compile(
            r"\bsince (?:january|february|march|april|may|june|july|august|september|october|november|december)\b"
        ),
        60.0,
    ),
    (
        re.compile(
            r"\bsince last (?:week|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
        ),
        7.0,
    ),
    (
        re.compile(
            r"\bsince (?:the )?(?:day before yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday|the weekend)\b"
        ),
        3.0,
    ),
    # 'started overnight', 'since lunchtime' (named days and hours alone are `_RECENT`)
    (
        re.compile(
            r"\b(?:since|started|start|began|came on|come on|woke up with|woke with|developed|noticed it)\s+"
            r"(?:it\s+|this\s+|them\s+)?(?:overnight|lunchtime|breakfast)\b"
        ),
        RECENT_DAYS,
    ),
)


_NOT_THE_COMPLAINT = re.compile(
    r"\b(?:smok\w*|pack|taking|taken|took|been on|(?<!came )(?<!come )(?<!comes )on\b(?! and off)|diabet\w*|work\w*|lived|married|drink\w*|drank|"
    r"known|pmh|hx of|history of|lasts?|lasting|lasted|goes on|go on|takes|at a time|up to|stand|sit|"
    r"rest|wait\w*|mg|mcg|micrograms|units|daily|bd|od|tds|nocte)\W+(?:\w+\W+){0,3}$"
)
"""Words just before a stated length that make it the length of something else: a habit or medicine ('smoked
for 40 years', 'on omeprazole for 8 years'), a known illness, or one episode ('lasts for a few minutes', 'if I
stand still for a couple of minutes')."""

_RECENT = re.compile(
    r"(?<!every )(?<!each )(?<!most )\b(?:today|tonight|this morning|this afternoon|this evening|last night|"
    r"yesterday|earlier today|just now|an hour ago|a few hours ago)\b"
)
"""A recent day or hour named for an event ('Today I threw up blood'): the newest change of the story."""


def _about_something_else(folded: str, start: int) -> bool:
    """True when the words just before a stated length (`_NOT_THE_COMPLAINT`) make it another thing's length."""
    before = re.split(r"[.;!?]", folded[max(0, start - 40) : start])[-1]
    return _NOT_THE_COMPLAINT.search(before) is not None


def _days(number: str | None, unit: str) -> float:
    value = 1.0 if number is None else _WORD_NUMBERS.get(number, None) or float(number)
    unit = {"min": "minute", "hr": "hour", "wk": "week", "yr": "year"}.get(unit, unit)
    return value * _UNIT_DAYS[unit]


def read_duration(text: str) -> Reading | None:
    """The shortest stated duration of the complaint, in days, or None when the text states none."""
    folded = fold(text)
    found: list[tuple[float, str]] = []
    for pattern in _SPANS:
        for m in pattern.finditer(folded):
            if _about_something_else(folded, m.start()):
                continue
            groups = [g for g in m.groups() if g is not None]
            unit = groups[-1]
            number = groups[-2] if len(groups) >= 2 else None
            found.append((_days(number, unit), m.group(0)))
    for pattern, days in _FIXED:
        for m in pattern.finditer(folded):
            if not _about_something_else(folded, m.start()):
                found.append((days, m.group(0)))
    found.extend((RECENT_DAYS, m.group(0)) for m in _RECENT.finditer(folded))
    if not found:
        return None
    days, phrase = min(found)
    return Reading(QUANTITY, round(days, 3), phrase)
