"""References: the publications and pages that claims rest on."""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict

ReferenceKind = Literal[
    "guideline",
    "systematic_review",
    "trial",
    "cohort",
    "review",
    "textbook",
    "consumer_page",
    "regulator",
    "corpus_item",
    "article",
]
REFERENCE_KINDS: tuple[str, ...] = get_args(ReferenceKind)


class Reference(BaseModel):
    """A citable work; a locator (DOI, PMID or URL) lets a reader find it."""

    model_config = ConfigDict(frozen=True)

    id: str
    kind: ReferenceKind
    title: str
    authors: tuple[str, ...] = ()
    year: int | None = None
    source: str = ""
    doi: str | None = None
    pmid: str | None = None
    url: str | None = None
    note: str = ""

    @property
    def has_locator(self) -> bool:
        """True when a reader could find the work: a DOI, PMID or URL is present."""
        return bool(self.doi or self.pmid or self.url)

    def best_url(self) -> str | None:
        """A URL for the work, built from the DOI or PMID when no URL is given."""
        if self.url:
            return self.url
        if self.doi:
            return f"https://doi.org/{self.doi}"
        if self.pmid:
            return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/"
        return None
