"""Text normalisation: the one text every offset in the output refers to."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000]+")
_MANY_NEWLINES = re.compile(r"\n\s*\n+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_DASHES = str.maketrans({"\u2015": "\u2014", "\u2012": "\u2013"})
"""Rare dashes as the common ones: the parser takes a horizontal bar ("Crutcher, 40 \u2015 a father \u2015 was shot")
for a verb or a noun, and the sentence's subject is lost."""


def normalize_text(text: str) -> str:
    """NFC, unified newlines, collapsed spaces, common dashes, one newline between paragraphs.

    Paragraphs are separated by a single ``\\n``: news feeds mix single and double breaks,
    and the paragraph splitter treats every line as a paragraph.
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = _CONTROL.sub("", text).translate(_DASHES)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    text = "\n".join(lines)
    text = _MANY_NEWLINES.sub("\n", text)
    return text.strip()


def offset_map(original: str, normalized: str) -> list[int]:
    """For each character of ``original``, its offset in ``normalize_text(original)``.

    Normalisation only drops characters, collapses whitespace and swaps rare dashes, so a greedy walk aligns the
    two; evaluations use it to map gold offsets onto the text eventscope reports offsets in.
    """
    mapping: list[int] = []
    j = 0
    for char in original:
        mapping.append(j)
        # a character is kept as is or as its common dash (``translate`` leaves every other character alone)
        if j < len(normalized) and (
            char.translate(_DASHES) == normalized[j] or (char.isspace() and normalized[j].isspace())
        ):
            j += 1
    mapping.append(len(normalized))
    return mapping
