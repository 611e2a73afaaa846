"""The PostgreSQL store against a real server (``EVENTSCOPE_TEST_PG``; ``.ci/run`` starts one).

Each test gets its own fresh database, so the tests can run in any order and leave nothing behind.
"""

from __future__ import annotations

import os
import threading
import uuid

import pytest

from eventscope.records import AnnotatedDocument
from eventscope.store import EventStore, export, open_store

from .test_database import _doc, _event

PG_URL = os.environ.get("EVENTSCOPE_TEST_PG")


def _require_server() -> str:
    if PG_URL:
        return PG_URL
    if os.environ.get("CI") or os.environ.get("EVENTSCOPE_REQUIRE_PG"):
        pytest.fail("EVENTSCOPE_TEST_PG is not set: .ci/run starts a PostgreSQL server for these tests")
    pytest.skip("no PostgreSQL server (set EVENTSCOPE_TEST_PG=postgresql://...)")


@pytest.fixture
def pg_url():
    """A URL to a new, empty database, dropped after the test."""
    import psycopg

    admin_url = _require_server()
    name = f"eventscope_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    base, _, _ = admin_url.rpartition("/")
    yield f"{base}/{name}"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _snapshot(store) -> tuple:
    """Everything a reader can see, in a comparable form."""
    events = sorted(
        (e.event_id, e.mentions, tuple(sorted((r.doc_id, r.start) for r in e.reports))) for e in store.events()
    )
    documents = sorted((d["doc_id"], d["duplicate_of"]) for d in store.documents())
    return store.counts(), events, documents


def _corpus() -> list[AnnotatedDocument]:
    docs = []
    for number in range(30):
        event_ids = [f"e{number % 7}", f"x{number}"]
        docs.append(_doc(f"d{number}", [_event(f"d{number}", event_id) for event_id in event_ids]))
    docs += [_doc(f"copy{n}", duplicate_of=f"d{n}") for n in range(0, 30, 5)]
    return docs


def test_open_store_picks_the_backend_by_url(pg_url, tmp_path):
    from eventscope.store.postgres import PostgresStore

    with open_store(pg_url) as store:
        assert isinstance(store, PostgresStore)
    with open_store(tmp_path / "e.duckdb") as store:
        assert isinstance(store, EventStore)


def test_same_event_reported_twice_is_stored_once_with_two_mentions(pg_url):
    with open_store(pg_url) as store:
        assert store.add([_doc("d1", [_event("d1")])]) == 1
        assert store.add([_doc("d2", [_event("d2")])]) == 1
        assert store.add([_doc("d1", [_event("d1")])]) == 0  # re-run: nothing duplicated
        events = store.events()
        assert store.known_doc_ids() == {"d1", "d2"}
    assert len(events) == 1
    assert events[0].mentions == 2
    assert {r.doc_id for r in events[0].reports} == {"d1", "d2"}


def test_copy_counts_a_mention_whether_stored_before_or_after_its_original(pg_url):
    with open_store(pg_url) as store:
        store.add([_doc("copy", duplicate_of="orig")])
        store.add([_doc("orig", [_event("orig")])])
        assert store.events()[0].mentions == 2
        assert [doc_id for doc_id, _ in store.document_texts()] == ["orig"]


def test_matches_the_duckdb_store_row_for_row(pg_url, tmp_path):
    docs = _corpus()
    with open_store(pg_url) as pg, EventStore(tmp_path / "e.duckdb") as duck:
        for start in range(0, len(docs), 8):
            pg.add(docs[start : start + 8])
            duck.add(docs[start : start + 8])
        assert _snapshot(pg) == _snapshot(duck)
        assert [e.event_id for e in pg.events()] == [e.event_id for e in duck.events()]
        assert export(pg, "csv", tmp_path / "pg.csv") == export(duck, "csv", tmp_path / "duck.csv")
    assert (tmp_path / "pg.csv").read_text() == (tmp_path / "duck.csv").read_text()


def test_two_concurrent_writers_leave_the_same_rows_as_one(pg_url, tmp_path):
    """Two writers race over overlapping batches (every document written by both): the rows equal one writer's."""
    import psycopg

    docs = _corpus()
    base, _, _ = pg_url.rpartition("/")
    single_url = f"{pg_url}_single"
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {single_url.rpartition('/')[2]}")
    try:
        with open_store(single_url) as store:
            for start in range(0, len(docs), 4):
                store.add(docs[start : start + 4])
            expected = _snapshot(store)
        open_store(pg_url).close()  # schema first, as a run's first connection does
        errors: list[BaseException] = []
        barrier = threading.Barrier(2)

        def writer(order: list[AnnotatedDocument]) -> None:
            try:
                with open_store(pg_url) as store:
                    barrier.wait()
                    for start in range(0, len(order), 3):
                        store.add(order[start : start + 3])
            except BaseException as exc:  # surfaced below
                errors.append(exc)

        threads = [threading.Thread(target=writer, args=(docs,)), threading.Thread(target=writer, args=(docs[::-1],))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert not errors
        with open_store(pg_url) as store:
            assert _snapshot(store) == expected
    finally:
        with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {single_url.rpartition('/')[2]} WITH (FORCE)")


def test_unreachable_server_is_a_store_error():
    from eventscope.errors import StoreError

    with pytest.raises(StoreError):
        open_store("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2")


def test_duckdb_counts_a_copy_stored_in_a_later_batch(tmp_path):
    """Regression (found by the row-for-row comparison): the copy's extra mention was stored but not counted."""
    with EventStore(tmp_path / "e.duckdb") as store:
        store.add([_doc("orig", [_event("orig")])])
        store.add([_doc("copy", duplicate_of="orig")])
        assert store.events()[0].mentions == 2


@pytest.mark.slow
def test_local_runner_codes_into_postgres_as_into_duckdb(pg_url, tmp_path):
    """`eventscope code --db postgresql://...` with the local engine: the rows of a DuckDB run, and resumable."""
    from eventscope.evaluation.synthetic import generate_corpus, write_jsonl
    from eventscope.runner import CodeRun
    from eventscope.settings import Settings

    docs = generate_corpus(10, seed=21)
    docs.append(dict(docs[2], id="copy-of-2"))
    corpus = str(write_jsonl(docs, tmp_path / "corpus.jsonl"))
    CodeRun(Settings(batch_size=4), db=str(tmp_path / "e.duckdb")).run([corpus])
    CodeRun(Settings(batch_size=4), db=pg_url).run([corpus])
    again = CodeRun(Settings(batch_size=4), db=pg_url).run([corpus])
    assert again.documents == 0 and again.skipped == len(docs)
    with open_store(pg_url) as pg, EventStore(tmp_path / "e.duckdb") as duck:
        assert _snapshot(pg) == _snapshot(duck)
        assert pg.counts()["events"] > 0
