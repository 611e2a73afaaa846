"""The actor knowledge base: JSON data files turned into dict indexes.

The data lives in ``eventscope/data/actors/*.json`` (see the README there).  Loading builds
plain dicts keyed by normalised names so that resolution is a handful of dict lookups per
span, never a scan over the KB.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "actors"

#: Entry kinds, in the order a clash on the same normalised key is settled (first wins).
KIND_ORDER = ("person", "org", "country", "capital", "demonym")

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})
_SPLIT = re.compile(r"[\s\-‐‑–—/,()]+")
_POSS = re.compile(r"(?<=\w)'s\b")


@dataclass(frozen=True, slots=True)
class DatedRole:
    """A role that holds only between two dates (inclusive; None = open): "Maliki" is IRQ GOV 2006-2014."""

    country: str | None
    sector: str | None
    start: str | None = None  # ISO date
    end: str | None = None

    def holds_on(self, day: str) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class KBEntry:
    """One named thing the resolver can return: a country, capital, demonym, person or organisation."""

    kind: str  # person | org | country | capital | demonym
    name: str  # canonical name (the country's name for capitals and demonyms)
    country: str | None
    sector: str | None
    detail: str | None = None  # org type or person's office
    roles: tuple[DatedRole, ...] = ()  # dated roles; the document's date picks one
    after_roles: DatedRole | None = None  # what holds on a date that no dated role covers

    def at(self, day: str | None) -> tuple[str | None, str | None]:
        """(country, sector) on a document date: the latest dated role that holds, else the undated default.

        With no date, or no roles at all, the entry's own country and sector.
        """
        if not day or not self.roles:
            return self.country, self.sector
        day = day[:10]
        holding = [r for r in self.roles if r.holds_on(day)]
        if holding:
            best = max(holding, key=lambda r: r.start or "")
            if best.country is None and best.sector == "IGO":
                return None, "IGO"  # "Ban Ki-moon" 2007-2016: the UN's Secretary-General, no longer South Korea's
            return best.country or self.country, best.sector
        if self.after_roles is not None:
            return self.after_roles.country or self.country, self.after_roles.sector
        return self.country, None


def name_pieces(text: str) -> list[str]:
    """Split a name into comparison pieces, the same way for KB strings and spaCy tokens.

    Periods vanish ("U.S." -> "US"), hyphens and slashes split ("al-Maliki" -> "al", "Maliki"),
    curly apostrophes become straight ones and a possessive "'s" becomes its own piece.
    """
    text = _POSS.sub(" 's", text.translate(_QUOTES).replace(".", ""))
    return [p for p in _SPLIT.split(text) if p]


def is_acronym(text: str) -> bool:
    """Short all-caps names ("IS", "UN", "US") are matched case-sensitively so "is"/"us" don't hit."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and len(letters) <= 5 and all(c.isupper() for c in letters) and " " not in text.strip()


def name_key(text: str) -> str:
    """Lower-case lookup key; a leading "the" is dropped (it belongs to the noun phrase, not the name)."""
    pieces = [p.lower() for p in name_pieces(text)]
    if len(pieces) > 1 and pieces[0] == "the":
        pieces = pieces[1:]
    return " ".join(pieces)


