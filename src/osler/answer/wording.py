"""Templates that turn claims into sentences in our own words, per relation and audience.

A claim that carries `text` (written by an editor, in our own words) is used as it is; a bare link claim is
worded from the templates below. Evidence strength is said in words (patient) or as a certainty grade with the
claim's statistics (clinician), following the GRADE idea of stating certainty next to each finding
(Guyatt et al. 2008, BMJ 336:924).
"""

from __future__ import annotations

from osler.model.claim import Claim, Statistic
from osler.model.concept import Concept
from osler.model.knowledge_base import KnowledgeBase
from osler.model.reference import Reference

EVIDENCE_WORDS: dict[str, dict[str, str]] = {
    "patient": {
        "definite": "very strong evidence",
        "strong": "good evidence",
        "may_help": "some evidence",
        "weak": "only weak evidence",
    },
    "clinician": {
        "definite": "high-certainty evidence",
        "strong": "moderate-to-high certainty",
        "may_help": "low certainty",
        "weak": "very low certainty",
    },
}
RULE_LEADS: dict[str, dict[str, str]] = {
    "patient": {
        "emergency": "Call 999 or 911 for an ambulance now.",
        "urgent": "See a doctor the same day.",
        "routine": "Book a visit with your doctor.",
        "self_care": "You can usually manage this at home.",
    },
    "clinician": {
        "emergency": "Red flag (emergency)",
        "urgent": "Red flag (same-day assessment)",
        "routine": "Refer or review routinely",
        "self_care": "Self-care",
    },
}
# (relation, focus-is-object) -> patient template, clinician template; {c} focus, {items} the other concepts
LIST_TEMPLATES: dict[tuple[str, bool], tuple[str, str]] = {
    ("finding_of", True): ("Signs of {c} include {items}.", "Features of {c}: {items}."),
    ("risk_factor_for", True): (
        "Things that raise the chance of {c}: {items}.",
        "Risk factors for {c}: {items}.",
    ),
    ("risk_factor_for", False): ("{c} raises the chance of {items}.", "{c} is a risk factor for {items}."),
    ("causes", True): ("{c} can be caused by {items}.", "Causes of {c}: {items}."),
    ("causes", False): ("{c} can lead to {items}.", "{c} can cause {items}."),
    ("associated_with", True): (
        "Conditions linked to {c}: {items}.",
        "Conditions associated with {c}: {items}.",
    ),
    ("associated_with", False): (
        "Conditions linked to {c}: {items}.",
        "Conditions associated with {c}: {items}.",
    ),
    ("adverse_effect_of", False): (
        "Medicines that can cause {c} as a side effect include {items}.",
        "Drugs associated with {c}: {items}.",
    ),
    ("adverse_effect_of", True): (
        "{c} can cause side effects such as {items}.",
        "Adverse effects of {c}: {items}.",
    ),
    ("complication_of", True): ("{c} can lead to {items}.", "Complications of {c}: {items}."),
    ("complication_of", False): ("{c} can be a complication of {items}.", "{c} may complicate {items}."),
    ("test_for", True): ("Tests that help check for {c}: {items}.", "Investigations for {c}: {items}."),
    ("test_for", False): ("{c} is used to check for {items}.", "{c} is used in the work-up of {items}."),
    ("treats", False): ("{c} is used to treat {items}.", "Indications of {c}: {items}."),
    ("prevents", False): ("{c} is used to prevent {items}.", "{c} is used for prevention of {items}."),
}
FINDING_BANDS: dict[str, tuple[str, str]] = {
    "most": (
        "Signs seen in most people with {c}: {items}.",
        "Typical features of {c} (most patients): {items}.",
    ),
    "many": ("Signs seen in many people with {c}: {items}.", "Common features of {c}: {items}."),
    "some": ("Signs seen in some people with {c}: {items}.", "Less frequent features of {c}: {items}."),
    "against": ("Signs that point away from {c}: {items}.", "Features arguing against {c}: {items}."),
}


def label(concept: Concept | None, audience: str, fallback: str = "", lay: bool = True) -> str:
    """How a concept is named in a sentence: its name, with a plain lay name added for patients."""
    if concept is None:
        return fallback.replace("-", " ")
    name = _sentence_case(concept.name)
    if "(" in name or not lay:
        return name
    if audience == "patient" and concept.kind in ("condition", "drug_class", "drug") and concept.lay_names:
        lay_name = concept.lay_names[0]
        if (
            lay_name.lower() not in name.lower()
            and name.lower() not in lay_name.lower()
            and len(lay_name.split()) <= 5
        ):
            return f"{name} ({lay_name})"
    return name


def short_label(concept: Concept) -> str:
    """The shorter name for a repeat mention to a patient: of a name 'A (B)', the part with fewer syllables
    (on a tie the one listed first among the lay names); of a condition's or drug class's name and its first lay
    name, the lay name only when it has fewer syllables (a medicine keeps its name: its lay names are brands)."""
    name = concept.name
    lay = [n.lower() for n in concept.lay_names]
    if name.endswith(")") and " (" in name:
        outer, inner = name[:-1].split(" (", 1)
        order = {
            part: lay.index(part.lower()) if part.lower() in lay else len(lay) for part in (outer, inner)
        }
        return _sentence_case(min((outer, inner), key=lambda part: (_syllable_count(part), order[part])))
    if concept.kind in ("condition", "drug_class") and concept.lay_names and "(" not in concept.lay_names[0]:
        lay_name = concept.lay_names[0]
        if _syllable_count(lay_name) < _syllable_count(name):
            return _sentence_case(lay_name)
    return _sentence_case(name)


