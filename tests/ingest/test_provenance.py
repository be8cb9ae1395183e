"""Whatever the text, every quote is the exact slice of the source text its offsets name."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from osler.ingest.extract.sentences import split_sentences
from tests.ingest.helpers import claims_of

FRAGMENTS = [
    "Blood thinners treat DVT.",
    "Quinine is no longer recommended for night cramps [1].",
    "Tinnitus is not a sign of DVT.",
    "Some research suggests that water pills may trigger night cramps.",
    "Dr. Smith says smoking increases the risk of DVT (OR 1.8, 95% CI 1.3-2.4).",
    "## Risk factors",
    "- Long flights",
    "Seek emergency care if you have chest pain.",
    "Caf\u00e9 au lait\u2019s n\u00e9e \u2014 cramps!",
    "e.g. a calf cramp is a sign of night cramps?",
]
SEPARATORS = st.sampled_from([" ", "\n", "\n\n", "\r\n", "\t", "   - ", "  ", ""])


@st.composite
def documents(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=30), min_size=1, max_size=12))
    out = []
    for part in parts:
        out.append(part)
        out.append(draw(SEPARATORS))
    return "".join(out)


@settings(max_examples=150, deadline=None)
@given(documents())
def test_every_claim_quote_is_the_slice_its_offsets_name(matcher, text):
    for claim in claims_of(matcher, text):
        assert text[claim.start : claim.end] == claim.quote
        assert claim.quote.strip() == claim.quote and claim.quote


@settings(max_examples=200, deadline=None)
@given(documents())
def test_sentences_are_exact_ordered_slices(text):
    spans = split_sentences(text)
    for span in spans:
        assert text[span.start : span.end] == span.text
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:], strict=False))


def test_abbreviations_do_not_end_a_sentence():
    spans = split_sentences("Ask Dr. Smith about it, e.g. today. Then rest.")
    assert [s.text for s in spans] == ["Ask Dr. Smith about it, e.g. today.", "Then rest."]


def test_inline_bullets_split_into_items():
    spans = split_sentences("Symptoms include:    - Fever.    - Night sweats.")
    assert [s.text for s in spans] == ["Symptoms include:", "Fever.", "Night sweats."]
