"""The ``eventscope`` command: a thin layer that parses arguments and calls the library."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from eventscope import __version__
from eventscope.errors import EventscopeError, failure_report
from eventscope.evaluation.cli import EVALUATIONS
from eventscope.evaluation.splits import SPLITS
from eventscope.records import event_from_dict
from eventscope.settings import SETTING, Settings, default
from eventscope.store.export import EXPORT_FORMATS

EXIT_OK, EXIT_USAGE, EXIT_SOME_FAILED = 0, 2, 3


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="eventscope", description="Political event data from news text.")
    parser.add_argument("--version", action="version", version=f"eventscope {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    code = commands.add_parser("code", help="code documents into events (JSONL and the embedded database)")
    code.add_argument("inputs", nargs="+", help="files, folders, globs, or - for stdin (.txt .html .jsonl .csv)")
    code.add_argument("-o", "--output", help="JSONL output file (- for stdout); appended to when resuming")
    code.add_argument(
        "--db", default=None, help="DuckDB file (default ./eventscope.duckdb) or a postgresql://user@host/db URL"
    )
    code.add_argument("--no-db", action="store_true", help="do not store in the database")
    code.add_argument("--date", dest="default_date", help=_help("default_date"))
    code.add_argument("--favor", choices=SETTING["favor"].choices, default=default("favor"), help=_help("favor"))
    code.add_argument(
        "--event-model",
        choices=SETTING["event_model"].choices,
        default=default("event_model"),
        help=_help("event_model"),
    )
    code.add_argument("--min-eventness", type=float, default=default("min_eventness"), help=_help("min_eventness"))
    code.add_argument("--batch-size", type=int, default=default("batch_size"), help=_help("batch_size"))
    code.add_argument("--n-process", type=int, default=default("n_process"), help=_help("n_process"))
    code.add_argument("--actor-kb", action="append", default=[], help=_help("actor_kb"))
    code.add_argument("--no-geo", action="store_true", help="skip geoparsing")
    code.add_argument("--time-budget", type=float, default=default("time_budget"), help=_help("time_budget"))
    code.add_argument(
        "--max-sentence-chars", type=int, default=default("max_sentence_chars"), help=_help("max_sentence_chars")
    )
    code.add_argument("--no-progress", action="store_true", help="hide the progress bar")
    code.add_argument(
        "--engine",
        choices=["local", "ray"],
        default="local",
        help="local: this process (and --n-process workers); ray: Ray actors, -o is a shard folder",
    )
    code.add_argument(
        "--address", default=None, help="--engine ray: cluster to join (auto, ray://head:10001); default a local Ray"
    )
    code.add_argument(
        "--workers",
        type=int,
        default=None,
        help="--engine ray: pipeline actors, one CPU each (default: every CPU of the cluster)",
    )
    code.add_argument("--force", action="store_true", help="replace an -o file that is not eventscope output")

    show = commands.add_parser("show", help="a readable table of events with their evidence")
    show.add_argument("source", nargs="?", help="coded JSONL file (default: the database)")
    show.add_argument("--db", default=None, help="DuckDB file (default ./eventscope.duckdb)")
    show.add_argument("--limit", type=int, default=50)
    show.add_argument("--all", action="store_true", help="include negated and non-asserted events")
    show.add_argument("--type", action="append", default=[], help="only this PLOVER type (repeatable)")
    show.add_argument("--country", help="only events placed in, or with an actor from, this ISO alpha-3 country")
    show.add_argument("--actor", help="only events with an actor whose name contains this")
    show.add_argument("--since", help="only events on or after YYYY-MM-DD")

    export = commands.add_parser("export", help="export stored events")
    export.add_argument("source", nargs="?", help="coded JSONL file (default: the database)")
    export.add_argument("--db", default=None, help="DuckDB file (default ./eventscope.duckdb)")
    export.add_argument("--format", default="jsonl", choices=list(EXPORT_FORMATS))  # store/export.py registry
    export.add_argument("-o", "--output", required=True)
    export.add_argument("--force", action="store_true", help="replace an -o file that is not an earlier export")

    commands.add_parser("schema", help="print the JSON Schema of the output record")

    stats = commands.add_parser("stats", help="counts of stored events by type, country and day")
    stats.add_argument("source", nargs="?", help="coded JSONL file (default: the database)")
    stats.add_argument("--db", default=None, help="DuckDB file (default ./eventscope.duckdb)")

    serve = commands.add_parser("serve", help="the analyst's desk: HTTP API and web page over a store")
    serve.add_argument("--db", default=None, help="DuckDB file (default ./eventscope.duckdb)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument(
        "--public",
        action="store_true",
        help="answer reads from any address, not only loopback (writes always need EVENTSCOPE_TOKEN)",
    )

    evaluate = commands.add_parser("eval", help="score a stage against gold data")
    evaluate.add_argument("dataset", choices=list(EVALUATIONS))  # evaluation/cli.py registry
    evaluate.add_argument("path", nargs="?", help="gold data folder or file")
    evaluate.add_argument("--json", dest="json_out", help="also write the scores as JSON here")
    evaluate.add_argument("--errors", action="store_true", help="list what was missed, with the sentence")
    evaluate.add_argument("--limit", type=int, default=None, help="only the first N documents")
    evaluate.add_argument(
        "--split",
        choices=SPLITS,
        default="report",
        help="fixed hash split to score (default report: items never tuned on)",
    )
    evaluate.add_argument(
        "--event-model", choices=SETTING["event_model"].choices, default=None, help=_help("event_model")
    )
    return parser


def _help(name: str) -> str:
    return SETTING[name].help


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler = {
        "code": cmd_code,
        "show": cmd_show,
        "export": cmd_export,
        "schema": cmd_schema,
        "eval": cmd_eval,
        "stats": cmd_stats,
        "serve": cmd_serve,
    }[args.command]
    try:
        return handler(args)
    except (Exception, KeyboardInterrupt) as exc:  # every failure is one line "error [Exxx]: ..." with a code
        if os.environ.get("EVENTSCOPE_DEBUG") and not isinstance(exc, EventscopeError | BrokenPipeError):
            raise
        status, line = failure_report(exc)
        if isinstance(exc, BrokenPipeError):  # the reader (head) left: say nothing, not even at exit's flush
            with contextlib.suppress(OSError, ValueError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        if line:
            print(line, file=sys.stderr)
        return status


def cmd_code(args: argparse.Namespace) -> int:
    if args.engine == "ray":
        return _code_with_ray(args)
    from eventscope.runner import CodeRun

    settings = Settings(
        favor=args.favor,
        event_model=args.event_model,
        min_eventness=args.min_eventness,
        batch_size=args.batch_size,
        n_process=args.n_process,
        default_date=args.default_date,
        actor_kb=tuple(args.actor_kb),
        geoparse=not args.no_geo,
        time_budget=args.time_budget,
        max_sentence_chars=args.max_sentence_chars,
    )
    run = CodeRun(
        settings,
        output=args.output,
        db=None if args.no_db else (args.db or _default_db()),
        progress=not args.no_progress and sys.stderr.isatty(),
        force=args.force,
    )
    summary = run.run(args.inputs)
    print(summary.describe(), file=sys.stderr)
    return EXIT_SOME_FAILED if summary.failed else EXIT_OK


def _code_with_ray(args: argparse.Namespace) -> int:
    from eventscope.scale import RayRun

    settings = Settings(
        favor=args.favor,
        event_model=args.event_model,
        min_eventness=args.min_eventness,
        batch_size=args.batch_size,
        default_date=args.default_date,
        actor_kb=tuple(args.actor_kb),
        geoparse=not args.no_geo,
    )
    run = RayRun(
        settings,
        output=args.output,
        db=None if args.no_db else (args.db or _default_db()),
        progress=not args.no_progress and sys.stderr.isatty(),
        address=args.address,
        workers=args.workers,
    )
    summary = run.run(args.inputs)
    print(summary.describe(), file=sys.stderr)
    return EXIT_SOME_FAILED if summary.failed else EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    from eventscope.show import filter_events, render_events

    events, documents = _load_events(args.source, args.db)
    texts = {doc_id: doc.get("text") or "" for doc_id, doc in documents.items()}
    events = filter_events(events, types=args.type, country=args.country, actor=args.actor, since=args.since)
    if not args.all:
        events = [e for e in events if not e.negated and e.modality == "asserted"] + [
            e for e in events if e.negated or e.modality != "asserted"
        ]
    render_events(
        events[: args.limit], texts, titles={k: d.get("title") for k, d in documents.items()}, total=len(events)
    )
    return EXIT_OK


def _load_events(source: str | None, db: str | None):
    """Events (one per happening) and {doc_id: {title, url, text}} from a JSONL output or the store."""
    if source:
        return _merged_jsonl_events(Path(source))
    from eventscope.store import open_store

    with open_store(db or _default_db(), read_only=True) as store:
        documents = {
            d["doc_id"]: {"title": d.get("title"), "url": d.get("url"), "text": d.get("text")}
            for d in store.documents()
        }
        return store.events(), documents


def _merged_jsonl_events(path: Path):
    """A JSONL output's events, the same happening in several documents merged into one (as the store does)."""
    from dataclasses import replace

    from eventscope.records import Event

    merged: dict[str, Event] = {}
    documents: dict[str, dict] = {}
    for record in _read_jsonl(path):
        documents[record["doc_id"]] = {
            "title": record.get("title"),
            "url": record.get("url"),
            "text": record.get("text") or "",
        }
        for data in record.get("events") or []:
            event = event_from_dict(data)
            seen = merged.get(event.event_id)
            merged[event.event_id] = (
                event
                if seen is None
                else replace(seen, mentions=seen.mentions + event.mentions, reports=seen.reports + event.reports)
            )
    return list(merged.values()), documents


