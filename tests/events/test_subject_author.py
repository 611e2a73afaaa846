"""A text or campaign that does a deed stands for its author: "a report by the inspector general criticized X"."""

from __future__ import annotations


def _pairs(events, event_type):
    return [
        (e.actor1.text if e.actor1 else None, e.actor2.text if e.actor2 else None)
        for e in events
        if e.event_type == event_type
    ]


def test_the_author_of_a_report_is_the_source(code):
    found = _pairs(code("A report by the inspector general criticized the sheriff on Monday."), "ACCUSE")
    assert ("the inspector general", "the sheriff") in found, found


def test_a_possessor_author_is_the_source(code):
    found = _pairs(code("The council's resolution condemned the sheriff."), "ACCUSE")
    assert any(source and source.startswith("The council") for source, _ in found), found


def test_a_party_subject_is_not_replaced_by_its_possessor(code):
    found = _pairs(code("The ministry's spokesman condemned the sheriff."), "ACCUSE")
    assert found and all(source and "spokesman" in source for source, _ in found), found
