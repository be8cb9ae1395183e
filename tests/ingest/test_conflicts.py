"""Conflict rules: opposite polarity, or strengths two or more levels apart, with an ingested vote."""

from __future__ import annotations

import pytest

from osler.ingest.conflicts import find_conflicts, sides_disagree
from osler.store.sources import Vote


def vote(polarity: str, strength: str, source: str, origin: str = "ingest") -> Vote:
    return Vote("magnesium", "treats", "night-cramps", polarity, strength, f"c-{source}", source, origin)


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        (("positive", "strong"), ("negative", "strong"), True),
        (("positive", "weak"), ("positive", "strong"), True),
        (("positive", "may_help"), ("positive", "definite"), True),
        (("positive", "strong"), ("positive", "definite"), False),
        (("positive", "weak"), ("positive", "may_help"), False),
    ],
)
def test_sides_disagree(a, b, conflict):
    assert sides_disagree(a, b) is conflict


def test_agreeing_sources_are_consensus_not_conflict():
    assert find_conflicts([vote("positive", "strong", "s1"), vote("positive", "definite", "s2")]) == []


def test_a_conflict_lists_every_side_with_its_sources():
    (conflict,) = find_conflicts(
        [vote("positive", "strong", "s1"), vote("positive", "strong", "s2"), vote("negative", "strong", "s3")]
    )
    assert [(s.polarity, s.sources) for s in conflict.sides] == [
        ("negative", ("s3",)),
        ("positive", ("s1", "s2")),
    ]


def test_disagreement_inside_the_pack_alone_is_not_reported():
    assert (
        find_conflicts([vote("positive", "strong", "r1", "pack"), vote("negative", "strong", "r2", "pack")])
        == []
    )
