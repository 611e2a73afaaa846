"""A non-state victim hit "in a search operation", "in an encounter" or "during a crackdown" with no doer named was
hit by the security forces of the place (ACLED's convention); surgery and state victims get no implied doer."""

from __future__ import annotations


def _implied(events):
    return [e for e in events if "implied_security_forces" in e.rules]


def test_militants_killed_in_a_search_operation_were_hit_by_the_local_forces(code):
    found = _implied(code("Six insurgents were killed in a search operation near Peshawar."))
    assert found, "no implied security forces"
    force = found[0].actor1
    assert force is not None and force.sector == "MIL" and force.country == "PAK" and force.start is None


def test_surgery_a_state_victim_and_a_named_side_get_no_implied_forces(code):
    assert not _implied(code("A patient died in an operation at the district hospital in Peshawar."))
    assert not _implied(code("A soldier was killed in an encounter near Peshawar."))
    assert not _implied(code("Two militants were killed in an encounter with the police near Peshawar."))
