"""Negation scopes in symptom text, after NegEx (Chapman et al., J Biomed Inform 2001;34:301-10).

A trigger ('no', 'denies', 'without', "doesn't" ...) opens a scope that runs forward over a list of findings
('no numbness, tingling or weakness') and closes at the end of the clause: sentence punctuation, a contrasting
word ('but', 'just', 'apart from'), or a new clause with its own subject (', I ...', 'and she ...'). A match that
starts inside a scope, or that has a trigger inside its own span ('my calves don't go hard'), is negated. A test
result followed by 'negative' is denied too ('Tinel negative'), and 'non-' denies the one word it is joined to
('non-tender', 'non-bilious'; a name holding it, like 'non-blanching rash', keeps its meaning).
Words that describe inability ("can't", "won't") are symptoms, not negations, and are not triggers.
"""

from __future__ import annotations

from osler.check.text import BREAKS, FRONTED, Token

TRIGGERS = frozenset(
    """no not without denies deny denied denying never none neither nor dont doesnt didnt isnt arent wasnt werent
    hasnt havent hadnt nothing nobody free absent negative neg asymptomatic non""".split()
)
"""Words that open a negation scope."""

PSEUDO = frozenset(
    {
        ("not", "sure"),
        ("no", "longer"),
        ("not", "only"),
        ("no", "better"),
        ("not", "better"),
        ("not", "himself"),
        ("not", "herself"),
        ("not", "myself"),
        ("not", "themselves"),
        ("not", "right"),
    }
)
"""Two-word phrases that start with a trigger but do not negate."""

TERMINATORS = frozenset(
    """but however although though except apart yet just only still which who whereas while because since
    so otherwise instead aside besides other than then until unless plus also""".split()
)
"""Words that close a negation scope."""

SUBJECTS = frozenset(
    """i im ive id he hes she shes they theyre we it its my his her their our this that there mother father
    wife husband son daughter partner""".split()
)
"""Words that begin a new clause after a comma or 'and', closing the scope."""

MAX_SCOPE = 10
"""Tokens a scope runs past its trigger, or past the last list separator for a trigger that denies a list."""

MAX_LIST_SCOPE = 40
"""However long a denied list is ('no dysuria, frequency, ... or leakage on coughing or sneezing'), its scope
ends this many tokens after the trigger."""

LIST_SEPARATORS = frozenset({",", "or", "nor", "/"})
LIST_TRIGGERS = frozenset({"no", "without", "denies", "deny", "denied", "denying", "negative"})
"""Triggers written before a list of what is denied. 'absent' comes after what it denies ('ankle jerks absent,
plantars upgoing'), so its scope is not stretched over a list."""

CONDITIONAL = frozenset({"if", "whether"})
"""A trigger in a clause opened by these words states a condition, not a fact ('if he doesn't have a drink in
the morning his hands shake'): its scope ends where the main clause's subject begins."""
MAX_CONDITION_GAP = 4

MAX_FRONTED = 3

PREFIX = "non"
"""A prefix written as its own word ('non-tender', 'non-bilious') denies only the word after it."""

AFTER = frozenset({"negative", "neg"})
"""Words that also deny what comes just before them, as clinicians write test results ('Tinel negative')."""
MAX_BACK_SCOPE = 3

NORMAL = frozenset({"normal", "unremarkable"})
"""Words that deny only what stands right next to them: the few words just before ('her temperature was
normal', 'CXR unremarkable') and the one word after ('normal temperature'); they open no scope."""

NOUN_TRIGGERS = frozenset(
    {"no", "without", "denies", "deny", "denied", "denying", "none", "absent", "negative", "asymptomatic"}
)
"""Triggers that deny a list of things ('no fever, cough or rash'). Other triggers before a verb in -ing ('not
drinking much, dry mouth') deny only that verb's clause, up to the next comma."""


