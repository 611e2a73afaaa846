"""Direct quotes and indirect attributions with their speakers and cues.

Direct quotes come from quotation marks (``marks.py``); indirect ones from reporting verbs with a
content clause in the parse.  Speakers are the cue's subject, a post-posed name, "according to X",
the speaker of the attribution just before (continued or bare quote paragraphs), or the subject of the
previous sentence; ``speakers.py`` turns them into the fullest name in the document.
Measured on PolNeAR dev with ``python -m eventscope.evaluation.polnear``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from eventscope.nlp.parser import document_text
from eventscope.quotes.cues import (
    CLAIM_VERBS,
    CONTENT_PREPS,
    DOBJ_CONTENT,
    QUOTE_INTRO_VERBS,
    SPEECH_VERBS,
    XCOMP_CONTENT,
)
from eventscope.quotes.marks import QuoteMarkSpan, find_quote_marks
from eventscope.quotes.speakers import Speaker, SpeakerIndex
from eventscope.records import Actor, Quote, TextSpan

_SUBJ = ("nsubj", "nsubjpass")
_HEADS_KEY = "eventscope.quote_speaker_heads"  # (quote start, end) -> fullest speaker mention
_INDIRECT_VERBS = SPEECH_VERBS | CLAIM_VERBS
_NOT_SPEAKERS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})
# Transcript speaker labels at a paragraph start: "PENCE: Well, look, ..."
_LABEL_RE = re.compile(r"([A-Z][A-Z.'’ -]{1,40}[A-Z]):\s")
_SENT_END = re.compile(r"[.!?]")
# Lead-in and trail windows (tokens) searched for a cue around a direct quote; PolNeAR dev.
_LEAD_TOKENS = 40
_TRAIL_TOKENS = 14
# Unattributed quotes shorter than this (words) are taken as scare quotes or titles; PolNeAR dev precision.
_MIN_UNATTRIBUTED_WORDS = 6


@dataclass
class Attribution:
    """One attribution before it becomes a ``Quote``: keeps the spaCy spans the evaluation needs."""

    start: int
    end: int
    direct: bool
    cue: tuple[int, int] | None = None
    subject: Token | None = None
    speaker: Speaker | None = None
    inherit: bool = False  # take the speaker of the attribution just before
    prev_subject: Token | None = None  # bare quote paragraph: subject of the sentence before
    extent_end: int = 0  # last char of quote, cue and speaker mention together
    mentions: list[Span] = field(default_factory=list)

    def to_quote(self, doc: Doc) -> Quote:
        actor = None
        if self.speaker is not None:
            # the span is the mention next to the cue, the words that prove who spoke ("he", "the ministry");
            # the fullest name goes in ``name``, and the fullest mention is kept for the actor resolver
            local, head = self.speaker.mention, self.speaker.head
            name = self.speaker.name or (head.text if head.start != local.start or head.end != local.end else None)
            actor = Actor(local.start_char, local.end_char, local.text, name, None, None)
            doc.user_data.setdefault(_HEADS_KEY, {})[(self.start, self.end)] = (head.start_char, head.end_char)
        cue = None
        if self.cue is not None:
            cue = TextSpan(self.cue[0], self.cue[1], document_text(doc)[self.cue[0] : self.cue[1]])
        return Quote(self.start, self.end, document_text(doc)[self.start : self.end], self.direct, actor, cue)


class _Tokens:
    """Char-offset to token lookups for one doc."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.starts = [t.idx for t in doc]

    def at(self, char: int) -> int:
        """Index of the token containing (or starting after) ``char``."""
        return max(0, bisect.bisect_right(self.starts, char) - 1)

    def after(self, char: int) -> int:
        return bisect.bisect_left(self.starts, char)


def extract_quotes(doc: Doc, skip_ranges: Iterable[tuple[int, int]] | None = None) -> list[Quote]:
    """Quotes and attributed claims in ``doc``; none starts inside ``skip_ranges`` (repeated paragraphs)."""
    return [a.to_quote(doc) for a in find_attributions(doc, skip_ranges)]


def speaker_head_span(doc: Doc, quote: Quote) -> Span | None:
    """The fullest mention of the quote's speaker, for the actor resolver to read with its modifiers."""
    if quote.speaker is None or quote.speaker.start is None or quote.speaker.end is None:
        return None
    start, end = doc.user_data.get(_HEADS_KEY, {}).get(
        (quote.start, quote.end), (quote.speaker.start, quote.speaker.end)
    )
    return doc.char_span(start, end, alignment_mode="expand")


