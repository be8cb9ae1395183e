"""Follow-up questions the engine can answer itself: drafted from templates about the focus concepts and
their neighbours, then kept only when asking them gives a non-empty answer about the same concept."""

from __future__ import annotations

from collections.abc import Callable

from osler.model.knowledge_base import KnowledgeBase

# intent -> question template about a condition
CONDITION_TEMPLATES: dict[str, str] = {
    "seek_care": "When should I see a doctor about {name}?",
    "treatment": "How is {name} treated?",
    "causes": "What causes {name}?",
    "symptoms": "What are the symptoms of {name}?",
    "prevention": "How can I prevent {name}?",
    "diagnosis": "How is {name} diagnosed?",
    "outlook": "How long does {name} last?",
}
DRUG_TEMPLATE = "Is {name} safe to take?"
DIFFERENCE_TEMPLATE = "What is the difference between {name} and {other}?"
MIN_FOLLOW_UPS = 3
MAX_FOLLOW_UPS = 5


def _name(kb: KnowledgeBase, concept_id: str) -> str:
    name = kb.concepts[concept_id].name
    return name if len(name) > 1 and name[1].isupper() else name[0].lower() + name[1:]


def candidates(kb: KnowledgeBase, focus: list[str], intent: str) -> list[tuple[str, str]]:
    """(question, concept id it must be about) pairs, most useful first, excluding the intent just asked."""
    out: list[tuple[str, str]] = []
    conditions = [c for c in focus if kb.concepts[c].kind == "condition"]
    for concept_id in conditions[:2]:
        name = _name(kb, concept_id)
        for other_intent, template in CONDITION_TEMPLATES.items():
            if other_intent != intent:
                out.append((template.format(name=name), concept_id))
        for claim in sorted(kb.claims_to(concept_id, "differential_of"), key=lambda c: c.subject):
            other = kb.get(claim.subject)
            if other is not None and other.kind == "condition" and other.id not in focus:
                out.append((DIFFERENCE_TEMPLATE.format(name=name, other=_name(kb, other.id)), concept_id))
                break
        for claim in sorted(
            kb.claims_to(concept_id, "treats", "not_recommended_for"), key=lambda c: c.subject
        ):
            drug = kb.get(claim.subject)
            if drug is not None and drug.kind in ("drug", "drug_class") and drug.id not in focus:
                out.append((DRUG_TEMPLATE.format(name=_name(kb, drug.id)), drug.id))
                break
    for concept_id in focus:
        concept = kb.concepts[concept_id]
        if concept.kind in ("drug", "drug_class") and intent != "medicine_safety":
            out.append((DRUG_TEMPLATE.format(name=_name(kb, concept_id)), concept_id))
        if concept.kind in ("drug", "drug_class", "treatment", "finding"):
            linked = kb.claims_from(concept_id, "treats", "prevents", "not_recommended_for", "finding_of")
            for claim in sorted(linked, key=lambda c: c.object or ""):
                target = kb.get(claim.object)
                if target is not None and target.kind == "condition" and target.id not in conditions:
                    name = _name(kb, target.id)
                    out += [
                        (CONDITION_TEMPLATES[i].format(name=name), target.id)
                        for i in ("treatment", "seek_care", "causes", "symptoms")
                    ]
    return list(dict.fromkeys(out))


def follow_ups(
    kb: KnowledgeBase,
    focus: list[str],
    intent: str,
    answers: Callable[[str], tuple[bool, tuple[str, ...]]],
) -> list[str]:
    """3-5 follow-up questions; `answers(q)` says whether q gets a non-empty answer and which concepts it is about."""
    chosen: list[str] = []
    for question, concept_id in candidates(kb, focus, intent):
        covered, about = answers(question)
        if covered and concept_id in about:
            chosen.append(question)
        if len(chosen) >= MAX_FOLLOW_UPS:
            break
    return chosen


def corpus_follow_ups(topic: str, intent: str, answered: tuple[str, ...]) -> list[str]:
    """Follow-ups about a topic known only from the corpora (e.g. a MedQuAD focus), for the intents that the
    corpora hold passages on for that topic."""
    questions = [
        template.format(name=topic)
        for other, template in CONDITION_TEMPLATES.items()
        if other != intent and other in answered
    ]
    return questions[:MAX_FOLLOW_UPS]
