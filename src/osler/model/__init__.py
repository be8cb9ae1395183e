"""Domain nouns of osler: concepts, claims, references, evidence and review events (pure, no I/O)."""

from osler.model.claim import (
    CLAIM_RELATIONS,
    Claim,
    Evidence,
    Polarity,
    Population,
    Relation,
    ReviewStatus,
    Statistic,
    Strength,
)
from osler.model.concept import CONCEPT_KINDS, Concept, ConceptKind, Prior
from osler.model.reference import REFERENCE_KINDS, Reference, ReferenceKind
from osler.model.review import ReviewEvent
from osler.model.rule import RedFlagRule, TriageLevel

__all__ = [
    "CLAIM_RELATIONS",
    "CONCEPT_KINDS",
    "REFERENCE_KINDS",
    "Claim",
    "Concept",
    "ConceptKind",
    "Evidence",
    "Polarity",
    "Population",
    "Prior",
    "RedFlagRule",
    "Reference",
    "ReferenceKind",
    "Relation",
    "ReviewEvent",
    "ReviewStatus",
    "Statistic",
    "Strength",
    "TriageLevel",
]
