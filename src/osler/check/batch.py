"""Checking many cases: JSON lines in, one result object per line out, in input order.

A bad line gives an error object carrying the line's id (when it has one) and the batch goes on. On systems that
can fork, cases are shared out over worker processes that inherit the checker already built (its indexes are
read-only, so the workers share them copy-on-write); the results come back in input order, so the output is the
same whatever the number of workers.
"""

from __future__ import annotations

import gc
import json
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from osler.check.case import CaseInput
from osler.check.checker import Checker
from osler.errors import OslerError

CHUNK = 16
"""Lines handed to a worker at a time: enough to amortise the hand-over, small enough to keep workers even."""

MAX_WORKERS = 8

T = TypeVar("T")

_worker_checker: Checker | None = None
"""In a worker process only: the checker it inherited from its parent when forked."""


def check_line(checker: Checker, number: int, line: str) -> dict[str, Any] | None:
    """The result object for one input line (an error object if the line is bad; None for a blank line)."""
    if not line.strip():
        return None
    case_id: Any = None
    try:
        data = json.loads(line)
        if isinstance(data, dict):
            case_id = data.get("id")
        row = checker.check(CaseInput.from_dict(data)).to_dict()
        if case_id is not None:
            row["id"] = case_id
        return row
    except json.JSONDecodeError as exc:
        return {"id": case_id, "error": f"line {number}: not valid JSON ({exc.msg})"}
    except OslerError as exc:
        return {"id": case_id, "error": f"line {number}: {exc}"}


def to_json(row: dict[str, Any]) -> str:
    """One result as a compact JSON line (no newline)."""
    return json.dumps(row, ensure_ascii=False, separators=(",", ":"))


def _start_worker(checker: Checker) -> None:
    global _worker_checker
    _worker_checker = checker


def _check_in_worker(item: tuple[int, str]) -> dict[str, Any] | None:
    assert _worker_checker is not None, "worker started without a checker"
    return check_line(_worker_checker, *item)


def _encode_in_worker(item: tuple[int, str]) -> str | None:
    """In a worker: the result already encoded, so the parent only writes it (JSON is half the parent's work)."""
    row = _check_in_worker(item)
    return None if row is None else to_json(row)


def default_workers() -> int:
    """Worker processes for a batch: one per available CPU (at most `MAX_WORKERS`), or 1 where fork is missing."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(cpus, MAX_WORKERS))


def check_lines(
    checker: Checker, lines: Iterable[str], workers: int | None = None
) -> Iterator[dict[str, Any]]:
    """Result objects for JSON-lines input, in order, blank lines skipped (`workers` defaults to the CPUs)."""
    return _run(checker, lines, workers, _check_in_worker, lambda row: row)


def json_lines(checker: Checker, lines: Iterable[str], workers: int | None = None) -> Iterator[str]:
    """The same results as compact JSON lines (what `osler check --batch` writes)."""
    return _run(checker, lines, workers, _encode_in_worker, to_json)


def _run(
    checker: Checker,
    lines: Iterable[str],
    workers: int | None,
    in_worker: Callable[[tuple[int, str]], T | None],
    in_process: Callable[[dict[str, Any]], T],
) -> Iterator[T]:
    """Each non-blank line's result, in order: checked here, or in forked workers (`in_worker`) when there are
    several."""
    count = default_workers() if workers is None else max(1, workers)
    numbered = enumerate(lines, 1)
    if count == 1 or "fork" not in multiprocessing.get_all_start_methods():
        for number, line in numbered:
            row = check_line(checker, number, line)
            if row is not None:
                yield in_process(row)
        return
    # With fork the workers inherit the checker from memory: the initializer's argument is not pickled. Freezing
    # the collector's view of what exists now keeps the workers' collections off the inherited knowledge base
    # (fewer pages copied, less time), as the gc module's documentation advises before fork.
    context = multiprocessing.get_context("fork")
    gc.freeze()
    try:
        with context.Pool(count, initializer=_start_worker, initargs=(checker,)) as pool:
            for result in pool.imap(in_worker, numbered, chunksize=CHUNK):
                if result is not None:
                    yield result
    finally:
        gc.unfreeze()
