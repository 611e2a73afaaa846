"""Exports of stored events: JSONL (our record), CSV, Parquet, PLOVER's JSON layout, a CAMEO table."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from eventscope.records import Actor, Event, record_to_dict
from eventscope.store.database import EventStore

FLAT_COLUMNS = [
    "event_id",
    "event_type",
    "mode",
    "context",
    "cameo",
    "actor1_text",
    "actor1_name",
    "actor1_country",
    "actor1_sector",
    "actor2_text",
    "actor2_name",
    "actor2_country",
    "actor2_sector",
    "claimed_by",
    "place",
    "geonames_id",
    "lat",
    "lon",
    "place_country",
    "admin1",
    "location_precision",
    "date",
    "date_precision",
    "negated",
    "modality",
    "confidence",
    "mentions",
    "doc_id",
    "sentence_start",
    "sentence_end",
    "trigger",
    "doc_title",
    "doc_url",
    "sentence",
]

DocumentInfo = dict[str, dict[str, str | None]]  # doc_id -> {"title", "url", "text"}


def flat_row(event: Event, documents: DocumentInfo | None = None) -> dict[str, object]:
    """One flat row per event for tables (CSV, Parquet), with the title, url and sentence of its first report."""
    loc = event.location
    doc = (documents or {}).get(event.reports[0].doc_id if event.reports else "", {})
    row: dict[str, object] = {
        "event_id": event.event_id,
        "event_type": event.event_type,
        "mode": event.mode,
        "context": ";".join(event.context),
        "cameo": event.cameo,
        "claimed_by": _actor_label(event.claimed_by),
        "place": loc.name if loc else None,
        "geonames_id": loc.geonames_id if loc else None,
        "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None,
        "place_country": loc.country if loc else None,
        "admin1": loc.admin1 if loc else None,
        "location_precision": loc.precision if loc else None,
        "date": event.date,
        "date_precision": event.date_precision,
        "negated": event.negated,
        "modality": event.modality,
        "confidence": event.confidence,
        "mentions": event.mentions,
        "doc_id": event.reports[0].doc_id if event.reports else None,
        "sentence_start": event.sentence.start,
        "sentence_end": event.sentence.end,
        "trigger": event.trigger.text,
        "doc_title": doc.get("title"),
        "doc_url": doc.get("url"),
        "sentence": (doc.get("text") or "")[event.sentence.start : event.sentence.end] or None,
    }
    for key, actor in (("actor1", event.actor1), ("actor2", event.actor2)):
        row[f"{key}_text"] = actor.text if actor else None
        row[f"{key}_name"] = actor.name if actor else None
        row[f"{key}_country"] = actor.country if actor else None
        row[f"{key}_sector"] = actor.sector if actor else None
    return row


def plover_record(event: Event) -> dict[str, object]:
    """PLOVER's own JSON layout (manual, "Event data record" fields)."""
    loc = event.location
    return {
        "id": event.event_id,
        "date": event.date,
        "event": event.event_type,
        "mode": event.mode or "",
        "context": list(event.context),
        "actor": _actor_label(event.actor1) or "",
        "actor_country": event.actor1.country if event.actor1 else "",
        "actor_sector": event.actor1.sector if event.actor1 else "",
        "recipient": _actor_label(event.actor2) or "",
        "recipient_country": event.actor2.country if event.actor2 else "",
        "recipient_sector": event.actor2.sector if event.actor2 else "",
        # PLOVER's compound actors: the members of a list, and whether both sides did it to each other
        "actor_members": [_actor_label(m) for m in event.actor1.members] if event.actor1 else [],
        "recipient_members": [_actor_label(m) for m in event.actor2.members] if event.actor2 else [],
        "reciprocal": event.reciprocal,
        "source": _actor_label(event.claimed_by) or "",
        "location": {
            "name": loc.name,
            "lat": loc.lat,
            "lon": loc.lon,
            "country": loc.country,
            "admin1": loc.admin1,
            "geonamesID": loc.geonames_id,
            "precision": loc.precision,
        }
        if loc
        else None,
        "magnitude": {k: getattr(event, k).value for k in ("dead", "injured", "size") if getattr(event, k)},
        "negated": event.negated,
        "modality": event.modality,
        "confidence": event.confidence,
        "mentions": event.mentions,
        "cameo": event.cameo,
        "reports": [record_to_dict(r) for r in event.reports],
    }


