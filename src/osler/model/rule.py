"""Red-flag rules: findings that, together, call for a triage level whatever the probabilities say."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

TriageLevel = Literal["emergency", "urgent", "routine", "self_care"]
TRIAGE_ORDER: dict[str, int] = {"self_care": 0, "routine": 1, "urgent": 2, "emergency": 3}


class RedFlagRule(BaseModel):
    """Fires when all of `all_of` are present, at least `min_any` of `any_of`, and none of `none_of`."""

    model_config = ConfigDict(frozen=True)

    id: str
    level: TriageLevel
    reason: str
    condition: str | None = None
    all_of: tuple[str, ...] = ()
    any_of: tuple[str, ...] = ()
    min_any: int = 1
    none_of: tuple[str, ...] = ()
    min_age: float | None = None
    max_age: float | None = None
    sex: str | None = None
    pregnant: bool | None = None
    refs: tuple[str, ...] = ()
    review_status: str = "approved"

    def fires(self, present: set[str], age: float | None, sex: str | None, pregnant: bool) -> bool:
        """True when the present findings and the person match this rule.

        When the age is unknown, a minimum age does not stop the rule (a missed emergency is the worst error),
        while a maximum age (rules for young children) does.
        """
        if not self.all_of and not self.any_of:
            return False
        if any(f not in present for f in self.all_of):
            return False
        if self.any_of and sum(1 for f in self.any_of if f in present) < self.min_any:
            return False
        if any(f in present for f in self.none_of):
            return False
        if self.min_age is not None and age is not None and age < self.min_age:
            return False
        if self.max_age is not None and (age is None or age > self.max_age):
            return False
        if self.sex is not None and sex is not None and sex != self.sex:
            return False
        if self.pregnant is not None and pregnant != self.pregnant:
            return False
        return True
