"""The geo stage's public surface: :class:`Geoparser`."""

from __future__ import annotations

from pathlib import Path

from spacy.tokens import Doc

from eventscope.geo import locate as _locate
from eventscope.geo.gazetteer import Gazetteer
from eventscope.geo.recognize import find_mentions
from eventscope.geo.resolve import resolve
from eventscope.records import EventLocation, Place

# Mentions found only by context (not spaCy's place labels) are less certain; their confidence is scaled.
CUE_CONFIDENCE = {"entity": 1.0, "cue": 0.9, "prep": 0.7, "discourse": 0.8, "capital": 0.6}


class Geoparser:
    """Finds toponyms in a spaCy Doc, resolves them to GeoNames, and locates events.

    The gazetteer loads on first use (cached on disk after the first build, see ``gazetteer.py``) so that
    constructing a pipeline costs nothing until geoparsing is needed.
    """

    def __init__(self, cache_dir: Path | None = None, gazetteer: Gazetteer | None = None) -> None:
        self._cache_dir = cache_dir
        self._gaz = gazetteer

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gaz is None:
            self._gaz = Gazetteer.load(self._cache_dir)
        return self._gaz

    def find_places(self, doc: Doc) -> list[Place]:
        """Every toponym mention in ``doc``, resolved where the gazetteer knows it (ids null otherwise)."""
        gaz = self.gazetteer
        mentions = find_mentions(doc, gaz)
        resolutions, _ = resolve(gaz, mentions, doc.text)
        places = []
        for m, r in zip(mentions, resolutions, strict=True):
            if r.entry is None:
                if m.cue == "capital":
                    continue
                places.append(Place(m.start, m.end, m.text, None, None, None, None, None, None, None, 0.0))
                continue
            places.append(self._place(m.start, m.end, m.text, r.entry, r.confidence * CUE_CONFIDENCE[m.cue]))
        return places

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
        for iso2, code in gaz.iso3.items():
            if code == iso3 and iso2 in gaz.country_entry:
                return self._place(None, None, None, gaz.country_entry[iso2], 0.5)
        return None

    def locate(self, doc: Doc, trigger_index: int, places: list[Place]) -> EventLocation | None:
        """Where the event at ``doc[trigger_index]`` happened; precision says how we know (see locate.py)."""
        return _locate.locate(doc, trigger_index, places, self.country_place)
