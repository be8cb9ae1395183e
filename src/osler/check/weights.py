"""The one place where knowledge becomes numbers for the symptom checker.

The model (see `osler.check.infer`) is a naive-Bayes ranking in log-odds with a leak term:

* prior: `Prior.for_person(age, sex, pregnant)` of each condition;
* a present finding f listed for condition c with frequency p adds log(p / b_f), where b_f is the background rate
  of f among people who consult (`BACKGROUND`, by finding category);
* a present finding *not* listed for c adds log(LEAK / b_f) (LEAK is the chance that c shows a finding the pack
  does not list), scaled by `UNEXPLAINED_WEIGHT`; this penalty is what stops conditions that list many findings
  from winning merely because they list many;
* an absent finding (negated in text or answered no) adds log((1 - p) / (1 - b_f)) for listed findings only;
  unmentioned findings add nothing;
* `polarity: negative` claims mean the finding is rare in the condition: p is their (low) frequency;
* risk factors, medicines (`adverse_effect_of`) and a condition the person names as their own are likelihood
  ratios (odds ratios or relative risks when the claim states them, else a default by strength);
* a condition's `course` (acute, subacute, chronic, episodic) gives P(f|c) of each duration finding from
  `COURSE_DURATION`, against `DURATION_BACKGROUND`;
* 'something else' (conditions not in the pack) is a pseudo-condition with prior `OTHER_PRIOR` whose likelihood
  ratio is 1 for every finding.

Each log-likelihood ratio is multiplied by the claim's strength weight (`STRENGTH_WEIGHT`).
"""

from __future__ import annotations

import math

from osler.model.claim import Claim

FREQUENCY_BY_STRENGTH: dict[str, float] = {"weak": 0.3, "may_help": 0.35, "strong": 0.5, "definite": 0.7}
"""P(finding | condition) when a positive claim gives no frequency."""

NEGATIVE_FREQUENCY = 0.03
"""P(finding | condition) when a negative-polarity claim gives no frequency."""

LINK_RELATIONS: tuple[str, ...] = ("finding_of",)
"""Claims that make a finding evidence for a condition. `red_flag_for` is left out: a red flag of a condition is
often a sign of its complication (breathlessness in a leg clot means a lung clot), not of the condition itself."""


BACKGROUND: dict[str, float] = {
    "symptom": 0.06,
    "sign": 0.04,
    "timing": 0.10,
    "vital": 0.04,
    "lab": 0.03,
    "history": 0.06,
}
"""b_f: how often a finding of this category turns up in anyone who consults."""
DEFAULT_BACKGROUND = 0.06

LEAK = 0.012
"""P(finding | condition) for a finding the condition does not list."""

UNEXPLAINED_WEIGHT = 0.5
"""How hard an unexplained present finding counts against a condition."""

IMPLIED_UNEXPLAINED_WEIGHT = 0.0
"""Penalty weight for a general finding present only because a specific one implies it."""

IMPLIED_CREDIT = 0.7
"""Share of the credit a condition gets for a general finding present only because a specific finding it does
not list implies it (radiating sciatic pain implies leg pain, which night cramps list)."""

NEGATIVE_MAX_SHARE = 0.5
"""A `polarity: negative` claim's frequency is capped at this share of the finding's background rate, so that a
finding said to argue against a condition never counts for it."""

STRENGTH_WEIGHT: dict[str, float] = {"weak": 0.7, "may_help": 0.8, "strong": 1.0, "definite": 1.1}

RISK_FACTOR_LR: dict[str, float] = {"weak": 1.5, "may_help": 1.8, "strong": 2.5, "definite": 4.0}
"""Likelihood ratio of a present risk factor without an OR/RR."""
MAX_RISK_LR = 12.0

DRUG_LR: dict[str, float] = {"weak": 2.0, "may_help": 2.5, "strong": 4.0, "definite": 6.0}
"""Likelihood ratio of a medicine the person takes that can cause the condition."""

NAMED_CONDITION_LR = 4.0
"""Likelihood ratio when the person says they have (or have been told they have) the condition."""

