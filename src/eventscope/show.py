"""A readable terminal table of events with the sentence that proves each one."""

from __future__ import annotations

import sys

from rich.console import Console
from rich.table import Table
from rich.text import Text

from eventscope.records import Actor, Event


def render_events(events: list[Event], texts: dict[str, str], console: Console | None = None) -> None:
    console = console or Console(width=None if sys.stdout.isatty() else 160)
    table = Table(show_lines=True, title=f"{len(events)} events")
    for column in ("type/mode", "actor1 → actor2", "where / when", "status", "evidence"):
        table.add_column(column, overflow="fold")
    for event in events:
        table.add_row(
            f"{event.event_type}" + (f"/{event.mode}" if event.mode else "") + f"\nCAMEO {event.cameo or '-'}",
            f"{_actor(event.actor1)}\n→ {_actor(event.actor2)}"
            + (f"\nclaimed by {_actor(event.claimed_by)}" if event.claimed_by else ""),
            _where_when(event),
            _status(event),
            _evidence(event, texts),
        )
    console.print(table)


def _actor(actor: Actor | None) -> str:
    if actor is None:
        return "-"
    label = actor.name or actor.text
    codes = "/".join(x for x in (actor.country, actor.sector) if x)
    return f"{label} [{codes}]" if codes else label


def _where_when(event: Event) -> str:
    loc = event.location
    where = "-"
    if loc and loc.name:
        where = f"{loc.name}, {loc.admin1 or ''} {loc.country or ''} ({loc.precision})".replace(" ,", ",")
    return f"{where}\n{event.date or '-'} ({event.date_precision or '-'})"


def _status(event: Event) -> str:
    parts = [event.modality + (" NEGATED" if event.negated else ""), f"conf {event.confidence:.2f}",
             f"{event.mentions} report(s)"]
    return "\n".join(parts)


def _evidence(event: Event, texts: dict[str, str]) -> Text:
    doc_id = event.reports[0].doc_id if event.reports else None
    text = texts.get(doc_id or "", "")
    sentence = text[event.sentence.start:event.sentence.end]
    if not sentence:
        return Text(event.trigger.text)
    start = event.trigger.start - event.sentence.start
    end = event.trigger.end - event.sentence.start
    rendered = Text(sentence)
    if 0 <= start < end <= len(sentence):
        rendered.stylize("bold red", start, end)
    return rendered
