"""The store keeps the pack's knowledge, upgrades in place, and reads back the same knowledge base."""

from __future__ import annotations

import shutil

from sqlalchemy import insert, select, text, update

from osler.knowledge.loader import load_pack
from osler.store import current_revision, head_revision, load_knowledge_base, migrate, stats, sync_pack
from osler.store import tables as t
from osler.store.repository import now


def test_migrate_creates_the_latest_schema(engine):
    assert current_revision(engine) is None
    migrate(engine)
    assert current_revision(engine) == head_revision()


def test_head_revision_constant_is_the_newest_migration():
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from osler.store.database import MIGRATIONS

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(config).get_current_head() == head_revision()


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path):
    from osler.store import connect

    eng = connect(f"sqlite:///{tmp_path / 'x.db'}")
    with eng.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_sync_loads_every_concept_claim_reference_and_rule(engine, fixture_pack_path):
    migrate(engine)
    pack = load_pack(fixture_pack_path, strict=True)
    report = sync_pack(engine, pack).to_dict()
    assert report["claims"]["added"] == len(pack.claims)
    kb = load_knowledge_base(engine)
    assert set(kb.concepts) == set(pack.concepts)
    assert set(kb.claims) == set(pack.claims)
    assert set(kb.rules) == {"swollen-painful-leg"}
    claim = next(c for c in kb.claims.values() if c.relation == "adverse_effect_of")
    assert claim.statistics[0].kind == "OR" and claim.statistics[0].value == 1.5
    assert claim.refs == ("ref-b",)


def test_second_sync_changes_nothing(engine, fixture_pack_path):
    migrate(engine)
    pack = load_pack(fixture_pack_path, strict=True)
    sync_pack(engine, pack)
    report = sync_pack(engine, pack).to_dict()
    assert all(set(counts) == {"unchanged"} for counts in report.values())


def test_resync_keeps_a_reviewers_decision_on_unchanged_claims(engine, fixture_pack_path):
    migrate(engine)
    pack = load_pack(fixture_pack_path, strict=True)
    sync_pack(engine, pack)
    some_id = sorted(pack.claims)[0]
    with engine.begin() as conn:
        conn.execute(update(t.claims).where(t.claims.c.id == some_id).values(review_status="under_review"))
    sync_pack(engine, pack)
    with engine.connect() as conn:
        status = conn.execute(select(t.claims.c.review_status).where(t.claims.c.id == some_id)).scalar()
    assert status == "under_review"


def test_pack_update_bumps_version_and_removes_dropped_items(engine, fixture_pack_path, tmp_path):
    migrate(engine)
    sync_pack(engine, load_pack(fixture_pack_path, strict=True))
    edited = tmp_path / "pack"
    shutil.copytree(fixture_pack_path, edited)
    path = edited / "conditions" / "clot.yaml"
    path.write_text(path.read_text().replace("A blood clot in a deep vein", "A clot in a deep vein"))
    night = edited / "conditions" / "night-cramps.yaml"
    night.write_text(
        night.read_text().replace("  - {id: leg-pain, frequency: often, strength: weak, refs: [ref-a]}\n", "")
    )
    report = sync_pack(engine, load_pack(edited, strict=True)).to_dict()
    assert report["concepts"]["updated"] == 1
    assert report["claims"]["removed"] == 1
    kb = load_knowledge_base(engine)
    assert kb.concept("clot").version == 2
    assert kb.concept("clot").summary.startswith("A clot")


def test_review_events_survive_a_pack_upgrade(engine, fixture_pack_path):
    migrate(engine)
    pack = load_pack(fixture_pack_path, strict=True)
    sync_pack(engine, pack)
    with engine.begin() as conn:
        conn.execute(
            insert(t.review_events).values(
                target_kind="claim",
                target_id="x",
                actor="editor",
                action="approve",
                at=now(),
                changes={},
                comment="ok",
            )
        )
    sync_pack(engine, pack)
    with engine.connect() as conn:
        actors = conn.execute(select(t.review_events.c.actor)).scalars().all()
    assert "editor" in actors


def test_stats_counts_unsourced_claims_and_missing_locators(engine, fixture_pack_path):
    migrate(engine)
    sync_pack(engine, load_pack(fixture_pack_path, strict=True))
    numbers = stats(engine)
    assert numbers["conditions"] == 2
    assert numbers["drugs"] == 2
    assert numbers["claims_without_reference"] == 1  # the curated misconception
    assert numbers["references_without_locator"] == 0
    assert numbers["sources"] == 0


def test_knowledge_base_from_store_equals_knowledge_base_from_pack(engine, fixture_pack_path, fixture_kb):
    migrate(engine)
    sync_pack(engine, load_pack(fixture_pack_path, strict=True))
    kb = load_knowledge_base(engine)
    assert {c.id: (c.subject, c.relation, c.object, c.frequency) for c in kb.claims.values()} == {
        c.id: (c.subject, c.relation, c.object, c.frequency) for c in fixture_kb.claims.values()
    }
    assert kb.concept("night-cramps").prior == fixture_kb.concept("night-cramps").prior


def test_citing_a_curated_claim_reaches_the_database(engine, fixture_pack_path, tmp_path):
    migrate(engine)
    sync_pack(engine, load_pack(fixture_pack_path, strict=True))
    edited = tmp_path / "pack"
    shutil.copytree(fixture_pack_path, edited)
    night = edited / "conditions" / "night-cramps.yaml"
    night.write_text(
        night.read_text().replace("contested: true, curated: true}", "contested: true, refs: [ref-a]}")
    )
    before = stats(engine)["claims_without_reference"]
    sync_pack(engine, load_pack(edited, strict=True))
    assert stats(engine)["claims_without_reference"] == before - 1
