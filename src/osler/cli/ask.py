"""CLI commands for the ask capability: `osler ask` and `osler eval questions` (registered on the shared app)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.table import Table

from osler.cli.app import DB_OPTION, JSON_OPTION, app, console, eval_app, open_session, print_json
from osler.model.knowledge_base import KnowledgeBase

if TYPE_CHECKING:  # the answer engine is imported only by the commands that use it (faster `osler check`)
    from osler.answer import Asker

PACK_OPTION = typer.Option(
    None,
    "--pack",
    help="Answer from this knowledge-pack folder instead of the database (no corpus passages).",
)


def _asker(db: str | None, pack: Path | None) -> Asker:
    from osler.answer import Asker

    if pack is not None:
        from osler.knowledge.loader import load_pack

        return Asker(KnowledgeBase.from_pack(load_pack(pack, strict=True)))
    session = open_session(db)
    return Asker(session.kb, engine=session.engine)


@app.command()
def ask(
    question: str = typer.Argument(..., help="A health question in plain words."),
    audience: str = typer.Option("patient", "--audience", help="Who is asking: patient or clinician."),
    db: str | None = DB_OPTION,
    pack: Path | None = PACK_OPTION,
    json_out: bool = JSON_OPTION,
) -> None:
    """Answer a question; every statement cites numbered references listed at the end."""
    answer = _asker(db, pack).ask(question, audience)
    if json_out:
        print_json(answer.to_dict())
        return
    from osler.answer import render_text

    console.print(render_text(answer), markup=False)


@eval_app.command("questions")
def eval_questions(
    file: Path = typer.Argument(..., help="Questions file (JSON lines with id, q, audience, facts)."),
    db: str | None = DB_OPTION,
    pack: Path | None = PACK_OPTION,
    json_out: bool = JSON_OPTION,
) -> None:
    """Score answers on a questions file: fact coverage, safety/pitfall coverage, citations, readability."""
    from osler.answer.evaluate import load_questions, score_questions

    report = score_questions(_asker(db, pack), load_questions(file))
    if json_out:
        print_json(report)
        return
    _render_report(report)


def _fmt(value: Any) -> str:
    return "-" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)


def _render_report(report: dict[str, Any]) -> None:
    table = Table("id", "audience", "intent", "coverage", "FK grade", "missing facts", title="Questions")
    for row in report["per_question"]:
        table.add_row(
            row["id"],
            row["audience"],
            row["intent"],
            _fmt(row["coverage"]),
            _fmt(row["fk_grade"]),
            ", ".join(row["missing"]),
        )
    console.print(table)
    summary = Table("measure", "value", title="Summary")
    for key in (
        "questions",
        "mean_coverage",
        "safety_coverage",
        "pitfall_coverage",
        "leg_block_coverage",
        "broad_block_coverage",
        "statements",
        "cited_share",
        "patient_fk_grade_mean",
        "patient_fk_grade_max",
        "patient_answers_above_grade_8",
    ):
        summary.add_row(key.replace("_", " "), _fmt(report[key]))
    console.print(summary)
