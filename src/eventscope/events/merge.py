"""One event, many reports: ids that name the happening, and merging of its reports.

An event's id is a hash of what makes it one happening: type, mode, the actors' canonical
identities, the place, the date, polarity, modality and the theme (what was acted on: "caches",
"city").  Reports of the same happening therefore get the same id in any document, run or store,
so users can join across runs and the store counts every happening once.
"""

from __future__ import annotations

from dataclasses import replace

from eventscope.ids import content_id
from eventscope.records import Actor, Event, EventLocation


def happening_id(event_type: str, mode: str | None, actor1: Actor | None, actor2: Actor | None,
                 location: EventLocation | None, date: str | None, negated: bool, modality: str,
                 theme: str | None, sentence_text: str) -> str:
    """Stable id of a happening; with no actor at all, the sentence itself must match too."""
    parts = [event_type, mode or "", actor_key(actor1), actor_key(actor2),
             str(location.geonames_id or location.name) if location else "", date or "", str(negated), modality,
             theme or ""]
    if actor1 is None and actor2 is None:
        parts.append(" ".join(sentence_text.lower().split()))
    return content_id("\x1f".join(parts), "event")


def merge_events(events: list[Event]) -> list[Event]:
    """Collapse reports of one happening (same id) into the first, summing mentions and reports."""
    survivors: dict[str, Event] = {}
    for event in events:
        kept = survivors.get(event.event_id)
        if kept is None:
            survivors[event.event_id] = event
            continue
        survivors[event.event_id] = replace(
            kept,
            mentions=kept.mentions + event.mentions,
            reports=kept.reports + tuple(r for r in event.reports if r not in kept.reports),
            confidence=max(kept.confidence, event.confidence),
            claimed_by=kept.claimed_by or event.claimed_by,
            dead=kept.dead or event.dead,
            injured=kept.injured or event.injured,
            size=kept.size or event.size,
        )
    return list(survivors.values())


_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those", "that"}


def actor_key(actor: Actor | None) -> str:
    """An actor's identity: canonical name, else country/sector, else its words."""
    if actor is None:
        return ""
    if actor.name:
        return actor.name.lower()
    words = [w for w in actor.text.lower().split() if w not in _DETERMINERS]
    # unnamed actors keep their words: two rebel groups in one sentence are two actors
    return f"{actor.country or ''}/{actor.sector or ''}/{' '.join(words)}"
