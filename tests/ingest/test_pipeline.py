"""Ingesting articles stores sources, graded claims with exact provenance, references, candidates, conflicts;
on SQLite and PostgreSQL alike."""

from __future__ import annotations

import shutil

import pytest
from sqlalchemy import func, select

from osler.ingest import ingest_paths, list_candidates, list_claims, list_conflicts, list_sources
from osler.store import sources as store
from osler.store import tables as t
from osler.store.passages import search_passages
from osler.store.sources import source_text
from tests.ingest.helpers import minimal_pdf


def _count(engine, table) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar() or 0)


def _claim(engine, subject, relation, obj):
    return next(
        c
        for c in list_claims(engine)
        if (c["subject"]["id"], c["relation"], c["object"]["id"]) == (subject, relation, obj)
    )


def test_an_article_becomes_a_source_with_submitted_claims(db, ingest_kb, articles):
    report = ingest_paths(db, ingest_kb, [articles / "dvt.txt"])
    assert report.to_dict()["sources"] == 1 and not report.errors
    claims = list_claims(db)
    assert claims and {c["review_status"] for c in claims} == {"submitted"}
    with db.connect() as conn:
        assert set(
            conn.execute(
                select(t.claims.c.origin).where(t.claims.c.id.in_([c["id"] for c in claims]))
            ).scalars()
        ) == {"ingest"}


def test_evidence_quotes_are_exact_slices_of_the_stored_text(db, ingest_kb, articles):
    ingest_paths(db, ingest_kb, [articles / "dvt.txt", articles / "night-cramps.md"])
    for claim in list_claims(db):
        for ev in claim["evidence"]:
            assert source_text(db, ev["source"])[ev["start"] : ev["end"]] == ev["quote"]


def test_a_text_file_is_stored_exactly_as_decoded(db, ingest_kb, articles):
    ingest_paths(db, ingest_kb, [articles / "dvt.txt"])
    (source,) = list_sources(db)
    assert source_text(db, source["id"]) == (articles / "dvt.txt").read_text(encoding="utf-8")


def test_a_write_is_recorded_as_a_review_event_per_source(db, ingest_kb, articles):
    ingest_paths(db, ingest_kb, [articles / "dvt.txt", articles / "second-opinion.txt"])
    with db.connect() as conn:
        rows = conn.execute(select(t.review_events).where(t.review_events.c.target_kind == "source")).all()
    assert len(rows) == 2 and {r.actor for r in rows} == {"osler ingest"}


def test_references_are_listed_stored_in_the_bibliography_and_linked_to_claims(db, ingest_kb, articles):
    ingest_paths(db, ingest_kb, [articles / "dvt.txt"])
    (source,) = list_sources(db)
    assert [(r["n"], r["kind"], r["year"]) for r in source["references"]] == [
        (1, "systematic_review", 2019),
        (2, "guideline", 2020),
        (3, "review", 2018),
    ]
    with db.connect() as conn:
        origins = set(
            conn.execute(select(t.bibliography.c.origin).where(t.bibliography.c.origin != "pack")).scalars()
        )
    assert origins == {source["id"]}
    risk = _claim(db, "smoking", "risk_factor_for", "dvt")
    assert risk["references"] == [f"{source['id']}#ref-2", f"{source['id']}#ref-3"]
    assert risk["statistic"][0]["kind"] == "OR"


def test_unknown_terms_in_relation_slots_become_candidate_concepts(db, ingest_kb, articles):
    ingest_paths(db, ingest_kb, [articles / "dvt.txt"])
    names = {c["normalized"] for c in list_candidates(db)}
    assert {"zorblax rash", "frobnitol"} <= names
    assert "frobnitol" not in ingest_kb.names()


def test_equal_claims_from_two_sources_merge_with_two_evidence_rows(db, ingest_kb, articles):
    ingest_paths(db, ingest_kb, [articles / "dvt.txt", articles / "second-opinion.txt"])
    claim = _claim(db, "leg-swelling", "associated_with", "dvt")
    assert claim["support"] == 2 and len(claim["evidence"]) == 2


def test_opposite_claims_from_two_articles_are_a_conflict_with_both_sides(db, ingest_kb, articles):
    report = ingest_paths(db, ingest_kb, [articles / "magnesium-yes.txt", articles / "magnesium-no.txt"])
    conflict = next(c for c in list_conflicts(db) if c["subject"] == "magnesium")
    assert (conflict["relation"], conflict["object"]) == ("treats", "night-cramps")
    assert {s["polarity"] for s in conflict["sides"]} == {"positive", "negative"}
    assert all(len(s["sources"]) == 1 and s["claims"] for s in conflict["sides"])
    assert ("magnesium", "treats", "night-cramps") in report.new_conflicts


def test_an_article_contradicting_the_pack_is_a_conflict(db, ingest_kb, articles):
    ingest_paths(db, ingest_kb, [articles / "magnesium-no.txt"])
    conflict = next(c for c in list_conflicts(db) if c["subject"] == "stretching")
    sources = {src for side in conflict["sides"] for src in side["sources"]}
    assert "ingest-test-ref" in sources  # the pack claim's reference


