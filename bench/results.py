"""Writing benchmark rows into bench/RESULTS.md: each benchmark owns one section with one table."""

from __future__ import annotations

from pathlib import Path

RESULTS = Path(__file__).parent / "RESULTS.md"


def add_row(header: str, line: str, results: Path = RESULTS) -> None:
    """Add a row at the end of the table under `header` (its first line is the section title); the section is
    created at the end of the file when missing."""
    section = header.strip().splitlines()[0]
    text = results.read_text(encoding="utf-8") if results.exists() else "# Benchmark results\n"
    if section not in text:
        results.write_text(text.rstrip("\n") + "\n\n" + header.lstrip("\n") + line + "\n", encoding="utf-8")
        return
    head, rest = text.split(section, 1)
    lines = rest.split("\n")
    first = next(i for i, row in enumerate(lines) if row.startswith("|"))
    last = first
    while last + 1 < len(lines) and lines[last + 1].startswith("|"):
        last += 1  # the end of this section's table, not a later section's
    lines.insert(last + 1, line)
    results.write_text(head + section + "\n".join(lines), encoding="utf-8")
