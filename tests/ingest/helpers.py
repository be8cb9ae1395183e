"""Small builders shared by the ingestion tests."""

from __future__ import annotations

from osler.ingest.extract.concepts import ConceptMatcher
from osler.ingest.formats import Document
from osler.ingest.pipeline import prepare
from osler.store.sources import ClaimDraft


def claims_of(matcher: ConceptMatcher, text: str, title: str = "Test article") -> list[ClaimDraft]:
    """The claims extracted from a text document (no database)."""
    return prepare(Document(title=title, text=text, format="text"), matcher).claims


def triples(claims: list[ClaimDraft]) -> set[tuple[str, str, str | None]]:
    return {(c.subject, c.relation, c.object) for c in claims}


def only(claims: list[ClaimDraft], relation: str) -> ClaimDraft:
    found = [c for c in claims if c.relation == relation]
    assert len(found) == 1, found
    return found[0]


def minimal_pdf(lines: list[str]) -> bytes:
    """A valid one-page PDF showing the lines in Helvetica, written by hand (no PDF library needed)."""

    def escape(s: str) -> str:
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    ops = ["BT", "/F1 12 Tf", "14 TL", "72 720 Td"]
    for line in lines:
        ops.append(f"({escape(line)}) Tj T*")
    ops.append("ET")
    stream = "\n".join(ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
