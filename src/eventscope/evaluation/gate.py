"""The evaluation gate: quick runs of every evaluation checked against pinned floors.

Floors live in ``quality/baseline.json`` with a SHA-256 of the gold data they were measured on.
A floor sits a little under the number measured when it was set; ``python -m
eventscope.evaluation.gate --raise`` raises floors a change has earned, and it refuses to lower
one unless ``--lower "reason"`` is given, which is recorded in the file (never silently).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[3]
SHARED = REPO.parent / "shared" / "data"
BASELINE = REPO / "quality" / "baseline.json"
MARGIN = 0.02
"""Floors sit this far under the measured value: run-to-run noise is zero (deterministic), so this
only absorbs harmless changes elsewhere in the pipeline."""


@dataclass(frozen=True)
class Check:
    """One quick evaluation: the gold it reads, how to run it, and which metrics are gated."""

    gold: Path | None
    run: Callable[[], dict]
    metrics: tuple[str, ...]


def _checks() -> dict[str, Check]:
    from eventscope.evaluation import acled, dedup, geo, plover, plv, polnear, re3d

    return {
        "re3d": Check(
            SHARED / "re3d-dev",
            lambda: re3d.evaluate_re3d(SHARED / "re3d-dev"),
            ("names.f1", "names.recall", "dyads.recall", "dyads.precision"),
        ),
        "polnear": Check(
            SHARED / "polnear-dev",
            lambda: polnear.evaluate_polnear(SHARED / "polnear-dev", limit=30),
            ("direct_content_recall", "direct_speaker_recall", "direct_precision", "all_content_recall"),
        ),
        "geo_gwn": Check(
            SHARED / "geo-dev" / "GeoWebNews.xml",
            lambda: geo.evaluate_geo(SHARED / "geo-dev" / "GeoWebNews.xml", limit=60),
            ("precision", "recall", "accuracy@161km", "by_type.Literal.accuracy@161km"),
        ),
        "geo_lgl": Check(
            SHARED / "geo-dev" / "lgl.xml",
            lambda: geo.evaluate_geo(SHARED / "geo-dev" / "lgl.xml", limit=100),
            ("precision", "recall", "accuracy@161km"),
        ),
        "plover": Check(
            REPO / "data" / "plover_dev" / "sentences.jsonl",
            lambda: plover.evaluate_plover(REPO / "data" / "plover_dev" / "sentences.jsonl"),
            ("micro.f1", "macro.f1"),
        ),
        "dedup": Check(None, dedup.evaluate_dedup, ("paragraphs.overall.f1", "documents.overall.f1")),
        # report split only (eventscope.evaluation.splits): these two were never tuned on
        "plv": Check(
            SHARED / "plv-train" / "plv_train.tsv",
            lambda: plv.evaluate_plv(SHARED / "plv-train" / "plv_train.tsv", split="report"),
            ("type_top1", "type_any", "dyad"),
        ),
        # the accurate mode (event_model="accurate"; `make accurate-model` builds its model)
        "plv_accurate": Check(
            SHARED / "plv-train" / "plv_train.tsv",
            lambda: plv.evaluate_plv(SHARED / "plv-train" / "plv_train.tsv", split="report", pipeline=_accurate()),
            ("type_top1", "type_any", "dyad"),
        ),
        "acled": Check(
            SHARED / "acled-asia-2015" / "acled_asia_2015.csv",
            lambda: acled.evaluate_acled(SHARED / "acled-asia-2015" / "acled_asia_2015.csv", split="report"),
            ("family_recall", "location_50km", "death_toll", "state_agent_country"),
        ),
    }


def _accurate():
    """A pipeline in the accurate mode."""
    from eventscope.pipeline import Pipeline
    from eventscope.settings import Settings

    return Pipeline(Settings(event_model="accurate"))


def gold_hash(path: Path | None) -> str | None:
    """SHA-256 over the gold file or every file under the gold folder (sorted)."""
    if path is None:
        return None
    digest = hashlib.sha256()
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    for file in files:
        digest.update(file.name.encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()


def lookup(result: dict[str, Any], dotted: str) -> float:
    value: Any = result
    for part in dotted.split("."):
        value = value[part]
    return float(value)


def measure(name: str) -> dict[str, float]:
    check = _checks()[name]
    result = check.run()
    return {metric: lookup(result, metric) for metric in check.metrics}


def load_baseline() -> dict[str, Any]:
    return json.loads(BASELINE.read_text(encoding="utf-8")) if BASELINE.exists() else {}


def verify(name: str) -> list[str]:
    """Problems with one gated evaluation (empty when it passes)."""
    entry = load_baseline().get(name)
    if entry is None:
        return [f"{name}: no floors in {BASELINE}"]
    check = _checks()[name]
    if entry.get("gold_sha256") != gold_hash(check.gold):
        return [f"{name}: gold data differs from the data the floors were measured on; re-measure"]
    measured = measure(name)
    return [
        f"{name}: {metric} = {measured[metric]:.4f} < floor {floor:.4f}"
        for metric, floor in entry["floors"].items()
        if measured[metric] < floor
    ]


def update(names: list[str], lower_reason: str | None) -> None:
    baseline = load_baseline()
    for name in names:
        check = _checks()[name]
        measured = measure(name)
        entry = baseline.setdefault(name, {"floors": {}})
        for metric, value in measured.items():
            floor = round(max(0.0, value - MARGIN), 4)
            old = entry["floors"].get(metric)
            if old is not None and floor < old:
                if not lower_reason:
                    print(
                        f"{name}.{metric}: refusing to lower floor {old} -> {floor} (use --lower REASON)",
                        file=sys.stderr,
                    )
                    continue
                entry.setdefault("lowered", []).append(
                    {"metric": metric, "from": old, "to": floor, "reason": lower_reason, "date": str(date.today())}
                )
            if old is None or floor > old or lower_reason:
                entry["floors"][metric] = floor
        entry["gold_sha256"] = gold_hash(check.gold)
        entry["measured"] = {k: round(v, 4) for k, v in measured.items()}
        entry["date"] = str(date.today())
    BASELINE.parent.mkdir(parents=True, exist_ok=True)
    BASELINE.write_text(json.dumps(baseline, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="check or raise the evaluation floors")
    parser.add_argument("names", nargs="*", help="evaluations (default: all)")
    parser.add_argument("--raise", dest="raise_floors", action="store_true", help="re-measure and raise floors")
    parser.add_argument("--lower", default=None, help="allow lowering floors, recording this reason")
    args = parser.parse_args(argv)
    names = args.names or list(_checks())
    if args.raise_floors or args.lower:
        update(names, args.lower)
        return 0
    problems = [p for name in names for p in verify(name)]
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
