"""The one a charge names in its participle clause is its target: "an indictment charging the mayor with bribery"."""

from __future__ import annotations


def _accused(events):
    return [e.actor2.text if e.actor2 else None for e in events if e.event_type == "ACCUSE"]


def test_the_object_of_a_charging_participle_is_the_target(code):
    found = _accused(code("The prosecutor announced an indictment charging the former mayor with bribery."))
    assert "the former mayor" in found, found


def test_another_participle_names_no_accused(code):
    found = _accused(code("The prosecutor announced an indictment naming the former mayor as a witness."))
    assert "the former mayor" not in found, found
