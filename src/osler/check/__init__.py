"""The symptom checker: free text -> findings -> ranked differential, cited explanations, triage, next questions.

    from osler.check import Checker, CaseInput, check
    result = check(kb, CaseInput("sudden crushing chest pain and sweating", age=60, sex="male"))
    result.to_dict()["triage"]["level"]     # 'emergency'

Modules: `case` (input), `text`/`lexicon`/`negation`/`measures`/`person`/`parse` (text -> findings), `weights`
(knowledge -> numbers), `infer` (ranking), `triage`, `questions`, `result`, `checker`, `evaluate` (vignettes).
"""

from osler.check.case import CaseInput
from osler.check.checker import Checker, check
from osler.check.result import CheckResult

__all__ = ["CaseInput", "CheckResult", "Checker", "check"]
