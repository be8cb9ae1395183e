"""Fixtures for the symptom checker: a checker on the tiny fixture pack and one on the shipped pack."""

from __future__ import annotations

import pytest

from osler.check import Checker
from osler.knowledge.loader import default_pack_path, load_pack
from osler.model.knowledge_base import KnowledgeBase


@pytest.fixture
def checker(fixture_kb: KnowledgeBase) -> Checker:
    return Checker(fixture_kb)


@pytest.fixture(scope="session")
def shipped_kb() -> KnowledgeBase:
    return KnowledgeBase.from_pack(load_pack(default_pack_path()))


@pytest.fixture(scope="session")
def shipped_checker(shipped_kb: KnowledgeBase) -> Checker:
    return Checker(shipped_kb)
