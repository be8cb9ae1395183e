"""CLI commands for the ask capability (registered on the shared Typer app)."""

from __future__ import annotations
