"""Toponym resolution: pick one gazetteer entry per mention.

A candidate's score adds (1) its size (log population), (2) a prior for its kind (a bare country name means
the country), (3) whether the mention used its main name rather than one of GeoNames' alternate names,
(4) agreement with the document's other places (its country, its admin1 region) and (5) an explicit
qualifier right after the mention ("Paris, Texas").  Two passes: the first, context-free, tells us which
countries and regions the story is about; the second uses that.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from eventscope.geo.gazetteer import Gazetteer
from eventscope.geo.normalize import name_key
from eventscope.geo.recognize import Mention
from eventscope.vocabulary import words

# All weights below were set together on the GeoWebNews + LGL dev sets (eventscope.evaluation.geo,
# accuracy@161km); re-run both after changing any of them.
KIND_PRIOR = {
    "PCLI": 3.0,
    "CONT": 2.0,
    "ADM1": -1.0,
    "ADM2": 0.0,
    "PPLC": 2.0,
    "PPL": 0.0,
}
# Seas, macro-regions and physical features carry no population; this stands in for log10(population).
FEATURE_SIZE = 7.0
MAIN_NAME_BONUS = 1.5
COUNTRY_CONTEXT_WEIGHT = 3.0
ADMIN1_CONTEXT_WEIGHT = 3.0
QUALIFIER_WEIGHT = 6.0
# An admin region sets the admin1 context only when its own resolution is this sure: "Alexandria" alone is
# as likely the Egyptian governorate as the city.
MIN_ADMIN_CONTEXT_CONFIDENCE = 0.6
# How much a city's context-free resolution says about the story's country, versus an explicit country.
CITY_EVIDENCE = 0.5
# How much the story's country known from outside its places (its actors, its administrative words) says:
# enough to choose between namesakes ("Hyderabad" in a story about Pakistani parties), not to outvote places.
PRIOR_EVIDENCE = 0.5
# Spatial support (one story, one area): a candidate near a candidate of another name in the document, or in
# the admin1 region another name may denote, gains SPATIAL_WEIGHT x the other name's (tempered) probability
# of meaning that nearby place, summed over the other names.  Chosen on GeoWebNews + LGL dev (evaluate_geo).
SPATIAL_WEIGHT = 3.0
SPATIAL_TEMPERATURE = 4.0
SPATIAL_CELL_DEG = 1.0  # grid cell; a candidate's neighbourhood is its cell and the 8 around it (~100-300 km)
SPATIAL_MAX_CANDIDATES = 60  # per name, best context-free first; bounds the cost on "Springfield"-like names
_POINT_KINDS = frozenset({"PPL", "PPLC", "ADM2"})
# A small town abroad is a worse reading than "a place the gazetteer lacks" when every other place of the
# story is in one country and far from it ("Sadar upazila in Chuadanga" is not Sadar in Java: upazilas and
# villages are missing from cities500).  Such a reading is dropped (the geoparser then places the mention
# near the story's main place).  "Small" and "far" keep famous namesakes and border towns.
STRAY_MAX_POPULATION = 100_000
STRAY_MIN_KM = 1_000.0
STRAY_MIN_SHARE = 0.75  # the share of the other places' countries that the story's country must have
STRAY_MAX_MENTIONS = 200


@dataclass
class Resolution:
    entry: int | None
    confidence: float


@dataclass
class Context:
    """What the document as a whole is about: country shares and admin1 regions mentioned."""

    country_share: dict[str, float]
    admin1: set[str]
    main_country: str | None
    spatial: dict[int, float] = field(default_factory=dict)  # entry -> support from the other names nearby


def _base_score(gaz: Gazetteer, i: int, key: str) -> float:
    fc = gaz.fc[i]
    pop = gaz.pop[i]
    size = math.log10(pop + 1) if pop else (FEATURE_SIZE if fc not in KIND_PRIOR else 2.0)
    curated = fc not in {"PPL", "PPLC"}
    if curated or name_key(gaz.name[i]) == key:
        return size + KIND_PRIOR.get(fc, 1.0) + MAIN_NAME_BONUS
    return size  # an alternate (often historical or foreign) name: "Salisbury" is not Harare today


def _scores(
    gaz: Gazetteer, key: str, ctx: Context | None, qualifier: tuple[int, ...], qualifies: tuple[int, ...] = ()
) -> list[tuple[float, int]]:
    """Scored candidates, best first; ``qualifier``: candidates of a following ", Texas";
    ``qualifies``: candidates of the preceding "Paris" when this mention is itself the qualifier."""
    out = []
    for i in gaz.candidates(key):
        s = _base_score(gaz, i, key)
        if ctx is not None:
            cc = gaz.cc[i]
            s += COUNTRY_CONTEXT_WEIGHT * ctx.country_share.get(cc, 0.0)
            if gaz.a1[i] and f"{cc}.{gaz.a1[i]}" in ctx.admin1 and gaz.fc[i] != "ADM1":
                s += ADMIN1_CONTEXT_WEIGHT
            s += SPATIAL_WEIGHT * ctx.spatial.get(i, 0.0)
        if qualifier and _qualified(gaz, i, qualifier):
            s += QUALIFIER_WEIGHT
        if qualifies and any(_qualified(gaz, c, (i,)) for c in qualifies):
            s += QUALIFIER_WEIGHT
        out.append((s, i))
    out.sort(reverse=True)
    return out


def _qualified(gaz: Gazetteer, i: int, qualifier: tuple[int, ...]) -> bool:
    """True when a qualifier candidate contains entry i (its country, or its admin1 region)."""
    return any(gaz.contains(q, i) for q in qualifier)


def _confidence(scored: list[tuple[float, int]]) -> float:
    """Softmax weight of the winner: near 1 when it stands out, 1/n when candidates tie."""
    if not scored:
        return 0.0
    top = scored[0][0]
    z = sum(math.exp(s - top) for s, _ in scored[:10])
    return 1.0 / z


def _qualifiers(mentions: list[Mention], text: str) -> list[tuple[int, bool]]:
    """For each mention, the index of the mention it forms a "Paris, Texas" pair with, and whether it is
    the qualifier (the second) or the qualified (the first) one; (-1, False) when none."""
    out = [(-1, False) for _ in mentions]
    for a in range(len(mentions) - 1):
        gap = text[mentions[a].end : mentions[a + 1].start]
        if gap.strip() == "," and out[a][0] < 0:
            out[a] = (a + 1, False)
            out[a + 1] = (a, True)
    return out


def _main_name(gaz: Gazetteer, i: int, key: str) -> bool:
    return gaz.fc[i] not in {"PPL", "PPLC"} or name_key(gaz.name[i]) == key


def _other_name(gaz: Gazetteer, i: int, key: str) -> bool:
    """The mention names the entry with no word of its main name ("Bagda" for Baghdad; not "Washington DC")."""
    return not set(name_key(gaz.name[i]).split()) & set(key.split())


def _cell(gaz: Gazetteer, i: int) -> tuple[int, int]:
    return int(math.floor(gaz.lat[i] / SPATIAL_CELL_DEG)), int(math.floor(gaz.lon[i] / SPATIAL_CELL_DEG))


def spatial_support(gaz: Gazetteer, keys: list[str]) -> dict[int, float]:
    """Per candidate entry: how strongly the document's *other* names point to its neighbourhood.

    Each name spreads a tempered context-free probability over its candidates; a candidate collects, from
    every other name, the largest probability that name gives to a place in its grid neighbourhood (towns,
    counties) or in its admin1 region (states collect from their towns, towns from their state).  Local
    stories name several nearby places ("Brandon", "Alexandria", "Kensington" in Minnesota), so the
    consistent readings support each other while a lone famous namesake abroad gets nothing.
    """
    probs: dict[str, list[tuple[int, float]]] = {}
    for key in dict.fromkeys(keys):
        scored = _scores(gaz, key, None, ())[:SPATIAL_MAX_CANDIDATES]
        if len(scored) == 0:
            continue
        top = scored[0][0]
        w = [math.exp((sc - top) / SPATIAL_TEMPERATURE) for sc, _ in scored]
        z = sum(w)
        # Only readings under a place's own name take part: alternate names ("California" for a village in
        # West Virginia) are too many and too arbitrary to say where a story is.
        probs[key] = [(i, x / z) for (_, i), x in zip(scored, w, strict=True) if _main_name(gaz, i, key)]
    if len(probs) < 2:
        return {}
    cells: dict[tuple[int, int], dict[str, float]] = {}
    regions: dict[str, dict[str, float]] = {}
    for key, cands in probs.items():
        for i, p in cands:
            fc = gaz.fc[i]
            if fc in _POINT_KINDS:
                slot = cells.setdefault(_cell(gaz, i), {})
                slot[key] = max(slot.get(key, 0.0), p)
            if fc in _POINT_KINDS or fc == "ADM1":
                if gaz.a1[i]:
                    slot = regions.setdefault(f"{gaz.cc[i]}.{gaz.a1[i]}", {})
                    slot[key] = max(slot.get(key, 0.0), p)
    out: dict[int, float] = {}
    for key, cands in probs.items():
        for i, _ in cands:
            fc = gaz.fc[i]
            best: dict[str, float] = {}
            if fc in _POINT_KINDS:
                y, x = _cell(gaz, i)
                for dy in (-1, 0, 1):
                    for dx in (-1, 0, 1):
                        for k, p in cells.get((y + dy, x + dx), {}).items():
                            if k != key and p > best.get(k, 0.0):
                                best[k] = p
            if (fc in _POINT_KINDS or fc == "ADM1") and gaz.a1[i]:
                for k, p in regions.get(f"{gaz.cc[i]}.{gaz.a1[i]}", {}).items():
                    if k != key and p > best.get(k, 0.0):
                        best[k] = p
            if best:
                out[i] = sum(best.values())
    return out


def build_context(
    gaz: Gazetteer, resolved: list[Resolution], mentions: list[Mention], prior: str | None = None
) -> Context:
    """Country shares and admin1 regions of the resolved mentions; ``prior`` (ISO alpha-2, the story's country
    from outside its places) counts as one more city's worth of evidence."""
    weights: Counter[str] = Counter()  # float weights; Counter adds them all the same
    if prior:
        weights[prior] += PRIOR_EVIDENCE  # type: ignore[assignment]
    admin1: set[str] = set()
    for r in resolved:
        if r.entry is None:
            continue
        i = r.entry
        cc, fc = gaz.cc[i], gaz.fc[i]
        if not cc:
            continue
        if fc == "PCLI":
            weights[cc] += r.confidence
        elif fc in {"ADM1", "ADM2"}:
            weights[cc] += r.confidence
            if gaz.a1[i] and r.confidence >= MIN_ADMIN_CONTEXT_CONFIDENCE:
                admin1.add(f"{cc}.{gaz.a1[i]}")
        else:
            weights[cc] += CITY_EVIDENCE * r.confidence
    total = sum(weights.values())
    share = {cc: w / total for cc, w in weights.items()} if total else {}
    main = weights.most_common(1)[0][0] if weights else None
    return Context(share, admin1, main)


