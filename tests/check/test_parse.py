"""Reading text: names, negation over lists, readings, the person, medicines and answers."""

from __future__ import annotations

from osler.check import CaseInput
from osler.check.measures import find_readings
from osler.check.negation import negated_positions
from osler.check.person import read_person
from osler.check.text import tokenize


def test_lay_name_is_found_as_a_present_finding(checker):
    parsed = checker.parse(CaseInput("My calf goes rock hard every night"))
    assert parsed.findings["calf-cramp"].present


def test_implied_general_finding_is_added(checker):
    parsed = checker.parse(CaseInput("my calf goes rock hard"))
    assert parsed.findings["leg-pain"].present
    assert parsed.findings["leg-pain"].source == "implied"


def test_negated_finding_is_absent(checker):
    parsed = checker.parse(CaseInput("No swollen calf."))
    assert parsed.findings["leg-swelling"].present is False


def test_negation_scope_runs_over_a_list():
    tokens = tokenize("no numbness or tingling, I feel fine")
    scoped, _ = negated_positions(tokens)
    words = {tokens[i].surface for i in scoped}
    assert {"numbness", "tingling"} <= words
    assert "fine" not in words


def test_negation_stops_at_but():
    tokens = tokenize("no fever but a bad cough")
    scoped, _ = negated_positions(tokens)
    assert "cough" not in {tokens[i].surface for i in scoped}


def test_cannot_is_a_symptom_not_a_negation():
    tokens = tokenize("I can't keep my legs still")
    scoped, triggers = negated_positions(tokens)
    assert not scoped and not triggers


def test_temperature_reading_makes_the_measure_finding_present(checker):
    parsed = checker.parse(CaseInput("my temperature is 40.1 today"))
    assert parsed.findings["high-fever"].present
    assert parsed.findings["high-fever"].source == "measure"


def test_reading_below_the_range_makes_the_finding_absent(checker):
    parsed = checker.parse(CaseInput("temperature 37.0"))
    assert parsed.findings["high-fever"].present is False


def test_vital_signs_and_labs_are_read_with_units():
    readings = {
        r.quantity: r.value for r in find_readings("RR 32, SpO2 88%, BP 80/50, HR 124, potassium 2.9")
    }
    assert readings == {
        "respiratory_rate": 32,
        "spo2": 88,
        "systolic_bp": 80,
        "diastolic_bp": 50,
        "heart_rate": 124,
        "potassium_mmol_l": 2.9,
    }


def test_fahrenheit_temperature_is_converted():
    (reading,) = find_readings("temp 102 F")
    assert round(reading.value, 1) == 38.9


def test_weather_is_not_a_body_temperature():
    assert find_readings("it has been over 38 degrees for days") == []


def test_age_sex_and_pregnancy_are_read_from_text():
    assert read_person("a 27-year-old woman with pain").age == 27
    assert read_person("a 27-year-old woman with pain").sex == "female"
    child = read_person("my 6-year-old son has a cough")
    assert (child.age, child.sex) == (6, "male")
    assert read_person("I'm 32 weeks pregnant").pregnant is True


def test_given_age_wins_over_text(checker):
    parsed = checker.parse(CaseInput("a 27-year-old woman", age=40))
    assert parsed.age == 40


def test_brand_name_is_read_as_a_medicine(checker):
    parsed = checker.parse(CaseInput("I take Lasix every morning"))
    assert "furosemide" in parsed.drugs


def test_medication_option_adds_a_medicine(checker):
    parsed = checker.parse(CaseInput("sore leg", medications=("furosemide",)))
    assert "furosemide" in parsed.drugs


def test_answers_win_over_the_text(checker):
    parsed = checker.parse(CaseInput("no swollen calf", answers={"leg-swelling": True}))
    assert parsed.findings["leg-swelling"].present
    assert parsed.findings["leg-swelling"].source == "answer"


def test_another_relatives_history_is_not_the_patients(shipped_checker):
    parsed = shipped_checker.parse(CaseInput("I feel fine. My mum had a stroke."))
    assert not any("stroke" in c for c in parsed.conditions)


def test_a_text_opening_with_a_child_is_about_that_child():
    person = read_person("Toddler with fever and a sore throat since yesterday")
    assert person.subject_relative == "toddler"
    assert person.age == 2.0
    assert read_person("A 4-year-old child presents with stridor").subject_relative == "child"


def test_findings_of_a_child_patient_are_kept(checker):
    parsed = checker.parse(CaseInput("Toddler with swollen calf"))
    assert parsed.findings["leg-swelling"].present


