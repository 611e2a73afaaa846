"""SIGKILL the Ray run's driver three times at different points, resume each time: nothing lost or doubled.

The final shards and store must equal an uninterrupted one-process run of the same corpus.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from .conftest import jsonl_records, planted_corpus, store_snapshot, write_corpus
from .test_ray_engine import _assert_equal_runs, _local

pytestmark = pytest.mark.slow


def _command(corpus, shards, db) -> list[str]:
    return [
        sys.executable,
        "-m",
        "eventscope.cli",
        "code",
        str(corpus),
        "--engine",
        "ray",
        "--workers",
        "2",
        "-o",
        str(shards),
        "--db",
        str(db),
        "--batch-size",
        "4",
        "--no-progress",
    ]


def _committed(shards) -> int:
    return len(list(shards.glob("part-*.jsonl"))) if shards.exists() else 0


def _run_and_kill(command, shards, after_shards: int, log) -> bool:
    """Start the run, SIGKILL its driver once ``after_shards`` shards exist; False if it finished first."""
    process = subprocess.Popen(command, stdout=log, stderr=log, start_new_session=True)
    try:
        deadline = time.monotonic() + 300
        while process.poll() is None and _committed(shards) < after_shards and time.monotonic() < deadline:
            time.sleep(0.05)
        if process.poll() is not None:
            return False
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        return True
    finally:
        try:  # the Ray processes the killed driver started (same session): leave nothing running
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def test_driver_killed_three_times_then_resumed_equals_an_uninterrupted_run(tmp_path):
    corpus = write_corpus(planted_corpus(48, seed=5), tmp_path / "corpus.jsonl")
    shards, db = tmp_path / "shards", tmp_path / "ray.duckdb"
    command = _command(corpus, shards, db)
    with (tmp_path / "runs.log").open("w") as log:
        kills = [_run_and_kill(command, shards, target, log) for target in (2, 5, 9)]
        assert all(kills), (tmp_path / "runs.log").read_text()[-2000:]
        finished = subprocess.run(command, stdout=log, stderr=log, timeout=600)
    local = _local(corpus, tmp_path)
    failed = any(record["error"] for record in local[0].values())  # exit 3 exactly when documents failed
    assert finished.returncode == (3 if failed else 0), (tmp_path / "runs.log").read_text()[-2000:]
    assert len({p.name.split("-")[1] for p in shards.glob("part-*.jsonl")}) >= 3  # several runs wrote shards
    ray = (jsonl_records(sorted(shards.glob("part-*.jsonl"))), store_snapshot(str(db)))
    _assert_equal_runs(local, ray)
