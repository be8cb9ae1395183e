"""Ranking conditions: naive-Bayes log-odds with a leak term, normalised against 'something else'.

Every number comes from `osler.check.weights` (the one mapping from knowledge to numbers); this module only
gathers the claims. Only conditions with at least one present finding they list (or that the person names as
their own) enter the differential. Probabilities are a softmax over the candidates and a 'something else'
remainder, so they sum to at most 1.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from osler.check import weights as W
from osler.check.duration import QUANTITY as DURATION
from osler.check.parse import FindingState, Parsed, Parser
from osler.model.claim import Claim
from osler.model.concept import age_band
from osler.model.knowledge_base import KnowledgeBase


@dataclass(frozen=True)
class Link:
    """One finding claim of a condition, reduced to what the model needs."""

    finding: str
    p: float
    strength: str
    polarity: str
    refs: tuple[str, ...]
    direct: bool = True
    present_weight: float = 0.0
    absent_weight: float = 0.0


@dataclass
class Evidence:
    """One piece of evidence for or against a condition, with its weight and citations."""

    concept: str
    kind: str
    weight: float
    citations: tuple[str, ...] = ()


@dataclass
class Scored:
    """A condition's score, probability and the evidence behind it."""

    condition: str
    score: float
    probability: float = 0.0
    supporting: list[Evidence] = field(default_factory=list)
    opposing: list[Evidence] = field(default_factory=list)


def _applies(claim: Claim, age: float | None, sex: str | None, pregnant: bool) -> bool:
    pop = claim.population
    if pop.min_age is not None and age is not None and age < pop.min_age:
        return False
    if pop.max_age is not None and age is not None and age > pop.max_age:
        return False
    if pop.sex is not None and sex is not None and sex != pop.sex:
        return False
    if pop.pregnant is not None and pop.pregnant != pregnant:
        return False
    return True


@dataclass
class _Case:
    """Per-case lookups shared by every candidate's score."""

    items: list[tuple[str, FindingState, float, str | None, tuple[str, ...], frozenset[str]]] = field(
        default_factory=list
    )
    """Per finding: its state, its penalty when unexplained, its reading's quantity, the more specific present
    findings, and the conditions that list it, a more general or a more specific finding (for the rest it is at
    most a penalty)."""
    ancestors: dict[str, frozenset[str]] = field(default_factory=dict)
    specific: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    risk: dict[str, list[tuple[str, Claim]]] = field(default_factory=lambda: defaultdict(list))
    medicines: dict[str, list[tuple[str, Claim]]] = field(default_factory=lambda: defaultdict(list))