def _read_jsonl(path: Path) -> Iterator[dict]:
    from eventscope.show import read_records  # checked: a bad line is one error naming file and line

    return read_records(path)


def cmd_export(args: argparse.Namespace) -> int:
    from eventscope.runner import check_export_target
    from eventscope.store.export import export_events

    check_export_target(Path(args.output), args.source, args.db or _default_db(), force=args.force)
    events, documents = _load_events(args.source, args.db)
    count = export_events(events, args.format, args.output, documents)
    print(f"wrote {count} events to {args.output} ({args.format})", file=sys.stderr)
    return EXIT_OK


def cmd_stats(args: argparse.Namespace) -> int:
    from eventscope.show import render_stats

    events, _ = _load_events(args.source, args.db)
    render_stats(events)
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    import os

    import uvicorn

    from eventscope.api import ServerConfig, create_app

    db = args.db or _default_db()
    token = os.environ.get("EVENTSCOPE_TOKEN") or None
    if args.public and args.host in ("127.0.0.1", "localhost", "::1"):
        print(
            "eventscope: --public with a loopback --host still only listens locally; add --host 0.0.0.0",
            file=sys.stderr,
        )
    print(
        f"eventscope desk on http://{args.host}:{args.port}/  (API docs at /docs; store {db}; writes "
        f"{'need the token' if token else 'refused: EVENTSCOPE_TOKEN is not set'})",
        file=sys.stderr,
    )
    uvicorn.run(
        create_app(ServerConfig(db=db, public=args.public, token=token)),
        host=args.host,
        port=args.port,
        log_level="warning",
    )
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    from eventscope.schema import record_schema

    print(json.dumps(record_schema(), indent=2))
    return EXIT_OK


def cmd_eval(args: argparse.Namespace) -> int:
    from eventscope.evaluation.cli import run_evaluation

    return run_evaluation(
        args.dataset,
        args.path,
        json_out=args.json_out,
        errors=args.errors,
        limit=args.limit,
        split=args.split,
        event_model=args.event_model,
    )


def _default_db() -> str:
    from eventscope.store import DEFAULT_DB_PATH

    return DEFAULT_DB_PATH


__all__ = ["build_parser", "main"]

if __name__ == "__main__":
    raise SystemExit(main())
