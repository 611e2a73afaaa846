"""The eventness fit's level correction: the record's confidence is shifted to the share of right records on sheets
drawn from articles nobody had read, and which sheets those are is read from the sheets themselves."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]


def _script():
    spec = importlib.util.spec_from_file_location("train_eventness", ROOT / "scripts" / "train_eventness.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _sheet(path: Path, articles: list[str]) -> Path:
    rows = [{"source": "lgl", "article": a, "verdict": "right"} for a in articles]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_the_shift_makes_the_mean_confidence_the_share_of_right_records():
    train = _script()
    predicted = np.array([0.2, 0.4, 0.6, 0.8])
    right = np.array([0, 0, 1, 0])
    shift = train.base_rate_shift(predicted, right)
    assert shift < 0
    assert abs(train._shifted(predicted, shift).mean() - 0.25) < 1e-6
    # the order of the records, which is what the weights learnt, is kept
    assert list(np.argsort(train._shifted(predicted, shift))) == list(np.argsort(predicted))


def test_no_rows_means_no_shift():
    assert _script().base_rate_shift(np.array([]), np.array([])) == 0.0


def test_a_sheet_is_unread_when_no_earlier_sheet_held_any_of_its_articles(tmp_path):
    first = _sheet(tmp_path / "2026-01-01-tune-a.jsonl", ["1", "2"])
    again = _sheet(tmp_path / "2026-01-02-tune-b.jsonl", ["2", "3"])
    fresh = _sheet(tmp_path / "2026-01-03-tune-c.jsonl", ["4", "5"])
    assert _script().unread_sheets([fresh, again, first]) == {first.name, fresh.name}
