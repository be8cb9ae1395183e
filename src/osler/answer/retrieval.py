"""Claims and red-flag rules for the concepts a question is about, each filed under an answer section."""

from __future__ import annotations

import math
from dataclasses import dataclass

from osler.model.claim import STRENGTH_ORDER, Claim
from osler.model.knowledge_base import KnowledgeBase
from osler.model.rule import RedFlagRule

# text relations -> section (the concept the text describes is the claim's subject)
TEXT_SECTIONS: dict[str, str] = {
    "mechanism_of": "how_it_happens",
    "epidemiology_of": "overview",
    "self_care_for": "self_care",
    "see_doctor_for": "warning_signs",
    "misconception_about": "misconceptions",
    "outlook_of": "outlook",
    "safety_of": "safety",
}
GENERIC_DRUG_WORDS = frozenset({"drug", "medicine", "pill", "tablet", "induced", "supplement", "therapy"})
# link relations -> (section when the focus is the object, section when the focus is the subject)
LINK_SECTIONS: dict[str, tuple[str, str]] = {
    "finding_of": ("symptoms", "conditions_with_finding"),
    "risk_factor_for": ("risk", "linked"),
    "causes": ("how_it_happens", "outlook"),
    "associated_with": ("linked", "linked"),
    "adverse_effect_of": ("side_effects", "medicines"),
    "treats": ("treatment", "uses"),
    "prevents": ("prevention", "uses"),
    "not_recommended_for": ("not_recommended", "not_recommended"),
    "differential_of": ("confused_with", "confused_with"),
    "complication_of": ("outlook", "linked"),
    "test_for": ("tests", "uses"),
}


@dataclass(frozen=True)
class Item:
    """One piece of knowledge for an answer: a claim or a red-flag rule, about a focus concept, in a section."""

    section: str
    concept: str
    claim: Claim | None = None
    rule: RedFlagRule | None = None
    position: float = 0  # which focus concept it came from (0 = the one asked about first)

    @property
    def other(self) -> str | None:
        """The claim's other concept (not the focus one)."""
        if self.claim is None:
            return None
        return self.claim.object if self.claim.subject == self.concept else self.claim.subject


def section_for(claim: Claim, concept_id: str) -> str | None:
    """The section a claim belongs to when the question is about `concept_id` (None: not shown)."""
    if claim.relation == "red_flag_for":
        return None  # shown through the red-flag rules, which carry the reason
    if claim.relation in TEXT_SECTIONS:
        return TEXT_SECTIONS[claim.relation]
    as_object, as_subject = LINK_SECTIONS[claim.relation]
    return as_object if claim.object == concept_id else as_subject


def related_ids(kb: KnowledgeBase, concept_id: str) -> list[str]:
    """The concept and the drug classes it belongs to (class-level claims apply to members)."""
    return [concept_id, *kb.classes_of(concept_id)]


# intents where a symptom named alone stands for "what could this be?"
FINDING_INTENTS = frozenset({"causes", "symptoms", "diagnosis", "seek_care", "difference"})


def expand_focus(kb: KnowledgeBase, focus: list[str], limit: int = 2, intent: str = "causes") -> list[str]:
    """Add conditions when the question named none: those named after a focus medicine, and those a focus
    treatment or medicine (or a medicine it covers, see `narrower`) is for or a focus finding points to. A
    condition must be linked to another concept of the question, except for a finding asked about for its
    causes, meaning or urgency; one reached from several concepts of the question ranks first."""
    focus = [*focus, *named_after(kb, focus)[:limit]]
    if any(kb.concepts[c].kind == "condition" for c in focus):
        return focus
    reach = {c: {*related_ids(kb, c), *narrower(kb, c)} for c in focus}
    linked = {rid for rids in reach.values() for rid in rids}
    scored: dict[str, float] = {}
    for concept_id in focus:
        kind = kb.concepts[concept_id].kind
        if kind in ("treatment", "drug", "drug_class") and intent != "medicine_safety":
            # (a safety question is about the medicine itself, not the conditions it is used for)
            candidates = [
                (c, c.object)
                for source in sorted(reach[concept_id])
                for c in kb.claims_from(source, "treats", "prevents", "not_recommended_for")
            ]
        elif kind == "finding":
            candidates = [(c, c.object) for c in kb.claims_from(concept_id, "finding_of")]
        else:
            continue
        others = linked - reach[concept_id]
        best_here: dict[str, float] = {}
        for claim, target_id in candidates:
            target = kb.get(target_id)
            if target is None or target.kind != "condition" or claim.polarity != "positive":
                continue
            weight = (1 + STRENGTH_ORDER[claim.strength]) * (claim.frequency or 0.3)
            if any(other in others for c in kb.claims_about(target.id) for other in (c.subject, c.object)):
                weight += 2.0
            elif kind != "finding" or intent not in FINDING_INTENTS:
                continue  # a medicine's many uses, or a symptom in a how-to question, need a link to the rest
            best_here[target.id] = max(best_here.get(target.id, 0.0), weight)
        for target_id, weight in best_here.items():
            scored[target_id] = scored.get(target_id, 0.0) + weight  # reached from several concepts: more
    for target_id in scored:
        scored[target_id] += commonness(kb, target_id)
    # a question naming two or more things (a symptom and a medicine) leaves room for one more condition
    room = limit + 1 if len(focus) > 1 else limit
    best = sorted(scored, key=lambda cid: (-scored[cid], cid))[:room]
    return [*focus, *best]


