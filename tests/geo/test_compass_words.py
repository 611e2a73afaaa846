"""A point of the compass alone ("the North", "a Northern policeman", "the West") names no place; a name that
opens with one ("South Africa", "North Carolina") still does."""

from __future__ import annotations

import pytest

from eventscope.geo import Geoparser


@pytest.fixture(scope="module")
def geo():
    return Geoparser()


def _countries(geo, doc):
    return {p.text: p.country for p in geo.find_places(doc)}


def test_the_north_alone_is_no_place(nlp, geo):
    doc = nlp(
        "Mourners lined the streets of Omagh as the North's new police chief walked behind the coffin. "
        "The last Northern officer to be killed died in 1998."
    )
    found = _countries(geo, doc)
    assert "North" not in found and "Northern" not in found
    assert found["Omagh"] == "GBR"


def test_the_west_alone_is_no_place(nlp, geo):
    doc = nlp("The minister said talks with the West would resume in Vienna next week.")
    assert "West" not in _countries(geo, doc)


def test_a_name_that_opens_with_a_compass_word_stays_a_place(nlp, geo):
    doc = nlp("The governor of North Carolina flew to South Africa on Monday.")
    found = _countries(geo, doc)
    assert found.get("North Carolina") == "USA"
    assert found.get("South Africa") == "ZAF"
