"""``eval plv``: gold spans from the <s>/<t> marks, head-word coverage, and the type/dyad scores."""

from __future__ import annotations

import csv
from pathlib import Path

from eventscope.evaluation.plv import covers, evaluate_plv, head_span, load_plv, score_plv
from eventscope.evaluation.splits import split_of
from eventscope.records import Actor, AnnotatedDocument, Event, SentenceSpan, TextSpan
from stand_ins import event_stand_in

HEADER = ["sentence_id", "sentence", "marked_sentence", "source", "target", "plover_type", "modality"]
ROWS = [
    (
        "1",
        "The border guards of Ruritania detained two fishermen from Elbonia on Monday.",
        "<s>The border guards of Ruritania</s> detained <t>two fishermen from Elbonia</t> on Monday.",
        "The border guards of Ruritania",
        "two fishermen from Elbonia",
        "COERCE",
        "past",
    ),
    (
        "2",
        "Elbonia's foreign minister agreed to withdraw the remaining observers.",
        "<s>Elbonia's foreign minister</s> agreed to withdraw the remaining observers.",
        "Elbonia's foreign minister",
        "a recipient",
        "YIELD",
        "past",
    ),
    (
        "3",
        "Ruritania  offered aid to Elbonia and to Elbonia's farmers.",
        "<s>Ruritania</s>  offered aid to <t>Elbonia</t> and to <t>Elbonia</t>'s farmers.",
        "Ruritania",
        "Elbonia",
        "AID",
        "past",
    ),
]


def write_tsv(path: Path, rows=ROWS) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\")
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


def actor(text: str, sentence: str, occurrence: int = 0) -> Actor:
    start = -1
    for _ in range(occurrence + 1):
        start = sentence.index(text, start + 1)
    return Actor(start, start + len(text), text, text, None, None)


def event(
    event_type: str,
    sentence: str,
    trigger: str,
    actor1: Actor | None = None,
    actor2: Actor | None = None,
    confidence: float = 0.8,
    negated: bool = False,
) -> Event:
    start = sentence.index(trigger)
    return event_stand_in(
        event_id=f"e-{event_type}-{start}",
        event_type=event_type,
        actor1=actor1,
        actor2=actor2,
        sentence=SentenceSpan(0, len(sentence)),
        trigger=TextSpan(start, start + len(trigger), trigger),
        negated=negated,
        confidence=confidence,
    )


def record(doc_id: str, text: str, *events: Event) -> AnnotatedDocument:
    return AnnotatedDocument(
        doc_id=doc_id, title=None, date=None, url=None, source=None, text=text, events=tuple(events)
    )


def test_marks_become_spans_in_the_normalised_text(tmp_path):
    golds = load_plv(write_tsv(tmp_path / "plv.tsv"), split="all")
    first, second, third = golds
    assert first.text[slice(*first.source)] == "The border guards of Ruritania"
    assert [first.text[a:b] for a, b in first.targets] == ["two fishermen from Elbonia"]
    assert second.targets == () and second.target_text == ""  # "a recipient" is no target
    assert "  " not in third.text  # whitespace collapsed, spans still on the words
    assert [third.text[a:b] for a, b in third.targets] == ["Elbonia", "Elbonia"]


def test_split_filter_keeps_only_its_rows(tmp_path):
    path = write_tsv(tmp_path / "plv.tsv")
    for split in ("tune", "report"):
        ids = [g.sentence_id for g in load_plv(path, split=split)]
        assert ids == [row[0] for row in ROWS if split_of(row[0], "plv") == split]


def test_head_word_is_the_noun_before_post_modifiers():
    text = "The border guards of Ruritania and Elbonia's foreign minister"
    assert text[slice(*head_span(text, (0, 30)))] == "guards"
    start = text.index("Elbonia's")
    assert text[slice(*head_span(text, (start, len(text))))] == "minister"


