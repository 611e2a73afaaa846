"""One event, many reports: ids that name the happening, and merging of its reports.

An event's id is a hash of what makes it one happening: type, mode, the actors' canonical
identities, the place, the date, polarity, modality and the theme (what was acted on: "caches",
"city").  Reports of the same happening therefore get the same id in any document, run or store,
so users can join across runs and the store counts every happening once.
"""

from __future__ import annotations

from dataclasses import replace

from eventscope.ids import content_id
from eventscope.records import Actor, Event, EventLocation, Paragraph, Report
from eventscope.vocabulary import words as vocabulary


def happening_id(
    event_type: str,
    mode: str | None,
    actor1: Actor | None,
    actor2: Actor | None,
    location: EventLocation | None,
    date: str | None,
    negated: bool,
    modality: str,
    theme: str | None,
    sentence_text: str,
) -> str:
    """Stable id of a happening; with no actor at all, the sentence itself must match too."""
    parts = [
        event_type,
        mode or "",
        actor_key(actor1),
        actor_key(actor2),
        str(location.geonames_id or location.name) if location else "",
        date or "",
        str(negated),
        modality,
        theme or "",
    ]
    if actor1 is None and actor2 is None:
        parts.append(" ".join(sentence_text.lower().split()))
    return content_id("\x1f".join(parts), "event")


def merge_events(events: list[Event]) -> list[Event]:
    """Collapse reports of one happening into the first, summing mentions and reports.

    Two events are one happening when they have the same id, or when one sentence states the same type between
    the same actors twice ("officials met in Islamabad to discuss a ceasefire": "met" and "discuss" are one
    meeting) — whatever the mode, theme or how precisely each trigger was placed. The second adds no mention:
    it is the same report."""
    survivors: dict[str, Event] = {}
    in_sentence: dict[tuple, str] = {}
    for event in events:
        key = _sentence_happening(event)
        same_sentence = in_sentence.get(key) if key is not None else None
        if same_sentence is not None and same_sentence != event.event_id:
            survivors[same_sentence] = _combined(survivors[same_sentence], event, add_mentions=False)
            continue
        kept = survivors.get(event.event_id)
        if kept is None:
            survivors[event.event_id] = event
            if key is not None:
                in_sentence.setdefault(key, event.event_id)
            continue
        survivors[event.event_id] = _combined(kept, event, add_mentions=True)
    return list(survivors.values())


def _sentence_happening(event: Event) -> tuple | None:
    """Type, actors, polarity and modality within one sentence; None for events without both actors."""
    if event.actor1 is None or event.actor2 is None:
        return None
    return (
        event.sentence.start,
        event.event_type,
        actor_key(event.actor1),
        actor_key(event.actor2),
        event.negated,
        event.modality,
    )


def _combined(kept: Event, event: Event, add_mentions: bool) -> Event:
    better_place = _precision_rank(event.location) < _precision_rank(kept.location)
    return replace(
        kept,
        mentions=kept.mentions + event.mentions if add_mentions else kept.mentions,
        reports=kept.reports + tuple(r for r in event.reports if r not in kept.reports),
        confidence=max(kept.confidence, event.confidence),
        claimed_by=kept.claimed_by or event.claimed_by,
        location=event.location if better_place else kept.location,
        mode=kept.mode or event.mode,
        dead=kept.dead or event.dead,
        injured=kept.injured or event.injured,
        size=kept.size or event.size,
        rules=kept.rules + tuple(r for r in event.rules if r not in kept.rules),
    )


_PRECISION_ORDER = ("exact", "sentence", "document", "country")


def _precision_rank(location: EventLocation | None) -> int:
    if location is None or location.precision not in _PRECISION_ORDER:
        return len(_PRECISION_ORDER)
    return _PRECISION_ORDER.index(location.precision)


def actor_key(actor: Actor | None) -> str:
    """An actor's identity: canonical name, else country/sector, else its words."""
    if actor is None:
        return ""
    if actor.name:
        return actor.name.lower()
    words = [w for w in actor.text.lower().split() if w not in vocabulary("actor_key_determiners")]
    # unnamed actors keep their words: two rebel groups in one sentence are two actors
    return f"{actor.country or ''}/{actor.sector or ''}/{' '.join(words)}"


def count_duplicate_reports(events: list[Event], paragraphs: list[Paragraph], doc_id: str) -> list[Event]:
    """An event stated in a paragraph that is repeated later counts one more report per copy (moved out of
    ``pipeline.py``)."""
    copies: dict[int, list[Paragraph]] = {}
    for paragraph in paragraphs:
        if paragraph.duplicate_of is not None:
            copies.setdefault(paragraph.duplicate_of, []).append(paragraph)
    if not copies:
        return events
    counted = []
    for event in events:
        extra: list[Report] = []
        for report in event.reports:
            for index, original in enumerate(paragraphs):
                if original.start <= report.start < original.end + 1 and index in copies:
                    for copy in copies[index]:
                        shift = copy.start - original.start
                        exact = (copy.end - copy.start) == (original.end - original.start)
                        start, end = (report.start + shift, report.end + shift) if exact else (copy.start, copy.end)
                        extra.append(Report(doc_id, start, min(end, copy.end)))
        if extra:
            event = replace(event, mentions=event.mentions + len(extra), reports=event.reports + tuple(extra))
        counted.append(event)
    return counted
