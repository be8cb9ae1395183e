"""Reads a knowledge pack folder into plain domain objects, collecting every problem with file and field."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from osler.errors import PackError, PackProblem
from osler.knowledge.schema import (
    ConceptEntry,
    ConditionFile,
    LinkSpec,
    NamesEntry,
    NoteEntry,
    PopulationSpec,
    ReferenceEntry,
    RuleEntry,
    SharedNameEntry,
    StatementSpec,
)
from osler.model import Claim, Concept, ConceptKind, Population, Prior, RedFlagRule, Reference
from osler.model.claim import claim_id

KIND_FOLDERS = ("conditions", "findings", "drugs", "concepts", "references", "rules", "notes", "names")


def default_pack_path() -> Path:
    """The folder of the pack shipped inside the package."""
    return Path(str(resources.files("osler.knowledge") / "data"))


@dataclass
class Pack:
    """Everything a pack holds, as domain objects, plus where each item came from."""

    concepts: dict[str, Concept] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)
    references: dict[str, Reference] = field(default_factory=dict)
    rules: dict[str, RedFlagRule] = field(default_factory=dict)
    shared_names: list[SharedNameEntry] = field(default_factory=list)
    origin: dict[str, str] = field(default_factory=dict)
    problems: list[PackProblem] = field(default_factory=list)
    condition_files: dict[str, ConditionFile] = field(default_factory=dict)
    concept_entries: dict[str, ConceptEntry] = field(default_factory=dict)
    reference_entries: dict[str, ReferenceEntry] = field(default_factory=dict)
    claim_refs_location: dict[str, str] = field(default_factory=dict)

    def problem(self, file: str, where: str, message: str) -> None:
        self.problems.append(PackProblem(file, where, message))


def _read_yaml(path: Path, rel: str, pack: Pack) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        pack.problem(rel, "(file)", f"not valid YAML: {exc}".splitlines()[0])
        return None


def _field_path(loc: Iterable[Any]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(root)"


def _validate(model: type[BaseModel], data: Any, rel: str, prefix: str, pack: Pack) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            where = _field_path([*([prefix] if prefix else []), *err["loc"]])
            pack.problem(rel, where, err["msg"])
        return None


def _files(root: Path, folder: str) -> Iterator[tuple[Path, str]]:
    base = root / folder
    if base.is_dir():
        for path in sorted(base.rglob("*.yaml")):
            yield path, path.relative_to(root).as_posix()


def _population(spec: PopulationSpec | None) -> Population:
    return Population(**spec.model_dump()) if spec is not None else Population()


def load_pack(root: Path | None = None, *, strict: bool = False) -> Pack:
    """Read and validate a pack; problems are collected, or raised as PackError when `strict`."""
    root = root or default_pack_path()
    pack = Pack()
    if not root.is_dir():
        pack.problem(str(root), "(folder)", "knowledge pack folder not found")
    for path, rel in _files(root, "references"):
        for i, item in enumerate(_as_list(_read_yaml(path, rel, pack), rel, pack)):
            entry = _validate(ReferenceEntry, item, rel, f"[{i}]", pack)
            if entry is not None:
                _add_reference(pack, entry, rel)
    for folder in ("findings", "drugs", "concepts"):
        for path, rel in _files(root, folder):
            for i, item in enumerate(_as_list(_read_yaml(path, rel, pack), rel, pack)):
                entry = _validate(ConceptEntry, item, rel, f"[{i}]", pack)
                if entry is not None:
                    _add_concept_entry(pack, entry, folder, rel, i)
    for path, rel in _files(root, "conditions"):
        data = _read_yaml(path, rel, pack)
        cond = _validate(ConditionFile, data, rel, "", pack)
        if cond is not None:
            if cond.id != path.stem:
                pack.problem(rel, "id", f"id '{cond.id}' differs from the file name '{path.stem}'")
            _add_condition(pack, cond, rel)
    for path, rel in _files(root, "rules"):
        for i, item in enumerate(_as_list(_read_yaml(path, rel, pack), rel, pack)):
            if isinstance(item, dict) and "concepts" in item and "prefer" in item:
                shared = _validate(SharedNameEntry, item, rel, f"[{i}]", pack)
                if shared is not None:
                    pack.shared_names.append(shared)
                continue
            rule = _validate(RuleEntry, item, rel, f"[{i}]", pack)
            if rule is not None:
                _add_rule(pack, rule, rule.condition, rel, f"[{i}]")
    for path, rel in _files(root, "names"):
        for i, item in enumerate(_as_list(_read_yaml(path, rel, pack), rel, pack)):
            names = _validate(NamesEntry, item, rel, f"[{i}]", pack)
            if names is not None:
                _extend_names(pack, names, rel, f"[{i}]")
    for path, rel in _files(root, "notes"):
        for i, item in enumerate(_as_list(_read_yaml(path, rel, pack), rel, pack)):
            note = _validate(NoteEntry, item, rel, f"[{i}]", pack)
            if note is not None:
                claim = _link_claim(note.concept, note.relation, note.about, note, note.text)
                if note.contested:
                    claim = claim.model_copy(update={"hedged": True})
                _add_claim(pack, claim, rel, f"[{i}]")
    if strict and pack.problems:
        raise PackError(sorted(pack.problems))
    return pack


def _extend_names(pack: Pack, names: NamesEntry, rel: str, where: str) -> None:
    concept = pack.concepts.get(names.concept)
    if concept is None:
        pack.problem(rel, f"{where}.concept", f"unknown concept '{names.concept}'")
        return
    pack.concepts[concept.id] = concept.model_copy(
        update={
            "lay_names": tuple(dict.fromkeys(concept.lay_names + names.lay_names)),
            "synonyms": tuple(dict.fromkeys(concept.synonyms + names.synonyms)),
        }
    )


def _as_list(data: Any, rel: str, pack: Pack) -> list[Any]:
    if data is None:
        return []
    if not isinstance(data, list):
        pack.problem(rel, "(root)", "expected a list of entries")
        return []
    return data


def _add_reference(pack: Pack, entry: ReferenceEntry, rel: str) -> None:
    if entry.id in pack.references:
        pack.problem(rel, entry.id, f"duplicate reference id (also in {pack.origin['ref:' + entry.id]})")
        return
    pack.origin["ref:" + entry.id] = rel
    pack.reference_entries[entry.id] = entry
    pack.references[entry.id] = Reference(
        id=entry.id,
        kind=entry.kind,
        title=entry.title,
        authors=entry.authors,
        year=entry.year,
        source=entry.source,
        doi=entry.doi,
        pmid=entry.pmid,
        url=entry.url,
        note=entry.note,
    )


FOLDER_KIND: dict[str, ConceptKind | None] = {"findings": "finding", "drugs": "drug", "concepts": None}


def _add_concept_entry(pack: Pack, entry: ConceptEntry, folder: str, rel: str, index: int) -> None:
    kind: ConceptKind | None = entry.kind or FOLDER_KIND[folder]
    if kind is None:
        pack.problem(rel, f"[{index}].kind", "concepts/ entries must say their kind")
        return
    codes: dict[str, tuple[str, ...]] = {}
    for system, value in (("hpo", entry.hpo), ("atc", entry.atc), ("rxnorm", entry.rxnorm)):
        if value:
            codes[system] = (value,)
    attributes = {
        key: value
        for key, value in entry.model_dump(
            include={
                "brands",
                "classes",
                "category",
                "body_part",
                "question",
                "options",
                "implies",
                "excludes",
            }
        ).items()
        if value
    }
    if entry.measure is not None:
        attributes["measure"] = entry.measure.model_dump()
    concept = Concept(
        id=entry.id,
        kind=kind,
        name=entry.name,
        lay_names=entry.lay_names + entry.brands,
        synonyms=entry.synonyms,
        codes=codes,
        summary=entry.summary,
        attributes=attributes,
    )
    _add_concept(pack, concept, rel)
    pack.concept_entries[entry.id] = entry


def _add_concept(pack: Pack, concept: Concept, rel: str) -> None:
    if concept.id in pack.concepts:
        pack.problem(rel, concept.id, f"duplicate concept id (also in {pack.origin[concept.id]})")
        return
    pack.concepts[concept.id] = concept
    pack.origin[concept.id] = rel


def _add_claim(pack: Pack, claim: Claim, rel: str, where: str) -> None:
    if claim.id in pack.claims:
        pack.problem(rel, where, f"duplicate claim {claim.subject} {claim.relation} {claim.object}")
        return
    pack.claims[claim.id] = claim
    pack.claim_refs_location[claim.id] = f"{rel}::{where}"


def _link_claim(
    subject: str, relation: str, obj: str | None, spec: LinkSpec | StatementSpec, text: str = ""
) -> Claim:
    frequency = spec.frequency_value() if isinstance(spec, LinkSpec) else None
    statistics = spec.statistics if isinstance(spec, LinkSpec) else ()
    return Claim(
        id=claim_id("pack", subject, relation, obj, text),
        subject=subject,
        relation=relation,  # type: ignore[arg-type]
        object=obj,
        polarity=spec.polarity,
        strength=spec.strength,
        frequency=frequency,
        statistics=statistics,
        population=_population(spec.population),
        text=text or spec.note,
        refs=spec.refs,
        review_status="approved" if spec.refs else "submitted",
    )


# condition-file list -> (relation, True when the condition is the claim's object)
LINK_FIELDS: dict[str, tuple[str, bool]] = {
    "findings": ("finding_of", True),
    "risk_factors": ("risk_factor_for", True),
    "drugs": ("adverse_effect_of", False),
    "causes": ("causes", True),
    "associated": ("associated_with", False),
    "complications": ("complication_of", True),
    "tests": ("test_for", True),
}
STATEMENT_FIELDS: dict[str, str] = {
    "mechanisms": "mechanism_of",
    "epidemiology": "epidemiology_of",
    "self_care": "self_care_for",
    "see_doctor": "see_doctor_for",
    "misconceptions": "misconception_about",
    "outlook": "outlook_of",
}


def _add_condition(pack: Pack, cond: ConditionFile, rel: str) -> None:
    prior = Prior(
        base=cond.prior.base,
        age=cond.prior.age,
        sex={str(k): v for k, v in cond.prior.sex.items()},
        pregnancy=cond.prior.pregnancy,
        note=cond.prior.note,
        refs=cond.prior.refs,
    )
    attributes: dict[str, Any] = {
        "domains": list(cond.domains),
        "category": cond.category,
        "care_level": cond.care.level,
        "course": cond.course,
        "care_refs": list(cond.care.refs),
        "summary_refs": list(cond.summary.refs),
        "prior_refs": list(cond.prior.refs),
        "prior_note": cond.prior.note,
    }
    concept = Concept(
        id=cond.id,
        kind="condition",
        name=cond.name,
        lay_names=cond.lay_names,
        synonyms=cond.synonyms,
        codes={"icd10cm": cond.icd10},
        summary=cond.summary.text,
        attributes=attributes,
        prior=prior,
    )
    _add_concept(pack, concept, rel)
    pack.condition_files[cond.id] = cond
    for field_name, (relation, condition_is_object) in LINK_FIELDS.items():
        for i, spec in enumerate(getattr(cond, field_name)):
            subject, obj = (spec.id, cond.id) if condition_is_object else (cond.id, spec.id)
            _add_claim(pack, _link_claim(subject, relation, obj, spec, spec.text), rel, f"{field_name}[{i}]")
    for i, treatment in enumerate(cond.treatments):
        claim = _link_claim(treatment.id, treatment.relation, cond.id, treatment, treatment.text)
        if treatment.harms:
            claim = claim.model_copy(update={"text": (claim.text + " Harms: " + treatment.harms).strip()})
        _add_claim(pack, claim, rel, f"treatments[{i}]")
    for i, diff in enumerate(cond.differentials):
        claim = Claim(
            id=claim_id("pack", diff.id, "differential_of", cond.id),
            subject=diff.id,
            relation="differential_of",
            object=cond.id,
            text=diff.how_to_tell,
            refs=diff.refs,
            review_status="approved" if diff.refs else "submitted",
        )
        _add_claim(pack, claim, rel, f"differentials[{i}]")
    for field_name, relation in STATEMENT_FIELDS.items():
        for i, statement in enumerate(getattr(cond, field_name)):
            claim = _link_claim(cond.id, relation, statement.about, statement, statement.text)
            if statement.contested:
                claim = claim.model_copy(update={"hedged": True})
            _add_claim(pack, claim, rel, f"{field_name}[{i}]")
    for i, flag in enumerate(cond.red_flags):
        _add_rule(pack, flag, cond.id, rel, f"red_flags[{i}]")


def _add_rule(pack: Pack, spec: Any, condition: str | None, rel: str, where: str) -> None:
    if spec.id in pack.rules:
        pack.problem(rel, f"{where}.id", f"duplicate red-flag rule id '{spec.id}'")
        return
    pack.rules[spec.id] = RedFlagRule(
        id=spec.id,
        level=spec.level,
        reason=spec.reason,
        condition=condition,
        all_of=spec.all,
        any_of=spec.any,
        min_any=spec.min_any,
        none_of=spec.none,
        min_age=spec.min_age,
        max_age=spec.max_age,
        sex=spec.sex,
        pregnant=spec.pregnant,
        refs=spec.refs,
        review_status="approved" if spec.refs else "submitted",
    )
    pack.origin["rule:" + spec.id] = f"{rel}::{where}"
    for finding in (*spec.all, *spec.any):
        if condition is not None:
            claim = Claim(
                id=claim_id("pack", finding, "red_flag_for", condition, spec.id),
                subject=finding,
                relation="red_flag_for",
                object=condition,
                strength="strong",
                text=spec.reason,
                refs=spec.refs,
                review_status="approved" if spec.refs else "submitted",
            )
            if claim.id not in pack.claims:
                _add_claim(pack, claim, rel, f"{where}")
