"""The schema of knowledge-pack files (YAML), validated at load time with precise file and field errors.

A pack is a folder with these sub-folders (see docs/knowledge.md for the authoring guide):

- ``conditions/<id>.yaml`` — one condition per file, with its findings, risk factors, medicines, treatments,
  red flags, differentials and text statements, every item citing reference ids (or marked ``curated``).
- ``findings/*.yaml``, ``drugs/*.yaml``, ``concepts/*.yaml`` — lists of concepts.
- ``references/*.yaml`` — lists of references, each with a locator (DOI, PMID or URL).
- ``rules/*.yaml`` — red-flag rules that do not belong to one condition, and shared-name rules.
- ``notes/*.yaml`` — statements (text claims) about any existing concept, e.g. a drug's safe use.
- ``names/*.yaml`` — extra lay names and synonyms for existing concepts.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from osler.model.claim import Polarity, Statistic, Strength, TextRelation
from osler.model.concept import AGE_BANDS
from osler.model.reference import ReferenceKind
from osler.model.rule import TriageLevel

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
FREQUENCY_WORDS: dict[str, float] = {
    "always": 0.98,
    "almost_always": 0.9,
    "usually": 0.75,
    "often": 0.5,
    "sometimes": 0.25,
    "occasionally": 0.1,
    "rare": 0.03,
}


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Sourced(Strict):
    """Anything an editor asserts: it cites references, or says honestly that it is curated pending review."""

    refs: tuple[str, ...] = ()
    curated: bool = False
    note: str = ""

    @model_validator(mode="after")
    def _cited_or_curated(self) -> Sourced:
        if not self.refs and not self.curated:
            raise ValueError("cite at least one reference in 'refs' or mark the item 'curated: true'")
        return self


class PopulationSpec(Strict):
    min_age: float | None = None
    max_age: float | None = None
    sex: Literal["female", "male"] | None = None
    pregnant: bool | None = None
    note: str = ""


class LinkSpec(Sourced):
    """A link from a condition to another concept (finding, risk factor, drug, treatment, test, condition)."""

    id: str = Field(pattern=SLUG)
    polarity: Polarity = "positive"
    strength: Strength = "strong"
    frequency: (
        float
        | Literal["always", "almost_always", "usually", "often", "sometimes", "occasionally", "rare"]
        | None
    ) = None
    statistics: tuple[Statistic, ...] = ()
    population: PopulationSpec | None = None
    text: str = ""

    def frequency_value(self) -> float | None:
        if isinstance(self.frequency, str):
            return FREQUENCY_WORDS[self.frequency]
        return self.frequency

    @field_validator("frequency")
    @classmethod
    def _frequency_in_range(cls, value: float | str | None) -> float | str | None:
        if isinstance(value, float | int) and not 0 <= value <= 1:
            raise ValueError("frequency is a proportion between 0 and 1")
        return value


class TreatmentSpec(LinkSpec):
    relation: Literal["treats", "prevents", "not_recommended_for"] = "treats"
    harms: str = ""


class DifferentialSpec(Sourced):
    id: str = Field(pattern=SLUG)
    how_to_tell: str


class StatementSpec(Sourced):
    """A sentence in our own words about the condition, optionally about a related concept."""

    text: str = Field(min_length=3)
    about: str | None = Field(default=None, pattern=SLUG)
    contested: bool = False
    polarity: Polarity = "positive"
    strength: Strength = "strong"
    population: PopulationSpec | None = None


class RedFlagSpec(Sourced):
    id: str = Field(pattern=SLUG)
    level: TriageLevel
    reason: str = Field(min_length=3)
    all: tuple[str, ...] = ()
    any: tuple[str, ...] = ()
    min_any: int = 1
    none: tuple[str, ...] = ()
    min_age: float | None = None
    max_age: float | None = None
    sex: Literal["female", "male"] | None = None
    pregnant: bool | None = None

    @model_validator(mode="after")
    def _has_trigger(self) -> RedFlagSpec:
        if not self.all and not self.any:
            raise ValueError("a red flag needs findings in 'all' or 'any'")
        return self


class PriorSpec(Sourced):
    base: float = Field(gt=0, le=1)
    age: dict[str, float] = Field(default_factory=dict)
    sex: dict[Literal["female", "male"], float] = Field(default_factory=dict)
    pregnancy: float | None = None

    @field_validator("age")
    @classmethod
    def _known_bands(cls, value: dict[str, float]) -> dict[str, float]:
        unknown = sorted(set(value) - set(AGE_BANDS))
        if unknown:
            raise ValueError(f"unknown age band(s) {unknown}; use {list(AGE_BANDS)}")
        return value


class CareSpec(Sourced):
    """The level of care the condition usually needs when no red flag fires."""

    level: TriageLevel


class SummarySpec(Sourced):
    text: str = Field(min_length=10)


class ConditionFile(Strict):
    """One condition with everything the pack says about it."""

    id: str = Field(pattern=SLUG)
    name: str
    lay_names: tuple[str, ...] = ()
    synonyms: tuple[str, ...] = ()
    icd10: tuple[str, ...] = Field(min_length=1)
    domains: tuple[str, ...] = ()
    category: str = ""
    summary: SummarySpec
    prior: PriorSpec
    care: CareSpec
    course: Literal["acute", "subacute", "chronic", "episodic"] | None = None
    """How long the complaint has usually lasted when people first ask for help (a curated label): hours to days,
    days to weeks, weeks to years, or recurring attacks with well spells between."""
    findings: tuple[LinkSpec, ...] = ()
    risk_factors: tuple[LinkSpec, ...] = ()
    drugs: tuple[LinkSpec, ...] = ()
    causes: tuple[LinkSpec, ...] = ()
    associated: tuple[LinkSpec, ...] = ()
    complications: tuple[LinkSpec, ...] = ()
    tests: tuple[LinkSpec, ...] = ()
    treatments: tuple[TreatmentSpec, ...] = ()
    differentials: tuple[DifferentialSpec, ...] = ()
    red_flags: tuple[RedFlagSpec, ...] = ()
    mechanisms: tuple[StatementSpec, ...] = ()
    epidemiology: tuple[StatementSpec, ...] = ()
    self_care: tuple[StatementSpec, ...] = ()
    see_doctor: tuple[StatementSpec, ...] = ()
    misconceptions: tuple[StatementSpec, ...] = ()
    outlook: tuple[StatementSpec, ...] = ()


class MeasureSpec(Strict):
    """A numeric reading that makes a finding present when it falls in [low, high)."""

    quantity: str
    low: float | None = None
    high: float | None = None


class ConceptEntry(Strict):
    """A finding, risk factor, treatment, test, body part, drug or drug class."""

    id: str = Field(pattern=SLUG)
    kind: Literal["finding", "risk_factor", "drug", "drug_class", "treatment", "test", "body_part"] | None = (
        None
    )
    name: str
    lay_names: tuple[str, ...] = ()
    synonyms: tuple[str, ...] = ()
    hpo: str | None = Field(default=None, pattern=r"^HP:\d{7}$")
    atc: str | None = None
    rxnorm: str | None = None
    brands: tuple[str, ...] = ()
    classes: tuple[str, ...] = ()
    category: str = ""
    body_part: str | None = None
    question: str = ""
    options: tuple[str, ...] = ()
    implies: tuple[str, ...] = ()
    excludes: tuple[str, ...] = ()
    measure: MeasureSpec | None = None
    summary: str = ""


class ReferenceEntry(Strict):
    id: str = Field(pattern=SLUG)
    kind: ReferenceKind
    title: str = Field(min_length=3)
    authors: tuple[str, ...] = ()
    year: int | None = Field(default=None, ge=1800, le=2100)
    source: str = ""
    doi: str | None = Field(default=None, pattern=r"^10\.\d{4,9}/\S+$")
    pmid: str | None = Field(default=None, pattern=r"^\d{1,9}$")
    url: str | None = Field(default=None, pattern=r"^https?://\S+$")
    verified: str = ""
    note: str = ""


class RuleEntry(RedFlagSpec):
    """A red-flag rule that stands on its own (not inside a condition file)."""

    condition: str | None = Field(default=None, pattern=SLUG)


class NoteEntry(StatementSpec):
    """A statement attached to any existing concept from a `notes/*.yaml` file (e.g. a drug's safe dose)."""

    concept: str = Field(pattern=SLUG)
    relation: TextRelation


class NamesEntry(Strict):
    """Extra words for an existing concept, from a `names/*.yaml` file (so non-owners can extend vocabulary)."""

    concept: str = Field(pattern=SLUG)
    lay_names: tuple[str, ...] = ()
    synonyms: tuple[str, ...] = ()


class SharedNameEntry(Strict):
    """Allows one name to belong to several concepts, and says which to prefer when text is ambiguous."""

    name: str
    concepts: tuple[str, ...] = Field(min_length=2)
    prefer: str
