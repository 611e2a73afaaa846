"""A phrase on the last of a promised deed's coordinated objects names the party for all of them."""

from __future__ import annotations


def _targets(events, event_type):
    return [e.actor2.text if e.actor2 else None for e in events if e.event_type == event_type]


def test_the_party_of_the_last_coordinated_object_is_the_target(code):
    found = _targets(
        code("Prosecutors agreed to drop two charges and a fraud charge against the former mayor."), "AGREE"
    )
    assert "the former mayor" in found, found


def test_a_thing_in_the_phrase_is_no_party(code):
    found = _targets(code("The ministry agreed to cut taxes and fees on fuel."), "AGREE")
    assert all(target is None or "fuel" not in target or "taxes" in target for target in found), found
