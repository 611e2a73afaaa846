"""Places as short local conflict reports name them (issue 11, second geo round): names before kind words
whatever the tagger says, the unit's town in a longer name, "of X" after kind words, parenthesised towns,
possessive big cities, and no common words or lower-case words read as places."""

from __future__ import annotations

import pytest

from eventscope.geo import Geoparser


@pytest.fixture(scope="module")
def geoparser():
    return Geoparser()


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # the small model tags a town before a kind word as an adjective or a nationality
        ("Two soldiers were hurt when a grenade went off in Shopian town on Sunday.", "Shopian", "IND"),
        ("Masked men attacked the office of the Pabna district unit of the party.", "Pabna", "BGD"),
        # a kind word inside a longer run of names ends the place's name
        ("The meeting was chaired by the Manikganj District Relief Officer on Monday.", "Manikganj District", "BGD"),
        # "X Sadar upazila" is the main sub-district of X: it lies in X
        ("A youth leader was abducted from his home under Lakshmipur Sadar upazila at night.", "Lakshmipur", "BGD"),
        # "of X" after a kind word names the place that holds it
        ("A farmer was hacked to death in a village of Wazirpur upazila of Barisal on Friday.", "Barisal", "BGD"),
        # a town in parentheses after a neighbourhood holds it
        ("Activists blocked the road at Khanapara area (Guwahati) in support of the strike.", "Guwahati", "IND"),
        # a big city before a possessive is a place even when the model calls it a person
        ("Clashes marred Kolkata's civic polls on Saturday.", "Kolkata", "IND"),
    ],
)
def test_places_of_local_reports(nlp, geoparser, text, name, country):
    places = geoparser.find_places(nlp(text))
    assert any(p.text == name and p.country == country for p in places), places


@pytest.mark.parametrize(
    "text",
    [
        # words of a longer name are no places of their own unless they are well known
        "Troops of the two armies exchanged fire across the Line of Control on Monday.",
        "Two men were hurt in a blast near the Siha Par Halt on the railway.",
        # a lower-case word is no place name, whatever the model labels it
        "Commuters protested outside all metro stations against the fare hike.",
    ],
)
def test_common_words_are_no_places(nlp, geoparser, text):
    places = geoparser.find_places(nlp(text))
    assert not any(p.lat is not None and p.feature_code != "NEAR" for p in places), places


def test_a_big_city_part_of_a_longer_name_stays_a_place(nlp, geoparser):
    doc = nlp("Delegates flew in from Greece Italy for the summit.")
    assert {p.country for p in geoparser.find_places(doc)} >= {"GRC", "ITA"}


def test_the_story_country_chooses_between_namesakes(nlp, geoparser):
    doc = nlp("Journalists protested outside the Hyderabad Press Club against the killing of a reporter.")
    assert {p.country for p in geoparser.find_places(doc, "PAK")} == {"PAK"}
