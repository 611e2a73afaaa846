"""The ``eventscope`` command: a thin layer that parses arguments and calls the library."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from eventscope import __version__
from eventscope.errors import EventscopeError
from eventscope.records import event_from_dict
from eventscope.settings import SETTINGS, Settings

EXIT_OK, EXIT_USAGE, EXIT_SOME_FAILED = 0, 2, 3


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="eventscope", description="Political event data from news text.")
    parser.add_argument("--version", action="version", version=f"eventscope {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    code = commands.add_parser("code", help="code documents into events (JSONL and the embedded database)")
    code.add_argument("inputs", nargs="+", help="files, folders, globs, or - for stdin (.txt .html .jsonl .csv)")
    code.add_argument("-o", "--output", help="JSONL output file (- for stdout); appended to when resuming")
    code.add_argument("--db", default=None, help="DuckDB file (default ./eventscope.duckdb)")
    code.add_argument("--no-db", action="store_true", help="do not store in the database")
    code.add_argument("--date", dest="default_date", help=_help("default_date"))
    code.add_argument("--favor", choices=["precision", "recall"], default="precision", help=_help("favor"))
    code.add_argument("--batch-size", type=int, default=32, help=_help("batch_size"))
    code.add_argument("--n-process", type=int, default=1, help=_help("n_process"))
    code.add_argument("--actor-kb", action="append", default=[], help=_help("actor_kb"))
    code.add_argument("--no-geo", action="store_true", help="skip geoparsing")
    code.add_argument("--no-progress", action="store_true", help="hide the progress bar")

    show = commands.add_parser("show", help="a readable table of events with their evidence")
    show.add_argument("source", nargs="?", help="coded JSONL file (default: the database)")
    show.add_argument("--db", default=None, help="DuckDB file (default ./eventscope.duckdb)")
    show.add_argument("--limit", type=int, default=50)
    show.add_argument("--all", action="store_true", help="include negated and non-asserted events")

    export = commands.add_parser("export", help="export stored events")
    export.add_argument("--db", default=None, help="DuckDB file (default ./eventscope.duckdb)")
    export.add_argument("--format", default="jsonl", choices=["jsonl", "csv", "parquet", "plover", "cameo"])
    export.add_argument("-o", "--output", required=True)

    commands.add_parser("schema", help="print the JSON Schema of the output record")

    evaluate = commands.add_parser("eval", help="score a stage against gold data")
    evaluate.add_argument("dataset", choices=["re3d", "polnear", "geo", "plover", "dedup"])
    evaluate.add_argument("path", nargs="?", help="gold data folder or file")
    evaluate.add_argument("--json", dest="json_out", help="also write the scores as JSON here")
    evaluate.add_argument("--errors", action="store_true", help="list what was missed, with the sentence")
    evaluate.add_argument("--limit", type=int, default=None, help="only the first N documents")
    return parser


def _help(name: str) -> str:
    return next(s.help for s in SETTINGS if s.name == name)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler = {"code": cmd_code, "show": cmd_show, "export": cmd_export, "schema": cmd_schema,
               "eval": cmd_eval}[args.command]
    try:
        return handler(args)
    except KeyboardInterrupt:
        print("interrupted; re-run the same command to resume", file=sys.stderr)
        return 130
    except (ValueError, FileNotFoundError, EventscopeError) as exc:
        print(f"eventscope: {exc}", file=sys.stderr)
        return EXIT_USAGE


def cmd_code(args: argparse.Namespace) -> int:
    from eventscope.runner import CodeRun

    settings = Settings(
        favor=args.favor, batch_size=args.batch_size, n_process=args.n_process,
        default_date=args.default_date, actor_kb=tuple(args.actor_kb), geoparse=not args.no_geo,
    )
    run = CodeRun(
        settings, output=args.output, db=None if args.no_db else (args.db or _default_db()),
        progress=not args.no_progress and sys.stderr.isatty(),
    )
    summary = run.run(args.inputs)
    print(summary.describe(), file=sys.stderr)
    return EXIT_SOME_FAILED if summary.failed else EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    from eventscope.show import render_events

    if args.source:
        events, texts = _events_from_jsonl(Path(args.source))
    else:
        from eventscope.store import EventStore

        with EventStore(args.db or _default_db(), read_only=True) as store:
            events = store.events()
            texts = {d["doc_id"]: d["text"] for d in store.documents()}
    if not args.all:
        events = [e for e in events if not e.negated and e.modality == "asserted"] + [
            e for e in events if e.negated or e.modality != "asserted"]
    render_events(events[: args.limit], texts)
    return EXIT_OK


def _events_from_jsonl(path: Path):
    events, texts = [], {}
    for record in _read_jsonl(path):
        texts[record["doc_id"]] = record.get("text") or ""
        events.extend(event_from_dict(e) for e in record.get("events") or [])
    return events, texts


def _read_jsonl(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def cmd_export(args: argparse.Namespace) -> int:
    from eventscope.store import EventStore, export

    with EventStore(args.db or _default_db(), read_only=True) as store:
        count = export(store, args.format, args.output)
    print(f"wrote {count} events to {args.output} ({args.format})", file=sys.stderr)
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    from eventscope.schema import record_schema

    print(json.dumps(record_schema(), indent=2))
    return EXIT_OK


def cmd_eval(args: argparse.Namespace) -> int:
    from eventscope.evaluation.cli import run_evaluation

    return run_evaluation(args.dataset, args.path, json_out=args.json_out, errors=args.errors, limit=args.limit)


def _default_db() -> str:
    from eventscope.store import DEFAULT_DB_PATH

    return DEFAULT_DB_PATH


__all__ = ["build_parser", "main"]

if __name__ == "__main__":
    raise SystemExit(main())
