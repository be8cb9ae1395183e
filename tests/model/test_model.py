"""Plain domain objects behave as documented."""

from __future__ import annotations

import pytest

from osler.errors import NotFound
from osler.model import Prior, RedFlagRule, Reference
from osler.model.concept import age_band
from osler.model.names import normalize_name


@pytest.mark.parametrize(
    ("age", "band"),
    [(0.5, "0-1"), (6, "2-12"), (15, "13-17"), (30, "18-39"), (50, "40-64"), (80, "65+"), (None, None)],
)
def test_age_bands(age, band):
    assert age_band(age) == band


def test_prior_scales_by_age_sex_and_pregnancy():
    prior = Prior(base=0.01, age={"65+": 3.0}, sex={"female": 0.5}, pregnancy=2.0)
    assert prior.for_person(70, "female", True) == pytest.approx(0.03)
    assert prior.for_person(30, "male", False) == pytest.approx(0.01)


def test_prior_of_impossible_sex_is_zero():
    assert Prior(base=0.01, sex={"male": 0}).for_person(30, "male", False) == 0


def test_red_flag_rule_needs_all_and_enough_of_any():
    rule = RedFlagRule(id="r", level="emergency", reason="x", all_of=("a",), any_of=("b", "c"), min_any=2)
    assert rule.fires({"a", "b", "c"}, None, None, False)
    assert not rule.fires({"a", "b"}, None, None, False)
    assert not rule.fires({"b", "c"}, None, None, False)


def test_red_flag_rule_respects_exclusions_and_age():
    rule = RedFlagRule(id="r", level="urgent", reason="x", any_of=("a",), none_of=("n",), min_age=50)
    assert rule.fires({"a"}, 60, None, False)
    assert not rule.fires({"a", "n"}, 60, None, False)
    assert not rule.fires({"a"}, 30, None, False)


def test_unknown_age_does_not_stop_an_adult_rule_but_stops_a_child_rule():
    adult = RedFlagRule(id="r", level="emergency", reason="x", all_of=("a",), min_age=50)
    child = RedFlagRule(id="c", level="emergency", reason="x", all_of=("a",), max_age=0.25)
    assert adult.fires({"a"}, None, None, False)
    assert not child.fires({"a"}, None, None, False)


def test_reference_locator_and_url():
    assert not Reference(id="x", kind="review", title="T").has_locator
    assert (
        Reference(id="x", kind="review", title="T", pmid="1").best_url()
        == "https://pubmed.ncbi.nlm.nih.gov/1/"
    )
    assert Reference(id="x", kind="review", title="T", doi="10.1/a").best_url() == "https://doi.org/10.1/a"


def test_names_normalise_case_accents_and_punctuation():
    assert normalize_name("  Charley-Horse’s! ") == "charley horses"
    assert normalize_name("Café  au lait") == "cafe au lait"


def test_knowledge_base_resolves_lay_names_and_brands(fixture_kb):
    assert fixture_kb.resolve("blood clot in the leg").id == "clot"
    assert fixture_kb.resolve("Lasix").id == "furosemide"
    assert fixture_kb.members("diuretics") == ["furosemide"]


def test_knowledge_base_suggests_close_names(fixture_kb):
    with pytest.raises(NotFound, match="did you mean"):
        fixture_kb.resolve("night cramp")


def test_domain_stats_count_only_the_domains_conditions(fixture_kb):
    from osler.model.statistics import domain_stats

    numbers = domain_stats(fixture_kb, "legs-at-night")
    assert numbers["conditions"] == 1
    assert numbers["claims_without_reference"] == 1  # the curated misconception about night cramps
    assert numbers["references"] == 2
    assert domain_stats(fixture_kb, "nowhere")["claims"] == 0
