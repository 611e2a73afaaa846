"""The "from" object of a said or given deed noun is its source (events/rules.py ``origin_agent``), on sentences
written for these tests."""

from __future__ import annotations


def _by_trigger(events, trigger: str):
    return [e for e in events if e.trigger.text == trigger]


def test_from_object_of_a_deed_noun_is_its_source(code):
    for text, trigger, source in (
        ("The minister faced criticism from Germany over the plan.", "criticism", "Germany"),
        ("The clinic opened with a grant from the World Bank.", "grant", "World Bank"),
    ):
        found = _by_trigger(code(text), trigger)
        assert found, text
        assert all(e.actor1 is not None and source in e.actor1.text for e in found), text
        assert all(e.actor2 is None or source not in e.actor2.text for e in found), text


def test_from_of_a_withdrawal_is_a_place_left(code):
    found = _by_trigger(code("The withdrawal from Iraq began in March."), "withdrawal")
    assert all(e.actor1 is None or e.actor1.text != "Iraq" for e in found)
