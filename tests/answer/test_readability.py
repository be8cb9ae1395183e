"""Readability helpers: Flesch-Kincaid counts, fitting an answer under a grade ceiling, shorter repeat names."""

from __future__ import annotations

from osler.answer.compose import Draft
from osler.answer.patient import for_patients, priority, shorten_repeats
from osler.answer.readability import Counts, fit_grade, fk_grade
from osler.answer.wording import short_label
from osler.model.concept import Concept

EASY = "Rest your leg. Drink water."
HARD = "Pharmacological intervention demonstrated statistically significant improvement in symptomatology."


def draft(section: str, text: str, tier: int = 0) -> Draft:
    return Draft(section, text, ("r1",), (), (0.0, 0.0, 0.0), "approved", tier)


def test_counts_of_texts_joined_by_newlines_add_up() -> None:
    assert Counts.of(EASY) + Counts.of(HARD) == Counts.of(f"{EASY}\n{HARD}")
    assert (Counts.of(EASY) + Counts.of(HARD)).grade == fk_grade(f"{EASY}\n{HARD}")


def test_fitting_keeps_an_answer_that_already_reads_below_the_ceiling() -> None:
    assert fit_grade([EASY, "The cat sat on the mat."], [0, 0], ceiling=8) == [0, 1]


def test_fitting_leaves_out_the_hard_statement_of_lowest_priority_first() -> None:
    texts = [EASY, HARD, HARD + " Again.", EASY]
    kept = fit_grade(texts, [3, 2, 0, 3], ceiling=8)
    assert 2 not in kept and {0, 3} <= set(kept)
    assert fk_grade("\n".join(texts[i] for i in kept)) <= 8


def test_fitting_never_leaves_out_a_statement_that_reads_easier_than_the_rest() -> None:
    assert 0 in fit_grade([EASY, HARD], [0, 3], ceiling=8)


def test_fitting_keeps_at_least_one_statement() -> None:
    assert fit_grade([HARD], [0], ceiling=8) == [0]


def test_a_name_is_shortened_after_its_first_mention() -> None:
    texts = [
        "Deep vein thrombosis (DVT) is a clot.",
        "Deep vein thrombosis (DVT) needs care.",
        "No name here.",
    ]
    assert shorten_repeats(texts, {"deep vein thrombosis (DVT)": "DVT"}) == [
        "Deep vein thrombosis (DVT) is a clot.",
        "DVT needs care.",
        "No name here.",
    ]


def test_the_short_name_is_the_part_with_fewer_syllables_lay_first_on_a_tie() -> None:
    pressure = Concept(
        id="hypertension",
        kind="condition",
        name="High blood pressure (hypertension)",
        lay_names=("high blood pressure",),
    )
    attack = Concept(id="mi", kind="condition", name="Myocardial infarction (heart attack)")
    assert short_label(pressure) == "high blood pressure"
    assert short_label(attack) == "heart attack"


def test_a_medicine_keeps_its_own_name_not_a_brand() -> None:
    ibuprofen = Concept(id="ibuprofen", kind="drug", name="Ibuprofen", lay_names=("Advil",))
    assert short_label(ibuprofen) == "ibuprofen"


def test_warning_signs_are_left_out_last_and_other_conditions_first() -> None:
    assert priority(draft("warning_signs", EASY), "treatment") == 3
    assert priority(draft("treatment", EASY), "treatment") == 2
    assert priority(draft("treatment", EASY, tier=2), "treatment") == 1
    assert priority(draft("uses", EASY, tier=2), "treatment") == 0


def test_a_patient_answer_is_fitted_under_grade_eight() -> None:
    ordered = [
        ("treatment", [draft("treatment", EASY), draft("treatment", "Stretch the calf before bed.")]),
        ("uses", [draft("uses", HARD, tier=2)]),
        ("warning_signs", [draft("warning_signs", "Call for help if the leg swells.")]),
    ]
    fitted = for_patients(ordered, "treatment", {})
    assert [key for key, _ in fitted] == ["treatment", "warning_signs"]
    assert fk_grade("\n".join(d.text for _, ds in fitted for d in ds)) <= 8
