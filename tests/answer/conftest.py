"""A tiny hand-written pack for the answer engine: night cramps, a leg clot, quinine, a conflict and a curated claim."""

from __future__ import annotations

from pathlib import Path

import pytest

from osler.answer import Asker
from osler.knowledge.loader import load_pack
from osler.model.knowledge_base import KnowledgeBase

ANSWER_PACK = Path(__file__).parent.parent / "fixtures" / "answer" / "pack"


@pytest.fixture
def answer_pack_path() -> Path:
    return ANSWER_PACK


@pytest.fixture
def answer_kb() -> KnowledgeBase:
    return KnowledgeBase.from_pack(load_pack(ANSWER_PACK, strict=True))


@pytest.fixture
def asker(answer_kb: KnowledgeBase) -> Asker:
    return Asker(answer_kb)
