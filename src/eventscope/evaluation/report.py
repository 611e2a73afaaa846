"""``make quality``: run every evaluation in full and write ``docs/quality.md`` with the date, commit and machine."""

from __future__ import annotations

import json
import os
import platform
import subprocess
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from eventscope.evaluation.gate import REPO, SHARED

RUNS: dict[str, tuple[str, Path | None]] = {
    "re3d": ("re3d", SHARED / "re3d-dev"),
    "polnear": ("polnear", SHARED / "polnear-dev"),
    "geo GeoWebNews": ("geo", SHARED / "geo-dev" / "GeoWebNews.xml"),
    "geo LGL": ("geo", SHARED / "geo-dev" / "lgl.xml"),
    "plover (held-out test split)": ("plover", REPO / "data" / "plover_dev" / "sentences.jsonl"),
    "dedup (generated set)": ("dedup", None),
}


def run_all() -> dict[str, Any]:
    from eventscope.evaluation.cli import EVALUATIONS

    results: dict[str, Any] = {}
    for title, (name, path) in RUNS.items():
        started = time.perf_counter()
        result = EVALUATIONS[name].score(path, None)
        result.pop("errors", None)
        result["seconds"] = round(time.perf_counter() - started, 1)
        results[title] = result
    return results


def render(results: dict[str, Any], bench: dict[str, Any] | None) -> str:
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=REPO)
    lines = [
        "# eventscope quality report",
        "",
        f"- date: {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}",
        f"- commit: {commit.stdout.strip() or 'unknown'}",
        f"- machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}",
        "- regenerate: `make quality` (evaluations) after `make bench` (speed)",
        "",
    ]
    for title, result in results.items():
        lines += [f"## {title}", "", "```json", json.dumps(result, indent=1, ensure_ascii=False), "```", ""]
    if bench:
        lines += ["## benchmark (`make bench`)", "", "```json", json.dumps(bench, indent=1), "```", ""]
    return "\n".join(lines)


def main() -> int:
    results = run_all()
    bench_path = REPO / "bench-results" / "bench.json"
    bench = json.loads(bench_path.read_text()) if bench_path.exists() else None
    out = REPO / "docs" / "quality.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text(render(results, bench), encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
