"""Text -> findings: what the person says they have and have not, their readings, medicines and history.

Steps: tokens (`text`), negation scopes (`negation`), name matches (`lexicon`), other people's histories set
aside (a relative other than the patient who 'had' something), vital signs, labs and how long the complaint has
lasted (`measures`, `duration`) turned into findings through each finding's `measure` attribute, `implies`
closure (a specific finding makes its general finding present), `excludes`, then the answers the person gave to
next questions, which win over the text.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from osler.check.case import CaseInput
from osler.check.duration import QUANTITY as DURATION
from osler.check.duration import read_duration
from osler.check.lexicon import Lexicon, Match
from osler.check.measures import Reading, find_readings, in_range, on_adult_scale
from osler.check.negation import NORMAL, TRIGGERS, is_negated, negated_positions, prefixed
from osler.check.person import CHILD_WORDS, FIRST_PERSON, RELATIVES, REPORTING, read_person
from osler.check.shorthand import expand_shorthand
from osler.check.text import BREAKS, Token, fold, tokenize
from osler.model.knowledge_base import KnowledgeBase
from osler.model.names import normalize_name

_HISTORY_VERBS = frozenset("had has have get gets got died suffer suffers suffered with".split())


@dataclass(frozen=True)
class FindingState:
    """Whether a finding is present or absent, how we know (text, measure, implied, answer) and the words."""

    present: bool
    source: str
    phrase: str = ""


@dataclass
class Parsed:
    """Everything read from one case: the person, findings, risk factors, medicines, named conditions."""

    age: float | None
    sex: str | None
    pregnant: bool
    findings: dict[str, FindingState] = field(default_factory=dict)
    risk_factors: dict[str, str] = field(default_factory=dict)
    drugs: dict[str, str] = field(default_factory=dict)
    conditions: dict[str, str] = field(default_factory=dict)
    readings: list[Reading] = field(default_factory=list)

    def present(self) -> set[str]:
        """Ids of findings that are present."""
        return {f for f, s in self.findings.items() if s.present}

    def absent(self) -> set[str]:
        """Ids of findings that are explicitly absent (negated or answered no)."""
        return {f for f, s in self.findings.items() if not s.present}


class Parser:
    """Reads case text against one knowledge base (indexes built once)."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.lexicon = Lexicon(kb)
        self.implies: dict[str, tuple[str, ...]] = {}
        self._ancestors: dict[str, frozenset[str]] = {}
        self.excludes: dict[str, tuple[str, ...]] = {}
        self.by_quantity: dict[str, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
        for concept in kb.of_kind("finding"):
            attrs = concept.attributes
            self.implies[concept.id] = tuple(i for i in attrs.get("implies", ()) if i in kb.concepts)
            self.excludes[concept.id] = tuple(i for i in attrs.get("excludes", ()) if i in kb.concepts)
            measure = attrs.get("measure")
            if isinstance(measure, dict) and measure.get("quantity"):
                self.by_quantity[str(measure["quantity"])].append((concept.id, measure))

    def ancestors(self, finding: str) -> frozenset[str]:
        """Every more general finding this one implies, transitively."""
        cached = self._ancestors.get(finding)
        if cached is None:
            cached = self._ancestors[finding] = frozenset(self._walk(finding))
        return cached

    def _walk(self, finding: str) -> set[str]:
        out: set[str] = set()
        stack = list(self.implies.get(finding, ()))
        while stack:
            f = stack.pop()
            if f not in out:
                out.add(f)
                stack.extend(self.implies.get(f, ()))
        return out

    def parse(self, case: CaseInput) -> Parsed:
        """Findings, readings, medicines, history and the person for one case."""
        text = expand_shorthand(case.text)
        person = read_person(text)
        parsed = Parsed(
            age=case.age if case.age is not None else person.age,
            sex=case.sex or person.sex,
            pregnant=bool(case.pregnant if case.pregnant is not None else person.pregnant),
        )
        tokens = tokenize(text)
        matches = self.lexicon.match(tokens)
        quiet = frozenset(
            p
            for m in matches
            for p in m.positions
            if (m.negative and tokens[p].surface in TRIGGERS) or tokens[p].surface in NORMAL
        )
        scoped, triggers = negated_positions(tokens, quiet)
        denied = prefixed(tokens, quiet)
        others = _other_people(tokens, person.subject_relative)
        present: dict[str, str] = {}
        absent: dict[str, str] = {}
        contained: dict[str, str] = {}
        for match in matches:
            negated = is_negated(match.positions, scoped, triggers, denied)
            someone_else = any(p in others for p in match.positions)
            if match.kind == "condition" and not _told_history(tokens, match.positions, match.name):
                continue
            if match.contained and not negated:
                if not someone_else:
                    contained.setdefault(match.concept, match.name)
                continue
            self._record(match, negated, someone_else, parsed, present, absent)
        for name in case.medications:
            for concept in self.kb.lookup(name) or (
                [self.kb.concepts[name]] if name in self.kb.concepts else []
            ):
                if concept.kind in ("drug", "drug_class"):
                    parsed.drugs.setdefault(concept.id, name)
                    break
        for finding, phrase in present.items():
            parsed.findings[finding] = FindingState(True, "text", phrase)
        for finding, phrase in absent.items():
            if finding not in present:
                parsed.findings[finding] = FindingState(False, "text", phrase)
        for finding, phrase in contained.items():
            parsed.findings.setdefault(finding, FindingState(True, "implied", phrase))
        parsed.readings = find_readings(text)
        duration = read_duration(text)
        if duration is not None:
            parsed.readings.append(duration)
        self._apply_readings(parsed)
        self._close(parsed)
        for finding, value in sorted(case.answers.items()):
            if finding in self.kb.concepts:
                parsed.findings[finding] = FindingState(bool(value), "answer", "")
        self._close(parsed)
        return parsed

    def _record(
        self,
        match: Match,
        negated: bool,
        someone_else: bool,
        parsed: Parsed,
        present: dict[str, str],
        absent: dict[str, str],
    ) -> None:
        if match.kind == "finding":
            if someone_else:
                return
            (absent if negated else present).setdefault(match.concept, match.name)
        elif negated:
            return
        elif match.kind == "risk_factor":
            if not someone_else or "family" in match.concept:
                parsed.risk_factors.setdefault(match.concept, match.name)
        elif match.kind in ("drug", "drug_class"):
            parsed.drugs.setdefault(match.concept, match.name)
        elif match.kind == "condition" and not someone_else:
            parsed.conditions.setdefault(match.concept, match.name)

    def _apply_readings(self, parsed: Parsed) -> None:
        measured: dict[str, float] = {}
        for reading in parsed.readings:
            measured.setdefault(reading.quantity, on_adult_scale(reading.quantity, reading.value, parsed.age))
        for quantity, value in measured.items():
            for finding, measure in self.by_quantity.get(quantity, ()):
                inside = in_range(measure, value)
                if not inside and quantity == DURATION:
                    continue  # a duration says which span it is in; the other spans add nothing more
                phrase = f"{quantity.replace('_', ' ')} {value:g}"
                parsed.findings[finding] = FindingState(inside, "measure", phrase)

    def _close(self, parsed: Parsed) -> None:
        """Add implied general findings, and mark excluded ones absent."""
        for finding, state in list(parsed.findings.items()):
            if not state.present:
                continue
            for general in sorted(self.ancestors(finding)):
                current = parsed.findings.get(general)
                if current is None or (not current.present and current.source in ("text", "measure")):
                    parsed.findings[general] = FindingState(True, "implied", state.phrase)
            for other in self.excludes.get(finding, ()):
                if other not in parsed.findings:
                    parsed.findings[other] = FindingState(False, "implied", state.phrase)


_HISTORY_CUES = frozenset(
    """have has had got diagnosed diagnosis history hx pmh known with suffer suffers suffered told background
    previous prior""".split()
)
"""Words just before a condition's name that make it the person's own history ('I have asthma', 'known COPD')."""


_NAME_CUES = frozenset({"with", "history", "known", "diagnosed", "positive"})
"""Words inside a condition's name that make the name itself a statement of history ('living with HIV')."""


def _told_history(tokens: list[Token], positions: tuple[int, ...], name: str = "") -> bool:
    """True when a condition named in the text is stated as the person's diagnosis or history, not described."""
    if not _NAME_CUES.isdisjoint(fold(name).split()):
        return True
    start = min(positions)
    window = [t.surface for t in tokens[max(0, start - 4) : start]]
    if any(t in BREAKS for t in window):
        window = window[max(i for i, t in enumerate(window) if t in BREAKS) + 1 :]
    if window and window[-1] == "my" and max(positions) - start < len(positions) + 1:
        return True  # 'my asthma', 'my type 2 diabetes'; not 'my periods are really heavy'
    return any(w in _HISTORY_CUES for w in window)


_WHOLE_GROUP = frozenset({"whole", "entire", "our", "all"})
"""Words before 'family' or 'household' that include the writer ('the whole family has headaches')."""


def _possessed(word: str) -> bool:
    """True for a word that makes the next noun someone else's ('her baby', "my sister's baby")."""
    return word in ("her", "his", "their", "your") or (word.endswith("s") and word[:-1] in RELATIVES)


def _other_people(tokens: list[Token], subject: str | None) -> set[int]:
    """Token positions that describe another person's history ('my mum had a stroke'), up to the end of the
    clause or a new clause about the writer ('..., and I have a fever')."""
    out: set[int] = set()
    for i, tok in enumerate(tokens):
        word = (
            tok.surface[:-1] if tok.surface.endswith("s") and tok.surface[:-1] in RELATIVES else tok.surface
        )
        if word not in RELATIVES or word == subject or normalize_name(word) == subject:
            continue
        if i + 1 < len(tokens) and tokens[i + 1].surface in REPORTING:
            continue
        if word in CHILD_WORDS and not (i > 0 and _possessed(tokens[i - 1].surface)):
            continue
        if i > 0 and tokens[i - 1].surface in _WHOLE_GROUP:
            continue
        window = [t.surface for t in tokens[i + 1 : i + 4]]
        if not any(w in _HISTORY_VERBS for w in window):
            continue
        j = i
        while j < len(tokens) and tokens[j].surface not in BREAKS:
            if (
                tokens[j].surface in (",", "and", "but")
                and j + 1 < len(tokens)
                and tokens[j + 1].surface in FIRST_PERSON
            ):
                break
            out.add(j)
            j += 1
    return out
