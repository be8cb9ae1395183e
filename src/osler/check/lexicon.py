"""The lexicon: every clinical and lay name of findings, risk factors, drugs and conditions, matched in text.

Names come from `kb.names()` (a name shared by several concepts goes to the preferred one); two different names
that reduce to the same tokens ('pain in my testicle', 'pain into my testicle') find both their concepts. Each name is reduced
to its content tokens (`osler.check.text.name_keys`). A name matches a clause when all its content tokens occur
in it within a short window: names whose words come in the same order as in the text may spread wider
(`max_span`) than names whose words come in another order (`max_span_unordered`), and a comma between the words
counts as extra distance. So 'my calf hurts when I walk' meets 'calf pain on walking', while 'I wake at 4 and
can't get back to sleep' does not meet "can't wake him". A name whose only content word is helped by function
words ('seeing things', 'been like this for weeks') must appear as the whole phrase. A name holding a negation
word ('no pulse in the foot') must appear in order.

When one match's tokens are a strict subset of another's, the longer match wins: the shorter finding is kept as
*contained* when it has two words or more ('itchy rash' inside 'itchy rash with blisters'), other shorter
matches are dropped (one word inside a longer name often means something else: 'fits' in 'sneezing fits'). A
condition's name never hides a finding: 'calf cramps at night' is both the name of a condition and a description
of findings.

A part of the body also counts as its region (`osler.check.text.REGION_OF`): 'my calf aches' meets 'leg pain';
'left' or 'right' before a limb also reads as 'one' and 'unilateral': 'my left leg is swollen' meets 'swelling of
one leg'.

A finding of one part of the body (its `body_part`) matched by a name built on a placeless symptom word (pain,
swelling, tingling ...) and no body word is dropped when its clause names only parts of another zone: 'an ache
low on the left of my chest' is not 'pain low on the left' of the pelvis. Words that sit between zones (ribs,
side, groin, hip, neck, shoulder) never cause a drop; names that carry their place ('palpitations', 'headache')
never do.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, replace
from itertools import product

from osler.check.reference import agents, link_predicates, refer, subject_part
from osler.check.text import (
    BREAKS,
    FILLERS,
    LIMBS,
    REGION_OF,
    SIDE_FORMS,
    SIDE_WORDS,
    STOPWORDS,
    Token,
    canonical,
    fold,
    name_keys,
)
from osler.model.knowledge_base import KnowledgeBase
from osler.model.names import normalize_name

CLAUSE_WORDS = frozenset({"but", "however", "although", "though", "whereas"})
"""Words that end a clause: a name's tokens must not be joined across them."""

MATCHED_KINDS = frozenset({"finding", "risk_factor", "drug", "drug_class", "condition"})
"""Concept kinds the checker looks for in text."""

NEGATION_FORMS = frozenset({"not", "without", "absent", "never", "non"})
"""Forms that make a name order-sensitive."""

COMMA_COST = 2
"""Extra distance a comma inside a match adds. Articles and possessives between a name's words do not count ('pain
at the back of my head')."""


def max_span(n_tokens: int) -> int:
    """How many token positions a name of n content tokens may spread over, words in the name's order."""
    return 1 if n_tokens <= 1 else 2 * n_tokens + 1


def max_span_unordered(n_tokens: int) -> int:
    """How many token positions a name of n content tokens may spread over when its words come in another order."""
    return 1 if n_tokens <= 1 else n_tokens + 2


@dataclass(frozen=True)
class Match:
    """A concept found in text: which concept, of what kind, at which token positions, under which name.

    `contained` is set when a longer match of another concept covers this one (the text names something more
    specific).
    """

    concept: str
    kind: str
    positions: tuple[int, ...]
    name: str
    contained: bool = False
    negative: bool = False


