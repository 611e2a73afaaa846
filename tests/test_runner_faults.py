"""Faults while running: kills at any moment, Ctrl-C, a full disk, two runs on one file, repeated documents.

The in-process tests drive ``CodeRun`` with a small stand-in pipeline (fast, deterministic, and free of the
models); the ``slow`` tests SIGKILL and SIGINT a real ``eventscope code`` process and compare the resumed
outputs with an uninterrupted run's.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from eventscope.errors import Interrupted, OutputBusy, OutputError
from eventscope.runner import CodeRun, JsonlOutput
from eventscope.settings import Settings
from stand_ins import StandInPipeline

REPO = Path(__file__).resolve().parents[1]
EVENTSCOPE = [sys.executable, "-c", "import sys; from eventscope.cli import main; sys.exit(main())"]


def write_corpus(path: Path, n: int, copies: dict[int, int] | None = None) -> Path:
    """``n`` short distinct reports; ``copies`` {copy position: original position} repeats some under new ids."""
    places = ["Kidal", "Gao", "Mopti", "Timbuktu", "Bamako", "Kayes", "Segou", "Sikasso"]
    docs = []
    for i in range(n):
        source = copies.get(i) if copies else None
        if source is not None:
            docs.append({"id": f"copy-{i}", "text": docs[source]["text"]})
            continue
        docs.append(
            {
                "id": f"doc-{i}",
                "text": f"Report {i}: fighters attacked a post near {places[i % 8]} at dawn "
                f"on day {i}. Officials counted {i + 2} people hurt and {i % 5} killed in district {i * 7}.",
            }
        )
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return path


def run(tmp_path: Path, corpus: Path, out: str | None, db: str | None, pipeline=None, batch: int = 4, **kw):
    settings = Settings(batch_size=batch)
    code_run = CodeRun(settings, output=out, db=db, pipeline=pipeline or StandInPipeline(settings), **kw)
    return code_run.run([str(corpus)])


def jsonl_by_id(path: Path) -> dict[str, dict]:
    return {r["doc_id"]: r for r in (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines())}


def store_state(db: Path) -> dict[str, object]:
    """Everything that must match an uninterrupted run: documents, events, mentions and their counts."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            "documents": sorted(con.execute("SELECT doc_id, duplicate_of, error, record FROM documents").fetchall()),
            "events": sorted(con.execute("SELECT event_id, mentions, first_doc_id, record FROM events").fetchall()),
            "mentions": sorted(con.execute("SELECT * FROM mentions").fetchall()),
        }
    finally:
        con.close()


# -- the commit point, in process ---------------------------------------------------------------------------


def test_a_crash_between_store_and_jsonl_is_repaired_from_the_store(tmp_path):
    corpus = write_corpus(tmp_path / "in.jsonl", 22, copies={15: 3})
    reference = run(tmp_path, corpus, str(tmp_path / "ref.jsonl"), str(tmp_path / "ref.duckdb"))
    assert reference.documents == 22
    out, db = tmp_path / "out.jsonl", tmp_path / "e.duckdb"
    with pytest.raises(RuntimeError):
        run(tmp_path, corpus, str(out), str(db), pipeline=StandInPipeline(fail_after=10))
    # a kill after the store committed a batch but before its JSONL lines were all written: lose two lines
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    out.write_text("".join(lines[:-2]) + lines[-2][:17], encoding="utf-8")
    stored_before = len(store_state(db)["documents"])
    assert stored_before > len(lines) - 2
    summary = run(tmp_path, corpus, str(out), str(db))
    assert summary.repaired == 2
    assert jsonl_by_id(out) == jsonl_by_id(tmp_path / "ref.jsonl")
    assert store_state(db) == store_state(tmp_path / "ref.duckdb")


def test_a_jsonl_from_a_run_without_the_store_fills_the_store(tmp_path):
    corpus = write_corpus(tmp_path / "in.jsonl", 13, copies={9: 2})
    run(tmp_path, corpus, str(tmp_path / "ref.jsonl"), str(tmp_path / "ref.duckdb"))
    out, db = tmp_path / "out.jsonl", tmp_path / "e.duckdb"
    run(tmp_path, corpus, str(out), None)  # --no-db
    pipeline = StandInPipeline()
    summary = run(tmp_path, corpus, str(out), str(db), pipeline=pipeline)
    assert pipeline.coded == [] and summary.repaired == 13  # nothing re-coded: copied from the JSONL
    assert store_state(db) == store_state(tmp_path / "ref.duckdb")
    assert jsonl_by_id(out) == jsonl_by_id(tmp_path / "ref.jsonl")


