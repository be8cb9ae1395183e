"""Clinical shorthand is written out before reading; everyday words that look like it are left alone."""

from __future__ import annotations

import pytest

from osler.check import CaseInput, Checker
from osler.check.shorthand import expand_shorthand


@pytest.mark.parametrize(
    ("note", "words"),
    [
        ("c/o SOB and CP", "complains of short of breath and chest pain"),
        ("N+V, D/V", "nausea and vomiting, diarrhoea and vomiting"),
        ("PMH HTN, T2DM", "past history of high blood pressure, type 2 diabetes"),
        ("PV bleed and LIF pain", "vaginal bleeding and left lower quadrant pain"),
        ("SpO2 91% RA", "SpO2 91% on room air"),
        ("cough x 3/7", "cough for 3 days"),
        ("G1P0 at 8/40", "G1P0 at 8 weeks pregnant"),
        ("afebrile", "no fever"),
        ("L calf circumference 4 cm > R", "left calf circumference 4 cm bigger than the other"),
        ("FH MI, RLQ TTP", "family history of heart attack, right lower quadrant tender to touch"),
        (
            "urine dip: nitrites +, leucs ++, blood -ve",
            "urine dip: nitrites positive, leucs positive, blood negative",
        ),
        ("Murphy's +ve", "Murphy's positive"),
        ("pulse 140 irreg irreg", "pulse 140 irregularly irregular"),
        ("4/12 old, born at 38/40", "4 months old, born at 38 weeks gestation"),
        ("known breast ca with bone mets", "known breast ca with bone metastases"),
    ],
)
def test_shorthand_is_written_out(note, words):
    assert expand_shorthand(note) == words


@pytest.mark.parametrize(
    "text",
    ["BP 90/52", "BP 120/7", "ha ha, that cp", "sob quietly", "did PE at school", "a 4 cm cut", "fh ttp"],
)
def test_blood_pressures_and_everyday_words_are_left_alone(text):
    assert expand_shorthand(text) == text


def test_a_clinician_note_is_read_like_plain_words(shipped_checker: Checker):
    note = shipped_checker.parse(CaseInput("60M c/o CP, N+V, no LOC"))
    plain = shipped_checker.parse(
        CaseInput("60 year old man complains of chest pain, nausea and vomiting, no loss of consciousness")
    )
    assert note.findings["chest-pain"].present
    assert note.findings.keys() == plain.findings.keys()
    assert {f for f, s in note.findings.items() if s.present} == {
        f for f, s in plain.findings.items() if s.present
    }


def test_r_and_l_before_a_word_are_sides():
    assert (
        expand_shorthand("R hand weakness, L-sided pain, L5/S1")
        == "right hand weakness, left-sided pain, L5/S1"
    )
