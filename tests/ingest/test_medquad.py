"""MedQuAD records become corpus-item sources with passages and claims (first records only; skipped when the
corpus is absent)."""

from __future__ import annotations

import gzip
import json

import pytest

from osler.ingest import default_medquad_path, ingest_paths, list_sources
from osler.ingest.formats import read_documents
from osler.store.passages import search_passages
from osler.store.sources import source_text

pytestmark = pytest.mark.medquad
N = 60


@pytest.fixture
def medquad_slice(tmp_path):
    corpus = default_medquad_path()
    if not corpus.exists():
        pytest.skip(f"MedQuAD not found at {corpus}")
    path = tmp_path / "slice.jsonl"
    with gzip.open(corpus, "rt", encoding="utf-8") as src, path.open("w", encoding="utf-8") as out:
        for i, line in enumerate(src):
            if i >= N:
                break
            out.write(line)
    return path


def test_each_record_becomes_a_corpus_item_source(db, ingest_kb, medquad_slice):
    report = ingest_paths(db, ingest_kb, [medquad_slice], format="medquad")
    assert report.to_dict()["sources"] == N and not report.errors
    records = [json.loads(line) for line in medquad_slice.read_text(encoding="utf-8").splitlines()]
    sources = {s["id"]: s for s in list_sources(db)}
    first = records[0]
    assert sources[first["id"]]["kind"] == "corpus_item"
    assert sources[first["id"]]["title"] == first["question"]
    assert sources[first["id"]]["url"] == first["url"]
    assert source_text(db, first["id"]) == first["answer"]


def test_records_are_searchable_by_their_words(db, ingest_kb, medquad_slice):
    ingest_paths(db, ingest_kb, [medquad_slice], format="medquad")
    record = json.loads(medquad_slice.read_text(encoding="utf-8").splitlines()[0])
    hits = search_passages(db, record["focus"], limit=5)
    assert hits and all(h.focus == record["focus"] for h in hits[:1])
    assert hits[0].qtype and hits[0].url


def test_a_broken_record_fails_alone(db, ingest_kb, medquad_slice):
    lines = medquad_slice.read_text(encoding="utf-8").splitlines()
    lines.insert(3, '{"id": "broken", "question": ""}')
    lines.insert(5, "not json")
    medquad_slice.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = ingest_paths(db, ingest_kb, [medquad_slice], format="medquad")
    assert report.to_dict()["sources"] == N
    assert sorted(e.item or "" for e in report.errors) == ["broken", "line 6"]


def test_medquad_is_detected_by_content(medquad_slice):
    fmt, _ = read_documents(medquad_slice.rename(medquad_slice.with_suffix(".data")))
    assert fmt == "medquad"


def test_a_record_that_cannot_be_stored_fails_alone_within_its_chunk(
    db, ingest_kb, medquad_slice, monkeypatch
):
    from osler.errors import StoreError
    from osler.store import sources as store

    victim = json.loads(medquad_slice.read_text(encoding="utf-8").splitlines()[7])["id"]
    real = store.write_sources

    def failing(conn, drafts, stamp):
        if any(d.id == victim for d in drafts):
            raise StoreError("simulated write failure")
        return real(conn, drafts, stamp)

    monkeypatch.setattr(store, "write_sources", failing)
    report = ingest_paths(db, ingest_kb, [medquad_slice], format="medquad")
    assert [(e.item, "simulated" in e.message) for e in report.errors] == [(victim, True)]
    assert report.to_dict()["sources"] == N - 1
    assert victim not in {s["id"] for s in list_sources(db)}
