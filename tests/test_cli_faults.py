"""The command line against a hostile user and a faulty machine: every failure is ONE line
``error [E3xx]: ...`` with a non-zero exit, checked before work starts, and nobody's file is lost.

``code`` runs here use a stand-in pipeline (one event per document) so the tests exercise the run's paths
and stay fast; the real pipeline's kill tests are in ``test_runner_faults.py``.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import subprocess
from pathlib import Path

import duckdb
import pytest

from eventscope.cli import main
from stand_ins import StandInPipeline

REPO = Path(__file__).resolve().parents[1]


class CrashingPipeline(StandInPipeline):
    def annotate(self, sources, index=None):
        raise RuntimeError("a bug nobody anticipated")
        yield  # pragma: no cover


@pytest.fixture(autouse=True)
def stand_in(monkeypatch):
    monkeypatch.setattr("eventscope.runner.Pipeline", StandInPipeline)


@pytest.fixture()
def corpus(tmp_path) -> Path:
    path = tmp_path / "in.jsonl"
    docs = [
        {"id": f"d{i}", "text": f"Fighters attacked post {i} at dawn. {i + 2} people were hurt."} for i in range(12)
    ]
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return path


def fails_with(capsys, code: str, argv: list[str]) -> str:
    """Run the command; it must fail with exactly one stderr line ``error [code]: ...``; returns that line."""
    capsys.readouterr()
    status = main(argv)
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.strip()]
    assert status != 0
    assert len(lines) == 1, err
    assert lines[0].startswith(f"error [{code}]: "), err
    return lines[0]


# -- -o checked before any work ---------------------------------------------------------------------------


def test_output_that_is_a_directory(corpus, tmp_path, capsys):
    fails_with(capsys, "E310", ["code", str(corpus), "-o", str(tmp_path), "--no-db"])


def test_output_in_a_missing_folder(corpus, tmp_path, capsys):
    fails_with(capsys, "E310", ["code", str(corpus), "-o", str(tmp_path / "nope" / "o.jsonl"), "--no-db"])


def test_an_existing_file_that_is_not_eventscope_output_is_kept(corpus, tmp_path, capsys):
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\nline two\n", encoding="utf-8")
    line = fails_with(capsys, "E311", ["code", str(corpus), "-o", str(notes), "--no-db"])
    assert "--force" in line
    assert notes.read_text(encoding="utf-8") == "my notes\nline two\n"
    assert main(["code", str(corpus), "-o", str(notes), "--no-db", "--force"]) == 0
    assert [json.loads(x)["doc_id"] for x in notes.read_text(encoding="utf-8").splitlines()][:2] == ["d0", "d1"]


def test_an_unrelated_jsonl_is_not_appended_to(corpus, tmp_path, capsys):
    other = tmp_path / "other.jsonl"
    other.write_text('{"id": 1, "text": "someone else\'s corpus"}\n', encoding="utf-8")
    before = other.read_bytes()
    fails_with(capsys, "E311", ["code", str(corpus), "-o", str(other), "--no-db"])
    assert other.read_bytes() == before


def test_output_that_is_the_input_file(corpus, capsys):
    before = corpus.read_bytes()
    fails_with(capsys, "E312", ["code", str(corpus), "-o", str(corpus), "--no-db"])
    assert corpus.read_bytes() == before


def test_output_inside_an_input_folder(corpus, tmp_path, capsys):
    fails_with(capsys, "E312", ["code", str(tmp_path), "-o", str(tmp_path / "coded.jsonl"), "--no-db"])
    assert not (tmp_path / "coded.jsonl").exists()


def test_output_and_database_the_same_file(corpus, tmp_path, capsys):
    same = str(tmp_path / "x.duckdb")
    fails_with(capsys, "E330", ["code", str(corpus), "-o", same, "--db", same])


def test_a_second_run_on_a_locked_output(corpus, tmp_path, capsys):
    out = tmp_path / "o.jsonl"
    with out.open("a") as holder:
        fcntl.flock(holder.fileno(), fcntl.LOCK_EX)
        fails_with(capsys, "E313", ["code", str(corpus), "-o", str(out), "--no-db"])
    assert main(["code", str(corpus), "-o", str(out), "--no-db"]) == 0


def test_a_damaged_line_in_the_middle_of_an_output_is_named_not_cut(corpus, tmp_path, capsys):
    out = tmp_path / "o.jsonl"
    assert main(["code", str(corpus), "-o", str(out), "--no-db"]) == 0
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    out.write_text("".join(lines[:3]) + "garbage\n" + "".join(lines[3:]), encoding="utf-8")
    before = out.read_bytes()
    line = fails_with(capsys, "E320", ["code", str(corpus), "-o", str(out), "--no-db"])
    assert f"{out}:4:" in line
    assert out.read_bytes() == before


def test_an_unexpected_crash_is_one_line(corpus, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("eventscope.runner.Pipeline", CrashingPipeline)
    line = fails_with(capsys, "E399", ["code", str(corpus), "-o", str(tmp_path / "o.jsonl"), "--no-db"])
    assert "RuntimeError" in line


@contextlib.contextmanager
def _mount(folder: Path, options: str):
    folder.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True)
    if done.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (not root, or no mount permission)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def test_output_and_database_on_a_read_only_filesystem(corpus, tmp_path, capsys):
    with _mount(tmp_path / "ro", "ro,size=100k") as ro:
        fails_with(capsys, "E310", ["code", str(corpus), "-o", str(ro / "o.jsonl"), "--no-db"])
        fails_with(capsys, "E302", ["code", str(corpus), "--db", str(ro / "e.duckdb")])


def test_a_full_disk_under_the_output_then_a_resume_elsewhere(tmp_path, capsys):
    corpus = tmp_path / "big.jsonl"
    docs = [
        {"id": f"b{i}", "text": f"Fighters attacked post {i} at dawn. " + "Words of the report. " * 150}
        for i in range(120)
    ]
    corpus.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    with _mount(tmp_path / "small", "size=200k") as small:
        out = small / "o.jsonl"
        line = fails_with(capsys, "E310", ["code", str(corpus), "-o", str(out), "--no-db", "--batch-size", "4"])
        assert "disk full" in line
        kept = out.read_bytes()
    complete = kept[: kept.rfind(b"\n") + 1]
    assert complete and all(json.loads(x)["doc_id"] for x in complete.splitlines())
    moved = tmp_path / "o.jsonl"
    moved.write_bytes(kept)
    assert main(["code", str(corpus), "-o", str(moved), "--no-db"]) == 0
    assert len(moved.read_text(encoding="utf-8").splitlines()) == 120


def test_a_full_disk_under_the_database_keeps_store_and_jsonl_equal(tmp_path, capsys):
    corpus = tmp_path / "big.jsonl"
    docs = [
        {"id": f"b{i}", "text": f"Fighters attacked post {i} at dawn. " + f"Words of report {i}. " * 150}
        for i in range(400)
    ]
    corpus.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    out = tmp_path / "o.jsonl"
    with _mount(tmp_path / "small", "size=1m") as small:
        db = small / "e.duckdb"
        line = fails_with(capsys, "E302", ["code", str(corpus), "-o", str(out), "--db", str(db)])
        assert "cannot rollback" not in line
        copy = tmp_path / "e.duckdb"
        copy.write_bytes(db.read_bytes())
        if Path(f"{db}.wal").exists():
            Path(f"{copy}.wal").write_bytes(Path(f"{db}.wal").read_bytes())
    con = duckdb.connect(str(copy), read_only=True)
    stored = {row[0] for row in con.execute("SELECT doc_id FROM documents").fetchall()}
    con.close()
    written = {json.loads(x)["doc_id"] for x in out.read_text(encoding="utf-8").splitlines()}
    assert stored and stored == written  # one commit point: the JSONL never runs ahead of the store


# -- show and export on files that are not what they should be --------------------------------------------


@pytest.fixture()
def coded(corpus, tmp_path) -> tuple[Path, Path]:
    out, db = tmp_path / "o.jsonl", tmp_path / "e.duckdb"
    assert main(["code", str(corpus), "-o", str(out), "--db", str(db)]) == 0
    return out, db


@pytest.mark.parametrize("damage", ["no_tables", "truncated", "corrupt", "text"])
@pytest.mark.parametrize("command", ["show", "export"])
def test_show_and_export_on_a_damaged_database(coded, tmp_path, capsys, damage, command):
    _, good = coded
    bad = tmp_path / f"{damage}.duckdb"
    if damage == "no_tables":
        duckdb.connect(str(bad)).close()
    elif damage == "text":
        bad.write_text("not a database\n", encoding="utf-8")
    else:
        con = duckdb.connect(str(good))
        con.execute("INSERT INTO documents (doc_id, text) SELECT 'pad' || range, repeat('x', 3000) FROM range(3000)")
        con.close()
        data = bytearray(good.read_bytes())
        if damage == "truncated":
            data = data[: len(data) // 2]
        else:
            for offset in range(len(data) // 3, len(data), 4096):
                data[offset : offset + 64] = b"\xff" * 64
        bad.write_bytes(bytes(data))
    argv = (
        ["show", "--db", str(bad)]
        if command == "show"
        else ["export", "--db", str(bad), "--format", "csv", "-o", str(tmp_path / "x.csv")]
    )
    fails_with(capsys, "E301", argv)


@pytest.mark.parametrize(
    "content, expect",
    [
        ('{"doc_id": "a", "text": "t", "events": []}\n{"doc_id": "b", "text": \n', ":2: malformed JSON"),
        ('{"id": "a", "text": "an input corpus, not coded output"}\n', ":1: not an eventscope record"),
        ('[{"doc_id": "a"}]\n', ":1: a JSON list"),
        ('{"doc_id": "a", "text": "t", "events": [{"event_id": "e1", "event_type": "ASSAULT"}]}\n', ":1: event 0"),
        ("\x00\xff\xfe binary\n", ":1:"),
    ],
)
def test_show_on_a_jsonl_that_is_not_coded_output(tmp_path, capsys, content, expect):
    path = tmp_path / "x.jsonl"
    path.write_bytes(content.encode("utf-8") if not content.startswith("\x00") else b"\x00\xff\xfe binary\n")
    line = fails_with(capsys, "E320", ["show", str(path)])
    assert f"{path}{expect}" in line


def test_export_does_not_overwrite_a_file_that_is_not_an_export(coded, tmp_path, capsys):
    _, db = coded
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\n", encoding="utf-8")
    fails_with(capsys, "E311", ["export", "--db", str(db), "--format", "csv", "-o", str(notes)])
    assert notes.read_text(encoding="utf-8") == "my notes\n"
    assert main(["export", "--db", str(db), "--format", "csv", "-o", str(notes), "--force"]) == 0
    for fmt in ("parquet", "plover", "cameo", "jsonl", "csv"):  # an earlier export of any format is replaced
        assert main(["export", "--db", str(db), "--format", fmt, "-o", str(notes)]) == 0


def test_export_onto_its_own_database_or_a_folder(coded, tmp_path, capsys):
    _, db = coded
    fails_with(capsys, "E312", ["export", "--db", str(db), "--format", "csv", "-o", str(db)])
    fails_with(capsys, "E310", ["export", "--db", str(db), "--format", "csv", "-o", str(tmp_path)])
    assert main(["show", "--db", str(db)]) == 0  # the database is untouched


class ClosedPipe:
    """stdout after ``| head`` has read its lines and left."""

    def __init__(self, spare) -> None:
        self.spare = spare

    def write(self, text):
        raise BrokenPipeError(32, "Broken pipe")

    def flush(self):
        raise BrokenPipeError(32, "Broken pipe")

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        return self.spare.fileno()


def test_show_into_a_closed_pipe_exits_quietly(coded, capsys, monkeypatch, tmp_path):
    out, db = coded
    with (tmp_path / "spare").open("w") as spare:
        monkeypatch.setattr("sys.stdout", ClosedPipe(spare))
        assert main(["show", str(out)]) == 141
        assert main(["show", "--db", str(db)]) == 141
    assert capsys.readouterr().err == ""


def test_code_to_a_closed_stdout_exits_quietly(corpus, capsys, monkeypatch, tmp_path):
    with (tmp_path / "spare").open("w") as spare:
        monkeypatch.setattr("sys.stdout", ClosedPipe(spare))
        assert main(["code", str(corpus), "-o", "-", "--no-db"]) == 141
    assert capsys.readouterr().err == ""
