import json

from eventscope.cli import main


def test_eval_dedup_prints_a_table_and_writes_json(tmp_path, capsys):
    out = tmp_path / "dedup.json"
    assert main(["eval", "dedup", "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "paragraphs.overall" in printed and "documents.overall" in printed
    scores = json.loads(out.read_text())
    assert 0.0 <= scores["paragraphs"]["overall"]["f1"] <= 1.0


def test_eval_errors_lists_what_was_missed(capsys):
    assert main(["eval", "dedup", "--errors"]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if line.startswith("{")]
    assert lines and all("text" in json.loads(line) for line in lines[:5])


def test_eval_reports_missing_gold_data(tmp_path, capsys):
    assert main(["eval", "re3d", str(tmp_path / "nowhere")]) == 2
    assert "no gold data" in capsys.readouterr().err