_ZONE_WORDS: dict[str, tuple[str, ...]] = {
    "chest": ("chest", "breast", "breastbone", "sternum", "heart"),
    "abdomen": (
        "abdomen",
        "abdominal",
        "tummy",
        "belly",
        "stomach",
        "bowel",
        "pelvis",
        "pelvic",
        "uterus",
        "womb",
        "bladder",
        "ovary",
        "liver",
        "navel",
        "epigastrium",
    ),
    "leg": (
        "leg",
        "thigh",
        "knee",
        "calf",
        "shin",
        "ankle",
        "foot",
        "toe",
        "heel",
        "tibia",
        "tibial",
        "fibula",
        "femur",
        "metatarsal",
        "calcaneus",
    ),
    "arm": ("arm", "forearm", "elbow", "wrist", "hand", "finger", "fingertip", "thumb", "humerus"),
    "head": ("head", "scalp", "forehead", "temple"),
    "face": ("face", "cheek", "lip", "mouth", "tongue", "jaw", "tooth", "teeth", "gum"),
    "eye": ("eye", "eyelid"),
    "ear": ("ear",),
}
_BETWEEN_ZONES = (
    "rib",
    "ribs",
    "side",
    "flank",
    "groin",
    "hip",
    "neck",
    "shoulder",
    "back",
    "spine",
    "joint",
    "buttock",
)
BODY_ZONE: dict[str, str] = {canonical(w): zone for zone, words in _ZONE_WORDS.items() for w in words}
"""Matching form of a body word -> its zone."""
BETWEEN_ZONES = frozenset(canonical(w) for w in _BETWEEN_ZONES)
_PLACELESS = (
    "pain",
    "sore",
    "swelling",
    "tender",
    "tingling",
    "numb",
    "weak",
    "red",
    "lump",
    "burning",
    "cramp",
    "bigger",
    "larger",
    "fatter",
    "puffier",
)
PLACELESS = frozenset(canonical(w) for w in _PLACELESS)
"""Symptom words that say nothing of where: a name built on them needs the clause to agree on the place."""
_DESCRIBING = (
    "swollen swelling puffy red hot warm tender painful sore aching achy throbbing numb tingling tingly itchy "
    "stiff cold pale blue purple white mottled weak bruised burning shiny tight hard inflamed blotchy dark "
    "and or , is are was were looks look feels feel has gone got become very really quite bit so all also"
)
LISTED = frozenset(canonical(w) for w in _DESCRIBING.split())
"""Words that may stand in a list describing one body part ('my foot is throbbing, hot and swollen'): a name made
of a body word and one of the descriptions matches across such a list as if its words were next to each other."""
LIST_REACH = 8
"""The widest list of descriptions (in tokens) read that way."""


def zone_of(body_part: object) -> str | None:
    """The zone of a finding's `body_part` (None when it has none or it spans zones, like skin or joints)."""
    if not isinstance(body_part, str) or not body_part.strip():
        return None
    forms = [canonical(w) for w in fold(body_part).split()]
    return BODY_ZONE.get(forms[-1]) if forms else None


@dataclass(frozen=True)
class _Entry:
    key: tuple[str, ...]
    concept: str
    kind: str
    name: str
    exact: bool = False
    surface: str = ""
    negative: bool = False
    zone: str | None = None
    placeless: bool = False
    abbreviation: bool = False
    infinitive: bool = False
    forms: frozenset[str] = frozenset()
    """The name's distinct tokens: a sentence lacking any of them cannot hold the name."""
    one_sided: bool = False
    """A finding of one side only ('one-sided weakness'), which words for both sides rule out."""
    tight: bool = False
    """A name of several words holding an abbreviation ('ST depression', 'RIF pain'), whose words must stand
    together: at most one other word between them."""

    @property
    def ordered(self) -> bool:
        """Whole phrases and names with a negation word must keep their word order ('JVP raised' is 'raised JVP')."""
        return self.exact or self.negative


@dataclass
class _Clause:
    """One clause of a text as the name matcher sees it: where each form occurs, the positions that change a
    window's cost, and the agent each word of easing or worsening names ('eased by rest')."""

    where: dict[str, list[int]]
    commas: list[int]
    fillers: frozenset[int]
    content: frozenset[int]
    body: dict[int, str]
    listed: frozenset[int]
    agents: dict[int, range]


