"""A sanction or threat that names no target, in a clause coordinated with one where the same actor acts on a party,
is aimed at that party ("condemned Pyongyang's test and pledged to impose further sanctions")."""

from __future__ import annotations


def test_sanction_takes_the_target_of_the_coordinated_condemnation(run_coder) -> None:
    _, events, _ = run_coder("The Security Council condemned Iran's missile launch and pledged to impose sanctions.")
    sanctions = [e for e in events if e.entry.event_type == "SANCTION"]
    assert sanctions and sanctions[0].actor2 is not None and sanctions[0].actor2.country == "IRN"
    assert "coordinated_target" in sanctions[0].rules


def test_threat_takes_the_accused(run_coder) -> None:
    _, events, _ = run_coder("Washington accused Caracas of fraud and threatened new measures.")
    threats = [e for e in events if e.entry.event_type == "THREATEN"]
    assert threats and threats[0].actor2 is not None and threats[0].actor2.country == "VEN"


def test_another_subject_shares_no_target(run_coder) -> None:
    _, events, _ = run_coder("The army attacked the rebels and the government imposed sanctions.")
    assert all("coordinated_target" not in e.rules for e in events)
