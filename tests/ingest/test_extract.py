"""Extraction reads relations, negation, hedging, numbers, populations, references and lists from sentences."""

from __future__ import annotations

import pytest

from osler.ingest.extract.hedging import grade
from osler.ingest.extract.references import citations, guess_kind, parse_reference_list
from osler.ingest.extract.relations import PATTERNS, heading_relation
from osler.ingest.extract.statistics import find_population, find_statistics
from osler.model.claim import CLAIM_RELATIONS, TEXT_RELATIONS
from tests.ingest.helpers import claims_of, only, triples

RELATION_SENTENCES = [
    ("A calf cramp is a sign of night cramps.", ("calf-cramp", "finding_of", "night-cramps")),
    ("Symptoms of DVT include leg swelling.", ("leg-swelling", "finding_of", "dvt")),
    ("Smoking is a risk factor for DVT.", ("smoking", "risk_factor_for", "dvt")),
    ("Long flights increase the risk of DVT.", ("long-flights", "risk_factor_for", "dvt")),
    ("Dehydration can cause night cramps.", ("dehydration", "causes", "night-cramps")),
    ("Night cramps are often caused by dehydration.", ("dehydration", "causes", "night-cramps")),
    ("Leg swelling is associated with DVT.", ("leg-swelling", "associated_with", "dvt")),
    ("Furosemide can cause cramps as a side effect.", ("calf-cramp", "adverse_effect_of", "furosemide")),
    ("Tinnitus is a side effect of quinine.", ("tinnitus", "adverse_effect_of", "quinine")),
    ("Blood thinners treat DVT.", ("anticoagulants", "treats", "dvt")),
    ("DVT is treated with blood thinners.", ("anticoagulants", "treats", "dvt")),
    ("Compression stockings prevent DVT.", ("compression-stockings", "prevents", "dvt")),
    ("Quinine should not be used for night cramps.", ("quinine", "not_recommended_for", "night-cramps")),
    (
        "Quinine is no longer recommended for night cramps.",
        ("quinine", "not_recommended_for", "night-cramps"),
    ),
    (
        "Night cramps can be confused with restless legs syndrome.",
        ("restless-legs", "differential_of", "night-cramps"),
    ),
    ("A pulmonary embolism is a complication of DVT.", ("pulmonary-embolism", "complication_of", "dvt")),
    ("A duplex ultrasound is used to diagnose DVT.", ("ultrasound", "test_for", "dvt")),
    ("DVT is diagnosed with an ultrasound scan.", ("ultrasound", "test_for", "dvt")),
]


@pytest.mark.parametrize(("sentence", "expected"), RELATION_SENTENCES)
def test_each_relation_cue_yields_its_claim(matcher, sentence, expected):
    claims = claims_of(matcher, sentence)
    assert expected in triples(claims)
    claim = next(c for c in claims if (c.subject, c.relation, c.object) == expected)
    assert claim.polarity == "positive"


def test_every_concept_relation_has_a_pattern():
    covered = {p.relation for p in PATTERNS}
    assert set(CLAIM_RELATIONS) - TEXT_RELATIONS <= covered


def test_seek_emergency_care_makes_red_flags_for_the_topic(matcher):
    text = "Deep vein thrombosis\n\nSeek emergency care if you have chest pain or sudden breathlessness."
    claims = claims_of(matcher, text, title="Deep vein thrombosis")
    assert {("chest-pain", "red_flag_for", "dvt"), ("breathlessness", "red_flag_for", "dvt")} <= triples(
        claims
    )


def test_a_pronoun_slot_falls_back_to_the_topic(matcher):
    claims = claims_of(matcher, "DVT\n\nIt is treated with blood thinners.", title="DVT")
    assert ("anticoagulants", "treats", "dvt") in triples(claims)


def test_a_slot_whose_kind_does_not_fit_makes_no_claim(matcher):
    assert claims_of(matcher, "Night cramps treat DVT.") == []


