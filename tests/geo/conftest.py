"""Shared geo fixtures: one Geoparser (its gazetteer loads once per module) and the place check."""

from __future__ import annotations

import pytest

from eventscope.geo import Geoparser


@pytest.fixture(scope="module")
def geoparser():
    return Geoparser()


def _finds_place(places, name: str, country: str) -> bool:
    return any(p.text == name and p.country == country for p in places)


@pytest.fixture
def finds_place():
    """Whether ``places`` holds a mention of ``name`` resolved to ``country`` (ISO alpha-3)."""
    return _finds_place
