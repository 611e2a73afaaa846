"""Who vouches for an event: quotes linked to the events stated inside them, and "we" resolved to the speaker
(moved out of ``pipeline.py``)."""

from __future__ import annotations

from dataclasses import replace

from eventscope.records import Actor, Event, Quote
from eventscope.vocabulary import words


def first_person(event: Event, quotes: list[Quote]) -> Event:
    """ "We will not negotiate," the ministry said: "we" in a quote is the speaker (their country and sector)."""
    changes = {}
    for role in ("actor1", "actor2"):
        actor = getattr(event, role)
        if (
            actor is None
            or actor.start is None
            or actor.country
            or actor.text.lower() not in words("first_person_pronouns")
        ):
            continue
        speaker = next((q.speaker for q in quotes if q.speaker is not None and q.start <= actor.start < q.end), None)
        if speaker is not None:
            changes[role] = replace(actor, name=speaker.name, country=speaker.country, sector=speaker.sector)
            other_role = "actor2" if role == "actor1" else "actor1"
            other = getattr(event, other_role)
            if _speaker_as_third_person(other, speaker):
                changes[other_role] = replace(other, name=None, country=None, sector=None)
    return replace(event, **changes) if changes else event


def _speaker_as_third_person(actor: Actor | None, speaker: Actor) -> bool:
    """ "I look forward to working with *him*," Obama said: a speaker says "I", so a non-reflexive "he"/"him" of
    the quote is somebody else; coreference, blind to quotes, may have made it the speaker."""
    return (
        actor is not None
        and bool(speaker.name)
        and actor.name == speaker.name
        and actor.text.lower() in words("third_person_singular_pronouns")
    )


def link_quotes_and_events(quotes: list[Quote], events: list[Event]) -> tuple[list[Quote], list[Event]]:
    """A quote lists the events stated inside it; an event inside a direct quote rests on the speaker's word.

    Indirect "quotes" whose cue is not a reporting verb ("continues to support ...") link only the events the
    coder already attributed, so a stance is never turned into a claim.
    """
    events = [first_person(e, quotes) for e in events]
    claimed: dict[str, Actor] = {}
    linked_quotes = []
    for quote in quotes:
        inside = [
            e
            for e in events
            if quote.start <= e.trigger.start < quote.end and (quote.direct or e.claimed_by is not None)
        ]
        if quote.direct and quote.speaker is not None:
            claimed.update({e.event_id: quote.speaker for e in inside if e.claimed_by is None})
        linked_quotes.append(replace(quote, event_ids=tuple(e.event_id for e in inside)) if inside else quote)
    events = [replace(e, claimed_by=claimed[e.event_id]) if e.event_id in claimed else e for e in events]
    return linked_quotes, events
