"""The `osler check` and `osler eval vignettes` commands, run as real subprocesses."""

from __future__ import annotations

import json

import pytest

from tests.cli.conftest import Cli


@pytest.fixture
def cli(tmp_path, fixture_pack_path) -> Cli:
    return Cli(f"sqlite:///{tmp_path / 'cli.db'}", fixture_pack_path)


def test_check_json_prints_the_documented_shape(cli):
    data = cli.json("check", "one swollen calf and a sore leg", "--pack", str(cli.pack), "--age", "50")
    assert data["differential"][0]["condition"]["id"] == "clot"
    assert data["triage"]["level"] == "urgent"


def test_answer_option_updates_the_result(cli):
    data = cli.json("check", "sore leg", "--pack", str(cli.pack), "--answer", "leg-swelling=yes")
    assert data["triage"]["level"] == "urgent"


def test_bad_answer_exits_1(cli):
    result = cli.run("check", "sore leg", "--pack", str(cli.pack), "--answer", "leg-swelling")
    assert result.returncode == 1


def test_batch_keeps_ids_and_reports_bad_lines(cli, tmp_path):
    batch = tmp_path / "cases.jsonl"
    batch.write_text(
        '{"id": "a", "text": "swollen calf"}\n{"id": "b", "age": "x", "text": "sore leg"}\nnot json\n'
    )
    result = cli.run("check", "--batch", str(batch), "--pack", str(cli.pack))
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r.get("id") for r in rows] == ["a", "b", None]
    assert "triage" in rows[0] and "error" in rows[1] and "error" in rows[2]


def test_interactive_asks_and_updates_from_piped_answers(cli):
    result = cli.run("check", "--interactive", "--pack", str(cli.pack), stdin="sore leg\nyes\ndone\n")
    assert result.returncode == 0, result.stderr
    assert "Triage: urgent" in result.stdout


def test_eval_vignettes_scores_a_file(cli, tmp_path):
    path = tmp_path / "v.jsonl"
    case = {
        "id": "D01",
        "text": "one swollen calf, sore leg",
        "age": 50,
        "sex": "male",
        "dx": ["deep vein"],
        "icd": ["I82.4"],
        "triage": ["urgent"],
    }
    path.write_text(json.dumps(case) + "\n")
    data = cli.json("eval", "vignettes", str(path), "--pack", str(cli.pack))
    assert data["overall"]["top1"] == 1.0
    assert data["overall"]["triage_accuracy"] == 1.0
    assert data["blocks"]["D01-37"]["cases"] == 1


def test_check_reads_the_database_by_default(cli):
    cli.json("init", "--pack", str(cli.pack))
    data = cli.json("check", "one swollen calf and a sore leg")
    assert data["differential"][0]["condition"]["id"] == "clot"
