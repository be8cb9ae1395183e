"""Lint reports every problem in a pack with the file and field to fix."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from osler.errors import PackError
from osler.knowledge.lint import errors_only, lint_pack
from osler.knowledge.loader import load_pack


@pytest.fixture
def pack_copy(fixture_pack_path: Path, tmp_path: Path) -> Path:
    target = tmp_path / "pack"
    shutil.copytree(fixture_pack_path, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"fixture text not found: {old!r}"
    path.write_text(text.replace(old, new))


def messages(root: Path) -> list[tuple[str, str, str]]:
    return [(p.file, p.field, p.message) for p in errors_only(lint_pack(root))]


def test_fixture_pack_is_clean(fixture_pack_path):
    assert messages(fixture_pack_path) == []


def test_unknown_field_is_reported_with_file_and_field(pack_copy):
    edit(pack_copy / "conditions" / "clot.yaml", "synonyms: [DVT]", "synonyms: [DVT]\ncolour: red")
    assert ("conditions/clot.yaml", "colour", "Extra inputs are not permitted") in messages(pack_copy)


def test_claim_without_refs_or_curated_flag_is_rejected(pack_copy):
    edit(
        pack_copy / "conditions" / "clot.yaml",
        "{id: leg-pain, frequency: 0.7, refs: [ref-b]}",
        "{id: leg-pain, frequency: 0.7}",
    )
    found = messages(pack_copy)
    assert any(f == "conditions/clot.yaml" and fld == "findings[1]" and "curated" in m for f, fld, m in found)


def test_unknown_reference_is_reported(pack_copy):
    edit(
        pack_copy / "conditions" / "clot.yaml",
        "{id: leg-pain, frequency: 0.7, refs: [ref-b]}",
        "{id: leg-pain, frequency: 0.7, refs: [ref-zzz]}",
    )
    assert ("conditions/clot.yaml", "findings[1].refs", "cites unknown reference 'ref-zzz'") in messages(
        pack_copy
    )


def test_reference_without_locator_is_reported(pack_copy):
    edit(pack_copy / "references" / "refs.yaml", '  pmid: "123"\n', "")
    assert ("references/refs.yaml", "ref-b", "reference has no locator (doi, pmid or url)") in messages(
        pack_copy
    )


def test_invalid_icd10_code_is_reported(pack_copy):
    edit(pack_copy / "conditions" / "clot.yaml", "icd10: [I82.40]", "icd10: [I82.999]")
    assert ("conditions/clot.yaml", "icd10[0]", "'I82.999' is not an ICD-10-CM code") in messages(pack_copy)


def test_orphan_concept_is_reported(pack_copy):
    with (pack_copy / "findings" / "f.yaml").open("a") as fh:
        fh.write("- {id: lonely-finding, name: Lonely, category: symptom}\n")
    assert any(fld == "lonely-finding" and "not used" in m for _, fld, m in messages(pack_copy))


def test_duplicate_concept_id_is_reported(pack_copy):
    with (pack_copy / "findings" / "f.yaml").open("a") as fh:
        fh.write("- {id: leg-pain, name: Leg ache, category: symptom}\n")
    assert any(fld == "leg-pain" and "duplicate concept id" in m for _, fld, m in messages(pack_copy))


def test_name_shared_by_two_concepts_needs_a_rule(pack_copy):
    edit(
        pack_copy / "findings" / "f.yaml",
        "lay_names: [sore leg]",
        "lay_names: [sore leg, calf goes rock hard]",
    )
    assert any("calf goes rock hard" in m for _, _, m in messages(pack_copy))
    (pack_copy / "rules").mkdir(exist_ok=True)
    (pack_copy / "rules" / "names.yaml").write_text(
        "- {name: calf goes rock hard, concepts: [calf-cramp, leg-pain], prefer: calf-cramp}\n"
    )
    assert not any("calf goes rock hard" in m for _, _, m in messages(pack_copy))


def test_claim_naming_an_unknown_concept_is_reported(pack_copy):
    edit(pack_copy / "conditions" / "clot.yaml", "{id: anticoagulation,", "{id: warfarin-magic,")
    assert any("unknown concept 'warfarin-magic'" in m for _, _, m in messages(pack_copy))


def test_condition_without_differentials_is_incomplete(pack_copy):
    path = pack_copy / "conditions" / "clot.yaml"
    edit(
        path,
        "differentials:\n  - {id: night-cramps, how_to_tell: Cramps come and go and do not swell the leg., refs: [ref-a]}\n",
        "",
    )
    assert ("conditions/clot.yaml", "differentials", "needs at least one differential") in messages(pack_copy)


def test_broken_yaml_is_reported_not_raised(pack_copy):
    (pack_copy / "findings" / "broken.yaml").write_text("- id: [unclosed\n")
    assert any(f == "findings/broken.yaml" and "YAML" in m for f, _, m in messages(pack_copy))


def test_strict_load_raises_pack_error_with_all_problems(pack_copy):
    edit(pack_copy / "conditions" / "clot.yaml", "synonyms: [DVT]", "synonyms: [DVT]\ncolour: red")
    with pytest.raises(PackError) as info:
        load_pack(pack_copy, strict=True)
    assert info.value.problems[0].file == "conditions/clot.yaml"


def test_frequency_words_map_to_numbers(fixture_kb):
    claim = next(c for c in fixture_kb.claims_to("night-cramps", "finding_of") if c.subject == "calf-cramp")
    assert claim.frequency == 0.75


def test_notes_attach_statements_to_existing_concepts(fixture_kb):
    notes = fixture_kb.claims_from("furosemide", "safety_of")
    assert [c.text for c in notes] == ["Furosemide can lower potassium; blood tests check it."]


def test_names_files_extend_the_vocabulary_of_existing_concepts(fixture_kb):
    assert fixture_kb.resolve("charley horse").id == "calf-cramp"


def test_names_for_an_unknown_concept_are_reported(pack_copy):
    (pack_copy / "names" / "bad.yaml").write_text("- {concept: nobody, lay_names: [x]}\n")
    assert ("names/bad.yaml", "[0].concept", "unknown concept 'nobody'") in messages(pack_copy)


def test_a_name_shared_by_a_finding_and_a_condition_follows_kind_precedence(pack_copy):
    edit(
        pack_copy / "conditions" / "clot.yaml",
        "lay_names: [blood clot in the leg]",
        "lay_names: [blood clot in the leg, swollen calf]",
    )
    assert not any("swollen calf" in m for _, _, m in messages(pack_copy))
    from osler.model.knowledge_base import KnowledgeBase

    kb = KnowledgeBase.from_pack(load_pack(pack_copy))
    assert [c.id for c in kb.lookup("swollen calf")] == ["leg-swelling", "clot"]
