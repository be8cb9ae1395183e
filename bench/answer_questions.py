"""Benchmark: answer the dev questions from the shipped pack and score them (osler.answer).

    python bench/answer_questions.py [--append-results]

Prints mean fact coverage, cited share, patient FK grade (mean and highest) and time per answer (with follow-up
checking); `--append-results` adds a row to the table of bench/RESULTS.md section "Answers: dev questions".
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from osler.answer import Asker
from osler.answer.evaluate import load_questions, score_questions
from osler.knowledge.loader import load_pack
from osler.model.knowledge_base import KnowledgeBase

RESULTS = Path(__file__).parent / "RESULTS.md"
HEADER = (
    "\n## Answers: dev questions (bench/answer_questions.py)\n\n"
    "| date | questions | mean coverage | safety | pitfall | cited | patient FK | ms per answer | kb | python |\n"
    "|---|---|---|---|---|---|---|---|---|---|\n"
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--append-results", action="store_true", help="append the result to bench/RESULTS.md")
    args = parser.parse_args()
    shared = Path(os.environ.get("OSLER_SHARED_DIR", Path(__file__).parents[2] / "shared"))
    questions_path = shared / "eval" / "questions-dev.jsonl"
    if not questions_path.exists():
        print(f"questions not found at {questions_path}; set OSLER_SHARED_DIR", file=sys.stderr)
        return 1
    kb = KnowledgeBase.from_pack(load_pack())
    asker = Asker(kb)
    questions = load_questions(questions_path)
    started = time.perf_counter()
    report = score_questions(asker, questions)
    per_answer = (time.perf_counter() - started) * 1000 / max(len(questions), 1)
    line = (
        f"| {datetime.now(UTC):%Y-%m-%d} | {report['questions']} | {report['mean_coverage']:.3f} | "
        f"{report['safety_coverage']:.3f} | {report['pitfall_coverage']:.3f} | {report['cited_share']:.3f} | "
        f"{report['patient_fk_grade_mean']:.2f} (max {report['patient_fk_grade_max']:.2f}) | {per_answer:.0f} | "
        f"{len(kb.concepts)} concepts | "
        f"{platform.python_version()} |"
    )
    print(line)
    if args.append_results:
        append(line)
    return 0


def append(line: str) -> None:
    """Add a row at the end of this benchmark's table in bench/RESULTS.md (the section is created if missing)."""
    section = HEADER.strip().splitlines()[0]
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    if section not in text:
        RESULTS.write_text(text.rstrip("\n") + "\n" + HEADER + line + "\n", encoding="utf-8")
        return
    head, rest = text.split(section, 1)
    lines = rest.split("\n")
    first = next(i for i, row in enumerate(lines) if row.startswith("|"))
    last = first
    while last + 1 < len(lines) and lines[last + 1].startswith("|"):
        last += 1  # the end of this section's table, not a later section's
    lines.insert(last + 1, line)
    RESULTS.write_text(head + section + "\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
