"""Plain, frozen records passed between pipeline stages.

Every span (``start``/``end``) is a character offset into ``AnnotatedDocument.text``, the
normalised text.  The JSON Schema in ``data/record.schema.json`` is generated from these
classes (``python -m eventscope.schema``), so the classes are the single source of truth
for the output contract documented in the README.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, is_dataclass
from typing import Any


@dataclass(frozen=True)
class TextSpan:
    """A piece of the document text: a trigger, a cue, a magnitude's evidence."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class SentenceSpan:
    """The sentence that proves an event."""

    start: int
    end: int


@dataclass(frozen=True)
class Paragraph:
    """A paragraph; ``duplicate_of`` is the 0-based index of the earlier paragraph it repeats."""

    start: int
    end: int
    duplicate_of: int | None = None


@dataclass(frozen=True)
class Entity:
    """A named-entity mention (spaCy labels: PERSON, ORG, GPE, LOC, NORP, FAC, ...)."""

    start: int
    end: int
    text: str
    label: str


@dataclass(frozen=True)
class Place:
    """A toponym resolved to a GeoNames entry (ids, coordinates and admin1 may be null when unresolved)."""

    start: int
    end: int
    text: str
    geonames_id: int | None
    name: str | None
    lat: float | None
    lon: float | None
    country: str | None  # ISO 3166-1 alpha-3
    admin1: str | None
    feature_code: str | None
    confidence: float = 0.0


@dataclass(frozen=True)
class EventLocation:
    """Where an event happened, and how precisely we know it."""

    start: int | None
    end: int | None
    text: str | None
    geonames_id: int | None
    name: str | None
    lat: float | None
    lon: float | None
    country: str | None
    admin1: str | None
    feature_code: str | None
    confidence: float
    precision: str  # exact | sentence | document | country


@dataclass(frozen=True)
class Actor:
    """A participant resolved to a country (ISO alpha-3) and a sector (GOV, MIL, REB, ...)."""

    start: int | None
    end: int | None
    text: str
    name: str | None
    country: str | None
    sector: str | None
    country_inferred: bool = False  # the country comes from where the event happened ("police" in Kabul)
    party: bool = True  # False: a recipient phrase the knowledge base knows as no party ("vetoed *a resolution*")
    # a list of parties doing or undergoing one deed together ("Iran and Syria condemned ..."): PLOVER codes one event
    # whose actor is the list, not one event per member; the list's own country and sector are those its members share
    members: tuple[Actor, ...] = ()

    def constituents(self) -> tuple[Actor, ...]:
        """The single parties this actor stands for: a list's members, or the actor itself."""
        return self.members or (self,)


@dataclass(frozen=True)
class Quote:
    """A direct quote or an indirect attribution with its speaker and reporting cue."""

    start: int
    end: int
    text: str
    direct: bool
    speaker: Actor | None
    cue: TextSpan | None
    event_ids: tuple[str, ...] = ()  # events coded inside the quote (their claimed_by is the speaker)


@dataclass(frozen=True)
class Magnitude:
    """A count the text gives for an event (dead, injured, crowd size) with its evidence."""

    value: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Report:
    """One report of an event: the document and the sentence that states it."""

    doc_id: str
    start: int
    end: int