def find_attributions(doc: Doc, skip_ranges: Iterable[tuple[int, int]] | None = None) -> list[Attribution]:
    """All attributions in document order with resolved speakers."""
    skips = sorted(skip_ranges or ())
    toks = _Tokens(doc)
    marks = find_quote_marks(document_text(doc))
    in_quote = [False] * len(doc)
    for m in marks:
        for i in range(toks.after(m.outer_start), toks.after(m.outer_end)):
            in_quote[i] = True
    direct = [_direct(doc, toks, m, in_quote) for m in marks]
    indirect = _indirect(doc, in_quote, marks)
    items = sorted(direct + indirect, key=lambda a: (a.start, not a.direct))
    index = SpeakerIndex(doc)
    history: list[Speaker] = []
    out: list[Attribution] = []
    prev: Attribution | None = None
    for item in items:
        if item.subject is not None:
            item.speaker = index.resolve(item.subject, history)
        elif item.inherit and prev is not None and prev.speaker is not None and _adjacent(doc, prev, item):
            item.speaker = prev.speaker
            item.cue = item.cue or prev.cue
        elif item.prev_subject is not None:
            item.speaker = index.resolve(item.prev_subject, history)
        if item.speaker is not None:
            history.append(item.speaker)
        if item.direct and item.speaker is None and not _quote_worthy(doc, item):
            continue
        if _in_skips(item.start, skips):
            prev = item
            continue
        out.append(item)
        prev = item
    return _drop_shadowed(out, marks)


def _in_skips(char: int, skips: list[tuple[int, int]]) -> bool:
    return any(s <= char < e for s, e in skips)


def _adjacent(doc: Doc, prev: Attribution, item: Attribution) -> bool:
    """Only whitespace, punctuation or an opening mark between the previous attribution and this quote."""
    gap = document_text(doc)[max(prev.extent_end, prev.end) : item.start]
    return len(gap) <= 12 and not re.search(r"[A-Za-z0-9]", gap)


def _quote_worthy(doc: Doc, item: Attribution) -> bool:
    """An unattributed quote is kept only if it reads like speech, not a title or scare quote."""
    text = document_text(doc)[item.start : item.end]
    return len(text.split()) >= _MIN_UNATTRIBUTED_WORDS and bool(re.search(r"[.!?,]$", text))


def _speech_verb(tok: Token, lemmas: frozenset[str]) -> bool:
    return tok.lemma_.lower() in lemmas and tok.pos_ in ("VERB", "AUX")


def _subject(verb: Token) -> Token | None:
    """The verb's subject, borrowed from the governing verb for conjuncts and participles."""
    seen = 0
    while verb is not None and seen < 4:
        for child in verb.children:
            if child.dep_ in _SUBJ:
                if child.ent_type_ not in _NOT_SPEAKERS:
                    return child
        if verb.dep_ in ("conj", "advcl", "xcomp", "pcomp") and verb.head is not verb:
            verb = verb.head
            seen += 1
            continue
        return None
    return None


def _post_subject(verb: Token, limit: int) -> Token | None:
    """Post-posed speaker: '..., said Bergner.'"""
    for tok in verb.doc[verb.i + 1 : min(limit, verb.i + 6)]:
        if tok.pos_ in ("PROPN", "PRON", "NOUN"):
            while tok.dep_ == "compound" and tok.head.i > tok.i:
                tok = tok.head
            return tok
        if tok.is_punct:
            return None
    return None


def _according_to(tokens: Iterable[Token]) -> tuple[Token, Token] | None:
    """('according' token, source token) for "according to X"."""
    for tok in tokens:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
            to = tok.doc[tok.i + 1]
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if pobj is None and to.i + 1 < len(tok.doc):
                pobj = to.doc[to.i + 1]
            if pobj is not None:
                return tok, pobj
    return None