class Lexicon:
    """Names of the knowledge base indexed by their rarest content token, for fast matching."""

    def __init__(self, kb: KnowledgeBase, extra: dict[str, list[str]] | None = None) -> None:
        entries: dict[tuple[tuple[str, ...], str], _Entry] = {}
        names = dict(kb.names())
        for name, ids in (extra or {}).items():
            names.setdefault(name, ids)
        abbreviations: set[str] = set()
        holding: set[str] = set()
        for c in kb.concepts.values():
            for n in c.all_names():
                if n.isupper() and len(n.strip()) <= 5:
                    abbreviations.add(normalize_name(n))
                elif _holds_abbreviation(n):
                    holding.add(normalize_name(n))
        for name, ids in names.items():
            if not ids:
                continue
            concept = kb.get(ids[0])
            if concept is None or concept.kind not in MATCHED_KINDS:
                continue
            key, phrase = name_keys(name)
            exact = False
            if len(key) == 1 and len(phrase) > 1:
                key, exact = phrase, True
            if not key or (key, concept.id) in entries or STOPWORDS.issuperset(key):
                continue  # a name of function words only ('AS') cannot be told from the words themselves
            if len(key) == 1 and len(key[0]) <= 2 and not key[0].isalpha():
                continue
            negative = not NEGATION_FORMS.isdisjoint(key)
            abbreviation = name in abbreviations and len(key) == 1
            surface = (
                fold(name).strip() if abbreviation else _plain(fold(name).strip()) if len(key) == 1 else ""
            )
            zone = zone_of(concept.attributes.get("body_part")) if concept.kind == "finding" else None
            placeless = zone is not None and not PLACELESS.isdisjoint(key)
            entries[key, concept.id] = _Entry(
                key,
                concept.id,
                concept.kind,
                name,
                exact,
                surface,
                negative,
                zone,
                placeless,
                abbreviation,
                _infinitive(key, phrase),
                frozenset(key),
                concept.kind == "finding" and ("one-sided" in concept.id or "unilateral" in concept.id),
                len(key) > 1 and name in holding,
            )
        counts: dict[str, int] = defaultdict(int)
        for key in {k for k, _ in entries}:
            for form in set(key):
                counts[form] += 1
        self._index: dict[str, list[_Entry]] = defaultdict(list)
        for entry in entries.values():
            anchor = min(entry.key, key=lambda f: (counts[f], f))
            self._index[anchor].append(entry)
        self.size = len(entries)

    def match(self, tokens: list[Token]) -> list[Match]:
        """Every name found in the tokens, after dropping matches contained in a longer one."""
        found: list[Match] = []
        previous: str | None = None
        for sentence in _sentences(tokens):
            where: dict[str, list[int]] = defaultdict(list)
            surfaces: dict[int, str] = {}
            for i, tok in enumerate(sentence):
                where[tok.form].append(tok.position)
                surfaces[tok.position] = tok.surface
                region = REGION_OF.get(tok.form)
                if region is not None:
                    where[region].append(tok.position)
                if tok.surface in SIDE_WORDS and any(t.form in LIMBS for t in sentence[i + 1 : i + 3]):
                    for form in SIDE_FORMS:
                        where[form].append(tok.position)
            commas = where.get(",", [])
            fillers = frozenset(i for i, w in surfaces.items() if w in FILLERS) | _similes(sentence)
            body = {
                tok.position: tok.form
                for tok in sentence
                if tok.form in BODY_ZONE or tok.form in BETWEEN_ZONES
            }
            if body:
                previous = subject_part(body, BODY_ZONE)
                link_predicates(sentence, body, where)
            elif previous is not None:
                refer(sentence, previous, where, body)
            zones = {BODY_ZONE.get(form) for form in body.values()}
            content = frozenset(t.position for t in sentence if t.form not in STOPWORDS and t.form != ",")
            clause = _Clause(
                where,
                commas,
                fillers,
                content,
                body,
                frozenset(t.position for t in sentence if t.form in LISTED or t.surface in LISTED),
                agents(sentence),
            )
            present = where.keys()
            for form in list(where):
                for entry in self._index.get(form, ()):
                    if not entry.forms <= present:
                        continue
                    if len(entry.key) == 1:
                        positions = _single(entry, where[form], surfaces)
                    else:
                        positions = _window(entry, clause)
                        if (
                            positions is not None
                            and entry.infinitive
                            and "to" not in (surfaces.get(p) for p in range(positions[0] + 1, positions[1]))
                        ):
                            positions = None
                    if entry.one_sided and positions is not None and _both_sides(positions, surfaces):
                        continue
                    if positions is not None and not _elsewhere(entry, positions, body, zones, surfaces):
                        found.append(
                            Match(entry.concept, entry.kind, positions, entry.name, negative=entry.negative)
                        )
        return _longest(found)


