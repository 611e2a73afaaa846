import json

import pytest

from eventscope.cli import main


@pytest.fixture(autouse=True)
def small_dedup_set(monkeypatch):
    """These tests are about the command (table, JSON, error lines), not dedup quality, which
    test_dedup_eval.py and the quality gate measure: the dedup evaluation runs on a small generated set."""
    from eventscope.evaluation import dedup

    small = dedup.build_dedup_set(seed=0, paragraph_cases=6, documents=60)
    monkeypatch.setattr(dedup, "build_dedup_set", lambda seed=0, **sizes: small)


def test_eval_dedup_prints_a_table_and_writes_json(tmp_path, capsys):
    out = tmp_path / "dedup.json"
    assert main(["eval", "dedup", "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "paragraphs.overall" in printed and "documents.overall" in printed
    scores = json.loads(out.read_text())
    for level in ("paragraphs", "documents"):  # the JSON holds the numbers the table shows
        assert f"{scores[level]['overall']['f1']:.3f}" in printed


def test_eval_errors_lists_what_was_missed(capsys):
    assert main(["eval", "dedup", "--errors"]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if line.startswith("{")]
    assert lines and all("text" in json.loads(line) for line in lines[:5])


def test_eval_reports_missing_gold_data(tmp_path, capsys):
    assert main(["eval", "re3d", str(tmp_path / "nowhere")]) == 2
    assert "no gold data" in capsys.readouterr().err
