"""Every command keeps the CLI contract: a --json option, help text, and a mention in the docs."""

from __future__ import annotations

from pathlib import Path

import typer.main

from osler.cli import app

ROOT = Path(__file__).resolve().parents[2]


def leaf_commands() -> list[tuple[str, object]]:
    out: list[tuple[str, object]] = []

    def walk(prefix: str, command: object) -> None:
        if hasattr(command, "commands"):
            for name, child in command.commands.items():
                walk(f"{prefix} {name}".strip(), child)
        else:
            out.append((prefix, command))

    walk("", typer.main.get_command(app))
    return out


def test_every_command_has_a_json_option():
    missing = [name for name, cmd in leaf_commands() if not any("--json" in p.opts for p in cmd.params)]
    assert missing == []


def test_every_command_has_help_text():
    assert [name for name, cmd in leaf_commands() if not (cmd.help or "").strip()] == []


def test_every_command_is_documented():
    docs = (ROOT / "README.md").read_text() + "".join(p.read_text() for p in (ROOT / "docs").glob("*.md"))
    assert [name for name, _ in leaf_commands() if f"osler {name}" not in docs] == []