class Model:
    """The condition-finding likelihoods of one knowledge base, indexed once."""

    def __init__(self, kb: KnowledgeBase, parser: Parser) -> None:
        self.kb = kb
        self.parser = parser
        self.links: dict[str, dict[str, Link]] = {}
        self.by_finding: dict[str, set[str]] = defaultdict(set)
        """Conditions a present finding can bring in: those it counts for, unless it is timing (see `_enters`)."""
        self._priors: dict[tuple[str, str | None, str | None, bool], float] = {}
        self.touching: dict[str, set[str]] = defaultdict(set)
        """Conditions with any link (either polarity, direct or not) to each finding."""
        self.background: dict[str, float] = {}
        self.category: dict[str, str | None] = {}
        self.quantity: dict[str, str] = {}
        for finding in kb.of_kind("finding"):
            self.category[finding.id] = finding.attributes.get("category")
            measure = finding.attributes.get("measure")
            if isinstance(measure, dict) and measure.get("quantity"):
                self.quantity[finding.id] = str(measure["quantity"])
            self.background[finding.id] = W.background(finding.attributes.get("category"))
        for condition in kb.conditions():
            links: dict[str, Link] = {}
            claims = kb.claims_to(condition.id, *W.LINK_RELATIONS)
            for claim in sorted(claims, key=lambda c: (c.relation != "finding_of", c.id)):
                if claim.subject in links or claim.subject not in kb.concepts:
                    continue
                links[claim.subject] = self._link(
                    claim.subject, W.claim_frequency(claim), claim.strength, claim.polarity, claim.refs
                )
            for link in list(links.values()):
                if link.polarity != "positive":
                    continue
                for general in parser.ancestors(link.finding):
                    known = links.get(general)
                    if known is None or (not known.direct and known.p < link.p):
                        links[general] = self._link(
                            general, link.p, link.strength, "positive", link.refs, direct=False
                        )
            self.links[condition.id] = links
            for link in links.values():
                self.touching[link.finding].add(condition.id)
                if link.present_weight > 0 and self.category.get(link.finding) != "timing":
                    self.by_finding[link.finding].add(condition.id)
        self._add_courses(kb)
        self.causes_of_drug: dict[str, list[tuple[str, Claim]]] = defaultdict(list)
        for claim in kb.claims.values():
            if claim.relation == "adverse_effect_of" and claim.object and claim.subject in self.links:
                self.causes_of_drug[claim.object].append((claim.subject, claim))
            elif claim.relation == "causes" and claim.object in self.links:
                cause = kb.get(claim.subject)
                if cause is not None and cause.kind in ("drug", "drug_class"):
                    self.causes_of_drug[cause.id].append((claim.object, claim))

    def _add_courses(self, kb: KnowledgeBase) -> None:
        """Links from each condition's `course` to the duration findings (ranges of `duration_days`), unless a
        claim already links them. They never bring a condition in: a duration is timing."""
        spans: list[tuple[str, float | None, float | None]] = []
        for finding, quantity in sorted(self.quantity.items()):
            if quantity == DURATION:
                measure = kb.concepts[finding].attributes["measure"]
                low, high = measure.get("low"), measure.get("high")
                spans.append((finding, low, high))
                self.background[finding] = W.duration_share(*W.DURATION_BACKGROUND, low, high)
        for condition in kb.conditions():
            shape = W.COURSE_DURATION.get(str(condition.attributes.get("course")))
            if shape is None:
                continue
            links = self.links[condition.id]
            for span, low, high in spans:
                if span not in links:
                    p = max(W.duration_share(*shape, low, high), W.DURATION_FLOOR)
                    links[span] = self._link(span, p, W.COURSE_STRENGTH, "positive", ())
                    self.touching[span].add(condition.id)

    def _link(
        self, finding: str, p: float, strength: str, polarity: str, refs: tuple[str, ...], direct: bool = True
    ) -> Link:
        """A link with its log-likelihood ratios for present and absent worked out once."""
        b = self.background.get(finding, W.DEFAULT_BACKGROUND)
        if polarity != "positive":
            p = min(p, b * W.NEGATIVE_MAX_SHARE)
        return Link(
            finding,
            p,
            strength,
            polarity,
            refs,
            direct,
            W.present_weight(p, b, strength),
            W.absent_weight(p, b, strength),
        )

    def _drug_ids(self, parsed: Parsed) -> set[str]:
        out: set[str] = set()
        stack = list(parsed.drugs)
        while stack:
            drug = stack.pop()
            if drug not in out:
                out.add(drug)
                stack.extend(self.kb.classes_of(drug))
        return out

    def rank(self, parsed: Parsed) -> tuple[list[Scored], float]:
        """Candidate conditions ranked by posterior probability, and the 'something else' remainder."""
        present = parsed.present()
        candidates: set[str] = set(parsed.conditions) & set(self.links)
        for finding in present:
            candidates |= self.by_finding.get(finding, set())
        case = self._case(parsed, present)
        scored = [self._score(c, parsed, case) for c in sorted(candidates)]
        scored = [s for s in scored if any(self._enters(e) for e in s.supporting)]
        other = W.PRIOR_WEIGHT * math.log(W.OTHER_PRIOR)
        top = max([other, *(s.score for s in scored)])
        total = math.exp(other - top) + sum(math.exp(s.score - top) for s in scored)
        for s in scored:
            s.probability = math.exp(s.score - top) / total
        scored.sort(key=lambda s: (-s.probability, s.condition))
        return scored, math.exp(other - top) / total

    def _case(self, parsed: Parsed, present: set[str]) -> _Case:
        """What every candidate's score needs from one case, worked out once."""
        case = _Case()
        case.ancestors = {finding: self.parser.ancestors(finding) for finding in parsed.findings}
        for f in present:
            for general in case.ancestors[f]:
                case.specific[general].append(f)
        for finding in sorted(parsed.findings):
            b = self.background.get(finding, W.DEFAULT_BACKGROUND)
            state = parsed.findings[finding]
            quantity = self.quantity.get(finding) if state.source == "measure" else None
            specific = tuple(s for s in case.specific.get(finding, ()) if s != finding)
            penalty = W.unexplained_weight(b, self.category.get(finding))
            near = frozenset().union(
                *(self.touching.get(f, ()) for f in (finding, *case.ancestors[finding], *specific))
            )
            case.items.append((finding, state, penalty, quantity, specific, near))
        for subject in sorted({*parsed.risk_factors, *parsed.conditions}):
            for claim in self.kb.claims_from(subject, "risk_factor_for"):
                if claim.object and _applies(claim, parsed.age, parsed.sex, parsed.pregnant):
                    case.risk[claim.object].append((subject, claim))
        for drug in sorted(self._drug_ids(parsed)):
            for cause, claim in self.causes_of_drug.get(drug, ()):
                case.medicines[cause].append((drug, claim))
        return case

    def _score(self, condition: str, parsed: Parsed, case: _Case) -> Scored:
        result = Scored(condition, self._log_prior(condition, parsed))
        links = self.links[condition]
        readings: dict[tuple[str, bool], Evidence] = {}
        for finding, state, penalty, quantity, specific, near in case.items:
            if condition not in near:  # the condition lists nothing about this finding
                if state.present and state.source != "implied":
                    result.score += penalty
                continue
            link = links.get(finding)
            if state.present:
                if specific and any(f in links and links[f].direct for f in specific):
                    continue  # a more specific present finding the condition lists already says this
                if link is not None:
                    weight = link.present_weight
                    if state.source == "implied" and weight > 0:
                        weight *= W.IMPLIED_CREDIT
                    evidence = Evidence(finding, "finding", weight, link.refs)
                elif state.source != "implied" and case.ancestors[finding].isdisjoint(links):
                    result.score += penalty
                    continue
                else:
                    continue
            elif link is not None and link.direct:
                evidence = Evidence(finding, "absent", link.absent_weight, link.refs)
            else:
                continue
            if quantity is None:
                self._add(result, evidence)
            else:  # one reading makes several range findings: count its strongest evidence each way once
                known = readings.get((quantity, state.present))
                if known is None or abs(evidence.weight) > abs(known.weight):
                    readings[quantity, state.present] = evidence
        if readings:
            for _, evidence in sorted(readings.items()):
                self._add(result, evidence)
        for subject, claim in case.risk.get(condition, ()):
            self._add(result, Evidence(subject, "risk_factor", W.risk_factor_lr(claim), claim.refs))
        for drug, claim in case.medicines.get(condition, ()):
            self._add(result, Evidence(drug, "medicine", W.drug_lr(claim), claim.refs))
        if condition in parsed.conditions:
            self._add(result, Evidence(condition, "named", math.log(W.NAMED_CONDITION_LR)))
        return result

    def _log_prior(self, condition: str, parsed: Parsed) -> float:
        """The prior's share of a condition's score for this person (kept per age band, sex and pregnancy)."""
        key = (condition, age_band(parsed.age), parsed.sex, parsed.pregnant)
        value = self._priors.get(key)
        if value is None:
            prior = self.kb.concepts[condition].prior
            p = prior.for_person(parsed.age, parsed.sex, parsed.pregnant) if prior else 0.001
            value = self._priors[key] = W.PRIOR_WEIGHT * math.log(max(p, W.MIN_PRIOR))
        return value

    def _enters(self, evidence: Evidence) -> bool:
        """Evidence that lets a condition enter: the person names it, or a present finding other than timing (an
        absent finding the condition rarely has says nothing for it on its own)."""
        if evidence.kind == "named":
            return True
        if evidence.kind != "finding":
            return False
        return evidence.concept in self.category and self.category[evidence.concept] != "timing"

    @staticmethod
    def _add(result: Scored, evidence: Evidence) -> None:
        result.score += evidence.weight
        if evidence.weight > 0:
            result.supporting.append(evidence)
        elif evidence.weight < 0:
            result.opposing.append(evidence)
