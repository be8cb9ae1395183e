"""Claims and rules -> drafted statements: worded per audience, duplicates merged, conflicts shown with both
sides, ordered by strength within each section. Drafts keep reference ids; numbering happens last."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from osler.answer.audience import plain
from osler.answer.retrieval import TEXT_SECTIONS, Item
from osler.answer.wording import (
    FINDING_BANDS,
    LIST_TEMPLATES,
    capitalise,
    chunked,
    differential_sentence,
    guideline_note,
    label,
    rule_sentence,
    short_label,
    statistics_text,
    treatment_sentence,
    with_evidence,
)
from osler.model.claim import REVIEW_ORDER, STRENGTH_ORDER, Claim
from osler.model.knowledge_base import KnowledgeBase
from osler.model.rule import TRIAGE_ORDER

MAX_PER_SECTION = 14
MAX_WARNINGS = 24  # safety first: warning signs get more room
MAX_LIST_ITEMS = 8
MAX_OFF_TOPIC = 3  # per section, statements about conditions not asked about, when the question names several
TREATMENT_RELATIONS = frozenset({"treats", "prevents", "not_recommended_for"})
CONFLICT_LEADS = {"patient": "Studies disagree here.", "clinician": "Conflicting evidence:"}
CONTESTED_LEADS = {"patient": "The evidence is mixed:", "clinician": "Contested:"}


@dataclass(frozen=True)
class Draft:
    """A statement before its references are numbered."""

    section: str
    text: str
    refs: tuple[str, ...]
    claims: tuple[str, ...]
    rank: tuple[float, ...]
    review_status: str = "approved"
    tier: int = 0  # 0: about an asked concept; 1: reached through a linked one; 2: about another condition


def _refs(kb: KnowledgeBase, refs: tuple[str, ...]) -> tuple[str, ...]:
    """The references that a reader can find (DOI, PMID or URL); others are not cited."""
    return tuple(r for r in dict.fromkeys(refs) if r in kb.references and kb.references[r].has_locator)


def _rank(claim: Claim, position: float = 0) -> tuple[float, float, float]:
    """Sort key: statements about the first-asked concept first, then stronger and more frequent ones."""
    return (float(position), -float(STRENGTH_ORDER[claim.strength]), -(claim.frequency or 0.0))


def _conflict_key(claim: Claim) -> tuple[str, str, str] | None:
    if claim.object is None:
        return None
    return (claim.subject, claim.relation, claim.object)


class Composer:
    """Words the items of one answer for one audience."""

    def __init__(self, kb: KnowledgeBase, audience: str, focus: tuple[str, ...] = ()) -> None:
        self.kb = kb
        self.audience = audience
        self.focus = {rid for concept_id in focus for rid in (concept_id, *kb.classes_of(concept_id))}
        self.several = len(focus) > 1
        self.mentions = {c: _mention_pattern(kb, c) for c in focus}
        self.short_names: dict[
            str, str
        ] = {}  # a name as first written -> its shorter form for later mentions

    def name(self, concept_id: str | None, lay: bool = True) -> str:
        """How a concept is named; remembers its shorter form (patients: the lay name) for repeat mentions."""
        concept = self.kb.get(concept_id)
        full = label(concept, self.audience, concept_id or "", lay)
        if self.audience == "patient" and concept is not None:
            short = short_label(concept)
            if short and short.lower() != full.lower():
                self.short_names[full] = short
        return full

    def compose(self, items: list[Item]) -> dict[str, list[Draft]]:
        """Drafted statements per section key, merged and ordered."""
        drafts: list[Draft] = []
        groups: dict[tuple[str, str, str, bool, str], list[Item]] = defaultdict(list)
        polarities: dict[tuple[str, str, str], set[str]] = defaultdict(set)
        for item in items:
            if item.claim is not None and (conflict := _conflict_key(item.claim)) is not None:
                polarities[conflict].add(item.claim.polarity)
        conflicted = {key for key, seen in polarities.items() if len(seen) > 1}
        pairs: dict[tuple[str, str, str], list[Item]] = defaultdict(list)
        for item in items:
            if item.rule is not None:
                drafts.extend(self._rule(item))
                continue
            claim = item.claim
            assert claim is not None
            if claim.relation == "differential_of" and claim.object is not None:
                pairs[(item.section, item.concept, item.other or "")].append(item)
            elif claim.text or claim.relation in TREATMENT_RELATIONS:
                drafts.extend(self._single(item, claim))
            elif claim.relation == "finding_of" and claim.object == item.concept:
                groups[(item.section, item.concept, claim.relation, True, _band(claim))].append(item)
            else:
                groups[(item.section, item.concept, claim.relation, claim.object == item.concept, "")].append(
                    item
                )
        for key, grouped in sorted(groups.items()):
            drafts.extend(self._list(key, grouped))
        for (section, concept_id, other), grouped in sorted(pairs.items()):
            drafts.extend(self._differential(section, concept_id, other, grouped))
        drafts = self._merge_conflicts(drafts, items, conflicted)
        return self._arrange(drafts)

    # -- single statements ------------------------------------------------------------------------------------
    def _single(self, item: Item, claim: Claim) -> list[Draft]:
        refs = _refs(self.kb, claim.refs)
        if not refs:
            return []
        text = claim.text.strip().replace(" Harms: ", " Possible harms: ")
        if claim.relation in TREATMENT_RELATIONS:
            treatment, condition = self.name(claim.subject), self.name(claim.object, lay=False)
            base = treatment_sentence(claim, treatment, condition, self.audience)
            if text.startswith("Harms:"):
                text = f"{base} Possible harms:{text[len('Harms:') :]}"
            elif not text:
                text = base
            elif claim.relation == "not_recommended_for" and "recommend" not in text.lower():
                text = f"{base} {text}"
            elif claim.object not in self.focus:
                text = f"For {condition}: {_lower_first(text)}"
        elif text and self._needs_context(item):
            text = f"{capitalise(self.name(item.other, lay=False))}: {_lower_first(text)}"
        if claim.relation in TREATMENT_RELATIONS:
            text = with_evidence(text, claim, self.audience)
        elif self.audience == "clinician" and claim.statistics:
            text = f"{text} ({statistics_text(claim.statistics)})"
        if self.audience == "clinician" and claim.relation in TREATMENT_RELATIONS | {"test_for"}:
            text += guideline_note(self.kb, refs)
        if claim.hedged:
            text = f"{CONTESTED_LEADS[self.audience]} {text}"
        return [
            self._draft(item.section, text, refs, (claim,), _rank(claim, item.position), self._tier(item))
        ]

    def _tier(self, item: Item) -> int:
        """How closely a statement keeps to the question: 2 when it is about a condition not asked about."""
        claim = item.claim
        other_condition = (
            claim is not None and claim.relation in TREATMENT_RELATIONS and claim.object not in self.focus
        ) or self._needs_context(item)
        if other_condition and claim is not None:
            own = {claim.subject, claim.object, *self.kb.classes_of(claim.subject)}
            mentioned = any(
                pattern.search(claim.text)
                for concept_id, pattern in self.mentions.items()
                if pattern is not None and concept_id not in own
            )
            return 1 if mentioned else 2
        if other_condition:
            return 2
        return 0 if item.concept in self.focus else 1

    def _needs_context(self, item: Item) -> bool:
        """True when a sentence written about another condition would be unclear without naming it."""
        other = self.kb.get(item.other)
        return (
            other is not None
            and other.kind == "condition"
            and other.id not in self.focus
            and item.claim is not None
            and item.claim.relation != "differential_of"
        )

    def _differential(self, section: str, concept_id: str, other: str, items: list[Item]) -> list[Draft]:
        """One statement per pair of look-alike conditions, with every 'how to tell' the pack gives."""
        claims = sorted((i.claim for i in items if i.claim is not None), key=lambda c: c.id)
        claims = [c for c in claims if _refs(self.kb, c.refs)]
        if not claims:
            return []
        texts = list(dict.fromkeys(c.text.strip() for c in claims if c.text.strip()))
        text = differential_sentence(self.name(other), self.name(concept_id, lay=False), " ".join(texts))
        refs = _refs(self.kb, tuple(r for c in claims for r in c.refs))
        position = min(i.position for i in items)
        return [self._draft(section, text, refs, tuple(claims), (float(position), -1.0, 0.0))]

    def _rule(self, item: Item) -> list[Draft]:
        rule = item.rule
        assert rule is not None
        refs = _refs(self.kb, rule.refs)
        if not refs:
            return []
        names = [self.name(f) for f in rule.all_of]
        anys = [self.name(f) for f in rule.any_of]
        text = rule_sentence(rule.level, names, anys, rule.reason, self.audience)
        rank = (float(item.position), -10.0 - TRIAGE_ORDER.get(rule.level, 0), 0.0)
        return [Draft("warning_signs", text, refs, ("rule:" + rule.id,), rank, rule.review_status)]

    # -- grouped link claims ---------------------------------------------------------------------------------
    def _list(self, key: tuple[str, str, str, bool, str], items: list[Item]) -> list[Draft]:
        section, concept_id, relation, focus_is_object, band = key
        items = sorted(
            items, key=lambda i: (*_rank(i.claim), i.other or "") if i.claim else (0.0, 0.0, 0.0, "")
        )
        usable = [i for i in items if i.claim is not None and _refs(self.kb, i.claim.refs)][:MAX_LIST_ITEMS]
        if not usable:
            return []
        names = []
        for item in usable:
            assert item.claim is not None
            name = self.name(item.other)
            if self.audience == "clinician" and item.claim.statistics:
                name += f" ({statistics_text(item.claim.statistics)})"
            names.append(name)
        names = list(dict.fromkeys(names))
        if band:
            template = FINDING_BANDS[band][self.audience == "clinician"]
        else:
            pair = LIST_TEMPLATES.get((relation, focus_is_object), ("{c}: {items}.", "{c}: {items}."))
            template = pair[self.audience == "clinician"]
        text = capitalise(
            template.format(c=self.name(concept_id, lay=False), items=chunked(names, self.audience))
        )
        refs = _refs(self.kb, tuple(r for i in usable if i.claim for r in i.claim.refs))
        claims = tuple(i.claim for i in usable if i.claim is not None)
        position = min(i.position for i in usable)
        best = min((_rank(c, position) for c in claims), default=(0.0, 0.0, 0.0))
        return [self._draft(section, text, refs, claims, best, 0 if concept_id in self.focus else 1)]

    # -- conflicts, duplicates and order ---------------------------------------------------------------------
    def _merge_conflicts(
        self, drafts: list[Draft], items: list[Item], conflicted: set[tuple[str, str, str]]
    ) -> list[Draft]:
        if not conflicted:
            return drafts
        by_claim = {c: d for d in drafts for c in d.claims}
        claims = {i.claim.id: i.claim for i in items if i.claim is not None}
        merged: list[Draft] = []
        used: set[int] = set()
        for key in sorted(conflicted):
            sides = [
                by_claim[c]
                for c, claim in sorted(claims.items())
                if _conflict_key(claim) == key and c in by_claim
            ]
            sides = list({id(d): d for d in sides}.values())
            if len(sides) < 2:
                continue
            used.update(id(d) for d in sides)
            sides.sort(
                key=lambda d: (
                    not any(claims[c].polarity == "positive" for c in d.claims if c in claims),
                    d.text,
                )
            )
            parts = [d.text.rstrip(".") + "." for d in sides]
            text = " ".join([parts[0], *(f"On the other hand, {p[0].lower()}{p[1:]}" for p in parts[1:])])
            refs = tuple(dict.fromkeys(r for d in sides for r in d.refs))
            merged.append(
                Draft(
                    sides[0].section,
                    f"{CONFLICT_LEADS[self.audience]} {text}",
                    refs,
                    tuple(c for d in sides for c in d.claims),
                    min(d.rank for d in sides),
                    min((d.review_status for d in sides), key=REVIEW_ORDER.__getitem__),
                    min(d.tier for d in sides),
                )
            )
        return [d for d in drafts if id(d) not in used] + merged

    def _arrange(self, drafts: list[Draft]) -> dict[str, list[Draft]]:
        by_text: dict[tuple[str, str], Draft] = {}
        for draft in drafts:
            key = (draft.section, _norm(draft.text))
            old = by_text.get(key)
            if old is None:
                by_text[key] = draft
                continue
            by_text[key] = Draft(
                old.section,
                old.text,
                tuple(dict.fromkeys(old.refs + draft.refs)),
                old.claims + draft.claims,
                min(old.rank, draft.rank),
                min(old.review_status, draft.review_status, key=REVIEW_ORDER.__getitem__),
                min(old.tier, draft.tier),
            )
        sections: dict[str, list[Draft]] = defaultdict(list)
        off_topic: dict[str, int] = defaultdict(int)
        for draft in sorted(by_text.values(), key=lambda d: (d.rank, d.text)):
            limit = MAX_WARNINGS if draft.section == "warning_signs" else MAX_PER_SECTION
            if draft.tier >= 2 and self.several:
                off_topic[draft.section] += 1
                if off_topic[draft.section] > MAX_OFF_TOPIC:
                    continue
            if len(sections[draft.section]) < limit:
                sections[draft.section].append(draft)
        return dict(sections)

    def _draft(
        self,
        section: str,
        text: str,
        refs: tuple[str, ...],
        claims: tuple[Claim, ...],
        rank: tuple[float, ...],
        tier: int = 0,
    ) -> Draft:
        if self.audience == "patient":
            text = plain(text)
        status = min((c.review_status for c in claims), key=REVIEW_ORDER.__getitem__, default="approved")
        return Draft(section, " ".join(text.split()), refs, tuple(c.id for c in claims), rank, status, tier)

    def overview(self, concept_id: str) -> list[Draft]:
        """The concept's summary as the opening statement, when it is cited."""
        concept = self.kb.concepts[concept_id]
        refs = _refs(self.kb, tuple(concept.attributes.get("summary_refs", ())))
        if not concept.summary or not refs:
            return []
        text = concept.summary
        if self.audience == "clinician" and concept.icd10:
            text += f" (ICD-10-CM {', '.join(concept.icd10)})"
        return [self._draft("overview", text, refs, (), (-1.0, -20.0, 0.0))]


def _mention_pattern(kb: KnowledgeBase, concept_id: str) -> re.Pattern[str] | None:
    """A pattern finding any name of the concept (4+ letters) as whole words."""
    concept = kb.get(concept_id)
    names = sorted({n.lower() for n in concept.all_names() if len(n) > 3}, key=len) if concept else []
    if not names:
        return None
    return re.compile(r"\b(" + "|".join(re.escape(n) for n in reversed(names)) + r")\b", re.I)


def _lower_first(text: str) -> str:
    """Lower-case the first letter of a sentence continued after a colon, unless it starts an acronym."""
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def _band(claim: Claim) -> str:
    if claim.polarity == "negative":
        return "against"
    frequency = claim.frequency if claim.frequency is not None else 0.3
    return "most" if frequency >= 0.6 else "many" if frequency >= 0.25 else "some"


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


__all__ = ["TEXT_SECTIONS", "Composer", "Draft"]
