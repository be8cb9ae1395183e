"""MedQuAD (Ben Abacha & Demner-Fushman 2019): gzip JSON lines, one consumer-health question-answer pair each.

Every record becomes a source of kind `corpus_item` (id = record id, title = the question, url, meta with focus,
question type and collection) whose stored text is the answer exactly as in the file; the question governs
list items at the top of the answer ("What are the symptoms of X?" then "- fever").
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from osler.errors import InputError
from osler.ingest.formats.common import MAX_TEXT_CHARS, Document, RecordError

REQUIRED = ("id", "question", "answer")
SOURCE_ID_MAX = 64


def default_medquad_path() -> Path:
    """Where MedQuAD lives: $OSLER_SHARED_DIR/corpora/medquad, else <repo>/../shared/corpora/medquad."""
    shared = os.environ.get("OSLER_SHARED_DIR")
    base = Path(shared) if shared else Path(__file__).resolve().parents[5] / "shared"
    return base / "corpora" / "medquad" / "medquad.jsonl.gz"


def _record(line: str, number: int) -> Document | RecordError:
    try:
        data: Any = json.loads(line)
    except json.JSONDecodeError as exc:
        return RecordError(f"line {number}", f"not valid JSON ({exc.msg})")
    if not isinstance(data, dict):
        return RecordError(f"line {number}", "not a JSON object")
    missing = [k for k in REQUIRED if not isinstance(data.get(k), str) or not data[k].strip()]
    label = str(data.get("id") or f"line {number}")
    if missing:
        return RecordError(label, f"missing or empty field(s): {', '.join(missing)}")
    if len(data["id"]) > SOURCE_ID_MAX:
        return RecordError(label, f"id longer than {SOURCE_ID_MAX} characters")
    if len(data["answer"]) > MAX_TEXT_CHARS:
        return RecordError(label, "answer too long")
    meta = {
        k: data.get(k)
        for k in (
            "source",
            "collection",
            "doc",
            "qid",
            "focus",
            "focus_category",
            "qtype",
            "synonyms",
            "cuis",
        )
        if data.get(k) not in (None, "", [])
    }
    return Document(
        title=data["question"].strip(),
        text=data["answer"],
        format="medquad",
        kind="corpus_item",
        url=data.get("url") or None,
        item_id=data["id"],
        focus=str(data.get("focus") or ""),
        qtype=str(data.get("qtype") or ""),
        lead_heading=data["question"],
        meta=meta,
    )


def read_medquad(path: Path) -> Iterator[Document | RecordError]:
    """Every record of a MedQuAD JSON-lines file (gzipped or not), or an error for a record that is broken."""
    opener: Any = gzip.open if path.name.endswith(".gz") else open
    try:
        with opener(path, "rt", encoding="utf-8") as fh:
            for number, line in enumerate(fh, start=1):
                if line.strip():
                    yield _record(line, number)
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read MedQuAD file ({exc})") from None