def test_strengths_two_levels_apart_conflict(db, ingest_kb, tmp_path):
    (tmp_path / "a.txt").write_text("A\n\nLeg swelling is a sign of DVT.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("B\n\nLeg swelling may be a sign of DVT.\n", encoding="utf-8")
    ingest_paths(db, ingest_kb, [tmp_path / "a.txt", tmp_path / "b.txt"])
    conflict = next(c for c in list_conflicts(db) if c["subject"] == "leg-swelling")
    assert {s["strength"] for s in conflict["sides"]} >= {"definite", "weak"}


def test_ingesting_the_same_file_again_changes_nothing(db, ingest_kb, articles):
    ingest_paths(db, ingest_kb, [articles])
    before = {
        table.name: _count(db, table)
        for table in (t.sources, t.claims, t.evidence, t.passages, t.bibliography)
    }
    report = ingest_paths(db, ingest_kb, [articles])
    after = {
        table.name: _count(db, table)
        for table in (t.sources, t.claims, t.evidence, t.passages, t.bibliography)
    }
    assert before == after
    assert report.to_dict()["sources"] == 0 and report.to_dict()["unchanged"] == before["sources"]


def test_a_failing_file_rolls_back_alone_and_the_batch_goes_on(db, ingest_kb, articles, monkeypatch):
    real = store.write_sources

    def failing(conn, drafts, stamp):
        counts = real(conn, drafts, stamp)
        if any(d.title == "Another view on clots" for d in drafts):
            raise store_error()
        return counts

    def store_error():
        from osler.errors import StoreError

        return StoreError("disk full (simulated)")

    monkeypatch.setattr(store, "write_sources", failing)
    report = ingest_paths(db, ingest_kb, [articles / "second-opinion.txt", articles / "dvt.txt"])
    assert [e.path.endswith("second-opinion.txt") for e in report.errors] == [True]
    assert "disk full" in report.errors[0].message
    assert [s["title"] for s in list_sources(db)] == ["Blood clots in the leg"]
    with db.connect() as conn:
        assert (
            conn.execute(
                select(func.count()).select_from(t.evidence).where(t.evidence.c.quote.like("%Another%"))
            ).scalar()
            == 0
        )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.md", b"  \n\n ", "empty"),
        ("binary.txt", b"\x00\x01\x02binary\x00", "binary"),
        ("latin1.txt", "Crampes la nuit: caf\u00e9".encode("latin-1"), "not valid UTF-8"),
        ("fake.pdf", b"this is not a pdf", "not a PDF"),
        ("missing.txt", None, "no such file"),
    ],
)
def test_bad_files_give_clear_errors(db, ingest_kb, tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    report = ingest_paths(db, ingest_kb, [path])
    (error,) = report.errors
    assert message in error.message and name in error.message
    assert list_sources(db) == []


def test_a_huge_file_is_refused(db, ingest_kb, tmp_path, monkeypatch):
    from osler.ingest.formats import common

    monkeypatch.setattr(common, "MAX_FILE_BYTES", 100)
    monkeypatch.setattr(common.read_limited, "__defaults__", (100, None))
    path = tmp_path / "big.txt"
    path.write_text("Blood thinners treat DVT. " * 10, encoding="utf-8")
    (error,) = ingest_paths(db, ingest_kb, [path]).errors
    assert "too large" in error.message


def test_a_pdf_is_ingested_from_its_text(db, ingest_kb, tmp_path):
    path = tmp_path / "cramps.pdf"
    path.write_bytes(
        minimal_pdf(["Night cramps guide", "", "Quinine is no longer recommended for night cramps."])
    )
    report = ingest_paths(db, ingest_kb, [path])
    assert not report.errors
    claim = _claim(db, "quinine", "not_recommended_for", "night-cramps")
    (ev,) = claim["evidence"]
    assert source_text(db, ev["source"])[ev["start"] : ev["end"]] == ev["quote"]


def test_html_keeps_the_main_content_only(db, ingest_kb, articles):
    ingest_paths(db, ingest_kb, [articles / "cramps-page.html"])
    (source,) = list_sources(db)
    text = source_text(db, source["id"])
    assert "Stretching treats night cramps" in text
    for boilerplate in ("cookies", "newsletter", "Buy magnesium", "Copyright", "Quinine offers", "tracker"):
        assert boilerplate not in text
    assert source["kind"] == "consumer_page" and source["title"].startswith("Leg cramps at night")


def test_articles_are_searchable_as_passages(db, ingest_kb, articles):
    ingest_paths(db, ingest_kb, [articles])
    hits = search_passages(db, "quinine cramps", limit=3)
    assert hits and hits[0].title == "Night cramps: a short guide"
    assert hits == sorted(hits, key=lambda p: -p.score)


@pytest.mark.parametrize(
    "query", ['"quinine', "quinine OR NOT", "c++ (*) ^ AND:", "' ; DROP TABLE passages; --", ""]
)
def test_search_accepts_any_user_text(db, ingest_kb, articles, query):
    ingest_paths(db, ingest_kb, [articles / "night-cramps.md"])
    assert isinstance(search_passages(db, query), list)


def test_a_folder_is_read_recursively_in_name_order(db, ingest_kb, articles, tmp_path):
    shutil.copytree(articles, tmp_path / "copy", ignore=shutil.ignore_patterns("pack"))
    report = ingest_paths(db, ingest_kb, [tmp_path / "copy"])
    assert report.to_dict()["sources"] == 6 and not report.errors


def test_the_knowledge_base_view_includes_ingested_claims_with_their_evidence(db, ingest_kb, articles):
    from osler.store import load_knowledge_base

    ingest_paths(db, ingest_kb, [articles / "dvt.txt"])
    kb = load_knowledge_base(db)
    ingested = [c for c in kb.claims.values() if c.origin == "ingest"]
    assert ingested and all(c.evidence and c.review_status == "submitted" for c in ingested)
    pregnant = next(c for c in ingested if c.subject == "long-flights")
    assert pregnant.population.pregnant is True