def test_a_relative_who_reports_is_not_the_one_who_has_it(checker):
    parsed = checker.parse(CaseInput("My wife says my calf goes rock hard at night"))
    assert parsed.findings["calf-cramp"].present


def test_another_persons_history_ends_where_the_writer_speaks_again(checker):
    parsed = checker.parse(CaseInput("My sister's baby had a swollen calf, and I have calf cramps"))
    assert parsed.findings["calf-cramp"].present
    assert "leg-swelling" not in parsed.findings


def test_clinical_shorthand_t_with_a_decimal_is_a_temperature():
    assert [(r.quantity, r.value) for r in find_readings("T 38.9, HR 110")][0] == ("temperature_c", 38.9)
    assert all(r.quantity != "temperature_c" for r in find_readings("T 12 vertebra"))


def test_a_negated_verb_denies_only_its_own_clause():
    tokens = tokenize("not drinking much, dry mouth and no tears")
    scoped, _ = negated_positions(tokens)
    words = {tokens[i].surface for i in scoped}
    assert "drinking" in words and "dry" not in words and "tears" in words


def test_ion_symbols_with_a_charge_are_readings():
    values = {r.quantity: r.value for r in find_readings("Bloods: K+ 2.9, Na+ 133")}
    assert values == {"potassium_mmol_l": 2.9, "sodium_mmol_l": 133.0}


def test_blood_gas_ketones_gcs_and_troponin_are_readings():
    text = "ketones 5.6, pH 7.14, HCO3 8, lactate 4.1, GCS 13, trop 85"
    values = {r.quantity: r.value for r in find_readings(text)}
    assert values == {
        "ketones_mmol_l": 5.6,
        "ph": 7.14,
        "bicarbonate_mmol_l": 8.0,
        "lactate_mmol_l": 4.1,
        "gcs": 13.0,
        "troponin_ng_l": 85.0,
    }


def test_a_lactate_result_is_not_breastfeeding(shipped_checker):
    parsed = shipped_checker.parse(CaseInput("lactate 4.1 and low blood pressure", age=60, sex="female"))
    assert "breastfeeding" not in parsed.findings


def test_a_reading_in_a_higher_range_keeps_the_general_finding_present(shipped_checker):
    parsed = shipped_checker.parse(CaseInput("temperature 40.1 and a cough", age=30))
    assert parsed.findings["high-fever"].present
    assert parsed.findings["fever"].present


def test_a_troponin_below_one_is_read_in_micrograms():
    (reading,) = find_readings("trop 0.5")
    assert reading.value == 500.0


def test_numbers_with_thousands_separators_keep_their_size():
    values = {
        r.quantity: r.value for r in find_readings("CK 38,000 U/L, hs-troponin T 1,460 ng/L, K 5.6, Na 138")
    }
    assert values == {"ck_u_l": 38000, "troponin_ng_l": 1460, "potassium_mmol_l": 5.6, "sodium_mmol_l": 138}


def test_hba1c_in_mmol_per_mol_is_read_as_a_percentage():
    (ifcc,) = find_readings("HbA1c 52 mmol/mol")
    (normal,) = find_readings("HbA1c 36")
    (percent,) = find_readings("HbA1c 7.2%")
    assert 6.8 < ifcc.value < 7.0 and 5.3 < normal.value < 5.6 and percent.value == 7.2


def test_white_cell_count_and_crp_are_read_in_the_packs_units():
    values = {r.quantity: r.value for r in find_readings("WBC 13,200, CRP 8 mg/dL")}
    assert values == {"wbc_10e9_l": 13.2, "crp_mg_l": 80}
    assert {r.quantity: r.value for r in find_readings("WCC 24.6, CRP 310 mg/L")} == {
        "wbc_10e9_l": 24.6,
        "crp_mg_l": 310,
    }


def test_a_test_written_as_negative_is_denied():
    tokens = tokenize("calf soft, Homans negative, pulses present")
    scoped, _ = negated_positions(tokens)
    words = {tokens[i].surface for i in scoped}
    assert "homans" in words and "calf" not in words and "pulses" not in words


def test_asymptomatic_denies_what_follows():
    tokens = tokenize("asymptomatic at rest and at night")
    scoped, _ = negated_positions(tokens)
    assert "night" in {tokens[i].surface for i in scoped}


def test_a_non_prefix_denies_the_word_it_is_joined_to_only():
    from osler.check.negation import prefixed

    tokens = tokenize("projectile non-bilious vomiting, calves non-tender")
    denied = prefixed(tokens)
    assert [tokens[p].surface for p in sorted(denied)] == ["bilious", "tender"]
    scoped, _ = negated_positions(tokens)
    assert not scoped