def test_negation_makes_a_negative_claim(matcher):
    claim = only(claims_of(matcher, "Magnesium does not relieve night cramps."), "treats")
    assert claim.polarity == "negative"


def test_a_denied_sign_is_negative(matcher):
    assert only(claims_of(matcher, "Tinnitus is not a sign of DVT."), "finding_of").polarity == "negative"


def test_there_is_no_evidence_negates_the_claim(matcher):
    claims = claims_of(matcher, "There is no good evidence that magnesium relieves night cramps.")
    assert only(claims, "treats").polarity == "negative"


def test_the_not_inside_a_not_recommended_cue_is_not_a_negation(matcher):
    assert (
        only(
            claims_of(matcher, "Quinine should not be used for night cramps."), "not_recommended_for"
        ).polarity
        == "positive"
    )


@pytest.mark.parametrize(
    ("sentence", "strength", "hedged"),
    [
        ("Some research suggests that water pills may trigger night cramps.", "weak", True),
        ("Calf stretches may help prevent night cramps.", "may_help", True),
        ("A calf cramp is a sign of night cramps.", "definite", False),
        ("Leg swelling is strongly associated with DVT.", "strong", False),
        ("Leg swelling is associated with DVT.", "may_help", False),
        ("Blood thinners treat DVT.", "strong", False),
    ],
)
def test_hedging_maps_to_strength(matcher, sentence, strength, hedged):
    (claim,) = claims_of(matcher, sentence)
    assert (claim.strength, claim.hedged) == (strength, hedged)


def test_grade_without_cues_keeps_the_pattern_default():
    assert grade("X treats Y.", "strong").strength == "strong"


def test_odds_ratio_with_confidence_interval_is_read():
    (stat,) = find_statistics("Smoking raised the risk (OR 1.8, 95% CI 1.3-2.4).")
    assert (stat["kind"], stat["value"], stat["ci_low"], stat["ci_high"]) == ("OR", 1.8, 1.3, 2.4)


def test_relative_risk_hazard_ratio_and_percent_are_read():
    stats = find_statistics("The relative risk was 2.5; hazard ratio 0.7 (95% CI 0.5 to 0.9); 40% of people.")
    assert [(s["kind"], s["value"]) for s in stats] == [("RR", 2.5), ("HR", 0.7), ("percent", 40.0)]


def test_a_confidence_level_is_not_a_percentage():
    assert [s["kind"] for s in find_statistics("OR 2.0 (95% CI 1.1-3.0)")] == ["OR"]


def test_the_word_or_is_not_an_odds_ratio():
    assert find_statistics("cramps or spasms in 3 places") == []


def test_a_percentage_of_a_finding_becomes_its_frequency(matcher):
    claim = only(claims_of(matcher, "Leg swelling is a sign of DVT in 70% of people."), "finding_of")
    assert claim.frequency == 0.7


def test_statistics_are_attached_to_the_claim(matcher):
    claim = only(
        claims_of(matcher, "Smoking increases the risk of DVT (OR 1.8, 95% CI 1.3-2.4)."), "risk_factor_for"
    )
    assert claim.statistics[0]["kind"] == "OR"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in adults aged 65 and older", {"min_age": 65.0}),
        ("in older adults", {"min_age": 65.0}),
        ("in children under the age of 12", {"max_age": 12.0}),
        ("in women", {"sex": "female"}),
        ("in men", {"sex": "male"}),
        ("during pregnancy", {"pregnant": True, "sex": "female"}),
    ],
)
def test_population_qualifiers_are_read(text, expected):
    population = find_population(text)
    assert {k: v for k, v in population.items() if k != "note"} == expected


def test_a_count_is_not_an_age():
    assert "min_age" not in find_population("over 50 different genes")


def test_list_items_under_a_heading_take_its_relation(matcher):
    text = "Night cramps\n\n## Risk factors\n\n- Smoking\n- Long flights\n"
    claims = claims_of(matcher, text, title="Night cramps")
    assert {
        ("smoking", "risk_factor_for", "night-cramps"),
        ("long-flights", "risk_factor_for", "night-cramps"),
    } <= triples(claims)
    assert {c.quote for c in claims} == {"Smoking", "Long flights"}


