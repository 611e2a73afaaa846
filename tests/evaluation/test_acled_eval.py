"""``eval acled``: the ACLED-to-PLOVER mapping, the fixed stratified sample and the per-note scores."""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from eventscope.evaluation.acled import (
    ACLED_FAMILIES,
    AcledNote,
    category,
    evaluate_acled,
    load_acled,
    location_reachable,
    score_acled,
    state_force_country,
    stratified_sample,
)
from eventscope.evaluation.common import records_by_document
from eventscope.records import (
    Actor,
    AnnotatedDocument,
    Event,
    EventLocation,
    Magnitude,
    SentenceSpan,
    TextSpan,
)
from stand_ins import event_stand_in

COLUMNS = [
    "event_id_cnty",
    "event_date",
    "event_type",
    "actor1",
    "ally_actor_1",
    "inter1",
    "actor2",
    "ally_actor_2",
    "inter2",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
]


def acled_row(
    event_id: str,
    event_type: str,
    notes: str,
    actor1: str = "Protesters (India)",
    inter1: str = "6",
    actor2: str = "",
    fatalities: int = 0,
    geo_precision: int = 1,
) -> dict[str, str]:
    return {
        "event_id_cnty": event_id,
        "event_date": "03-March-2015",
        "event_type": event_type,
        "actor1": actor1,
        "ally_actor_1": "",
        "inter1": inter1,
        "actor2": actor2,
        "ally_actor_2": "",
        "inter2": "",
        "country": "India",
        "admin1": "",
        "admin2": "",
        "admin3": "",
        "location": "Town",
        "latitude": "26.85",
        "longitude": "80.95",
        "geo_precision": str(geo_precision),
        "source": "The Hindu",
        "notes": notes,
        "fatalities": str(fatalities),
    }


def write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return path


def note(
    event_id: str = "1IND",
    category_name: str = "Protesters",
    fatalities: int = 0,
    geo_precision: int = 1,
    states: tuple[str, ...] = (),
) -> AcledNote:
    return AcledNote(
        event_id, "2015-03-03", category_name, category_name, "text", 26.85, 80.95, geo_precision, fatalities, states
    )


def coded(
    event_type: str,
    lat: float | None = None,
    lon: float | None = None,
    dead: int | None = None,
    actor1: Actor | None = None,
    confidence: float = 0.8,
) -> Event:
    location = (
        None
        if lat is None
        else EventLocation(None, None, None, None, "somewhere", lat, lon, "IND", None, None, 0.9, "sentence")
    )
    return event_stand_in(
        event_id=f"e{event_type}{confidence}",
        event_type=event_type,
        actor1=actor1,
        location=location,
        sentence=SentenceSpan(0, 4),
        trigger=TextSpan(0, 4, "text"),
        confidence=confidence,
        dead=Magnitude(dead, 0, 4, "text") if dead is not None else None,
    )


def record(doc_id: str, *events: Event) -> AnnotatedDocument:
    return AnnotatedDocument(
        doc_id=doc_id, title=None, date=None, url=None, source=None, text="text", events=tuple(events)
    )


def test_every_acled_event_type_has_a_family():
    for event_type in (
        "Battle-No change of territory",
        "Battle-Government regains territory",
        "Battle-Non-state actors overtake territory",
        "Violence against civilians",
        "Violence Against Civilians",
        "Remote violence",
        "Strategic development",
        "Non-violent transfer of territory",
    ):
        assert category(event_type, "1") in ACLED_FAMILIES
    assert category("Riots/Protests", "6") == "Protesters"
    assert category("Riots/Protests", "5") == "Rioters"
    assert ACLED_FAMILIES["Protesters"] == {"PROTEST"}


def test_state_forces_map_to_their_country():
    assert state_force_country("Military Forces of India (2014-)") == "IND"
    assert state_force_country("Police Forces of Pakistan (2013-)") == "PAK"
    assert state_force_country("Protesters (India)") is None
    assert state_force_country("Unidentified Armed Group (Myanmar)") is None


def test_load_reads_notes_dates_and_state_actors(tmp_path):
    rows = [acled_row(f"{n}IND", "Riots/Protests", f"Crowd number {n} marched.") for n in range(40)]
    rows.append(
        acled_row(
            "99IND",
            "Battle-No change of territory",
            "Troops clashed with rebels.",
            actor1="Military Forces of India (2014-)",
            inter1="1",
            fatalities=3,
        )
    )
    rows.append(acled_row("98IND", "Remote violence", "   ", inter1="2"))  # no text: nothing to code
    path = write_csv(tmp_path / "acled.csv", rows)
    notes = {n.event_id: n for n in load_acled(path, split="all")}
    assert "98IND" not in notes and len(notes) == 41
    battle = notes["99IND"]
    assert battle.date == "2015-03-03" and battle.state_countries == ("IND",) and battle.fatalities == 3
    tune, report = load_acled(path, split="tune"), load_acled(path, split="report")
    assert {n.event_id for n in tune}.isdisjoint(n.event_id for n in report)
    assert len(tune) + len(report) == 41


def test_sample_gives_rare_types_a_floor_and_is_fixed():
    notes = [note(f"{n}P", "Protesters") for n in range(900)] + [note(f"{n}B", "Remote violence") for n in range(50)]
    sample = stratified_sample(notes, size=200, min_per_type=30)
    counts = Counter(n.category for n in sample)
    assert counts["Remote violence"] >= 30
    assert 190 <= len(sample) <= 200
    reordered = stratified_sample(list(reversed(notes)), size=200, min_per_type=30)
    assert {n.event_id for n in reordered} == {n.event_id for n in sample}  # chosen by hash, not by file order
    assert stratified_sample(notes[:10], size=200) == notes[:10]