@dataclass
class KnowledgeBase:
    """Indexes over the actor data; build with :func:`load_knowledge_base`."""

    names: dict[str, list[KBEntry]] = field(default_factory=dict)  # lower-case key -> entries
    acronyms: dict[str, list[KBEntry]] = field(default_factory=dict)  # case-sensitive key -> entries
    groups: dict[str, str | None] = field(default_factory=dict)  # generic collective nouns -> sector
    titles: dict[str, str | None] = field(default_factory=dict)  # offices/ranks/roles -> sector
    pronouns: dict[str, str] = field(default_factory=dict)  # pronoun -> person | group | thing | speaker
    sectors: dict[str, str] = field(default_factory=dict)  # code -> label
    countries: dict[str, str] = field(default_factory=dict)  # iso3 -> canonical name
    orgs: list[KBEntry] = field(default_factory=list)
    people: list[KBEntry] = field(default_factory=list)
    aliases: dict[KBEntry, list[str]] = field(default_factory=dict)  # surface forms, for EntityRuler patterns
    max_name_len: int = 1  # longest name, in pieces
    max_generic_len: int = 1

    def add_name(self, surface: str, entry: KBEntry, pattern: bool = True, weak: bool = False) -> None:
        """Index one surface form; entries of a stronger kind stay in front.

        ``pattern=False`` keeps the name out of the EntityRuler patterns (bulk dictionary names that would
        tag common words); it is still found when the NER or a noun phrase offers it.
        """
        if is_acronym(surface):
            index, key = self.acronyms, " ".join(name_pieces(surface))
        else:
            index, key = self.names, name_key(surface)
        if not key:
            return
        bucket = index.setdefault(key, [])
        if entry in bucket:
            return
        if weak and bucket:  # bulk dictionary entries never displace a curated one of the same name
            bucket.append(entry)
        else:
            bucket.append(entry)
            bucket.sort(key=lambda e: KIND_ORDER.index(e.kind))
        self.max_name_len = max(self.max_name_len, key.count(" ") + 1)
        if entry.kind in ("org", "person") and pattern:
            self.aliases.setdefault(entry, []).append(surface)

    def lookup(self, lower_key: str, exact_key: str) -> KBEntry | None:
        """Best entry for a candidate name: case-sensitive acronyms first, then lower-case names."""
        hit = self.acronyms.get(exact_key)
        if hit:
            return hit[0]
        hit = self.names.get(lower_key)
        return hit[0] if hit else None

    def stats(self) -> dict[str, int]:
        """Entry counts by category (for reports and the README)."""
        return {
            "countries": len(self.countries),
            "people": len(self.people),
            "organizations": len(self.orgs),
            "armed_groups": sum(1 for o in self.orgs if o.sector in ("REB", "MILITIA", "UAF")),
            "igos_ngos": sum(1 for o in self.orgs if o.sector in ("IGO", "NGO")),
            "generic_groups": len(self.groups),
            "titles": len(self.titles),
            "name_keys": len(self.names) + len(self.acronyms),
        }


def _read_json(name: str) -> Any:
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


def _roles(item: dict[str, Any], check: Any) -> tuple[tuple[DatedRole, ...], DatedRole | None]:
    roles = tuple(
        DatedRole(r.get("country"), check(r.get("sector"), item["name"]), r.get("start"), r.get("end"))
        for r in sorted(item.get("roles", []), key=lambda r: r.get("start") or "")
    )
    default = item.get("default")
    after = DatedRole(default.get("country"), check(default.get("sector"), item["name"])) if default else None
    return roles, after


_PARENS = re.compile(r"\(([^()]*)\)")
_OFFICE_YEARS = re.compile(r"\bsince\s+(\d{4})\b|(?<![\d.])\b(\d{4})\s*[-\u2013\u2014]\s*(\d{4})?(?!\d)")


def office_roles(office: str | None, country: str | None, sector: str | None) -> tuple[DatedRole, ...]:
    """Dated roles read from the years in a curated office string, with the entry's own country and sector.

    "President of the United States (2017-2021, 2025-)" gives two roles, "(since 2014)" and "(2025-)" an open
    one.  Only years are known, so a start year holds from January 1 and an end year up to December 31 (the
    exact day someone took or left office is not in the data; a hand-over year counts for both people).
    Years outside parentheses and a death year ("(d. 2022)") are not office years; no years, no roles.
    """
    roles: list[DatedRole] = []
    for inside in _PARENS.findall(office or ""):
        for since, start, end in _OFFICE_YEARS.findall(inside):
            first = since or start
            last = None if since or not end else end
            if last is not None and last < first:
                continue
            roles.append(DatedRole(country, sector, f"{first}-01-01", f"{last}-12-31" if last else None))
    return tuple(sorted(roles, key=lambda r: r.start or ""))


def _day_before(day: str) -> str:
    from datetime import date, timedelta

    return (date.fromisoformat(day) - timedelta(days=1)).isoformat()


