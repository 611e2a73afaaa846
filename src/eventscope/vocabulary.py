"""One vocabulary for every stage: the word classes of ``data/vocabulary.json``.

Word lists used to live as constants in the coder, modality, attribution and the pipeline, some of them
overlapping ("jet" was both a person noun and a weapon noun, so "Israeli jets" got no country).  Keeping them in
one data file, each class with a distinct name and a one-line reason, lets a test check the classes that must
not overlap (``must_not_overlap``) and lets a linguist edit words without touching code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Vocabulary:
    """Named word classes (sets of lower-case lemmas/forms) and named word maps (word -> label)."""

    classes: dict[str, frozenset[str]]
    maps: dict[str, dict[str, Any]]
    reasons: dict[str, str]
    must_not_overlap: tuple[tuple[str, str], ...]

    def words(self, name: str) -> frozenset[str]:
        """The word class ``name``; a KeyError names a class that does not exist (no silent empty set)."""
        return self.classes[name]

    def map(self, name: str) -> dict[str, Any]:
        return self.maps[name]

    def overlaps(self) -> dict[tuple[str, str], frozenset[str]]:
        """Words shared by two classes declared disjoint."""
        found = {}
        for a, b in self.must_not_overlap:
            shared = self.classes[a] & self.classes[b]
            if shared:
                found[(a, b)] = shared
        return found


def read_vocabulary(path: Path) -> Vocabulary:
    raw = json.loads(path.read_text(encoding="utf-8"))
    classes = {name: frozenset(w.lower() for w in item["words"]) for name, item in raw["classes"].items()}
    maps = {name: dict(item["map"]) for name, item in raw.get("maps", {}).items()}
    reasons = {
        name: item.get("why", "") for section in ("classes", "maps") for name, item in raw.get(section, {}).items()
    }
    pairs = tuple((a, b) for a, b in raw.get("must_not_overlap", []))
    return Vocabulary(classes, maps, reasons, pairs)


@lru_cache(maxsize=1)
def load_vocabulary() -> Vocabulary:
    """The shipped vocabulary, loaded once."""
    return read_vocabulary(Path(str(resources.files("eventscope") / "data" / "vocabulary.json")))


def words(name: str) -> frozenset[str]:
    """Shorthand for ``load_vocabulary().words(name)``."""
    return load_vocabulary().words(name)


def word_map(name: str) -> dict[str, Any]:
    """Shorthand for ``load_vocabulary().map(name)``."""
    return load_vocabulary().map(name)
