"""Small towns where conflict events happen: multi-word names the NER cuts short, admin qualifiers."""

from __future__ import annotations

import pytest

from eventscope.geo import Geoparser


@pytest.fixture(scope="module")
def geoparser():
    return Geoparser()


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Clashes broke out in Kot Addu village, Muzaffargarh.", "Kot Addu", "PAK"),
        ("A bomb exploded in Dera Murad Jamali on Friday.", "Dera Murad Jamali", "PAK"),
    ],
)
def test_a_town_name_cut_short_by_the_ner_grows_to_the_known_name(nlp, geoparser, text, name, country):
    places = geoparser.find_places(nlp(text))
    assert any(p.text == name and p.country == country for p in places), places


def test_common_words_and_contractions_are_no_places(nlp, geoparser):
    doc = nlp("He didn't say where. Western officials said the vote was fair.")
    assert geoparser.find_places(doc) == []
