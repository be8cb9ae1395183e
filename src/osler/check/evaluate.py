"""Scoring the checker on vignettes, exactly as `shared/eval/README.md` describes.

An entry is correct when its lower-cased name contains a `dx` substring, or one of its ICD-10-CM codes starts
with an `icd` prefix (upper case, dots removed). Top-k over all cases and per block (D01-37, D38-71, D72-90 when
ids follow that pattern), triage accuracy (level among the accepted ones), under-triage of emergency cases
(accepted levels exactly ['emergency']), and self-care over-triage (cases whose accepted levels include
self_care that got a level more urgent than the most urgent accepted one).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from osler.check.case import CaseInput
from osler.check.checker import Checker
from osler.check.result import CheckResult
from osler.errors import InputError
from osler.model.rule import TRIAGE_ORDER

BLOCKS: tuple[tuple[str, int, int], ...] = (("D01-37", 1, 37), ("D38-71", 38, 71), ("D72-90", 72, 90))
_ID = re.compile(r"^D(\d+)$")


def shared_dir() -> Path:
    """The shared data folder: $OSLER_SHARED_DIR, else <repo>/../shared."""
    env = os.environ.get("OSLER_SHARED_DIR")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[4] / "shared"


def load_vignettes(path: Path) -> list[dict[str, Any]]:
    """Vignettes from a JSON-lines file (one object per line)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from None
    out = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{n}: not valid JSON ({exc.msg})") from None
    return out


def _norm(code: str) -> str:
    return code.upper().replace(".", "")


def is_correct(name: str, codes: Iterable[str], case: dict[str, Any]) -> bool:
    """True when a differential entry (name and ICD-10-CM codes) counts as correct for the case."""
    lowered = name.lower()
    if any(s in lowered for s in case.get("dx", ())):
        return True
    prefixes = [_norm(p) for p in case.get("icd", ())]
    return any(code and _norm(code).startswith(p) for code in codes for p in prefixes)


def rank_of_correct(result: CheckResult, case: dict[str, Any]) -> int | None:
    """The 1-based rank of the first correct entry, or None."""
    for rank, entry in enumerate(result.differential, 1):
        if is_correct(entry.name, entry.icd10, case):
            return rank
    return None


def _block(case_id: str) -> str | None:
    m = _ID.match(case_id or "")
    if not m:
        return None
    n = int(m.group(1))
    return next((name for name, lo, hi in BLOCKS if lo <= n <= hi), None)


def _rates(rows: list[dict[str, Any]]) -> dict[str, Any]:
    n = len(rows)
    emergency = [r for r in rows if r["emergency_case"]]
    selfcare = [r for r in rows if "self_care" in r["accepted"]]
    under = [r for r in emergency if r["level"] != "emergency"]
    over = [r for r in selfcare if TRIAGE_ORDER[r["level"]] > max(TRIAGE_ORDER[a] for a in r["accepted"])]
    return {
        "cases": n,
        "top1": sum(r["rank"] is not None and r["rank"] <= 1 for r in rows) / n if n else 0.0,
        "top3": sum(r["rank"] is not None and r["rank"] <= 3 for r in rows) / n if n else 0.0,
        "top10": sum(r["rank"] is not None and r["rank"] <= 10 for r in rows) / n if n else 0.0,
        "triage_accuracy": sum(r["triage_ok"] for r in rows) / n if n else 0.0,
        "emergency_cases": len(emergency),
        "under_triaged_emergencies": len(under),
        "under_triage_rate": len(under) / len(emergency) if emergency else 0.0,
        "self_care_cases": len(selfcare),
        "self_care_over_triage_rate": len(over) / len(selfcare) if selfcare else 0.0,
    }


def evaluate(checker: Checker, vignettes: list[dict[str, Any]]) -> dict[str, Any]:
    """Scores over all vignettes and per block, with every case's outcome and the misses."""
    rows: list[dict[str, Any]] = []
    for case in vignettes:
        result = checker.check(
            CaseInput(
                text=case["text"],
                age=case.get("age"),
                sex=case.get("sex"),
                pregnant=bool(case.get("pregnant", False)),
                id=case.get("id"),
            )
        )
        rank = rank_of_correct(result, case)
        accepted = list(case.get("triage", ()))
        rows.append(
            {
                "id": case.get("id"),
                "rank": rank,
                "top": [e.name for e in result.differential[:3]],
                "level": result.level,
                "accepted": accepted,
                "triage_ok": result.level in accepted,
                "emergency_case": accepted == ["emergency"],
                "dx": case.get("dx", [])[:2],
            }
        )
    report: dict[str, Any] = {"overall": _rates(rows), "blocks": {}}
    for name, _, _ in BLOCKS:
        block_rows = [r for r in rows if _block(str(r["id"])) == name]
        if block_rows:
            report["blocks"][name] = _rates(block_rows)
    report["misses"] = [
        r
        for r in rows
        if r["rank"] != 1 or not r["triage_ok"] or (r["emergency_case"] and r["level"] != "emergency")
    ]
    return report
