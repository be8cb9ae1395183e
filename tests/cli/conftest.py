"""Run the real `osler` command line in a subprocess against a temporary database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest


class Cli:
    def __init__(self, db_url: str, pack: Path | None = None) -> None:
        self.env = dict(os.environ, OSLER_DATABASE_URL=db_url)
        self.pack = pack

    def run(self, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "osler", *args],
            env=self.env,
            capture_output=True,
            text=True,
            input=stdin,
            timeout=300,
        )

    def json(self, *args: str) -> Any:
        result = self.run(*args, "--json")
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)


@pytest.fixture
def cli(tmp_path: Path, fixture_pack_path: Path) -> Cli:
    """A CLI bound to an empty SQLite database; `cli.init()` loads the tiny fixture pack."""
    return Cli(f"sqlite:///{tmp_path / 'cli.db'}", fixture_pack_path)
