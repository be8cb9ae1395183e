"""Negation: does a sentence deny the relation it states?

A NegEx-style rule set (Chapman et al. 2001, "A simple algorithm for identifying negated findings and diseases
in discharge summaries"): a negation cue in the stretch of text that links the two concepts (the relation's
cue and the words between the mentions) negates the claim; a sentence that opens with a denial of evidence
("there is no evidence that ...", "it is a myth that ...") negates every claim in it. Pseudo-negations such as
"not only" and "no longer" (the latter belongs to the `not_recommended_for` cues) are ignored.
"""

from __future__ import annotations

import re

NEGATION_CUES = re.compile(
    r"\b(?:not|no|never|neither|nor|cannot|can't|can\u2019t|doesn't|doesn\u2019t|don't|don\u2019t|isn't|"
    r"isn\u2019t|aren't|aren\u2019t|won't|didn't|rarely if ever|fails? to|unlikely to|without)\b",
    re.IGNORECASE,
)
PSEUDO_NEGATIONS = re.compile(
    r"\b(?:not only|no longer|not necessarily|whether or not|no matter|not just|nothing but)\b", re.IGNORECASE
)
DENIALS = re.compile(
    r"\b(?:there is|there's|we found|studies found|research has found|researchers found)?\s*"
    r"(?:no|little|insufficient|not enough) (?:good |strong |clear |convincing |reliable )?"
    r"(?:evidence|proof) (?:that|to suggest|to show|for)\b|"
    r"\bit is (?:not true|a myth|a misconception) that\b|\bcontrary to popular belief\b|\bdoes not mean\b",
    re.IGNORECASE,
)


def is_negated(link_text: str, preamble: str = "") -> bool:
    """True when the linking text holds a negation cue, or the sentence's preamble denies the evidence."""
    if preamble and DENIALS.search(preamble):
        return True
    cleaned = PSEUDO_NEGATIONS.sub(" ", link_text)
    return NEGATION_CUES.search(cleaned) is not None
