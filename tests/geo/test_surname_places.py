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


def test_a_named_persons_surname_is_no_village_abroad(nlp, geo):
    doc = nlp(
        "Ocala man gets 10 years for robbery. Dwayne Servance Jr., 24, pleaded guilty on Monday. According to court "
        "records, Servance was alone in the store. A judge sentenced Servance to 10 years in prison."
    )
    assert not any(p.text == "Servance" for p in geo.find_places(doc))


def test_a_famous_place_or_a_place_after_in_stays_though_a_person_bears_its_name(nlp, geo):
    doc = nlp("Marcia Washington, a nurse, flew to Washington on Monday to meet lawmakers.")
    assert any(p.text == "Washington" and p.country == "USA" for p in geo.find_places(doc))
    doc = nlp("Police said Tony Servance, 20, was arrested. The fire broke out in Servance, a village in the Vosges.")
    assert any(p.text == "Servance" and p.country == "FRA" for p in geo.find_places(doc))