def cameo_row(event: Event, documents: DocumentInfo | None = None) -> dict[str, object]:
    """A GDELT-like row: CAMEO code, root, quad class, actor codes, NumMentions, geo (ADM1Code: GeoNames admin1
    code such as ``IQ.14``), SOURCEURL: the first report's url."""
    loc = event.location
    doc = (documents or {}).get(event.reports[0].doc_id if event.reports else "", {})
    code = event.cameo or ""
    return {
        "GLOBALEVENTID": event.event_id,
        "SQLDATE": (event.date or "").replace("-", ""),
        "Actor1Name": _actor_label(event.actor1),
        "Actor1CountryCode": event.actor1.country if event.actor1 else None,
        "Actor1Type1Code": event.actor1.sector if event.actor1 else None,
        "Actor2Name": _actor_label(event.actor2),
        "Actor2CountryCode": event.actor2.country if event.actor2 else None,
        "Actor2Type1Code": event.actor2.sector if event.actor2 else None,
        "IsRootEvent": 1,
        "EventCode": code,
        "EventBaseCode": code[:3],
        "EventRootCode": code[:2],
        "QuadClass": _quad_class(code),
        "NumMentions": event.mentions,
        "ActionGeo_FullName": loc.name if loc else None,
        "ActionGeo_CountryCode": loc.country if loc else None,
        "ActionGeo_ADM1Code": admin1_code(loc.country, loc.admin1) if loc else None,
        "ActionGeo_Lat": loc.lat if loc else None,
        "ActionGeo_Long": loc.lon if loc else None,
        "ActionGeo_FeatureID": loc.geonames_id if loc else None,
        "SOURCEURL": doc.get("url"),
    }


@lru_cache(maxsize=1)
def _admin1_codes() -> dict[tuple[str, str], str]:
    """(ISO alpha-3, admin1 name lowercased) -> GeoNames admin1 code, from the shipped geo tables."""
    geo = resources.files("eventscope.data") / "geo"
    iso3 = {}
    for line in (geo / "countries.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        cols = line.split("\t")
        iso3[cols[0]] = cols[1]
    codes: dict[tuple[str, str], str] = {}
    for line in (geo / "admin1.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        code, name, ascii_name = line.split("\t")[:3]
        country = iso3.get(code.split(".")[0])
        if country:
            codes.setdefault((country, name.lower()), code)
            codes.setdefault((country, ascii_name.lower()), code)
    return codes


def admin1_code(country: str | None, admin1: str | None) -> str | None:
    """GeoNames admin1 code (``IQ.14``) of a place's admin1 name; None when unknown."""
    if not country or not admin1:
        return None
    return _admin1_codes().get((country, admin1.lower()))


def _quad_class(code: str) -> int | None:
    if not code[:2].isdigit():
        return None
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def _actor_label(actor: Actor | None) -> str | None:
    return (actor.name or actor.text) if actor else None


def _write_jsonl(rows: list[dict], out: Path) -> None:
    with out.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def _write_csv(rows: list[dict], out: Path) -> None:
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]) if rows else FLAT_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)


def _write_parquet(rows: list[dict], out: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist(rows) if rows else pa.table({c: pa.array([], pa.string()) for c in FLAT_COLUMNS})
    pq.write_table(table, out)


def geojson_feature(event: Event, documents: DocumentInfo | None = None) -> dict[str, object]:
    """A GeoJSON Feature (null geometry when the event has no coordinates) with the flat row as properties."""
    row = flat_row(event, documents)
    loc = event.location
    point = {"type": "Point", "coordinates": [loc.lon, loc.lat]} if loc and loc.lat is not None else None
    return {"type": "Feature", "id": event.event_id, "geometry": point, "properties": row}


def _write_geojson(rows: list[dict], out: Path) -> None:
    with out.open("w", encoding="utf-8") as handle:
        json.dump({"type": "FeatureCollection", "features": rows}, handle, ensure_ascii=False)


def _event_only(to_row: Callable[[Event], dict]) -> Callable[[Event, DocumentInfo | None], dict]:
    def row(event: Event, documents: DocumentInfo | None = None) -> dict:
        return to_row(event)

    return row


class ExportFormat(NamedTuple):
    """One export format: event -> row, rows -> file, and whether rows read their reporting document
    (title, url, sentence text), which costs a second pass over the stored documents."""

    to_row: Callable[..., dict]
    write: Callable[[list[dict], Path], None]
    with_documents: bool = False


# The registry of export formats: a new format is one entry here (`eventscope export --format` offers every key).
EXPORT_FORMATS: dict[str, ExportFormat] = {
    "jsonl": ExportFormat(_event_only(record_to_dict), _write_jsonl),
    "csv": ExportFormat(flat_row, _write_csv, with_documents=True),
    "parquet": ExportFormat(flat_row, _write_parquet, with_documents=True),
    "plover": ExportFormat(_event_only(plover_record), _write_jsonl),
    "cameo": ExportFormat(cameo_row, _write_csv, with_documents=True),
    "geojson": ExportFormat(geojson_feature, _write_geojson, with_documents=True),
}


def export(store: EventStore, fmt: str, out: str | Path) -> int:
    """Write every stored event in ``fmt``; returns the number of events written."""
    wanted = EXPORT_FORMATS.get(fmt)
    documents = (
        {d["doc_id"]: {"title": d.get("title"), "url": d.get("url"), "text": d.get("text")} for d in store.documents()}
        if wanted is not None and wanted.with_documents
        else {}
    )
    return export_events(store.events(), fmt, out, documents)


def export_events(events: Iterable[Event], fmt: str, out: str | Path, documents: DocumentInfo | None = None) -> int:
    """Write ``events`` (from the store or a JSONL output) in ``fmt``; returns how many were written."""
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    entry = EXPORT_FORMATS[fmt]
    rows = [entry.to_row(event, documents) for event in events]
    entry.write(rows, Path(out))
    return len(rows)