def test_a_colon_heading_governs_the_bullets_below_it(matcher):
    text = "DVT\n\nWarning signs:\n- Chest pain\n- Sudden breathlessness\n"
    assert {c.relation for c in claims_of(matcher, text, title="DVT")} == {"red_flag_for"}


def test_an_inline_heading_list_takes_its_relation(matcher):
    claims = claims_of(
        matcher, "Night cramps\n\nMedications: quinine, magnesium supplements.", title="Night cramps"
    )
    assert {("quinine", "treats", "night-cramps"), ("magnesium", "treats", "night-cramps")} <= triples(claims)


@pytest.mark.parametrize(
    ("heading", "relation"),
    [
        ("Risk factors", "risk_factor_for"),
        ("Symptoms", "finding_of"),
        ("Side effects", "adverse_effect_of"),
        ("Seek emergency care if:", "red_flag_for"),
        ("How is it treated?", "treats"),
        ("Tests and diagnosis", "test_for"),
        ("Complications", "complication_of"),
        ("About us", None),
    ],
)
def test_heading_relations(heading, relation):
    assert heading_relation(heading) == relation


def test_citation_markers_expand_lists_and_ranges():
    assert citations("Text [1], more [2-4] and [6, 8].") == (1, 2, 3, 4, 6, 8)


def test_reference_list_is_parsed_with_title_year_and_kind():
    text = (
        "Body [1].\n\nReferences\n\n"
        "1. Smith J, Jones K. Cramps in older adults: a cohort study. J Test. 2019.\n"
        "2. Cochrane review of quinine for cramps. 2015. doi:10.1002/14651858.CD005044\n"
    )
    refs = parse_reference_list(text)
    assert refs.body_end == text.index("References")
    first, second = refs.entries
    assert (first.n, first.title, first.year, first.kind) == (
        1,
        "Cramps in older adults: a cohort study",
        2019,
        "cohort",
    )
    assert (second.kind, second.doi) == ("systematic_review", "10.1002/14651858.CD005044")


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        ("NICE guideline NG1. 2020.", "guideline"),
        ("A randomised controlled trial of stretching.", "trial"),
        ("FDA drug safety communication on quinine.", "regulator"),
        ("Some narrative review. 2010.", "review"),
        ("Smith. A paper. J Test. 2001.", "article"),
    ],
)
def test_reference_kind_is_guessed_from_its_wording(raw, kind):
    assert guess_kind(raw) == kind


def test_claims_carry_the_reference_numbers_they_cite(matcher):
    text = "Blood thinners treat DVT [2].\n\nReferences\n\n1. One. 2001.\n2. Two. 2002.\n"
    assert only(claims_of(matcher, text), "treats").citations == (2,)


def test_a_marker_without_a_reference_entry_is_dropped(matcher):
    assert only(claims_of(matcher, "Blood thinners treat DVT [7]."), "treats").citations == ()


def test_a_negation_in_an_aside_before_the_cue_does_not_negate(matcher):
    claims = claims_of(matcher, "Even when smoking isn't heavy, it increases the risk of DVT.")
    assert only(claims, "risk_factor_for").polarity == "positive"


def test_an_empty_slot_after_the_cue_is_not_the_topic(matcher):
    text = "DVT\n\nCompression stockings reduce the leg swelling that DVT can cause."
    assert ("leg-swelling", "causes", "dvt") not in triples(claims_of(matcher, text, title="DVT"))


def test_avoiding_a_factor_to_prevent_makes_it_a_risk_factor(matcher):
    text = "DVT\n\n## Prevention\n\n- Quitting smoking\n- Compression stockings\n"
    found = triples(claims_of(matcher, text, title="DVT"))
    assert ("smoking", "risk_factor_for", "dvt") in found
    assert ("compression-stockings", "prevents", "dvt") in found
