"""One sentence stating the same type between the same actors twice is one happening."""

from __future__ import annotations

from dataclasses import replace

from eventscope.events.merge import merge_events
from eventscope.records import Actor, Event, EventLocation, Report, SentenceSpan, TextSpan


def _event(event_id: str, trigger: str, start: int, precision: str, actor2: str = "Pakistani officials") -> Event:
    place = EventLocation(40, 49, "Islamabad", 1176615, "Islamabad", 33.7, 73.0, "PAK", "08", "PPLC", 0.8, precision)
    return Event(
        event_id=event_id,
        event_type="CONSULT",
        mode=None,
        context=(),
        cameo="040",
        actor1=Actor(0, 16, "Afghan officials", None, "AFG", "GOV"),
        actor2=Actor(21, 40, actor2, None, "PAK", "GOV"),
        claimed_by=None,
        location=place,
        date="2024-03-11",
        date_precision="day",
        date_source="text",
        sentence=SentenceSpan(0, 90),
        trigger=TextSpan(start, start + len(trigger), trigger),
        negated=False,
        modality="asserted",
        confidence=0.5,
        reports=(Report("d1", 0, 90),),
    )


def test_two_triggers_of_one_meeting_in_one_sentence_are_one_event():
    met, discuss = _event("a", "met", 41, "sentence"), _event("b", "discuss", 60, "exact")
    merged = merge_events([met, replace(discuss, confidence=0.9)])
    assert len(merged) == 1
    only = merged[0]
    assert only.event_id == "a" and only.mentions == 1  # the same report, not a second mention
    assert only.confidence == 0.9 and only.location.precision == "exact"


def test_different_recipients_or_sentences_stay_apart():
    first = _event("a", "met", 41, "exact")
    other_actor = _event("b", "met", 41, "exact", actor2="Chinese envoys")
    other_sentence = replace(_event("c", "met", 141, "exact"), sentence=SentenceSpan(100, 190))
    assert len(merge_events([first, other_actor, other_sentence])) == 3


def test_same_id_in_another_report_still_adds_a_mention():
    first, again = (
        _event("a", "met", 41, "exact"),
        replace(_event("a", "met", 41, "exact"), reports=(Report("d2", 0, 90),)),
    )
    merged = merge_events([first, again])
    assert len(merged) == 1 and merged[0].mentions == 2 and len(merged[0].reports) == 2
