"""Counts over the knowledge base view, optionally restricted to one domain (e.g. legs-at-night)."""

from __future__ import annotations

from osler.model.knowledge_base import KnowledgeBase


def domain_stats(kb: KnowledgeBase, domain: str) -> dict[str, int]:
    """Conditions of a domain, the claims that name them, and how many of those lack a reference."""
    conditions = {c.id for c in kb.conditions() if domain in c.attributes.get("domains", ())}
    claims = [c for c in kb.claims.values() if c.subject in conditions or c.object in conditions]
    cited = {ref for claim in claims for ref in claim.refs}
    for condition in conditions:
        attributes = kb.concept(condition).attributes
        for key in ("summary_refs", "prior_refs", "care_refs"):
            cited.update(attributes.get(key, ()))
    rules = [r for r in kb.rules.values() if r.condition in conditions]
    return {
        "conditions": len(conditions),
        "claims": len(claims),
        "claims_without_reference": sum(1 for c in claims if not c.is_sourced),
        "references": len(cited),
        "references_without_locator": sum(
            1 for r in cited if r in kb.references and not kb.references[r].has_locator
        ),
        "red_flag_rules": len(rules),
    }