def combined_roles(
    dictionary: tuple[DatedRole, ...],
    after: DatedRole | None,
    office: tuple[DatedRole, ...],
) -> tuple[tuple[DatedRole, ...], DatedRole | None]:
    """A curated person's dated roles from both sources: the dictionaries' roles, plus the curated office years
    that no dictionary role covers.

    The dictionaries (PETRARCH2/Phoenix) were compiled around 2015-2016, so their roles stop there: "Olaf Scholz"
    is a German minister in 2008-2009 only, and the curated "Chancellor of Germany (2021-2025)" must still make
    him the government in 2023.  The two sources are combined so:

    - a dated dictionary role holds between its dates, and an office year it touches adds nothing (the
      dictionary knows the exact day: a president who left on January 20 is not the government all year);
    - an open-ended dictionary role means "still in office when the dictionary was made": it ends with the
      curated term that contains its start ("Obama" GOV from 2009-01-20 ends with "(2009-2017)"), or else the
      day before the next curated term begins (a prime minister since 2011 who becomes "NATO Secretary
      General (2024-)" is the IGO from 2024);
    - the office years no dictionary role touches become roles of the office ("(2021-2025)": 2021 to 2025);
    - an undated dictionary default that is the curated office itself (a regional president listed as "GOV"
      with no dates) holds only in the office years: outside them the person has the country and no sector.
    """
    if not office:
        return dictionary, after
    closed: list[DatedRole] = []
    for role in dictionary:
        if role.end is None and role.start is not None:
            term = next((t for t in office if t.holds_on(role.start)), None)
            later = [t.start for t in office if t.start is not None and t.start > role.start]
            if term is not None:
                role = DatedRole(role.country, role.sector, role.start, term.end)
            elif later:
                role = DatedRole(role.country, role.sector, role.start, _day_before(min(later)))
        closed.append(role)
    covered: set[int] = set()
    open_from: int | None = None
    for role in closed:
        first = int(role.start[:4]) if role.start else 0
        if role.end is None:
            open_from = first if open_from is None else min(open_from, first)
        else:
            covered.update(range(first, int(role.end[:4]) + 1))

    def free(year: int) -> bool:
        return year not in covered and (open_from is None or year < open_from)

    added: list[DatedRole] = []
    for term in office:
        first = int(term.start[:4]) if term.start else 0
        last = int(term.end[:4]) if term.end else max(first, *covered, open_from or first) + 1
        run: int | None = None
        for year in range(first, last + 1):
            if free(year) and run is None:
                run = year
            elif not free(year) and run is not None:
                added.append(DatedRole(term.country, term.sector, f"{run}-01-01", f"{year - 1}-12-31"))
                run = None
        if run is not None:  # an open term stays open past every dictionary year
            added.append(DatedRole(term.country, term.sector, f"{run}-01-01", f"{last}-12-31" if term.end else None))
    if after is not None and office and (after.country, after.sector) == (office[0].country, office[0].sector):
        after = DatedRole(after.country, None)
    roles = tuple(sorted((*closed, *added), key=lambda r: r.start or ""))
    return roles, after


def _merge(
    kb: KnowledgeBase,
    data: dict[str, Any],
    source: str,
    dated: dict[str, tuple[tuple[DatedRole, ...], DatedRole | None]] | None = None,
) -> None:
    """Add one KB document (the bundled files or a user file) to the indexes.

    ``dated`` maps name keys to dated roles from the dictionaries, attached to curated people of that name.
    """
    dated = dated or {}
    for code in data.get("sectors", []):
        kb.sectors[code["code"]] = code.get("label", code["code"])
    valid = set(kb.sectors)

    def check(sector: str | None, what: str) -> str | None:
        if sector is not None and valid and sector not in valid:
            raise ValueError(f"{source}: unknown sector {sector!r} for {what}")
        return sector

    for c in data.get("countries", []):
        iso, name = c["iso3"], c["name"]
        kb.countries[iso] = name
        country = KBEntry("country", name, iso, "GOV")
        for s in [name, *c.get("aliases", [])]:
            kb.add_name(s, country)
        capital = KBEntry("capital", name, iso, "GOV")
        for s in c.get("capitals", []):
            kb.add_name(s, capital)
        demonym = KBEntry("demonym", name, iso, None)
        for s in c.get("demonyms", []):
            kb.add_name(s, demonym)
    for kind, key, items in (
        ("org", "type", data.get("organizations", [])),
        ("person", "office", data.get("people", [])),
    ):
        for item in items:
            surfaces = [item["name"], *item.get("aliases", [])]
            roles, after = _roles(item, check)
            known = next((dated[k] for k in map(name_key, surfaces) if k in dated), None) if not roles else None
            country, sector = item.get("country"), check(item.get("sector"), item["name"])
            if kind == "person" and not roles:  # the office's years, if any ("(2017-2021)"); out of office = the
                office = office_roles(item.get(key), country, sector)  # country and no sector.  The dictionaries'
                roles, after = combined_roles(
                    *(known or (roles, after)), office
                )  # dated roles hold between their dates
            if "country" not in item and roles:  # a dictionary person: latest role when no date is known
                country, sector = roles[-1].country, roles[-1].sector
            elif "country" not in item and after is not None:  # only an undated role ("Assam Rifles": IND MIL)
                country, sector = after.country, after.sector
            entry = KBEntry(kind, item["name"], country, sector, item.get(key), roles, after)
            (kb.orgs if kind == "org" else kb.people).append(entry)
            for s in surfaces:
                kb.add_name(s, entry, pattern=item.get("pattern", True), weak=item.get("weak", False))
    generic = data.get("generic", {})
    for table, target in (("groups", kb.groups), ("titles", kb.titles)):
        for phrase, sector in generic.get(table, {}).items():
            key = name_key(phrase)
            target[key] = check(sector, phrase)
            kb.max_generic_len = max(kb.max_generic_len, key.count(" ") + 1)
    for role in ("person", "group", "thing", "speaker"):
        for p in generic.get(f"{role}_pronouns", []):
            kb.pronouns[p.lower()] = role


