"""The dedup set's copies are the kinds they claim, and the evaluation's numbers are sane."""

from __future__ import annotations

import random

import pytest

from eventscope.dedup.detector import fingerprint
from eventscope.evaluation.dedup import build_dedup_set, dedup_errors, evaluate_dedup, light_edit, rewrap
from eventscope.ingest.normalize import normalize_text


@pytest.fixture(scope="module")
def dedup_set():
    return build_dedup_set(seed=0, paragraph_cases=6, documents=60)


def _words(text: str) -> list[str]:
    return normalize_text(text).split()


def test_document_copies_are_what_they_claim(dedup_set):
    by_id = {doc.doc_id: doc for doc in dedup_set.documents}
    kinds = {doc.kind for doc in dedup_set.documents}
    assert {"original", "verbatim", "rewrapped", "edited", "boilerplate", "similar"} <= kinds
    for doc in dedup_set.documents:
        if doc.gold is None:
            continue
        original = by_id[doc.gold].text
        if doc.kind == "verbatim":
            assert doc.text == original
        elif doc.kind == "rewrapped":
            assert doc.text != original and fingerprint(doc.text) == fingerprint(original)
        elif doc.kind == "edited":
            assert fingerprint(doc.text) != fingerprint(original)
            assert abs(len(_words(doc.text)) - len(_words(original))) <= 10
        elif doc.kind == "boilerplate":
            assert original.split("\n\n")[-1] in doc.text and "All rights reserved." in doc.text


def test_similar_documents_share_actors_not_text(dedup_set):
    similar = [doc for doc in dedup_set.documents if doc.kind == "similar"]
    assert similar
    texts = {doc.text for doc in dedup_set.documents if doc.kind == "original"}
    assert all(doc.text not in texts for doc in similar)


def test_paragraph_gold_points_at_an_earlier_paragraph(dedup_set):
    for case in dedup_set.paragraph_cases:
        lines = case.text.split("\n")
        assert len(lines) == len(case.gold) == len(case.kinds)
        for index, (gold, kind) in enumerate(zip(case.gold, case.kinds, strict=True)):
            if kind == "verbatim":
                assert lines[index] == lines[gold]
            elif kind == "rewrapped":
                assert fingerprint(lines[index]) == fingerprint(lines[gold])
            elif kind == "boilerplate":
                assert lines[gold] in lines[index] and lines[gold] != lines[index]
            elif kind == "edited":
                assert gold < index
            else:
                assert gold is None


def test_edits_are_light_and_rewrap_keeps_words():
    rng = random.Random(1)
    text = "Thousands of people marched through the centre of Kyiv on Monday, officials said."
    edited = light_edit(text, rng, 2)
    assert abs(len(edited.split()) - len(text.split())) <= 2
    long_text = "\n\n".join([text] * 3)
    assert fingerprint(rewrap(long_text, rng)) == fingerprint(long_text)


@pytest.mark.slow  # a whole evaluation run over the full generated set, like the gate
def test_evaluate_dedup_is_sane():
    scores = evaluate_dedup(seed=0)
    for level in ("paragraphs", "documents"):
        result = scores[level]
        assert result["per_kind"]["verbatim"]["recall"] == 1.0
        assert result["per_kind"]["rewrapped"]["recall"] == 1.0
        assert 0.5 <= result["overall"]["precision"] <= 1.0
        assert 0.5 <= result["overall"]["recall"] <= 1.0
        assert result["negatives"]["original"]["false_alarm_rate"] < 0.05


def test_errors_carry_text(dedup_set, monkeypatch):
    from eventscope.evaluation import dedup

    monkeypatch.setattr(dedup, "build_dedup_set", lambda seed=0, **sizes: dedup_set)  # the small set: speed
    errors = dedup_errors(seed=0, limit=5)
    assert errors and all(e["text"] and e["error"] in ("miss", "false alarm") for e in errors)
