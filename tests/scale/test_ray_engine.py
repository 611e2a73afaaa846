"""The Ray engine gives what the local engine gives: the same records, event ids and mention counts.

A planted corpus (cross-shard exact and near copies, one paragraph repeated in other reports) goes through the
one-process runner and through Ray with two workers and small batches, so copies and their originals are coded
by different workers; the outputs are compared record for record and the stores event for event.
"""

from __future__ import annotations

import os
import signal

import pytest

from eventscope.runner import CodeRun
from eventscope.scale import RayRun, count_documents, iter_sources, read_records
from eventscope.settings import Settings

from .conftest import jsonl_records, planted_corpus, store_snapshot, write_corpus

pytestmark = pytest.mark.slow


def _local(corpus, tmp_path, name="local"):
    output, db = tmp_path / f"{name}.jsonl", str(tmp_path / f"{name}.duckdb")
    CodeRun(Settings(batch_size=8), output=str(output), db=db).run([str(corpus)])
    return jsonl_records([output]), store_snapshot(db)


def _ray(corpus, tmp_path, name="ray", on_batch=None):
    shards, db = tmp_path / name, str(tmp_path / f"{name}.duckdb")
    summary = RayRun(Settings(batch_size=8), output=str(shards), db=db, workers=2, on_batch=on_batch).run([str(corpus)])
    return jsonl_records(sorted(shards.glob("part-*.jsonl"))), store_snapshot(db), summary


def _assert_equal_runs(local, ray) -> None:
    (local_records, (local_counts, local_events)), (ray_records, (ray_counts, ray_events)) = local, ray
    assert ray_records.keys() == local_records.keys()
    for doc_id, record in local_records.items():
        assert ray_records[doc_id] == record, doc_id
    assert ray_counts == local_counts
    assert ray_events == local_events


EQUALITY_DOCS = int(os.environ.get("EVENTSCOPE_EQUALITY_DOCS", "200"))
"""200 in CI (~1.5 min); the 2,000-document version is the same test with EVENTSCOPE_EQUALITY_DOCS=2000."""


def test_ray_and_local_engines_give_identical_records_and_events(local_ray, tmp_path):
    docs = planted_corpus(EQUALITY_DOCS)
    corpus = write_corpus(docs, tmp_path / "corpus.jsonl")
    local = _local(corpus, tmp_path)
    ray = _ray(corpus, tmp_path)
    _assert_equal_runs(local, ray[:2])
    records, (_, events) = local
    # the comparison is not vacuous: copies were found across shards, and one happening has several reports
    copies = {doc_id: r["duplicate_of"] for doc_id, r in records.items() if r["duplicate_of"]}
    assert {d for d in copies if d.startswith(("copy-", "near-"))} == {
        d["id"] for d in docs if d["id"].startswith(("copy-", "near-"))
    }
    assert all(records[d]["events"] for d in copies if records[copies[d]]["events"])
    coded_apart = [
        e
        for e, (_, reports) in events.items()
        if len({doc for doc, _, _ in reports if not records[doc]["duplicate_of"]}) > 1
    ]
    assert coded_apart, "no happening was coded independently in two documents"
    # the Parquet shards hold every event row of the JSONL shards
    import pyarrow.parquet as pq

    rows = sum(pq.read_metadata(path).num_rows for path in (tmp_path / "ray").glob("part-*.parquet"))
    assert rows == sum(len(r["events"]) for r in records.values())


def test_rerun_is_a_no_op_and_a_killed_worker_loses_nothing(local_ray, tmp_path):
    corpus = write_corpus(planted_corpus(60, seed=11), tmp_path / "corpus.jsonl")
    local = _local(corpus, tmp_path)
    killed: list[int] = []

    def kill_one_worker(run: RayRun, records) -> None:
        if not killed:
            killed.append(run.worker_pids()[0])
            os.kill(killed[0], signal.SIGKILL)

    records, snapshot, summary = _ray(corpus, tmp_path, on_batch=kill_one_worker)
    assert killed and summary.documents == len(local[0])
    _assert_equal_runs(local, (records, snapshot))
    again = RayRun(
        Settings(batch_size=8), output=str(tmp_path / "ray"), db=str(tmp_path / "ray.duckdb"), workers=2
    ).run([str(corpus)])
    assert again.documents == 0 and again.skipped == len(local[0])
    assert jsonl_records(sorted((tmp_path / "ray").glob("part-*.jsonl"))) == records
    assert store_snapshot(str(tmp_path / "ray.duckdb")) == snapshot


def test_ray_into_postgres_stores_what_the_local_engine_stores_in_duckdb(local_ray, pg_url, tmp_path):
    corpus = write_corpus(planted_corpus(40, seed=13), tmp_path / "corpus.jsonl")
    local_records, local_store = _local(corpus, tmp_path)
    summary = RayRun(Settings(batch_size=8), db=pg_url, workers=2).run([str(corpus)])
    assert summary.documents == len(local_records)
    assert store_snapshot(pg_url) == local_store
    from eventscope.store import open_store

    with open_store(pg_url, read_only=True) as store:
        assert {d["doc_id"]: d for d in store.documents()} == local_records


def test_parquet_and_folder_inputs_read_like_the_jsonl_corpus(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    docs = planted_corpus(12, seed=3)
    pq.write_table(pa.Table.from_pylist(docs), tmp_path / "corpus.parquet")
    write_corpus(docs, tmp_path / "corpus.jsonl")
    folder = tmp_path / "reports"
    folder.mkdir()
    for number, doc in enumerate(docs[:3]):
        (folder / f"{number:02d}.txt").write_text(doc["text"], encoding="utf-8")
    from_parquet = list(iter_sources([str(tmp_path / "corpus.parquet")]))
    from_jsonl = list(iter_sources([str(tmp_path / "corpus.jsonl")]))
    assert [(d.doc_id, d.text, d.title, d.date) for d in from_parquet] == [
        (d.doc_id, d.text, d.title, d.date) for d in from_jsonl
    ]
    assert (
        count_documents([str(tmp_path / "corpus.parquet"), str(tmp_path / "corpus.jsonl"), str(folder)])
        == len(docs) * 2 + 3
    )
    assert [d.text for d in iter_sources([str(folder)])] == [d.text for d in from_jsonl[:3]]
    assert list(read_records(tmp_path / "no-such-folder")) == []
