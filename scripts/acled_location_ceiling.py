"""How far text-only geocoding can go on ACLED notes: the ceiling behind the "location within 50 km" figure.

``eventscope eval acled`` scores an event's place against ACLED's point for notes of geo_precision 1.  A geocoder
that reads only the note can be right only where the note names the place (or its district), and only where ACLED's
point lies near a place of that name.  This script counts, per split, the share of those notes

* whose text names ACLED's own location name, or else its admin2/admin3 name;
* whose location name the shipped gazetteer holds with some namesake in the note's country within 50 km of ACLED's
  point, none within 50 km (the point is a district or region centroid, or the name has a namesake elsewhere), or
  none at all.

Usage: ``.venv/bin/python scripts/acled_location_ceiling.py [path/to/acled_asia_2015.csv]``
"""

from __future__ import annotations

import csv
import json
import math
import sys
from collections import Counter
from pathlib import Path

from eventscope.evaluation.splits import split_of
from eventscope.geo.gazetteer import Gazetteer
from eventscope.geo.normalize import name_key

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "acled-asia-2015" / "acled_asia_2015.csv"
COUNTRY2 = {
    "Bangladesh": "BD",
    "Cambodia": "KH",
    "India": "IN",
    "Laos": "LA",
    "Myanmar": "MM",
    "Nepal": "NP",
    "Pakistan": "PK",
    "Sri Lanka": "LK",
    "Thailand": "TH",
    "Vietnam": "VN",
}
RADIUS_KM = 50.0


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine), as the evaluation measures it."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def note_kind(row: dict, gazetteer: Gazetteer) -> tuple[str, str]:
    """(what the text names, what the gazetteer holds near ACLED's point) for one note."""
    text = row["notes"].lower()
    if row["location"].lower() in text:
        named = "location named"
    elif any(name and name.lower() in text for name in (row["admin3"], row["admin2"])):
        named = "only its district named"
    else:
        named = "not named"
    country = COUNTRY2.get(row["country"])
    namesakes = [i for i in gazetteer.candidates(name_key(row["location"])) if gazetteer.cc[i] == country]
    if not namesakes:
        return named, "name not in gazetteer"
    lat, lon = float(row["latitude"]), float(row["longitude"])
    nearest = min(distance_km(lat, lon, gazetteer.lat[i], gazetteer.lon[i]) for i in namesakes)
    return named, "namesake within 50 km" if nearest <= RADIUS_KM else "every namesake beyond 50 km"


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else DEFAULT
    gazetteer = Gazetteer.load()
    counts: dict[str, Counter] = {"tune": Counter(), "report": Counter()}
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["geo_precision"] != "1":
                continue
            split = split_of(row["event_id_cnty"], "acled")
            named, held = note_kind(row, gazetteer)
            counts[split].update(["notes", named, held])
    out = {
        split: {"notes": c["notes"]} | {k: round(v / c["notes"], 3) for k, v in sorted(c.items()) if k != "notes"}
        for split, c in counts.items()
    }
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
