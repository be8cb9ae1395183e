"""Throughput of a whole `osler check --batch` process on the dev vignettes repeated to ~3000 cases.

Run: python bench/check_batch.py [--cases 3000] [--pack PATH]; appends a line to bench/RESULTS.md.
Times the full process (interpreter start, imports, knowledge loading from a database made by `osler init`
beforehand, checking, JSON output). With --pack the process reads the YAML pack instead.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from results import add_row

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=3000)
    parser.add_argument(
        "--pack",
        default=None,
        help="read this pack folder instead of a database (adds YAML loading to the time)",
    )
    args = parser.parse_args()
    shared = Path(os.environ.get("OSLER_SHARED_DIR", ROOT.parent / "shared"))
    source = shared / "eval" / "vignettes-dev.jsonl"
    cases = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = []
    for i in range(args.cases):
        case = cases[i % len(cases)]
        rows.append(
            {"id": f"{case['id']}-{i}", "text": case["text"], "age": case.get("age"), "sex": case.get("sex")}
        )
    with tempfile.TemporaryDirectory() as tmp:
        batch = Path(tmp) / "batch.jsonl"
        batch.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
        env = dict(os.environ, OSLER_DATABASE_URL=f"sqlite:///{Path(tmp) / 'osler.db'}")
        cmd = [sys.executable, "-m", "osler", "check", "--batch", str(batch)]
        if args.pack:
            cmd += ["--pack", args.pack]
        else:  # the usual set-up: the pack loaded once by `osler init`, then checks read the database
            subprocess.run([sys.executable, "-m", "osler", "init"], env=env, capture_output=True, check=True)
        start = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, text=True, check=True, env=env)
        elapsed = time.perf_counter() - start
        startup_cmd = [sys.executable, "-c", "import osler.cli"]
        s0 = time.perf_counter()
        subprocess.run(startup_cmd, check=True)
        startup = time.perf_counter() - s0
    out_lines = done.stdout.splitlines()
    assert len(out_lines) == len(rows), "one output line per case"
    rate = len(rows) / elapsed
    line = (
        f"| {date.today().isoformat()} | check --batch | {len(rows)} cases | {elapsed:.2f} s | {rate:.0f} cases/s "
        f"| {'pack ' + args.pack if args.pack else 'database'}; import of osler.cli alone {startup:.2f} s | {platform.python_version()} {platform.machine()} "
        f"{os.cpu_count()} CPUs |"
    )
    print(line)
    add_row(
        "\n## Symptom checker batch throughput (bench/check_batch.py)\n\n| date | what | size | time | rate | note "
        "| machine |\n|---|---|---|---|---|---|---|\n",
        line,
    )


if __name__ == "__main__":
    main()
