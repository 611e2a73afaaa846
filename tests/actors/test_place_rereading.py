"""An actor's country taken from a place word ("a Paris man", "Ms. Ortiz of Athens") follows the geoparser's
reading of that word in the story ("Paris, Tenn."), not the knowledge base's one place of that name."""

from __future__ import annotations

from eventscope.actors.inference import place_rereadings, with_place_rereading
from eventscope.records import Actor, Place

WORDS = {"Paris": "FRA", "Athens": "GRC", "France": "FRA"}


def _place(start: int, text: str, country: str, near: bool = False) -> Place:
    return Place(start, start + len(text), text, None if near else 1, text, 36.3, -88.3, country, None, "PPL", 0.9)


def test_a_town_the_geoparser_puts_in_another_country_gives_that_country():
    man = Actor(0, 11, "A Paris man", None, "FRA", "CVL")  # "A Paris man was arrested", Paris, Tennessee
    found = place_rereadings([man], [_place(2, "Paris", "USA")], WORDS.get)
    assert with_place_rereading(man, found).country == "USA"


def test_a_person_named_again_takes_the_same_country():
    first = Actor(0, 22, "Maria Ortiz of Athens", "Maria Ortiz", "GRC", None)
    found = place_rereadings([first], [_place(16, "Athens", "USA")], WORDS.get)
    again = Actor(90, 95, "Ortiz", "Maria Ortiz", "GRC", None)
    assert with_place_rereading(again, found).country == "USA"


def test_the_geoparser_agreeing_changes_nothing():
    man = Actor(0, 11, "A Paris man", None, "FRA", "CVL")
    assert place_rereadings([man], [_place(2, "Paris", "FRA")], WORDS.get) == {}


def test_a_second_place_of_the_actors_country_keeps_it():
    man = Actor(0, 21, "A Paris, France, man", None, "FRA", "CVL")
    places = [_place(2, "Paris", "USA"), _place(9, "France", "FRA")]
    assert place_rereadings([man], places, WORDS.get) == {}


def test_an_approximate_place_or_an_inferred_country_is_no_evidence():
    man = Actor(0, 11, "A Paris man", None, "FRA", "CVL")
    assert place_rereadings([man], [_place(2, "Paris", "USA", near=True)], WORDS.get) == {}
    police = Actor(0, 12, "Paris police", None, "FRA", "POL", country_inferred=True)
    assert place_rereadings([police], [_place(0, "Paris", "USA")], WORDS.get) == {}


def test_a_word_the_knowledge_base_files_under_another_country_changes_nothing():
    greek = Actor(0, 19, "a Greek from Paris", None, "GRC", "CVL")  # the country came from "Greek"
    assert place_rereadings([greek], [_place(13, "Paris", "USA")], WORDS.get) == {}


def test_a_town_mans_country_follows_the_dateline(pipeline):
    text = (
        "PARIS, Tenn. (AP) — A Paris man was arrested on Saturday over a stolen tractor, Henry County deputies said. "
        "Police said the man stole a truck in Puryear."
    )
    record = pipeline.annotate_text(text, date="2020-03-01")
    man = [a for e in record.events for a in (e.actor1, e.actor2) if a is not None and a.text == "A Paris man"]
    assert man and all(a.country == "USA" for a in man)


def test_a_paris_man_in_france_stays_french(pipeline):
    record = pipeline.annotate_text("A Paris man was arrested on Sunday in Paris, France.", date="2020-03-01")
    man = [a for e in record.events for a in (e.actor1, e.actor2) if a is not None and a.text == "A Paris man"]
    assert man and all(a.country == "FRA" for a in man)
