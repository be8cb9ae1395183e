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
