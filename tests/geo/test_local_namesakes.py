"""US towns named after cities abroad (Paris, Tennessee; Athens, Texas) in local news: the story's own county,
town or state chooses the namesake among them, a city abroad stays itself when the story is about it
(``resolve._cohere_local``)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "name", "admin1"),
    [
        # a town in a county the story names
        ("Officers in Paris detained a Lamar County woman on Sunday, Paris police said.", "Paris", "Texas"),
        # the county's namesakes are resolved with the town: the Henry County that holds a Paris
        ("A Paris teenager was charged by Henry County deputies after the crash.", "Paris", "Tennessee"),
        # no county: the state the story's other towns lie in
        (
            "The Athens school board met in Tyler on Monday. Athens parents asked for a new bus route.",
            "Athens",
            "Texas",
        ),
    ],
)
def test_a_foreign_city_name_is_the_local_namesake(nlp, geoparser, text, name, admin1):
    places = [p for p in geoparser.find_places(nlp(text)) if p.text == name]
    assert places and all(p.country == "USA" and p.admin1 == admin1 for p in places), places


@pytest.mark.parametrize(
    "text",
    [
        # the story names the city's people
        "French police in Paris questioned a Lamar County man who had flown in from Dallas.",
        # the story names the city's country
        "The Henry County couple flew from Nashville to Paris, France, for their anniversary.",
        # no local place of the story holds a namesake
        "Ohio Governor John Kasich spoke in Columbus about the Paris climate talks.",
    ],
)
def test_a_city_abroad_stays_abroad(nlp, geoparser, text):
    places = [p for p in geoparser.find_places(nlp(text)) if p.text == "Paris"]
    assert places and all(p.country == "FRA" for p in places), places


@pytest.mark.parametrize(
    "text",
    [
        # a trip abroad from a town of the state: the city is not named as the story's own
        "A Houston family returned from Paris on Sunday after a two-week vacation.",
        "A Dallas County man was arrested after a trip to Athens, where he taught English.",
    ],
)
def test_a_trip_abroad_is_no_local_town(nlp, geoparser, text):
    places = [p for p in geoparser.find_places(nlp(text)) if p.text in {"Paris", "Athens"}]
    assert places and all(p.country in {"FRA", "GRC"} for p in places), places