REFERRING_CUES = frozenset({"capital"})  # "the capital": a place the story implies but does not name


def resolve(
    gaz: Gazetteer, mentions: list[Mention], text: str, fallback_country: str | None = None
) -> tuple[list[Resolution], Context]:
    """Resolve all mentions of one document (two passes, see module docstring).  ``fallback_country`` (ISO
    alpha-2, e.g. from the story's actors) is the story's country when its places name none."""
    qual_index = _qualifiers(mentions, text)

    def run(ctx: Context | None) -> list[Resolution]:
        out = []
        for m, q in zip(mentions, qual_index, strict=True):
            if m.cue in REFERRING_CUES:
                out.append(Resolution(None, 0.0))
                continue
            other, is_qualifier = q
            cands = gaz.candidates(mentions[other].key) if other >= 0 else ()
            scored = _scores(gaz, m.key, ctx, () if is_qualifier else cands, cands if is_qualifier else ())
            out.append(Resolution(scored[0][1], _confidence(scored)) if scored else Resolution(None, 0.0))
        return out

    first = run(None)
    ctx = build_context(gaz, first, mentions, fallback_country)
    ctx.spatial = spatial_support(gaz, [m.key for m in mentions if m.cue not in REFERRING_CUES and m.key])
    # org words first: a misread "Juba League" must not outvote the story's own towns as strays
    second = _drop_org_words(gaz, mentions, run(ctx), fallback_country, text)
    second = _drop_strays(gaz, mentions, second, fallback_country)
    second = _cohere_local(gaz, mentions, second, text)
    country = build_context(gaz, second, mentions).main_country if second != first else ctx.main_country
    second = _refer(gaz, mentions, second, country or fallback_country)
    return second, build_context(gaz, second, mentions)


