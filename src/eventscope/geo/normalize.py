"""Name normalisation shared by the gazetteer index and the mention lookup.

Both sides go through :func:`name_key`, so "Amarah", "Al-Amarah" and "Al ‘Amārah" meet on one key.
"""

from __future__ import annotations

import re
import unicodedata

_MARKS = re.compile(r"[‘’`'ʿʾ´ʼ\".]")
_SEPARATORS = re.compile(r"[-‐‑–—_/,;:()]")
# Arabic definite article and its sun-letter assimilations, and the English article: both are dropped
# because sources disagree on writing them ("Al-Amarah" / "Amarah", "the Gambia" / "Gambia").
_ARTICLE = re.compile(r"^(?:al|el|ad|an|ar|as|at|az|ash|ath|adh|ul|the) (?=\S)")
_ABBREVIATIONS = {"saint": "st", "sainte": "ste", "mount": "mt", "fort": "ft"}


def fold(text: str) -> str:
    """Lower-case ASCII-ish form: strip diacritics so "Amārah" matches "Amarah"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def name_key(text: str) -> str:
    """The lookup key of a place name (empty when nothing but articles/punctuation is left)."""
    s = _SEPARATORS.sub(" ", _MARKS.sub("", fold(text)))
    words = s.split()
    if not words:
        return ""
    words = [_ABBREVIATIONS.get(w, w) for w in words]
    s = " ".join(words)
    stripped = _ARTICLE.sub("", s)
    return stripped


def is_latin_key(key: str) -> bool:
    """Keep only keys an English text could contain (alternate names come in every script)."""
    return bool(key) and key.isascii()
