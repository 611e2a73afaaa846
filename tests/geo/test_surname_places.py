"""A surname after a comma is the person speaking, not a region qualifying the name before it."""

from __future__ import annotations

import pytest

from eventscope.geo import Geoparser


@pytest.fixture(scope="module")
def geo():
    return Geoparser()


def _found(geo, doc):
    return {p.text: (p.country, p.feature_code) for p in geo.find_places(doc)}


def test_a_named_persons_surname_after_a_comma_is_no_region(nlp, geo):
    doc = nlp(
        "The call came in at noon, Capt. Carla J. Nelson said. Officer Dan Kowalski knocked on the door. The "
        "man then began advancing on Kowalski, Nelson said."
    )
    assert "Nelson" not in _found(geo, doc)


def test_a_region_after_a_comma_still_qualifies_the_name_before_it(nlp, geo):
    doc = nlp("The ferry left Picton for Wellington on Monday and reached Motueka, Nelson by evening.")
    assert _found(geo, doc).get("Nelson", (None,))[0] == "NZL"
