"""The actor knowledge base: JSON data files turned into dict indexes.

The data lives in ``eventscope/data/actors/*.json`` (see the README there).  Loading builds
plain dicts keyed by normalised names so that resolution is a handful of dict lookups per
span, never a scan over the KB.
"""

from __future__ import annotations

import json
import re
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
class KBEntry:
    """One named thing the resolver can return: a country, capital, demonym, person or organisation."""

    kind: str  # person | org | country | capital | demonym
    name: str  # canonical name (the country's name for capitals and demonyms)
    country: str | None
    sector: str | None
    detail: str | None = None  # org type or person's office


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
    return (
        bool(letters) and len(letters) <= 5 and all(c.isupper() for c in letters) and " " not in text.strip()
    )


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

    def add_name(self, surface: str, entry: KBEntry) -> None:
        """Index one surface form; entries of a stronger kind stay in front."""
        if is_acronym(surface):
            index, key = self.acronyms, " ".join(name_pieces(surface))
        else:
            index, key = self.names, name_key(surface)
        if not key:
            return
        bucket = index.setdefault(key, [])
        if entry in bucket:
            return
        bucket.append(entry)
        bucket.sort(key=lambda e: KIND_ORDER.index(e.kind))
        self.max_name_len = max(self.max_name_len, key.count(" ") + 1)
        if entry.kind in ("org", "person"):
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
            "armed_groups": sum(1 for o in self.orgs if o.sector in ("REB", "MILITIA")),
            "igos_ngos": sum(1 for o in self.orgs if o.sector in ("IGO", "NGO")),
            "generic_groups": len(self.groups),
            "titles": len(self.titles),
            "name_keys": len(self.names) + len(self.acronyms),
        }


def _read_json(name: str) -> Any:
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


def _merge(kb: KnowledgeBase, data: dict[str, Any], source: str) -> None:
    """Add one KB document (the bundled files or a user file) to the indexes."""
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
            entry = KBEntry(
                kind,
                item["name"],
                item.get("country"),
                check(item.get("sector"), item["name"]),
                item.get(key),
            )
            (kb.orgs if kind == "org" else kb.people).append(entry)
            for s in [item["name"], *item.get("aliases", [])]:
                kb.add_name(s, entry)
    generic = data.get("generic", {})
    for table, target in (("groups", kb.groups), ("titles", kb.titles)):
        for phrase, sector in generic.get(table, {}).items():
            key = name_key(phrase)
            target[key] = check(sector, phrase)
            kb.max_generic_len = max(kb.max_generic_len, key.count(" ") + 1)
    for role in ("person", "group", "thing", "speaker"):
        for p in generic.get(f"{role}_pronouns", []):
            kb.pronouns[p.lower()] = role


def load_knowledge_base(extra_paths: Iterable[str | Path] = ()) -> KnowledgeBase:
    """Load the bundled KB, then merge each user file (JSON, same layout as the bundled files) on top.

    A user file is one JSON object with any of the keys ``sectors``, ``countries``,
    ``organizations``, ``people`` and ``generic`` (see ``data/actors/README.md``).  Later files win
    for generic nouns and titles; names are added next to existing ones, with people and
    organisations preferred over places on a clash.
    """
    kb = KnowledgeBase()
    _merge(
        kb,
        {
            "sectors": _read_json("sectors.json"),
            "countries": _read_json("countries.json"),
            "organizations": _read_json("organizations.json"),
            "people": _read_json("people.json"),
            "generic": _read_json("generic.json"),
        },
        "bundled KB",
    )
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
