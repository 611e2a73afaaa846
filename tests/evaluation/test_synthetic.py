"""The synthetic corpus is what benchmarks and the dedup evaluation assume: reproducible, varied, sized."""

from __future__ import annotations

import json

from eventscope.evaluation.synthetic import generate_corpus, write_jsonl


def test_same_seed_same_corpus_other_seed_other_corpus():
    assert generate_corpus(20, seed=3) == generate_corpus(20, seed=3)
    assert generate_corpus(20, seed=3) != generate_corpus(20, seed=4)


def test_documents_are_varied_and_complete():
    docs = generate_corpus(60)
    assert len({d["id"] for d in docs}) == 60
    assert len({d["text"] for d in docs}) == 60
    assert len({d["title"] for d in docs}) > 20
    assert all(set(d) == {"id", "title", "date", "source", "text"} for d in docs)
    lead_verbs = {d["text"].split("\n\n")[0].split(") - ", 1)[1].split()[2] for d in docs}
    assert len(lead_verbs) > 15


def test_short_and_long_sizes():
    short = generate_corpus(40, length="short")
    long = generate_corpus(8, length="long")
    short_words = sum(len(d["text"].split()) for d in short) / len(short)
    long_words = sum(len(d["text"].split()) for d in long) / len(long)
    assert 100 <= short_words <= 200
    assert 1000 <= long_words <= 2000
    assert all(3 <= len(d["text"].split("\n\n")) <= 5 for d in short)
    assert all(15 <= len(d["text"].split("\n\n")) <= 30 for d in long)


def test_write_jsonl_round_trips(tmp_path):
    docs = generate_corpus(5)
    path = write_jsonl(docs, tmp_path / "corpus.jsonl")
    assert [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] == docs