BOTH_SIDES = frozenset(
    "both bilateral arms legs hands feet knees ankles calves thighs shins wrists elbows hips eyes ears".split()
)
"""Words that put a one-sided finding on both sides ('can't lift my arms', 'both legs are weak')."""


def _both_sides(positions: tuple[int, ...], surfaces: Mapping[int, str]) -> bool:
    """True when a match of a one-sided finding names a pair of limbs or follows 'both'."""
    return any(
        surfaces.get(p) in BOTH_SIDES or surfaces.get(p - 1) == "both" or surfaces.get(p - 2) == "both"
        for p in positions
    )


SIMILE_REACH = 3
"""How many words before a name 'like' may stand to make it a comparison ('like a bad toothache'); a comparison
of that length costs nothing in a name's window ('pain like a bad toothache deep in my buttock' is buttock pain)."""


def _similes(sentence: list[Token]) -> frozenset[int]:
    """Positions of comparisons 'like a/an ...' (up to `SIMILE_REACH` words, stopping at a body word or comma)."""
    out: set[int] = set()
    for i, tok in enumerate(sentence[:-1]):
        if tok.surface != "like" or sentence[i + 1].surface not in ("a", "an"):
            continue
        out.add(tok.position)
        for nxt in sentence[i + 2 : i + 1 + SIMILE_REACH]:
            if nxt.surface == "," or nxt.form in BODY_ZONE or nxt.form in BETWEEN_ZONES:
                break
            out.add(nxt.position)
    return frozenset(out)


def _elsewhere(
    entry: _Entry,
    positions: tuple[int, ...],
    body: dict[int, str],
    zones: set[str | None],
    surfaces: Mapping[int, str],
) -> bool:
    """True when a finding of one zone sits in a clause about another zone only: matched without a body word, or
    named in a comparison ('pain like a toothache deep in my buttock' is buttock pain, not toothache)."""
    if entry.zone is None or entry.zone in zones or not zones - {None}:
        return False
    if any(surfaces.get(positions[0] - k) == "like" for k in range(1, SIMILE_REACH + 1)):
        return True
    return entry.placeless and None not in zones and not any(p in body for p in positions)


def _sentences(tokens: list[Token]) -> list[list[Token]]:
    out: list[list[Token]] = [[]]
    for tok in tokens:
        if tok.surface in BREAKS or tok.surface in CLAUSE_WORDS:
            out.append([])
        else:
            out[-1].append(tok)
    return [s for s in out if s]


