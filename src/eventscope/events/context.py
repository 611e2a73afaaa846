"""PLOVER context tags for an event, from its actors' sectors and keywords in its sentence."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from spacy.tokens import Span

from eventscope.records import Actor

SECTOR_CONTEXTS = {
    "MIL": "military",
    "REB": "military",
    "MILITIA": "military",
    "UAF": "military",
    "JUD": "legal",
    "LEG": "legislative",
    "POL": "crime",
    "REL": "religion_ethnicity",
}


@lru_cache(maxsize=1)
def load_context_keywords() -> dict[str, str]:
    """Keyword lemma -> context tag, from ``data/contexts.tsv`` (users extend the file)."""
    path = Path(str(resources.files("eventscope") / "data" / "contexts.tsv"))
    mapping: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        context, _, words = line.partition("\t")
        for word in words.split(","):
            mapping.setdefault(word.strip().lower(), context.strip())
    return mapping


def contexts_for(sentence: Span, actors: list[Actor | None]) -> tuple[str, ...]:
    keywords = load_context_keywords()
    found: list[str] = []
    for actor in actors:
        tag = SECTOR_CONTEXTS.get(actor.sector or "") if actor else None
        if tag and tag not in found:
            found.append(tag)
    for token in sentence:
        tag = keywords.get(token.lemma_.lower()) or keywords.get(token.lower_)
        if tag and tag not in found:
            found.append(tag)
    return tuple(found[:4])