PHOENIX_DIR = DATA_DIR / "phoenix"


def _phoenix() -> dict[str, Any]:
    """The dictionaries converted by scripts/convert_phoenix.py (MIT, Open Event Data Alliance)."""
    if not (PHOENIX_DIR / "people.json").exists():
        return {}
    people = json.loads((PHOENIX_DIR / "people.json").read_text(encoding="utf-8"))
    orgs = json.loads((PHOENIX_DIR / "organizations.json").read_text(encoding="utf-8"))
    for org in orgs:  # only multi-word armed-group names become EntityRuler patterns; the rest is lookup-only
        org["pattern"] = org.get("type") == "armed_group" and " " in org["name"]
        org["weak"] = True
    for person in people:
        person["pattern"] = False
        person["weak"] = True
    return {
        "people": people,
        "organizations": orgs,
        "country_aliases": json.loads((PHOENIX_DIR / "country_aliases.json").read_text(encoding="utf-8")),
        "agents": json.loads((PHOENIX_DIR / "agents.json").read_text(encoding="utf-8")),
    }


#: Nouns the dictionaries list as agents that name a place or a whole society, not an actor of an event.
NOT_AGENTS = frozenset(
    {
        "village",
        "town",
        "city",
        "country",
        "community",
        "region",
        "province",
        "district",
        "state",
        "nation",
        "world",
        "society",
        "public",
        "population",
        "neighborhood",
    }
)


MAX_AGENT_WORDS = 4
"""Longest dictionary agent phrase kept (as long as the curated generic nouns)."""


def _usable_agents(agents: dict[str, str], curated: dict[str, Any], valid: set[str]) -> dict[str, str]:
    """Dictionary agent nouns that fill gaps in the curated generic nouns without contradicting them.

    Titles stay titles ("spokesman" has no sector of its own), places stay places, a phrase takes the sector
    of its curated head noun ("government force" is MIL like "force"), and a compound of a curated noun
    takes the curated sector ("militiaman" is MILITIA like "militia").
    """
    titles = set(curated.get("titles", {}))
    groups: dict[str, str | None] = curated.get("groups", {})
    stems = sorted((k for k in groups if len(k) >= 5 and " " not in k), key=len, reverse=True)
    usable: dict[str, str] = {}
    for noun, sector in agents.items():
        head = noun.split()[-1]
        if sector not in valid or noun in titles or head in titles or head in NOT_AGENTS:
            continue
        if noun.count(" ") >= MAX_AGENT_WORDS:  # long descriptions rarely recur verbatim, and every extra word
            continue  # of the longest phrase is one more lookup per argument head
        head = next((h for h in (head, head[:-1], head[:-2]) if h in groups), head) if head.endswith("s") else head
        if head != noun and head in groups:  # the head noun decides: "government forces" are forces (MIL)
            if groups[head] is None:
                continue
            sector = groups[head]
        stem = None if " " in noun else next((k for k in stems if noun.startswith(k)), None)
        if stem is not None:
            if groups[stem] is None:
                continue
            sector = groups[stem]
        usable[noun] = sector
    return usable