@dataclass(frozen=True)
class Event:
    """A PLOVER-coded event, tied to the sentence that proves it."""

    event_id: str
    event_type: str
    mode: str | None
    context: tuple[str, ...]
    cameo: str | None
    actor1: Actor | None
    actor2: Actor | None
    claimed_by: Actor | None
    location: EventLocation | None
    date: str | None
    date_precision: str | None
    date_source: str | None  # "text": a date expression in the sentence; "document": the publication date
    sentence: SentenceSpan
    trigger: TextSpan
    negated: bool
    modality: str  # asserted | future | hypothetical
    confidence: float
    mentions: int = 1
    reports: tuple[Report, ...] = ()
    dead: Magnitude | None = None
    injured: Magnitude | None = None
    size: Magnitude | None = None
    rules: tuple[str, ...] = ()  # diagnostic: the coder rules that made it (events/rules.py)
    # both sides did it to each other ("police and protesters clashed", "X met Y"): one event, not one per direction
    reciprocal: bool = False
    # the event model's own probability (events/classifier.py), fitted on sentences chosen because they report an
    # event; ``confidence`` is the probability that the record is right on ordinary news (events/eventness.py)
    model_confidence: float | None = None

    @property
    def type_confidence(self) -> float:
        """How sure the event model is of the coded type: the number to rank a sentence's events by when the
        question is which type the sentence states (PLV, ACLED families), whatever the record's parties."""
        return self.confidence if self.model_confidence is None else self.model_confidence


@dataclass(frozen=True)
class AnnotatedDocument:
    """The pipeline's output: one per input document, bad ones carrying ``error``."""

    doc_id: str
    title: str | None
    date: str | None
    url: str | None
    source: str | None
    text: str
    duplicate_of: str | None = None
    paragraphs: tuple[Paragraph, ...] = ()
    entities: tuple[Entity, ...] = ()
    places: tuple[Place, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    error: str | None = None
    language: str | None = None  # ISO 639-1 code when identified with confidence (e.g. "en", "fr")
    warnings: tuple[str, ...] = ()  # what was done to code it at all (overlong sentences split, mojibake repaired)
    origin: str | None = None  # where it was read: input path (":line" in a corpus), feed file, "<stdin>", API request

    def to_dict(self) -> dict[str, Any]:
        return record_to_dict(self)


def record_to_dict(record: Any) -> dict[str, Any]:
    """JSON-ready dict of a record (tuples become lists).

    Records hold only immutable values, so no deep copy is needed (``dataclasses.asdict`` deep-copies and
    was 70% of the store's write time in ``make bench``)."""
    return _plain(record)


def _plain(value: Any) -> Any:
    names = _FIELD_NAMES.get(type(value))
    if names is None and is_dataclass(value) and not isinstance(value, type):
        names = _FIELD_NAMES.setdefault(type(value), tuple(f.name for f in fields(value)))
    if names is not None:
        return {name: _plain(getattr(value, name)) for name in names}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def actor_from_dict(data: dict[str, Any] | None) -> Actor | None:
    if not data:
        return None
    members = tuple(m for m in (actor_from_dict(d) for d in data.get("members") or ()) if m is not None)
    return Actor(**{**data, "members": members})


def event_from_dict(data: dict[str, Any]) -> Event:
    """Rebuild an Event from its JSON form (used by the store and ``show``)."""

    def mag(key: str) -> Magnitude | None:
        return Magnitude(**data[key]) if data.get(key) else None

    loc = data.get("location")
    return Event(
        event_id=data["event_id"],
        event_type=data["event_type"],
        mode=data.get("mode"),
        context=tuple(data.get("context") or ()),
        cameo=data.get("cameo"),
        actor1=actor_from_dict(data.get("actor1")),
        actor2=actor_from_dict(data.get("actor2")),
        claimed_by=actor_from_dict(data.get("claimed_by")),
        location=EventLocation(**loc) if loc else None,
        date=data.get("date"),
        date_precision=data.get("date_precision"),
        date_source=data.get("date_source"),
        sentence=SentenceSpan(**data["sentence"]),
        trigger=TextSpan(**data["trigger"]),
        negated=bool(data.get("negated")),
        modality=data.get("modality", "asserted"),
        confidence=float(data.get("confidence", 0.0)),
        mentions=int(data.get("mentions", 1)),
        reports=tuple(Report(**r) for r in data.get("reports") or ()),
        dead=mag("dead"),
        injured=mag("injured"),
        size=mag("size"),
        rules=tuple(data.get("rules") or ()),
        reciprocal=bool(data.get("reciprocal")),
        model_confidence=data.get("model_confidence"),
    )
