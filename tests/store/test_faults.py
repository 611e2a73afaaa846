"""The store under faults: files that are not (whole) eventscope databases, a full disk, a busy file.

Each fault is one ``StoreError`` with a stable code, never a DuckDB traceback, and committed batches survive.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import duckdb
import pytest

from eventscope.errors import StoreBusy, StoreError, StoreUnreadable, StoreWriteFailed
from eventscope.records import AnnotatedDocument
from eventscope.store import EventStore
from stand_ins import assault_event


def _record(i: int, size: int = 200) -> AnnotatedDocument:
    text = f"Report {i}: fighters attacked a post at dawn. " + "x" * size
    event = assault_event(f"ev{i:05d}", f"d{i}", date=None, sentence=(0, 44), trigger=(21, 29, "attacked"))
    return AnnotatedDocument(doc_id=f"d{i}", title=None, date=None, url=None, source=None, text=text, events=(event,))


@pytest.fixture()
def good_db(tmp_path) -> Path:
    path = tmp_path / "good.duckdb"
    with EventStore(path) as store:
        for start in range(0, 600, 100):
            store.add([_record(i, size=3000) for i in range(start, start + 100)])
    return path


def test_a_database_without_tables_is_e301(tmp_path):
    path = tmp_path / "empty.duckdb"
    duckdb.connect(str(path)).close()
    with pytest.raises(StoreUnreadable, match="not an eventscope database") as error:
        EventStore(path, read_only=True)
    assert error.value.code == "E301"


def test_another_programs_database_is_not_written_into(tmp_path):
    path = tmp_path / "theirs.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE invoices (id INTEGER)")
    con.close()
    with pytest.raises(StoreUnreadable, match="other tables"):
        EventStore(path)
    con = duckdb.connect(str(path), read_only=True)
    assert [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()] == ["invoices"]
    con.close()


@pytest.mark.parametrize("damage", ["truncated", "truncated_header", "corrupt_blocks", "text", "directory"])
def test_a_damaged_file_is_e301_on_open_or_read(good_db, tmp_path, damage):
    path = tmp_path / f"{damage}.duckdb"
    size = good_db.stat().st_size
    if damage == "truncated":
        shutil.copy(good_db, path)
        with path.open("r+b") as handle:
            handle.truncate(size // 2)
    elif damage == "truncated_header":
        shutil.copy(good_db, path)
        with path.open("r+b") as handle:
            handle.truncate(5000)
    elif damage == "corrupt_blocks":
        data = bytearray(good_db.read_bytes())
        for offset in range(size // 3, size, 4096):
            data[offset : offset + 64] = b"\xff" * 64
        path.write_bytes(bytes(data))
    elif damage == "text":
        path.write_text("my notes, not a database\n", encoding="utf-8")
    else:
        path.mkdir()
    with pytest.raises(StoreUnreadable) as error:
        with EventStore(path, read_only=True) as store:
            store.counts()
            list(store.documents())
            store.events()
    assert error.value.code == "E301"
    assert "\n" not in error.value.one_line()


class _FullDiskConnection:
    """A DuckDB connection whose COMMIT fails like a full disk; DuckDB then refuses ROLLBACK too."""

    def __init__(self, real) -> None:
        self.real = real

    def execute(self, sql, *args):
        if sql == "COMMIT":
            self.real.execute("ROLLBACK")
            raise duckdb.TransactionException('Failed to commit: Could not write file "x.wal": No space left on device')
        if sql == "ROLLBACK":
            raise duckdb.TransactionException("cannot rollback - no transaction is active")
        return self.real.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self.real, name)


def test_a_failed_commit_reports_its_cause_not_cannot_rollback(tmp_path):
    path = tmp_path / "e.duckdb"
    with EventStore(path) as store:
        store.add([_record(1)])
        real = store.connection
        store.connection = _FullDiskConnection(real)
        with pytest.raises(StoreWriteFailed, match="No space left") as error:
            store.add([_record(2)])
        assert "cannot rollback" not in str(error.value) and error.value.code == "E302"
        store.connection = real
        assert store.known_doc_ids() == {"d1"}  # the batch before is kept, the failed one is not half there


@contextlib.contextmanager
def _tmpfs(folder: Path, size: str):
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (not root, or no mount permission)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def test_a_really_full_disk_keeps_every_committed_batch(tmp_path):
    with _tmpfs(tmp_path / "small", "1m") as small:
        path = small / "e.duckdb"
        committed = 0
        with pytest.raises(StoreWriteFailed) as error:
            with EventStore(path) as store:
                for start in range(0, 10_000, 20):
                    store.add([_record(i, size=2000) for i in range(start, start + 20)])
                    committed += 20
        assert error.value.code == "E302" and "cannot rollback" not in str(error.value)
        assert committed > 0
        copy = tmp_path / "copy.duckdb"
        shutil.copy(path, copy)
        wal = Path(f"{path}.wal")
        if wal.exists():
            shutil.copy(wal, f"{copy}.wal")
    with EventStore(copy, read_only=True) as store:
        assert store.counts()["documents"] == committed


def test_a_database_held_by_another_process_is_e303(tmp_path):
    path = tmp_path / f"{uuid.uuid4().hex}.duckdb"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb, sys, time; c = duckdb.connect({str(path)!r}); print('open', flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreBusy) as error:
            EventStore(path)
        assert error.value.code == "E303"
    finally:
        holder.kill()
        holder.wait()


def test_every_store_error_is_one_line_with_a_code():
    error = StoreError("first line\nsecond line\n  third")
    assert error.one_line() == "error [E300]: first line second line third"