def test_a_copy_of_a_stored_document_carries_its_events_and_counts_a_mention(tmp_path):
    db = tmp_path / "e.duckdb"
    first = write_corpus(tmp_path / "first.jsonl", 3)
    run(tmp_path, first, str(tmp_path / "first.out.jsonl"), str(db))
    original = jsonl_by_id(tmp_path / "first.out.jsonl")["doc-1"]
    renamed = tmp_path / "renamed.jsonl"
    renamed.write_text(json.dumps({"id": "renamed-1", "text": original["text"]}) + "\n", encoding="utf-8")
    run(tmp_path, renamed, str(tmp_path / "second.jsonl"), str(db))
    copy = jsonl_by_id(tmp_path / "second.jsonl")["renamed-1"]
    assert copy["duplicate_of"] == "doc-1"
    assert [e["event_id"] for e in copy["events"]] == [e["event_id"] for e in original["events"]]
    event = copy["events"][0]
    assert event["mentions"] == 1 and [r["doc_id"] for r in event["reports"]] == ["renamed-1"]
    con = duckdb.connect(str(db), read_only=True)
    mentions = con.execute("SELECT mentions FROM events WHERE event_id = ?", [event["event_id"]]).fetchone()[0]
    con.close()
    assert mentions == 2


def test_a_copy_within_one_stdout_only_run_also_carries_the_events(tmp_path, capsys):
    corpus = write_corpus(tmp_path / "in.jsonl", 6, copies={5: 0})
    run(tmp_path, corpus, "-", None)
    records = {r["doc_id"]: r for r in map(json.loads, capsys.readouterr().out.splitlines())}
    assert records["copy-5"]["duplicate_of"] == "doc-0"
    assert records["copy-5"]["events"][0]["event_id"] == records["doc-0"]["events"][0]["event_id"]


def test_a_document_repeated_in_the_inputs_is_written_once(tmp_path):
    corpus = write_corpus(tmp_path / "in.jsonl", 4)
    out = tmp_path / "out.jsonl"
    settings = Settings(batch_size=2)
    CodeRun(settings, output=str(out), db=None, pipeline=StandInPipeline(settings)).run([str(corpus), str(corpus)])
    assert len(out.read_text(encoding="utf-8").splitlines()) == 4


def test_a_full_disk_on_the_jsonl_keeps_whole_batches_and_resumes(tmp_path, monkeypatch):
    corpus = write_corpus(tmp_path / "in.jsonl", 12)
    run(tmp_path, corpus, str(tmp_path / "ref.jsonl"), str(tmp_path / "ref.duckdb"))
    out, db = tmp_path / "out.jsonl", tmp_path / "e.duckdb"
    real_write = JsonlOutput.write_lines
    calls = []

    def fill_up(self, lines):
        calls.append(len(lines))
        if len(calls) == 2:  # half the batch reaches the disk, then it is full
            self.handle.write("".join(line for _, line in lines)[:100].encode())
            self.handle.flush()
            raise OSError(errno.ENOSPC, "No space left on device")
        real_write(self, lines)

    monkeypatch.setattr(JsonlOutput, "write_lines", lambda self, lines: _wrap_enospc(fill_up, self, lines))
    with pytest.raises(OutputError, match=r"disk full") as failure:
        run(tmp_path, corpus, str(out), str(db))
    assert failure.value.code == "E310" and "\n" not in failure.value.one_line()
    monkeypatch.setattr(JsonlOutput, "write_lines", real_write)
    run(tmp_path, corpus, str(out), str(db))
    assert jsonl_by_id(out) == jsonl_by_id(tmp_path / "ref.jsonl")
    assert store_state(db) == store_state(tmp_path / "ref.duckdb")


def _wrap_enospc(fill_up, self, lines):
    """The real write path turns OSError into E310; the stand-in raises inside it the same way."""
    try:
        fill_up(self, lines)
    except OSError as exc:
        raise OutputError(f"cannot write {self.path} (disk full): {exc.strerror}") from exc


def test_a_second_run_on_the_same_output_is_refused_while_the_first_holds_it(tmp_path):
    out = tmp_path / "out.jsonl"
    holder = JsonlOutput(out)
    try:
        with pytest.raises(OutputBusy) as refused:
            run(tmp_path, write_corpus(tmp_path / "in.jsonl", 3), str(out), None)
        assert refused.value.code == "E313"
    finally:
        holder.close()
    run(tmp_path, write_corpus(tmp_path / "in.jsonl", 3), str(out), None)  # free again
    assert len(jsonl_by_id(out)) == 3


def test_ctrl_c_finishes_the_batch_in_hand_then_stops(tmp_path):
    corpus = write_corpus(tmp_path / "in.jsonl", 30)
    out, db = tmp_path / "out.jsonl", tmp_path / "e.duckdb"
    settings = Settings(batch_size=4)
    code_run = CodeRun(settings, output=str(out), db=str(db), pipeline=None)

    class InterruptedPipeline(StandInPipeline):
        def annotate(self, sources, index=None):
            for n, record in enumerate(super().annotate(sources, index)):
                if n == 9:
                    os.kill(os.getpid(), signal.SIGINT)
                yield record

    code_run.pipeline = InterruptedPipeline(settings)
    with pytest.raises(Interrupted):
        code_run.run([str(corpus)])
    written = jsonl_by_id(out)
    assert 10 <= len(written) < 30
    assert {d[0] for d in store_state(db)["documents"]} == set(written)
    run(tmp_path, corpus, str(out), str(db))
    assert len(jsonl_by_id(out)) == 30


