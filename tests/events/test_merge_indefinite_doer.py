"""A deed whose doer was introduced by its role ("a federal judge"), told again with the doer named, is one event."""

from __future__ import annotations

from eventscope.events.merge import merge_events
from eventscope.records import Actor, Event
from stand_ins import told_event


def _event(text: str, sentence: str, trigger: str, kind: str, actor1: Actor | None, actor2: Actor | None) -> Event:
    start = text.index(sentence)
    return told_event(kind, start, sentence, start + sentence.index(trigger), trigger, actor1, actor2)


def _party(text: str, sentence: str, words: str, name: str | None = None, sector: str | None = None) -> Actor:
    begin = text.index(sentence) + sentence.index(words)
    return Actor(begin, begin + len(words), words, name, None, sector)


LEAD = "A federal judge has dismissed the lawsuit against the Port Authority."


def test_a_judge_introduced_by_role_then_named_is_one_dismissal():
    """ "A federal judge has dismissed the lawsuit ... the city says Judge Ana Ruiz dismissed the claims on Friday":
    the judge is named in the second telling, one dismissal."""
    later = "The city says Judge Ana Ruiz dismissed the claims on Friday."
    text = f"{LEAD} {later}"
    first = _event(
        text,
        LEAD,
        "dismissed",
        "REJECT",
        _party(text, LEAD, "A federal judge", sector="JUD"),
        _party(text, LEAD, "the Port Authority", name="Port Authority"),
    )
    again = _event(text, later, "dismissed", "REJECT", _party(text, later, "Judge Ana Ruiz", "Ana Ruiz", "JUD"), None)
    (only,) = merge_events([first, again], text)
    assert only.mentions == 2 and only.actor1 is not None and only.actor1.text == "A federal judge"


def test_a_named_doer_of_another_role_verb_or_deed_stays_its_own():
    """A named party of another sector (a mayor after a judge), another verb ("rejected" after "dismissed"), or a
    deed told as another ("dismissed a similar suit") is another happening."""
    for later, words, sector in (
        ("Mayor Ana Ruiz dismissed the claims on Friday.", "Mayor Ana Ruiz", "GOV"),
        ("Judge Ana Ruiz rejected the claims on Friday.", "Judge Ana Ruiz", "JUD"),
        ("Judge Ana Ruiz dismissed a similar suit on Friday.", "Judge Ana Ruiz", "JUD"),
    ):
        text = f"{LEAD} {later}"
        first = _event(text, LEAD, "dismissed", "REJECT", _party(text, LEAD, "A federal judge", sector="JUD"), None)
        trigger = "rejected" if "rejected" in later else "dismissed"
        again = _event(text, later, trigger, "REJECT", _party(text, later, words, "Ana Ruiz", sector), None)
        assert len(merge_events([first, again], text)) == 2, later
