"""One event, many reports: stable ids and merging of events that are the same happening."""

from __future__ import annotations

from dataclasses import replace

from eventscope.ingest.normalize import content_id
from eventscope.records import Actor, Event


def event_id_for(sentence_text: str, trigger_offset: int, trigger_text: str, event_type: str,
                 actor1: Actor | None, actor2: Actor | None) -> str:
    """Hash of the normalised sentence, the trigger's place in it, the type and the actors.

    The same sentence in another document gets the same id, so re-runs and joins across runs agree.
    """
    key = "\x1f".join([
        " ".join(sentence_text.split()), str(trigger_offset), trigger_text, event_type,
        _actor_key(actor1), _actor_key(actor2),
    ])
    return content_id(key, "event")


def merge_key(event: Event) -> tuple:
    """Same type, mode, actors, place, date, polarity and modality: the same happening."""
    location = event.location.geonames_id if event.location else None
    return (
        event.event_type, event.mode, _actor_key(event.actor1), _actor_key(event.actor2),
        location, event.date, event.negated, event.modality,
    )


def merge_events(events: list[Event]) -> list[Event]:
    """Collapse reports of one happening into the first report, summing mentions and reports."""
    survivors: dict[tuple, Event] = {}
    for event in events:
        key = merge_key(event)
        kept = survivors.get(key)
        if kept is None:
            survivors[key] = event
            continue
        survivors[key] = replace(
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


def _actor_key(actor: Actor | None) -> str:
    if actor is None:
        return ""
    if actor.name:
        return actor.name.lower()
    if actor.country or actor.sector:
        return f"{actor.country or ''}/{actor.sector or ''}"
    return " ".join(actor.text.lower().split())
