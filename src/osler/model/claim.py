"""Claims: graded, sourced statements linking two concepts (or a concept and a sentence of text).

The relation vocabulary is closed. Direction is always *subject relation object*:

| relation              | subject                      | object            | reads as                                        |
|-----------------------|------------------------------|-------------------|-------------------------------------------------|
| finding_of            | finding                      | condition         | the finding occurs in the condition (frequency) |
| risk_factor_for       | risk factor / condition      | condition         | raises the chance of the condition (OR, RR)     |
| causes                | condition / drug / factor    | condition/finding | directly brings it about                        |
| associated_with       | any                          | any               | linked, direction unknown                       |
| adverse_effect_of     | condition / finding          | drug / drug class | an unwanted effect of the medicine              |
| treats                | treatment / drug             | condition         | relieves or cures it                            |
| prevents              | treatment / drug             | condition         | lowers the chance it starts or comes back       |
| not_recommended_for   | treatment / drug             | condition         | should not be used for it (harms or no benefit) |
| differential_of       | condition                    | condition         | commonly confused with it                       |
| red_flag_for          | finding                      | condition         | a warning sign needing prompt care              |
| complication_of       | condition                    | condition         | can follow from it                              |
| test_for              | test                         | condition         | helps diagnose or exclude it                    |
| mechanism_of          | condition                    | (optional)        | text: how it comes about                        |
| epidemiology_of       | condition                    | (optional)        | text: who gets it and how often                 |
| self_care_for         | condition                    | treatment (opt.)  | text: what a person can do at home              |
| see_doctor_for        | condition                    | (optional)        | text: when to get medical help                  |
| misconception_about   | condition                    | concept (opt.)    | text: a common belief and what evidence says    |
| outlook_of            | condition                    | (optional)        | text: course and prognosis                      |

| safety_of             | drug / treatment / any       | concept (opt.)    | text: safe use, doses, warnings, interactions   |

The last seven are *text relations*: their subject is the concept they describe and `text` carries the statement,
written in our own words. Every claim rests on references (`refs`) or evidence spans; a claim with neither is
curated knowledge pending review and is counted by `osler stats`.
"""

from __future__ import annotations

import hashlib
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

TextRelation = Literal[
    "mechanism_of",
    "epidemiology_of",
    "self_care_for",
    "see_doctor_for",
    "misconception_about",
    "outlook_of",
    "safety_of",
]
"""Relations whose claim is a statement in `text` about its subject."""

Relation = Literal[
    "finding_of",
    "risk_factor_for",
    "causes",
    "associated_with",
    "adverse_effect_of",
    "treats",
    "prevents",
    "not_recommended_for",
    "differential_of",
    "red_flag_for",
    "complication_of",
    "test_for",
    TextRelation,
]
CLAIM_RELATIONS: tuple[str, ...] = get_args(Relation)
TEXT_RELATIONS: frozenset[str] = frozenset(get_args(TextRelation))

Polarity = Literal["positive", "negative"]
Strength = Literal["weak", "may_help", "strong", "definite"]
STRENGTH_ORDER: dict[str, int] = {"weak": 0, "may_help": 1, "strong": 2, "definite": 3}
ReviewStatus = Literal["submitted", "under_review", "approved", "rejected"]
REVIEW_ORDER: dict[str, int] = {"rejected": 0, "submitted": 1, "under_review": 2, "approved": 3}


class Statistic(BaseModel):
    """A number a claim rests on: an odds ratio, relative risk, percentage, NNT ..."""

    model_config = ConfigDict(frozen=True)

    kind: Literal["OR", "RR", "HR", "percent", "NNT", "NNH", "LR+", "LR-", "prevalence", "incidence", "other"]
    value: float
    ci_low: float | None = None
    ci_high: float | None = None
    note: str = ""


class Population(BaseModel):
    """Who a claim applies to, when it does not apply to everyone."""

    model_config = ConfigDict(frozen=True)

    min_age: float | None = None
    max_age: float | None = None
    sex: Literal["female", "male"] | None = None
    pregnant: bool | None = None
    note: str = ""

    def is_everyone(self) -> bool:
        return self == Population()


class Evidence(BaseModel):
    """An exact quote from a stored source, located by character offsets into its plain text."""

    model_config = ConfigDict(frozen=True)

    source_id: str
    quote: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Claim(BaseModel):
    """A graded statement: subject, relation, object, polarity, strength, statistics and provenance."""

    model_config = ConfigDict(frozen=True)

    id: str
    subject: str
    relation: Relation
    object: str | None = None
    polarity: Polarity = "positive"
    strength: Strength = "strong"
    frequency: float | None = Field(default=None, ge=0, le=1)
    statistics: tuple[Statistic, ...] = ()
    population: Population = Population()
    text: str = ""
    refs: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    hedged: bool = False
    review_status: ReviewStatus = "approved"
    origin: str = "pack"
    version: int = 1

    @property
    def is_sourced(self) -> bool:
        """True when the claim rests on at least one reference or an evidence span."""
        return bool(self.refs or self.evidence)


def claim_id(origin: str, subject: str, relation: str, obj: str | None, text: str = "") -> str:
    """A stable id for a claim from where it came from and what it says."""
    digest = hashlib.sha1(f"{origin}|{subject}|{relation}|{obj}|{text}".encode()).hexdigest()[:12]
    return f"c-{digest}"
