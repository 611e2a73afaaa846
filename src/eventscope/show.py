"""A readable terminal table of events with the sentence that proves each one."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from eventscope.errors import RecordsUnreadable
from eventscope.records import Actor, Event, event_from_dict

REQUIRED_FIELDS = ("doc_id", "text", "events")


class _Console(Console):
    """rich's own broken-pipe handling exits with status 1 from deep inside ``print``; handing the error up
    lets the command line end every command the same way (quietly, status 141) when the reader (``head``) left."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError(32, "Broken pipe")


def read_records(path: Path) -> Iterator[dict]:
    """The records of a coded JSONL file, each checked: a malformed line, a foreign object, a missing field
    or an event that cannot be read is one ``E320`` error naming the file and line, never a traceback."""
    try:
        handle = path.open(encoding="utf-8")
    except IsADirectoryError as exc:
        raise RecordsUnreadable(f"{path} is a directory; give a coded JSONL file (eventscope code ... -o)") from exc
    except OSError as exc:
        raise RecordsUnreadable(f"cannot read {path}: {exc.strerror or exc}") from exc
    with handle:
        number = 0
        try:
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    yield _checked_record(line, f"{path}:{number}")
        except UnicodeDecodeError as exc:
            raise RecordsUnreadable(f"{path}:{number + 1}: not UTF-8 text; is this a coded JSONL file?") from exc


def _checked_record(line: str, where: str) -> dict:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        torn = "" if line.endswith("\n") else " (a torn last line: re-run eventscope code to repair it)"
        raise RecordsUnreadable(f"{where}: malformed JSON ({exc.msg}, column {exc.colno}){torn}") from exc
    if not isinstance(record, dict):
        raise RecordsUnreadable(
            f"{where}: a JSON {type(record).__name__}, not an eventscope record "
            "(one JSON object per line, from eventscope code -o)"
        )
    missing = [name for name in REQUIRED_FIELDS if name not in record]
    if missing:
        raise RecordsUnreadable(
            f"{where}: not an eventscope record (no {', '.join(repr(m) for m in missing)}; "
            "is this the input corpus rather than the coded output?)"
        )
    if not isinstance(record["events"], list) or not isinstance(record["doc_id"], str):
        raise RecordsUnreadable(f"{where}: 'doc_id' must be a string and 'events' a list")
    for position, event in enumerate(record["events"]):
        try:
            event_from_dict(event)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            detail = f"missing field {exc}" if isinstance(exc, KeyError) else f"{type(exc).__name__}: {exc}"
            raise RecordsUnreadable(f"{where}: event {position} cannot be read ({detail})") from exc
    return record


def filter_events(
    events: list[Event],
    types: list[str] | None = None,
    country: str | None = None,
    actor: str | None = None,
    since: str | None = None,
) -> list[Event]:
    """The events ``show`` keeps: type(s), a country (place or either actor), part of an actor's name, a start date."""
    wanted = {t.upper() for t in types or ()}
    country = country.upper() if country else None
    needle = actor.lower() if actor else None

    def keep(event: Event) -> bool:
        actors = [a for a in (event.actor1, event.actor2) if a]
        return (
            (not wanted or event.event_type in wanted)
            and (
                not country
                or country in {event.location.country if event.location else None, *(a.country for a in actors)}
            )
            and (not needle or any(needle in (a.name or a.text).lower() for a in actors))
            and (not since or (event.date is not None and event.date >= since))
        )

    return [e for e in events if keep(e)]


def render_events(
    events: list[Event],
    texts: dict[str, str],
    console: Console | None = None,
    titles: dict[str, str | None] | None = None,
    total: int | None = None,
) -> None:
    """The table; ``total`` (events matching before ``--limit``) makes the title "N of M"."""
    console = console or _Console(width=None if sys.stdout.isatty() else 160)
    title = f"{len(events)} of {total} events" if total is not None else f"{len(events)} events"
    table = Table(show_lines=True, title=title)
    columns = ("type/mode", "actor1 → actor2", "where / when", "status", "evidence")
    for column in (*columns, "document") if titles is not None else columns:
        table.add_column(column, overflow="fold")
    for event in events:
        doc_id = event.reports[0].doc_id if event.reports else ""
        document = [f"{(titles or {}).get(doc_id) or '(untitled)'}\n{doc_id}"] if titles is not None else []
        table.add_row(
            f"{event.event_type}" + (f"/{event.mode}" if event.mode else "") + f"\nCAMEO {event.cameo or '-'}",
            f"{_actor(event.actor1)}\n→ {_actor(event.actor2)}"
            + (f"\nclaimed by {_actor(event.claimed_by)}" if event.claimed_by else ""),
            _where_when(event),
            _status(event),
            _evidence(event, texts),
            *document,
        )
    console.print(table)


def render_stats(events: list[Event], console: Console | None = None) -> None:
    """Counts of events by type, country (place, else actor) and day."""
    from collections import Counter

    console = console or _Console(width=None if sys.stdout.isatty() else 160)
    by_type = Counter(e.event_type for e in events)
    by_country = Counter(
        (e.location.country if e.location and e.location.country else None)
        or (e.actor1.country if e.actor1 else None)
        or "-"
        for e in events
    )
    by_day = Counter(e.date or "-" for e in events)
    console.print(f"{len(events)} events, {sum(e.mentions for e in events)} reports")
    for name, ordered in (
        ("type", by_type.most_common()),
        ("country", by_country.most_common()),
        ("day", sorted(by_day.items())),
    ):
        table = Table(title=f"events by {name}")
        table.add_column(name)
        table.add_column("events", justify="right")
        for key, count in ordered:
            table.add_row(str(key), str(count))
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
    parts = [
        event.modality + (" NEGATED" if event.negated else ""),
        f"conf {event.confidence:.2f}",
        f"{event.mentions} report(s)",
    ]
    return "\n".join(parts)


def _evidence(event: Event, texts: dict[str, str]) -> Text:
    doc_id = event.reports[0].doc_id if event.reports else None
    text = texts.get(doc_id or "", "")
    sentence = text[event.sentence.start : event.sentence.end]
    if not sentence:
        return Text(event.trigger.text)
    start = event.trigger.start - event.sentence.start
    end = event.trigger.end - event.sentence.start
    rendered = Text(sentence)
    if 0 <= start < end <= len(sentence):
        rendered.stylize("bold red", start, end)
    return rendered
