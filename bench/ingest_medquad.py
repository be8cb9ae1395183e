"""Benchmark: ingest all of MedQuAD into a fresh SQLite database with the shipped knowledge pack.

    python bench/ingest_medquad.py [--limit N] [--db URL] [--append-results]

Prints records, sources, claims, evidence, passages, errors and wall time; `--append-results` appends a line to
bench/RESULTS.md (section "Ingest: MedQuAD"). Target: all ~16.4k answers in <= 120 s on a 2-core machine.
"""

from __future__ import annotations

import argparse
import gzip
import platform
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from osler.ingest import default_medquad_path, ingest_paths
from osler.knowledge.loader import load_pack
from osler.model.knowledge_base import KnowledgeBase
from osler.store import connect, migrate, sync_pack
from osler.store.passages import search_passages

RESULTS = Path(__file__).parent / "RESULTS.md"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N records (0: all)")
    parser.add_argument("--db", default=None, help="database URL (default: a temporary SQLite file)")
    parser.add_argument("--append-results", action="store_true", help="append the result to bench/RESULTS.md")
    args = parser.parse_args()
    corpus = default_medquad_path()
    if not corpus.exists():
        print(f"MedQuAD not found at {corpus}; set OSLER_SHARED_DIR", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        path = corpus
        if args.limit:
            path = Path(tmp) / "slice.jsonl"
            with gzip.open(corpus, "rt", encoding="utf-8") as src, path.open("w", encoding="utf-8") as out:
                for i, line in enumerate(src):
                    if i >= args.limit:
                        break
                    out.write(line)
        engine = connect(args.db or f"sqlite:///{Path(tmp) / 'bench.db'}")
        migrate(engine)
        pack = load_pack()
        sync_pack(engine, pack)
        kb = KnowledgeBase.from_pack(pack)
        started = time.perf_counter()
        report = ingest_paths(engine, kb, [path], format="medquad")
        elapsed = time.perf_counter() - started
        query_started = time.perf_counter()
        hits = search_passages(engine, "what causes leg cramps at night", limit=10)
        query_ms = (time.perf_counter() - query_started) * 1000
        engine.dispose()
    data = report.to_dict()
    line = (
        f"| {datetime.now(UTC):%Y-%m-%d} | {args.limit or 'all'} | {data['sources']} | {data['claims']} | "
        f"{data['evidence']} | {data['passages']} | {len(data['errors'])} | {elapsed:.1f} s | {query_ms:.0f} ms | "
        f"{len(kb.concepts)} concepts | {platform.python_version()} |"
    )
    print(
        f"sources {data['sources']}, claims {data['claims']} (+{data['claims_merged']} merged), evidence "
        f"{data['evidence']}, passages {data['passages']}, candidates {data['candidates']}, errors "
        f"{len(data['errors'])}, new conflicts {data['new_conflicts']}; {elapsed:.1f} s; "
        f"search {query_ms:.0f} ms, top hit: {hits[0].title if hits else '-'}"
    )
    if args.append_results:
        text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
        header = (
            "\n## Ingest: MedQuAD (bench/ingest_medquad.py)\n\n"
            "| date | records | sources | claims | evidence | passages | errors | ingest time | search | kb | python |\n"
            "|---|---|---|---|---|---|---|---|---|---|---|\n"
        )
        if "## Ingest: MedQuAD" not in text:
            text = text.rstrip("\n") + "\n" + header
        RESULTS.write_text(text.rstrip("\n") + "\n" + line + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
