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
    "plover (team's set)": ("plover", REPO / "data" / "plover_dev" / "sentences.jsonl"),
    "plv (PLV sentences)": ("plv", SHARED / "plv-train" / "plv_train.tsv"),
    "acled (ACLED Asia 2015 notes, 600-note stratified sample)": (
        "acled",
        SHARED / "acled-asia-2015" / "acled_asia_2015.csv",
    ),
    "dedup (generated set)": ("dedup", None),
}
SPLIT = "report"
"""Every number in docs/quality.md is on the report part of the fixed hash split (``splits.py``)."""
SPLIT_NOTE = (
    "Every evaluation below scores only the **report** part of its data set: a fixed hash split "
    "(`eventscope.evaluation.splits.split_of`, sha256 of `dataset:key`, about 45% report) that rules, "
    "lexicons and models must not be tuned on. The tune part is for looking at errors. "
    "`eventscope eval DATASET --split tune|report|all` scores either part; the dedup set is generated "
    "and has no split. Real-news precision comes from a human audit (`quality/audit/`), not from here."
)


def run_all() -> dict[str, Any]:
    from eventscope.evaluation.cli import EVALUATIONS

    results: dict[str, Any] = {}
    for title, (name, path) in RUNS.items():
        started = time.perf_counter()
        result = EVALUATIONS[name].score(path, None, SPLIT, None)
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
        f"- split: {SPLIT} (see below)",
        "",
        SPLIT_NOTE,
        "",
    ]
    for title, result in results.items():
        by_rule = result.get("precision_by_rule")
        result = {k: v for k, v in result.items() if k != "precision_by_rule"}
        lines += [f"## {title}", "", "```json", json.dumps(result, indent=1, ensure_ascii=False), "```", ""]
        lines += rule_table(by_rule) if by_rule else []
    if bench:
        lines += ["## benchmark (`make bench`)", "", "```json", json.dumps(bench, indent=1), "```", ""]
    return "\n".join(lines)


def rule_table(by_rule: dict[str, dict[str, Any]]) -> list[str]:
    """Markdown lines: precision per coder rule (``events/rules.py``), most used first."""
    lines = [
        "Precision per coder rule (events the rule took part in):",
        "",
        "| rule | events | correct | precision |",
        "|---|---:|---:|---:|",
    ]
    lines += [f"| {rule} | {m['events']} | {m['correct']} | {m['precision']:.3f} |" for rule, m in by_rule.items()]
    return [*lines, ""]


def main() -> int:
    results = run_all()
    bench_path = REPO / "bench-results" / "bench.json"
    bench = json.loads(bench_path.read_text()) if bench_path.exists() else None
    out = REPO / "docs" / "quality.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text(render(results, bench), encoding="utf-8")
    # the same numbers, machine-readable (the README's tables are filled from it)
    (out.parent / "quality.json").write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