def load_knowledge_base(extra_paths: Iterable[str | Path] = (), dictionaries: bool = True) -> KnowledgeBase:
    """Load the bundled KB, then merge each user file (JSON, same layout as the bundled files) on top.

    A user file is one JSON object with any of the keys ``sectors``, ``countries``,
    ``organizations``, ``people`` and ``generic`` (see ``data/actors/README.md``).  Later files win
    for generic nouns and titles; names are added next to existing ones, with people and
    organisations preferred over places on a clash.

    ``dictionaries`` adds the converted PETRARCH2/Phoenix dictionaries (``data/actors/phoenix``): curated
    entries come first on a clash, curated people take the dictionaries' dated roles, and the dictionaries'
    agent nouns fill in generic nouns the curated file lacks.
    """
    kb = _cached_bundled_kb() if dictionaries else _bundled_kb(False)
    for path in extra_paths:
        path = Path(path)
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, list):  # a bare list is a list of organisations/people, told apart by "office"
            data = {
                "people": [d for d in data if "office" in d],
                "organizations": [d for d in data if "office" not in d],
            }
        _merge(kb, data, str(path))
    return kb


def _fingerprint() -> str:
    """Changes whenever a data file or this module changes, so a stale cache is never loaded."""
    h = hashlib.sha1()
    for path in [*sorted(DATA_DIR.rglob("*.json")), Path(__file__)]:
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:12]


def _specific(alias: str, generic_keys: set[str]) -> bool:
    """A dictionary alias that names someone ("PM Maliki"), not a bare title or group ("The Minister"), nor a
    nickname made of "the" and one common word ("The Foundation" of a Chicago gang would claim every "... Community
    Foundation"; acronyms such as "The WB" stay)."""
    key = name_key(alias)
    pieces = name_pieces(alias)
    if len(pieces) == 2 and pieces[0].lower() == "the" and not is_acronym(pieces[1]):
        return False
    return key not in generic_keys and not all(p in generic_keys or len(p) <= 2 for p in key.split())


def _cached_bundled_kb() -> KnowledgeBase:
    """The bundled KB with the dictionaries, pickled once in the eventscope cache (~0.3 s instead of ~1.5 s)."""
    directory = Path(os.environ.get("EVENTSCOPE_CACHE") or Path.home() / ".cache" / "eventscope")
    path = directory / f"actors-kb-{_fingerprint()}.pickle"
    if path.exists():
        try:
            return pickle.loads(path.read_bytes())
        except (pickle.UnpicklingError, EOFError, AttributeError, ValueError):
            path.unlink(missing_ok=True)
    kb = _bundled_kb(True)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=directory, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(kb, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for stale in directory.glob("actors-kb-*.pickle"):
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only cache only costs time
    return kb


def _bundled_kb(dictionaries: bool) -> KnowledgeBase:
    kb = KnowledgeBase()
    phoenix = _phoenix() if dictionaries else {}
    sectors = _read_json("sectors.json")
    dated: dict[str, tuple[tuple[DatedRole, ...], DatedRole | None]] = {}
    _merge(kb, {"sectors": sectors}, "bundled KB")
    for person in phoenix.get("people", []):
        roles = _roles(person, lambda sector, _what: sector)
        for surface in [person["name"], *person.get("aliases", [])]:
            dated.setdefault(name_key(surface), roles)
    countries = _read_json("countries.json")
    extra_aliases = phoenix.get("country_aliases", {})
    if extra_aliases:
        countries = [{**c, "aliases": [*c.get("aliases", []), *extra_aliases.get(c["iso3"], [])]} for c in countries]
    generic = _read_json("generic.json")
    if phoenix.get("agents"):
        generic = {
            **generic,
            "groups": {**_usable_agents(phoenix["agents"], generic, set(kb.sectors)), **generic.get("groups", {})},
        }
    _merge(
        kb,
        {
            "countries": countries,
            "organizations": _read_json("organizations.json"),
            "people": _read_json("people.json"),
            "generic": generic,
        },
        "bundled KB",
        dated,
    )
    if phoenix:
        generic_keys = {*kb.groups, *kb.titles, *kb.pronouns}
        for item in (*phoenix["organizations"], *phoenix["people"]):
            item["aliases"] = [a for a in item["aliases"] if _specific(a, generic_keys)]
        _merge(kb, {"organizations": phoenix["organizations"], "people": phoenix["people"]}, "Phoenix dictionaries")
    return kb
