"""Places as short local conflict reports name them (issue 11, second geo round): no common words or lower-case
words read as places, big cities kept inside longer names, the story's country between namesakes (the places
found by their context are in test_small_places.py)."""

from __future__ import annotations

import pytest


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


def test_a_capital_under_another_name_is_no_place_in_a_story_of_another_country(nlp, geoparser):
    """ "Bagda" is one of Baghdad's names in the gazetteer; in a story of Indian police it is a local place."""
    doc = nlp("At Bagda, the police were attacked by a group of people after a raid on Monday.")
    assert not any(p.country == "IRQ" for p in geoparser.find_places(doc, "IND"))
    # under its own name, a capital abroad stays itself
    doc = nlp("At Baghdad, the police were attacked by a group of people after a raid on Monday.")
    assert any(p.country == "IRQ" for p in geoparser.find_places(doc, "IND"))


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Congress workers staged a dharna in front of the Sangrur panchayat office on Monday.", "Sangrur"),
        ("The Kokrajhar unit of the students' union burnt effigies of the minister.", "Kokrajhar"),
    ],
)
def test_a_town_of_the_story_country_before_a_local_body_noun(nlp, geoparser, finds_place, text, town):
    assert finds_place(geoparser.find_places(nlp(text), "IND"), town, "IND")


def test_a_name_before_a_local_body_noun_needs_the_story_country(nlp, geoparser):
    doc = nlp("The Sangrur unit of the union held a meeting.")
    assert not any(p.text == "Sangrur" for p in geoparser.find_places(doc))
    doc = nlp("The Kokrajhar Unit of the union held a meeting.")  # a capitalised word: the body's own name
    assert not any(p.text == "Kokrajhar" for p in geoparser.find_places(doc, "IND"))


def test_a_district_seat_after_in_is_a_place_whatever_the_model_labels_it(nlp, geoparser, finds_place):
    # GeoNames gives no population for many district seats; the model may call an unknown word after "In" a date
    doc = nlp("In Gaibandha, two buses were set on fire on Tuesday.")
    assert finds_place(geoparser.find_places(doc, "BGD"), "Gaibandha", "BGD")
    doc = nlp("In Panjgur, gunmen shot a teacher on Tuesday.")
    assert finds_place(geoparser.find_places(doc, "PAK"), "Panjgur", "PAK")


def test_a_seat_of_unknown_size_needs_the_story_country_and_a_preposition(nlp, geoparser):
    doc = nlp("In Gaibandha, two buses were set on fire on Tuesday.")
    assert not any(p.text == "Gaibandha" for p in geoparser.find_places(doc, "IND"))
    doc = nlp("Gaibandha said two buses were set on fire on Tuesday.")
    assert not any(p.text == "Gaibandha" for p in geoparser.find_places(doc, "BGD"))
