"""Vignette scoring follows shared/eval/README.md."""

from __future__ import annotations

from osler.check.evaluate import evaluate, is_correct


def test_name_substring_counts():
    assert is_correct("Nocturnal leg cramps", [], {"dx": ["leg cramp"], "icd": []})


def test_icd_prefix_counts_without_dots():
    assert is_correct("Something", ["I82.401"], {"dx": [], "icd": ["I82.4"]})
    assert not is_correct("Something", ["I83.0"], {"dx": [], "icd": ["I82.4"]})


def test_under_triage_counts_only_emergency_only_cases(checker):
    cases = [
        {"id": "D80", "text": "hello", "dx": ["x"], "icd": [], "triage": ["emergency"]},
        {"id": "D81", "text": "hello", "dx": ["x"], "icd": [], "triage": ["emergency", "urgent"]},
    ]
    report = evaluate(checker, cases)
    assert report["overall"]["under_triaged_emergencies"] == 1
    assert report["overall"]["emergency_cases"] == 1