OTHER_PRIOR = 0.05
"""Prior of 'something else' relative to the pack's conditions."""

MIN_PRIOR = 1e-5

PRIOR_WEIGHT = 0.5
"""Exponent on the prior (log prior is multiplied by it); below 1 tempers rough base rates."""


COURSE_DURATION: dict[str, tuple[float, float]] = {
    "acute": (1.0, 1.2),
    "subacute": (5.0, 1.4),
    "chronic": (60.0, 1.6),
    "episodic": (20.0, 2.2),
}
"""How long a complaint has lasted when people with a condition of each `course` ask for help: a log-normal
distribution of days given by its median and the standard deviation of the log. A duration finding (a range of
`duration_days`) gets P(f|c) from it as the share of the distribution inside the range."""

DURATION_BACKGROUND: tuple[float, float] = (7.0, 2.0)
"""The same distribution over everyone who consults: b_f of a duration finding."""

DURATION_FLOOR = 0.05
"""Smallest P(f|c) of a duration finding: an acute illness is sometimes described after weeks."""

COURSE_STRENGTH = "weak"
"""Strength of the evidence a condition's course gives (a curated label, not a measured frequency)."""


def duration_share(median: float, sigma: float, low: float | None, high: float | None) -> float:
    """Share of a log-normal distribution of days (median, log standard deviation) in [low, high)."""

    def below(days: float | None) -> float:
        if days is None:
            return 1.0
        if days <= 0:
            return 0.0
        return 0.5 * (1 + math.erf((math.log(days) - math.log(median)) / (sigma * math.sqrt(2))))

    return max(below(high) - (below(low) if low is not None else 0.0), 0.0)


def claim_frequency(claim: Claim) -> float:
    """P(finding | condition) for a finding claim, from its frequency or a default by strength and polarity."""
    if claim.frequency is not None:
        p = claim.frequency
    elif claim.polarity == "negative":
        p = NEGATIVE_FREQUENCY
    else:
        p = FREQUENCY_BY_STRENGTH.get(claim.strength, 0.4)
    return min(max(p, 0.002), 0.98)


def background(category: str | None) -> float:
    """b_f for a finding category."""
    return BACKGROUND.get(category or "", DEFAULT_BACKGROUND)


def present_weight(p: float, b: float, strength: str) -> float:
    """Log-likelihood ratio of a present finding with P(f|c)=p against background b."""
    return math.log(p / b) * STRENGTH_WEIGHT.get(strength, 1.0)


def absent_weight(p: float, b: float, strength: str) -> float:
    """Log-likelihood ratio of an absent finding with P(f|c)=p against background b."""
    return math.log((1 - p) / (1 - b)) * STRENGTH_WEIGHT.get(strength, 1.0)


UNEXPLAINED_BY_CATEGORY: dict[str, float] = {"timing": 0.0, "history": 0.5}
"""Per-category scaling of the unexplained penalty: timing words ('at night') describe how any complaint behaves
and say little against a condition that does not list them."""


def unexplained_weight(b: float, category: str | None = None) -> float:
    """Log-likelihood ratio of a present finding the condition does not list."""
    return math.log(LEAK / b) * UNEXPLAINED_WEIGHT * UNEXPLAINED_BY_CATEGORY.get(category or "", 1.0)


def risk_factor_lr(claim: Claim) -> float:
    """Log-likelihood ratio of a present risk factor (OR/RR when stated, else by strength; negative inverts)."""
    ratio = next(
        (s.value for s in claim.statistics if s.kind in ("OR", "RR", "HR", "LR+") and s.value > 0), None
    )
    if ratio is None:
        ratio = RISK_FACTOR_LR.get(claim.strength, 2.0)
    ratio = min(max(ratio, 1 / MAX_RISK_LR), MAX_RISK_LR)
    value = math.log(ratio)
    return -abs(value) if claim.polarity == "negative" else value


def drug_lr(claim: Claim) -> float:
    """Log-likelihood ratio of a medicine that can cause the condition."""
    value = math.log(DRUG_LR.get(claim.strength, 3.0))
    return -value if claim.polarity == "negative" else value
