"""An air strike whose text names no doer was carried out by the air force of the state where it happened (ACLED's
convention, as for agentless arrests)."""

from __future__ import annotations


def _attacks(events):
    return [e for e in events if e.event_type == "ASSAULT"]


def test_people_killed_in_unattributed_air_strikes_were_hit_by_the_local_air_force(code):
    attacks = _attacks(code("Eight insurgents were killed in air strikes near Peshawar on Friday."))
    assert attacks, "no attack coded"
    force = attacks[0].actor1
    assert force is not None and force.sector == "MIL" and force.country == "PAK"
    assert force.country_inferred and force.start is None  # nothing in the text names it
    assert "implied_air_force" in attacks[0].rules


def test_an_airstrike_as_subject_is_the_air_force(code):
    attacks = _attacks(code("Heavy airstrikes killed nine fighters in Kachin State on Tuesday."))
    assert attacks and attacks[0].actor1 is not None and attacks[0].actor1.sector == "MIL"
    assert "implied_air_force" in attacks[0].rules


def test_a_named_doer_and_a_drone_strike_get_no_implied_air_force(code):
    named = _attacks(code("Gunmen killed three guards in an attack near Peshawar on Monday."))
    assert named and named[0].actor1 is not None and named[0].actor1.text == "Gunmen"
    assert all("implied_air_force" not in e.rules for e in named)
    drone = _attacks(code("Two men were killed in a drone strike near Miranshah on Monday."))
    assert all("implied_air_force" not in e.rules for e in drone)  # mostly a foreign state's: left unnamed
