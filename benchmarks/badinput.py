"""Hostile input end to end: ``eventscope code`` over the bad-input corpus must finish, lose nothing and stay small.

Why a subprocess: the claim is about the command a user runs (a batch that completes, exit code 3 with
a failure count), and its peak RSS is measured alone (``wait4``), not mixed with this script's.  Then each
single-document input is coded again in-process, one at a time, to report the slowest document against
its time budget (``time_budget`` seconds per 10,000 characters; parsing included here, so it is strict).

Usage: ``python benchmarks/badinput.py [--reduced] [--out DIR]``; writes ``DIR/badinput.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from eventscope.evaluation.badinput import check_output, generate
from eventscope.ingest import read_inputs
from eventscope.pipeline import Pipeline
from eventscope.settings import Settings

SUMMARY = re.compile(
    r"(\d+) documents coded, (\d+) events, (\d+) duplicate documents, (\d+) already done "
    r"\(resumed\), (\d+) failed"
)
PEAK_LIMIT_MB = 2048


def run_command(corpus: Path, output: Path) -> dict[str, Any]:
    """``eventscope code corpus -o output``: wall time, peak RSS of the child, exit code, its summary line."""
    command = [
        sys.executable,
        "-m",
        "eventscope.cli",
        "code",
        str(corpus),
        "-o",
        str(output),
        "--no-db",
        "--no-progress",
    ]
    started = time.perf_counter()
    with tempfile.TemporaryFile() as stderr:
        child = subprocess.Popen(command, stderr=stderr, stdout=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - started
        stderr.seek(0)
        log = stderr.read().decode("utf-8", "replace")
    match = SUMMARY.search(log)
    summary = (
        dict(zip(("documents", "events", "duplicates", "skipped", "failed"), map(int, match.groups()), strict=True))
        if match
        else None
    )
    return {
        "exit_code": os.waitstatus_to_exitcode(status),
        "wall_s": round(wall, 1),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 1),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "summary": summary,
        "log_tail": log[-2000:],
    }


def _slim_records(output: Path) -> list[dict[str, Any]]:
    """The output's records with only what the checks read (100,000 full records would cost gigabytes here)."""
    with output.open(encoding="utf-8") as handle:
        return [{key: record.get(key) for key in ("doc_id", "error", "language")} for record in map(json.loads, handle)]


def per_document_times(corpus: Path, settings: Settings) -> list[dict[str, Any]]:
    """Each single-document input coded alone: CPU seconds (parse included) against its budget, which counts
    CPU seconds too (wall seconds on a shared machine measure the neighbours)."""
    pipeline = Pipeline(settings)
    pipeline.annotate_text("Warm-up: rebels attacked a base near Gao.")
    rows = []
    for path in sorted(corpus.glob("*")):
        if path.suffix.lower() not in {".txt", ".html"}:
            continue
        sources = list(read_inputs([str(path)]))
        started, cpu = time.perf_counter(), time.process_time()
        records = list(pipeline.annotate(iter(sources)))
        seconds, wall = time.process_time() - cpu, time.perf_counter() - started
        chars = sum(len(s.text) for s in sources)
        budget = settings.time_budget * max(1.0, chars / 10_000)
        rows.append(
            {
                "input": path.name,
                "chars": chars,
                "seconds": round(seconds, 2),
                "wall_s": round(wall, 1),
                "budget_s": round(budget, 1),
                "error": (records[0].error or "")[:80] if records else "no record",
            }
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reduced", action="store_true", help="small corpus (what the slow test runs)")
    parser.add_argument("--out", default="bench-results", help="folder for badinput.json")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        corpus, output = Path(tmp) / "corpus", Path(tmp) / "coded.jsonl"
        expected = generate(corpus, reduced=args.reduced)
        run = run_command(corpus, output)
        records = _slim_records(output)
        problems = check_output(corpus, records)
        summary = run["summary"] or {}
        if summary.get("documents") != len(records):
            problems.append(f"summary says {summary.get('documents')} documents, output has {len(records)}")
        failed = sum(1 for r in records if r.get("error"))
        if summary.get("failed") != failed:
            problems.append(f"summary says {summary.get('failed')} failed, output has {failed} errors")
        if run["peak_rss_mb"] > PEAK_LIMIT_MB:
            problems.append(f"peak RSS {run['peak_rss_mb']} MB > {PEAK_LIMIT_MB} MB")
        times = per_document_times(corpus, Settings())
    slowest = max(times, key=lambda row: row["seconds"] / row["budget_s"])
    keys = ("exit_code", "wall_s", "cpu_s", "peak_rss_mb", "summary")
    result = {
        "reduced": args.reduced,
        "inputs": len(expected),
        "records": len(records),
        "failed": failed,
        "batch_completed": run["exit_code"] in (0, 3),
        **{k: run[k] for k in keys},
        "slowest_document": slowest,
        "per_document": times,
        "problems": problems,
    }
    (out / "badinput.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
    print(
        f"inputs {len(expected)}  records {len(records)}  failed {failed}  exit {run['exit_code']}  "
        f"wall {run['wall_s']} s  CPU {run['cpu_s']} s  peak RSS {run['peak_rss_mb']} MB"
    )
    for row in times:
        print(
            f"  {row['input']:28} {row['chars']:>8} chars {row['seconds']:>7.2f} CPU s ({row['wall_s']:>6.1f} wall)"
            f"  budget {row['budget_s']:>6.1f} s  {row['error']}"
        )
    print("problems: " + ("; ".join(problems) if problems else "none"))
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
