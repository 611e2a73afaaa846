"""PETRARCH's discard list: conversion (scripts/convert_phoenix.py), matching (events/discards.py) and the coder's
``discarded_sentence`` veto on whole stories."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from eventscope.events.discards import Discards, discarded, read_discards

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "src" / "eventscope" / "data" / "discards.tsv"


def _converter():
    spec = importlib.util.spec_from_file_location("convert_phoenix", ROOT / "scripts" / "convert_phoenix.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)  # dataclasses look their module up while the script loads
    spec.loader.exec_module(module)
    return module


def _discards(tmp_path: Path, rows: list[str]) -> Discards:
    path = tmp_path / "discards.tsv"
    path.write_text("# test list\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return read_discards(path)


def test_convert_keeps_scope_and_match_and_drops_dates(tmp_path: Path) -> None:
    source = tmp_path / "Phoenix.discards.txt"
    source.write_text(
        "# comment line\n1998\n2001\n+World Cup   # pas 2014\nGROUP A_\nCRICKET   # SLS\n"
        "#NAZI   # commented out\n+ Grand  Prix\nYEARS AGO\nFIFTY YEARS AGO\nWEEKS LATER\n\n",
        encoding="utf-8",
    )
    rows = _converter().convert_discards(source)
    assert rows == [
        ("sentence", "stem", "cricket"),
        ("sentence", "word", "group a"),
        ("story", "stem", "grand prix"),
        ("story", "stem", "world cup"),
    ]


def test_shipped_list_has_licence_header_and_no_bare_numbers() -> None:
    lines = SHIPPED.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("#") and "MIT" in lines[0]
    rows = [line.split("\t") for line in lines if not line.startswith("#")]
    assert rows and all(len(row) == 3 for row in rows)
    assert not [row for row in rows if row[2].replace(" ", "").isdigit()]
    assert {row[0] for row in rows} == {"sentence", "story"}


@pytest.mark.skipif(
    not (ROOT.parent / "shared" / "data" / "petrarch2-dictionaries").exists(),
    reason="shared PETRARCH dictionaries not present",
)
def test_shipped_list_is_the_conversion_of_the_shared_file() -> None:
    module = _converter()
    rows = module.convert_discards(module.DEFAULT_DICTS / "Phoenix.discards.txt")
    shipped = [
        tuple(line.split("\t")) for line in SHIPPED.read_text(encoding="utf-8").splitlines() if not line.startswith("#")
    ]
    assert shipped == rows


def test_stem_matches_word_starts_only(tmp_path: Path) -> None:
    discards = _discards(tmp_path, ["sentence\tstem\tcricket", "sentence\tstem\tgrand prix"])
    assert discards.sentence_match("The Cricketers won again.") == "cricket"
    assert discards.sentence_match("He won the GRAND   PRIX in Monza.") == "grand prix"
    assert discards.sentence_match("A pocket cricket-like game.") == "cricket"
    assert discards.sentence_match("Minecricket is not a word start.") is None


def test_word_entries_need_a_word_end(tmp_path: Path) -> None:
    discards = _discards(tmp_path, ["sentence\tword\tgroup a"])
    assert discards.sentence_match("They play in Group A, with Spain.") == "group a"
    assert discards.sentence_match("It was Group A.") == "group a"
    assert discards.sentence_match("A group against the war formed.") is None
    assert discards.sentence_match("Group Alpha moved north.") is None


def test_story_and_sentence_scopes_are_separate(tmp_path: Path) -> None:
    discards = _discards(tmp_path, ["story\tstem\tworld cup", "sentence\tstem\tbowler"])
    assert discards.story_match("Fans came to the World Cup.") == "world cup"
    assert discards.sentence_match("Fans came to the World Cup.") is None
    assert discards.story_match("The bowler took three wickets.") is None


def test_bad_rows_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        _discards(tmp_path, ["paragraph\tstem\tcricket"])


def test_story_phrase_stops_every_sentence_of_the_document(run_coder) -> None:
    text = (
        "Russian troops attacked the Ukrainian port of Odesa on Monday. "
        "Later that day, fans of the Champions League final gathered in Kyiv."
    )
    doc, events, vetoed = run_coder(text)
    sentences = list(doc.sents)
    assert discarded(sentences[0]) == "champions league"
    assert not events
    attacked = next(t for t in doc if t.text == "attacked")
    assert (attacked.i, "discarded_sentence") in vetoed


def test_sentence_phrase_stops_only_its_sentence(run_coder) -> None:
    text = "Russian troops attacked the Ukrainian port of Odesa. The bowler attacked the stumps."
    doc, events, vetoed = run_coder(text)
    assert [e.trigger.text for e in events if e.entry.event_type == "ASSAULT"] == ["attacked"]
    assert events[0].trigger.i < list(doc.sents)[1].start
    assert any(name == "discarded_sentence" for _, name in vetoed)
