"""An arrest whose text names no agent is made by the police of the state where it happened (ACLED's convention)."""

from __future__ import annotations


def _arrests(events):
    return [e for e in events if e.event_type == "COERCE" and e.mode == "arrest"]


def test_an_agentless_arrest_is_the_local_police(code):
    arrests = _arrests(code("Two journalists were detained in Dhaka on Monday."))
    assert arrests, "no arrest coded"
    police = arrests[0].actor1
    assert police is not None and police.sector == "POL" and police.country == "BGD"
    assert police.country_inferred and police.start is None  # nothing in the text names it
    assert "implied_arrester" in arrests[0].rules


def test_a_named_arresting_force_is_kept(code):
    arrests = _arrests(code("Border guards arrested two smugglers near Peshawar on Monday."))
    assert arrests and arrests[0].actor1 is not None and arrests[0].actor1.text == "Border guards"
    assert "implied_arrester" not in arrests[0].rules