# -- real processes, killed -------------------------------------------------------------------------------


MODES = {
    "jsonl+db": lambda d: ["-o", str(d / "out.jsonl"), "--db", str(d / "e.duckdb")],
    "jsonl": lambda d: ["-o", str(d / "out.jsonl"), "--no-db"],
    "db": lambda d: ["--db", str(d / "e.duckdb")],
}


@pytest.fixture(scope="module")
def kill_corpus(tmp_path_factory):
    """80 short synthetic wire reports plus renamed copies of some, and one uninterrupted reference run."""
    from eventscope.evaluation.synthetic import generate_corpus

    folder = tmp_path_factory.mktemp("kill")
    docs = generate_corpus(80, seed=11)
    docs += [dict(doc, id=f"{doc['id']}-renamed") for doc in docs[5:70:9]]
    corpus = folder / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    reference = folder / "reference"
    reference.mkdir()
    _resume(corpus, MODES["jsonl+db"](reference))
    return corpus, reference


def _command(corpus: Path, args: list[str]) -> list[str]:
    return EVENTSCOPE + ["code", str(corpus), *args, "--batch-size", "8", "--no-progress", "--date", "2024-05-01"]


def _watched_size(args: list[str]) -> int:
    """What grows once per commit: the database's write-ahead log (a kill right after it grows lands between
    the store's commit and the JSONL's), else the JSONL."""
    if "--db" in args:
        wal = Path(args[args.index("--db") + 1] + ".wal")
        return wal.stat().st_size if wal.exists() else 0
    path = Path(args[args.index("-o") + 1])
    return path.stat().st_size if path.exists() else 0


def _interrupt(corpus: Path, args: list[str], commits: int, sig: int) -> subprocess.CompletedProcess:
    """Start a run and send ``sig`` as soon as it has committed ``commits`` more batches."""
    process = subprocess.Popen(_command(corpus, args), cwd=REPO, stderr=subprocess.PIPE, text=True)
    last, seen = _watched_size(args), 0
    while process.poll() is None and seen < commits:
        size = _watched_size(args)
        if size > last:
            seen += 1
        last = size
        time.sleep(0.01)
    if process.poll() is None:
        process.send_signal(sig)
    _, err = process.communicate(timeout=300)
    return subprocess.CompletedProcess(process.args, process.returncode, "", err)


def _resume(corpus: Path, args: list[str]) -> None:
    done = subprocess.run(_command(corpus, args), cwd=REPO, capture_output=True, text=True, timeout=300)
    assert done.returncode in (0, 3), done.stderr


def _differences(got, want, path: str = "") -> list[str]:
    """Where two JSON values differ (paths), so a failing comparison says what, not just that."""
    if isinstance(got, dict) and isinstance(want, dict):
        return [
            d
            for key in sorted(got.keys() | want.keys(), key=str)
            for d in _differences(got.get(key), want.get(key), f"{path}.{key}")
        ]
    if isinstance(got, list) and isinstance(want, list) and len(got) == len(want):
        return [d for i, (a, b) in enumerate(zip(got, want, strict=True)) for d in _differences(a, b, f"{path}[{i}]")]
    return [] if got == want else [f"{path}: {str(got)[:80]} != {str(want)[:80]}"]


def _assert_equal_to_reference(folder: Path, reference: Path, mode: str) -> None:
    if "jsonl" in mode:
        got, want = jsonl_by_id(folder / "out.jsonl"), jsonl_by_id(reference / "out.jsonl")
        assert sorted(got) == sorted(want)
        assert _differences(got, want) == []
    if "db" in mode:
        assert store_state(folder / "e.duckdb") == store_state(reference / "e.duckdb")


@pytest.mark.slow
@pytest.mark.parametrize("mode", list(MODES))
def test_sigint_then_sigkill_early_middle_late_then_resume_equals_an_uninterrupted_run(kill_corpus, tmp_path, mode):
    """Ctrl-C after the first commit (exit 130, one line), then kills after 2, 3 and 3 more commits of the
    ~11 batches, each followed by a re-run; the end state equals the uninterrupted reference run's."""
    corpus, reference = kill_corpus
    args = MODES[mode](tmp_path)
    stopped = _interrupt(corpus, args, 1, signal.SIGINT)
    lines = [line for line in stopped.stderr.splitlines() if line.strip()]
    assert stopped.returncode == 130, stopped.stderr
    assert len(lines) == 1 and lines[0].startswith("error [E340]:"), stopped.stderr
    for commits in (2, 3, 3):
        killed = _interrupt(corpus, args, commits, signal.SIGKILL)
        assert killed.returncode == -signal.SIGKILL, killed.stderr  # it was still running: a real kill
    _resume(corpus, args)
    _assert_equal_to_reference(tmp_path, reference, mode)
