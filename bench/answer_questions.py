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

from results import add_row  # noqa: E402  (bench/ is on sys.path when run as a script)

from osler.answer import Asker
from osler.answer.evaluate import load_questions, score_questions
from osler.knowledge.loader import load_pack
from osler.model.knowledge_base import KnowledgeBase

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
        add_row(HEADER, line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
