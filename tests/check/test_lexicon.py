"""Matching concept names in text: stems, word order, phrases, body regions, and which match wins."""

from __future__ import annotations

import pytest

from osler.check import CaseInput, Checker
from osler.check.lexicon import Lexicon
from osler.check.text import canonical, tokenize
from osler.model.concept import Concept
from osler.model.knowledge_base import KnowledgeBase


def _kb(*concepts: Concept) -> KnowledgeBase:
    return KnowledgeBase(concepts, [], [])


def _finding(cid: str, name: str, *lay: str, **attributes: str) -> Concept:
    return Concept(id=cid, kind="finding", name=name, lay_names=lay, attributes=attributes)


def _found(kb: KnowledgeBase, text: str) -> set[str]:
    return {m.concept for m in Lexicon(kb).match(tokenize(text)) if not m.contained}


def test_inflections_share_one_stem():
    assert canonical("bruising") == canonical("bruised") == canonical("bruise")
    assert canonical("coming") == canonical("comes")


def test_words_in_the_names_order_may_spread_wider_than_words_out_of_order():
    kb = _kb(_finding("unresponsive", "Unresponsive", "can't wake him"))
    assert _found(kb, "I can't seem to wake him up") == {"unresponsive"}
    assert _found(kb, "I wake at 4 am and can't get back to sleep") == set()


def test_a_name_with_a_negation_word_must_keep_its_order():
    kb = _kb(_finding("absent-foot-pulses", "Absent foot pulses", "no pulse in my foot"))
    assert _found(kb, "there is no pulse in the foot") == {"absent-foot-pulses"}
    assert _found(kb, "the pulses in my feet were good and there is no swelling") == set()


def test_a_name_made_mostly_of_function_words_needs_the_whole_phrase():
    kb = _kb(_finding("symptoms-for-weeks", "Symptoms for weeks", "been like this for weeks"))
    assert _found(kb, "It started a week ago") == set()
    assert _found(kb, "it has been like this for weeks") == {"symptoms-for-weeks"}


def test_a_drug_brand_that_is_an_english_word_needs_the_word_itself():
    kb = _kb(Concept(id="glucose-shot", kind="drug", name="Glucose shot", lay_names=("Lift",)))
    assert _found(kb, "It started after I lifted a heavy box") == set()
    assert _found(kb, "I took a Lift shot") == {"glucose-shot"}


def test_a_part_of_the_body_counts_as_its_region():
    kb = _kb(_finding("leg-pain", "Leg pain", "my leg hurts"))
    assert _found(kb, "my left calf has been aching") == {"leg-pain"}


def test_a_placeless_name_of_one_zone_is_dropped_in_a_clause_about_another_zone():
    pelvic = _finding(
        "one-sided-pelvic-pain", "One-sided pelvic pain", "pain low on the left", body_part="pelvis"
    )
    palpitations = _finding("palpitations", "Palpitations", body_part="heart")
    kb = _kb(pelvic, palpitations)
    assert _found(kb, "an ache low on the left of my chest") == set()
    assert _found(kb, "a pain low on the left of my tummy") == {"one-sided-pelvic-pain"}
    assert _found(kb, "a pain low on the left under my ribs") == {"one-sided-pelvic-pain"}
    assert _found(kb, "calf cramps and palpitations") == {"palpitations"}


def test_two_names_with_the_same_words_find_both_concepts():
    kb = _kb(
        _finding("testicular-pain", "Testicular pain", "pain in my testicle"),
        _finding("pain-to-groin", "Pain spreading to the groin", "pain into my testicle"),
    )
    assert _found(kb, "sudden pain in his left testicle") == {"testicular-pain", "pain-to-groin"}


def test_a_longer_name_keeps_a_contained_multiword_finding_as_contained_and_drops_a_single_word():
    kb = _kb(
        _finding("sneezing", "Sneezing", "sneezing fits"),
        _finding("seizure", "Seizure", "fits"),
        _finding("itchy-blistering-rash", "Itchy blistering rash", "itchy rash with blisters"),
        _finding("itchy-rash", "Itchy rash"),
    )
    matches = Lexicon(kb).match(tokenize("sneezing fits and an itchy rash with blisters"))
    by_concept = {m.concept: m.contained for m in matches}
    assert "seizure" not in by_concept
    assert by_concept["itchy-rash"] is True
    assert by_concept["itchy-blistering-rash"] is False


def _condition_kb() -> KnowledgeBase:
    return _kb(
        Concept(
            id="night-cramps", kind="condition", name="Nocturnal leg cramps", lay_names=("night cramps",)
        ),
        _finding("calf-cramp", "Calf cramp", "cramp in my calf"),
        _finding("at-night", "At night"),
    )


def test_a_condition_name_describing_symptoms_is_not_taken_as_history():
    parsed = Checker(_condition_kb()).parse(CaseInput("I get night cramps, a cramp in my calf at night"))
    assert parsed.conditions == {}
    assert parsed.findings["calf-cramp"].present


