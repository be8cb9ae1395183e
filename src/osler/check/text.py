"""Tokens for matching symptom text: lower-cased words with light stemming and lay-word folding.

The same `canonical` function is applied to the words of every concept name and to the words a person types, so
'my calves were aching' and the name 'calf pain' meet on the tokens `calf` and `pain`. The folding table holds only
general English and lay-medical equivalences (British/American spelling, plural and verb endings, everyday words
for body parts and bodily functions), never phrases from particular cases.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

import snowballstemmer

_TOKEN = re.compile(r"[a-z0-9]+(?:\.[0-9]+)?|[.,;:!?()]")

BREAKS = frozenset(".;:!?()")
"""Punctuation that ends a sentence or clause for matching and negation."""

STOPWORDS = frozenset(
    """a an the my mine me i im ive id is am are was were be been being to of in on at for with by from into
    onto and or it its itll this that these those have has had having do does did doing so very really just
    get gets got getting gotten like as your you youre he hes his him she shes her hers they theyre them their
    we our us also bit lot lots quite some any too then there here what about around than which who whom
    would could should will shall may might must can such own kind sort way thing things stuff yet""".split()
)
"""Function words ignored when matching names (negation words are kept: they matter)."""

# Whole-word folding after lower-casing: British -> American spelling and irregular forms.
_IRREGULAR: dict[str, str] = {
    "feet": "foot",
    "teeth": "tooth",
    "children": "child",
    "kids": "child",
    "kid": "child",
    "women": "woman",
    "men": "man",
    "calves": "calf",
    "halves": "half",
    "lactate": "lactic",  # the blood test, not breastfeeding ('lactating')
    "evening": "eve",  # not the stem of 'even'
    "evenings": "eve",
    "swollen": "swell",
    "swelled": "swell",
    "puffy": "swell",
    "puffier": "swell",
    "puffed": "swell",
    "bloated": "bloat",
    "spun": "spin",
    "felt": "feel",
    "fell": "fall",
    "fallen": "fall",
    "broke": "break",
    "broken": "break",
    "bit": "bite",
    "bitten": "bite",
    "stung": "sting",
    "ate": "eat",
    "eaten": "eat",
    "drank": "drink",
    "drunk": "drink",
    "struck": "strike",
    "began": "begin",
    "begun": "begin",
    "lost": "lose",
    "slept": "sleep",
    "shook": "shake",
    "shaken": "shake",
    "froze": "freeze",
    "frozen": "freeze",
    "bled": "bleed",
    "spat": "spit",
    "threw": "throw",
    "thrown": "throw",
    "vomited": "vomit",
    "vomiting": "vomit",
    "sick": "sick",
    "worse": "worse",
    "better": "better",
    "best": "best",
    "ached": "pain",
    "aches": "pain",
    "aching": "pain",
    "achy": "pain",
    "achey": "pain",
    "purply": "purple",
    "burny": "burning",
    "ache": "pain",
    "hurt": "pain",
    "hurts": "pain",
    "hurting": "pain",
    "painful": "pain",
    "pains": "pain",
    "sore": "pain",
    "soreness": "pain",
    "tender": "tender",
    "tenderness": "tender",
    "tummy": "belly",
    "stomach": "belly",
    "abdomen": "belly",
    "abdominal": "belly",
    "pee": "urine",
    "peeing": "urine",
    "wee": "urine",
    "weeing": "urine",
    "urinate": "urine",
    "urinating": "urine",
    "urination": "urine",
    "urinary": "urine",
    "poo": "stool",
    "poop": "stool",
    "pooing": "stool",
    "stools": "stool",
    "faeces": "stool",
    "feces": "stool",
    "breathe": "breath",
    "breathing": "breath",
    "breaths": "breath",
    "breathed": "breath",
    "breathless": "breathless",
    "breathlessness": "breathless",
    "tired": "tired",
    "tiredness": "tired",
    "exhausted": "tired",
    "exhaustion": "tired",
    "weary": "tired",
    "dizzy": "dizzy",
    "feverish": "fever",
    "febrile": "fever",
    "nauseous": "nausea",
    "nauseated": "nausea",
    "queasy": "nausea",
    "tiptoe": "toe",
    "tiptoes": "toe",
    "dizziness": "dizzy",
    "lightheaded": "dizzy",
    "numbness": "numb",
    "tingly": "tingle",
    "tingling": "tingle",
    "itchy": "itch",
    "itching": "itch",
    "itches": "itch",
    "testicular": "testicle",
    "testis": "testicle",
    "testes": "testicle",
    "scrotal": "scrotum",
    "renal": "kidney",
    "hepatic": "liver",
    "cardiac": "heart",
    "pulmonary": "lung",
    "ocular": "eye",
    "nasal": "nose",
    "oral": "mouth",
    "dental": "tooth",
    "gastric": "belly",
    "thoracic": "chest",
    "vaginal": "vagina",
    "penile": "penis",
    "cutaneous": "skin",
    "colour": "color",
    "coloured": "color",
    "colored": "color",
    "grey": "gray",
    "mum": "mother",
    "mom": "mother",
    "mummy": "mother",
    "mommy": "mother",
    "dad": "father",
    "daddy": "father",
    "nappies": "diaper",
    "nappy": "diaper",
    "diapers": "diaper",
    "sweaty": "sweat",
    "sweating": "sweat",
    "sweats": "sweat",
    "sweated": "sweat",
    "cramping": "cramp",
    "cramps": "cramp",
    "cramped": "cramp",
    "crampy": "cramp",
    "walking": "walk",
    "walked": "walk",
    "walks": "walk",
    "lying": "lie",
    "lay": "lie",
    "tablets": "tablet",
    "pills": "pill",
    "meds": "medicine",
    "medication": "medicine",
    "medications": "medicine",
    "medicines": "medicine",
    "woke": "wake",
    "waking": "wake",
    "wakes": "wake",
    "waken": "wake",
    "nighttime": "night",
    "nights": "night",
    "nightly": "night",
    "dont": "not",
    "doesnt": "not",
    "didnt": "not",
    "isnt": "not",
    "arent": "not",
    "wasnt": "not",
    "werent": "not",
    "no": "not",
    "never": "not",
}

_SPELLING = (
    ("oesophag", "esophag"),
    ("haem", "hem"),
    ("aem", "em"),
    ("oedem", "edem"),
    ("oea", "ea"),
    ("paed", "ped"),
    ("ischaem", "ischem"),
    ("tumour", "tumor"),
    ("faec", "fec"),
    ("isation", "ization"),
)


def fold(text: str) -> str:
    """Lower-case, strip accents and apostrophes (so "don't" becomes 'dont')."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return folded.replace("'", "").replace("\u2019", "").replace("`", "")


