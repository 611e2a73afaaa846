"""A light verb's indirect object is whom its event noun is directed at: "gave the mayor a warning"."""

from __future__ import annotations


def _pairs(events, event_type):
    return [
        (e.actor1.text if e.actor1 else None, e.actor2.text if e.actor2 else None)
        for e in events
        if e.event_type == event_type
    ]


def test_the_indirect_object_of_a_light_verb_is_the_target(code):
    assert ("The governor", "the mayor") in _pairs(code("The governor gave the mayor a stern warning."), "THREATEN")
    assert ("The union", "the senator") in _pairs(code("The union gave the senator its endorsement."), "SUPPORT")


def test_a_light_verb_without_an_indirect_object_names_no_target(code):
    found = _pairs(code("The union gave its endorsement on Monday."), "SUPPORT")
    assert all(target is None or "Monday" not in target for _, target in found), found
