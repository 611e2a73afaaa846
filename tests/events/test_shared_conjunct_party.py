"""A verb with no object shares the party its coordinated verb wants or asks to act ("supports and wants Russia to
play a greater role"); a verb with its own complement keeps it."""

from __future__ import annotations


def test_supports_and_wants_x_to(run_coder) -> None:
    _, events, _ = run_coder("Tokyo backs and wants Manila to take a larger part in regional security.")
    backs = [e for e in events if e.trigger.lower_ == "backs"]
    assert backs and backs[0].actor2 is not None and backs[0].actor2.country == "PHL"


def test_own_complement_is_not_replaced(run_coder) -> None:
    _, events, _ = run_coder("Tokyo agreed to help and wants Manila to take a larger part in regional security.")
    agreed = [e for e in events if e.trigger.lower_ == "agreed"]
    assert all(e.actor2 is None or e.actor2.country != "PHL" for e in agreed)
