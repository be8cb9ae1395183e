"""CLI commands for the ingest capability (registered on the shared Typer app): ingest, sources, claims,
conflicts, candidates."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from osler.cli.app import DB_OPTION, JSON_OPTION, app, console, err_console, open_session, print_json
from osler.errors import InputError

FORMAT_OPTION = typer.Option(
    "auto", "--format", help="Input format: auto, text, markdown, html, pdf or medquad (auto: by extension)."
)


@app.command()
def ingest(
    paths: list[Path] = typer.Argument(..., help="Files or folders to ingest."),
    format: str = FORMAT_OPTION,
    db: str | None = DB_OPTION,
    json_out: bool = JSON_OPTION,
) -> None:
    """Read articles or a corpus into graded, sourced claims (submitted for review); report new conflicts."""
    from osler.ingest import FORMAT_NAMES, ingest_paths

    if format not in FORMAT_NAMES:
        raise InputError(f"unknown format '{format}'; choose one of {', '.join(FORMAT_NAMES)}")
    session = open_session(db)
    kb = session.kb
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
    ) as bar:
        task = bar.add_task("ingesting", total=None)

        def progress(label: str, done: int, total: int) -> None:
            bar.update(task, description=f"ingesting {label}", completed=done, total=total)

        report = ingest_paths(session.engine, kb, paths, format=format, progress=progress)
    session.invalidate()
    data = report.to_dict()
    if json_out:
        print_json(data)
    else:
        console.print(
            f"Ingested {data['sources']} source(s) ({data['unchanged']} already present): "
            f"{data['claims']} new claim(s), {data['claims_merged']} merged, {data['evidence']} evidence span(s), "
            f"{data['references']} reference(s), {data['candidates']} candidate concept(s), "
            f"{data['new_conflicts']} new conflict(s), {len(data['errors'])} error(s)."
        )
        for error in data["errors"]:
            where = f"{error['path']} [{error['item']}]" if error["item"] else error["path"]
            err_console.print(f"error: {where}: {error['message']}")
    if data["errors"] and not data["sources"] and not data["unchanged"]:
        raise typer.Exit(1)


def _listing(db: str | None, json_out: bool, lister: Callable[..., Any], *args: Any) -> Any:
    """Run a listing over the database; print it as JSON and return None, or return the rows to render."""
    session = open_session(db)
    session.kb  # noqa: B018  (creates or checks the schema)
    data = lister(session.engine, *args)
    if json_out:
        print_json(data)
        return None
    return data


@app.command()
def sources(db: str | None = DB_OPTION, json_out: bool = JSON_OPTION) -> None:
    """List ingested sources with their reference lists and how many claims rest on each."""
    from osler.ingest import list_sources

    data = _listing(db, json_out, list_sources)
    if data is None:
        return
    table = Table("id", "kind", "title", "refs", "claims")
    for row in data:
        table.add_row(
            row["id"], row["kind"], row["title"][:70], str(len(row["references"])), str(row["claims"])
        )
    console.print(table)


@app.command()
def claims(
    source: str | None = typer.Option(None, "--source", help="Only claims resting on this source id."),
    db: str | None = DB_OPTION,
    json_out: bool = JSON_OPTION,
) -> None:
    """List ingested claims with their grade, statistics and exact evidence quotes."""
    from osler.ingest import list_claims

    data = _listing(db, json_out, list_claims, source)
    if data is None:
        return
    table = Table("subject", "relation", "object", "polarity", "strength", "sources", "status")
    for row in data:
        obj = row["object"]["name"] if row["object"] else ""
        table.add_row(
            row["subject"]["name"],
            row["relation"],
            obj,
            row["polarity"],
            row["strength"] + (" (hedged)" if row["hedged"] else ""),
            str(row["support"]),
            row["review_status"],
        )
    console.print(table)


@app.command()
def conflicts(db: str | None = DB_OPTION, json_out: bool = JSON_OPTION) -> None:
    """List claims on which sources (or a source and the shipped pack) disagree, with every side."""
    from osler.ingest import list_conflicts

    data = _listing(db, json_out, list_conflicts)
    if data is None:
        return
    if not data:
        console.print("No conflicts.")
    for row in data:
        console.print(f"[bold]{row['subject']} {row['relation']} {row['object']}[/bold]")
        for side in row["sides"]:
            console.print(f"  {side['polarity']}, {side['strength']}: {', '.join(side['sources'])}")


@app.command()
def candidates(db: str | None = DB_OPTION, json_out: bool = JSON_OPTION) -> None:
    """List terms ingestion found in relation slots that match no concept (proposed to editors)."""
    from osler.ingest import list_candidates

    data = _listing(db, json_out, list_candidates)
    if data is None:
        return
    table = Table("name", "count", "relations", "sources")
    for row in data:
        table.add_row(row["name"], str(row["count"]), ", ".join(row["relations"]), str(len(row["sources"])))
    console.print(table)
