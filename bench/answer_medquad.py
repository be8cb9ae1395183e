"""Benchmark: corpus answers from MedQuAD on topics outside the knowledge pack (osler.answer.corpus).

    python bench/answer_medquad.py [--db URL] [--n 30] [--append-results]

A held-out style check of retrieval and ranking. From MedQuAD (shared/corpora/medquad), it takes a deterministic
sample of question-answer pairs whose focus the pack does not know (no concept name matches it), spread over the
common consumer question types, and asks each question twice: as MedQuAD words it ("What are the symptoms of X
?") and as a person might ("What are the signs of X?", from a fixed template per question type). An answer is
scored on its first quoted passage:

- *focus@1*: the passage is about the same focus (same document, or the same focus name);
- *type@1*: it is also of the same question type (the reference answer or its twin from another NIH site);
- *item@3*: the exact MedQuAD answer is among the quoted passages;
- *readable*: the patient answer reads at Flesch-Kincaid grade 8 or below; *cited*: every statement is cited
  and every reference carries the MedQuAD item id and a URL.

The database must hold the ingested corpus (`osler init` then `osler ingest --format medquad
shared/corpora/medquad/medquad.jsonl.gz`). `--append-results` appends a row to bench/RESULTS.md (section
"Answers: MedQuAD corpus questions").
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from results import add_row  # noqa: E402  (bench/ is on sys.path when run as a script)
from sqlalchemy import create_engine, text

from osler.answer import Asker
from osler.answer.focus import NameIndex
from osler.answer.readability import PATIENT_GRADE_CEILING, fk_grade
from osler.store import load_knowledge_base

SECTION = "## Answers: MedQuAD corpus questions (bench/answer_medquad.py)"
HEADER = (
    f"\n{SECTION}\n\n"
    "| date | questions | wording | focus@1 | type@1 | item@3 | answered | readable | cited | ms per answer | "
    "python |\n|---|---|---|---|---|---|---|---|---|---|---|\n"
)
QTYPES = (
    "information",
    "symptoms",
    "treatment",
    "causes",
    "exams and tests",
    "inheritance",
    "prevention",
    "outlook",
)
# how a person might ask, per MedQuAD question type
CONSUMER: dict[str, str] = {
    "information": "Tell me about {focus}",
    "symptoms": "What are the signs of {focus}?",
    "treatment": "How is {focus} treated?",
    "causes": "Why do people get {focus}?",
    "exams and tests": "How do doctors test for {focus}?",
    "inheritance": "Does {focus} run in families?",
    "prevention": "Can {focus} be prevented?",
    "outlook": "What is the outlook for people with {focus}?",
}


def sample(path: Path, index: NameIndex, n: int) -> list[dict[str, Any]]:
    """n pairs (deterministic) whose focus the pack does not know, round-robin over the question types."""
    by_type: dict[str, list[dict[str, Any]]] = {q: [] for q in QTYPES}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if record["qtype"] in by_type and record["focus"] and record["url"]:
                by_type[record["qtype"]].append(record)
    chosen: list[dict[str, Any]] = []
    seen_focus: set[str] = set()
    positions = dict.fromkeys(QTYPES, 0)
    while len(chosen) < n and any(positions[q] < len(by_type[q]) for q in QTYPES):
        for qtype in QTYPES:
            records = sorted(by_type[qtype], key=lambda r: r["id"])
            step = max(1, len(records) // n)
            while positions[qtype] < len(records):
                record = records[positions[qtype]]
                positions[qtype] += step
                focus = record["focus"].lower()
                if focus not in seen_focus and not index.match(record["focus"]):
                    seen_focus.add(focus)
                    chosen.append(record)
                    break
            if len(chosen) >= n:
                break
    return chosen


def score(asker: Asker, record: dict[str, Any], question: str) -> dict[str, Any]:
    """One question's result."""
    started = time.perf_counter()
    answer = asker.ask(question, "patient")
    elapsed = time.perf_counter() - started
    numbers = [n for s in answer.sections if s.key == "library" for st in s.statements for n in st.citations]
    by_number = {r.n: r for r in answer.references}
    cited = [by_number[n] for n in dict.fromkeys(numbers)]
    quoted = [r.id.split(":")[-1] for r in cited]
    doc = record["id"].rsplit("_Sec", 1)[0]
    first_ref = cited[0] if cited else None
    same_focus = first_ref is not None and (
        quoted[0].rsplit("_Sec", 1)[0] == doc or record["focus"].lower() in first_ref.title.lower()
    )
    statements = answer.statements()
    return {
        "answered": first_ref is not None,
        "focus": same_focus,
        "type": same_focus and first_ref is not None and _same_type(first_ref.title, record["question"]),
        "item": record["id"] in quoted[:3],
        "readable": fk_grade("\n".join(s.text for s in statements)) <= PATIENT_GRADE_CEILING,
        "cited": all(s.citations for s in statements) and all(r.url for r in cited),
        "seconds": elapsed,
    }


def _same_type(title: str, question: str) -> bool:
    """Reference questions are templated per type: same text once the focus is taken out."""
    return title.split(" ")[:3] == question.split(" ")[:3]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--db", default=os.environ.get("OSLER_DATABASE_URL"), help="database with MedQuAD ingested"
    )
    parser.add_argument("--n", type=int, default=30, help="questions to sample")
    parser.add_argument("--append-results", action="store_true", help="append the result to bench/RESULTS.md")
    parser.add_argument("--verbose", action="store_true", help="print each question and its first passage")
    args = parser.parse_args()
    shared = Path(os.environ.get("OSLER_SHARED_DIR", Path(__file__).parents[2] / "shared"))
    corpus = shared / "corpora" / "medquad" / "medquad.jsonl.gz"
    if not corpus.exists() or not args.db:
        print("needs shared/corpora/medquad and --db (or OSLER_DATABASE_URL)", file=sys.stderr)
        return 1
    engine = create_engine(args.db)
    with engine.connect() as conn:
        if not conn.execute(text("SELECT count(*) FROM passages")).scalar():
            print("no passages in the database: run osler ingest --format medquad first", file=sys.stderr)
            return 1
    kb = load_knowledge_base(engine)
    asker = Asker(kb, engine=engine)
    records = sample(corpus, NameIndex(kb), args.n)
    for wording in ("medquad", "consumer"):
        rows = []
        for record in records:
            question = (
                record["question"] if wording == "medquad" else CONSUMER[record["qtype"]].format(**record)
            )
            row = score(asker, record, question)
            rows.append(row)
            if args.verbose:
                print(
                    f"{wording:8} {record['id']:28} focus={row['focus']!s:5} type={row['type']!s:5} {question}"
                )
        share = {
            k: sum(r[k] for r in rows) / len(rows)
            for k in ("focus", "type", "item", "answered", "readable", "cited")
        }
        ms = 1000 * sum(r["seconds"] for r in rows) / len(rows)
        line = (
            f"| {datetime.now(UTC):%Y-%m-%d} | {len(rows)} | {wording} | {share['focus']:.2f} | {share['type']:.2f} | "
            f"{share['item']:.2f} | {share['answered']:.2f} | {share['readable']:.2f} | {share['cited']:.2f} | "
            f"{ms:.0f} | {platform.python_version()} |"
        )
        print(line)
        if args.append_results:
            add_row(HEADER, line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
