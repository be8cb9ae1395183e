"""The `osler` command line: a thin Typer layer over the library; `--json` on every command.

Exit codes: 0 success, 1 a clear one-line error (bad input, missing data), 2 usage error.
Each command group lives in its own module and registers itself on `app`.
"""

from __future__ import annotations

import sys

from osler.cli import ask, check, core, ingest  # noqa: F401  (each module registers its commands)
from osler.cli.app import app
from osler.errors import OslerError


def main() -> None:
    """Entry point of the `osler` console script."""
    try:
        app()
    except OslerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(exc.exit_code)
