"""The command line, driven in-process: coding, resuming, bad input, the store, exports, show."""

import io
import json

import jsonschema
import pytest

from eventscope.cli import main
from eventscope.schema import record_schema

pytestmark = pytest.mark.usefixtures("shared_models")  # `eventscope code` borrows the session's loaded models

REPORT = (
    "Rebel fighters attacked an army base near Kidal on Tuesday, killing four soldiers.\n"
    "The Malian government condemned the attack and vowed to punish those responsible.\n"
)
COPY_REPORT = REPORT.replace("\n", " \n")


@pytest.fixture()
def corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(REPORT, encoding="utf-8")
    (folder / "b.bin.txt").write_bytes(b"\x00\xff\x00binary junk")
    lines = [
        json.dumps({"id": "j1", "text": "Police arrested two journalists in Minsk.", "date": "2021-05-23"}),
        "{broken json",
        json.dumps({"id": "j2", "text": COPY_REPORT, "date": "2021-05-24"}),
    ]
    (folder / "c.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _records(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_code_reports_bad_documents_and_goes_on(corpus, tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    code = main(["code", str(corpus), "-o", str(out), "--db", str(tmp_path / "e.duckdb"), "--date", "2021-05-25"])
    assert code == 3  # some documents failed, the batch still finished
    records = _records(out)
    assert len(records) == 5
    schema = record_schema()
    for record in records:
        jsonschema.validate(record, schema)
    errors = [r["error"] for r in records if r["error"]]
    assert len(errors) == 2 and any("E102" in e for e in errors) and any("E104" in e for e in errors)
    summary = capsys.readouterr().err
    assert "2 failed" in summary
    by_id = {r["doc_id"]: r for r in records}
    assert by_id["j2"]["duplicate_of"] == next(r["doc_id"] for r in records if r["text"].startswith("Rebel"))
    attack = next(r for r in records if r["text"].startswith("Rebel"))
    assert any(e["event_type"] == "ASSAULT" and e["dead"] and e["dead"]["value"] == 4 for e in attack["events"])


def test_interrupted_run_resumes_without_losing_or_duplicating(corpus, tmp_path):
    out = tmp_path / "out.jsonl"
    main(["code", str(corpus), "-o", str(out), "--no-db"])
    complete = _records(out)
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    out.write_text("".join(lines[:2]) + lines[2][: len(lines[2]) // 2], encoding="utf-8")  # torn write
    main(["code", str(corpus), "-o", str(out), "--no-db"])
    resumed = _records(out)
    assert sorted(r["doc_id"] for r in resumed) == sorted(r["doc_id"] for r in complete)


def test_store_counts_a_copied_report_once_and_exports(corpus, tmp_path, capsys):
    db = tmp_path / "e.duckdb"
    main(["code", str(corpus), "--db", str(db), "--date", "2021-05-25"])
    main(["code", str(corpus), "--db", str(db), "--date", "2021-05-25"])  # re-run: nothing new
    from eventscope.store import EventStore

    with EventStore(db, read_only=True) as store:
        counts = store.counts()
        events = store.events()
    assert counts["documents"] == 5
    attack = next(e for e in events if e.event_type == "ASSAULT")
    assert attack.mentions == 2  # the syndicated copy is a second report, not a second event
    for fmt in ("csv", "parquet", "plover", "cameo", "jsonl"):
        target = tmp_path / f"events.{fmt}"
        assert main(["export", "--db", str(db), "--format", fmt, "-o", str(target)]) == 0
        assert target.stat().st_size > 0
    capsys.readouterr()
    assert main(["show", "--db", str(db)]) == 0
    assert "ASSAULT" in capsys.readouterr().out


def test_stdin_and_show_from_jsonl(tmp_path, monkeypatch, capsys):
    out = tmp_path / "s.jsonl"
    monkeypatch.setattr("sys.stdin", io.StringIO(REPORT))
    assert main(["code", "-", "-o", str(out), "--no-db", "--date", "2021-05-25"]) == 0
    capsys.readouterr()
    assert main(["show", str(out)]) == 0
    shown = capsys.readouterr().out
    assert "ASSAULT" in shown and "Kidal" in shown


def test_schema_command_prints_the_contract(capsys):
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "eventscope annotated document"


def test_every_command_and_setting_is_documented_in_the_readme():
    from pathlib import Path

    from eventscope.cli import build_parser
    from eventscope.settings import SETTINGS

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    commands = build_parser()._subparsers._group_actions[0].choices
    for command in commands:
        assert f"eventscope {command}" in readme, command
    for setting in SETTINGS:
        assert f"`{setting.name}`" in readme, setting.name


def test_show_without_a_database_is_a_clear_error(tmp_path, capsys):
    assert main(["show", "--db", str(tmp_path / "missing.duckdb")]) == 2
    assert "E300" in capsys.readouterr().err


def test_export_formats_and_eval_datasets_come_from_their_registries(monkeypatch):
    from eventscope.cli import build_parser
    from eventscope.evaluation.cli import EVALUATIONS
    from eventscope.store.export import EXPORT_FORMATS

    monkeypatch.setitem(EXPORT_FORMATS, "tsv-test", EXPORT_FORMATS["csv"])
    monkeypatch.setitem(EVALUATIONS, "gold-test", EVALUATIONS["dedup"])
    parser = build_parser()
    assert parser.parse_args(["export", "--format", "tsv-test", "-o", "x"]).format == "tsv-test"
    assert parser.parse_args(["eval", "gold-test"]).dataset == "gold-test"
    with pytest.raises(SystemExit):
        parser.parse_args(["export", "--format", "no-such-format", "-o", "x"])


def test_eval_scores_the_pipeline_of_the_event_model_asked_for(monkeypatch, tmp_path):
    """`eventscope eval DATASET --event-model M` hands the scorer a pipeline with that setting; without the flag the
    scorer builds its default one."""
    from eventscope.evaluation.cli import EVALUATIONS, Evaluation

    seen = []

    def score(path, limit, split, pipeline=None):
        seen.append(None if pipeline is None else pipeline.settings.event_model)
        return {"split": split, "score": 1.0}

    monkeypatch.setitem(EVALUATIONS, "probe", Evaluation(None, score, lambda *args: []))
    assert main(["eval", "probe", "--event-model", "accurate", "--json", str(tmp_path / "a.json")]) == 0
    assert main(["eval", "probe", "--json", str(tmp_path / "b.json")]) == 0
    assert seen == ["accurate", None]
    with pytest.raises(SystemExit):
        main(["eval", "probe", "--event-model", "slow"])
