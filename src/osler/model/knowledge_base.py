"""The knowledge base as plain objects: concepts, claims, references and rules, with indexes for lookup.

Everything that reasons (the symptom checker, the answer engine) reads this view; it does no I/O.
Build it from a pack (`KnowledgeBase.from_pack`) or from the store (`osler.store.load_knowledge_base`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from osler.errors import NotFound
from osler.model.claim import Claim
from osler.model.concept import Concept
from osler.model.names import kind_rank, normalize_name
from osler.model.reference import Reference
from osler.model.rule import RedFlagRule


class KnowledgeBase:
    """An indexed, read-only view of concepts, claims, references and red-flag rules."""

    def __init__(
        self,
        concepts: Iterable[Concept],
        claims: Iterable[Claim],
        references: Iterable[Reference],
        rules: Iterable[RedFlagRule] = (),
        preferred_names: Mapping[str, str] | None = None,
    ) -> None:
        self.concepts: dict[str, Concept] = {c.id: c for c in concepts}
        self.claims: dict[str, Claim] = {c.id: c for c in claims}
        self.references: dict[str, Reference] = {r.id: r for r in references}
        self.rules: dict[str, RedFlagRule] = {r.id: r for r in rules}
        self._by_subject: dict[str, list[Claim]] = defaultdict(list)
        self._by_object: dict[str, list[Claim]] = defaultdict(list)
        for claim in self.claims.values():
            self._by_subject[claim.subject].append(claim)
            if claim.object is not None:
                self._by_object[claim.object].append(claim)
        self._names: dict[str, list[str]] = defaultdict(list)
        for concept in self.concepts.values():
            for name in (concept.id.replace("-", " "), *concept.all_names()):
                key = normalize_name(name)
                if key and concept.id not in self._names[key]:
                    self._names[key].append(concept.id)
        for ids in self._names.values():
            ids.sort(key=lambda cid: kind_rank(self.concepts[cid].kind))
        for name, concept_id in (preferred_names or {}).items():
            key = normalize_name(name)
            if concept_id in self._names.get(key, []):
                self._names[key].remove(concept_id)
                self._names[key].insert(0, concept_id)
        self._members: dict[str, list[str]] = defaultdict(list)
        for concept in self.concepts.values():
            for cls in concept.attributes.get("classes", ()):
                self._members[cls].append(concept.id)

    @classmethod
    def from_pack(cls, pack: Any) -> KnowledgeBase:
        """Build the view straight from a loaded pack (no database)."""
        preferred = {s.name: s.prefer for s in pack.shared_names}
        return cls(
            pack.concepts.values(),
            pack.claims.values(),
            pack.references.values(),
            pack.rules.values(),
            preferred,
        )

    # -- concepts -------------------------------------------------------------------------------------------
    def concept(self, concept_id: str) -> Concept:
        """The concept with this id; NotFound when there is none."""
        try:
            return self.concepts[concept_id]
        except KeyError:
            raise NotFound(f"no concept with id '{concept_id}'") from None

    def get(self, concept_id: str | None) -> Concept | None:
        return self.concepts.get(concept_id) if concept_id else None

    def of_kind(self, *kinds: str) -> list[Concept]:
        """Concepts of the given kinds, sorted by id."""
        return sorted((c for c in self.concepts.values() if c.kind in kinds), key=lambda c: c.id)

    def conditions(self) -> list[Concept]:
        return self.of_kind("condition")

    def lookup(self, text: str) -> list[Concept]:
        """Concepts whose id or any name equals the text after normalisation (preferred first)."""
        return [self.concepts[cid] for cid in self._names.get(normalize_name(text), [])]

    def resolve(self, text: str) -> Concept:
        """The concept an id or name refers to; NotFound with suggestions when none matches."""
        if text in self.concepts:
            return self.concepts[text]
        found = self.lookup(text)
        if found:
            return found[0]
        raise NotFound(f"no concept named '{text}'" + self._suggest(text))

    def _suggest(self, text: str) -> str:
        from rapidfuzz import fuzz, process

        choices = list(self._names)
        best = process.extract(normalize_name(text), choices, scorer=fuzz.WRatio, limit=3)
        names = [self.concepts[self._names[name][0]].id for name, score, _ in best if score >= 70]
        return f"; did you mean: {', '.join(dict.fromkeys(names))}?" if names else ""

    def names(self) -> dict[str, list[str]]:
        """Every normalised name with the concept ids it denotes (preferred first)."""
        return dict(self._names)

    def members(self, class_id: str) -> list[str]:
        """Drugs that belong to a drug class."""
        return list(self._members.get(class_id, ()))

    def classes_of(self, drug_id: str) -> tuple[str, ...]:
        concept = self.concepts.get(drug_id)
        return tuple(concept.attributes.get("classes", ())) if concept else ()

    # -- claims ---------------------------------------------------------------------------------------------
    def claims_from(self, subject: str, *relations: str) -> list[Claim]:
        """Claims whose subject is the concept, optionally only of some relations."""
        return [c for c in self._by_subject.get(subject, ()) if not relations or c.relation in relations]

    def claims_to(self, obj: str, *relations: str) -> list[Claim]:
        """Claims whose object is the concept, optionally only of some relations."""
        return [c for c in self._by_object.get(obj, ()) if not relations or c.relation in relations]

    def claims_about(self, concept_id: str) -> list[Claim]:
        """Every claim that names the concept as subject or object."""
        seen = {c.id: c for c in (*self.claims_from(concept_id), *self.claims_to(concept_id))}
        return list(seen.values())

    def reference(self, reference_id: str) -> Reference:
        try:
            return self.references[reference_id]
        except KeyError:
            raise NotFound(f"no reference with id '{reference_id}'") from None

    def rules_for(self, condition_id: str) -> list[RedFlagRule]:
        return [r for r in self.rules.values() if r.condition == condition_id]
