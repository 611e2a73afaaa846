"""Fast checks of the pieces around Ray: shard commits, leftovers of a killed run, progress lines."""

from __future__ import annotations

import io

from eventscope.records import AnnotatedDocument
from eventscope.scale.progress import RunProgress
from eventscope.scale.shards import ShardWriter, read_records


def _record(doc_id: str) -> AnnotatedDocument:
    return AnnotatedDocument(doc_id=doc_id, title=None, date=None, url=None, source=None, text=f"text {doc_id}")


def test_shards_commit_in_input_order_across_runs_and_drop_a_killed_runs_leftovers(tmp_path):
    first = ShardWriter(tmp_path)
    first.write([_record("a"), _record("b")])
    first.write([_record("c")])
    (tmp_path / "part-001-000002.parquet").write_bytes(b"half a shard")  # killed before its JSONL twin
    (tmp_path / "part-001-000002.jsonl.tmp").write_text('{"doc_id": "d"')
    second = ShardWriter(tmp_path)
    assert second.done_doc_ids() == {"a", "b", "c"}
    assert not (tmp_path / "part-001-000002.parquet").exists()
    assert not list(tmp_path.glob("*.tmp"))
    second.write([_record("d")])
    assert [r["doc_id"] for r in read_records(tmp_path)] == ["a", "b", "c", "d"]


def test_progress_logs_rate_and_eta_when_not_a_terminal():
    stream = io.StringIO()
    progress = RunProgress(total=10, bar=False, interval=0.0, stream=stream)
    progress.skip(2)
    progress.advance(4, 7)
    line = stream.getvalue().strip()
    assert line.startswith("coded 4/8 documents, 7 events,") and "docs/s" in line and "ETA" in line
    quiet = RunProgress(total=None, bar=False, interval=3600.0, stream=stream)
    quiet.advance(1, 0)
    assert stream.getvalue().strip() == line  # no second line before the interval