_STEMMER = snowballstemmer.stemmer("english")


PLURAL_SPANS = frozenset({"days", "weeks", "months", "years"})
"""Plural lengths of time keep their plural: 'cough for weeks' is not 'a week of coughing'."""


@lru_cache(maxsize=65536)
def canonical(word: str) -> str:
    """The matching form of one lower-cased word: irregular folding, spelling, then the Snowball stemmer.

    Both the words of concept names and the words people type go through this (snowballstemmer runs on the C
    PyStemmer when it is installed, as it is with osler), so 'bruising', 'bruised' and
    'bruise' all become `bruis` (Snowball English stemmer, Porter 2001).
    """
    if word.isdigit() or word in PLURAL_SPANS:
        return word
    word = _IRREGULAR.get(word, word)
    for old, new in _SPELLING:
        if old in word:
            word = word.replace(old, new)
    return _STEMMER.stemWord(word) if len(word) > 3 else word


# Multi-word lay expressions folded to one token before matching (general English, not case wording). Each comes
# with the literal words every match of it contains, so a text without them skips the pattern.
_PHRASES: tuple[tuple[tuple[str, ...], re.Pattern[str], str], ...] = tuple(
    (needles, re.compile(rf"\b{pattern}\b"), replacement)
    for needles, pattern, replacement in (
        (("killing",), r"(?:is|are|was|were|been|keeps) killing (?:me|him|her)", "is pain"),
        (("up",), r"(?:threw|throw|throwing|thrown|chucking|chucked) up", "vomit"),
        (("sick",), r"being sick|been sick|was sick", "vomit"),
        (("sick",), r"sick to (?:my|her|his|the) stomach", "nausea"),
        (("sick",), r"feel(?:s|ing)? sick|felt sick", "nausea"),
        (
            ("breath",),
            r"short of breath|out of breath|shortness of breath|hard to breathe|struggling to breathe",
            "breathless",
        ),
        (("light",), r"light headed|light-headed", "dizzy"),
        (("last",), r"last night", "yesterday"),
        (("pins",), r"pins and needles", "tingle"),
        (("nose",), r"runny nose|running nose", "runny nose"),
        (("pass",), r"passed out|passing out|pass out", "faint"),
        (("black",), r"blacked out|blacking out", "faint"),
        # putting weight on a limb is standing on it, not gaining weight
        (
            ("weight",),
            r"(?:put|putting|puts|take|taking|bear|bearing) (?:any |much |full |my |his |her |their )?weight "
            r"(?:on|through)",
            "bear weight on",
        ),
        # 'nontender', 'nonbilious': the prefix as its own word, which negation reads ('non tender')
        (
            ("non",),
            r"\bnon(?=(?:tender|bilious|itchy|itching|painful|productive|blanching|pitting|smoker|drinker))",
            "non ",
        ),
        # 'I can't see any rash' says there is none
        (
            ("cant", "cannot", "couldnt", "not"),
            r"(?:cant|cannot|can not|couldnt|could not) (?:see|find|feel|spot|notice) (?:any|a)",
            "no",
        ),
        # idioms whose words are also symptoms
        (
            ("faint",),
            r"faint(?= (?:rash|red|redness|pink|purple|dusky|blue|bluish|line|lines|mark|marks|smell|blush|outline|"
            r"erythema|patch|patches|tinge|bruise|bruising|blotch|blotches|blotchy|flush))",
            "slight",
        ),
        (("shak",), r"shak(?:e|ing|es) hands", "greeting"),
        (("wear",), r"wear(?: and |-and-| & |-)tear", "degenerative"),
        # 'numb from the waist down' is about the legs, not the waist
        (
            ("from",),
            r"from (?:the|my|his|her|your|their) (?:waist|hips?|bottom|buttocks?|bum|backside) down(?:wards)?",
            "down the legs",
        ),
        # 'the back of my head' is a place on the head, not the back
        (
            ("back",),
            r"backs? of (?=(?:(?:the|my|his|her|your|their|our|both) )?(?:head|skull|neck|knees?|legs?|thighs?|"
            r"calf|calves|heels?|ankles?|hands?|arms?|throat|eyes?|mouth|tongue|nose)\b)",
            "behind ",
        ),
        # taking many tablets at once is an overdose, whatever the medicine ('swallowed 20 paracetamol tablets')
        (
            ("swallowed", "took", "taken", "ate", "had"),
            r"(?:swallowed|took|taken|ate|eaten|had)\s+(?:about |around |over |nearly |almost |at least |maybe )?"
            r"(?:\d{2,}(?=(?:\s+[a-z]+){0,2}\s+(?:tablets?|pills?|capsules?|caplets?))|a (?:whole |full )?"
            r"(?:bottle|packet|box|pack|handful|strip|tub) of|(?:lots|loads|dozens) of)",
            "overdose",
        ),
    )
)


