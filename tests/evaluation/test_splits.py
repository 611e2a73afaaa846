"""The tune/report split is fixed, near its intended size, and never puts an item on both sides."""

from __future__ import annotations

import subprocess
import sys

import pytest

from eventscope.evaluation.splits import DATASETS, REPORT_FRACTION, filter_split, in_split, split_of

KEYS = [f"doc-{number}" for number in range(4000)]


def test_assignment_is_stable_across_processes() -> None:
    """A fresh interpreter (new hash seed) must assign the same keys the same way."""
    here = [split_of(key, "plv") for key in KEYS[:200]]
    code = (
        "from eventscope.evaluation.splits import split_of\n"
        "print(''.join(split_of(f'doc-{n}', 'plv')[0] for n in range(200)))"
    )
    env_out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONHASHSEED": "12345", "PATH": ""},
    ).stdout.strip()
    assert env_out == "".join(split[0] for split in here)


@pytest.mark.parametrize("dataset", DATASETS)
def test_report_share_is_near_the_intended_fraction(dataset: str) -> None:
    report = sum(split_of(key, dataset) == "report" for key in KEYS)
    assert abs(report / len(KEYS) - REPORT_FRACTION) < 0.04


def test_tune_and_report_partition_the_items() -> None:
    tune = set(filter_split(KEYS, "acled", "tune", key=str))
    report = set(filter_split(KEYS, "acled", "report", key=str))
    assert not tune & report
    assert tune | report == set(KEYS)
    assert filter_split(KEYS, "acled", "all", key=str) == KEYS


def test_data_sets_split_independently() -> None:
    """The same key in two data sets must not land on the same side every time."""
    same = sum(split_of(key, "plv") == split_of(key, "acled") for key in KEYS)
    assert same < len(KEYS) * 0.6


def test_surrounding_whitespace_does_not_change_the_split() -> None:
    assert all(split_of(f" {key}\n", "re3d") == split_of(key, "re3d") for key in KEYS[:100])


def test_unknown_split_and_missing_data_set_are_refused() -> None:
    with pytest.raises(ValueError):
        in_split("doc-1", "plv", "train")
    with pytest.raises(ValueError):
        split_of("doc-1", "")


def test_eval_command_passes_the_split_and_says_which_it_scored(monkeypatch, tmp_path, capsys) -> None:
    from eventscope.cli import main
    from eventscope.evaluation import cli as evaluation_cli

    asked: list[str] = []

    def score(path, limit, split, pipeline=None):
        asked.append(split)
        return {"split": split, "type_top1": 0.5}

    gold = tmp_path / "plv.tsv"
    gold.write_text("sentence_id\n", encoding="utf-8")
    monkeypatch.setitem(evaluation_cli.EVALUATIONS, "plv", evaluation_cli.Evaluation(gold, score, lambda *a: []))
    assert main(["eval", "plv"]) == 0
    assert main(["eval", "plv", "--split", "tune"]) == 0
    assert asked == ["report", "tune"]
    printed = capsys.readouterr().out
    assert "scored split 'report'" in printed and "scored split 'tune'" in printed
