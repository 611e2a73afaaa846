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

from eventscope.nlp.parser import document_text
from eventscope.vocabulary import words

_STORY_KEY = "eventscope_discarded_story"
_SPORT_KEY = "eventscope_sport_story"
SPORT_STORY = "sport story"
"""What ``discarded`` answers for a document that reads as a sport report (``sport_story``)."""


_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class _Phrase:
    """One discard phrase: its pattern, and what a text must contain for it to match (``need``: the whole words;
    ``stem``: the word start of a one-word stem phrase, "champion" -> "championship")."""

    phrase: str
    pattern: re.Pattern[str]
    need: frozenset[str] = frozenset()
    stem: str | None = None


@dataclass(frozen=True)
class Discards:
    """Discard phrases per scope, longest first.

    Each phrase has its own small pattern and the words it needs: a text runs only the patterns of the phrases
    whose words it contains (one alternation of 400 phrases cost 2 ms a sentence, a fifth of the coder's time).
    The answer is the alternation's: the leftmost match, the longest phrase among those starting there."""

    sentence: tuple[_Phrase, ...] = ()
    story: tuple[_Phrase, ...] = ()
    stem_lengths: tuple[int, ...] = ()  # lengths of the one-word stems: the word prefixes worth looking up

    def sentence_match(self, text: str) -> str | None:
        """The discard phrase found in one sentence, or None."""
        return self._match(self.sentence, text)

    def story_match(self, text: str) -> str | None:
        """The story-level discard phrase found anywhere in the document, or None."""
        return self._match(self.story, text)

    def _match(self, phrases: tuple[_Phrase, ...], text: str) -> str | None:
        if not phrases:
            return None
        words = set(_WORD.findall(text.lower()))
        prefixes = {word[:n] for word in words for n in self.stem_lengths if n <= len(word)}
        candidates = [p for p in phrases if (p.stem in prefixes if p.stem is not None else p.need <= words)]
        if not candidates:
            return None
        flat = " ".join(text.split())
        best: tuple[int, re.Match[str]] | None = None
        for phrase in candidates:  # longest first: on a tie of start the earlier (longer) phrase wins
            found = phrase.pattern.search(flat)
            if found is not None and (best is None or found.start() < best[0]):
                best = (found.start(), found)
        return best[1].group(0).lower() if best is not None else None


def _phrases(rows: list[tuple[str, str]]) -> tuple[_Phrase, ...]:
    """Compiled phrases, longest first: a phrase starts at a word start; a ``word`` phrase also ends at a non-word
    character.  A stem's last word is left out of what it needs: it may go on."""
    out = []
    for match, phrase in sorted(rows, key=lambda row: -len(row[1])):
        words = _WORD.findall(phrase.lower())
        if not words:
            continue
        body = r"\s+".join(re.escape(word) for word in phrase.split())
        pattern = re.compile(rf"(?<!\w){body}" + (r"(?!\w)" if match == "word" else ""), re.IGNORECASE)
        if len(words) == 1 and match == "stem":
            out.append(_Phrase(phrase, pattern, stem=words[0]))
        else:
            out.append(_Phrase(phrase, pattern, need=frozenset(words[:-1] if match == "stem" else words)))
    return tuple(out)


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
    sentence, story = _phrases(by_scope["sentence"]), _phrases(by_scope["story"])
    stems = {p.stem for p in sentence + story if p.stem is not None}
    return Discards(sentence=sentence, story=story, stem_lengths=tuple(sorted({len(stem) for stem in stems})))


@lru_cache(maxsize=1)
def load_discards() -> Discards:
    """The shipped discard list, compiled once."""
    return read_discards(Path(str(resources.files("eventscope") / "data" / "discards.tsv")))


def story_discarded(doc: Doc) -> str | None:
    """The story-level phrase that discards the whole document (cached on the document)."""
    if _STORY_KEY not in doc.user_data:
        doc.user_data[_STORY_KEY] = load_discards().story_match(document_text(doc)) or ""
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
        found = {m.group(1).lower() for m in _sport_pattern().finditer(document_text(doc))}
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
