"""Relation patterns: one registry of documented cue rules that turn a sentence into subject-relation-object.

Each `RelationPattern` is a hand-written lexico-syntactic cue in the tradition of Hearst (1992, "Automatic
acquisition of hyponyms from large text corpora") and of SemRep's indicator rules (Rindflesch & Fiszman 2003):
the cue splits its clause into a left and a right part, and the pattern says where the subject and the object
are found: `left`, `right`, `inner` (a slot inside the cue, e.g. the X of "symptoms of X include"), or `topic`
(what the document or its current heading is about). A slot with no concept mention falls back to the topic
when it only holds a pronoun or generic words ("It can cause ...", "Treatment includes ...").

`HEADING_RULES` give the relation of list items under a heading ("Risk factors:", "## Side effects") and of
inline lists ("Medications: quinine, ..."): each item is the subject, the heading's topic the object.

`SLOT_KINDS` restricts which concept kinds may fill each slot, and `retype` turns a drug "causing" a finding
into `adverse_effect_of` (finding adverse_effect_of drug), following the direction table in `model/claim.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Slot = Literal["left", "right", "inner", "topic"]

MOD = r"(?:(?:may|might|can|could|will|would|should|often|usually|sometimes|also|commonly|frequently|rarely|generally|typically|mainly|mostly|do|does|did|not|never|is known to|are known to|has been shown to|have been shown to|tends? to|seems? to|appears? to|help(?:s)?(?: to)?)\s+){0,3}"
INNER = r"[^.;:]{1,80}?"
BE = r"(?:is|are|was|were|be|been|can be|may be|might be|could be|is often|are often|is sometimes|are sometimes|is not|are not|isn't|aren't)"
FINDINGS_WORDS = r"(?:signs?|symptoms?|features?|manifestations?|hallmarks?|indications?)"
SIGNS_AND_SYMPTOMS = r"(?:signs?|symptoms?)(?: and (?:signs?|symptoms?))?"
INCLUDE = r"(?:include|includes|including|are|can include|may include|often include|consist of)"


@dataclass(frozen=True)
class RelationPattern:
    """A cue for one relation: where the subject and object are, and the strength the bare wording implies."""

    name: str
    relation: str
    subject: Slot
    object: Slot
    keywords: tuple[str, ...]  # lower-case words one of which the sentence must hold (a fast pre-filter)
    regex: str
    strength: str = "strong"
    cue_negates: bool = False  # the cue itself contains "not" (e.g. "should not be used for")


# fmt: off
PATTERNS: tuple[RelationPattern, ...] = (
    # not_recommended_for
    RelationPattern("should-not-be-used-for", "not_recommended_for", "left", "right", ("not be", "never be", "n't be"), cue_negates=True,
                    regex=r"\b(?:should not|shouldn't|must not|should never|must never) be (?:used|taken|given|prescribed|offered) (?:for|to treat|in|as a treatment for)\b"),
    RelationPattern("not-recommended-for", "not_recommended_for", "left", "right", ("recommended", "advised", "suggested"), cue_negates=True,
                    regex=r"\b(?:is|are) (?:no longer|not) (?:recommended|advised|suggested) (?:for|to treat|in|as a treatment for)\b"),
    RelationPattern("not-recommended", "not_recommended_for", "left", "topic", ("recommended", "advised"), cue_negates=True,
                    regex=r"\b(?:is|are) (?:no longer|not) (?:recommended|advised)\b"),
    RelationPattern("do-not-use-for", "not_recommended_for", "inner", "right", ("use ", "take ", "give "), cue_negates=True,
                    regex=r"\b(?:do not|don't|never) (?:use|take|give) (?P<inner>" + INNER + r") (?:for|to treat)\b"),
    # finding_of
    RelationPattern("symptoms-of-include", "finding_of", "right", "inner", ("sign", "symptom"),
                    regex=r"\b" + SIGNS_AND_SYMPTOMS + r" (?:of|in|for) (?P<inner>" + INNER + r")\s+" + MOD + INCLUDE + r"\b"),
    RelationPattern("symptoms-include", "finding_of", "right", "left", ("sign", "symptom"),
                    regex=r"\b" + SIGNS_AND_SYMPTOMS + r"\s+" + MOD + r"(?:include|includes|can include|may include)\b"),
    RelationPattern("is-a-sign-of", "finding_of", "left", "right", ("sign", "symptom", "feature", "manifestation", "hallmark", "indication"), strength="definite",
                    regex=r"\b" + BE + r" (?:a |an |the )?(?:(?:common|typical|classic|main|early|key|usual|frequent|rare|possible|important|late|first|warning|tell-tale|telltale)\s+)*" + FINDINGS_WORDS + r" of\b"),
    RelationPattern("characterized-by", "finding_of", "right", "left", ("present", "characteri", "marked by"),
                    regex=r"\b(?:presents? with|is characteri[sz]ed by|are characteri[sz]ed by|is marked by)\b"),
    # risk_factor_for
    RelationPattern("risk-factors-for-include", "risk_factor_for", "right", "inner", ("risk factor",),
                    regex=r"\brisk factors? (?:for|of) (?P<inner>" + INNER + r")\s+" + MOD + INCLUDE + r"\b"),
    RelationPattern("risk-factors-include", "risk_factor_for", "right", "left", ("risk factor",),
                    regex=r"\brisk factors?\s+" + MOD + r"(?:include|includes)\b"),
    RelationPattern("is-a-risk-factor-for", "risk_factor_for", "left", "right", ("risk factor",),
                    regex=r"\b" + BE + r" (?:a |an |the )?(?:(?:major|main|known|important|strong|common|possible|key|independent)\s+)*risk factors? (?:for|of)\b"),
    RelationPattern("raises-the-risk-of", "risk_factor_for", "left", "right", ("risk", "chance", "likelihood", "odds"),
                    regex=r"\b(?:increases?|increased|raises?|raised|doubles?|triples?|boosts?) (?:the |your |a person's |one's |their |his |her )?(?:risk|chance|chances|likelihood|odds) (?:of|for)(?: getting| developing| having)?\b"),
    RelationPattern("at-higher-risk-of", "risk_factor_for", "left", "right", ("risk",),
                    regex=r"\b(?:are|is|be) (?:at )?(?:a )?(?:higher|greater|increased|high) risk (?:of|for)(?: getting| developing)?\b"),
    # adverse_effect_of
    RelationPattern("side-effects-of-include", "adverse_effect_of", "right", "inner", ("side effect", "side-effect", "adverse"),
                    regex=r"\b(?:side[- ]effects?|adverse (?:effects?|reactions?)) (?:of|from) (?P<inner>" + INNER + r")\s+" + MOD + INCLUDE + r"\b"),
    RelationPattern("is-a-side-effect-of", "adverse_effect_of", "left", "right", ("side effect", "side-effect", "adverse"),
                    regex=r"\b" + BE + r" (?:a |an )?(?:(?:common|rare|known|possible|serious|frequent|recognised|recognized)\s+)*(?:side[- ]effects?|adverse (?:effects?|reactions?)) of\b"),
    # causes
    RelationPattern("causes-of-include", "causes", "right", "inner", ("cause",),
                    regex=r"\b(?:(?:common|main|usual|possible)\s+)?causes? of (?P<inner>" + INNER + r")\s+" + MOD + INCLUDE + r"\b"),
    RelationPattern("is-caused-by", "causes", "right", "left", (" by",),
                    regex=r"\b" + BE + r" (?:often |usually |mainly |mostly |commonly |sometimes |always )?(?:caused|triggered|brought on|set off) by\b"),
    RelationPattern("causes", "causes", "left", "right", ("cause", "lead", "led to", "result", "trigger", "bring", "brings", "rise to"),
                    regex=r"\b(?:causes?|caused|leads? to|led to|results? in|triggers?|brings? on|gives? rise to)\b"),
    # complication_of
    RelationPattern("complications-of-include", "complication_of", "right", "inner", ("complication",),
                    regex=r"\bcomplications? (?:of|from) (?P<inner>" + INNER + r")\s+" + MOD + INCLUDE + r"\b"),
    RelationPattern("complications-include", "complication_of", "right", "left", ("complication",),
                    regex=r"\bcomplications?\s+" + MOD + r"(?:include|includes)\b"),
    RelationPattern("is-a-complication-of", "complication_of", "left", "right", ("complication",),
                    regex=r"\b" + BE + r" (?:a |an |the )?(?:(?:common|rare|serious|possible|known|major|main|dangerous|late|frequent|feared)\s+)*complications? of\b"),
    # differential_of
    RelationPattern("confused-with", "differential_of", "right", "left", ("confused", "mistaken", "misdiagnosed", "mixed up"),
                    regex=r"\b" + BE + r" (?:easily |often |commonly |sometimes |frequently )?(?:confused with|mistaken for|misdiagnosed as|mixed up with)\b"),
    RelationPattern("looks-like", "differential_of", "right", "left", ("like", "similar"),
                    regex=r"\b(?:can|may|might|often) (?:look|feel|seem) (?:like|similar to)\b"),
    # test_for
    RelationPattern("tests-for-include", "test_for", "right", "inner", ("test",),
                    regex=r"\btests? (?:for|to diagnose|used to diagnose) (?P<inner>" + INNER + r")\s+" + MOD + INCLUDE + r"\b"),
    RelationPattern("is-diagnosed-with", "test_for", "right", "left", ("diagnosed", "confirmed", "detected", "ruled out", "found"),
                    regex=r"\b" + BE + r" (?:usually |often |best )?(?:diagnosed|confirmed|detected|ruled out|found) (?:with|by|using|through|on)(?: an?| the)?\b"),
    RelationPattern("is-used-to-diagnose", "test_for", "left", "right", ("diagnos", "detect", "confirm", "rule out", "check for", "test for", "look for", "screen for"),
                    regex=r"\b(?:" + BE + r" )?(?:used|done|performed|ordered|needed|helpful) (?:to (?:diagnose|detect|confirm|rule out|check for|test for|look for|screen for)|in the diagnosis of|for diagnosing)\b"),
    RelationPattern("diagnoses", "test_for", "left", "right", ("diagnoses", "detects", "confirms", "rules out", "screens", "can show", "shows whether"),
                    regex=r"\b(?:diagnoses|detects|confirms|rules out|screens for|can show|shows whether you have)\b"),
    RelationPattern("is-a-test-for", "test_for", "left", "right", ("test",),
                    regex=r"\b" + BE + r" (?:a |an |the )?(?:(?:blood|simple|common|main|best|standard|first|useful|reliable|key)\s+)*tests? (?:for|to diagnose)\b"),
    # red_flag_for
    RelationPattern("seek-emergency-care-if", "red_flag_for", "right", "topic", ("emergency", "urgent", "immediate"),
                    regex=r"\b(?:seek|get|call for|go for) (?:emergency|urgent|immediate) (?:medical )?(?:care|help|attention|treatment)(?: right away| immediately| at once| straight away)? (?:if|when)\b"),
    RelationPattern("call-emergency-if", "red_flag_for", "right", "topic", ("call", "go to"),
                    regex=r"\b(?:call (?:911|999|112|an ambulance|your local emergency number|emergency services)|go to (?:the |an )?(?:emergency (?:room|department)|ER|A&E|hospital))(?: right away| immediately| at once)? (?:if|when)\b"),
    RelationPattern("if-then-seek-emergency-care", "red_flag_for", "inner", "topic", ("emergency", "urgent", "immediate"),
                    regex=r"\b(?:if|when) (?P<inner>[^.;]{1,120}?),? (?:seek|get|call for) (?:emergency|urgent|immediate) (?:medical )?(?:care|help|attention)\b"),
    RelationPattern("is-a-warning-sign-of", "red_flag_for", "left", "right", ("warning", "red flag", "danger", "emergency"),
                    regex=r"\b" + BE + r" (?:a |an )?(?:warning signs?|red flags?|danger signs?|emergency signs?) (?:of|for)\b"),
    # treats
    RelationPattern("treatments-for-include", "treats", "right", "inner", ("treatment", "therap", "medicine", "medication", "drugs"),
                    regex=r"\b(?:treatments?|therapies|medicines|medications|drugs) (?:options )?(?:for|of) (?P<inner>" + INNER + r")\s+" + MOD + INCLUDE + r"\b"),
    RelationPattern("treatment-includes", "treats", "right", "left", ("treatment", "therapy"),
                    regex=r"\b(?:treatments?|therapy)(?: options)?\s+" + MOD + r"(?:include|includes|involves?|consists? of)\b"),
    RelationPattern("is-treated-with", "treats", "right", "left", ("treated", "managed", "relieved", "controlled", "cured"),
                    regex=r"\b" + BE + r" (?:usually |often |commonly |best |mainly |effectively |successfully )?(?:treated|managed|relieved|controlled|cured) (?:with|by|using)\b"),
    RelationPattern("treats", "treats", "left", "right", ("treat", "relieve", "cure", "ease", "works for", "therapy", "remed", "effective"),
                    regex=r"\b(?:(?:is|are) (?:used|given|prescribed) to (?:treat|relieve|ease|manage)|(?:is|are) (?:a |an |the )?(?:(?:first[- ]line|standard|main|effective|common)\s+)*(?:treatments?|therapy|remedy|remedies) (?:for|of)|(?:is|are) effective (?:for|against|in treating)|treats|treat|treated|relieves|relieve|cures|cure|eases|ease|works for|reduces the symptoms of)\b"),
    # prevents
    RelationPattern("is-prevented-by", "prevents", "right", "left", ("prevented", "avoided"),
                    regex=r"\b" + BE + r" (?:often |usually |largely )?(?:prevented|avoided) (?:by|with|through)\b"),
    RelationPattern("prevents", "prevents", "left", "right", ("prevent", "protect", "reduce", "lower", "cut", "coming back"),
                    regex=r"\b(?:prevents?|prevent|protects? against|reduces? the (?:risk|chance|number|frequency) of|lowers? the (?:risk|chance) of|cuts? the risk of|stops? (?:them|it) (?:from )?coming back)\b"),
    # associated_with
    RelationPattern("associated-with", "associated_with", "left", "right", ("associated", "linked", "correlated", "connected"), strength="may_help",
                    regex=r"\b(?:" + BE + r" )?(?:(?:strongly|weakly|closely|significantly|independently|consistently|also|often)\s+)?(?:associated|linked|correlated|connected) (?:with|to)\b"),
)
# fmt: on


@dataclass(frozen=True)
class HeadingRule:
    """A heading (or an inline "Heading: item, item") whose list items stand in a relation to the topic."""

    relation: str
    regex: re.Pattern[str]


HEADING_RULES: tuple[HeadingRule, ...] = (
    HeadingRule(
        "not_recommended_for",
        re.compile(r"\b(?:not recommended|what not to (?:take|use)|avoid|do not use)\b", re.I),
    ),
    HeadingRule(
        "red_flag_for",
        re.compile(
            r"\b(?:seek (?:emergency|urgent|immediate)|emergency|warning signs?|red flags?|danger signs?|call 911|call 999)\b",
            re.I,
        ),
    ),
    HeadingRule(
        "risk_factor_for", re.compile(r"\brisk factors?|who is (?:at risk|more likely)|who gets\b", re.I)
    ),
    HeadingRule(
        "adverse_effect_of", re.compile(r"\b(?:side[- ]effects?|adverse (?:effects?|reactions?))\b", re.I)
    ),
    HeadingRule("complication_of", re.compile(r"\bcomplications?\b", re.I)),
    HeadingRule(
        "differential_of",
        re.compile(
            r"\b(?:differential|confused with|conditions? (?:that|which) (?:can )?(?:look|feel) like|similar conditions|look-alikes?)\b",
            re.I,
        ),
    ),
    HeadingRule("finding_of", re.compile(r"\b(?:signs?|symptoms?)\b", re.I)),
    HeadingRule(
        "test_for", re.compile(r"\b(?:tests?|diagnos[ei]s|diagnosing|exams?|investigations?)\b", re.I)
    ),
    HeadingRule("prevents", re.compile(r"\b(?:prevention|preventing|prevent)\b", re.I)),
    HeadingRule(
        "treats",
        re.compile(
            r"\b(?:treatments?|treating|treated|medications?|medicines?|drugs|therapy|therapies|management|managing|remedies)\b",
            re.I,
        ),
    ),
    HeadingRule("causes", re.compile(r"\b(?:causes?|triggers?|what causes)\b", re.I)),
    HeadingRule("associated_with", re.compile(r"\b(?:associated|related|linked) conditions\b", re.I)),
)

_ANY = frozenset({"condition", "finding", "risk_factor", "drug", "drug_class", "treatment", "test"})
_THERAPY = frozenset({"drug", "drug_class", "treatment"})
SLOT_KINDS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "finding_of": (frozenset({"finding", "condition"}), frozenset({"condition"})),
    "risk_factor_for": (
        frozenset({"risk_factor", "condition", "drug", "drug_class", "finding", "treatment"}),
        frozenset({"condition"}),
    ),
    "causes": (_ANY, frozenset({"condition", "finding"})),
    "associated_with": (_ANY, _ANY),
    "adverse_effect_of": (frozenset({"condition", "finding"}), _THERAPY),
    "treats": (_THERAPY, frozenset({"condition", "finding"})),
    "prevents": (_THERAPY | {"risk_factor"}, frozenset({"condition", "finding"})),
    "not_recommended_for": (_THERAPY | {"test"}, frozenset({"condition", "finding"})),
    "differential_of": (frozenset({"condition"}), frozenset({"condition"})),
    "red_flag_for": (frozenset({"finding"}), frozenset({"condition"})),
    "complication_of": (frozenset({"condition", "finding"}), frozenset({"condition"})),
    "test_for": (frozenset({"test"}), frozenset({"condition"})),
}


def retype(relation: str, subject_kind: str | None, object_kind: str | None) -> tuple[str, bool]:
    """The relation to store and whether subject and object swap: a medicine that causes a finding or
    condition becomes `adverse_effect_of` (the effect is the subject)."""
    if (
        relation == "causes"
        and subject_kind in ("drug", "drug_class")
        and object_kind in ("finding", "condition")
    ):
        return "adverse_effect_of", True
    return relation, False


def heading_relation(heading: str) -> str | None:
    """The relation a heading gives its list items (None when the heading names no relation)."""
    for rule in HEADING_RULES:
        if rule.regex.search(heading):
            return rule.relation
    return None


_COMPILED: tuple[tuple[RelationPattern, re.Pattern[str]], ...] = tuple(
    (pattern, re.compile(pattern.regex, re.IGNORECASE)) for pattern in PATTERNS
)


@dataclass(frozen=True)
class Cue:
    """A relation cue found in a sentence: the pattern, the cue's offsets and its inner slot (if any)."""

    pattern: RelationPattern
    start: int
    end: int
    inner: tuple[int, int] | None


