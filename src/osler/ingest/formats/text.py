"""Plain text and Markdown: stored exactly as decoded, so `text[start:end] == quote` for every evidence span."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from osler.ingest.formats.common import (
    Document,
    RecordError,
    check_text,
    decode_text,
    first_line_title,
    read_limited,
)


def _read(path: Path, fmt: str) -> Iterator[Document | RecordError]:
    text = check_text(decode_text(read_limited(path), path), path)
    yield Document(title=first_line_title(text, path.stem), text=text, format=fmt, path=str(path))


def read_text(path: Path) -> Iterator[Document | RecordError]:
    """A UTF-8 text file as one document (title: its first line)."""
    return _read(path, "text")


def read_markdown(path: Path) -> Iterator[Document | RecordError]:
    """A Markdown file as one document, kept as written (headings and lists are read by the extractor)."""
    return _read(path, "markdown")
