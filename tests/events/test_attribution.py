"""Quotes and first-person actors (events/attribution.py), on sentences written for these tests."""

from __future__ import annotations


def test_third_person_pronoun_in_a_quote_is_not_its_speaker(code):
    """ "I look forward to working with him," X said: "I" is X, so "him" is somebody else, never X again."""
    text = 'Senator Mark Hale met Governor Ann Rudd on Friday. "I look forward to working with him," Hale said.'
    working = [e for e in code(text) if e.trigger.text == "working"]
    assert working, "the quoted cooperation is coded"
    for event in working:
        assert event.actor1 is not None and event.actor1.name == "Mark Hale"
        assert event.actor2 is None or event.actor2.name != "Mark Hale"