def test_a_condition_the_person_says_they_have_is_history():
    parsed = Checker(_condition_kb()).parse(CaseInput("I have been diagnosed with night cramps"))
    assert set(parsed.conditions) == {"night-cramps"}


def test_many_tablets_swallowed_reads_as_an_overdose_of_that_medicine():
    kb = _kb(_finding("paracetamol-overdose", "Paracetamol overdose", "overdose of paracetamol"))
    assert _found(kb, "She swallowed about 20 paracetamol tablets after a row") == {"paracetamol-overdose"}
    assert _found(kb, "I took 2 paracetamol tablets for 12 hours") == set()


def test_left_or_right_before_a_limb_reads_as_one_side():
    kb = _kb(_finding("one-leg-swollen", "Swelling of one leg", "swelling in one leg"))
    assert _found(kb, "my left leg is swollen") == {"one-leg-swollen"}
    assert _found(kb, "turn right, my legs are swollen") == set()


def test_a_condition_name_that_states_history_counts_without_a_cue_before_it():
    kb = _kb(Concept(id="hiv", kind="condition", name="HIV infection", lay_names=("HIV positive",)))
    parsed = Checker(kb).parse(CaseInput("I am HIV positive and coughing"))
    assert set(parsed.conditions) == {"hiv"}


def test_a_whole_phrase_name_skips_articles_and_possessives_in_the_text():
    kb = _kb(_finding("during-sleep", "During sleep", "in my sleep"))
    assert _found(kb, "he kicks in his sleep") == {"during-sleep"}
    assert _found(kb, "I sleep badly") == set()


def test_a_negation_word_inside_a_name_does_not_deny_what_follows():
    kb = _kb(
        _finding("reliever-failing", "Reliever not helping", "inhaler not helping"),
        _finding("blue-lips", "Blue lips", "lips blue"),
    )
    parsed = Checker(kb).parse(CaseInput("my blue inhaler not helping, lips blue"))
    assert parsed.findings["reliever-failing"].present
    assert parsed.findings["blue-lips"].present


def test_a_short_one_word_name_matches_its_own_inflections_only():
    kb = _kb(_finding("seizure", "Seizure", "fit"), Concept(id="boxing", kind="risk_factor", name="Boxing"))
    assert _found(kb, "he has been fitting for five minutes") == {"seizure"}
    assert _found(kb, "I lifted a box") == set()


def test_my_right_before_a_condition_is_history_but_my_earlier_in_the_clause_is_not():
    kb = _kb(
        Concept(id="asthma", kind="condition", name="Asthma"),
        Concept(id="heavy-periods", kind="condition", name="Heavy periods", lay_names=("periods heavy",)),
    )
    checker = Checker(kb)
    assert set(checker.parse(CaseInput("my asthma is worse")).conditions) == {"asthma"}
    assert checker.parse(CaseInput("my periods are really heavy")).conditions == {}


def test_a_negation_in_a_name_governs_only_a_near_word():
    kb = _kb(
        _finding("no-symptoms", "No symptoms", "no symptoms"),
        _finding("no-appetite", "No appetite", "no appetite"),
    )
    assert _found(kb, "no urge to move symptoms") == set()
    assert _found(kb, "I've no energy or appetite") == {"no-appetite"}


def test_an_abbreviation_matches_only_itself_and_function_word_names_never_match():
    kb = _kb(
        _finding("breathless-on-exertion", "Breathless on exertion", "DOE"),
        Concept(
            id="ankylosing-spondylitis", kind="condition", name="Ankylosing spondylitis", synonyms=("AS",)
        ),
    )
    assert _found(kb, "the rash does not fade") == set()
    assert _found(kb, "DOE for a week") == {"breathless-on-exertion"}
    assert _found(kb, "as well as a cough") == set()


def test_a_name_joined_by_to_needs_the_to():
    kb = _kb(_finding("reduced-consciousness", "Reduced consciousness", "hard to wake"))
    assert _found(kb, "my calf goes rock hard at night and wakes me up") == set()
    assert _found(kb, "she is hard for me to wake") == {"reduced-consciousness"}


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("I threw up twice", "vomit"),
        ("she was sick in the night", "vomit"),
        ("sick to my stomach", "nausea"),
        ("feeling sick all day", "nausea"),
        ("out of breath on the stairs", "breathless"),
        ("a bit light-headed", "dizzi"),
        ("pins and needles in my toes", "tingl"),
        ("he passed out at work", "faint"),
        ("I blacked out", "faint"),
        ("took 30 of her tablets", "overdos"),
        ("can't put any weight on it", "bear"),
        ("a faint pink rash", "slight"),
        ("it hurts to shake hands", "greet"),
        ("wear and tear in the knee", "degen"),
    ],
)
def test_lay_phrases_fold_to_one_word(text: str, form: str) -> None:
    assert form in {t.form for t in tokenize(text)}


def test_each_phrase_pattern_holds_the_words_that_let_it_run() -> None:
    from osler.check.text import _PHRASES

    for needles, pattern, _ in _PHRASES:
        assert all(needle in pattern.pattern for needle in needles), pattern.pattern


