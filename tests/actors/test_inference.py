"""Unnamed state agents take the country of the place where the event happened."""

from __future__ import annotations

from eventscope.actors.inference import with_place_country
from eventscope.records import Actor, EventLocation


def _place(country: str | None) -> EventLocation:
    return EventLocation(0, 5, "Kabul", 1138958, "Kabul", 34.5, 69.2, country, "13", "PPLC", 0.9, "exact")


def test_unnamed_police_take_the_place_country():
    police = Actor(0, 6, "Police", None, None, "POL")
    inferred = with_place_country(police, _place("AFG"))
    assert inferred is not None and inferred.country == "AFG" and inferred.country_inferred


def test_named_armed_and_civilian_actors_keep_their_own():
    for actor in (
        Actor(0, 7, "Taliban", "Taliban", None, "REB"),  # a named group
        Actor(0, 6, "gunmen", None, None, "UAF"),  # armed men of unknown allegiance
        Actor(0, 9, "villagers", None, None, "CVL"),
        Actor(0, 12, "Pakistani troops", None, "PAK", "MIL"),  # a country of its own
    ):
        assert with_place_country(actor, _place("AFG")) == actor


def test_no_place_no_inference():
    police = Actor(0, 6, "Police", None, None, "POL")
    assert with_place_country(police, None) == police
    assert with_place_country(police, _place(None)) == police