def negated_positions(tokens: list[Token], quiet: frozenset[int] = frozenset()) -> tuple[set[int], set[int]]:
    """Token positions inside a negation scope, and the positions of the triggers themselves.

    Triggers at `quiet` positions open no scope: they belong to a name ('inhaler not helping') whose meaning
    they carry, so 'blue inhaler not helping, lips blue' does not deny the blue lips.
    """
    scoped: set[int] = set()
    triggers: set[int] = set()
    n = len(tokens)
    for i, tok in enumerate(tokens):
        word = tok.surface
        if word in NORMAL and i not in quiet:
            scoped.update(_before(tokens, i))
            if i + 1 < n and tokens[i + 1].surface not in BREAKS and tokens[i + 1].surface != ",":
                scoped.add(i + 1)
            continue
        if word not in TRIGGERS or i in quiet:
            continue
        nxt = tokens[i + 1].surface if i + 1 < n else ""
        if (word, nxt) in PSEUDO:
            continue
        if word == PREFIX:
            continue  # see `prefixed`
        triggers.add(i)
        if word in AFTER:
            scoped.update(_before(tokens, i))
            if nxt in BREAKS or nxt in ("", ","):
                continue  # 'Homans negative, pulses present': the result closes the clause
        verbal = nxt.endswith("ing") and word not in NOUN_TRIGGERS
        listing = word in LIST_TRIGGERS
        conditional = _in_condition(tokens, i)
        last = i
        j = i + 1
        while j < n and j - last <= MAX_SCOPE and j - i <= MAX_LIST_SCOPE:
            cur = tokens[j].surface
            if cur in BREAKS or cur in TERMINATORS or (verbal and cur == ","):
                break
            if conditional and j > i + 1 and cur in SUBJECTS:
                break
            if cur in (",", "and") and _new_clause(tokens, j + 1):
                break
            if cur == "," and j + 1 < n and tokens[j + 1].surface == "and" and _new_clause(tokens, j + 2):
                break
            if listing and cur in LIST_SEPARATORS:
                last = j
            scoped.add(j)
            j += 1
    return scoped, triggers


def _before(tokens: list[Token], i: int) -> list[int]:
    """Up to `MAX_BACK_SCOPE` positions just before `i`, stopping at a comma or sentence break."""
    out: list[int] = []
    j = i - 1
    while j >= 0 and i - j <= MAX_BACK_SCOPE and tokens[j].surface not in BREAKS and tokens[j].surface != ",":
        out.append(j)
        j -= 1
    return out


def _in_condition(tokens: list[Token], i: int) -> bool:
    """True when the trigger at `i` sits in a clause opened by 'if' a few words before it."""
    for j in range(i - 1, max(-1, i - 1 - MAX_CONDITION_GAP), -1):
        word = tokens[j].surface
        if word in BREAKS or word == ",":
            return False
        if word in CONDITIONAL:
            return True
    return False


def _new_clause(tokens: list[Token], j: int) -> bool:
    """True when a new clause with its own subject starts at `j`, perhaps after a short fronted phrase."""
    for k in range(j, min(len(tokens), j + MAX_FRONTED + 1)):
        word = tokens[k].surface
        if word in SUBJECTS:
            return True
        if word not in FRONTED:
            return False
    return False


def prefixed(tokens: list[Token], quiet: frozenset[int] = frozenset()) -> set[int]:
    """Positions of words denied by a 'non' prefix before them ('non-tender'), unless the prefix belongs to a
    name ('non-blanching rash'); such a word denies a match it is part of, and nothing else."""
    return {
        i + 1
        for i, tok in enumerate(tokens[:-1])
        if tok.surface == PREFIX and i not in quiet and tokens[i + 1].surface not in BREAKS
    }


def is_negated(
    positions: tuple[int, ...], scoped: set[int], triggers: set[int], denied: set[int] | None = None
) -> bool:
    """True when a match at these token positions lies in a negation scope, spans a trigger or holds a word a
    prefix denies (`prefixed`)."""
    if not positions:
        return False
    start, end = min(positions), max(positions)
    if start in scoped or (denied and not denied.isdisjoint(positions)):
        return True
    own = set(positions)
    return any(start < t < end and t not in own for t in triggers)
