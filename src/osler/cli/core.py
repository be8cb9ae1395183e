"""Foundation commands: init, stats, conditions, show, knowledge lint."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from rich.table import Table

from osler.cli.app import DB_OPTION, JSON_OPTION, app, console, knowledge_app, open_session, print_json


@app.command()
def init(
    db: str | None = DB_OPTION,
    pack: Path | None = typer.Option(
        None, "--pack", help="Load this pack folder instead of the shipped one."
    ),
    json_out: bool = JSON_OPTION,
) -> None:
    """Create or migrate the database and load the knowledge pack (safe to run again)."""
    report = open_session(db).init(pack)
    if json_out:
        print_json(report.to_dict())
        return
    console.print(f"Database ready at {report.database} (schema {report.revision_after}).")
    for table, counts in report.changes.items():
        parts = ", ".join(f"{n} {what}" for what, n in sorted(counts.items()))
        console.print(f"  {table}: {parts}")


@app.command()
def stats(
    db: str | None = DB_OPTION,
    domain: str | None = typer.Option(None, "--domain", help="Only this domain, e.g. legs-at-night."),
    json_out: bool = JSON_OPTION,
) -> None:
    """Count conditions, findings, drugs, claims, references and sourcing gaps."""
    data = open_session(db).stats(domain)
    if json_out:
        print_json(data)
        return
    table = Table("what", "count", title="osler knowledge base")
    for key, value in data.items():
        table.add_row(key.replace("_", " "), str(value))
    console.print(table)


@app.command()
def conditions(db: str | None = DB_OPTION, json_out: bool = JSON_OPTION) -> None:
    """List every condition with its ICD-10-CM codes."""
    data = open_session(db).conditions()
    if json_out:
        print_json(data)
        return
    table = Table("id", "name", "ICD-10-CM")
    for row in data:
        table.add_row(row["id"], row["name"], ", ".join(row["icd10"]))
    console.print(table)


@app.command()
def show(
    concept: str = typer.Argument(..., help="A concept id or any of its names, e.g. 'nocturnal-leg-cramps'."),
    db: str | None = DB_OPTION,
    json_out: bool = JSON_OPTION,
) -> None:
    """Everything the knowledge base says about a concept, each line with its references."""
    data = open_session(db).show(concept)
    if json_out:
        print_json(data)
        return
    _render_show(data)


def _cite(numbers: list[int]) -> str:
    return f" [{', '.join(map(str, numbers))}]" if numbers else " [unsourced: pending review]"


def _render_show(data: dict[str, Any]) -> None:
    codes = "; ".join(f"{k}: {', '.join(v)}" for k, v in data["codes"].items())
    console.print(
        f"[bold]{data['name']}[/bold] ({data['kind']}, {data['id']}){'  ' + codes if codes else ''}"
    )
    if data["lay_names"] or data["synonyms"]:
        console.print("Also called: " + ", ".join(data["synonyms"] + data["lay_names"]))
    if data.get("summary"):
        console.print(data["summary"] + _cite(data.get("summary_citations", [])))
    if "prior" in data:
        prior = data["prior"]
        console.print(
            f"Who gets it: {prior.get('note') or 'base rate ' + str(prior['base'])}{_cite(prior['citations'])}"
        )
    if "usual_care" in data:
        care = data["usual_care"]
        console.print(f"Usual level of care: {care['level']}{_cite(care['citations'])}")
    for section, lines in data["sections"].items():
        console.print(f"\n[bold]{section.replace('_', ' ').capitalize()}[/bold]")
        for line in lines:
            label = line["concept"]["name"] if line["concept"] else ""
            bits = [b for b in (label, line["text"]) if b]
            extra = []
            if line["polarity"] == "negative":
                extra.append("argues against / no")
            if "frequency" in line:
                extra.append(f"in ~{round(line['frequency'] * 100)}%")
            extra.append(line["strength"].replace("_", " "))
            if line.get("contested"):
                extra.append("contested")
            console.print(f"  - {': '.join(bits)} ({', '.join(extra)}){_cite(line['citations'])}")
    for rule in data.get("red_flag_rules", []):
        console.print(f"  ! [{rule['level']}] {rule['reason']}{_cite(rule['citations'])}")
    if data["references"]:
        console.print("\n[bold]References[/bold]")
        for ref in data["references"]:
            where = ref.get("url") or ""
            console.print(
                f"  {ref['n']}. {ref['title']} ({ref.get('year') or 'n.d.'}) {ref.get('source') or ''} {where}"
            )


@knowledge_app.command("lint")
def knowledge_lint(
    pack: Path | None = typer.Option(
        None, "--pack", help="Lint this pack folder instead of the shipped one."
    ),
    json_out: bool = JSON_OPTION,
) -> None:
    """Report every problem in the knowledge pack with its file and field (exit 1 on any error)."""
    from osler.knowledge.lint import errors_only, lint_pack

    problems = lint_pack(pack)
    errors = errors_only(problems)
    if json_out:
        print_json(
            {
                "errors": len(errors),
                "warnings": len(problems) - len(errors),
                "problems": [p.to_dict() for p in problems],
            }
        )
    else:
        for p in problems:
            console.print(f"{p.severity}: {p.file}: {p.field}: {p.message}", markup=False)
        console.print(f"{len(errors)} error(s), {len(problems) - len(errors)} warning(s)")
    if errors:
        raise typer.Exit(1)
