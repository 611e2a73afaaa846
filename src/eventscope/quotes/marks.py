"""Find directly quoted spans from quotation marks alone (no parse needed).

News text mixes curly and straight marks, nests single marks inside double ones, uses the right
single curly mark as an apostrophe, and leaves a paragraph-final quote open when the speaker goes on
in the next paragraph (which then starts with an opening mark).  The scanner below handles those
cases with a per-paragraph depth counter and never raises on unbalanced marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = "”»"
_OPEN_CONTEXT = " \t\n([{—–-/:;,"
_MARK_RE = re.compile(r"[\"“”„«»]")
_PARAGRAPH_RE = re.compile(r"[^\n]+")
_SINGLE_RE = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))['‘](?=[A-Za-z])(?P<body>[^\n'‘’]{1,200}?[^\s'‘’])['’](?![A-Za-z])")


@dataclass(frozen=True)
class QuoteMarkSpan:
    """A quoted stretch: ``start``/``end`` enclose the words, ``outer_*`` include the marks."""

    start: int
    end: int
    outer_start: int
    outer_end: int
    closed: bool
    single: bool = False


def _kind(text: str, i: int) -> str:
    """'open', 'close' or 'ambiguous' for the double mark at ``i``; straight marks use their neighbours."""
    ch = text[i]
    if ch in _DOUBLE_OPEN:
        return "open"
    if ch in _DOUBLE_CLOSE:
        return "close"
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    prev_space = prev in _OPEN_CONTEXT or prev in _DOUBLE_OPEN or prev == "‘"
    next_space = nxt.isspace() or nxt in ".,;:!?)]}—–"
    if prev_space and not next_space:
        return "open"
    if next_space and not prev_space:
        return "close"
    return "ambiguous"


def _nests(text: str, i: int, p_end: int, depth: int) -> bool:
    """A curly opener inside a curly quote nests only if enough closers follow in the paragraph."""
    if text[i] == '"':
        return False
    return sum(text[j] in _DOUBLE_CLOSE for j in range(i + 1, p_end)) > depth


def _style(ch: str) -> str:
    return "straight" if ch == '"' else "curly"


def _paragraphs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _PARAGRAPH_RE.finditer(text) if m.group().strip()]


def _starts_with_open(text: str, start: int, end: int) -> int | None:
    """Offset of an opening double mark that begins the paragraph (after whitespace), if any."""
    i = start
    while i < end and text[i].isspace():
        i += 1
    if i < end and _MARK_RE.match(text, i) and _kind(text, i) in ("open", "ambiguous"):
        return i
    return None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_quote_marks(text: str) -> list[QuoteMarkSpan]:
    """Top-level double-quoted spans, then single-quoted ones lying outside them (headlines)."""
    spans: list[QuoteMarkSpan] = []
    paragraphs = _paragraphs(text)
    open_at: int | None = None
    depth = 0
    for p_idx, (p_start, p_end) in enumerate(paragraphs):
        skip_mark = None
        if open_at is not None:
            skip_mark = _starts_with_open(text, p_start, p_end)
        for m in _MARK_RE.finditer(text, p_start, p_end):
            i = m.start()
            if i == skip_mark:
                continue
            kind = _kind(text, i)
            if depth == 0:
                if kind != "close":
                    open_at, depth = i, 1
                continue
            if kind == "open":
                if _style(text[i]) != _style(text[open_at]) or _nests(text, i, p_end, depth):
                    depth += 1
                    continue
                # A second opener of the same style: the earlier quote was never closed.
                s, e = _trim(text, open_at + 1, i)
                if e > s:
                    spans.append(QuoteMarkSpan(s, e, open_at, i, closed=False))
                open_at, depth = i, 1
                continue
            depth -= 1
            if depth == 0:
                s, e = _trim(text, open_at + 1, i)
                if e > s:
                    spans.append(QuoteMarkSpan(s, e, open_at, i + 1, closed=True))
                open_at = None
        if open_at is not None:
            nxt = paragraphs[p_idx + 1] if p_idx + 1 < len(paragraphs) else None
            if nxt is not None and _starts_with_open(text, *nxt) is not None:
                depth = 1
                continue
            s, e = _trim(text, open_at + 1, p_end)
            if e > s:
                spans.append(QuoteMarkSpan(s, e, open_at, p_end, closed=False))
            open_at, depth = None, 0
    spans.extend(_single_quotes(text, spans))
    spans.sort(key=lambda q: q.start)
    return spans


def _single_quotes(text: str, doubles: list[QuoteMarkSpan]) -> list[QuoteMarkSpan]:
    """Single-marked quotes outside double ones; an apostrophe can never open one (needs space before)."""
    found = []
    for m in _SINGLE_RE.finditer(text):
        if any(d.outer_start <= m.start() < d.outer_end for d in doubles):
            continue
        found.append(QuoteMarkSpan(m.start("body"), m.end("body"), m.start(), m.end(), True, single=True))
    return found
