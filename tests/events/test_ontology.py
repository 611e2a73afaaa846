"""Tests for the PLOVER ontology, the trigger lexicon and the labelled development set."""

from __future__ import annotations

import json
import re
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from eventscope.events.ontology import FAMILIES, load_ontology

REPO = Path(__file__).resolve().parents[2]
DEV_SET = REPO / "data" / "plover_dev" / "sentences.jsonl"
CAMEO_RE = re.compile(r"^\d{2,4}$")

PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip
# Types for which the manual (v2.0 draft) defines a mode table.
TYPES_WITH_MODES = {
    "CONSULT", "RETREAT", "REQUEST", "ACCUSE", "REJECT", "THREATEN",
    "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip
MODALITIES = {"asserted", "future", "hypothetical"}
MIN_PER_TYPE = 20


def _triggers() -> list[dict[str, str]]:
    text = resources.files("eventscope").joinpath("data/triggers.tsv").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    header = lines[0].split("\t")
    assert header == ["lemma", "pos", "event_type", "mode", "cameo", "note"]
    return [dict(zip(header, ln.split("\t"), strict=True)) for ln in lines[1:]]


def _dev() -> list[dict[str, Any]]:
    with DEV_SET.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


# --- ontology -----------------------------------------------------------------------------


def test_sixteen_types() -> None:
    onto = load_ontology()
    assert set(onto.event_types) == PLOVER_TYPES
    assert len(onto.event_types) == 16


def test_modes_where_manual_defines_them() -> None:
    onto = load_ontology()
    for t in onto.event_types:
        if t in TYPES_WITH_MODES:
            assert onto.modes(t), f"{t} should have modes"
        else:
            assert onto.modes(t) == [], f"{t} has no modes in the manual"
    assert set(onto.modes("REQUEST")) == set(onto.modes("REJECT"))
    assert "crowd-control" in onto.modes("ASSAULT")
    assert "martial-law" in onto.modes("COERCE")


def test_families_and_cameo_codes() -> None:
    onto = load_ontology()
    for t in onto.event_types:
        assert onto.family(t) in FAMILIES
        assert CAMEO_RE.match(onto.cameo_for(t)), t
        for m in onto.modes(t):
            assert CAMEO_RE.match(onto.cameo_for(t, m)), (t, m)
    assert Counter(onto.family(t) for t in onto.event_types) == {
        "verbal_cooperation": 4,
        "material_cooperation": 3,
        "verbal_conflict": 4,
        "material_conflict": 5,
    }


def test_contexts() -> None:
    onto = load_ontology()
    assert len(onto.contexts) >= 35
    for c in ("military", "pro_autocracy", "human_security", "cbrn", "cyber", "illegal_drugs", "trafficking"):
        assert c in onto.contexts
    assert all(isinstance(v, str) and v for v in onto.contexts.values())


def test_is_valid_and_errors() -> None:
    onto = load_ontology()
    assert onto.is_valid("ASSAULT", "drone")
    assert onto.is_valid("AID", None)
    assert not onto.is_valid("AID", "military")
    assert not onto.is_valid("FIGHT", None)
    assert load_ontology() is onto
    with pytest.raises(KeyError):
        onto.cameo_for("ASSAULT", "nope")
    with pytest.raises(KeyError):
        onto.modes("CRIME")


# --- trigger lexicon ------------------------------------------------------------------------


def test_trigger_rows_valid() -> None:
    onto = load_ontology()
    rows = _triggers()
    assert 400 <= len(rows) <= 800  # a curated lexicon: hundreds of rows, not the CAMEO dictionary's thousands
    for r in rows:
        assert r["lemma"] and r["lemma"] == r["lemma"].strip().lower(), r
        assert r["pos"] in {"VERB", "NOUN"}, r
        assert onto.is_valid(r["event_type"], r["mode"] or None), r
        assert CAMEO_RE.match(r["cameo"]), r
    assert {r["event_type"] for r in rows} == PLOVER_TYPES


# --- development set ------------------------------------------------------------------------


def test_dev_labels_valid_and_spans_exact() -> None:
    onto = load_ontology()
    rows = _dev()
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    assert len({r["text"] for r in rows}) == len(rows)
    for r in rows:
        assert set(r) == {"id", "text", "events", "split"}
        assert r["split"] in {"train", "test"}
        for ev in r["events"]:
            assert onto.is_valid(ev["event_type"], ev["mode"]), (r["id"], ev)
            assert ev["trigger"] and ev["trigger"] in r["text"], (r["id"], ev["trigger"])
            for key in ("actor1", "actor2"):
                assert ev[key] is None or ev[key] in r["text"], (r["id"], key, ev[key])
            assert isinstance(ev["negated"], bool)
            assert ev["modality"] in MODALITIES


def test_dev_coverage() -> None:
    rows = _dev()
    assert len(rows) >= 480
    per_type: Counter[str] = Counter()
    for r in rows:
        per_type.update({ev["event_type"] for ev in r["events"]})
    for t in PLOVER_TYPES:
        assert per_type[t] >= MIN_PER_TYPE, (t, per_type[t])
    assert sum(1 for r in rows if not r["events"]) >= 60
    modal = [r for r in rows if any(e["negated"] or e["modality"] != "asserted" for e in r["events"])]
    assert len(modal) >= 40


def test_split_has_every_type_in_test() -> None:
    rows = _dev()
    test = [r for r in rows if r["split"] == "test"]
    assert 0.2 <= len(test) / len(rows) <= 0.3
    in_test = {ev["event_type"] for r in test for ev in r["events"]}
    assert in_test == PLOVER_TYPES
    assert any(not r["events"] for r in test)
