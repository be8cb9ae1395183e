"""Batch checking: one result per non-blank line, in input order, the same with any number of workers."""

from __future__ import annotations

import json
import multiprocessing

import pytest

from osler.check import Checker
from osler.check.batch import check_lines

CASES = [
    {"id": "a", "text": "my calf cramps at night and wakes me", "age": 60},
    {"id": "b", "text": "sudden crushing chest pain and sweating", "age": 61, "sex": "male"},
    {"id": "c", "age": 30},
    {"id": "d", "text": "my calf cramps at night", "age": "old"},
    {"id": "e", "text": "tight swollen calf after a long flight", "age": 45},
]


def _lines() -> list[str]:
    lines = [json.dumps(c) for c in CASES]
    return [lines[0], "", lines[1], "{not json", *lines[2:]] * 5


def test_results_follow_the_input_order_and_skip_blank_lines(checker: Checker):
    rows = list(check_lines(checker, _lines(), workers=1))
    assert [r["id"] for r in rows[:7]] == ["a", "b", None, "c", "d", "e", "a"]
    assert len(rows) == 30


def test_bad_lines_become_error_objects_and_the_batch_goes_on(checker: Checker):
    rows = list(check_lines(checker, _lines(), workers=1))
    assert rows[2]["error"].startswith("line 4: not valid JSON")
    assert "non-empty 'text'" in rows[3]["error"]
    assert "'age' must be a number" in rows[4]["error"]
    assert "triage" in rows[5]


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")
def test_worker_processes_give_the_same_output_as_one_process(checker: Checker):
    one = list(check_lines(checker, _lines(), workers=1))
    assert list(check_lines(checker, _lines(), workers=3)) == one


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")
def test_the_collector_is_unfrozen_after_a_batch_in_workers(checker: Checker):
    import gc

    rows = check_lines(checker, _lines(), workers=2)
    next(rows)
    assert gc.get_freeze_count() > 0  # the parent's objects are frozen while workers run
    list(rows)
    assert gc.get_freeze_count() == 0
