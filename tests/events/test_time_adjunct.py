"""A date after a verb says when: it is never the second word of a phrasal trigger ("fire on", "call on")."""

from __future__ import annotations


def _triggers(events) -> list[tuple[str, str]]:
    return [(e.event_type, e.trigger.text) for e in events]


def test_a_dismissal_on_a_weekday_is_no_shooting(code):
    assert not [t for t in _triggers(code("The bank fired two managers in Karachi on Monday.")) if t[0] == "ASSAULT"]
    assert not [t for t in _triggers(code("The club fired its coach on Friday.")) if t[0] == "ASSAULT"]


def test_firing_on_people_is_still_a_shooting_whatever_the_date(code):
    found = _triggers(code("Soldiers fired on the marchers on Tuesday."))
    assert ("ASSAULT", "fired on") in found, found
