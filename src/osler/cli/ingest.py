"""CLI commands for the ingest capability (registered on the shared Typer app)."""

from __future__ import annotations
