"""Resolve explicit and relative date expressions against the document's publication date."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from spacy.tokens import Doc, Span

_PRECISION = {"day": "day", "week": "day", "time": "day", "month": "month", "year": "year"}
_VAGUE = re.compile(r"^(recent(ly)?|now|currently|today'?s?|this time|the past|earlier|lately)$", re.I)
_WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
_WEEKDAY = re.compile(r"^(on )?(mon|tues|wednes|thurs|fri|satur|sun)day$", re.I)
_FORWARD = re.compile(r"\b(next|coming|tomorrow|upcoming|later)\b", re.I)
_DURATION = re.compile(r"\b(\d+|a|one|two|three|several|many)\s+(days?|weeks?|months?|years?)$", re.I)


_BARE_SMALL_NUMBER = re.compile(r"^\d{1,3}$")
_AGE = re.compile(r"\b(\d{1,3}|[a-z]+)[- ]years?[- ]old\b|\baged?\b", re.I)


def is_age(entity: Span) -> bool:
    """Ages are never dates: "Ahmed Khan, 45,", "a 32-year-old man", "aged 60"."""
    text = entity.text.strip()
    if _AGE.search(text):
        return True
    if not _BARE_SMALL_NUMBER.match(text):
        return False
    doc = entity.doc
    before = doc[entity.start - 1] if entity.start > 0 else None
    after = doc[entity.end] if entity.end < len(doc) else None
    # an appositive number after a name: "Khan, 45, said"
    return before is not None and before.text == "," and (after is None or after.text in {",", ")", "."})


@dataclass(frozen=True)
class ResolvedDate:
    """An ISO date (truncated to its precision's first day) and how precise it is."""

    date: str
    precision: str  # day | month | year
    text: str | None  # the date expression, None when the document date was used


class DateResolver:
    """Turns DATE entities into calendar dates anchored on the publication date."""

    def __init__(self, document_date: str | None) -> None:
        self.anchor = date.fromisoformat(document_date) if document_date else None
        self._doc: Doc | None = None
        self._dates: list[Span] = []
        self._starts: list[int] = []

    def for_sentence(self, sentence: Span) -> ResolvedDate | None:
        """The first resolvable DATE entity in the sentence, else the document date."""
        for entity in self._dates_in(sentence):
            if entity.label_ != "DATE" or is_age(entity):
                continue
            resolved = self.resolve(entity.text)
            if resolved is not None:
                return resolved
        return self.document_default()

    def _dates_in(self, sentence: Span) -> list[Span]:
        """The sentence's DATE entities by bisection: ``Span.ents`` rebuilds every entity of the document on each
        call, which made a 1,000-event document quadratic."""
        if self._doc is not sentence.doc:
            self._doc = sentence.doc
            self._dates = [e for e in sentence.doc.ents if e.label_ == "DATE"]
            self._starts = [e.start for e in self._dates]
        first = bisect_left(self._starts, sentence.start)
        last = bisect_left(self._starts, sentence.end)
        return [e for e in self._dates[first:last] if e.end <= sentence.end]

    def document_default(self) -> ResolvedDate | None:
        if self.anchor is None:
            return None
        return ResolvedDate(self.anchor.isoformat(), "day", None)

    def resolve(self, expression: str) -> ResolvedDate | None:
        cleaned = expression.strip().removeprefix("the ").strip()
        if _VAGUE.match(cleaned) or _DURATION.search(cleaned) or _BARE_SMALL_NUMBER.match(cleaned):
            return None  # "45" alone is an age or a count, never the year 1945
        anchor = self.anchor.isoformat() if self.anchor else None
        weekday = _WEEKDAY.match(cleaned)
        if (
            self.anchor is not None
            and weekday
            and _WEEKDAYS.index(weekday.group(2).lower()[:3]) == self.anchor.weekday()
        ):
            return ResolvedDate(anchor, "day", expression)  # "on Monday" in Monday's paper is today
        return _parse(cleaned, anchor)


@lru_cache(maxsize=4096)
def _parse(expression: str, anchor: str | None) -> ResolvedDate | None:
    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if anchor:
        settings["RELATIVE_BASE"] = datetime.fromisoformat(anchor)
    data = _parser(tuple(sorted(settings.items()))).get_date_data(expression)
    if data is None or data.date_obj is None:
        return None
    precision = _PRECISION.get(data.period or "day", "day")
    value = data.date_obj.date()
    backward = not _explicit_year(expression) and not _FORWARD.search(expression)
    if anchor and value > date.fromisoformat(anchor) and backward:
        value = value.replace(year=value.year - 1)  # "in June" written in May means last June
    if precision == "month":
        value = value.replace(day=1)
    elif precision == "year":
        value = value.replace(month=1, day=1)
    return ResolvedDate(value.isoformat(), precision, expression)


@lru_cache(maxsize=8)
def _parser(settings: tuple):
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings=dict(settings))


def _explicit_year(expression: str) -> bool:
    return bool(re.search(r"\b(1[89]|20)\d\d\b", expression))