def test_negation_reads_prefixes_inability_to_see_and_idioms(shipped_checker):
    def state(text: str, finding: str) -> bool | None:
        found = shipped_checker.parse(CaseInput(text)).findings.get(finding)
        return None if found is None else found.present

    assert state("Calves soft and non-tender.", "calf-tenderness") is False
    assert state("Projectile non-bilious vomiting.", "projectile-vomiting") is True
    assert state("Projectile non-bilious vomiting.", "bilious-vomiting") is False
    assert state("A non-blanching rash on his legs.", "non-blanching-rash") is True
    assert state("I can't see any rash on her.", "rash") is False
    assert state("Without confusion, plus worsening breathlessness.", "shortness-of-breath") is True
    assert state("He is not himself, very sleepy and floppy.", "reduced-consciousness") is True


def test_graded_results_and_sides_in_readings():
    assert find_readings("Urine dip: leucocytes 2+, nitrites +") == []
    readings = find_readings("ABPI R 0.62, L 0.58. Glucose 5.4.")
    assert [(r.quantity, r.value) for r in readings] == [("abi", 0.62), ("glucose_mg_dl", 97.2)]


def test_weeks_into_a_pregnancy_is_a_pregnancy():
    assert read_person("I'm 36 weeks into my pregnancy").pregnant


def _scoped_words(text: str) -> set[str]:
    tokens = tokenize(text)
    scoped, _ = negated_positions(tokens)
    return {tokens[i].surface for i in scoped}


def test_a_negation_in_an_if_clause_ends_where_the_main_clause_begins():
    words = _scoped_words("If he doesn't have a drink in the morning his hands shake")
    assert "drink" in words
    assert not {"hands", "shake"} & words


def test_a_new_clause_after_a_short_opening_phrase_ends_the_scope():
    words = _scoped_words("He walks without feeling it, and at night he says his feet burn")
    assert "feeling" in words
    assert not {"feet", "burn"} & words


def test_a_long_denied_list_stays_denied_to_its_end():
    words = _scoped_words(
        "No dysuria, frequency, urgency, haematuria, nocturia, incontinence or leakage on coughing or sneezing"
    )
    assert {"dysuria", "leakage", "sneezing"} <= words


def test_absent_after_a_sign_is_not_stretched_over_the_next_one():
    text = (
        "vibration absent to the knees, ankle jerks reduced, Romberg positive, gait broad, plantars upgoing"
    )
    assert "upgoing" not in _scoped_words(text)
    assert "upgoing" in _scoped_words("no " + text)


def test_lipase_and_amylase_are_readings():
    readings = {r.quantity: r.value for r in find_readings("Lipase 1200 U/L, amylase 900")}
    assert readings == {"lipase_u_l": 1200, "amylase_u_l": 900}


def test_normal_denies_only_what_stands_next_to_it(shipped_checker):
    assert shipped_checker.parse(CaseInput("Her temperature was normal.")).findings["fever"].present is False
    xray = shipped_checker.parse(CaseInput("Temperature 38.5, CXR normal, calf swollen"))
    assert xray.findings["fever"].present
    assert xray.findings["normal-chest-xray"].present
    assert "normal" not in _scoped_words("normal periods but swollen calves")
    assert "swollen" not in _scoped_words("normal periods but swollen calves")


def test_a_cancer_and_a_year_are_not_a_calcium():
    readings = find_readings("PMH breast Ca 2016. Adj Ca 2.71")
    assert [(r.quantity, round(r.value, 1)) for r in readings] == [("calcium_mg_dl", 10.9)]


def test_faint_before_a_colour_is_slight_and_backs_of_the_thighs_are_the_thighs(shipped_checker):
    dusky = shipped_checker.parse(CaseInput("faint dusky erythema over the calf"))
    assert "fainting" not in dusky.findings
    thighs = shipped_checker.parse(CaseInput("walking uphill, my buttocks and the backs of my thighs ache"))
    assert "back-pain" not in thighs.findings


def test_a_young_childs_breathing_rate_is_judged_for_its_age(shipped_checker):
    def fast(rr: int, age: float) -> bool:
        return shipped_checker.parse(CaseInput(f"cough, RR {rr}", age=age)).findings["tachypnea"].present

    assert fast(52, 0.33)  # WHO: 50 or more is fast at 2-11 months
    assert not fast(30, 3)  # under 40 is not fast at 1-4 years
    assert fast(30, 30)
