"""ACLED Asia 2015: conflict events as news reports them, note by note.

Each ACLED note (the ``notes`` column, written by ACLED's coders from news reports) is coded by the
full pipeline with its ``event_date`` as publication date. Per note we score (mapping and rules in
``docs/acled-mapping.md``):

* ``family_recall``: some coded event has a PLOVER type of the family ACLED's event type maps to
  (``ACLED_FAMILIES``; Riots/Protests split by ``inter1``: protesters -> PROTEST, rioters -> PROTEST or
  ASSAULT).
* ``location_50km``: for notes with ``geo_precision`` 1, the *primary* event (highest confidence among
  events of the mapped family, else among all events) has a location within 50 km of ACLED's point.
  A note with no event, or an event without coordinates, counts as wrong.
  ``location_reachable`` is the ceiling any text-only geocoder with our gazetteer has: the share of those notes
  that name (in a run of one to three words) some gazetteer place within 50 km of ACLED's point. ACLED's coders
  place an event from the whole source article; many notes name no place, or only a district or village the
  gazetteer lacks.  ``location_of_reachable`` is ``location_50km`` over that ceiling.
* ``death_toll``: for notes with fatalities > 0, the largest dead magnitude coded in the note equals
  ACLED's fatalities. ``false_dead_rate``: notes with 0 fatalities where a dead count > 0 was coded.
* ``state_agent_country``: for notes whose actor1 or actor2 is a state force ("Military Forces of
  India (2014-)", "Police Forces of Pakistan (2013-)"), some coded actor with sector MIL, POL or GOV
  has that country. ``state_agent_found`` only asks for a coded MIL/POL/GOV actor.
* ``events_per_note``: all coded events (negated ones included) over notes.

The default sample is the report split (``split_of(event_id_cnty, "acled")``) stratified by event
type: every event type gets at least ``MIN_PER_TYPE`` notes (or all it has), the rest of
``DEFAULT_SAMPLE`` notes go to the types in proportion to their size, chosen in hash order so the
sample is fixed. Because rare types are over-sampled, ``family_recall_weighted`` re-weights the
per-type recalls by each type's share of the split.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

from eventscope.evaluation.common import records_by_document
from eventscope.evaluation.splits import ACLED, in_split, split_bucket

DEFAULT_PATH = Path("..") / "shared" / "data" / "acled-asia-2015" / "acled_asia_2015.csv"
DEFAULT_SAMPLE = 600
MIN_PER_TYPE = 60
LOCATION_KM = 50.0
STATE_SECTORS = {"MIL", "POL", "GOV"}

ACLED_FAMILIES: dict[str, frozenset[str]] = {
    "Protesters": frozenset({"PROTEST"}),
    "Rioters": frozenset({"PROTEST", "ASSAULT"}),
    "Battle-No change of territory": frozenset({"ASSAULT"}),
    "Battle-Government regains territory": frozenset({"ASSAULT", "COERCE"}),
    "Battle-Non-state actors overtake territory": frozenset({"ASSAULT", "COERCE"}),
    "Violence against civilians": frozenset({"ASSAULT", "COERCE"}),
    "Remote violence": frozenset({"ASSAULT"}),
    "Strategic development": frozenset(
        {
            "COERCE",
            "MOBILIZE",
            "SANCTION",
            "AGREE",
            "CONSULT",
            "RETREAT",
            "CONCEDE",
            "COOPERATE",
            "AID",
            "THREATEN",
            "REJECT",
        }
    ),
    "Non-violent transfer of territory": frozenset({"RETREAT", "CONCEDE", "COERCE"}),
}
"""ACLED event type (Riots/Protests by actor kind) -> the PLOVER types that code it (docs/acled-mapping.md)."""

_STATE_FORCE = re.compile(r"^(Military|Police) Forces of (.+?)\s*(\([^)]*\))?$")


@dataclass(frozen=True)
class AcledNote:
    """One ACLED row, reduced to what is scored."""

    event_id: str
    date: str
    category: str  # a key of ACLED_FAMILIES
    event_type: str
    text: str
    lat: float
    lon: float
    geo_precision: int
    fatalities: int
    state_countries: tuple[str, ...]  # ISO alpha-3 of state forces among actor1/actor2
    source: str = ""  # the outlet(s) ACLED read, passed on as the document's source


def category(event_type: str, inter1: str) -> str:
    """The ACLED_FAMILIES key of a row: its event type, Riots/Protests split by who acted."""
    if event_type == "Riots/Protests":
        return "Rioters" if inter1.strip() == "5" else "Protesters"
    if event_type.lower() == "violence against civilians":  # six rows write "Violence Against Civilians"
        return "Violence against civilians"
    return event_type


@cache
def _country_codes() -> dict[str, str]:
    from importlib import resources

    rows = json.loads(resources.files("eventscope").joinpath("data/actors/countries.json").read_text("utf-8"))
    codes: dict[str, str] = {}
    for row in rows:
        for name in [row["name"], *row.get("aliases", [])]:
            codes.setdefault(name.lower(), row["iso3"])
    return codes


def state_force_country(actor: str) -> str | None:
    """ISO alpha-3 for "Military Forces of India (2014-)"-style ACLED actors; None for anyone else."""
    match = _STATE_FORCE.match(actor.strip())
    if not match:
        return None
    return _country_codes().get(match.group(2).strip().lower())


def _iso_date(value: str) -> str | None:
    try:
        return datetime.strptime(value.strip(), "%d-%B-%Y").date().isoformat()
    except ValueError:
        return None


def load_acled(path: Path, split: str | None = "report") -> list[AcledNote]:
    """Every note of one split with usable text, in file order."""
    notes = []
    with Path(path).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if not row["notes"].strip() or not in_split(row["event_id_cnty"], ACLED, split):
                continue
            states = {state_force_country(row[key]) for key in ("actor1", "actor2") if row.get(key)}
            notes.append(
                AcledNote(
                    event_id=row["event_id_cnty"],
                    date=_iso_date(row["event_date"]) or "",
                    category=category(row["event_type"], row.get("inter1", "")),
                    event_type=row["event_type"],
                    text=row["notes"],
                    lat=float(row["latitude"]),
                    lon=float(row["longitude"]),
                    geo_precision=int(row["geo_precision"] or 3),
                    fatalities=int(row["fatalities"] or 0),
                    state_countries=tuple(sorted(c for c in states if c)),
                    source=row.get("source", ""),
                )
            )
    return notes


def stratified_sample(
    notes: list[AcledNote], size: int = DEFAULT_SAMPLE, min_per_type: int = MIN_PER_TYPE
) -> list[AcledNote]:
    """A fixed sample: at least ``min_per_type`` per category, the rest proportional, in hash order."""
    by_category: dict[str, list[AcledNote]] = defaultdict(list)
    for note in sorted(notes, key=lambda n: split_bucket(n.event_id, "acled-sample")):
        by_category[note.category].append(note)
    if size >= len(notes):
        return notes
    floor = min(min_per_type, size // max(1, len(by_category)))  # a small --limit shrinks the floor too
    quota = {c: min(len(items), floor) for c, items in by_category.items()}
    left = size - sum(quota.values())
    if left > 0:
        spare = {c: len(items) - quota[c] for c, items in by_category.items()}
        total_spare = sum(spare.values()) or 1
        for c in by_category:
            quota[c] += int(left * spare[c] / total_spare)
    chosen = {n.event_id for c, items in by_category.items() for n in items[: quota[c]]}
    return [n for n in notes if n.event_id in chosen]


def evaluate_acled(
    path: Path = DEFAULT_PATH,
    split: str | None = "report",
    limit: int | None = DEFAULT_SAMPLE,
    pipeline=None,
    errors: bool = False,
) -> dict[str, Any]:
    """Score the pipeline on a stratified sample (``limit`` notes; 0/None: every note of the split)."""
    from eventscope.ingest.readers import make_document

    if pipeline is None:
        from eventscope.pipeline import Pipeline

        pipeline = Pipeline()
    population = load_acled(Path(path), split)
    notes = stratified_sample(population, limit) if limit else population
    sources = [
        make_document(n.text, doc_id=f"acled-{n.event_id}", date=n.date or None, source=n.source or None) for n in notes
    ]
    records = records_by_document(pipeline.annotate(sources))
    result = score_acled(notes, [records[f"acled-{n.event_id}"] for n in notes], errors)
    shares = Counter(n.category for n in population)
    recalls = result["by_type"]
    result["family_recall_weighted"] = (
        round(sum(shares[c] * recalls[c]["family_recall"] for c in recalls) / sum(shares[c] for c in recalls), 4)
        if recalls
        else 0.0
    )
    return {"dataset": "acled", "split": split or "all", "sample": len(notes), "population": len(population), **result}


def score_acled(notes: list[AcledNote], records: list, errors: bool = False) -> dict[str, Any]:
    """The metrics for pipeline records that answer ``notes`` one for one."""
    from eventscope.evaluation.geo import haversine_km

    tally: Counter[str] = Counter()
    per_type: dict[str, Counter[str]] = defaultdict(Counter)
    error_list: list[dict] = []
    for note, record in zip(notes, records, strict=True):
        events = list(record.events)
        family = ACLED_FAMILIES[note.category]
        in_family = [e for e in events if e.event_type in family and not e.negated]
        primary = max(in_family or events, key=lambda e: e.type_confidence, default=None)
        problems = []
        row = per_type[note.category]
        row["n"] += 1
        tally["notes"] += 1
        tally["events"] += len(events)
        row["events"] += len(events)
        found = bool(in_family)
        row["family"] += found
        tally["family"] += found
        if not found:
            problems.append("family")
        if note.geo_precision == 1:
            tally["geo_notes"] += 1
            location = primary.location if primary is not None else None
            near = bool(
                location
                and location.lat is not None
                and location.lon is not None
                and haversine_km(note.lat, note.lon, location.lat, location.lon) <= LOCATION_KM
            )
            tally["near"] += near
            tally["reachable"] += location_reachable(note.text, note.lat, note.lon)
            if not near:
                problems.append("location")
        dead = max((e.dead.value for e in events if e.dead is not None), default=0)
        if note.fatalities > 0:
            tally["fatal_notes"] += 1
            tally["toll_right"] += dead == note.fatalities
            if dead != note.fatalities:
                problems.append("death_toll")
        else:
            tally["nonfatal_notes"] += 1
            tally["false_dead"] += dead > 0
        if note.state_countries:
            tally["state_notes"] += 1
            state_actors = [
                m
                for e in events
                for a in (e.actor1, e.actor2)
                if a is not None
                for m in a.constituents()
                if m.sector in STATE_SECTORS
            ]
            tally["state_found"] += bool(state_actors)
            right = any(a.country in note.state_countries for a in state_actors)
            tally["state_right"] += right
            if not right:
                problems.append("state_country")
        if errors and problems:
            error_list.append(
                {
                    "event_id": note.event_id,
                    "acled_type": note.event_type,
                    "category": note.category,
                    "problems": problems,
                    "fatalities": note.fatalities,
                    "coded_dead": dead,
                    "state_countries": list(note.state_countries),
                    "acled_point": [note.lat, note.lon],
                    "note": note.text,
                    "events": [_describe(e) for e in events],
                }
            )

    def share(count: int, total: int) -> float:
        return round(count / total, 4) if total else 0.0

    result: dict[str, Any] = {
        "family_recall": share(tally["family"], tally["notes"]),
        "location_50km": share(tally["near"], tally["geo_notes"]),
        "location_reachable": share(tally["reachable"], tally["geo_notes"]),
        "location_of_reachable": share(tally["near"], tally["reachable"]),
        "death_toll": share(tally["toll_right"], tally["fatal_notes"]),
        "false_dead_rate": share(tally["false_dead"], tally["nonfatal_notes"]),
        "state_agent_country": share(tally["state_right"], tally["state_notes"]),
        "state_agent_found": share(tally["state_found"], tally["state_notes"]),
        "events_per_note": share(tally["events"], tally["notes"]),
        "counts": {
            "notes": tally["notes"],
            "geo_precision_1": tally["geo_notes"],
            "with_fatalities": tally["fatal_notes"],
            "with_state_forces": tally["state_notes"],
        },
        "by_type": {
            c: {
                "n": row["n"],
                "family_recall": share(row["family"], row["n"]),
                "events_per_note": share(row["events"], row["n"]),
            }
            for c, row in sorted(per_type.items())
        },
    }
    if errors:
        result["errors"] = error_list
    return result


_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@cache
def _gazetteer():
    from eventscope.geo.gazetteer import Gazetteer

    return Gazetteer.load()


def location_reachable(text: str, lat: float, lon: float, gazetteer=None) -> bool:
    """Whether the note names, in one to three consecutive words, any gazetteer place within ``LOCATION_KM`` of
    (``lat``, ``lon``): an oracle that always picks the right name and the right homonym."""
    from eventscope.evaluation.geo import haversine_km
    from eventscope.geo.normalize import name_key

    gaz = gazetteer or _gazetteer()
    words = _WORD.findall(text)
    for size in (1, 2, 3):
        for i in range(len(words) - size + 1):
            for candidate in gaz.candidates(name_key(" ".join(words[i : i + size]))):
                entry = gaz.entry(candidate)
                if haversine_km(lat, lon, entry.lat, entry.lon) <= LOCATION_KM:
                    return True
    return False


def _describe(event) -> str:
    def name(actor) -> str:
        return f"{actor.text}[{actor.country or '-'}/{actor.sector or '-'}]" if actor else "-"

    place = event.location.name if event.location is not None else None
    dead = f" dead={event.dead.value}" if event.dead is not None else ""
    return f"{event.event_type}({name(event.actor1)} -> {name(event.actor2)}) [{event.trigger.text}] @{place}{dead}"
