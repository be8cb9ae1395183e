"""Pure text-to-knowledge steps: sentences, concept mentions, relations, negation, hedging, statistics,
population qualifiers and reference lists. No I/O; each step works on plain strings and offsets."""
