"""Loader for the PLOVER event ontology shipped in ``eventscope/data/plover.json``."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Any

FAMILIES: tuple[str, ...] = (
    "verbal_cooperation",
    "material_cooperation",
    "verbal_conflict",
    "material_conflict",
)
VERBAL_FAMILIES = frozenset({"verbal_cooperation", "verbal_conflict"})
"""PLOVER's families of acts of saying; the other two are deeds."""
_CAMEO_RE = re.compile(r"^\d{2,4}$")


@dataclass(frozen=True)
class Mode:
    """One mode of an event type (the "how" of an event)."""

    name: str
    definition: str
    cameo: str


@dataclass(frozen=True)
class EventType:
    """One PLOVER event type with its quad family, default CAMEO code and modes."""

    name: str
    definition: str
    family: str
    cameo: str
    modes: tuple[Mode, ...] = ()

    def mode(self, name: str) -> Mode | None:
        """Return the mode called ``name``, or ``None`` if the type has no such mode."""
        for m in self.modes:
            if m.name == name:
                return m
        return None


@dataclass(frozen=True)
class Ontology:
    """The PLOVER ontology: event types, their modes, and context tags."""

    version: str
    types: MappingProxyType[str, EventType]
    contexts: MappingProxyType[str, str]
    auxiliary_modes: MappingProxyType[str, str] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def event_types(self) -> list[str]:
        """Names of all event types, in manual order."""
        return list(self.types)

    def get(self, event_type: str) -> EventType:
        """Return the :class:`EventType` for ``event_type``; raise ``KeyError`` if unknown."""
        try:
            return self.types[event_type]
        except KeyError:
            raise KeyError(f"unknown PLOVER event type: {event_type!r}") from None

    def modes(self, event_type: str) -> list[str]:
        """Mode names defined for ``event_type`` (empty if the manual defines none)."""
        return [m.name for m in self.get(event_type).modes]

    def family(self, event_type: str) -> str:
        """Quad family of ``event_type``, e.g. ``"material_conflict"``."""
        return self.get(event_type).family

    def cameo_for(self, event_type: str, mode: str | None = None) -> str:
        """Closest CAMEO code for a type, or for a type/mode pair when ``mode`` is given."""
        et = self.get(event_type)
        if mode is None:
            return et.cameo
        m = et.mode(mode)
        if m is None:
            raise KeyError(f"{event_type} has no mode {mode!r}")
        return m.cameo

    def is_valid(self, event_type: str, mode: str | None = None) -> bool:
        """True if ``event_type`` exists and ``mode`` is ``None`` or one of its modes."""
        et = self.types.get(event_type)
        if et is None:
            return False
        return mode is None or et.mode(mode) is not None


def _parse(raw: dict[str, Any]) -> Ontology:
    types: dict[str, EventType] = {}
    for name, spec in raw["event_types"].items():
        family = spec["family"]
        if family not in FAMILIES:
            raise ValueError(f"{name}: unknown family {family!r}")
        modes = tuple(
            Mode(name=m, definition=ms["definition"], cameo=str(ms["cameo"])) for m, ms in spec.get("modes", {}).items()
        )
        for code in [spec["cameo"], *(m.cameo for m in modes)]:
            if not _CAMEO_RE.match(str(code)):
                raise ValueError(f"{name}: malformed CAMEO code {code!r}")
        types[name] = EventType(
            name=name,
            definition=spec["definition"],
            family=family,
            cameo=str(spec["cameo"]),
            modes=modes,
        )
    return Ontology(
        version=str(raw.get("version", "")),
        types=MappingProxyType(types),
        contexts=MappingProxyType(dict(raw.get("contexts", {}))),
        auxiliary_modes=MappingProxyType(dict(raw.get("auxiliary_modes", {}))),
    )


@lru_cache(maxsize=1)
def verbal_types() -> frozenset[str]:
    """The event types of PLOVER's verbal families (AGREE, CONSULT, SUPPORT, CONCEDE, REQUEST, ACCUSE, REJECT,
    THREATEN): acts of saying."""
    return frozenset(name for name, kind in load_ontology().types.items() if kind.family in VERBAL_FAMILIES)


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    """Load and cache the packaged PLOVER ontology."""
    text = resources.files("eventscope").joinpath("data/plover.json").read_text(encoding="utf-8")
    return _parse(json.loads(text))
