"""PDF: the text of every page, extracted with pypdf, pages separated by a blank line."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

from osler.errors import InputError
from osler.ingest.formats.common import Document, RecordError, check_text, first_line_title, read_limited


def read_pdf(path: Path) -> Iterator[Document | RecordError]:
    """A PDF as one document; InputError when it is not a readable PDF or holds no text (a scan)."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    data = read_limited(path)
    if not data.startswith(b"%PDF"):
        raise InputError(f"{path}: is not a PDF file (no %PDF header)")
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(BytesIO(data))
        if reader.is_encrypted:
            raise InputError(f"{path}: PDF is encrypted")
        pages = [(page.extract_text() or "").strip() for page in reader.pages]
        title = (reader.metadata.title if reader.metadata else None) or ""
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise InputError(f"{path}: cannot read PDF ({exc})") from None
    text = "\n\n".join(p for p in pages if p)
    if not text.strip():
        raise InputError(f"{path}: PDF has no extractable text (it may be a scanned image)")
    check_text(text, path)
    yield Document(
        title=title.strip() or first_line_title(text, path.stem), text=text, format="pdf", path=str(path)
    )
