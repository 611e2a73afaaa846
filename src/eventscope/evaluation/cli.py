"""``eventscope eval DATASET [PATH]``: run one evaluation, print a table, optionally JSON and errors."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.console import Console, Group
from rich.table import Table

SHARED = Path("..") / "shared" / "data"


@dataclass(frozen=True)
class Evaluation:
    """How to run one evaluation: its default gold path, its scorer and its error lister.

    Both take (gold path, limit, split, pipeline); split is ``tune``, ``report`` or ``all`` (see ``splits.py``);
    pipeline is the one to score (None: the default settings'), used by the evaluations that code events.
    """

    default_path: Path | None
    score: Callable[[Path | None, int | None, str, Any], dict]
    errors: Callable[[Path | None, int | None, str, Any], list[dict]]


def _re3d(path, limit, split, pipeline=None):
    from eventscope.evaluation.re3d import evaluate_re3d

    return evaluate_re3d(Path(path), pipeline=pipeline, limit=limit, split=split)


def _re3d_errors(path, limit, split, pipeline=None):
    return _re3d(path, limit, split, pipeline)["errors"]


def _polnear(path, limit, split, pipeline=None):
    from eventscope.evaluation.polnear import evaluate_polnear

    return evaluate_polnear(Path(path), limit=limit, split=split)


def _polnear_errors(path, limit, split, pipeline=None):
    from eventscope.evaluation.polnear import polnear_errors

    return polnear_errors(Path(path), limit=limit, split=split)


def _geo(path, limit, split, pipeline=None):
    from eventscope.evaluation.geo import evaluate_geo

    return evaluate_geo(Path(path), limit=limit, split=split)


def _geo_errors(path, limit, split, pipeline=None):
    from eventscope.evaluation.geo import geo_errors

    return geo_errors(Path(path), limit=limit, split=split)


def _plover(path, limit, split, pipeline=None):
    from eventscope.evaluation.plover import evaluate_plover

    return evaluate_plover(Path(path), split=split, pipeline=pipeline)


def _plover_errors(path, limit, split, pipeline=None):
    from eventscope.evaluation.plover import plover_errors

    return plover_errors(Path(path), split=split, pipeline=pipeline)


def _plv(path, limit, split, pipeline=None):
    from eventscope.evaluation.plv import evaluate_plv

    return evaluate_plv(Path(path), split=split, limit=limit, pipeline=pipeline, errors=True)


def _plv_errors(path, limit, split, pipeline=None):
    return _plv(path, limit, split, pipeline)["errors"]


def _acled(path, limit, split, pipeline=None):
    from eventscope.evaluation.acled import DEFAULT_SAMPLE, evaluate_acled

    return evaluate_acled(
        Path(path), split=split, limit=DEFAULT_SAMPLE if limit is None else limit, pipeline=pipeline, errors=True
    )


def _acled_errors(path, limit, split, pipeline=None):
    return _acled(path, limit, split, pipeline)["errors"]


def _dedup(path, limit, split, pipeline=None):
    """The dedup set is generated, never tuned on item by item: it has no split."""
    from eventscope.evaluation.dedup import evaluate_dedup

    return {"split": "all (generated set)", **evaluate_dedup()}


def _dedup_errors(path, limit, split, pipeline=None):
    from eventscope.evaluation.dedup import dedup_errors

    return dedup_errors()


EVALUATIONS: dict[str, Evaluation] = {
    "re3d": Evaluation(SHARED / "re3d-dev", _re3d, _re3d_errors),
    "polnear": Evaluation(SHARED / "polnear-dev", _polnear, _polnear_errors),
    "geo": Evaluation(SHARED / "geo-dev" / "GeoWebNews.xml", _geo, _geo_errors),
    "plover": Evaluation(Path("data") / "plover_dev" / "sentences.jsonl", _plover, _plover_errors),
    "plv": Evaluation(SHARED / "plv-train" / "plv_train.tsv", _plv, _plv_errors),
    "acled": Evaluation(SHARED / "acled-asia-2015" / "acled_asia_2015.csv", _acled, _acled_errors),
    "dedup": Evaluation(None, _dedup, _dedup_errors),
}


def run_evaluation(
    dataset: str,
    path: str | None,
    json_out: str | None = None,
    errors: bool = False,
    limit: int | None = None,
    console: Console | None = None,
    split: str = "report",
    event_model: str | None = None,
) -> int:
    """Score one data set; ``event_model`` ("fast" / "accurate", None: the default) picks the pipeline's event
    model for the evaluations that code events."""
    console = console or Console(width=None if sys.stdout.isatty() else 140)
    evaluation = EVALUATIONS[dataset]
    gold = Path(path) if path else evaluation.default_path
    if gold is not None and not gold.exists():
        print(f"eventscope: no gold data at {gold}", file=sys.stderr)
        return 2
    pipeline = None
    if event_model is not None:
        from eventscope.pipeline import Pipeline
        from eventscope.settings import Settings

        pipeline = Pipeline(Settings(event_model=event_model))
    result = evaluation.score(gold, limit, split, pipeline)
    missed = result.pop("errors", None)
    scored = result.get("split", split)
    print(
        f"eventscope eval {dataset}: scored split {scored!r} (fixed hash split; see docs/quality.md)", file=console.file
    )
    console.print(metrics_table(f"eval {dataset} [{scored}]" + (f" ({gold})" if gold else ""), result))
    if errors:
        missed = missed if missed is not None else evaluation.errors(gold, limit, split, pipeline)
        for item in missed:  # one JSON object per line, unwrapped, for grep and jq
            print(json.dumps(item, ensure_ascii=False), file=console.file)
    if json_out:
        Path(json_out).write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


def metrics_table(title: str, result: dict[str, Any]) -> Group:
    """Nested metric dicts as rows (``names_by_type.Person``); rows with the same metrics share a table."""
    groups: dict[tuple[str, ...], list[tuple[str, dict[str, Any]]]] = {}
    for name, metrics in _metric_rows("", result):
        groups.setdefault(tuple(metrics), []).append((name, metrics))
    tables: list[Table] = []
    for columns, rows in groups.items():
        table = Table(title=title if not tables else None)
        if len(rows) == 1:  # one flat set of metrics reads best as a column
            table.add_column(rows[0][0] or "metric")
            table.add_column("value", justify="right")
            for column in columns:
                table.add_row(column, _fmt(rows[0][1].get(column)))
        else:
            table.add_column("")
            for column in columns:
                table.add_column(column, justify="right")
            for name, metrics in rows:
                table.add_row(name, *(_fmt(metrics.get(c)) for c in columns))
        tables.append(table)
    return Group(*tables)


def _metric_rows(path: str, value: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    scalars = {k: v for k, v in value.items() if not isinstance(v, (dict, list))}
    rows = [(path, scalars)] if scalars else []
    for key, child in value.items():
        if isinstance(child, dict):
            rows.extend(_metric_rows(f"{path}.{key}" if path else key, child))
    return rows


def _fmt(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)