def test_scores_family_location_toll_and_state_country():
    police = Actor(0, 4, "police", "police", "IND", "POL")
    foreign_police = Actor(0, 4, "police", "police", "PAK", "POL")
    notes = [
        note("1", "Protesters"),
        note("2", "Battle-No change of territory", fatalities=4, states=("IND",)),
        note("3", "Remote violence", fatalities=2, geo_precision=3, states=("IND",)),
        note("4", "Rioters"),
    ]
    records = [
        record("1", coded("PROTEST", 26.9, 81.0)),  # ~6 km away
        record("2", coded("ASSAULT", 28.6, 77.2, dead=4, actor1=police), coded("COERCE", confidence=0.99)),
        record("3", coded("ASSAULT", dead=3, actor1=foreign_police)),
        record("4"),
    ]
    result = score_acled(notes, records)
    assert result["family_recall"] == 0.75
    assert result["location_50km"] == round(1 / 3, 4)  # note 3 is not precise enough to count
    assert result["death_toll"] == 0.5
    assert result["state_agent_country"] == 0.5 and result["state_agent_found"] == 1.0
    assert result["events_per_note"] == 1.0
    assert result["by_type"]["Rioters"]["family_recall"] == 0.0


def test_primary_event_of_the_family_gives_the_location():
    """A confident event of another family must not decide where the ACLED event was."""
    records = [record("1", coded("PROTEST", 26.9, 81.0, confidence=0.5), coded("CONSULT", 10.0, 10.0, confidence=0.99))]
    assert score_acled([note("1")], records)["location_50km"] == 1.0


def test_evaluate_codes_each_note_with_its_date(tmp_path):
    rows = [acled_row(f"{n}IND", "Riots/Protests", f"Crowd number {n} marched.") for n in range(12)]
    path = write_csv(tmp_path / "acled.csv", rows)
    seen = []

    class FakePipeline:
        def annotate(self, sources):
            for source in sources:
                seen.append(source.date)
                yield record(source.doc_id, coded("PROTEST"))

    result = evaluate_acled(path, split="all", limit=None, pipeline=FakePipeline())
    assert result["sample"] == 12 and result["family_recall"] == 1.0
    assert set(seen) == {"2015-03-03"}


@pytest.mark.parametrize("split", ["tune", "report"])
def test_evaluate_scores_only_the_requested_split(tmp_path, split):
    rows = [acled_row(f"{n}IND", "Riots/Protests", f"Crowd number {n} marched.") for n in range(30)]
    path = write_csv(tmp_path / "acled.csv", rows)

    class FakePipeline:
        def annotate(self, sources):
            for source in sources:
                yield record(source.doc_id)

    result = evaluate_acled(path, split=split, limit=None, pipeline=FakePipeline())
    assert result["split"] == split and result["sample"] == len(load_acled(path, split))


def test_small_limit_is_respected():
    notes = [note(f"{n}{c[:3]}", c) for c in ("Protesters", "Rioters", "Remote violence") for n in range(100)]
    assert len(stratified_sample(notes, size=30)) <= 30
    assert Counter(n.category for n in stratified_sample(notes, size=30)) == {
        "Protesters": 10,
        "Rioters": 10,
        "Remote violence": 10,
    }


def test_location_reachable_needs_a_named_place_near_the_point():
    """The ceiling counts a note only when it names some gazetteer place within 50 km of ACLED's point."""
    assert location_reachable("Police fired tear gas at protesters in Lucknow on Monday.", 26.85, 80.92)
    assert not location_reachable("Police fired tear gas at protesters in Lucknow on Monday.", 13.08, 80.27)
    assert not location_reachable("Police fired tear gas at protesters on Monday.", 26.85, 80.92)


def test_a_note_the_pipeline_finds_repeated_is_scored_with_the_coding_of_the_note_it_repeats(tmp_path):
    """ACLED writes one note for several events; the pipeline codes the text once and marks the copies."""
    rows = [acled_row(f"{n}IND", "Riots/Protests", f"Crowd number {n} marched.") for n in range(6)]
    rows += [acled_row("77IND", "Riots/Protests", "Crowd number 0 marched.")]
    path = write_csv(tmp_path / "acled.csv", rows)
    sources_seen = []

    class DeduplicatingPipeline:
        def annotate(self, sources):
            first: dict[str, str] = {}
            for source in sources:
                sources_seen.append(source.source)
                original = first.setdefault(source.text, source.doc_id)
                if original != source.doc_id:
                    yield replace(record(source.doc_id), duplicate_of=original)
                else:
                    yield record(source.doc_id, coded("PROTEST"))

    result = evaluate_acled(path, split="all", limit=None, pipeline=DeduplicatingPipeline())
    assert result["sample"] == 7 and result["family_recall"] == 1.0 and result["events_per_note"] == 1.0
    assert set(sources_seen) == {"The Hindu"}  # the outlet is passed on as the document's source


def test_records_by_document_follows_a_chain_of_repeats():
    a = record("a", coded("PROTEST"))
    b, c = replace(record("b"), duplicate_of="a"), replace(record("c"), duplicate_of="b")
    by_id = records_by_document([a, b, c, replace(record("d"), duplicate_of="gone")])
    assert by_id["b"] is a and by_id["c"] is a and by_id["d"].doc_id == "d"
