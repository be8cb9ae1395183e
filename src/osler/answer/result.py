"""Answer objects: sections of cited statements, numbered references, and their JSON form."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from osler.model.reference import Reference


@dataclass(frozen=True)
class Statement:
    """One sentence (or two) of an answer and the reference numbers it rests on."""

    text: str
    citations: tuple[int, ...]
    claims: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "citations": list(self.citations)}


@dataclass(frozen=True)
class Section:
    """A headed group of statements (e.g. 'Warning signs: when to get help')."""

    key: str
    heading: str
    statements: tuple[Statement, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"heading": self.heading, "statements": [s.to_dict() for s in self.statements]}


@dataclass(frozen=True)
class CitedReference:
    """A reference as numbered in one answer; it always carries a DOI, PMID or URL."""

    n: int
    reference: Reference

    @property
    def id(self) -> str:
        return self.reference.id

    @property
    def doi(self) -> str | None:
        return self.reference.doi

    @property
    def pmid(self) -> str | None:
        return self.reference.pmid

    @property
    def url(self) -> str | None:
        """The reference's own URL, else one made from its DOI or PMID."""
        return self.reference.best_url()

    def to_dict(self) -> dict[str, Any]:
        ref = self.reference
        return {
            "n": self.n,
            "id": ref.id,
            "title": ref.title,
            "authors": list(ref.authors),
            "year": ref.year,
            "source": ref.source,
            "doi": ref.doi,
            "pmid": ref.pmid,
            "url": self.url,
        }


@dataclass(frozen=True)
class Answer:
    """A structured, cited answer to one question for one audience."""

    question: str
    audience: str
    intent: str
    sections: tuple[Section, ...]
    references: tuple[CitedReference, ...]
    review_status: str
    follow_up_questions: tuple[str, ...]
    disclaimer: str
    focus: tuple[str, ...] = ()
    notice: str = ""
    nearest_topics: tuple[str, ...] = field(default=())

    @property
    def covered(self) -> bool:
        """True when the answer states something (the question is within what osler knows)."""
        return any(section.statements for section in self.sections)

    def statements(self) -> list[Statement]:
        """Every statement of the answer in reading order."""
        return [s for section in self.sections for s in section.statements]

    def text(self) -> str:
        """Headings and statements joined by newlines (the text the evaluation scores)."""
        lines: list[str] = []
        for section in self.sections:
            lines.append(section.heading)
            lines.extend(s.text for s in section.statements)
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON form documented in docs/answers.md."""
        return {
            "question": self.question,
            "audience": self.audience,
            "intent": self.intent,
            "focus": list(self.focus),
            "sections": [s.to_dict() for s in self.sections],
            "references": [r.to_dict() for r in self.references],
            "review_status": self.review_status,
            "follow_up_questions": list(self.follow_up_questions),
            "notice": self.notice,
            "nearest_topics": list(self.nearest_topics),
            "disclaimer": self.disclaimer,
        }


def render_text(answer: Answer) -> str:
    """A readable plain-text rendering: headings, statements with [n] markers, then numbered references."""
    lines = [answer.question, ""]
    if answer.notice:
        lines += [answer.notice, ""]
    for section in answer.sections:
        lines.append(section.heading)
        for statement in section.statements:
            marks = ",".join(str(n) for n in statement.citations)
            lines.append(f"  - {statement.text} [{marks}]")
        lines.append("")
    if answer.nearest_topics:
        lines += ["Nearest topics: " + "; ".join(answer.nearest_topics), ""]
    lines.append(f"Review status: {answer.review_status.replace('_', ' ')}")
    if answer.follow_up_questions:
        lines.append("You could also ask:")
        lines.extend(f"  - {q}" for q in answer.follow_up_questions)
    if answer.references:
        lines += ["", "References"]
        for cited in answer.references:
            ref = cited.reference
            year = f" ({ref.year})" if ref.year else ""
            lines.append(f"  [{cited.n}] {ref.title}{year}. {ref.source} {cited.url or ''}".rstrip())
    lines += ["", answer.disclaimer]
    return "\n".join(lines)