def _direct(doc: Doc, toks: _Tokens, mark: QuoteMarkSpan, in_quote: list[bool]) -> Attribution:
    """A direct quote and the cue found in its lead-in or trail."""
    start, end = mark.start, mark.end
    while end > start and document_text(doc)[end - 1] in ",;":
        end -= 1
    item = Attribution(start, end, True, extent_end=mark.outer_end)
    q_first, q_last = toks.after(mark.outer_start), toks.after(mark.outer_end)
    trail = _window_after(doc, q_last, in_quote)
    lead = _window_before(doc, q_first, in_quote)
    trail_verb = next((t for t in trail if _speech_verb(t, QUOTE_INTRO_VERBS)), None)
    lead_verb = next((t for t in reversed(lead) if _speech_verb(t, QUOTE_INTRO_VERBS)), None)
    for verb in _ordered(trail_verb, lead_verb, q_first, q_last):
        subj = _subject(verb)
        if subj is None and verb is trail_verb:
            subj = _post_subject(verb, trail[-1].i + 1)
        if subj is not None and not in_quote[subj.i]:
            item.cue = (verb.idx, verb.idx + len(verb.text))
            item.subject = subj
            item.extent_end = max(mark.outer_end, verb.idx + len(verb), subj.idx + len(subj))
            return item
    acc = _according_to(list(lead) + list(trail))
    if acc is not None:
        word, source = acc
        item.cue = (word.idx, word.doc[word.i + 1].idx + 2)
        item.subject = source
        return item
    label = _transcript_label(doc, toks, mark)
    if label is not None:
        item.subject = label
        return item
    item.inherit = True
    item.prev_subject = _previous_sentence_subject(doc, q_first, mark)
    return item


def _transcript_label(doc: Doc, toks: _Tokens, mark: QuoteMarkSpan) -> Token | None:
    """The upper-case "NAME:" label opening the quote's paragraph, if the paragraph has one."""
    para_start = document_text(doc).rfind("\n", 0, mark.outer_start) + 1
    m = _LABEL_RE.match(document_text(doc), para_start)
    if m is None:
        return None
    return doc[toks.at(m.end(1) - 1)]


def _ordered(trail: Token | None, lead: Token | None, q_first: int, q_last: int) -> list[Token]:
    """Nearest cue first; a trail cue wins ties, as in '"...," he said.'"""
    cands = []
    if trail is not None:
        cands.append((trail.i - q_last, 0, trail))
    if lead is not None:
        cands.append((q_first - lead.i, 1, lead))
    return [c[2] for c in sorted(cands, key=lambda c: (c[0], c[1]))]


def _window_after(doc: Doc, first: int, in_quote: list[bool]) -> list[Token]:
    out = []
    for tok in doc[first : first + _TRAIL_TOKENS]:
        if in_quote[tok.i] or "\n" in tok.text:
            break
        out.append(tok)
        if tok.text in (".", "!", "?"):
            break
    return out


def _window_before(doc: Doc, first: int, in_quote: list[bool]) -> list[Token]:
    out: list[Token] = []
    for i in range(first - 1, max(-1, first - 1 - _LEAD_TOKENS), -1):
        tok = doc[i]
        if in_quote[i] or "\n" in tok.text or tok.text in (".", "!", "?"):
            break
        out.append(tok)
    out.reverse()
    return out


def _previous_sentence_subject(doc: Doc, q_first: int, mark: QuoteMarkSpan) -> Token | None:
    """For a quote opening its paragraph: the named subject of the sentence before it."""
    text = document_text(doc)
    para_start = text.rfind("\n", 0, mark.outer_start) + 1
    if text[para_start : mark.outer_start].strip():
        return None
    prev_tok = q_first - 1
    while prev_tok >= 0 and doc[prev_tok].is_space:
        prev_tok -= 1
    if prev_tok < 0:
        return None
    sent = doc[prev_tok].sent
    for tok in sent:
        if tok.dep_ in _SUBJ and tok.head.dep_ == "ROOT" and (tok.ent_type_ == "PERSON" or tok.pos_ == "PRON"):
            return tok
    return None