def _plain(word: str) -> str:
    """A word without a plural ending, for comparing one-word names on their surface."""
    if word.endswith("es") and word[:-2].endswith(("ss", "sh", "ch", "x")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _single(entry: _Entry, positions: list[int], surfaces: dict[int, str]) -> tuple[int, ...] | None:
    """Where a one-word name occurs. Drug names must match the word itself ('lifted' is not the brand Lift);
    short stems must match the word or its own inflections ('fitting' is 'fit', but 'boxing' is not 'box')."""
    if entry.abbreviation:  # 'DOE' is not 'does'
        return next(((p,) for p in positions if surfaces[p] == entry.surface), None)
    if entry.kind in ("drug", "drug_class"):
        allowed = {entry.surface}
    elif len(entry.key[0]) <= 3:
        base = entry.surface
        allowed = {base, base + "ing", base + base[-1:] + "ing", base + "ed", base + base[-1:] + "ed"}
    else:
        return (positions[0],)
    for p in positions:
        if _plain(surfaces[p]) in allowed:
            return (p,)
    return None


def _window(entry: _Entry, clause: _Clause) -> tuple[int, ...] | None:
    """The tightest positions holding every token of the name, if they fit in the allowed span (in a name with a
    negation word, see `_negation_governs`; across a list of descriptions, see `_across_list`)."""
    where, fillers = clause.where, clause.fillers
    key = entry.key
    if any(form not in where for form in key):
        return None
    if entry.exact:
        for start in where[key[0]]:
            run = [start]
            for form in key[1:]:
                p = run[-1] + 1
                while p in fillers:
                    p += 1
                if p not in where[form]:
                    break
                run.append(p)
            else:
                return tuple(run)
        return None
    best: tuple[int, ...] | None = None
    best_cost = 0
    options = [where[form][:6] for form in key]
    for chosen in product(*options):
        if len(set(chosen)) < len(chosen):
            continue
        in_order = all(a < b for a, b in zip(chosen, chosen[1:], strict=False))
        if entry.ordered and not in_order:
            continue
        if entry.negative and not _negation_governs(entry.key, chosen, clause.content):
            continue
        if any(p in clause.agents and not any(q in clause.agents[p] for q in chosen) for p in chosen):
            continue
        lo, hi = min(chosen), max(chosen)
        commas = sum(1 for p in clause.commas if lo < p < hi)
        skipped = sum(1 for p in fillers if lo < p < hi)
        cost = hi - lo + 1 + COMMA_COST * commas - skipped
        if cost > len(chosen) + 1 and _across_list(chosen, lo, hi, clause.body, clause.listed):
            cost = len(chosen) + 1
        if entry.tight:
            limit = len(key) + 1
        else:
            limit = max_span(len(key)) if in_order else max_span_unordered(len(key))
        if cost <= limit and (best is None or cost < best_cost):
            best, best_cost = tuple(sorted(chosen)), cost
    return best


def _across_list(
    chosen: tuple[int, ...], lo: int, hi: int, body: Mapping[int, str], listed: frozenset[int]
) -> bool:
    """True when a body word at one end is joined to the rest only by a list of descriptions ('foot throbbing, hot
    and swollen' holds 'swollen foot')."""
    if hi - lo > LIST_REACH or (lo not in body and hi not in body):
        return False
    return all(p in listed for p in range(lo + 1, hi) if p not in chosen)


def _holds_abbreviation(name: str) -> bool:
    """True when a name has a short word in capitals ('ST depression', 'PR bleeding'): such a word qualifies the
    word next to it, so 'ST elevation with PR depression' holds no 'ST depression'."""
    return any(2 <= len(w) <= 4 and w.isalpha() and w.isupper() for w in name.split())


def _infinitive(key: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    """A name whose first two content words are joined by 'to' ('hard to wake', 'unable to walk') needs the 'to'
    between them in the text too: 'rock hard at night and wakes me' is not 'hard to wake'."""
    if len(key) < 2 or key[0] not in phrase or key[1] not in phrase:
        return False
    first, second = phrase.index(key[0]), phrase.index(key[1])
    return second > first and "to" in phrase[first + 1 : second]


def _negation_governs(key: tuple[str, ...], chosen: tuple[int, ...], content: frozenset[int]) -> bool:
    """At most one content word between a negation and the word it negates ('no energy or appetite', "don't
    want to eat"); more means it negates something else ('no urge to move symptoms')."""
    for i, form in enumerate(key[:-1]):
        if form in NEGATION_FORMS and sum(chosen[i] < p < chosen[i + 1] for p in content) > 1:
            return False
    return True


HYPOTHETICAL = re.compile(r"\b(?:going to|about to|nearly|almost|might|would)\b")
"""Words that make a longer name a threat or a near miss of the shorter one inside it: the shorter is not kept
('about to pass out' holds no faint)."""


def _longest(matches: list[Match]) -> list[Match]:
    """Drop or mark matches covered by a longer one (see the module docstring)."""
    ordered = sorted(matches, key=lambda m: (-len(m.positions), m.positions, m.concept))
    kept: list[Match] = []
    seen: set[tuple[str, tuple[int, ...]]] = set()
    for match in ordered:
        if (match.concept, match.positions) in seen:
            continue
        pos = set(match.positions)
        covering = [
            k
            for k in kept
            if pos < set(k.positions)
            and k.concept != match.concept
            and not k.contained
            and (k.kind != "condition" or match.kind == "condition")
        ]
        if covering:
            if len(pos) < 2 or match.kind != "finding" or any(k.kind != "finding" for k in covering):
                continue
            if any(HYPOTHETICAL.search(k.name) for k in covering):
                continue  # 'about to pass out' is not 'passed out'
            if any(k.negative and not match.negative for k in covering):
                continue  # 'productive cough' inside 'non-productive cough' is denied by it
            match = replace(match, contained=True)
        seen.add((match.concept, match.positions))
        kept.append(match)
    return sorted(kept, key=lambda m: (m.positions, m.concept))
