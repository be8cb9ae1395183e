"""Input formats, registered by name: each turns a file into `Document`s (plain text plus metadata).

| name     | reads                               | method                                                   |
|----------|-------------------------------------|----------------------------------------------------------|
| text     | `.txt` (UTF-8)                      | stored exactly as decoded, so evidence offsets index it  |
| markdown | `.md`, `.markdown`                  | as text; `#` headings and `-` lists drive list extraction|
| html     | `.html`, `.htm`                     | main content only (selectolax), boilerplate dropped      |
| pdf      | `.pdf`                              | page text from pypdf                                     |
| medquad  | MedQuAD JSON lines (`.jsonl[.gz]`)  | one corpus item per question-answer pair                 |

`auto` picks by extension, then by content (`%PDF`, `<html`, a JSON line with `question` and `answer`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from osler.errors import InputError
from osler.ingest.formats.common import Document, RecordError, read_limited
from osler.ingest.formats.html import read_html
from osler.ingest.formats.medquad import read_medquad
from osler.ingest.formats.pdf import read_pdf
from osler.ingest.formats.text import read_markdown, read_text

Reader = Callable[[Path], Iterator[Document | RecordError]]


@dataclass(frozen=True)
class Format:
    """A named input format: the extensions it claims and the reader that parses it."""

    name: str
    extensions: tuple[str, ...]
    reader: Reader


FORMATS: dict[str, Format] = {
    "text": Format("text", (".txt", ".text"), read_text),
    "markdown": Format("markdown", (".md", ".markdown"), read_markdown),
    "html": Format("html", (".html", ".htm", ".xhtml"), read_html),
    "pdf": Format("pdf", (".pdf",), read_pdf),
    "medquad": Format("medquad", (".jsonl", ".jsonl.gz"), read_medquad),
}
FORMAT_NAMES: tuple[str, ...] = ("auto", *FORMATS)


def detect_format(path: Path) -> str:
    """The format name for a file: by extension first, then by its first bytes."""
    name = path.name.lower()
    for fmt in FORMATS.values():
        if any(name.endswith(ext) for ext in fmt.extensions):
            return fmt.name
    head = read_limited(path, limit=None, peek=2048)
    if head.startswith(b"%PDF"):
        return "pdf"
    lowered = head.lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html")) or b"<body" in lowered:
        return "html"
    if lowered.startswith(b"{") and b'"question"' in head and b'"answer"' in head:
        return "medquad"
    return "text"


def read_documents(path: Path, format: str = "auto") -> tuple[str, Iterator[Document | RecordError]]:
    """The format used and the documents (or per-record errors) read from a file."""
    if format not in FORMAT_NAMES:
        raise InputError(f"unknown format '{format}'; choose one of {', '.join(FORMAT_NAMES)}")
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory")
    name = detect_format(path) if format == "auto" else format
    return name, FORMATS[name].reader(path)


__all__ = ["FORMATS", "FORMAT_NAMES", "Document", "Format", "RecordError", "detect_format", "read_documents"]
