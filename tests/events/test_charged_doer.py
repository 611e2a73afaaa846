"""A violent deed named as what someone is charged, arrested or convicted for was (allegedly) done by that one."""

from __future__ import annotations


def _assaults(events):
    return [
        (e.actor1.text if e.actor1 else None, e.actor2.text if e.actor2 else None)
        for e in events
        if e.event_type == "ASSAULT"
    ]


def test_the_one_arrested_on_counts_of_a_deed_did_it(code):
    found = _assaults(code("A man was arrested on Sunday on two counts of attempted murder of a police officer."))
    assert ("A man", "a police officer") in found, found


def test_the_object_of_an_active_arrest_did_it(code):
    found = _assaults(code("Police arrested two men in connection with the shooting of a teenager."))
    assert ("two men", "a teenager") in found, found


def test_a_named_doer_of_the_deed_wins(code):
    found = _assaults(code("Two men were arrested in the shooting of a teenager by a police officer."))
    assert found and all(source == "a police officer" for source, _ in found), found


def test_a_deed_outside_a_charge_is_not_the_arrested(code):
    found = _assaults(code("Two men were arrested hours after the shooting of a teenager in the park."))
    assert all(source != "Two men" for source, _ in found), found
