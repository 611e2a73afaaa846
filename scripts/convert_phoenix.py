"""Convert the PETRARCH2/Phoenix dictionaries (MIT) into eventscope's actor knowledge base and trigger data.

Usage: ``python scripts/convert_phoenix.py [DICT_DIR] [--plover-map CAMEO2PLOVER]``
(defaults: ``../shared/data/petrarch2-dictionaries`` and ``../shared/plover/CAMEO2PLOVER-2021.txt``).

Writes ``src/eventscope/data/actors/phoenix/``:
- ``people.json``: country actors (heads of state, ministers, officials) with alternate spellings and **dated
  roles**: a role holds only between its dates, so the document's date picks it.
- ``organizations.json``: international organisations and armed non-state groups.
- ``country_aliases.json``: alternate spellings of country names (demonyms left out).
- ``agents.json``: generic agent nouns (gunman, villager, gendarme ...) -> sector.
- ``LICENSE``: the MIT notice of the Open Event Data Alliance.
and ``src/eventscope/data/cameo_verbs.tsv``: CAMEO verb synonyms mapped to PLOVER type and mode through the
CAMEO-to-PLOVER table.

The output is deterministic (sorted), so re-running on the same dictionaries gives identical files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "src" / "eventscope" / "data" / "actors" / "phoenix"
VERBS_OUT = ROOT / "src" / "eventscope" / "data" / "cameo_verbs.tsv"
DEFAULT_DICTS = ROOT.parent / "shared" / "data" / "petrarch2-dictionaries"
DEFAULT_PLOVER_MAP = ROOT.parent / "shared" / "plover" / "CAMEO2PLOVER-2021.txt"

#: CAMEO actor role codes -> eventscope sector codes (data/actors/sectors.json). Roles with no sector of
#: their own (ELI: elites, former office holders) map to None: the resolver then takes the sector from context.
ROLE_TO_SECTOR: dict[str, str | None] = {
    "GOV": "GOV",
    "MIL": "MIL",
    "COP": "POL",
    "SPY": "POL",
    "JUD": "JUD",
    "LEG": "LEG",
    "OPP": "OPP",
    "PTY": "OPP",
    "REB": "REB",
    "INS": "REB",
    "SEP": "REB",
    "IMG": "REB",
    "UAF": "UAF",
    "CRM": "CRM",
    "CVL": "CVL",
    "AGR": "CVL",
    "REF": "REF",
    "BUS": "BUS",
    "MNC": "BUS",
    "MED": "MED",
    "REL": "REL",
    "EDU": "EDU",
    "LAB": "LAB",
    "HLH": "HLH",
    "IGO": "IGO",
    "NGO": "NGO",
    "NGM": "NGO",
    "HRI": "NGO",
    "DEV": None,
    "ENV": None,
    "ELI": None,
    "MOD": None,
    "RAD": None,
    # religions as roles: clerics and religious bodies
    "MUS": "REL",
    "CHR": "REL",
    "JEW": "REL",
    "HIN": "REL",
    "BUD": "REL",
    "CTH": "REL",
    "SHI": "REL",
    "SUN": "REL",
    "ORT": "REL",
    "PRO": "REL",
    "SIK": "REL",
    "ZRO": "REL",
    "JAN": "REL",
    "TAO": "REL",
}
#: Codes that name a kind of body rather than a country in the first three letters.
NON_COUNTRY_PREFIXES = {"IGO", "NGO", "IMG", "MNC", "NGM", "UAF", "ELI", "REB", "CVL", "BUS", "MED"}

_CODE = re.compile(r"\[([~A-Z0-9]*)\s*([<>]?\d{6,8}(?:-\d{6,8})?)?\s*\]")
_PRIMARY = re.compile(r"^([^\s#\[{+][^#\[{]*?)\s*(?:\{[^}]*\})?\s*(\[[^\]]*\])?\s*(?:#.*)?$")


@dataclass
class ActorRecord:
    """One dictionary entry: a primary phrase, its synonyms, a default code and dated codes."""

    phrase: str
    synonyms: list[str] = field(default_factory=list)
    default: str | None = None
    dated: list[tuple[str, str | None, str | None]] = field(default_factory=list)  # (code, start, end)


PARTICLES = {"AL", "EL", "BIN", "IBN", "ABU", "DE", "DA", "DI", "DU", "LA", "LE", "VAN", "VON", "DER", "BEN"}


def phrase_text(raw: str) -> str:
    """``NOURI_AL-MALIKI_`` -> ``Nouri Al-Maliki``: underscores are spaces; case is restored for display.

    A one-word phrase of up to four letters stays in capitals ("UN", "NATO"): the knowledge base matches such
    acronyms case-sensitively, so "IS" never matches the verb "is".  Vowel-less short words keep capitals too
    ("MR", "PM").
    """
    words = [w for w in raw.replace("_", " ").split() if w]
    if len(words) == 1 and len(words[0].replace(".", "")) <= 4 and words[0].isupper():
        return words[0]
    out = []
    for w in words:
        if w.isalpha() and w.isupper() and len(w) <= 4 and w not in PARTICLES and not set(w) & set("AEIOUY"):
            out.append(w)
        else:
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
    return " ".join(out)


def parse_date(text: str) -> str:
    """YYYYMMDD or YYMMDD -> ISO date; two-digit years pivot at 30 (``040517`` = 2004, ``680101`` = 1968)."""
    if len(text) == 6:
        yy = int(text[:2])
        text = ("20" if yy < 30 else "19") + text
    if len(text) == 7:  # a known typo form in the dictionaries (``2004017``): read as YYYYMMD -> first of month
        text = text[:6] + "01"
    return f"{text[:4]}-{text[4:6]}-{text[6:8]}"


def parse_restriction(restriction: str | None) -> tuple[str | None, str | None]:
    if not restriction:
        return None, None
    if restriction.startswith("<"):
        return None, parse_date(restriction[1:])
    if restriction.startswith(">"):
        return parse_date(restriction[1:]), None
    start, _, end = restriction.partition("-")
    return parse_date(start), parse_date(end) if end else None


def read_actor_file(path: Path) -> list[ActorRecord]:
    """Parse a TABARI/PETRARCH ``.actor`` file into records (comments and blank lines skipped)."""
    records: list[ActorRecord] = []
    current: ActorRecord | None = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith(("\t", " ")) and line.strip().startswith("["):
            if current is not None:
                for code, restriction in _CODE.findall(line):
                    start, end = parse_restriction(restriction)
                    if restriction:
                        current.dated.append((code, start, end))
                    else:
                        current.default = current.default or code
            continue
        if line.startswith("+"):
            if current is not None:
                body = re.split(r"[#\[{]", line[1:], maxsplit=1)[0].strip()
                if body:
                    current.synonyms.append(body)
            continue
        match = _PRIMARY.match(line.strip())
        if not match:
            continue
        current = ActorRecord(match.group(1).strip())
        if match.group(2):
            codes = _CODE.findall(match.group(2))
            if codes:
                code, restriction = codes[0]
                if restriction:
                    start, end = parse_restriction(restriction)
                    current.dated.append((code, start, end))
                else:
                    current.default = code
        records.append(current)
    return records


def split_code(code: str, countries: set[str]) -> tuple[str | None, str | None]:
    """CAMEO actor code -> (ISO3 country or None, sector or None): ``IRQGOVBUS`` -> (IRQ, GOV)."""
    code = code.lstrip("~")
    country = None
    if len(code) >= 3 and code[:3] in countries and code[:3] not in NON_COUNTRY_PREFIXES:
        country, code = code[:3], code[3:]
    sector = None
    for i in range(0, len(code) - 2, 3):
        role = code[i : i + 3]
        if role in ROLE_TO_SECTOR:
            sector = ROLE_TO_SECTOR[role]
            if sector is not None:
                break
    return country, sector


def _valid_span(start: str | None, end: str | None) -> bool:
    try:
        days = [dt.date.fromisoformat(d) for d in (start, end) if d]
    except ValueError:
        return False
    return len(days) < 2 or days[0] <= days[1]


def role_list(record: ActorRecord, countries: set[str]) -> tuple[list[dict], dict | None]:
    roles = []
    for code, start, end in record.dated:
        country, sector = split_code(code, countries)
        if country is None and sector is None or not _valid_span(start, end):
            continue  # no code we know, or a typo in the dates ("9008-22-01", an end before the start)
        roles.append({"country": country, "sector": sector, "start": start, "end": end})
    default = None
    if record.default:
        country, sector = split_code(record.default, countries)
        if country is not None or sector is not None:
            default = {"country": country, "sector": sector}
    return roles, default


def convert_people(records: list[ActorRecord], countries: set[str], country_names: dict[str, str]) -> list[dict]:
    """Entries of the countries file that are people or bodies with roles (not the countries themselves)."""
    people = []
    for rec in records:
        if rec.default and rec.default in countries and not rec.dated:
            continue  # a country entry: handled by convert_country_aliases
        roles, default = role_list(rec, countries)
        if not roles and default is None:
            continue
        name = phrase_text(rec.phrase)
        aliases = sorted({phrase_text(s) for s in rec.synonyms} - {name})
        people.append({"name": name, "aliases": aliases, "roles": roles, "default": default})
    people.sort(key=lambda p: (p["name"], json.dumps(p, sort_keys=True)))
    return people


def convert_country_aliases(records: list[ActorRecord], countries: set[str], country_names: dict[str, str]) -> dict:
    """Alternate spellings of countries; short forms that look like demonyms ("Afghan") are left out."""
    aliases: dict[str, set[str]] = defaultdict(set)
    for rec in records:
        if not (rec.default and rec.default in countries and not rec.dated):
            continue
        iso = rec.default
        canonical = country_names.get(iso, "")
        for raw in [rec.phrase, *rec.synonyms]:
            text = phrase_text(raw)
            if " " not in text and (text.lower()[:4] != canonical.lower()[:4] or len(text) < len(canonical) - 2):
                continue
            if text.lower() != canonical.lower():
                aliases[iso].add(text)
    return {iso: sorted(names) for iso, names in sorted(aliases.items())}


def convert_orgs(records: list[ActorRecord], countries: set[str], kind: str) -> list[dict]:
    orgs = []
    for rec in records:
        roles, default = role_list(rec, countries)
        if default is None and roles:
            default = {"country": roles[-1]["country"], "sector": roles[-1]["sector"]}
        if default is None:
            continue
        name = phrase_text(rec.phrase)
        orgs.append(
            {
                "name": name,
                "aliases": sorted({phrase_text(s) for s in rec.synonyms} - {name}),
                "country": default["country"],
                "sector": default["sector"],
                "type": kind,
                "roles": roles,
            }
        )
    orgs.sort(key=lambda o: (o["name"], json.dumps(o, sort_keys=True)))
    return orgs


def convert_agents(path: Path) -> dict[str, str]:
    """Generic agent nouns -> sector; ``!PERSON!`` substitution sets expanded; plurals in braces added."""
    subs: dict[str, list[str]] = {}
    agents: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        m = re.match(r"^(![A-Z]+!)\s*=\s*(.+)$", line)
        if m:
            subs[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        code_match = re.search(r"\[~?([A-Z]+)\]", line)
        if not code_match:
            continue
        _, sector = split_code(code_match.group(1), set())
        if sector is None:
            continue
        head = line[: line.index("[")]
        plural = re.search(r"\{([^}]*)\}", head)
        head = re.sub(r"\{[^}]*\}", "", head).strip()
        forms = [head] + ([p.strip() for p in plural.group(1).split() if p.strip()] if plural else [])
        for form in forms:
            for expanded in _expand(form, subs):
                phrase = expanded.replace("_", " ").strip().lower()
                if phrase and phrase not in agents:
                    agents[phrase] = sector
    return dict(sorted(agents.items()))


def _expand(form: str, subs: dict[str, list[str]]) -> list[str]:
    m = re.search(r"![A-Z]+!", form)
    if not m or m.group(0) not in subs:
        return [form]
    out = []
    for word in subs[m.group(0)]:
        joined = form[: m.start()] + ("" if form[: m.start()].endswith("_") else "") + word + form[m.end() :]
        out.extend(_expand(joined, subs))
    return out


def read_plover_map(path: Path) -> dict[str, tuple[str, str]]:
    """CAMEO event code -> (PLOVER type, mode) from the CAMEO2PLOVER table."""
    mapping: dict[str, tuple[str, str]] = {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([^#]*)", line)
        if not m:
            continue
        parts = [p.strip() for p in m.group(2).split(",")]
        ptype = parts[0].upper()
        mode = parts[1].lower() if len(parts) > 1 else ""
        if ptype and re.fullmatch(r"[A-Z_]+", ptype):
            mapping[m.group(1)] = (ptype, mode)
    return mapping


def convert_verbs(path: Path, plover: dict[str, tuple[str, str]]) -> list[tuple[str, str, str, str]]:
    """Verb synonym sets of CAMEO.2.0.txt: each verb (lemma) with the CAMEO code of its block's header.

    Only single verbs whose block code maps to a PLOVER type are kept; phrase patterns are left to the
    project's own trigger lexicon, which knows argument structure.
    """
    rows: dict[str, tuple[str, str, str, str]] = {}
    block_code: str | None = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        text = line.split("#", 1)[0].rstrip()
        if not text.strip():
            continue
        m = re.match(r"^---\s*([A-Z_]+)\s*\[([^\]]*)\]", text.strip())
        if m:
            block_code = m.group(2) if re.fullmatch(r"\d{2,4}", m.group(2)) else None
            continue
        head = re.match(r"^([A-Z][A-Z_\-]*)\s*(?:\{[^}]*\})?\s*(?:\[(\d{2,4})(?::\d+)?\])?\s*$", text.strip())
        if not head:
            continue
        code = head.group(2) or block_code
        if not code:
            continue
        verb = head.group(1).replace("_", " ").lower()
        key = code if code in plover else code[:3] if code[:3] in plover else code[:2]
        if key not in plover or " " in verb:
            continue
        ptype, mode = plover[key]
        rows.setdefault(verb, (verb, code, ptype, mode))
    return sorted(rows.values())


DISCARDS_OUT = ROOT / "src" / "eventscope" / "data" / "discards.tsv"
_RELATIVE_DATE = re.compile(r"(?:\w+ )?(?:years|months|weeks|days) (?:ago|later)")


def convert_discards(path: Path) -> list[tuple[str, str, str]]:
    """PETRARCH's discard list (``dictionaries.rst``, "Discard List") as (scope, match, phrase) rows.

    ``+`` marks a whole-story discard ("story"), else the sentence is discarded ("sentence"); a trailing ``_``
    asks for a whole word ("word"), else the phrase is a stem ("stem").  Comments (``#``) are dropped and the
    phrase is lower-cased (matching is case-insensitive).  Bare numbers (the years 1914-2013) are left out:
    they would discard every sentence that mentions a year.  So are relative dates ("YEARS AGO", "WEEKS LATER",
    "FIFTY YEARS AGO"): in current news they mark a background clause of a sentence that reports today's event
    ("Macron is hosting a summit ... on a deal clinched two years ago"); on the plv tune split they dropped
    real events and no wrong ones."""
    rows: set[tuple[str, str, str]] = set()
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        text = raw.split("#", 1)[0].strip()
        if not text:
            continue
        scope = "sentence"
        if text.startswith("+"):
            scope, text = "story", text[1:].strip()
        match = "stem"
        if text.endswith("_"):
            match, text = "word", text[:-1].strip()
        phrase = " ".join(text.lower().split())
        if not phrase or re.fullmatch(r"[\d\s]+", phrase) or _RELATIVE_DATE.fullmatch(phrase):
            continue
        rows.add((scope, match, phrase))
    return sorted(rows)


def write_discards(path: Path, out: Path = DISCARDS_OUT) -> int:
    """Write ``data/discards.tsv`` (with the MIT note) from ``Phoenix.discards.txt``; returns the row count."""
    rows = convert_discards(path)
    with out.open("w", encoding="utf-8") as fh:
        fh.write(
            "# Derived from PETRARCH2's Phoenix.discards.txt (MIT, Open Event Data Alliance; see data/actors/"
            "phoenix/LICENSE) by scripts/convert_phoenix.py.\n# scope\tmatch\tphrase\n"
        )
        for row in rows:
            fh.write("\t".join(row) + "\n")
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dicts", nargs="?", default=str(DEFAULT_DICTS))
    parser.add_argument("--plover-map", default=str(DEFAULT_PLOVER_MAP))
    args = parser.parse_args(argv)
    dicts = Path(args.dicts)
    country_data = json.loads((ROOT / "src/eventscope/data/actors/countries.json").read_text(encoding="utf-8"))
    country_names = {c["iso3"]: c["name"] for c in country_data}
    countries = set(country_names)

    country_records = read_actor_file(dicts / "Phoenix.Countries.actors.txt")
    people = convert_people(country_records, countries, country_names)
    aliases = convert_country_aliases(country_records, countries, country_names)
    orgs = convert_orgs(read_actor_file(dicts / "Phoenix.International.actors.txt"), countries, "international")
    orgs += convert_orgs(read_actor_file(dicts / "Phoenix.MilNonState.actors.txt"), countries, "armed_group")
    agents = convert_agents(dicts / "Phoenix.agents.txt")

    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for name, data in (
        ("people.json", people),
        ("organizations.json", orgs),
        ("country_aliases.json", aliases),
        ("agents.json", agents),
    ):
        (OUT_DIR / name).write_text(
            json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8"
        )
    licence = (dicts / "LICENSE").read_text(encoding="utf-8")
    (OUT_DIR / "LICENSE").write_text(
        "The files in this folder are derived by scripts/convert_phoenix.py from the PETRARCH2/Phoenix\n"
        "dictionaries of the Open Event Data Alliance, under this licence:\n\n" + licence,
        encoding="utf-8",
    )

    plover_map = read_plover_map(Path(args.plover_map))
    # modes of the 2021 conversion table that the project's PLOVER version does not list are dropped
    from eventscope.events.ontology import load_ontology

    ontology = load_ontology()
    plover_map = {
        code: (t, m if t in ontology.types and m in ontology.modes(t) else "") for code, (t, m) in plover_map.items()
    }
    verbs = convert_verbs(dicts / "CAMEO.2.0.txt", plover_map) if plover_map else []
    with VERBS_OUT.open("w", encoding="utf-8") as fh:
        fh.write(
            "# Derived from PETRARCH2's CAMEO.2.0.txt (MIT, Open Event Data Alliance; see data/actors/phoenix/"
            "LICENSE) by scripts/convert_phoenix.py.\n# verb\tcameo\tplover_type\tplover_mode\n"
        )
        for row in verbs:
            fh.write("\t".join(row) + "\n")
    discards = write_discards(dicts / "Phoenix.discards.txt")
    dated = sum(1 for p in people if p["roles"])
    print(
        f"people {len(people)} ({dated} with dated roles), organisations {len(orgs)}, "
        f"countries with aliases {len(aliases)}, agents {len(agents)}, verbs {len(verbs)}, discards {discards}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
