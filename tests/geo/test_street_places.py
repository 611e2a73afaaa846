"""A street named after a far-off place is not in that place; one named after a place of the story lies there."""

from __future__ import annotations

import pytest

from eventscope.geo import Geoparser


@pytest.fixture(scope="module")
def geo():
    return Geoparser()


def _found(geo, doc):
    return {p.text: (p.country, p.feature_code) for p in geo.find_places(doc)}


def test_a_street_named_after_a_far_place_is_not_there(nlp, geo):
    doc = nlp("Two officers went to a home on Nordland Avenue early on Sunday morning.")
    country, _ = _found(geo, doc).get("Nordland Avenue", (None, None))
    assert country != "NOR"


def test_a_street_named_after_a_place_of_the_story_lies_there(nlp, geo):
    doc = nlp("Traffic in Vancouver was slow on Tuesday as crews repaved Vancouver Avenue near the port.")
    assert _found(geo, doc).get("Vancouver Avenue", (None,))[0] == "CAN"
