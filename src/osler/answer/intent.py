"""What kind of answer a question asks for: a small, documented rule set over the question's words.

Each intent has a list of cue patterns (regular expressions on the lower-cased question). The intent with the
most cue matches wins; ties go to the earlier intent in `INTENTS` (the more specific ones come first). A question
with no cue is an `overview` question ("Tell me about gout").

| intent         | cues (examples)                                                                 |
|----------------|---------------------------------------------------------------------------------|
| difference     | difference between, vs, versus, "X or Y", "or just", "tell them apart"          |
| medicine_safety| is it safe, can I take, how much, dose, safely, while pregnant/breastfeeding     |
| seek_care      | when should I worry / see a doctor, emergency, warning signs, dangerous, urgent  |
| causes         | cause, why, what makes, reason, trigger, which medicines, at risk, inherited     |
| prevention     | prevent, stop ... from, avoid, lower my risk, reduce the chance                 |
| treatment      | treat, manage, management, help, relieve, get rid of, what should I do, cure     |
| diagnosis      | test, work-up, diagnose, assess, how can I tell, how do I know, check for        |
| symptoms       | symptoms, signs, what does it feel like, how do I recognise                     |
| outlook        | how long, last, go away, outlook, prognosis, recover, permanent, complications   |
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Intent:
    """A kind of question, with the cue patterns that signal it."""

    name: str
    description: str
    cues: tuple[str, ...]


INTENTS: tuple[Intent, ...] = (
    Intent(
        "difference",
        "the difference between two conditions",
        (
            r"\bdifference between\b",
            r"\bdifferences?\b.{0,40}\band\b",
            r"\bvs\.?\b",
            r"\bversus\b",
            r"\bor (just )?(a |an )?(common )?\w+\?",
            r"\bor just\b",
            r"\btell (them|the two|these) apart\b",
            r"\bhow do (you|i) tell\b.{0,40}\bapart\b",
            r"\bsame (thing|as)\b",
            r"\bmimic",
        ),
    ),
    Intent(
        "medicine_safety",
        "whether and how a medicine can be used safely",
        (
            r"\bis (it )?(\w+ )?safe\b",
            r"\bsafe(ly)? to (take|use|give)\b",
            r"\bsafely\b",
            r"\bcan i (take|use|give|have)\b",
            r"\bcan (my|a) \w+ (take|use|have)\b",
            r"\bhow much\b",
            r"\bdoses?\b|\bdosage\b",
            r"\bmaximum\b",
            r"\bwhile (i'?m |i am |being )?(pregnant|breast ?feeding)\b",
            r"\bside effects?\b",
            r"\binteract",
            r"\bshould i stop taking\b",
        ),
    ),
    Intent(
        "seek_care",
        "when to seek care, and the danger signs",
        (
            r"\bwhen (should|do|to|is|are)\b.{0,40}\b(worry|worried|see|seek|call|go|get help|emergency|serious|doctor)\b",
            r"\bemergenc",
            r"\bwarning signs?\b",
            r"\bdanger(ous)?\b",
            r"\bred flags?\b",
            r"\bserious\b",
            r"\burgent",
            r"\bhow long should i wait\b",
            r"\bshould i (see|go|call|worry)\b",
            r"\bwhat should i do if\b",
        ),
    ),
    Intent(
        "causes",
        "what causes it and who is at risk",
        (
            r"\bcaus",
            r"\bwhy (do|does|did|am|is|are|can)\b",
            r"\bwhat makes\b",
            r"\breasons?\b",
            r"\btrigger",
            r"\bwhich (medicines|medications|drugs)\b",
            r"\brisk factors?\b",
            r"\bat risk\b",
            r"\binherit",
            r"\bhereditary\b",
            r"\bgenetic\b",
            r"\brun(s)? in (the )?famil",
        ),
    ),
    Intent(
        "prevention",
        "how to prevent it or lower the risk",
        (
            r"\bprevent",
            r"\bstop\b.{0,40}\bfrom\b",
            r"\bavoid",
            r"\blower (my |the )?(risk|chance)",
            r"\breduce (my |the )?(risk|chance)",
            r"\blower (my |your )?blood pressure\b",
            r"\blifestyle\b",
        ),
    ),
    Intent(
        "treatment",
        "what helps: self-care, treatments and what to avoid",
        (
            r"\btreat",
            r"\bmanag",
            r"\bhelps?\b",
            r"\brelie",
            r"\bget rid of\b",
            r"\bwhat (should|can) i do\b",
            r"\bcure",
            r"\bfirst[- ]line\b",
            r"\bantibiotics?\b",
            r"\bdo i need\b",
            r"\bwithout\b.{0,30}\b(pills|medicines?|tablets)\b",
            r"\bbetter\b",
            r"\b(does|do|will|would)\b.{0,40}\bwork\b(?!-)",
        ),
    ),
    Intent(
        "diagnosis",
        "how it is recognised and tested for",
        (
            r"\btests?\b",
            r"\bwork-?up\b",
            r"\bdiagnos",
            r"\bassess",
            r"\bhow (can|do) (i|you) (tell|know)\b",
            r"\bcheck(ed)? for\b",
            r"\bscan\b|\bx-?ray\b|\bblood test\b",
            r"\bcould (this|it) be\b",
            r"\bmight be\b",
        ),
    ),
    Intent(
        "symptoms",
        "its symptoms and signs",
        (
            r"\bsymptoms?\b",
            r"\bsigns?\b",
            r"\bfeel like\b",
            r"\brecogni[sz]e\b",
            r"\bwhat happens\b",
        ),
    ),
    Intent(
        "outlook",
        "how long it lasts and how it turns out",
        (
            r"\bhow long\b",
            r"\blast\b",
            r"\bgo away\b",
            r"\boutlook\b",
            r"\bprognosis\b",
            r"\brecover",
            r"\bpermanent\b",
            r"\bnormal\b",
            r"\boutgrow",
            r"\bcomplications?\b",
        ),
    ),
)
INTENT_NAMES: tuple[str, ...] = (*(i.name for i in INTENTS), "overview")


def intent_scores(question: str) -> dict[str, int]:
    """How many cues of each intent the question matches."""
    text = " ".join(question.lower().replace("’", "'").split())
    return {intent.name: sum(1 for cue in intent.cues if re.search(cue, text)) for intent in INTENTS}


def detect_intent(question: str) -> str:
    """The intent with the most cue matches (earlier intents win ties); 'overview' when nothing matches."""
    scores = intent_scores(question)
    best = max(scores.values(), default=0)
    if best == 0:
        return "overview"
    return next(intent.name for intent in INTENTS if scores[intent.name] == best)
