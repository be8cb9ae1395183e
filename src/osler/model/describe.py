"""A complete, cited description of one concept, grouped by what the claims say (the `osler show` view)."""

from __future__ import annotations

from typing import Any

from osler.model.claim import STRENGTH_ORDER, Claim
from osler.model.knowledge_base import KnowledgeBase

# (section, relation, the concept is the claim's object?)
SECTIONS: tuple[tuple[str, str, bool], ...] = (
    ("findings", "finding_of", True),
    ("risk_factors", "risk_factor_for", True),
    ("caused_by", "causes", True),
    ("medicines_that_can_cause_it", "adverse_effect_of", False),
    ("associated_with", "associated_with", False),
    ("complications", "complication_of", True),
    ("tests", "test_for", True),
    ("treatments", "treats", True),
    ("prevention", "prevents", True),
    ("not_recommended", "not_recommended_for", True),
    ("differentials", "differential_of", True),
    ("red_flags", "red_flag_for", True),
    ("mechanisms", "mechanism_of", False),
    ("epidemiology", "epidemiology_of", False),
    ("self_care", "self_care_for", False),
    ("see_doctor", "see_doctor_for", False),
    ("misconceptions", "misconception_about", False),
    ("outlook", "outlook_of", False),
    # the reverse view, for findings, drugs and treatments
    ("is_a_finding_of", "finding_of", False),
    ("can_cause", "adverse_effect_of", True),
    ("treats_conditions", "treats", False),
    ("prevents_conditions", "prevents", False),
    ("not_recommended_for", "not_recommended_for", False),
    ("risk_factor_for", "risk_factor_for", False),
)


def _claim_line(kb: KnowledgeBase, claim: Claim, other: str | None, refs: dict[str, int]) -> dict[str, Any]:
    concept = kb.get(other)
    line: dict[str, Any] = {
        "claim": claim.id,
        "concept": {"id": concept.id, "name": concept.name} if concept else None,
        "polarity": claim.polarity,
        "strength": claim.strength,
        "text": claim.text,
        "review_status": claim.review_status,
        "citations": [refs.setdefault(r, len(refs) + 1) for r in claim.refs],
    }
    if claim.frequency is not None:
        line["frequency"] = claim.frequency
    if claim.statistics:
        line["statistics"] = [s.model_dump(exclude_defaults=True) for s in claim.statistics]
    if not claim.population.is_everyone():
        line["population"] = claim.population.model_dump(exclude_defaults=True)
    if claim.hedged:
        line["contested"] = True
    return line


def describe_concept(kb: KnowledgeBase, concept_id: str) -> dict[str, Any]:
    """The concept with every claim about it, sections ordered by strength, references numbered."""
    concept = kb.concept(concept_id)
    refs: dict[str, int] = {}
    out: dict[str, Any] = {
        "id": concept.id,
        "kind": concept.kind,
        "name": concept.name,
        "lay_names": list(concept.lay_names),
        "synonyms": list(concept.synonyms),
        "codes": {k: list(v) for k, v in concept.codes.items()},
        "summary": concept.summary,
    }
    for key in ("summary_refs", "prior_refs", "care_refs"):
        for ref in concept.attributes.get(key, ()):
            refs.setdefault(ref, len(refs) + 1)
    if concept.summary and concept.attributes.get("summary_refs"):
        out["summary_citations"] = [refs[r] for r in concept.attributes["summary_refs"]]
    if concept.prior is not None:
        out["prior"] = concept.prior.model_dump(exclude_defaults=True) | {
            "citations": [refs[r] for r in concept.prior.refs if r in refs]
        }
    if "care_level" in concept.attributes:
        out["usual_care"] = {
            "level": concept.attributes["care_level"],
            "citations": [refs[r] for r in concept.attributes.get("care_refs", ())],
        }
    sections: dict[str, list[dict[str, Any]]] = {}
    for section, relation, concept_is_object in SECTIONS:
        claims = (
            kb.claims_to(concept.id, relation) if concept_is_object else kb.claims_from(concept.id, relation)
        )
        if relation in {"finding_of"} and not concept_is_object and concept.kind == "condition":
            continue
        if not claims:
            continue
        claims.sort(
            key=lambda c: (-STRENGTH_ORDER[c.strength], -(c.frequency or 0), c.subject, c.object or "")
        )
        lines = [_claim_line(kb, c, c.subject if concept_is_object else c.object, refs) for c in claims]
        sections.setdefault(section, []).extend(lines)
    rules = kb.rules_for(concept.id)
    if rules:
        out["red_flag_rules"] = [
            {
                "id": r.id,
                "level": r.level,
                "reason": r.reason,
                "all": list(r.all_of),
                "any": list(r.any_of),
                "citations": [refs.setdefault(x, len(refs) + 1) for x in r.refs],
            }
            for r in rules
        ]
    sections.pop("red_flags", None) if rules else None
    out["sections"] = sections
    out["references"] = [
        _reference_entry(kb, ref_id, n) for ref_id, n in sorted(refs.items(), key=lambda item: item[1])
    ]
    return out


def _reference_entry(kb: KnowledgeBase, ref_id: str, n: int) -> dict[str, Any]:
    ref = kb.references.get(ref_id)
    if ref is None:
        return {"n": n, "id": ref_id, "title": "(missing reference)"}
    return {
        "n": n,
        "id": ref.id,
        "title": ref.title,
        "authors": list(ref.authors),
        "year": ref.year,
        "source": ref.source,
        "kind": ref.kind,
        "doi": ref.doi,
        "pmid": ref.pmid,
        "url": ref.best_url(),
    }
