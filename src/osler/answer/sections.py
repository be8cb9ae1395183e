"""The answer sections, their headings per audience, and which sections each intent puts first.

A section is filled from claims by `retrieval.section_for` (relation + whether the asked-about concept is the
claim's subject or object). Every intent lists the sections that answer it most directly; every other section
with content follows in `DEFAULT_ORDER`, and `warning_signs` is always included when the knowledge base has any
(safety first). The layout follows the plain-language "key questions" structure used by consumer health pages
(e.g. NHS and MedlinePlus topic pages: what it is, symptoms, causes, tests, treatment, when to get help).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SectionKind:
    """A named answer section with a heading for patients and one for clinicians."""

    key: str
    patient: str
    clinician: str

    def heading(self, audience: str) -> str:
        return self.clinician if audience == "clinician" else self.patient


SECTION_KINDS: dict[str, SectionKind] = {
    s.key: s
    for s in (
        SectionKind("direct", "What the evidence says", "Evidence summary"),
        SectionKind("overview", "What it is", "Overview"),
        SectionKind("how_it_happens", "How it happens", "Causes and mechanism"),
        SectionKind("symptoms", "Signs and symptoms", "Clinical features"),
        SectionKind(
            "conditions_with_finding",
            "Conditions that can cause this",
            "Differential diagnosis of this finding",
        ),
        SectionKind("risk", "Who is at risk", "Risk factors"),
        SectionKind("linked", "Conditions linked to it", "Associated conditions"),
        SectionKind("medicines", "Medicines that can cause it", "Drug causes"),
        SectionKind("confused_with", "What it can be confused with", "Differential diagnosis"),
        SectionKind("tests", "How it is diagnosed", "Diagnosis and work-up"),
        SectionKind("self_care", "What you can do yourself", "Self-management"),
        SectionKind("treatment", "Treatments", "Management"),
        SectionKind("prevention", "Prevention", "Prevention"),
        SectionKind("not_recommended", "What to avoid", "Not recommended"),
        SectionKind("safety", "Using it safely", "Safety, dosing and interactions"),
        SectionKind("side_effects", "Possible side effects", "Adverse effects"),
        SectionKind("uses", "What it is used for", "Indications"),
        SectionKind("misconceptions", "Common misconceptions", "Common misconceptions"),
        SectionKind("warning_signs", "Warning signs: when to get help", "Red flags and when to refer"),
        SectionKind("outlook", "Outlook", "Prognosis and complications"),
        SectionKind("library", "From the medical library", "Passages from ingested sources"),
    )
}

DEFAULT_ORDER: tuple[str, ...] = tuple(SECTION_KINDS)

INTENT_SECTIONS: dict[str, tuple[str, ...]] = {
    "causes": (
        "direct",
        "overview",
        "how_it_happens",
        "medicines",
        "risk",
        "linked",
        "conditions_with_finding",
        "confused_with",
        "warning_signs",
        "self_care",
        "treatment",
        "misconceptions",
    ),
    "symptoms": ("direct", "overview", "symptoms", "warning_signs", "confused_with", "tests", "risk"),
    "diagnosis": ("direct", "overview", "symptoms", "tests", "confused_with", "warning_signs", "risk"),
    "treatment": (
        "direct",
        "overview",
        "self_care",
        "treatment",
        "prevention",
        "not_recommended",
        "misconceptions",
        "warning_signs",
    ),
    "prevention": (
        "direct",
        "overview",
        "prevention",
        "self_care",
        "risk",
        "treatment",
        "not_recommended",
        "misconceptions",
        "warning_signs",
    ),
    "medicine_safety": (
        "direct",
        "safety",
        "side_effects",
        "not_recommended",
        "misconceptions",
        "warning_signs",
        "uses",
        "overview",
    ),
    "difference": (
        "direct",
        "overview",
        "symptoms",
        "confused_with",
        "how_it_happens",
        "tests",
        "warning_signs",
    ),
    "seek_care": ("direct", "warning_signs", "overview", "symptoms", "self_care", "treatment", "tests"),
    "outlook": ("direct", "overview", "outlook", "self_care", "treatment", "warning_signs"),
    "overview": ("direct", "overview", "symptoms", "how_it_happens", "treatment", "warning_signs"),
}


def section_order(intent: str) -> list[str]:
    """Section keys in the order an answer to this intent shows them (intent-first, then the rest)."""
    first = INTENT_SECTIONS.get(intent, INTENT_SECTIONS["overview"])
    rest = [key for key in DEFAULT_ORDER if key not in first and key != "library"]
    return [*first, *rest, "library"]