class Token(NamedTuple):
    """One token of a text: its matching form, its surface form and its position (a tuple: texts and the
    knowledge base's thousands of names make many)."""

    form: str
    surface: str
    position: int

    @property
    def is_break(self) -> bool:
        return self.surface in BREAKS


def tokenize(text: str) -> list[Token]:
    """Split text into tokens (words, numbers and clause punctuation) in matching form."""
    folded = fold(text)
    for needles, pattern, replacement in _PHRASES:
        for needle in needles:  # a plain loop: this runs for every one of the pack's names at start-up
            if needle in folded:
                folded = pattern.sub(replacement, folded)
                break
    out: list[Token] = []
    for match in _TOKEN.finditer(folded):
        surface = match.group(0)
        form = surface if surface in BREAKS or surface == "," else canonical(surface)
        out.append(Token(form, surface, len(out)))
    return out


FILLERS = frozenset({"a", "an", "the", "my", "your", "his", "her", "their", "our", "its"})
"""Words skipped even in whole-phrase names."""

FRONTED = frozenset(
    """and now then also so at in on during after before overnight night nights morning mornings evening evenings
    the last this today tonight yesterday lately recently sometimes often""".split()
)
"""Words of a short opening phrase that can come before a clause's subject (', and at night he ...', 'In the
mornings they ...')."""


_SUBPARTS: dict[str, str] = {
    "calf": "leg",
    "shin": "leg",
    "thigh": "leg",
    "hamstring": "leg",
    "quadricep": "leg",
    "quads": "leg",
    "toe": "foot",
    "heel": "foot",
    "sole": "foot",
    "instep": "foot",
    "finger": "hand",
    "fingertip": "hand",
    "thumb": "hand",
    "palm": "hand",
    "forearm": "arm",
    "bicep": "arm",
    "tricep": "arm",
    "temple": "head",
    "forehead": "head",
    "scalp": "head",
    "eyelid": "eye",
    "earlobe": "ear",
    "tonsil": "throat",
    "tibia": "leg",
    "tibial": "leg",
    "fibula": "leg",
    "femur": "leg",
    "metatarsal": "foot",
    "calcaneus": "foot",
    "humerus": "arm",
}
"""Parts of the body and the region they belong to (anatomy, not wording): 'my calf aches' is also leg pain."""

REGION_OF: dict[str, str] = {canonical(part): canonical(region) for part, region in _SUBPARTS.items()}
"""The same table in matching forms."""


def name_keys(name: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Two keys of a concept name: its content tokens in order (no stop words or punctuation), and every word in
    order without articles and possessives (`FILLERS`), for names matched as a whole phrase."""
    tokens = [t for t in tokenize(name) if not t.is_break and t.surface != ","]
    forms = [t.form for t in tokens]
    content = tuple(f for f in forms if f not in STOPWORDS) or tuple(forms)
    return content, tuple(t.form for t in tokens if t.surface not in FILLERS)


LIMBS = frozenset(
    canonical(w)
    for w in "leg calf shin thigh knee ankle foot heel toe arm forearm elbow wrist hand finger shoulder hip".split()
)
"""Parts of the body that come in a left and a right."""

SIDE_WORDS = frozenset({"left", "right"})
"""Words that name one side; before a limb they also read as 'one' and 'unilateral' ('my left calf is swollen'
meets 'swelling of one leg')."""

SIDE_FORMS: tuple[str, ...] = (canonical("one"), canonical("unilateral"))
