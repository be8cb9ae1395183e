"""The knowledge pack shipped in the package is valid, complete and honestly sourced."""

from __future__ import annotations

import simple_icd_10_cm as icd

from osler.knowledge.lint import errors_only, lint_pack
from osler.knowledge.loader import load_pack


def test_shipped_pack_has_no_lint_errors():
    problems = errors_only(lint_pack())
    assert problems == [], "\n".join(f"{p.file}: {p.field}: {p.message}" for p in problems[:30])


def test_every_reference_has_a_locator():
    pack = load_pack()
    assert pack.references
    assert all(ref.has_locator for ref in pack.references.values())


def test_every_reference_records_how_it_was_verified():
    pack = load_pack()
    missing = [rid for rid, entry in pack.reference_entries.items() if not entry.verified.strip()]
    assert missing == []


def test_every_condition_code_is_valid_icd10cm():
    pack = load_pack()
    codes = [code for c in pack.concepts.values() if c.kind == "condition" for code in c.icd10]
    assert codes and all(icd.is_valid_item(code) for code in codes)


def test_unsourced_claims_are_a_small_minority():
    pack = load_pack()
    unsourced = [c for c in pack.claims.values() if not c.refs]
    assert len(unsourced) <= 0.15 * len(pack.claims)
    assert all(c.review_status == "submitted" for c in unsourced)
