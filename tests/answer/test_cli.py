"""The `osler ask` and `osler eval questions` commands, run for real in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

DOCS = Path(__file__).parent.parent.parent / "docs" / "answers.md"
QUESTIONS = Path(__file__).parent.parent / "fixtures" / "answer" / "questions.jsonl"


def run(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, OSLER_DATABASE_URL=f"sqlite:///{tmp_path / 'cli.db'}")
    return subprocess.run(
        [sys.executable, "-m", "osler", *args], env=env, capture_output=True, text=True, timeout=300
    )


def test_ask_prints_json_with_numbered_references(answer_pack_path: Path, tmp_path: Path) -> None:
    result = run(
        "ask",
        "Is quinine safe?",
        "--audience",
        "clinician",
        "--pack",
        str(answer_pack_path),
        "--json",
        tmp_path=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["audience"] == "clinician" and data["references"][0]["n"] == 1


def test_ask_renders_text_with_references_at_the_end(answer_pack_path: Path, tmp_path: Path) -> None:
    result = run("ask", "Is quinine safe?", "--pack", str(answer_pack_path), tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "References" in result.stdout and "[1] A made-up quinine warning" in result.stdout


def test_an_unknown_audience_is_a_clear_error(answer_pack_path: Path, tmp_path: Path) -> None:
    result = run(
        "ask", "Is quinine safe?", "--audience", "vet", "--pack", str(answer_pack_path), tmp_path=tmp_path
    )
    assert result.returncode == 1 and "audience must be one of" in result.stderr


def test_eval_questions_reports_coverage(answer_pack_path: Path, tmp_path: Path) -> None:
    result = run(
        "eval", "questions", str(QUESTIONS), "--pack", str(answer_pack_path), "--json", tmp_path=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["mean_coverage"] == 0.625


def test_the_docs_describe_every_option_of_the_commands() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for option in ("osler ask", "--audience", "--json", "--pack", "--db", "osler eval questions"):
        assert option in text
