"""Small towns where conflict events happen: multi-word names the NER cuts short, admin qualifiers."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Clashes broke out in Kot Addu village, Muzaffargarh.", "Kot Addu", "PAK"),
        ("A bomb exploded in Dera Murad Jamali on Friday.", "Dera Murad Jamali", "PAK"),
    ],
)
def test_a_town_name_cut_short_by_the_ner_grows_to_the_known_name(nlp, geoparser, finds_place, text, name, country):
    places = geoparser.find_places(nlp(text))
    assert finds_place(places, name, country), places


def test_common_words_and_contractions_are_no_places(nlp, geoparser):
    doc = nlp("He didn't say where. Western officials said the vote was fair.")
    assert geoparser.find_places(doc) == []


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # the small model labels some towns PRODUCT or EVENT; the preposition still makes them places
        ("Two soldiers were killed during a gunfight with rebels in Gwadar.", "Gwadar", "PAK"),
        # ... or LANGUAGE, next to a state named after a language
        ("Police arrested five men in Sangrur, Punjab on Monday.", "Sangrur", "IND"),
        # the administrative words of the region make a name a place
        ("Unknown men threw a grenade at a school in Shabqadar tehsil overnight.", "Shabqadar", "PAK"),
        ("Houses were burnt in the Shabqadar area of Charsadda on Monday.", "Charsadda", "PAK"),
        # people "of" a sizeable town
        ("Hundreds of residents of Kota marched against the water cuts.", "Kota", "IND"),
        # ... or DATE: a kind word after the name still makes it a place
        ("Two protesters died when police opened fire at protesters in Surkhet district.", "Surkhet", "NPL"),
        # a doubled space between the preposition and the name
        ("Two men were shot in  Charsadda on Friday.", "Charsadda", "PAK"),
        # a place inside a place named with a possessive
        ("Rebels attacked a camp in Tripura's Dharmanagar area.", "Dharmanagar", "IND"),
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
        # a small town (under the size a bare "in" needs) followed by the province that holds it
        ("Gunmen blew up a gas pipeline at Pir Koh, Dera Bugti, Balochistan, at night.", "Dera Bugti", "PAK"),
        # an alternate spelling of a small town, which alone would be read as a surname, followed by its province
        ("Traders closed their shops in Mirpur Bathoro, Sindh, over the new tax.", "Mirpur Bathoro", "PAK"),
    ],
)
def test_small_places_found_by_their_context(nlp, geoparser, finds_place, text, name, country):
    places = geoparser.find_places(nlp(text))
    assert finds_place(places, name, country), places


def test_short_capitals_are_initials_not_places(nlp, geoparser):
    doc = nlp("Talking to the FE, a BNP leader said the DC office stayed shut.")
    assert geoparser.find_places(doc) == []


def test_state_abbreviations_stay_places_in_a_place_context(nlp, geoparser):
    doc = nlp("She moved to Washington, DC, and later worked in B.C. for a year.")
    places = geoparser.find_places(doc)
    assert any("DC" in p.text and p.country == "USA" for p in places)
    assert any(p.text == "B.C." and p.country == "CAN" for p in places)


def test_a_small_namesake_abroad_does_not_win_over_the_story_country(nlp, geoparser):
    # "Sadar" (a sub-district name all over Bangladesh) is in the gazetteer only as a hamlet in Java
    doc = nlp("A man was stabbed in Sadar upazila in Narsingdi on Sunday and taken to a hospital in Khulna.")
    places = {p.text: p for p in geoparser.find_places(doc)}
    assert places["Narsingdi"].country == "BGD"
    assert places["Sadar"].country in {"BGD", None}


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # a modifier between the preposition and the name keeps the cue
        ("Bombs went off in Old Dhaka on Tuesday night.", "Dhaka", "BGD"),
        # a region after a comma qualifies an unknown name before it
        ("Gunmen attacked a checkpost in Ghizer, Gilgit Baltistan, on Sunday.", "Gilgit Baltistan", "PAK"),
        # a big city opening an organisation's name tells where it is
        ("Nurses protested outside the Peshawar Press Club on Monday.", "Peshawar", "PAK"),
    ],
)
def test_places_inside_other_phrases(nlp, geoparser, finds_place, text, name, country):
    places = geoparser.find_places(nlp(text))
    assert finds_place(places, name, country), places


def test_small_words_opening_a_name_are_not_places(nlp, geoparser):
    doc = nlp("The National Guard and the Air Force held a drill with the Union Bank staff.")
    assert geoparser.find_places(doc) == []


def test_an_unknown_village_lies_in_the_place_named_after_it(nlp, geoparser):
    doc = nlp(
        "Police arrested a man from Dungkur village in Cachar district of Assam on Monday. He was flown to "
        "Mumbai, where Mumbai police questioned him."
    )
    places = {p.text: p for p in geoparser.find_places(doc)}
    cachar = places.get("Cachar")
    assert cachar is not None and cachar.feature_code == "NEAR" and cachar.admin1 == "Assam"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a name that holds a named district is a region, even when the model calls it a person
        ("Insurgents ambushed a patrol in Pattani's Nongchik district on Friday.", "Pattani"),
        # a big city's own institution names the city
        ("Sub-inspector of the Hyderabad police was shot dead near his home.", "Hyderabad"),
    ],
)
def test_places_named_through_what_they_hold(nlp, geoparser, text, name):
    assert any(p.text == name and p.lat is not None for p in geoparser.find_places(nlp(text)))


def test_a_president_s_administration_is_no_place(nlp, geoparser):
    doc = nlp("The Bush administration blamed the rebels for the delay.")
    assert geoparser.find_places(doc) == []


def test_a_small_town_after_in_is_a_place_when_the_story_is_in_its_country(nlp, geoparser, finds_place):
    """Towns under MIN_POPULATION_PREP_CUE are taken after "in" only when the story's country is theirs."""
    alone = "Four power poles in Tak Bai were damaged by small bombs overnight."
    placed = alone + " Officials in Narathiwat province blamed insurgents."
    assert not finds_place(geoparser.find_places(nlp(alone)), "Tak Bai", "THA")
    assert finds_place(geoparser.find_places(nlp(placed)), "Tak Bai", "THA")
    assert finds_place(geoparser.find_places(nlp(alone), "THA"), "Tak Bai", "THA")  # the actors' country


def test_a_name_followed_by_a_region_that_does_not_hold_it_is_no_place(nlp, geoparser):
    # "Smith" is no town of Kansas: the qualifier makes a place only of a name it holds
    doc = nlp("Ms Smith, Kansas, voted against the bill.")
    assert not any(p.text == "Smith" for p in geoparser.find_places(doc))


def test_an_unknown_village_in_a_possessive_chain_lies_in_its_innermost_place(nlp, geoparser):
    doc = nlp("Soldiers searched Nargis village in Jammu & Kashmir's Kupwara district on Monday.")
    places = {p.text: p for p in geoparser.find_places(doc)}
    village = places.get("Nargis")
    assert village is not None and village.feature_code == "NEAR" and village.name == "Kupwāra", places
