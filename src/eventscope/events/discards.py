"""PETRARCH's discard list: sentences and stories that are not coded (sports results, entertainment, chronologies).

``data/discards.tsv`` is derived from ``Phoenix.discards.txt`` by ``scripts/convert_phoenix.py``
(``convert_discards``).  Each row is ``scope`` (``sentence``: that sentence is not coded; ``story``: no sentence of
the document is), ``match`` (``stem``: the phrase starts a word and may go on, "CHAMPION" matches "championship";
``word``: it must also end at a blank or a punctuation mark) and the lower-case phrase.  Matching ignores case, as
PETRARCH does.  The lists are compiled into one regular expression per scope, once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span

from eventscope.vocabulary import words

_STORY_KEY = "eventscope_discarded_story"
_SPORT_KEY = "eventscope_sport_story"
SPORT_STORY = "sport story"
"""What ``discarded`` answers for a document that reads as a sport report (``sport_story``)."""


_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Discards:
    """Compiled discard patterns; ``None`` where a scope has no phrase.

    ``required`` (the whole words each phrase needs) and ``stems`` (one-word stem phrases) let a sentence that
    cannot match skip the big alternation: most sentences contain none of the needed words."""

    sentence: re.Pattern[str] | None
    story: re.Pattern[str] | None
    stems: frozenset[str] = frozenset()  # one-word stem phrases ("champion" -> "championship")
    stem_lengths: tuple[int, ...] = ()  # their lengths: the word prefixes worth looking up
    required: tuple[frozenset[str], ...] = ()  # per other phrase: the whole words it needs

    def sentence_match(self, text: str) -> str | None:
        """The discard phrase found in one sentence, or None."""
        return _search(self.sentence, text) if self._may_match(text) else None

    def story_match(self, text: str) -> str | None:
        """The story-level discard phrase found anywhere in the document, or None."""
        return _search(self.story, text) if self._may_match(text) else None

    def _may_match(self, text: str) -> bool:
        if not self.required and not self.stems:
            return True  # built without an index: always run the pattern
        words = set(_WORD.findall(text.lower()))
        if any(need <= words for need in self.required):
            return True
        return any(word[:n] in self.stems for word in words for n in self.stem_lengths if n <= len(word))


def _search(pattern: re.Pattern[str] | None, text: str) -> str | None:
    if pattern is None:
        return None
    found = pattern.search(" ".join(text.split()))
    return found.group(0).lower() if found else None


def _index(rows: list[tuple[str, str]]) -> tuple[frozenset[str], tuple[frozenset[str], ...]]:
    """One-word stems (which may go on: "champion" -> "championship"), and the whole words each other phrase
    needs (a stem's last word is left out: it may go on)."""
    stems: set[str] = set()
    required: set[frozenset[str]] = set()
    for match, phrase in rows:
        words = _WORD.findall(phrase.lower())
        if not words:
            continue
        if len(words) == 1 and match == "stem":
            stems.add(words[0])
        else:
            required.add(frozenset(words[:-1] if match == "stem" else words))
    return frozenset(stems), tuple(required)


def _pattern(rows: list[tuple[str, str]]) -> re.Pattern[str] | None:
    """One alternation: a phrase starts at a word start; a ``word`` phrase also ends at a non-word character."""
    if not rows:
        return None
    parts = []
    for match, phrase in sorted(rows, key=lambda row: -len(row[1])):
        body = r"\s+".join(re.escape(word) for word in phrase.split())
        parts.append(rf"(?<!\w){body}" + (r"(?!\w)" if match == "word" else ""))
    return re.compile("|".join(parts), re.IGNORECASE)


def read_discards(path: Path) -> Discards:
    """Parse a ``discards.tsv`` file (``#`` lines are comments)."""
    by_scope: dict[str, list[tuple[str, str]]] = {"sentence": [], "story": []}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        scope, match, phrase = line.split("\t")
        if scope not in by_scope or match not in ("stem", "word"):
            raise ValueError(f"bad discard row in {path}: {line!r}")
        by_scope[scope].append((match, phrase))
    stems, required = _index(by_scope["sentence"] + by_scope["story"])
    return Discards(
        sentence=_pattern(by_scope["sentence"]),
        story=_pattern(by_scope["story"]),
        stems=stems,
        stem_lengths=tuple(sorted({len(stem) for stem in stems})),
        required=required,
    )


@lru_cache(maxsize=1)
def load_discards() -> Discards:
    """The shipped discard list, compiled once."""
    return read_discards(Path(str(resources.files("eventscope") / "data" / "discards.tsv")))


def story_discarded(doc: Doc) -> str | None:
    """The story-level phrase that discards the whole document (cached on the document)."""
    if _STORY_KEY not in doc.user_data:
        doc.user_data[_STORY_KEY] = load_discards().story_match(doc.text) or ""
    return doc.user_data[_STORY_KEY] or None


@lru_cache(maxsize=1)
def _sport_pattern() -> re.Pattern[str]:
    phrases = sorted(words("sport_story_words"), key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(p) for p in phrases) + r")(?!\w)", re.IGNORECASE)


def sport_story(doc: Doc) -> bool:
    """A sport report: two or more different words that only sport reporting uses ("midfielder", "sent off",
    "Premier League", "wickets"). PETRARCH's story discards name a few sports; match reports and club news
    name none of them, and their "beat", "attack", "charge" and "trip" are games, not politics (cached)."""
    if _SPORT_KEY not in doc.user_data:
        found = {m.group(1).lower() for m in _sport_pattern().finditer(doc.text)}
        doc.user_data[_SPORT_KEY] = len(found) >= 2
    return bool(doc.user_data[_SPORT_KEY])


def discarded(sentence: Span) -> str | None:
    """Why a sentence is not coded: the sentence- or story-level discard phrase it (or its story) contains, or
    its story being a sport report."""
    found = load_discards().sentence_match(sentence.text) or story_discarded(sentence.doc)
    return found or (SPORT_STORY if sport_story(sentence.doc) else None)


def discarded_sentence(c: Any) -> bool:
    """Veto: the candidate's sentence, or its whole story, matches PETRARCH's discard list."""
    return discarded(c.state.sentence) is not None