def test_a_list_of_descriptions_joins_each_one_to_its_body_part():
    kb = _kb(_finding("red-foot", "Red foot", "foot red"), _finding("swollen-foot", "Swollen foot"))
    assert _found(kb, "my left foot is throbbing, hot, red and swollen") == {"red-foot", "swollen-foot"}
    assert _found(kb, "my foot hurts, the doctor says my hand is swollen") == set()


def test_articles_and_possessives_do_not_push_a_names_words_apart():
    kb = _kb(
        _finding("headache", "Headache", "pain in my head"),
        _finding("back-pain", "Back pain", "pain in my back"),
    )
    assert _found(kb, "a sharp pain at the back of my head") == {"headache"}
    assert _found(kb, "a pain in the middle of my back") == {"back-pain"}


def test_numb_from_the_waist_down_is_about_the_legs():
    kb = _kb(
        _finding("saddle-numbness", "Saddle numbness", "numb bottom"), _finding("numb-legs", "Numb legs")
    )
    assert _found(kb, "both legs go heavy, numb and achy from my bottom down") == {"numb-legs"}


def test_bigger_than_the_other_needs_the_clause_to_be_about_the_leg():
    kb = _kb(_finding("one-leg-swollen", "One leg swollen", "bigger than the other", body_part="leg"))
    assert _found(kb, "my left calf is bigger than the other") == {"one-leg-swollen"}
    assert _found(kb, "her right breast is bigger than the other") == set()


def test_a_comparison_names_no_finding_of_another_zone_and_costs_nothing_in_a_window():
    kb = _kb(
        _finding("toothache", "Toothache", body_part="teeth"),
        _finding("buttock-pain", "Buttock pain", body_part="buttock"),
    )
    text = "pain like a bad toothache deep in my buttock going down my leg"
    assert _found(kb, text) == {"buttock-pain"}
    assert _found(kb, "my leg is sore and I have a toothache") == {"toothache"}


def test_a_one_sided_finding_is_not_read_for_both_sides():
    kb = _kb(_finding("one-sided-weakness", "One-sided weakness", "can't lift my arm"))
    assert _found(kb, "he can't lift his arm") == {"one-sided-weakness"}
    assert _found(kb, "I can't lift my arms to do my hair") == set()
    assert _found(kb, "she can't lift both arm or leg") == set()


def _read(checker: Checker, text: str) -> dict[str, bool]:
    """Each finding read from a text, with whether it is present."""
    return {f: state.present for f, state in checker.parse(CaseInput(text)).findings.items()}


def test_a_name_with_an_abbreviation_needs_its_words_together(shipped_checker):
    ecg = _read(shipped_checker, "ECG: diffuse ST elevation with PR depression")
    assert ecg["st-elevation"] and "st-depression" not in ecg
    assert _read(shipped_checker, "ECG: ST segment depression")["st-depression"]


def test_what_eases_a_symptom_is_the_word_after_eased_by(shipped_checker):
    assert "relieved-by-movement" not in _read(
        shipped_checker, "The pain comes on when walking and is eased by rest."
    )
    assert _read(shipped_checker, "It is worse at rest and eased by walking.")["relieved-by-movement"]


def test_a_week_is_not_weeks(shipped_checker):
    week = _read(shipped_checker, "A week of coughing.")
    assert week["cough"] and "cough-longer-than-3-weeks" not in week


def test_a_pronoun_opening_a_sentence_stands_for_the_part_named_before(shipped_checker):
    calf = _read(shipped_checker, "My left calf has been achey for 3 days. It looks swollen and feels warm.")
    assert calf["leg-pain"] and calf["unilateral-leg-swelling"]
    bath = _read(shipped_checker, "His legs hurt at bedtime. Rubbing them and a warm bath help.")
    assert "skin-hot-to-touch" not in bath


def test_a_bone_of_the_leg_is_the_leg(shipped_checker):
    assert _read(shipped_checker, "3/12 dull ache R proximal tibia, wakes him at night")["leg-pain"]


def test_a_threat_of_fainting_is_not_a_faint(shipped_checker):
    threat = _read(shipped_checker, "My heart pounds and I'm sure I'm going to die or pass out.")
    assert threat["dizziness"] and "fainting" not in threat
    assert _read(shipped_checker, "I passed out in the shower.")["fainting"]


def test_a_long_subject_keeps_its_part_of_the_body(shipped_checker):
    heel = (
        "The back of my heel, about two inches above where the tendon goes into the bone, is stiff and sore."
    )
    assert _read(shipped_checker, heel)["heel-pain"]
    assert "headache" not in _read(
        shipped_checker, "red ones on my forehead and chin, some are big and painful"
    )


def test_killing_me_is_pain(shipped_checker):
    assert _read(shipped_checker, "The outside of my right elbow has been killing me.")["lateral-elbow-pain"]


def test_last_night_is_when_it_happened_not_a_night_time_pattern(shipped_checker):
    once = _read(shipped_checker, "She has had a runny nose for three days and last night she had a fever.")
    assert "symptoms-at-night" not in once
    assert _read(shipped_checker, "My calves cramp at night.")["symptoms-at-night"]
