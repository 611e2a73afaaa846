"""The geo stage's public surface: :class:`Geoparser`."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from functools import cached_property, lru_cache
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from eventscope.geo import locate as _locate
from eventscope.geo.gazetteer import Gazetteer, country_demonyms
from eventscope.geo.normalize import name_key
from eventscope.geo.recognize import (
    GENERIC_WORDS,
    MIN_POPULATION_PREP_CUE,
    PLACE_SUFFIXES,
    _sub_names,
    find_mentions,
    lookup_key,
)
from eventscope.geo.resolve import REFERRING_CUES, Context, _scores, resolve
from eventscope.nlp.parser import document_text
from eventscope.records import EventLocation, Place

# Mentions found only by context (not spaCy's place labels) are less certain; their confidence is scaled.
CUE_CONFIDENCE = {"entity": 1.0, "cue": 0.9, "prep": 0.7, "discourse": 0.8, "org": 0.6, "capital": 0.6}
# A mention the gazetteer lacks (a street, stadium, hamlet) is placed at the place it names or sits in, and says
# so: no GeoNames id, this feature code, and a low confidence.  See ``_approximate``.
NEAR_CODE = "NEAR"
NEAR_CONFIDENCE = 0.3  # a fixed "rough guess" level, not tuned (no evaluation scores confidence)
#: Smallest town an outlet's name is taken to place the outlet in ("Imphal Free Press"): smaller places share their
#: names with the words outlets are called by ("Dawn", "Nation", "Post").
OUTLET_TOWN_POPULATION = 100_000
OUTLET_NAMES_KEPT = 10_000  # outlet names whose reading is kept (a bound on memory)
_OUTLET_WORD = re.compile(r"[^\W\d_]+")
STREET_HEADS = frozenset({"street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "drive", "lane", "way"})
"""Last words of street names (``_approximate``): a street takes its name from places anywhere."""


# Words that may stand between a place and the larger place that holds it: "Jugni village in Sadar upazila",
# "Badapadar, in Kudumulagumma block of Malkangiri", "Dungkur village at Kalain in Cachar district".
_CONTAINER_GAP = re.compile(r"^(?:[\s,]|\b(?:in|of|at|under|near|the|" + "|".join(sorted(PLACE_SUFFIXES)) + r")\b)*$")
_CONTAINER_MAX_CHARS = 40


def _container(text: str, p: Place, located: list[Place], starts: list[int]) -> Place | None:
    """The known place right after an unknown one, joined only by kind words and prepositions ("X village in
    Y district"), or right before it with a possessive ("Meghalaya's South Garo Hills"): where it lies.
    ``located`` is sorted by start offset and ``starts`` are those offsets (bisection, not a scan)."""
    k = bisect_left(starts, p.end)
    if k < len(located):
        q = located[k]
        if q.start - p.end <= _CONTAINER_MAX_CHARS and _CONTAINER_GAP.match(text[p.end : q.start].lower()):
            return _possessed(text, located, k)
    k = bisect_left(starts, p.start) - 1
    if k >= 0:
        q = located[k]
        if q.end <= p.start and p.start - q.end <= 3 and text[q.end : p.start].strip() in {"'s", "’s"}:
            return q
    return None


def _possessed(text: str, located: list[Place], k: int) -> Place:
    """The innermost place of a possessive chain that starts at ``located[k]`` ("Jammu & Kashmir's Kupwara"): an
    unknown place "in" the chain lies in its last, smallest link (``locate.holds``)."""
    while True:
        inner = next(
            (j for j in (k + 1, k + 2) if j < len(located) and _locate.holds(text, located[k], located[j])), None
        )
        if inner is None:
            return located[k]
        k = inner


_OUTLET_RANK = {"PCLI": 2, "ADM1": 1}


def _outlet_place(gaz: Gazetteer, i: int) -> bool:
    """A place an outlet may be named after: a country, a first-level region or a large town."""
    return gaz.fc[i] in {"PCLI", "ADM1"} or (gaz.fc[i].startswith("PPL") and gaz.pop[i] >= OUTLET_TOWN_POPULATION)


class Geoparser:
    """Finds toponyms in a spaCy Doc, resolves them to GeoNames, and locates events.

    The gazetteer loads on first use (cached on disk after the first build, see ``gazetteer.py``) so that
    constructing a pipeline costs nothing until geoparsing is needed.
    """

    def __init__(self, cache_dir: Path | None = None, gazetteer: Gazetteer | None = None) -> None:
        self._cache_dir = cache_dir
        self._gaz = gazetteer
        # a corpus names a few outlets thousands of times: each name is read once
        self._read_home = lru_cache(maxsize=OUTLET_NAMES_KEPT)(self._home_of)

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gaz is None:
            self._gaz = Gazetteer.load(self._cache_dir)
        return self._gaz

    @cached_property
    def _demonym_countries(self) -> dict[str, int]:
        """Country entries by demonym ("Indian" -> India): of countries sharing one, the most populous."""
        gaz = self.gazetteer
        found: dict[str, int] = {}
        for iso2, demonym in country_demonyms():
            entry = gaz.country_entry.get(iso2)
            if entry is not None and (demonym not in found or gaz.pop[entry] > gaz.pop[found[demonym]]):
                found[demonym] = entry
        return found

    def home_country(self, outlet: str | None) -> str | None:
        """The country (alpha-3) an outlet's name places it in ("Bangkok Post", "Press Trust of India", "Assam
        Tribune"): the one country that the countries, first-level regions and large towns its words name lie in.
        The longest name wins ("New York Times" is not York's). None when the words name no such place ("The
        Hindu", "Reuters") or places in several countries ("Punjab Kesari": Punjab is a state of two)."""
        if not outlet:
            return None
        return self._read_home(outlet)

    def _home_of(self, outlet: str) -> str | None:
        gaz = self.gazetteer
        words = _OUTLET_WORD.findall(outlet)
        found: set[str] = set()
        covered: set[int] = set()
        for size in (3, 2, 1):
            for i in range(len(words) - size + 1):
                span = set(range(i, i + size))
                phrase = " ".join(words[i : i + size])
                if span & covered or phrase.lower() in STOP_WORDS or phrase.lower() in GENERIC_WORDS:
                    continue
                named = [c for c in gaz.candidates(name_key(phrase)) if _outlet_place(gaz, c)]
                if not named and phrase in self._demonym_countries:  # "Indian Express"
                    named = [self._demonym_countries[phrase]]
                if not named:
                    continue
                covered |= span
                # the phrase's own reading: a country before a first-level region before a town
                rank = max(_OUTLET_RANK.get(gaz.fc[c], 0) for c in named)
                readings = [c for c in named if _OUTLET_RANK.get(gaz.fc[c], 0) == rank]
                largest = max(gaz.pop[c] for c in readings)
                # towns of one name: the largest, and any about as large ("Hyderabad" in India and Pakistan)
                found |= {gaz.country3(c) or "" for c in readings if rank or gaz.pop[c] >= largest / 2}
        found.discard("")
        return found.pop() if len(found) == 1 else None

    def find_places(self, doc: Doc, country: str | None = None) -> list[Place]:
        """Every toponym mention in ``doc``, resolved where the gazetteer knows it (ids null otherwise).
        ``country`` (alpha-3, e.g. from the story's actors) stands for the story's country when no place says
        it ("clashes in the capital")."""
        gaz = self.gazetteer
        iso2 = gaz.iso2.get(country) if country else None
        mentions = find_mentions(doc, gaz, iso2)
        resolutions, ctx = resolve(gaz, mentions, document_text(doc), iso2)
        places: list[Place | None] = []
        for m, r in zip(mentions, resolutions, strict=True):
            if r.entry is None:
                places.append(None if m.cue in REFERRING_CUES else Place(m.start, m.end, m.text, *[None] * 7, 0.0))
                continue
            places.append(self._place(m.start, m.end, m.text, r.entry, r.confidence * CUE_CONFIDENCE[m.cue]))
        located = sorted((p for p in places if p is not None and p.lat is not None), key=lambda p: p.start)
        starts = [p.start for p in located]
        text = document_text(doc)
        # an unknown place sits in the story's main place, but not in the town of the hospital it sent its
        # wounded to ("injured in X village ... died at Rangpur Medical College Hospital") if it has another
        scenes = [p for p in located if not _locate._medical(doc, _locate._place_tokens(doc, p))]
        anchor = _locate.main_place(scenes) or _locate.main_place(located)
        known = {m.key for m, r in zip(mentions, resolutions, strict=True) if r.entry is not None}
        out = []
        for p in places:
            if p is not None and p.lat is None:
                p = self._approximate(doc, p, ctx, known, _container(text, p, located, starts) or anchor) or p
            if p is not None:
                out.append(p)
        return out

    def _approximate(self, doc: Doc, p: Place, ctx: Context, known: set[str], anchor: Place | None) -> Place | None:
        """Place an unknown mention at a known place inside its name ("Vancouver International Airport"), when
        that name is a place elsewhere in the story or well known; else at the story's main local place (the
        streets of a New Orleans story are in New Orleans).  None when the story has no local place."""
        gaz = self.gazetteer
        span = doc.char_span(p.start, p.end, alignment_mode="expand")
        # a street is named after anywhere ("Nordland Avenue", "Moscow Street"): it lies in the place its name
        # holds only when the story names that place too, however well known the place is
        street = span is not None and span[-1].lower_.rstrip(".") in STREET_HEADS
        for part in _sub_names(gaz, span) if span is not None and len(span) > 1 else ():
            key = lookup_key(gaz, part)
            if key is None or part.start_char == p.start and part.end_char == p.end:
                continue
            scored = _scores(gaz, key, ctx, ())
            if scored and (key in known or (gaz.pop[scored[0][1]] >= MIN_POPULATION_PREP_CUE and not street)):
                near = self._place(p.start, p.end, p.text, scored[0][1], NEAR_CONFIDENCE)
                return replace(near, geonames_id=None, feature_code=NEAR_CODE)
        if anchor is None:
            return None
        return replace(
            anchor,
            start=p.start,
            end=p.end,
            text=p.text,
            geonames_id=None,
            feature_code=NEAR_CODE,
            confidence=round(NEAR_CONFIDENCE * anchor.confidence, 3),
        )

    def _place(self, start: int | None, end: int | None, text: str | None, i: int, conf: float) -> Place:
        gaz = self.gazetteer
        admin1 = gaz.name[i] if gaz.fc[i] == "ADM1" else gaz.admin1_name(i)
        return Place(
            start,
            end,
            text,
            gaz.gid[i] or None,
            gaz.name[i],
            gaz.lat[i],
            gaz.lon[i],
            gaz.country3(i),
            admin1,
            gaz.fc[i],
            round(conf, 3),
        )

    def country_place(self, iso3: str) -> Place | None:
        """The country entry (representative point) for an alpha-3 code, without a text span."""
        gaz = self.gazetteer
        iso2 = gaz.iso2.get(iso3)
        if iso2 is None or iso2 not in gaz.country_entry:
            return None
        return self._place(None, None, None, gaz.country_entry[iso2], 0.5)

    def locate(
        self, doc: Doc, trigger_index: int, places: list[Place], every_place: list[Place] | None = None
    ) -> EventLocation | None:
        """Where the event at ``doc[trigger_index]`` happened; precision says how we know (see locate.py).
        ``every_place``: all the document's places, when ``places`` leaves some out (actors' own places)."""
        return _locate.locate(doc, trigger_index, places, self.country_place, every_place)
