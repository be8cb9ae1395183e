"""What a person gives the symptom checker: their story in words, and what is known about them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from osler.errors import InputError

SEXES = ("female", "male")


@dataclass(frozen=True)
class CaseInput:
    """Free text plus optional age, sex, pregnancy, medicines and answers to earlier next questions.

    `answers` maps a finding id to True (present) or False (absent); answers win over the text.
    """

    text: str
    age: float | None = None
    sex: str | None = None
    pregnant: bool | None = None
    medications: tuple[str, ...] = ()
    answers: Mapping[str, bool] = field(default_factory=dict)
    id: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.text, str):
            raise InputError("the case text must be a string")
        if self.age is not None and not 0 <= float(self.age) <= 130:
            raise InputError(f"age must be between 0 and 130 years, not {self.age}")
        if self.sex is not None and self.sex not in SEXES:
            raise InputError(f"sex must be 'female' or 'male', not '{self.sex}'")

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CaseInput:
        """A case from a JSON object with keys text, age, sex, pregnant, medications, answers, id."""
        if not isinstance(data, Mapping):
            raise InputError("a case must be a JSON object")
        text = data.get("text")
        if not isinstance(text, str) or not text.strip():
            raise InputError("a case needs a non-empty 'text'")
        age = data.get("age")
        if age is not None and (isinstance(age, bool) or not isinstance(age, int | float)):
            raise InputError("'age' must be a number")
        meds = data.get("medications") or ()
        if isinstance(meds, str) or not all(isinstance(m, str) for m in meds):
            raise InputError("'medications' must be a list of names")
        answers = data.get("answers") or {}
        if not isinstance(answers, Mapping) or not all(isinstance(v, bool) for v in answers.values()):
            raise InputError("'answers' must map finding ids to true or false")
        pregnant = data.get("pregnant")
        if pregnant is not None and not isinstance(pregnant, bool):
            raise InputError("'pregnant' must be true or false")
        case_id = data.get("id")
        return cls(
            text=text,
            age=float(age) if age is not None else None,
            sex=data.get("sex"),
            pregnant=pregnant,
            medications=tuple(meds),
            answers=dict(answers),
            id=str(case_id) if case_id is not None else None,
        )
