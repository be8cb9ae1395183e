"""Hedging: how sure a sentence is, mapped onto the claim strength scale (weak < may_help < strong < definite).

Cue lists follow the hedge-cue inventory of the BioScope corpus (Vincze et al. 2008) and the CoNLL-2010 shared
task on hedge detection (Farkas et al. 2010), reduced to consumer-health wording:

- a benefit hedge ("may help", "can help", "some people find") -> `may_help`, hedged;
- any other hedge ("may", "might", "could", "possibly", "some research suggests", "limited evidence",
  "is thought to") -> `weak`, hedged;
- a certainty booster ("always", "definitely", "a hallmark of") -> `definite`;
- a strength booster ("strongly", "clearly", "consistently", "well established", "strong evidence") -> `strong`;
- otherwise the relation pattern's own strength (e.g. "is a sign of" -> definite, "is associated with" ->
  may_help, most others -> strong).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

BENEFIT_HEDGES = re.compile(
    r"\b(?:may|might|could|can) (?:also )?(?:help|be helpful|be useful|ease|relieve)\b|"
    r"\bsome people find\b|\bworth trying\b|\bmay be of benefit\b",
    re.IGNORECASE,
)
HEDGES = re.compile(
    r"\b(?:may|might|could|possibly|perhaps|probably|presumably|suggests?|suggested|"
    r"appears? to|seems? to|is thought to|are thought to|is believed to|are believed to|it is possible|"
    r"uncertain|unclear|not clear|limited evidence|weak evidence|some (?:research|studies|evidence|experts|"
    r"doctors)|preliminary|in some cases|sometimes|occasionally|rarely|not well understood)\b",
    re.IGNORECASE,
)
DEFINITE_BOOSTERS = re.compile(
    r"\b(?:always|definitely|certainly|invariably|without exception|hallmark of|is the cause of)\b",
    re.IGNORECASE,
)
STRONG_BOOSTERS = re.compile(
    r"\b(?:strongly|clearly|consistently|well[- ]established|strong evidence|good evidence|proven|"
    r"high[- ]quality evidence|significantly|substantially|markedly|very effective|highly effective)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Grade:
    """A strength on the claim scale and whether the wording was hedged."""

    strength: str
    hedged: bool


def grade(text: str, default: str = "strong") -> Grade:
    """The strength a sentence expresses, falling back to the relation pattern's default."""
    if BENEFIT_HEDGES.search(text):
        return Grade("may_help", True)
    if HEDGES.search(text):
        return Grade("weak", True)
    if DEFINITE_BOOSTERS.search(text):
        return Grade("definite", False)
    if STRONG_BOOSTERS.search(text):
        return Grade("strong", False)
    return Grade(default, False)
