"""How long the complaint has lasted, read from the text."""

from __future__ import annotations

import pytest

from osler.check.duration import RECENT_DAYS, read_duration
from osler.check.shorthand import expand_shorthand


def _days(text: str) -> float | None:
    reading = read_duration(expand_shorthand(text))
    return None if reading is None else reading.value


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("For the past year my calves have ached when I walk.", 365.0),
        ("Since last winter both buttocks tighten up after two streets.", 180.0),
        ("58M, 3/7 hx of productive cough.", 3.0),
        ("It started 3 days ago.", 3.0),
        ("I've had these cramps for ages.", 120.0),
        ("Chest pain for the past 3 hours.", 0.125),
        ("Cramps last a few minutes, every night for the past 3 months.", 90.0),
        ("My knee has been swollen for a fortnight.", 14.0),
        ("31M, 3/7 gradually worsening R scrotal pain.", 3.0),
        ("Sudden severe mid-back pain 5/7 ago while lifting.", 5.0),
        ("On prednisolone 10 mg for 4 years. Sudden severe back pain 5/7 ago.", 5.0),
    ],
)
def test_a_stated_duration_is_read_in_days(text: str, days: float):
    assert _days(text) == pytest.approx(days, rel=0.01)


def test_the_newest_change_sets_the_duration():
    assert _days("My knee has ached for years; since yesterday it is hot and swollen.") == RECENT_DAYS
    assert _days("I've taken ibuprofen daily for months. Today I vomited blood.") == RECENT_DAYS


@pytest.mark.parametrize(
    "text",
    [
        "My 2 year old son has a rash.",
        "I'm 32 weeks pregnant.",
        "I smoked for 40 years.",
        "I've been on omeprazole for 8 years.",
        "I'm stiff for about ten minutes when I first get up.",
        "If I stand still for a couple of minutes it goes away.",
        "I'm flying abroad in 2 weeks.",
        "9 months M, recent viral illness.",
        "Several days a week I get a headache.",
        "Sertraline 50 mg started 3 weeks ago for low mood.",
    ],
)
def test_ages_habits_medicines_and_episode_lengths_are_not_the_complaints_duration(text: str):
    assert _days(text) is None
