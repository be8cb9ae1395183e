"""Concepts: the nouns the knowledge base talks about (conditions, findings, drugs, ...)."""

from __future__ import annotations

from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

ConceptKind = Literal[
    "condition",
    "finding",
    "risk_factor",
    "drug",
    "drug_class",
    "treatment",
    "test",
    "body_part",
]
CONCEPT_KINDS: tuple[str, ...] = get_args(ConceptKind)

DURATION_QUANTITY = "duration_days"
"""The measured quantity of how long a complaint has lasted: findings with `measure: {quantity: duration_days}`
are the duration spans that conditions relate to through their `course`."""

AGE_BANDS: tuple[str, ...] = ("0-1", "2-12", "13-17", "18-39", "40-64", "65+")


def age_band(age: float | None) -> str | None:
    """The prior age band an age in years falls into (None when the age is unknown)."""
    if age is None:
        return None
    if age < 2:
        return "0-1"
    if age < 13:
        return "2-12"
    if age < 18:
        return "13-17"
    if age < 40:
        return "18-39"
    if age < 65:
        return "40-64"
    return "65+"


class Prior(BaseModel):
    """How common a condition is: a base rate among people seeking help, scaled by age band, sex, pregnancy."""

    model_config = ConfigDict(frozen=True)

    base: float = Field(gt=0, le=1)
    age: dict[str, float] = Field(default_factory=dict)
    sex: dict[str, float] = Field(default_factory=dict)
    pregnancy: float | None = None
    note: str = ""
    refs: tuple[str, ...] = ()

    def for_person(self, age: float | None, sex: str | None, pregnant: bool) -> float:
        """The prior probability scaled for a person's age band, sex and pregnancy."""
        value = self.base
        band = age_band(age)
        if band is not None and band in self.age:
            value *= self.age[band]
        if sex and sex in self.sex:
            value *= self.sex[sex]
        if pregnant and self.pregnancy is not None:
            value *= self.pregnancy
        return min(value, 0.95)


class Concept(BaseModel):
    """A node of the knowledge graph, named in clinical and lay words, with codes."""

    model_config = ConfigDict(frozen=True)

    id: str
    kind: ConceptKind
    name: str
    lay_names: tuple[str, ...] = ()
    synonyms: tuple[str, ...] = ()
    codes: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    summary: str = ""
    attributes: dict[str, Any] = Field(default_factory=dict)
    prior: Prior | None = None
    version: int = 1

    @property
    def icd10(self) -> tuple[str, ...]:
        """ICD-10-CM codes of this concept (conditions only, usually)."""
        return self.codes.get("icd10cm", ())

    def all_names(self) -> tuple[str, ...]:
        """Preferred name first, then lay names and synonyms, without repeats."""
        seen: dict[str, None] = {}
        for name in (self.name, *self.lay_names, *self.synonyms):
            seen.setdefault(name, None)
        return tuple(seen)
