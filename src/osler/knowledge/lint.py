"""Checks a knowledge pack beyond its schema: ids, codes, locators, orphans, name collisions, completeness."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from osler.errors import PackProblem
from osler.knowledge.loader import Pack, load_pack
from osler.model.concept import DURATION_QUANTITY
from osler.model.names import normalize_name

MIN_FINDINGS = 3


def lint_pack(root: Path | None = None) -> list[PackProblem]:
    """Every problem in the pack at `root` (the shipped pack by default), sorted by file and field."""
    pack = load_pack(root)
    problems = list(pack.problems)
    problems += _check_references(pack)
    problems += _check_concept_links(pack)
    problems += _check_codes(pack)
    problems += _check_orphans(pack)
    problems += _check_names(pack)
    problems += _check_completeness(pack)
    return sorted(set(problems))


def errors_only(problems: list[PackProblem]) -> list[PackProblem]:
    return [p for p in problems if p.severity == "error"]


def _cited(pack: Pack) -> list[tuple[str, str, str]]:
    """(file, field, reference id) for every citation in the pack."""
    out: list[tuple[str, str, str]] = []
    for claim_id, claim in pack.claims.items():
        file, _, where = pack.claim_refs_location[claim_id].partition("::")
        out += [(file, f"{where}.refs", ref) for ref in claim.refs]
    for cond_id, cond in pack.condition_files.items():
        file = pack.origin[cond_id]
        for part in ("summary", "prior", "care"):
            out += [(file, f"{part}.refs", ref) for ref in getattr(cond, part).refs]
    for rule_id, rule in pack.rules.items():
        file, _, where = pack.origin["rule:" + rule_id].partition("::")
        out += [(file, f"{where}.refs", ref) for ref in rule.refs]
    return out


def _check_references(pack: Pack) -> list[PackProblem]:
    problems = []
    used: set[str] = set()
    for file, field, ref in _cited(pack):
        used.add(ref)
        if ref not in pack.references:
            problems.append(PackProblem(file, field, f"cites unknown reference '{ref}'"))
    for ref_id, reference in pack.references.items():
        file = pack.origin["ref:" + ref_id]
        if not reference.has_locator:
            problems.append(PackProblem(file, ref_id, "reference has no locator (doi, pmid or url)"))
        if ref_id not in used:
            problems.append(PackProblem(file, ref_id, "reference is never cited", "warning"))
    return problems


def _check_concept_links(pack: Pack) -> list[PackProblem]:
    problems = []
    for claim_id, claim in pack.claims.items():
        file, _, where = pack.claim_refs_location[claim_id].partition("::")
        for end in (claim.subject, claim.object):
            if end is not None and end not in pack.concepts:
                problems.append(PackProblem(file, where, f"names unknown concept '{end}'"))
    for rule_id, rule in pack.rules.items():
        file, _, where = pack.origin["rule:" + rule_id].partition("::")
        for finding in (*rule.all_of, *rule.any_of, *rule.none_of):
            if finding not in pack.concepts:
                problems.append(PackProblem(file, where, f"red flag names unknown concept '{finding}'"))
        if rule.condition is not None and rule.condition not in pack.concepts:
            problems.append(PackProblem(file, where, f"red flag names unknown condition '{rule.condition}'"))
    for concept_id, entry in pack.concept_entries.items():
        for field in ("implies", "excludes", "classes"):
            for target in getattr(entry, field):
                if target not in pack.concepts:
                    problems.append(
                        PackProblem(
                            pack.origin[concept_id], f"{concept_id}.{field}", f"unknown concept '{target}'"
                        )
                    )
    return problems


def _check_codes(pack: Pack) -> list[PackProblem]:
    import simple_icd_10_cm as icd  # slow to import (~3 s): only when a pack is linted

    problems = []
    for cond_id, cond in pack.condition_files.items():
        for i, code in enumerate(cond.icd10):
            if not icd.is_valid_item(code):
                problems.append(
                    PackProblem(pack.origin[cond_id], f"icd10[{i}]", f"'{code}' is not an ICD-10-CM code")
                )
    return problems


def _check_orphans(pack: Pack) -> list[PackProblem]:
    used: set[str] = set()
    for claim in pack.claims.values():
        used.add(claim.subject)
        if claim.object:
            used.add(claim.object)
    for rule in pack.rules.values():
        used.update((*rule.all_of, *rule.any_of, *rule.none_of))
    for entry in pack.concept_entries.values():
        used.update(entry.implies)
    for concept_id, entry in pack.concept_entries.items():
        if entry.measure is not None and entry.measure.quantity == DURATION_QUANTITY:
            used.add(concept_id)  # conditions use durations through their `course`
        if any(cls in used for cls in entry.classes):
            used.add(concept_id)
        if concept_id in used:
            used.update(entry.classes)
    return [
        PackProblem(pack.origin[cid], cid, f"{concept.kind} '{cid}' is not used by any claim or rule")
        for cid, concept in pack.concepts.items()
        if concept.kind != "condition" and cid not in used
    ]


def _check_names(pack: Pack) -> list[PackProblem]:
    owners: dict[str, set[str]] = defaultdict(set)
    for concept in pack.concepts.values():
        for name in concept.all_names():
            owners[normalize_name(name)].add(concept.id)
    allowed = {normalize_name(s.name): set(s.concepts) for s in pack.shared_names}
    problems = []
    for name, ids in sorted(owners.items()):
        kinds = [pack.concepts[cid].kind for cid in ids]
        if len(set(kinds)) == len(kinds):
            continue  # different kinds: resolved by KIND_PRECEDENCE in osler.model.names
        if len(ids) > 1 and not ids <= allowed.get(name, set()):
            first = sorted(ids)
            problems.append(
                PackProblem(
                    pack.origin[first[0]],
                    first[0],
                    f"name '{name}' also belongs to {', '.join(first[1:])}; add a shared-name rule or rename",
                )
            )
    return problems


def _check_completeness(pack: Pack) -> list[PackProblem]:
    problems = []
    for cond_id, cond in pack.condition_files.items():
        file = pack.origin[cond_id]
        if len([f for f in cond.findings if f.polarity == "positive"]) < MIN_FINDINGS:
            problems.append(PackProblem(file, "findings", f"needs at least {MIN_FINDINGS} positive findings"))
        if not cond.differentials:
            problems.append(PackProblem(file, "differentials", "needs at least one differential"))
        if not cond.treatments and not cond.self_care:
            problems.append(PackProblem(file, "treatments", "needs treatments or self_care"))
        if not cond.red_flags and not cond.see_doctor:
            problems.append(PackProblem(file, "red_flags", "needs red_flags or see_doctor guidance"))
    return problems
