"""The ingest commands, run as the real `osler` command line in a subprocess."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from osler.knowledge.loader import load_pack
from osler.store import connect, migrate, sync_pack
from tests.cli.conftest import Cli
from tests.ingest.conftest import PACK


@pytest.fixture(scope="module")
def cli_starts() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "osler", "--help"], capture_output=True, text=True, timeout=120
    )
    if result.returncode != 0 and "ingest.py" not in result.stderr:
        pytest.skip(
            f"the osler CLI cannot start for a reason outside ingestion: {result.stderr.strip().splitlines()[-1]}"
        )


@pytest.fixture
def icli(tmp_path: Path, cli_starts: None) -> Cli:
    """A CLI on a SQLite database holding the ingestion test pack."""
    url = f"sqlite:///{tmp_path / 'ingest-cli.db'}"
    engine = connect(url)
    migrate(engine)
    sync_pack(engine, load_pack(PACK, strict=True))
    engine.dispose()
    return Cli(url)


def test_ingest_prints_a_summary(icli, articles):
    result = icli.run("ingest", str(articles / "dvt.txt"))
    assert result.returncode == 0, result.stderr
    assert "Ingested 1 source(s)" in result.stdout and "new conflict(s)" in result.stdout


def test_ingest_json_reports_counts_and_errors(icli, articles, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    data = icli.json("ingest", str(articles / "night-cramps.md"), str(empty))
    assert data["sources"] == 1 and data["claims"] > 0
    assert [e["path"] for e in data["errors"]] == [str(empty)]


def test_only_bad_files_exit_1_with_a_clear_error_and_no_traceback(icli, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00\x00binary")
    result = icli.run("ingest", str(bad))
    assert result.returncode == 1
    assert "binary" in result.stderr and "Traceback" not in result.stderr


def test_unknown_format_is_a_clear_error(icli, articles):
    result = icli.run("ingest", str(articles / "dvt.txt"), "--format", "docx")
    assert result.returncode == 1 and "unknown format" in result.stderr


def test_sources_claims_and_conflicts_list_as_json(icli, articles):
    icli.run(
        "ingest",
        str(articles / "dvt.txt"),
        str(articles / "magnesium-yes.txt"),
        str(articles / "magnesium-no.txt"),
    )
    sources = icli.json("sources")
    dvt = next(s for s in sources if s["title"] == "Blood clots in the leg")
    assert set(dvt) >= {"id", "title", "path", "url", "kind", "references", "claims"}
    assert dvt["references"][0] == {
        "n": 1,
        "title": "Cochrane review: signs of deep vein thrombosis",
        "year": 2019,
        "kind": "systematic_review",
    }
    claims = icli.json("claims", "--source", dvt["id"])
    assert len(claims) == dvt["claims"]
    first = claims[0]
    assert set(first) >= {
        "id",
        "subject",
        "relation",
        "object",
        "polarity",
        "strength",
        "hedged",
        "statistic",
        "evidence",
        "review_status",
    }
    assert set(first["evidence"][0]) == {"source", "quote", "start", "end"}
    conflicts = icli.json("conflicts")
    assert any(c["subject"] == "magnesium" and len(c["sides"]) == 2 for c in conflicts)
    assert set(conflicts[0]["sides"][0]) == {"polarity", "strength", "claims", "sources"}


def test_tables_print_without_json(icli, articles):
    icli.run("ingest", str(articles / "dvt.txt"))
    for command in ("sources", "claims", "conflicts", "candidates"):
        result = icli.run(command)
        assert result.returncode == 0, result.stderr
