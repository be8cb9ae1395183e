"""The Typer application object and the helpers every command module shares."""

from __future__ import annotations

import json
from typing import Any

import typer
from rich.console import Console

from osler.session import Osler

app = typer.Typer(
    name="osler",
    help="osler: an offline, evidence-graded health knowledge engine. Information, not a diagnosis.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
knowledge_app = typer.Typer(help="Check and inspect the knowledge pack.", no_args_is_help=True)
app.add_typer(knowledge_app, name="knowledge")
eval_app = typer.Typer(help="Score osler on evaluation sets (vignettes, questions).", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)

JSON_OPTION = typer.Option(False, "--json", help="Print machine-readable JSON instead of a table.")
DB_OPTION = typer.Option(
    None, "--db", envvar="OSLER_DATABASE_URL", help="Database URL (default: SQLite in the user data dir)."
)


def open_session(db: str | None) -> Osler:
    """An Osler handle for the command's database option."""
    return Osler(db)


def print_json(data: Any) -> None:
    """Write JSON to stdout, UTF-8, stable key order as built."""
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))
