"""Language identification (py3langid; its model ships inside the wheel, so it runs offline).

Why: the parser, the lexicons and the actor knowledge base are English; a French or Arabic report
"coded" by them yields noise events.  Non-English documents are reported, not coded.  The identifier is
only trusted when it is sure: headlines and short texts full of names ("Putin, Xi hold talks in Beijing")
are easily taken for Tagalog or Nigerian Pidgin, and a missed foreign text costs less than a dropped
English one, so short or uncertain texts count as English.
"""

from __future__ import annotations

import re
from functools import lru_cache

SUPPORTED = frozenset({"en"})
MIN_WORDS = 8
"""Texts with fewer words (headlines, captions) are taken as English: too little evidence to decide."""
MIN_PROBABILITY = 0.95
"""A non-English decision needs the identifier this sure (its probabilities are normalised over 97 languages)."""
ENGLISH_FLOOR = 0.02
"""...and English itself this unlikely: names and numbers make English text look like anything."""
SAMPLE_CHARS = 5000
"""Only the start of a long document is read: the identifier is linear, a report's language does not change."""
ENGLISH_LIKE = frozenset({"pcm", "sco"})
"""English-based varieties the model knows; news in them is English to our parser."""

_WORD = re.compile(r"[^\W\d_]{2,}", re.UNICODE)


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify(text: str) -> str:
    """The text's ISO 639-1 code when confidently identified, else ``"en"``."""
    sample = text[:SAMPLE_CHARS]
    if len(_WORD.findall(sample)) < MIN_WORDS:
        return "en"
    ranking = _identifier().rank(sample)
    best, probability = ranking[0]
    if best == "en" or best in ENGLISH_LIKE or probability < MIN_PROBABILITY:
        return "en"
    english = next((p for lang, p in ranking if lang == "en"), 0.0)
    return "en" if english >= ENGLISH_FLOOR else best


def is_supported(language: str | None) -> bool:
    return language is None or language in SUPPORTED
