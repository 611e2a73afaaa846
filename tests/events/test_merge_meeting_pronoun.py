"""One meeting told in two sentences, one side told once by a pronoun ("after his talks with Lavrov ... Wang met
Lavrov"), is one event."""

from __future__ import annotations

from eventscope.events.merge import merge_events
from eventscope.records import Actor, Event
from stand_ins import told_event


def _party(text: str, start: int, words: str, name: str | None, country: str | None) -> Actor:
    begin = start + text[start:].index(words)
    return Actor(begin, begin + len(words), words, name, country, "GOV" if name else None)


def _meeting(text: str, sentence: str, trigger: str, doer: tuple, other: tuple) -> Event:
    """A CONSULT told in ``sentence`` by ``trigger``; ``doer`` and ``other`` are (words, name, country)."""
    start = text.index(sentence)
    at = start + sentence.index(trigger)
    return told_event("CONSULT", start, sentence, at, trigger, _party(text, start, *doer), _party(text, start, *other))


TALKS = "Tran told reporters after his talks with Foreign Minister Anna Berg."
MET = "Vietnamese Foreign Minister Tran Duc Minh met Foreign Minister Anna Berg in Oslo on Monday."
BERG = ("Foreign Minister Anna Berg", "Anna Berg", "NOR")
TRAN = ("Vietnamese Foreign Minister Tran Duc Minh", "Tran Duc Minh", "VNM")


def test_a_meeting_told_by_his_talks_and_by_a_named_doer_is_one_meeting():
    """The pronoun names no one (or Tran himself): one meeting, and the record names who met."""
    text = f"{TALKS} {MET}"
    for resolved in ((None, None), ("Tran Duc Minh", "VNM")):
        talks = _meeting(text, TALKS, "talks", ("his", *resolved), BERG)
        met = _meeting(text, MET, "met", TRAN, BERG)
        (only,) = merge_events([talks, met], text)
        assert only.mentions == 2 and only.actor1 is not None and only.actor1.text == TRAN[0]


def test_a_pronoun_for_another_person_or_another_counterpart_keeps_two_meetings():
    """ "his" resolved to another person (Kerry), or a meeting with another named counterpart, stays apart."""
    text = f"{TALKS} {MET}"
    talks = _meeting(text, TALKS, "talks", ("his", "John Kerry", "USA"), BERG)
    met = _meeting(text, MET, "met", TRAN, BERG)
    assert len(merge_events([talks, met], text)) == 2

    other = MET.replace("Foreign Minister Anna Berg", "Prime Minister Lars Holm")
    text = f"{TALKS} {other}"
    talks = _meeting(text, TALKS, "talks", ("his", None, None), BERG)
    met = _meeting(text, other, "met", TRAN, ("Prime Minister Lars Holm", "Lars Holm", "NOR"))
    assert len(merge_events([talks, met], text)) == 2
