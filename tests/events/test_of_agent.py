"""The "of" object of a said or given deed does it (rule of_agent, ``of_agent_nouns``); sentences written here."""

from __future__ import annotations


def _on(events, trigger: str):
    return [e for e in events if e.trigger.text == trigger]


def test_the_of_object_of_a_warning_is_who_warned(run_coder):
    _, events, _ = run_coder("Washington ignored the warnings of Jordan before the war.")
    warned = _on(events, "warnings")
    assert warned and warned[0].actor1 is not None and warned[0].actor1.country == "JOR"


def test_the_of_object_of_criticism_undergoes_it(run_coder):
    # "criticism of the government": the government is criticised, not the critic
    _, events, _ = run_coder("The criticism of the Jordanian government grew after the vote.")
    for event in _on(events, "criticism"):
        assert event.actor1 is None or event.actor1.country != "JOR"


def test_a_possessor_still_names_the_doer(run_coder):
    _, events, _ = run_coder("Jordan's warnings of a flood were ignored by Syria.")
    warned = _on(events, "warnings")
    assert not warned or warned[0].actor1 is None or warned[0].actor1.country == "JOR"
