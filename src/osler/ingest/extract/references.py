"""Numbered reference lists and the citation markers that point into them.

The list starts at a heading such as "References" or "Sources" and holds entries numbered `1.`, `1)` or
`[1]`. Markers in the body are bracketed numbers, lists and ranges (`[1]`, `[2,3]`, `[2-4]`). Each entry's kind
is guessed from its wording (ordered rules: Cochrane, systematic review or meta-analysis -> systematic_review;
guideline, NICE, recommendation -> guideline; randomised trial -> trial; cohort -> cohort; FDA, EMA, MHRA ->
regulator; review -> review; textbook, edition -> textbook; a web page -> consumer_page; else article).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from osler.store.sources import ReferenceDraft

_HEADING = re.compile(
    r"^[ \t#]*(?:references|sources|bibliography|citations|works cited|literature cited)[ \t]*:?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_ENTRY = re.compile(r"^[ \t]*(?:\[(\d{1,3})\]|(\d{1,3})[.)])[ \t]+(\S.*)$")
_MARKER = re.compile(r"\[(\d{1,3}(?:\s*[-\u2013,]\s*\d{1,3})*)\]")
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
_DOI = re.compile(r"\b10\.\d{4,9}/[^\s\"<>]+")
_PMID = re.compile(r"\bPMID:?\s*(\d{5,9})\b", re.IGNORECASE)
_URL = re.compile(r"https?://[^\s\"<>]+")
_QUOTED = re.compile(r"[\"\u201c]([^\"\u201d]{8,})[\"\u201d]")
_AUTHORS = re.compile(r"^(?:[A-Z][\w'\-]+(?: [A-Z]{1,3})?(?:,\s*|\s+and\s+|\s*&\s*)?)+(?:,?\s*et al)?$")
KIND_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"cochrane|systematic review|meta-?analys", re.I), "systematic_review"),
    (
        re.compile(r"guideline|\bNICE\b|recommendations?\b|consensus statement|practice parameter", re.I),
        "guideline",
    ),
    (re.compile(r"randomi[sz]ed|controlled trial|\btrial\b", re.I), "trial"),
    (re.compile(r"\bcohort\b|case-control|population-based|prospective study", re.I), "cohort"),
    (
        re.compile(r"\bFDA\b|\bEMA\b|\bMHRA\b|drug safety communication|prescribing information", re.I),
        "regulator",
    ),
    (re.compile(r"\breview\b", re.I), "review"),
    (re.compile(r"textbook|\bedition\b|\d+(?:st|nd|rd|th) ed\b", re.I), "textbook"),
    (re.compile(r"https?://|\bwebsite\b|\bweb page\b|accessed", re.I), "consumer_page"),
)
MAX_MARKER_RANGE = 50


@dataclass(frozen=True)
class ReferenceList:
    """Where a source's reference list starts (its body ends there) and its parsed entries."""

    body_end: int
    entries: tuple[ReferenceDraft, ...]


def guess_kind(raw: str) -> str:
    """The reference kind a citation's wording suggests (first matching rule)."""
    for pattern, kind in KIND_RULES:
        if pattern.search(raw):
            return kind
    return "article"


def _title(raw: str) -> str:
    quoted = _QUOTED.search(raw)
    if quoted:
        return quoted.group(1).strip().rstrip(".")
    cleaned = _URL.sub("", raw).strip()
    parts = [p.strip() for p in re.split(r"\.\s+", cleaned) if p.strip()]
    if len(parts) > 1 and (_AUTHORS.match(parts[0]) or "et al" in parts[0]):
        parts = parts[1:]
    return (parts[0] if parts else cleaned).rstrip(".")[:300] or raw[:300]


def parse_entry(n: int, raw: str) -> ReferenceDraft:
    """One reference-list entry: title, year, kind and any locator it carries."""
    years = _YEAR.findall(raw)
    doi = _DOI.search(raw)
    pmid = _PMID.search(raw)
    url = _URL.search(raw)
    return ReferenceDraft(
        n=n,
        title=_title(raw),
        kind=guess_kind(raw),
        raw=raw,
        year=int(years[-1]) if years else None,
        doi=doi.group(0).rstrip(".,;)") if doi else None,
        pmid=pmid.group(1) if pmid else None,
        url=url.group(0).rstrip(".,;)") if url else None,
    )


def parse_reference_list(text: str) -> ReferenceList:
    """The last reference-list heading in the text and the numbered entries under it."""
    headings = list(_HEADING.finditer(text))
    if not headings:
        return ReferenceList(len(text), ())
    heading = headings[-1]
    entries: dict[int, list[str]] = {}
    current: int | None = None
    for line in text[heading.end() :].splitlines():
        match = _ENTRY.match(line)
        if match:
            current = int(match.group(1) or match.group(2))
            entries.setdefault(current, []).append(match.group(3).strip())
        elif line.strip().startswith("#"):
            break
        elif line.strip() and current is not None:
            entries[current].append(line.strip())
    drafts = tuple(parse_entry(n, " ".join(parts)) for n, parts in sorted(entries.items()))
    if not drafts:
        return ReferenceList(len(text), ())
    return ReferenceList(heading.start(), drafts)


def citations(text: str) -> tuple[int, ...]:
    """Reference numbers cited by markers in the text, in order, ranges expanded."""
    numbers: list[int] = []
    for match in _MARKER.finditer(text):
        for part in re.split(r"\s*,\s*", match.group(1)):
            bounds = re.split(r"\s*[-\u2013]\s*", part)
            if len(bounds) == 2:
                low, high = int(bounds[0]), int(bounds[1])
                if 0 < high - low <= MAX_MARKER_RANGE:
                    numbers.extend(range(low, high + 1))
                    continue
            numbers.extend(int(b) for b in bounds[:1])
    return tuple(dict.fromkeys(numbers))
