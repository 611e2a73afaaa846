""" "Fired" with ammunition as its object ("fired rounds", "fired teargas shells", "fired blank shots") is shooting
(ASSAULT), whoever the subject; "fired" with a person as object is a dismissal and stays uncoded as an attack."""

from __future__ import annotations


def _attacks(events):
    return [e for e in events if e.event_type == "ASSAULT"]


def test_police_firing_rounds_or_teargas_is_an_attack(code):
    rounds = _attacks(code("The police fired twelve rounds in the air near the bus park in Kathmandu."))
    assert rounds and rounds[0].actor1 is not None and rounds[0].actor1.sector == "POL"
    gas = _attacks(code("Police fired tear gas near the court in Dhaka."))
    assert gas and gas[0].actor1 is not None and gas[0].actor1.sector == "POL"


def test_firing_a_person_is_no_attack(code):
    assert not _attacks(code("The bank fired two managers in Lahore."))
