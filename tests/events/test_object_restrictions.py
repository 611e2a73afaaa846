"""Selectional restrictions of material types (events/senses.py ``wrong_object_kind``): a type whose object is the
wrong kind of thing is dropped; the same verb with the object the type needs keeps it."""

from __future__ import annotations

import pytest


def _on(run_coder, text: str, word: str) -> tuple[list[str], list[str]]:
    """The types coded on the word and the vetoes that dropped a reading of it."""
    doc, events, vetoed = run_coder(text)
    token = next(t for t in doc if t.text == word)
    return [e.entry.event_type for e in events if e.trigger.i == token.i], [n for i, n in vetoed if i == token.i]


@pytest.mark.parametrize(
    ("text", "trigger", "event_type"),
    [
        ("The Kenyan interior ministry released the figures on Monday.", "released", "RETREAT"),
        ("The Kenyan party hopes to mobilize young voters before the election.", "mobilize", "MOBILIZE"),
        ("The Kenyan ruling party took control of the Senate in the August election.", "took", "COERCE"),
        ("The Iraqi minister provided evidence to the parliamentary committee on Tuesday.", "provided", "AID"),
    ],
)
def test_wrong_object_drops_the_type(run_coder, text: str, trigger: str, event_type: str) -> None:
    types, vetoes = _on(run_coder, text, trigger)
    assert event_type not in types
    assert "wrong_object_kind" in vetoes


@pytest.mark.parametrize(
    ("text", "trigger", "event_type"),
    [
        ("The Kenyan army released 40 prisoners on Monday.", "released", "RETREAT"),
        ("Israel released a large number of Palestinian inmates on Monday.", "released", "RETREAT"),
        ("Houthi rebels seized control of the Yemeni parliament in Sanaa.", "seized", "COERCE"),
        ("Opposition protesters seized the parliament building in Bishkek on Monday.", "seized", "COERCE"),
        ("The United Nations provided food to the Syrian refugees.", "provided", "AID"),
    ],
)
def test_right_object_keeps_the_type(run_coder, text: str, trigger: str, event_type: str) -> None:
    types, vetoes = _on(run_coder, text, trigger)
    assert event_type in types
    assert "wrong_object_kind" not in vetoes
