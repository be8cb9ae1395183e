"""What every format shares: the `Document` it produces, size limits and careful decoding."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from osler.errors import InputError

MAX_FILE_BYTES = 10 * 1024 * 1024
"""Largest article file osler ingests (10 MiB); corpus files (MedQuAD) are read record by record instead."""
MAX_TEXT_CHARS = 2_000_000
"""Largest plain text kept for one source (about 2 million characters, a long book)."""


@dataclass
class Document:
    """One source to ingest: its stored plain text and what is known about it."""

    title: str
    text: str
    format: str
    kind: str = "article"
    path: str | None = None
    url: str | None = None
    item_id: str | None = None
    focus: str = ""
    qtype: str = ""
    lead_heading: str = ""  # a heading that governs list items before the first heading in the text
    meta: dict[str, Any] = field(default_factory=dict)

    def content_hash(self) -> str:
        """A digest of what makes this source itself (id, title, text): equal hash, same source."""
        key = f"{self.format}\x00{self.item_id or ''}\x00{self.title}\x00{self.text}"
        return hashlib.sha256(key.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class RecordError:
    """A record inside a corpus file that could not be read; the rest of the file goes on."""

    label: str
    message: str


def read_limited(path: Path, limit: int | None = MAX_FILE_BYTES, peek: int | None = None) -> bytes:
    """The file's bytes (or its first `peek` bytes); InputError when unreadable, empty or too large."""
    try:
        size = path.stat().st_size
        if limit is not None and size > limit:
            raise InputError(
                f"{path}: file is too large ({size / 1048576:.1f} MiB; the limit is {limit / 1048576:.0f} MiB)"
            )
        with path.open("rb") as fh:
            data = fh.read(peek) if peek is not None else fh.read()
    except OSError as exc:
        raise InputError(f"{path}: cannot read file ({exc.strerror or exc})") from exc
    if peek is None and not data.strip():
        raise InputError(f"{path}: file is empty")
    return data


def decode_text(data: bytes, path: Path) -> str:
    """UTF-8 text from bytes; InputError for binary content or another encoding."""
    sample = data[:8192]
    if b"\x00" in sample:
        raise InputError(f"{path}: looks like a binary file, not text (it contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: is not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "save it as UTF-8 and try again"
        ) from None
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(8, len(text[:8192]) // 20):
        raise InputError(f"{path}: looks like a binary file, not text (many control characters)")
    return text


def check_text(text: str, path: Path) -> str:
    """The text itself when it is usable: not blank and under the size limit."""
    if not text.strip():
        raise InputError(f"{path}: no text found in the file")
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(f"{path}: text is too long ({len(text)} characters; the limit is {MAX_TEXT_CHARS})")
    return text


def first_line_title(text: str, fallback: str) -> str:
    """A title: the first non-blank line (without Markdown heading marks), else the fallback."""
    for line in text.splitlines():
        stripped = line.strip().lstrip("#").strip()
        if stripped:
            return stripped[:200]
    return fallback