def test_actor_covers_gold_only_through_the_head_word():
    sentence = ROWS[0][1]
    gold = (0, len("The border guards of Ruritania"))
    assert covers(actor("border guards", sentence), sentence, gold)
    assert not covers(actor("Ruritania", sentence), sentence, gold)  # the modifier alone is not the actor
    unanchored = Actor(None, None, "the guards", None, None, None)
    assert covers(unanchored, sentence, gold)
    assert not covers(None, sentence, gold)


def test_scores_type_top1_any_and_dyad(tmp_path):
    golds = load_plv(write_tsv(tmp_path / "plv.tsv"), split="all")
    s1, s2, s3 = (g.text for g in golds)
    records = [
        # top-1 is the confident ASSAULT (wrong), COERCE is among the events (any), and it carries the dyad
        record(
            "1",
            s1,
            event("ASSAULT", s1, "detained", confidence=0.9),
            event("COERCE", s1, "detained", actor("guards", s1), actor("fishermen", s1), confidence=0.6),
        ),
        # RETREAT counts as PLV's YIELD; no gold target, so the source alone makes the dyad
        record("2", s2, event("RETREAT", s2, "withdraw", actor("foreign minister", s2))),
        # the right type, but actor2 is "farmers", which covers neither <t>Elbonia</t>: no dyad
        record("3", s3, event("AID", s3, "offered", actor("Ruritania", s3), actor("farmers", s3))),
    ]
    result = score_plv(golds, records, "all")
    assert result["sentences"] == 3
    assert result["type_top1"] == round(2 / 3, 4)
    assert result["type_any"] == 1.0
    assert result["dyad"] == round(2 / 3, 4)
    assert result["source"] == 1.0
    assert result["by_type"]["COERCE"]["top1"] == 0.0 and result["by_type"]["YIELD"]["top1"] == 1.0
    assert result["by_type"]["ASSAULT"]["predicted"] == 1


def test_sentence_without_events_and_negated_events_count_as_wrong(tmp_path):
    golds = load_plv(write_tsv(tmp_path / "plv.tsv"), split="all")
    s1, s2, s3 = (g.text for g in golds)
    records = [
        record("1", s1),
        record("2", s2, event("RETREAT", s2, "withdraw", negated=True)),
        record("3", s3, event("AID", s3, "offered", actor("Ruritania", s3), actor("Elbonia", s3, 1))),
    ]
    result = score_plv(golds, records, "all", errors=True)
    assert result["type_top1"] == round(1 / 3, 4)
    assert result["no_event"] == round(2 / 3, 4)
    assert result["dyad"] == round(1 / 3, 4)  # the second <t> occurrence is an acceptable target
    assert {e["sentence_id"] for e in result["errors"]} == {"1", "2"}


def test_evaluate_runs_a_pipeline_on_each_sentence(tmp_path):
    class FakePipeline:
        def annotate(self, sources):
            for source in sources:
                text = source.text
                events = [event("AID", text, "offered", actor("Ruritania", text))] if "offered" in text else []
                yield record(source.doc_id, text, *events)

    result = evaluate_plv(write_tsv(tmp_path / "plv.tsv"), split="all", pipeline=FakePipeline())
    assert result["split"] == "all" and result["sentences"] == 3
    assert result["by_type"]["AID"]["top1"] == 1.0 and result["type_top1"] == round(1 / 3, 4)


def test_limit_takes_a_fixed_subset_across_the_file(tmp_path):
    rows = [
        (
            str(n),
            f"Ruritania met Elbonia number {n}.",
            f"<s>Ruritania</s> met <t>Elbonia</t> number {n}.",
            "Ruritania",
            "Elbonia",
            "CONSULT" if n < 50 else "ACCUSE",
            "past",
        )
        for n in range(100)
    ]
    path = write_tsv(tmp_path / "plv.tsv", rows)
    subset = load_plv(path, split="all", limit=20)
    assert len(subset) == 20 and subset == load_plv(path, split="all", limit=20)
    assert {g.event_type for g in subset} == {"CONSULT", "ACCUSE"}  # not just the first rows of the file
