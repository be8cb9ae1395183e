"""Name normalisation shared by every lookup of concepts by name."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^a-z0-9+]+")


def normalize_name(text: str) -> str:
    """Lower-case, strip accents and punctuation, collapse spaces: 'Charley-horse!' -> 'charley horse'."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    folded = folded.replace("'", "").replace("\u2019", "")
    return _NON_WORD.sub(" ", folded).strip()


# When one name belongs to concepts of different kinds, the earlier kind wins in text matching. This is the
# pack's general rule for cross-kind names (e.g. "heartburn" is both a finding and a lay name of reflux disease:
# in a person's story it is the finding). Names shared by two concepts of the same kind need an explicit
# shared-name rule in rules/*.yaml.
KIND_PRECEDENCE: tuple[str, ...] = (
    "finding",
    "risk_factor",
    "drug",
    "drug_class",
    "treatment",
    "test",
    "body_part",
    "condition",
)


def kind_rank(kind: str) -> int:
    """Position of a concept kind in KIND_PRECEDENCE (unknown kinds last)."""
    return KIND_PRECEDENCE.index(kind) if kind in KIND_PRECEDENCE else len(KIND_PRECEDENCE)
