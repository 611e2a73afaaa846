"""One attack or arrest told clause by clause, victim by victim, or with its doer named anew, is one event."""

from __future__ import annotations

from eventscope.events.merge import merge_events
from eventscope.records import Actor, Event, EventLocation, Magnitude, Report, SentenceSpan, TextSpan


def _place(name: str, precision: str = "exact") -> EventLocation:
    return EventLocation(0, len(name), name, hash(name) % 100000, name, 0.0, 0.0, "XXX", None, "PPL", 0.8, precision)


def _attack(
    event_id: str,
    text: str,
    sentence: str,
    actor1: Actor | None,
    actor2: Actor | None,
    dead: int | None = None,
    injured: int | None = None,
    event_type: str = "ASSAULT",
    place: str | None = None,
) -> Event:
    """An event of the sentence ``sentence`` of ``text``."""
    start = text.index(sentence)
    return Event(
        event_id=event_id,
        event_type=event_type,
        mode=None,
        context=(),
        cameo=None,
        actor1=actor1,
        actor2=actor2,
        claimed_by=None,
        location=_place(place) if place else None,
        date=None,
        date_precision=None,
        date_source=None,
        sentence=SentenceSpan(start, start + len(sentence)),
        trigger=TextSpan(start, start + 3, sentence[:3]),
        negated=False,
        modality="asserted",
        confidence=0.5,
        reports=(Report("d1", start, start + len(sentence)),),
        dead=Magnitude(dead, start, start + 1, str(dead)) if dead else None,
        injured=Magnitude(injured, start, start + 1, str(injured)) if injured else None,
    )


def _actor(text: str, country: str | None = None, sector: str | None = None, name: str | None = None) -> Actor:
    return Actor(0, len(text), text, name, country, sector)


def test_a_place_or_person_introduced_unnamed_and_named_next_by_a_doer_described_anew_is_one_deed():
    """ "Los Angeles police shot a teenager ... officers shot Darnell Price": one shooting, whatever the doer's
    description, and "a town in eastern Ukraine ... shelled Kramatorsk" one shelling; other doers stay apart."""
    first = "Los Angeles police shot a teenager late on Monday."
    named = "Witnesses said officers shot Darnell Price twice."
    text = " ".join([first, named])
    police = _actor("Los Angeles police", "USA", "POL")
    host = _attack("a", text, first, police, _actor("a teenager", None, "CVL"))
    told = _attack("b", text, named, _actor("officers", "USA", "POL"), _actor("Darnell Price"))
    (only,) = merge_events([host, told], text)
    assert only.actor1 == police and only.actor2 is not None and only.actor2.text == "Darnell Price"
    gang = _attack("c", text, named, _actor("gang members", None, "CRM"), _actor("Darnell Price"))
    assert len(merge_events([host, gang], text)) == 2

    shelled = "Russia shelled a town in eastern Ukraine overnight."
    fired = "Russia also fired on Kramatorsk with rockets."
    text = " ".join([shelled, fired])
    russia = _actor("Russia", "RUS", "GOV", name="Russia")
    town = _attack("d", text, shelled, russia, _actor("a town in eastern Ukraine"))
    city = _attack("e", text, fired, russia, _actor("Kramatorsk"))
    (only,) = merge_events([town, city], text)
    assert only.actor2 is not None and only.actor2.text == "Kramatorsk"


def test_a_raid_and_the_arrest_of_one_sentence_are_one_coercion():
    """ "In a police raid on Friday, the Okafors were arrested": the raid with no party targeted is the arrest, whose
    record (and trigger) stays; another doer's deed stays its own."""
    sentence = "In a police raid on Friday, the Okafors were arrested on drug charges."
    police = _actor("police", "USA", "POL")
    raid = _attack("a", sentence, sentence, police, None, event_type="COERCE")
    arrest = _attack("b", sentence, sentence, police, _actor("the Okafors"), event_type="COERCE")
    (only,) = merge_events([raid, arrest], sentence)
    assert only.event_id == "b" and only.mentions == 1
    army = _attack("c", sentence, sentence, _actor("soldiers", "USA", "MIL"), None, event_type="COERCE")
    assert len(merge_events([army, arrest], sentence)) == 2