# Heads of political organisations' names, which a place's word may open without the group being there.
MOVEMENT_WORDS = frozenset(
    {"league", "party", "front", "dal", "movement", "alliance", "army", "brigade", "tigers", "sena", "parishad"}
)


# Sub-district names that only say "the headquarters one" ("Sadar upazila", "Kotwali thana"): every district
# has one, so a namesake elsewhere in the world is no reading of them.
GENERIC_UNIT_NAMES = frozenset({"sadar", "sadr", "kotwali", "kotowali", "model"})
UNIT_WORDS = frozenset({"upazila", "upazilla", "thana", "tehsil", "tahsil", "taluk", "mandal", "block", "district"})


def _generic_unit(m: Mention, text: str) -> bool:
    words = m.text.lower().split()
    if not words or words[0] not in GENERIC_UNIT_NAMES:
        return False
    after = text[m.end : m.end + 20].split()
    return (len(words) > 1 and words[-1] in UNIT_WORDS) or bool(after and after[0].lower() in UNIT_WORDS)


def _drop_org_words(
    gaz: Gazetteer, mentions: list[Mention], resolved: list[Resolution], fallback_country: str | None, text: str
) -> list[Resolution]:
    """A city read from the first word of an organisation's name ("Juba League", "Lahore Press Club") stands
    only when the story's other places agree on its country, or it has no other place to go by: "a leader of
    Juba League ... in Sonagazi Upazila in Feni" is no story from South Sudan, even when the gazetteer lacks
    Sonagazi.  The actors' country (``fallback_country``) counts as agreement.  A generic sub-district name
    ("Sadar upazila") stands only on the same terms, alone or not (``GENERIC_UNIT_NAMES``)."""
    others = [
        r
        for m, r in zip(mentions, resolved, strict=True)
        if m.cue not in REFERRING_CUES | {"org"} and not _generic_unit(m, text)
    ]
    countries = {gaz.cc[r.entry] for r in others if r.entry is not None} | {fallback_country}
    out = []
    for m, r in zip(mentions, resolved, strict=True):
        i = r.entry
        if i is not None and _generic_unit(m, text) and gaz.cc[i] not in countries:
            r = Resolution(None, 0.0)  # placed later in the unit's district ("... in Chuadanga"), if named
        if not others:
            out.append(r)
            continue
        if m.cue == "org" and i is not None and gaz.fc[i].startswith("PPL") and gaz.cc[i] not in countries:
            # a party or league is no institution with an address, as a university or a press club is
            after = text[m.end : m.end + 30].split()
            if after and after[0].lower().strip(".,;:") in MOVEMENT_WORDS:
                r = Resolution(None, 0.0)
        out.append(r)
    return out


