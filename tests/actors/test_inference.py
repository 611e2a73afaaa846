"""Unnamed state agents take the country of the place where the event happened."""

from __future__ import annotations

from eventscope.actors.inference import OutletCountries, country_evidence, document_country, with_place_country
from eventscope.records import Actor, EventLocation, Place


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


def test_agents_called_foreign_are_not_the_place_s():
    for text in ("Western diplomats", "foreign troops", "international observers"):
        agents = Actor(0, len(text), text, None, None, "GOV")
        assert with_place_country(agents, _place("AFG")) == agents
    local = Actor(0, 14, "local officials", None, None, "GOV")
    assert with_place_country(local, _place("AFG")).country == "AFG"


def test_no_place_no_inference():
    police = Actor(0, 6, "Police", None, None, "POL")
    assert with_place_country(police, None) == police
    assert with_place_country(police, _place(None)) == police


def test_without_a_located_country_the_document_country_stands_in():
    police = Actor(0, 6, "Police", None, None, "POL")
    inferred = with_place_country(police, None, "BGD")
    assert inferred is not None and inferred.country == "BGD" and inferred.country_inferred
    # the event's own place wins over the document's country
    assert with_place_country(police, _place("AFG"), "BGD").country == "AFG"
    gunmen = Actor(0, 6, "gunmen", None, None, "UAF")
    assert with_place_country(gunmen, None, "BGD") == gunmen


def _at(country: str) -> Place:
    return Place(0, 5, "Town", 1, "Town", 1.0, 2.0, country, None, "PPL", 0.9)


def test_document_country_from_places_then_named_actors():
    assert document_country([_at("BGD"), _at("BGD"), _at("BGD"), _at("IND")]) == "BGD"
    assert document_country([_at("BGD"), _at("IND")]) is None  # no clear majority
    party = Actor(0, 3, "BNP", "Bangladesh Nationalist Party", "BGD", "OPP")
    guessed = Actor(0, 6, "Police", None, "IND", "POL", country_inferred=True)
    assert document_country([], [party, None, guessed]) == "BGD"
    assert document_country([], [guessed]) is None


def test_a_place_inside_the_agent_s_own_words_gives_its_country():
    police = Actor(0, 13, "Sindh police", None, None, "POL")
    sindh = Place(0, 5, "Sindh", 1164807, "Sindh", 26.0, 68.5, "PAK", "Sindh", "ADM1", 0.9)
    elsewhere = Place(40, 45, "Town", 1, "Town", 1.0, 2.0, "IND", None, "PPL", 0.9)
    inferred = with_place_country(police, _place("AFG"), "IND", [sindh, elsewhere])
    assert inferred is not None and inferred.country == "PAK" and inferred.country_inferred


def test_a_named_police_force_takes_the_place_country_but_a_named_army_does_not():
    force = Actor(0, 20, "Herat City Police", "Herat City Police", None, "POL")
    inferred = with_place_country(force, _place("AFG"))
    assert inferred is not None and inferred.country == "AFG" and inferred.country_inferred
    army = Actor(0, 21, "People's Defence Army", "People's Defence Army", None, "MIL")
    assert with_place_country(army, _place("AFG")) == army


def test_administrative_words_of_one_country_say_the_document_country():
    assert document_country([], [], "Police detained three men in Jugni village under Sadar upazila.") == "BGD"
    assert document_country([], [], "The gram panchayat office was set on fire by a mob.") == "IND"
    # places and named actors come first; words shared by several countries say nothing
    assert document_country([_at("IND")], [], "a rally in the upazila town") == "IND"
    assert document_country([], [], "Police dispersed the protesters in the district.") is None
    # two countries' words: no clear country
    assert document_country([], [], "The upazila chairman met the panchayat head.") is None


def test_the_outlet_s_home_country_speaks_only_when_the_text_is_silent():
    police = Actor(0, 6, "Police", None, "IND", "POL", country_inferred=True)
    assert document_country([], [police], "Police arrested 50 strike supporters.", home="NPL") == "NPL"
    assert document_country([_at("IND")], [], "", home="NPL") == "IND"  # a place in the story outweighs it
    assert document_country([_at("IND"), _at("BGD")], [], "", home="BGD") is None  # nor does it break a tie
    party = Actor(0, 3, "BNP", "Bangladesh Nationalist Party", "BGD", "OPP")
    assert document_country([], [party], "", home="NPL") == "BGD"


def test_the_text_s_evidence_tells_a_silent_story_from_an_undecided_one():
    """What the outlet's tally learns from and whether the outlet may speak come from one reading of the text."""
    assert country_evidence([_at("IND"), _at("IND")]) == ("IND", True)
    assert country_evidence([_at("IND"), _at("BGD")]) == (None, True)  # names countries, none dominant
    assert country_evidence([], [None], "Police arrested 50 strike supporters.") == (None, False)  # says none


def test_an_outlet_is_at_home_where_most_of_its_stories_are():
    outlets = OutletCountries()
    for country in ("NPL", "NPL", None, "IND", "NPL"):
        outlets.add("The Valley Courier", country)
    assert outlets.home("The Valley Courier") == "NPL"  # 3 of the 4 stories that say a country
    outlets.add("Two Capitals Daily", "NPL")
    outlets.add("Two Capitals Daily", "NPL")
    assert outlets.home("Two Capitals Daily") is None  # too few stories yet
    outlets.add("Two Capitals Daily", "IND")
    outlets.add("Two Capitals Daily", "IND")
    assert outlets.home("Two Capitals Daily") is None  # no country dominates
    assert outlets.home(None) is None and outlets.home("Never Read") is None
