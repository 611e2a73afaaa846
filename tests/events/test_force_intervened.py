"""A police or military force that "intervened" after a riot or clash restrains the crowd: the construction (a force
as doer of a restraint verb) proves the event, so the event model does not veto it for a bare "intervened"."""

from __future__ import annotations


def _restraints(events):
    return [e for e in events if "crowd_restraint" in e.rules]


def test_police_intervening_after_a_riot_is_coded(code):
    found = _restraints(code("Farmers blocked the highway near Patna on Monday. Police intervened."))
    assert found, "no restraint coded"
    assert found[0].actor1 is not None and found[0].actor1.sector == "POL"


def test_a_court_or_a_minister_intervening_is_no_crowd_restraint(code):
    assert not _restraints(code("The high court intervened in the land dispute near Patna on Monday."))
    assert not _restraints(code("The minister intervened to settle the wage dispute on Monday."))