_KEYWORDS = re.compile(
    "|".join(sorted({re.escape(k) for p in PATTERNS for k in p.keywords}, key=len, reverse=True))
)
_BY_KEYWORD: dict[str, frozenset[int]] = {
    k: frozenset(i for i, p in enumerate(PATTERNS) if k in p.keywords) for p in PATTERNS for k in p.keywords
}
_ALWAYS = frozenset(i for i, p in enumerate(PATTERNS) if not p.keywords)


def _candidates(lowered: str) -> list[int]:
    chosen = set(_ALWAYS)
    for match in _KEYWORDS.finditer(lowered):
        chosen |= _BY_KEYWORD.get(match.group(0), frozenset())
    if not chosen:
        return []
    # a keyword may hide inside a longer one ("risk factor" covers "risk"): add patterns of contained keywords
    for keyword, indexes in _BY_KEYWORD.items():
        if not indexes <= chosen and keyword in lowered:
            chosen |= indexes
    return sorted(chosen)


def find_cues(text: str) -> list[Cue]:
    """Relation cues in a sentence, left to right, not overlapping (on a tie the earlier registry entry wins)."""
    found: list[tuple[int, int, Cue]] = []
    for index in _candidates(text.lower()):
        pattern, regex = _COMPILED[index]
        for match in regex.finditer(text):
            inner = match.span("inner") if "inner" in regex.groupindex and match.group("inner") else None
            found.append((match.start(), index, Cue(pattern, match.start(), match.end(), inner)))
    found.sort(key=lambda f: (f[0], f[1]))
    cues: list[Cue] = []
    for _, _, cue in found:
        if cues and cue.start < cues[-1].end:
            continue
        cues.append(cue)
    return cues
