"""Score the answer engine on a questions file (JSON lines with `id`, `q`, `audience`, `facts`).

Scoring follows shared/eval/README.md exactly: the answer text is the answer's headings and statements joined
by newlines; a fact is present when any of its patterns matches with re.IGNORECASE | re.DOTALL; coverage is the
share of a question's facts present. Reported: mean coverage, coverage of `safety-` and `pitfall-` facts
(pooled over all such facts), the leg block (Q01-Q16) and the broad block (the rest), the share of statements
that cite a reference, and the mean and highest Flesch-Kincaid grade of patient answers (with how many are
above grade 8).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from osler.answer.asker import Asker
from osler.answer.readability import PATIENT_GRADE_CEILING, fk_grade
from osler.errors import InputError

LEG_BLOCK_LAST = 16


def load_questions(path: Path) -> list[dict[str, Any]]:
    """The questions of a JSON-lines file; InputError when the file is missing or malformed."""
    if not path.is_file():
        raise InputError(f"no questions file at {path}")
    questions = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{number}: not JSON ({exc.msg})") from None
        if not isinstance(item, dict) or "q" not in item or "facts" not in item:
            raise InputError(f"{path}:{number}: a question needs 'q' and 'facts'")
        questions.append(item)
    return questions


def facts_present(question: dict[str, Any], text: str) -> dict[str, bool]:
    """Each fact id -> whether any of its patterns matches the text."""
    return {
        fact["id"]: any(re.search(pattern, text, re.IGNORECASE | re.DOTALL) for pattern in fact["any"])
        for fact in question["facts"]
    }


def _block(question_id: str) -> str:
    digits = re.sub(r"\D", "", question_id)
    return "leg" if digits and int(digits) <= LEG_BLOCK_LAST else "broad"


def _share(found: list[bool]) -> float | None:
    return round(sum(found) / len(found), 4) if found else None


def score_questions(asker: Asker, questions: list[dict[str, Any]]) -> dict[str, Any]:
    """Per-question coverage and the summary figures."""
    rows = []
    by_prefix: dict[str, list[bool]] = {"safety": [], "pitfall": []}
    statements = cited = 0
    grades: list[float] = []
    for question in questions:
        audience = question.get("audience", "patient")
        answer = asker.ask(question["q"], audience)
        present = facts_present(question, answer.text())
        for fact_id, found in present.items():
            prefix = fact_id.split("-", 1)[0]
            if prefix in by_prefix:
                by_prefix[prefix].append(found)
        all_statements = answer.statements()
        statements += len(all_statements)
        cited += sum(1 for s in all_statements if s.citations)
        grade = fk_grade("\n".join(s.text for s in all_statements)) if all_statements else None
        if audience == "patient" and grade is not None:
            grades.append(grade)
        rows.append(
            {
                "id": question.get("id", ""),
                "block": _block(str(question.get("id", ""))),
                "audience": audience,
                "intent": answer.intent,
                "focus": list(answer.focus),
                "coverage": round(sum(present.values()) / len(present), 4) if present else 0.0,
                "missing": [fact for fact, found in present.items() if not found],
                "statements": len(all_statements),
                "fk_grade": round(grade, 2) if grade is not None else None,
            }
        )
    blocks = {
        block: _mean([r["coverage"] for r in rows if r["block"] == block]) for block in ("leg", "broad")
    }
    return {
        "questions": len(rows),
        "mean_coverage": _mean([r["coverage"] for r in rows]),
        "safety_coverage": _share(by_prefix["safety"]),
        "pitfall_coverage": _share(by_prefix["pitfall"]),
        "leg_block_coverage": blocks["leg"],
        "broad_block_coverage": blocks["broad"],
        "statements": statements,
        "cited_share": round(cited / statements, 4) if statements else None,
        "patient_fk_grade_mean": _mean(grades),
        "patient_fk_grade_max": round(max(grades), 2) if grades else None,
        "patient_answers_above_grade_8": sum(1 for g in grades if g > PATIENT_GRADE_CEILING),
        "per_question": rows,
    }


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 4) if values else None