def _syllable_count(text: str) -> int:
    from osler.answer.readability import Counts

    return Counts.of(text).syllables


def _sentence_case(name: str) -> str:
    """Lower-case the first letter unless the word is an acronym or proper-looking ('DVT', 'Achilles')."""
    first = name.split(" ", 1)[0]
    if len(first) > 1 and (first[1].isupper() or first[1].isdigit()):
        return name
    if first in {
        "Achilles",
        "Baker's",
        "Parkinson's",
        "Raynaud's",
        "Crohn's",
        "Alzheimer's",
        "Lyme",
        "Osgood-Schlatter",
    }:
        return name
    return name[0].lower() + name[1:] if name else name


def capitalise(text: str) -> str:
    """First letter upper-case."""
    return text[0].upper() + text[1:] if text else text


PATIENT_LIST_CHUNK = 4


def join_items(items: list[str], word: str = "and") -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {word} " + items[-1]


def chunked(items: list[str], audience: str, word: str = "and") -> str:
    """A list for a sentence; for patients only the first few, the rest as short follow-on sentences."""
    if audience != "patient" or len(items) <= PATIENT_LIST_CHUNK + 1:
        return join_items(items, word)
    head, rest = items[:PATIENT_LIST_CHUNK], items[PATIENT_LIST_CHUNK:]
    tails = [rest[i : i + PATIENT_LIST_CHUNK] for i in range(0, len(rest), PATIENT_LIST_CHUNK)]
    return join_items(head, word) + "".join(f". Also {join_items(t, word)}" for t in tails)


def statistics_text(stats: tuple[Statistic, ...]) -> str:
    """'OR 2.1, 95% CI 1.2 to 3.4; NNT 5' from a claim's statistics (clinician wording)."""
    parts = []
    for stat in stats:
        if stat.kind == "other" and not stat.note:
            continue
        value = f"{stat.value:g}"
        if stat.kind == "percent":
            value += "%"
        text = f"{stat.note}: {value}" if stat.kind == "other" else f"{stat.kind} {value}"
        if stat.ci_low is not None and stat.ci_high is not None:
            text += f" (95% CI {stat.ci_low:g} to {stat.ci_high:g})"
        parts.append(text)
    return "; ".join(parts)


def evidence_phrase(claim: Claim, audience: str) -> str:
    """'(good evidence)' or '(moderate-to-high certainty; OR 2.1 ...)' for a claim."""
    words = EVIDENCE_WORDS[audience][claim.strength]
    if audience == "clinician" and claim.statistics:
        words += "; " + statistics_text(claim.statistics)
    return f"({words})"


def with_evidence(text: str, claim: Claim, audience: str) -> str:
    """The sentence with the evidence phrase before its final full stop."""
    body = text.rstrip().rstrip(".")
    return f"{body} {evidence_phrase(claim, audience)}."


def guideline_note(kb: KnowledgeBase, refs: tuple[str, ...]) -> str:
    """' Guideline: <title> (<year>).' when a statement rests on a guideline (clinician wording)."""
    guidelines: list[Reference] = [kb.references[r] for r in refs if r in kb.references]
    names = [f"{g.title} ({g.year})" if g.year else g.title for g in guidelines if g.kind == "guideline"]
    return f" Guideline: {'; '.join(sorted(set(names)))}." if names else ""


def treatment_sentence(claim: Claim, treatment: str, condition: str, audience: str) -> str:
    """A sentence for a treats / prevents / not_recommended_for claim without its own text."""
    verb = "prevent" if claim.relation == "prevents" else "treat"
    if claim.relation == "not_recommended_for":
        return f"Not recommended for {condition}: {treatment}."
    if claim.polarity == "negative":
        if audience == "clinician":
            return f"{capitalise(treatment)} has not been shown to {verb} {condition}."
        return f"{capitalise(treatment)} has not been shown to help {condition}."
    if audience == "clinician":
        return f"{capitalise(treatment)} is used to {verb} {condition}."
    if claim.strength in ("weak", "may_help"):
        return f"{capitalise(treatment)} may help {verb} {condition}."
    return f"{capitalise(treatment)} helps {verb} {condition}."


def differential_sentence(other: str, condition: str, text: str) -> str:
    """'X can be confused with Y. <how to tell>'."""
    lead = f"{capitalise(condition)} can be confused with {other}."
    return f"{lead} {text}".strip()


def rule_sentence(level: str, all_of: list[str], any_of: list[str], reason: str, audience: str) -> str:
    """A warning sign from a red-flag rule, led by how urgent it is."""
    lead = RULE_LEADS[audience].get(level, RULE_LEADS[audience]["routine"])
    findings = join_items(all_of)
    if any_of:
        either = chunked(any_of, audience, "or")
        findings = f"{findings} with {either}" if findings else either
    if audience == "clinician":
        return f"{lead}: {findings}. {reason}".strip()
    return f"{lead} This is for {findings}. {reason}".strip()
