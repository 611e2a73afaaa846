"""Places a story names only by reference ("the capital"), the hospital a victim was taken to,
organisation words read as foreign cities, and generic sub-district names ("Sadar upazila")."""

from __future__ import annotations

import pytest

from eventscope.geo import Geoparser


@pytest.fixture(scope="module")
def geo():
    return Geoparser()


def _names(geo, doc, country=None):
    return {p.text: (p.name, p.country) for p in geo.find_places(doc, country)}


def test_the_capital_takes_the_actors_country_when_no_place_names_one(nlp, geo):
    doc = nlp("Opposition supporters clashed with police in the capital on Sunday.")
    assert _names(geo, doc, "NPL")["the capital"][1] == "NPL"
    assert "the capital" not in _names(geo, doc)  # no country known: no guess


def test_a_bare_capitals_possessive_is_the_capital(nlp, geo):
    doc = nlp("A crude bomb went off in capital's Banani area, police in Bangladesh said.")
    assert _names(geo, doc)["capital"][1] == "BGD"


def test_the_city_is_no_place_name(nlp, geo):
    doc = nlp("Traders in Multan shut their shops. Police dispersed a rally in the city.")
    assert "the city" not in _names(geo, doc)


def test_the_hospital_town_is_not_the_scene(nlp, geo):
    doc = nlp(
        "A farmer was shot in Kasur district on Monday night. He later died at a hospital in Lahore, police said."
    )
    places = geo.find_places(doc)
    shot = next(t for t in doc if t.lower_ == "shot")
    died = next(t for t in doc if t.lower_ == "died")
    assert geo.locate(doc, shot.i, places).name != "Lahore"
    assert geo.locate(doc, died.i, places).name != "Lahore"


def test_an_attacked_hospital_is_the_scene(nlp, geo):
    doc = nlp("Gunmen stormed a hospital in Peshawar on Tuesday.")
    places = geo.find_places(doc)
    stormed = next(t for t in doc if t.lower_ == "stormed")
    assert geo.locate(doc, stormed.i, places).name == "Peshawar"


def test_a_league_named_with_a_foreign_citys_word_is_not_that_city(nlp, geo):
    doc = nlp("A leader of the Juba League was hacked in Tangail district on Friday.")
    names = _names(geo, doc)
    assert names.get("Juba", (None, None))[1] != "SSD"
    assert names["Tangail"][1] == "BGD"


def test_a_generic_sub_district_is_no_foreign_namesake(nlp, geo):
    doc = nlp("Two people were hurt in a clash in Sadar upazila of Tangail on Sunday.")
    names = _names(geo, doc)
    assert all(country in {None, "BGD"} for _, country in names.values()), names
