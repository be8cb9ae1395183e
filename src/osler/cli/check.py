"""CLI commands for the check capability: `osler check` and `osler eval vignettes`."""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from rich.table import Table

from osler.check import CaseInput, Checker, CheckResult
from osler.check.batch import json_lines
from osler.check.evaluate import evaluate, load_vignettes
from osler.cli.app import DB_OPTION, JSON_OPTION, app, console, eval_app, open_session, print_json
from osler.errors import InputError
from osler.model.knowledge_base import KnowledgeBase

PACK_OPTION = typer.Option(
    None, "--pack", help="Read the knowledge from this pack folder instead of the database."
)
ANSWERS = {"yes": True, "y": True, "true": True, "no": False, "n": False, "false": False}


def _knowledge(db: str | None, pack: Path | None) -> KnowledgeBase:
    if pack is not None:
        from osler.knowledge.loader import load_pack

        return KnowledgeBase.from_pack(load_pack(pack))
    return open_session(db).kb


def _parse_answers(items: list[str]) -> dict[str, bool]:
    out: dict[str, bool] = {}
    for item in items:
        finding, sep, value = item.partition("=")
        if not sep or value.strip().lower() not in ANSWERS:
            raise InputError(f"--answer takes FINDING=yes|no, not '{item}'")
        out[finding.strip()] = ANSWERS[value.strip().lower()]
    return out


@app.command("check")
def check_command(
    text: str | None = typer.Argument(None, help="What is wrong, in your own words."),
    age: float | None = typer.Option(None, "--age", help="Age in years."),
    sex: str | None = typer.Option(None, "--sex", help="female or male."),
    pregnant: bool = typer.Option(False, "--pregnant", help="The person is pregnant."),
    medication: list[str] = typer.Option([], "--medication", help="A medicine taken (repeat for more)."),
    answer: list[str] = typer.Option([], "--answer", help="An answer to a next question: FINDING=yes|no."),
    batch: Path | None = typer.Option(None, "--batch", help="Check every case in a JSON-lines file."),
    interactive: bool = typer.Option(False, "--interactive", help="Answer next questions in the terminal."),
    workers: int | None = typer.Option(
        None,
        "--workers",
        min=1,
        help="Processes for --batch (default: one per CPU; results keep input order).",
    ),
    db: str | None = DB_OPTION,
    pack: Path | None = PACK_OPTION,
    json_out: bool = JSON_OPTION,
) -> None:
    """Check symptoms: a ranked list of possible causes, how urgently to get care, and what to ask next."""
    if batch is not None:
        _run_batch(Checker(_knowledge(db, pack)), batch, workers)
        return
    if text is None and not interactive:
        raise InputError("give the symptoms as text, or use --batch FILE or --interactive")
    checker = Checker(_knowledge(db, pack))
    if interactive:
        _run_interactive(checker, text, age, sex, pregnant or None, tuple(medication), _parse_answers(answer))
        return
    case = CaseInput(
        text=text or "",
        age=age,
        sex=sex,
        pregnant=True if pregnant else None,
        medications=tuple(medication),
        answers=_parse_answers(answer),
    )
    result = checker.check(case)
    if json_out:
        print_json(result.to_dict())
        return
    _render(result)


def _run_batch(checker: Checker, path: Path, workers: int | None) -> None:
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from None
    with handle:
        for text in json_lines(checker, handle, workers):
            sys.stdout.write(text + "\n")


def _run_interactive(
    checker: Checker,
    text: str | None,
    age: float | None,
    sex: str | None,
    pregnant: bool | None,
    medications: tuple[str, ...],
    answers: dict[str, bool],
) -> None:
    try:
        if not text:
            text = typer.prompt("Describe what is wrong")
        skipped: set[str] = set()
        while True:
            case = CaseInput(text or "", age, sex, pregnant, medications, dict(answers))
            result = checker.check(case)
            _render(result, questions=False)
            question = next((q for q in result.next_questions if q["finding"] not in skipped), None)
            if question is None:
                break
            reply = typer.prompt(f"{question['text']} [yes/no/not sure, or 'done']", default="not sure")
            reply = reply.strip().lower()
            if reply in ("done", "quit", "q", "stop"):
                break
            if reply in ANSWERS:
                answers[question["finding"]] = ANSWERS[reply]
            else:
                skipped.add(question["finding"])
    except (typer.Abort, EOFError):
        console.print("\n(no more answers)")


def _render(result: CheckResult, questions: bool = True) -> None:
    level = result.level.replace("_", " ")
    colour = {"emergency": "bold red", "urgent": "bold yellow", "routine": "bold", "self_care": "bold green"}
    console.print(f"[{colour[result.level]}]Triage: {level}[/]")
    for reason in result.reasons:
        console.print(f"  - {reason}")
    if result.differential:
        table = Table("#", "possible cause", "chance", "because", "against")
        for i, entry in enumerate(result.differential, 1):
            table.add_row(
                str(i),
                entry.name,
                f"{round(entry.probability * 100)}%",
                ", ".join(e.label for e in entry.supporting[:4]),
                ", ".join(e.label for e in entry.opposing[:3]),
            )
        console.print(table)
        console.print(f"Something else: {round(result.something_else * 100)}%")
    else:
        console.print("No condition in the knowledge base matches what was described.")
    if questions and result.next_questions:
        console.print("[bold]It would help to know:[/bold]")
        for q in result.next_questions:
            console.print(f"  ? {q['text']}  (--answer {q['finding']}=yes|no)")
    console.print(f"[dim]{result.disclaimer}[/dim]")


@eval_app.command("vignettes")
def eval_vignettes(
    file: Path = typer.Argument(..., help="A vignettes JSON-lines file (see shared/eval/README.md)."),
    db: str | None = DB_OPTION,
    pack: Path | None = PACK_OPTION,
    json_out: bool = JSON_OPTION,
) -> None:
    """Score the symptom checker: top-1/3/10, triage accuracy, under-triage, self-care over-triage, misses."""
    report = evaluate(Checker(_knowledge(db, pack)), load_vignettes(file))
    if json_out:
        print_json(report)
        return
    table = Table(
        "set", "cases", "top-1", "top-3", "top-10", "triage", "under-triaged emerg.", "self-care over"
    )
    rows = [("overall", report["overall"]), *report["blocks"].items()]
    for name, r in rows:
        table.add_row(
            name,
            str(r["cases"]),
            f"{r['top1']:.3f}",
            f"{r['top3']:.3f}",
            f"{r['top10']:.3f}",
            f"{r['triage_accuracy']:.3f}",
            f"{r['under_triaged_emergencies']}/{r['emergency_cases']} ({r['under_triage_rate']:.3f})",
            f"{r['self_care_over_triage_rate']:.3f}",
        )
    console.print(table)
    if report["misses"]:
        console.print("[bold]Misses[/bold] (rank of the correct diagnosis; level given / accepted)")
        for m in report["misses"]:
            console.print(
                f"  {m['id']}: rank {m['rank'] or '-'}; {m['level']} / {','.join(m['accepted'])}; "
                f"top: {' | '.join(m['top'])}; want: {', '.join(m['dx'])}"
            )
