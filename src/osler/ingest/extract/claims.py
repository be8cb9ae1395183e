"""Assembling graded claims from a document body: sentences x cues x concept mentions -> `ClaimDraft`s.

For every sentence the relation cues (`relations.PATTERNS`) fix the subject and object slots; mentions in the
slots whose kinds fit (`relations.SLOT_KINDS`) become claims, each with the sentence as its exact quote.
Negation (`negation`), hedging (`hedging`), statistics and population (`statistics`) and citation markers
(`references`) are read from the same sentence. List items under a heading that names a relation
(`relations.HEADING_RULES`) become claims about the heading's topic. Terms in a slot that match no concept
are returned as candidate concepts.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from osler.ingest.extract.concepts import Mention, choose
from osler.ingest.extract.hedging import grade
from osler.ingest.extract.negation import is_negated
from osler.ingest.extract.references import citations
from osler.ingest.extract.relations import SLOT_KINDS, Cue, find_cues, heading_relation, retype
from osler.ingest.extract.sentences import Span, lines, split_sentences
from osler.ingest.extract.statistics import find_population, find_statistics
from osler.model.names import normalize_name
from osler.store.sources import CandidateDraft, ClaimDraft

_LEFT_BREAK = re.compile(r";|\bbut\b|\bwhereas\b|\balthough\b|\bhowever\b", re.IGNORECASE)
_RIGHT_BREAK = re.compile(
    r";|\bbut\b|\bwhereas\b|\bwhile\b|\bwhich\b|\bbecause\b|\balthough\b|\bexcept\b|\bunless\b|\bso that\b|"
    r"\bhowever\b|\bwhen\b|\bif\b",
    re.IGNORECASE,
)
_TOPIC_WORDS = re.compile(
    r"\b(?:it|this|they|these|them|its|this condition|the condition|the disease|the disorder|this disorder|"
    r"the problem|the syndrome|this syndrome|this illness|the illness)\b",
    re.IGNORECASE,
)
_GENERIC = frozenset(
    "the a an main common most other some many certain several typical usual early first key possible known "
    "important all signs symptoms sign symptom and or of in for with people person patients you your can may".split()
)
_ITEM_SPLIT = re.compile(
    r",|;|:|\band\b|\bor\b|\bsuch as\b|\bincluding\b|\blike\b|\bas well as\b|\(|\)", re.I
)
_LEADING = re.compile(
    r"^(?:(?:a|an|the|your|their|his|her|some|other|certain|severe|mild|sudden|new|any|more|less|very|"
    r"too much|too little|having|being|getting|taking|low|high)\s+)+",
    re.IGNORECASE,
)
_TRAILING = re.compile(
    r"(?:\s+(?:can|may|might|could|will|would|should|often|usually|sometimes|also|commonly|frequently|rarely|"
    r"generally|typically|mainly|mostly|do|does|did|not|never|is|are|was|were|be|been|has|have|that|which))+$",
    re.IGNORECASE,
)
_CANDIDATE_WORD = re.compile(r"^[A-Za-z][A-Za-z'\-]*$")
_STOP_CANDIDATES = frozenset(
    "doctors doctor people patients treatment symptoms signs it this they these condition disease health "
    "person problems problem things research studies study care help body time cases risk others".split()
)
_AVOIDING = re.compile(
    r"\b(?:quit(?:ting)?|stop(?:ping)?|avoid(?:ing)?|limit(?:ing)?|giv(?:e|ing) up|cut(?:ting)? (?:down|back)(?: on)?|"
    r"reduc(?:e|ing)|los(?:e|ing)|lower(?:ing)?|not (?:drinking|smoking|taking|using))\s+(?:[a-z]+\s+){0,2}$",
    re.IGNORECASE,
)
_INLINE_HEADING = re.compile(r"^([A-Za-z][^:.!?]{2,60}):\s+\S")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
_BULLET_LINE = re.compile(r"^(?:[-*\u2022\u00b7\u25aa]|\d{1,2}[.)])\s+")
MAX_PAIRS_PER_CUE = 40


@dataclass
class Extraction:
    """Claims and candidate concepts drawn from one document."""

    claims: list[ClaimDraft] = field(default_factory=list)
    candidates: list[tuple[CandidateDraft, bool]] = field(default_factory=list)  # (candidate, capitalised)


@dataclass(frozen=True)
class _Context:
    relation: str | None
    topic: str | None


class ClaimExtractor:
    """Turns a document body into claims, given its concept mentions, concept kinds and topic."""

    def __init__(
        self, text: str, mentions: Sequence[Mention], kinds: Mapping[str, str], topic: str | None
    ) -> None:
        self.text = text
        self.mentions = list(mentions)
        self._starts = [m.start for m in self.mentions]
        self.kinds = kinds
        self.topic = topic
        self.out = Extraction()

    # -- structure ------------------------------------------------------------------------------------------
    def run(self, start: int, end: int, lead_relation: str | None = None) -> Extraction:
        """Extract from `text[start:end]`; `lead_relation` applies to list items before the first heading."""
        context = _Context(lead_relation, self.topic)
        region_start = start
        all_lines = list(lines(self.text, start, end))
        for i, line in enumerate(all_lines):
            following = all_lines[i + 1].text if i + 1 < len(all_lines) else ""
            if not self._is_heading(line.text, following):
                continue
            self._region(region_start, line.start, context)
            context = self._heading_context(line)
            region_start = line.end
        self._region(region_start, end, context)
        return self.out

    @staticmethod
    def _is_heading(line: str, following: str) -> bool:
        if _MARKDOWN_HEADING.match(line):
            return True
        if _BULLET_LINE.match(line):
            return False
        words = len(line.split())
        if line.endswith(":") and words <= 12:
            return True
        return words <= 8 and line[-1] not in ".!?:;," and bool(_BULLET_LINE.match(following))

    def _heading_context(self, line: Span) -> _Context:
        relation = heading_relation(line.text)
        topic = self.topic
        if relation is not None:
            allowed = SLOT_KINDS[relation][1]
            for mention in self._mentions_in(line.start, line.end):
                chosen = choose(mention, self.kinds, allowed)
                if chosen:
                    topic = chosen
                    break
        return _Context(relation, topic)

    def _region(self, start: int, end: int, context: _Context) -> None:
        if start >= end:
            return
        for sentence in split_sentences(self.text, start, end):
            if not self._mentions_in(sentence.start, sentence.end):
                # every claim names a concept in its own sentence; only list items may still propose candidates
                if sentence.bullet and context.relation:
                    self._list_item(sentence, sentence.start, context)
                continue
            made = self._sentence(sentence, context.topic)
            if made:
                continue
            inline = _INLINE_HEADING.match(sentence.text)
            if inline and heading_relation(inline.group(1)):
                topic = self._heading_context(
                    Span(sentence.start, sentence.start + inline.end(1), inline.group(1))
                )
                self._list_item(sentence, sentence.start + inline.end(1) + 1, topic)
            elif sentence.bullet and context.relation:
                self._list_item(sentence, sentence.start, context)

    # -- mentions -------------------------------------------------------------------------------------------
    def _mentions_in(self, start: int, end: int) -> list[Mention]:
        i = bisect_left(self._starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def _fill(self, start: int, end: int, allowed: frozenset[str]) -> list[tuple[str, Mention | None]]:
        filled: list[tuple[str, Mention | None]] = []
        for mention in self._mentions_in(start, end):
            chosen = choose(mention, self.kinds, allowed)
            if chosen and chosen not in [c for c, _ in filled]:
                filled.append((chosen, mention))
        return filled

    def _topic_fill(self, topic: str | None, allowed: frozenset[str]) -> list[tuple[str, Mention | None]]:
        if topic and self.kinds.get(topic) in allowed:
            return [(topic, None)]
        return []

    def _refers_to_topic(self, start: int, end: int, slot: str) -> bool:
        """A slot names the topic when it holds a pronoun; a left or inner slot also when it holds only
        generic words ("The main symptoms include"). An empty right slot is a relative clause, not the topic."""
        piece = self.text[start:end]
        if _TOPIC_WORDS.search(piece):
            return True
        return slot != "right" and all(w.lower() in _GENERIC for w in re.findall(r"[A-Za-z]+", piece))

    # -- sentences ------------------------------------------------------------------------------------------
    def _sentence(self, sentence: Span, topic: str | None) -> bool:
        cues = find_cues(sentence.text)
        made = False
        for k, cue in enumerate(cues):
            left_bound = sentence.start + (cues[k - 1].end if k else 0)
            right_bound = sentence.start + (cues[k + 1].start if k + 1 < len(cues) else len(sentence.text))
            made |= self._cue(sentence, cue, left_bound, right_bound, topic)
        return made

    def _slot(
        self, slot: str, cue: Cue, sentence: Span, left: tuple[int, int], right: tuple[int, int]
    ) -> tuple[int, int] | None:
        if slot == "left":
            return left
        if slot == "right":
            return right
        if slot == "inner" and cue.inner:
            return sentence.start + cue.inner[0], sentence.start + cue.inner[1]
        return None

    def _cue(self, sentence: Span, cue: Cue, left_bound: int, right_bound: int, topic: str | None) -> bool:
        cue_start, cue_end = sentence.start + cue.start, sentence.start + cue.end
        left_text = self.text[left_bound:cue_start]
        breaks = list(_LEFT_BREAK.finditer(left_text))
        left = (left_bound + breaks[-1].end() if breaks else left_bound, cue_start)
        stop = _RIGHT_BREAK.search(self.text, cue_end, right_bound)
        right = (cue_end, stop.start() if stop else right_bound)
        relation = cue.pattern.relation
        subject_kinds, object_kinds = SLOT_KINDS[relation]
        sides = []
        for slot, allowed in ((cue.pattern.subject, subject_kinds), (cue.pattern.object, object_kinds)):
            span = self._slot(slot, cue, sentence, left, right)
            filled = self._fill(*span, allowed) if span else []
            if not filled and (span is None or self._refers_to_topic(*span, slot)):
                filled = self._topic_fill(topic, allowed)
            sides.append((span, filled))
        (subject_span, subjects), (object_span, objects) = sides
        if subjects and not objects and object_span and cue.pattern.object != "inner":
            self._propose(object_span, relation, "object", sentence)
        if objects and not subjects and subject_span and cue.pattern.subject != "inner":
            self._propose(subject_span, relation, "subject", sentence)
        made = False
        clause = self.text[left[0] : right[1]]
        for s_id, s_mention in subjects[:MAX_PAIRS_PER_CUE]:
            for o_id, o_mention in objects[:MAX_PAIRS_PER_CUE]:
                if s_id == o_id:
                    continue
                link = self._link_text(cue_start, cue_end, s_mention, o_mention, cue.pattern.cue_negates)
                first = min([cue_start] + [m.start for m in (s_mention, o_mention) if m is not None])
                negated = is_negated(link, self.text[sentence.start : first])
                made |= self._emit(
                    relation, s_id, o_id, sentence, clause, cue.pattern.strength, negated, s_mention
                )
        return made

    def _link_text(
        self, cue_start: int, cue_end: int, s: Mention | None, o: Mention | None, cue_negates: bool
    ) -> str:
        points = [cue_start, cue_end] + [p for m in (s, o) if m for p in (m.start, m.end)]
        inner = sorted(points)[1:-1] if s and o else [cue_start, cue_end]
        start, end = min(inner[0], cue_start), max(inner[-1], cue_end)
        if not (s and o):
            start = max(0, cue_start - 24)
        comma = max(self.text.rfind(",", start, cue_start), self.text.rfind(";", start, cue_start))
        if (
            comma >= 0
        ):  # a negation in an aside before the cue ("even when AF isn't noticed, it ...") is not ours
            start = comma + 1
        if cue_negates:
            return self.text[start:cue_start] + " " + self.text[cue_end:end]
        return self.text[start:end]

    def _list_item(self, sentence: Span, start: int, context: _Context) -> None:
        relation = context.relation
        if relation is None:
            return
        subject_kinds, object_kinds = SLOT_KINDS[relation]
        objects = self._topic_fill(context.topic, object_kinds)
        subjects = self._fill(start, sentence.end, subject_kinds)
        if objects and not subjects:
            self._propose((start, sentence.end), relation, "subject", sentence)
        for s_id, s_mention in subjects:
            for o_id, _ in objects:
                if s_id == o_id:
                    continue
                assert s_mention is not None
                negated = is_negated(self.text[start : s_mention.end])
                self._emit(relation, s_id, o_id, sentence, sentence.text, "strong", negated, s_mention)

    def _emit(
        self,
        relation: str,
        s_id: str,
        o_id: str,
        sentence: Span,
        clause: str,
        default: str,
        negated: bool,
        subject: Mention | None = None,
    ) -> bool:
        if relation in ("prevents", "treats") and subject is not None:
            before = self.text[max(sentence.start, subject.start - 40) : subject.start]
            if _AVOIDING.search(before) and self.kinds.get(s_id) in SLOT_KINDS["risk_factor_for"][0]:
                relation = "risk_factor_for"  # "quitting smoking prevents X": smoking is a risk factor for X
        relation, swap = retype(relation, self.kinds.get(s_id), self.kinds.get(o_id))
        if swap:
            s_id, o_id = o_id, s_id
        graded = grade(clause, default)
        statistics = tuple(find_statistics(sentence.text))
        percents = [s["value"] for s in statistics if s["kind"] == "percent"]
        frequency = (
            percents[0] / 100 if relation == "finding_of" and len(percents) == 1 and not negated else None
        )
        self.out.claims.append(
            ClaimDraft(
                subject=s_id,
                relation=relation,
                object=o_id,
                polarity="negative" if negated else "positive",
                strength=graded.strength,
                hedged=graded.hedged,
                quote=sentence.text,
                start=sentence.start,
                end=sentence.end,
                statistics=statistics,
                population=find_population(sentence.text),
                frequency=frequency,
                citations=citations(sentence.text),
            )
        )
        return True

    # -- candidates -----------------------------------------------------------------------------------------
    def _propose(self, span: tuple[int, int], relation: str, slot: str, sentence: Span) -> None:
        start, end = span
        piece = self.text[start:end]
        position = 0
        for part in [*_ITEM_SPLIT.split(piece)]:
            offset = piece.find(part, position)
            position = offset + len(part)
            item = _TRAILING.sub("", _LEADING.sub("", part.strip()).strip(" .!?\"'"))
            words = item.split()
            if not 1 <= len(words) <= 4 or not all(_CANDIDATE_WORD.match(w) for w in words):
                continue
            normalized = normalize_name(item)
            if (
                normalized in _STOP_CANDIDATES
                or all(w.lower() in _GENERIC for w in words)
                or len(normalized) < 4
            ):
                continue
            item_start = start + offset + part.find(item)
            at_sentence_start = item_start == sentence.start
            first_generic = words[0].lower() in _GENERIC or words[0].lower() in _STOP_CANDIDATES
            capitalised = any(w[0].isupper() for w in words[1:]) or (
                words[0][0].isupper() and not (at_sentence_start and first_generic)
            )
            draft = CandidateDraft(
                item, normalized, relation, slot, sentence.text, sentence.start, sentence.end
            )
            self.out.candidates.append((draft, capitalised))


def extract_claims(
    text: str,
    mentions: Sequence[Mention],
    kinds: Mapping[str, str],
    topic: str | None,
    start: int = 0,
    end: int | None = None,
    lead_relation: str | None = None,
) -> Extraction:
    """Claims and candidate concepts in `text[start:end]` (see the module docstring)."""
    extractor = ClaimExtractor(text, mentions, kinds, topic)
    return extractor.run(start, len(text) if end is None else end, lead_relation)