def _indirect(doc: Doc, in_quote: list[bool], marks: list[QuoteMarkSpan]) -> list[Attribution]:
    """Reporting verbs with a content clause, and "according to X" sentences."""
    out = []
    for tok in doc:
        if in_quote[tok.i] or not _speech_verb(tok, _INDIRECT_VERBS):
            continue
        content = _content_tokens(tok)
        if content is None:
            continue
        subj = _subject(tok)
        if subj is None or subj.lower_ == "there" or in_quote[subj.i]:
            continue
        lo, hi = content
        start, end = _trim_chars(doc, doc[lo].idx, doc[hi].idx + len(doc[hi].text))
        if end - start < 8:
            continue
        extent = max(end, tok.idx + len(tok.text), subj.idx + len(subj.text))
        out.append(
            Attribution(start, end, False, cue=(tok.idx, tok.idx + len(tok.text)), subject=subj, extent_end=extent)
        )
    for sent in doc.sents:
        acc = _according_to(t for t in sent if not in_quote[t.i])
        if acc is None:
            continue
        word, source = acc
        phrase = (word.i, max(source.right_edge.i, word.i + 1))
        before = (sent.start, phrase[0] - 1)
        after = (phrase[1] + 1, sent.end - 1)
        lo, hi = after if after[1] - after[0] >= before[1] - before[0] else before
        if hi <= lo:
            continue
        start, end = _trim_chars(doc, doc[lo].idx, doc[hi].idx + len(doc[hi].text))
        if end - start < 8:
            continue
        cue_end = doc[word.i + 1].idx + len(doc[word.i + 1].text)
        extent = max(end, source.right_edge.idx + len(source.right_edge.text))
        out.append(Attribution(start, end, False, cue=(word.idx, cue_end), subject=source, extent_end=extent))
    return out


def _content_tokens(verb: Token) -> tuple[int, int] | None:
    """Token range of the verb's content clause, or None when it has none."""
    lemma = verb.lemma_.lower()
    children = list(verb.children)
    ccomps = [c for c in children if c.dep_ == "ccomp"]
    if ccomps:
        nearest = min(ccomps, key=lambda c: abs(c.i - verb.i))
        return _range_excluding(nearest, verb)
    if verb.dep_ == "parataxis" and lemma in SPEECH_VERBS and verb.head is not verb:
        # "Acts of protest, Mr. Obama said, are acts of patriotism": the governing clause is the content.
        return verb.head.left_edge.i, verb.head.right_edge.i
    dobj = next((c for c in children if c.dep_ == "dobj"), None)
    preps = CONTENT_PREPS.get(lemma)
    if preps:
        prep = next((c for c in children if c.dep_ == "prep" and c.lower_ in preps), None)
        if prep is not None:
            lo = dobj.left_edge.i if dobj is not None and dobj.i < prep.i else prep.left_edge.i
            return lo, _extend(children, prep.right_edge.i)
    if lemma in XCOMP_CONTENT:
        xcomp = next((c for c in children if c.dep_ in ("xcomp", "oprd") and c.i > verb.i), None)
        if xcomp is not None:
            lo = dobj.left_edge.i if dobj is not None and dobj.i < xcomp.i else xcomp.left_edge.i
            return lo, xcomp.right_edge.i
    if lemma in DOBJ_CONTENT and dobj is not None and dobj.pos_ != "PRON" and dobj.i > verb.i:
        return dobj.left_edge.i, _extend(children, dobj.right_edge.i)
    return None


def _extend(children: list[Token], hi: int) -> int:
    """The parser often hangs the content's own modifiers on the verb: "denied any role in X"."""
    for c in children:
        if c.dep_ in ("prep", "oprd", "xcomp", "advcl") and c.i == hi + 1:
            hi = c.right_edge.i
    return hi


def _range_excluding(node: Token, verb: Token) -> tuple[int, int]:
    lo, hi = node.left_edge.i, node.right_edge.i
    if lo <= verb.i <= hi:
        if node.i < verb.i:
            hi = verb.i - 1
        else:
            lo = verb.i + 1
    return lo, hi


def _trim_chars(doc: Doc, start: int, end: int) -> tuple[int, int]:
    text = document_text(doc)
    strip = " \t\n,;:—–-\"“”'‘’"
    while start < end and text[start] in strip:
        start += 1
    while end > start and text[end - 1] in strip:
        end -= 1
    return start, end


def _drop_shadowed(items: list[Attribution], marks: list[QuoteMarkSpan]) -> list[Attribution]:
    """Drop an indirect attribution whose content is mostly a direct quote already emitted."""
    directs = [a for a in items if a.direct]
    out = []
    for a in items:
        if not a.direct:
            covered = sum(max(0, min(a.end, d.end) - max(a.start, d.start)) for d in directs)
            if covered >= 0.5 * (a.end - a.start):
                continue
        out.append(a)
    return out
