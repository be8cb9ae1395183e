"""CLI commands for the check capability (registered on the shared Typer app)."""

from __future__ import annotations