PRIOR_WEIGHT = 0.5


def commonness(kb: KnowledgeBase, condition_id: str) -> float:
    """A small bonus for common conditions: 0.5 x log10(base rate x 1000), between 0 and 1.5 (a question about
    sore throats and antibiotics is more often about strep throat than a throat abscess)."""
    prior = kb.concepts[condition_id].prior
    if prior is None:
        return 0.0
    return PRIOR_WEIGHT * min(3.0, max(0.0, math.log10(prior.base * 1000)))


def narrower(kb: KnowledgeBase, concept_id: str) -> list[str]:
    """Medicines a general treatment word covers: drug classes whose name ends with its name (the head noun of
    a noun phrase names its broader kind: 'penicillin antibiotics' are 'antibiotics') and their members."""
    from osler.answer.focus import content_words

    concept = kb.concepts[concept_id]
    if concept.kind not in ("treatment", "drug_class"):
        return []
    heads = {tuple(content_words(n)) for n in (concept.name, *concept.lay_names)}
    heads = {h for h in heads if len(h) == 1}
    found: list[str] = []
    for drug_class in sorted(kb.of_kind("drug_class"), key=lambda c: c.id):
        if drug_class.id == concept_id:
            continue
        names = [tuple(content_words(n)) for n in (drug_class.name, *drug_class.lay_names)]
        if any(len(n) > 1 and n[-1:] in heads for n in names):
            found += [drug_class.id, *sorted(kb.members(drug_class.id))]
    return found


def named_after(kb: KnowledgeBase, focus: list[str]) -> list[str]:
    """Conditions named after a focus medicine ('statins' -> 'statin-associated muscle symptoms')."""
    from osler.answer.focus import content_words

    added: list[str] = []
    for concept_id in focus:
        concept = kb.concepts[concept_id]
        if concept.kind not in ("drug", "drug_class"):
            continue
        stems = set(content_words(concept.name)) - GENERIC_DRUG_WORDS
        for condition in kb.conditions():
            words = set(content_words(condition.name))
            if condition.id not in focus and condition.id not in added and stems & words:
                added.append(condition.id)
    return added


def _rules_for(kb: KnowledgeBase, concept_id: str) -> list[RedFlagRule]:
    concept = kb.concepts[concept_id]
    if concept.kind == "condition":
        return kb.rules_for(concept_id)
    return sorted(
        (r for r in kb.rules.values() if concept_id in r.all_of or concept_id in r.any_of),
        key=lambda r: r.id,
    )


NEIGHBOUR_RELATIONS = ("risk_factor_for", "causes", "associated_with")


def indirect_medicines(kb: KnowledgeBase, focus: list[str], seen: set[str]) -> list[Item]:
    """Medicines that cause a condition linked to a focus condition (e.g. acid-reducing tablets -> low
    magnesium -> cramps), filed under 'medicines' after the direct ones."""
    items: list[Item] = []
    for concept_id in focus:
        if kb.concepts[concept_id].kind != "condition":
            continue
        neighbours: set[str] = set()
        for claim in kb.claims_about(concept_id):
            if claim.relation not in NEIGHBOUR_RELATIONS:
                continue
            other = claim.object if claim.subject == concept_id else claim.subject
            concept = kb.get(other)
            if concept is not None and concept.kind == "condition" and concept.id not in focus:
                neighbours.add(concept.id)
        for neighbour in sorted(neighbours):
            for claim in sorted(kb.claims_from(neighbour, "adverse_effect_of"), key=lambda c: c.id):
                if claim.id not in seen and claim.is_sourced:
                    seen.add(claim.id)
                    items.append(Item("medicines", neighbour, claim=claim, position=len(focus) + 1))
    return items


def gather(kb: KnowledgeBase, focus: list[str], intent: str = "overview") -> list[Item]:
    """Every claim and rule about the focus concepts, filed by section; claims linking two focus concepts
    go to the 'direct' section, and each claim appears once. A 'causes' question also gets the medicines
    behind linked conditions."""
    focus_set = {rid for concept_id in focus for rid in related_ids(kb, concept_id)}
    seen: set[str] = set()
    items: list[Item] = []
    for position, concept_id in enumerate(focus):
        for rid in related_ids(kb, concept_id):
            for claim in sorted(kb.claims_about(rid), key=lambda c: c.id):
                if claim.id in seen or not claim.is_sourced:
                    continue
                section = section_for(claim, rid)
                if section is None:
                    continue
                if _links(claim, focus_set) and len(focus) > 1:
                    section = "direct"
                seen.add(claim.id)
                items.append(Item(section, rid, claim=claim, position=position))
        for rule in _rules_for(kb, concept_id):
            if "rule:" + rule.id not in seen and rule.refs:
                seen.add("rule:" + rule.id)
                # rules a finding takes part in come after the advice about every focus concept
                rank = position if kb.concepts[concept_id].kind == "condition" else len(focus) + position
                items.append(Item("warning_signs", concept_id, rule=rule, position=rank))
    if intent == "causes":
        items += indirect_medicines(kb, focus, seen)
    return items


def _links(claim: Claim, focus_set: set[str]) -> bool:
    return claim.subject in focus_set and claim.object is not None and claim.object in focus_set