def _refer(
    gaz: Gazetteer, mentions: list[Mention], resolved: list[Resolution], country: str | None
) -> list[Resolution]:
    """ "the capital" is the capital of the story's country."""
    cap = gaz.capital.get(country) if country else None
    if cap is None:
        return resolved
    return [Resolution(cap, 0.5) if m.cue == "capital" else r for m, r in zip(mentions, resolved, strict=True)]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance between two points (km)."""
    la1, lo1, la2, lo2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _km(gaz: Gazetteer, i: int, j: int) -> float:
    """Great-circle distance between two entries (km)."""
    return haversine_km(gaz.lat[i], gaz.lon[i], gaz.lat[j], gaz.lon[j])


def _drop_strays(
    gaz: Gazetteer, mentions: list[Mention], resolved: list[Resolution], prior: str | None = None
) -> list[Resolution]:
    """Unresolve small towns in a foreign country far from all the story's other places (``STRAY_*``).

    Smallest first, and a dropped reading no longer counts as evidence, so that of two lone readings in two
    countries only the weaker goes.  A name the story repeats is its subject, not a stray.  Long stories
    (over ``STRAY_MAX_MENTIONS``) have context enough and are left alone, which also bounds the cost.
    ``prior`` (ISO alpha-2: the story's country from its actors or administrative words) is one more vote:
    "Khanpur" alone in a report of an upazila is no town in Pakistan."""
    out = list(resolved)
    if len(mentions) > STRAY_MAX_MENTIONS:
        return out
    times = Counter(m.key for m in mentions)
    votes = Counter(gaz.cc[r.entry] for r in out if r.entry is not None and gaz.cc[r.entry])
    if prior:
        votes[prior] += 1
    order = sorted(range(len(resolved)), key=lambda n: gaz.pop[e] if (e := resolved[n].entry) is not None else 0)
    for n in order:
        i = out[n].entry
        if i is None or times[mentions[n].key] > 1:
            continue
        if gaz.fc[i] != "PPL" and not (gaz.fc[i] == "PPLC" and _other_name(gaz, i, mentions[n].key)):
            continue  # a capital strays only under another name ("Bagda" is no Baghdad in a Bengal story)
        if gaz.pop[i] >= STRAY_MAX_POPULATION and _main_name(gaz, i, mentions[n].key):
            continue  # a big town under its own name is no stray (one under an old or foreign name may be)
        others = votes - Counter([gaz.cc[i]]) if gaz.cc[i] else votes
        if not others:
            continue
        country, count = others.most_common(1)[0]
        if country == gaz.cc[i] or count < STRAY_MIN_SHARE * sum(others.values()):
            continue
        near = (o.entry for k, o in enumerate(out) if k != n and o.entry is not None and gaz.fc[o.entry] != "PCLI")
        if all(_km(gaz, i, j) >= STRAY_MIN_KM for j in near if gaz.cc[j]):
            out[n] = Resolution(None, 0.0)
            if gaz.cc[i]:
                votes[gaz.cc[i]] -= 1
    return out


# Local coherence (see ``_cohere_local``).
LOCAL_NEAR_KM = 60.0  # a town "in" a county the story names lies this close to the county's point
LOCAL_KINDS = frozenset({"PPL", "ADM2"})  # the story's own towns and counties
LOCAL_TOWN_WORDS = frozenset(words("local_town_words"))  # data/vocabulary.json
_WORD = re.compile(r"[a-z]+")
_DEMONYMS: dict[str, set[str]] = {}


def _named_country(gaz: Gazetteer, cc: str, mentions: list[Mention], resolved: list[Resolution], text: str) -> bool:
    """The story names the foreign place's country itself, or its people ("French police", "in France")."""
    if not _DEMONYMS:
        from eventscope.geo.gazetteer import country_demonyms

        for iso2, demonym in country_demonyms():
            _DEMONYMS.setdefault(iso2, set()).add(demonym.lower())
    tokens = set(text.lower().replace("-", " ").split())
    if _DEMONYMS.get(cc, set()) & {w.strip(".,;:'\"()") for w in tokens}:
        return True
    return any(r.entry is not None and gaz.fc[r.entry] == "PCLI" and gaz.cc[r.entry] == cc for r in resolved)


def _cohere_local(gaz: Gazetteer, mentions: list[Mention], resolved: list[Resolution], text: str) -> list[Resolution]:
    """A famous city abroad becomes its namesake in the story's own county or state when every other place of
    the story lies in one country and the namesake sits among them.

    US local news is full of towns named after cities abroad (Paris, Tennessee; Athens, Georgia; Moscow, Idaho;
    Lebanon, Ohio); written without their state ("A Paris man was arrested by Henry County deputies") the
    city's size wins.  The story's other places say where it is: a candidate of the name within
    ``LOCAL_NEAR_KM`` of a town or county the story names is taken, the county's own namesakes being
    resolved jointly with it ("Henry County" is in ten states; the one holding a Paris is meant); failing that,
    a candidate in the one admin1 region that the story's towns, counties and state share, when the story names
    the town as its own (``_local_use``: "Athens police", not "a trip to Athens").  Kept abroad: a
    city when any other place of the story lies outside that country, when the story names its country or
    its people ("French police in Paris"), or when the story names no local place (a county or town) at all.
    The actors' country is no guard here: "a Paris man" makes the actors French by the very reading at issue."""
    local = [
        n
        for n, (m, r) in enumerate(zip(mentions, resolved, strict=True))
        if r.entry is not None and m.cue not in REFERRING_CUES and gaz.fc[r.entry] != "CONT"
    ]
    if len(local) < 2:
        return resolved
    out = list(resolved)
    for n in local:
        i = resolved[n].entry
        assert i is not None
        key = mentions[n].key
        cc = gaz.cc[i]
        if gaz.fc[i] not in {"PPL", "PPLC"} or not cc:
            continue
        others = [k for k in local if mentions[k].key != key]
        anchors = [out[k].entry for k in others]
        countries = {gaz.cc[e] for e in anchors if e is not None}
        if len(countries) != 1 or cc in countries:
            continue
        home = countries.pop()
        kinds = {gaz.fc[e] for e in anchors if e is not None}
        if not kinds & LOCAL_KINDS or "PCLI" in kinds:
            continue
        if _named_country(gaz, cc, mentions, resolved, text):
            continue
        cands = [c for c in gaz.candidates(key) if gaz.cc[c] == home and gaz.fc[c] in LOCAL_KINDS]
        cands = [c for c in cands if _main_name(gaz, c, key)]
        if not cands:
            continue
        pick = _near_pick(gaz, cands, [(k, e) for k, e in zip(others, anchors, strict=True) if e is not None], mentions)
        if pick is not None:
            c, moves = pick
            for k, e in moves:
                out[k] = Resolution(e, out[k].confidence)
        else:
            regions = {gaz.a1[e] for e in anchors if e is not None and gaz.fc[e] in LOCAL_KINDS | {"ADM1"}}
            inside = [c for c in cands if len(regions) == 1 and gaz.a1[c] in regions]
            if not inside or not any(m.key == key and _local_use(m, text) for m in mentions):
                continue
            c = max(inside, key=lambda c: gaz.pop[c])
        for k in range(len(mentions)):
            if out[k].entry == i:  # every mention read as that city ("Paris City Hall" too)
                out[k] = Resolution(c, out[k].confidence)
    return out


def _local_use(m: Mention, text: str) -> bool:
    """The town is named as the story's own: a ``LOCAL_TOWN_WORDS`` noun follows it ("Athens police", "a Paris
    woman") or governs it ("the mayor of Athens", "officers in Paris")."""
    after = _WORD.findall(text[m.end : m.end + 25].lower())[:1]
    before = _WORD.findall(text[max(0, m.start - 30) : m.start].lower())[-2:]
    return bool(after and after[0] in LOCAL_TOWN_WORDS) or (
        len(before) == 2 and before[1] in {"of", "in"} and before[0] in LOCAL_TOWN_WORDS
    )


def _near_pick(
    gaz: Gazetteer, cands: list[int], anchors: list[tuple[int, int]], mentions: list[Mention]
) -> tuple[int, list[tuple[int, int]]] | None:
    """The candidate nearest a town or county of the story (within ``LOCAL_NEAR_KM``), and the mentions to move.

    The story's places as resolved come first; failing them, a county's other namesakes: a county name read
    in the wrong state ("Henry County": Illinois) moves, every mention of it, to the namesake next to the
    candidate (Henry County, Tennessee holds Paris)."""
    local = [(k, e) for k, e in anchors if gaz.fc[e] in LOCAL_KINDS]
    pairs: list[tuple[float, int, list[tuple[int, int]]]] = [(_km(gaz, c, e), c, []) for c in cands for _, e in local]
    near = [p for p in pairs if p[0] <= LOCAL_NEAR_KM]
    if not near:
        for k, e in local:
            if gaz.fc[e] != "ADM2":
                continue
            same = [kk for kk, m in enumerate(mentions) if m.key == mentions[k].key]
            for x in gaz.candidates(mentions[k].key):
                if gaz.fc[x] == "ADM2" and x != e:
                    near += [(d, c, [(kk, x) for kk in same]) for c in cands if (d := _km(gaz, c, x)) <= LOCAL_NEAR_KM]
    if not near:
        return None
    _, c, moves = min(near, key=lambda p: p[0])
    return c, moves
