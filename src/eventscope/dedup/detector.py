"""Duplicate detection with exact fingerprints plus datasketch's MinHash LSH.

Fingerprints ignore case, punctuation and spacing, so re-wrapped or re-punctuated copies count as
exact.  Near duplicates compare character 5-gram shingles (robust to a few edited words); the
Jaccard thresholds below were chosen on ``eventscope eval dedup`` (verbatim, re-wrapped, edited,
boilerplate-wrapped copies vs. distinct-but-similar stories): re-run it after any change.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

from eventscope.records import Paragraph

NUM_PERM = 64
PARAGRAPH_THRESHOLD = 0.8
"""Jaccard of 5-gram shingles above which two paragraphs are one (eval dedup: paragraphs; a sweep gave F1
0.920 at 0.6, 0.949 at 0.7, 0.969 at 0.8, 0.952 at 0.85)."""
DOCUMENT_THRESHOLD = 0.8
"""Jaccard above which two documents are one story copied (eval dedup: documents)."""
MIN_NEAR_CHARS = 40
"""Shorter paragraphs ("Photo: AP") are only ever matched exactly."""
SHORT_CHARS = 120
SHORT_THRESHOLD = 0.85
"""One-line texts need more overlap: there one changed word moves the Jaccard least.  The facts check
(``same_facts``) is what keeps "5 villagers near Kidal" apart from "7 villagers near Gao"; on eval dedup this
length rule changes nothing (it is a guard for one-liners the facts do not tell apart), and at 300 characters
it cost lightly edited leads their match."""

NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands "
    "million millions dozen dozens".split()
)
FUNCTION_WORDS = frozenset(
    "a an the he she it they we i you his her its their our this that these those there here in on at of for by "
    "with from to and but or as after before when while if an".split()
)
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
_PERMUTATIONS: tuple[np.ndarray, np.ndarray] | None = None


def fingerprint(text: str) -> str:
    """Hash of the text's words only: case, punctuation and line wrapping do not matter."""
    canonical = _NON_WORD.sub(" ", text.lower()).strip()
    return hashlib.blake2b(canonical.encode(), digest_size=12).hexdigest()


def shingles(text: str, size: int = 5) -> set[bytes]:
    canonical = _NON_WORD.sub(" ", text.lower()).strip()
    if len(canonical) <= size:
        return {canonical.encode()}
    return {canonical[i : i + size].encode() for i in range(len(canonical) - size + 1)}


def minhash_signature(text: str) -> MinHash:
    """A MinHash of the text's shingles (permutations shared, so signatures compare)."""
    global _PERMUTATIONS
    if _PERMUTATIONS is None:
        _PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=7).permutations
    signature = MinHash(num_perm=NUM_PERM, seed=7, permutations=_PERMUTATIONS, scheme="affine32")
    signature.update_batch(list(shingles(text)))
    return signature


@lru_cache(maxsize=8)
def _lsh_params(threshold: float) -> tuple[int, int]:
    """LSH bands and rows for a threshold; datasketch integrates to find them, so do it once."""
    return MinHashLSH(threshold=threshold, num_perm=NUM_PERM).b, MinHashLSH(threshold=threshold, num_perm=NUM_PERM).r


MIN_BODY_WORDS = 8
"""Paragraphs shorter than this ("By ...", "3 min read", "Copyright ...", "Related: ...") are left out when
documents are compared, so a syndicated copy wrapped in a site's boilerplate still matches (eval dedup:
documents, boilerplate-wrapped copies: recall 0.68 -> see docs/quality.md)."""


def body_text(text: str) -> str:
    """The document's substantive paragraphs, the part two copies of one story share."""
    body = [line for line in text.split("\n") if len(line.split()) >= MIN_BODY_WORDS]
    return "\n".join(body) if body else text


def facts(text: str) -> frozenset[str]:
    """What makes a report this report: its numbers (digits or words) and capitalised tokens (names, places)."""
    found = set()
    for token in _TOKEN.findall(text):
        lower = token.lower()
        if token[0].isdigit() or lower in NUMBER_WORDS or (token[0].isupper() and lower not in FUNCTION_WORDS):
            found.add(lower)
    return frozenset(found)


def same_facts(first: frozenset[str], second: frozenset[str]) -> bool:
    """A copy may drop a name or a number (an edit) or add some (a byline), never swap one for another:
    "killed 5 villagers near Kidal" and "killed 7 villagers near Gao" are two events, not one report."""
    return first <= second or second <= first


def near_threshold(text: str, threshold: float) -> float:
    """The Jaccard a near copy needs: stricter for short texts, where one changed word moves it least."""
    return max(threshold, SHORT_THRESHOLD) if len(text) < SHORT_CHARS else threshold


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: one per non-empty line of the normalised text."""
    spans: list[tuple[int, int]] = []
    position = 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((position, position + len(line)))
        position += len(line) + 1
    return spans


def find_duplicate_paragraphs(text: str) -> list[Paragraph]:
    """Each paragraph with the index of the first earlier paragraph it repeats, exactly or nearly."""
    spans = split_paragraphs(text)
    paragraphs: list[Paragraph] = []
    seen_exact: dict[str, int] = {}
    lsh = MinHashLSH(threshold=PARAGRAPH_THRESHOLD, num_perm=NUM_PERM, params=_lsh_params(PARAGRAPH_THRESHOLD))
    signatures: dict[int, MinHash] = {}
    paragraph_facts: dict[int, frozenset[str]] = {}
    for index, (start, end) in enumerate(spans):
        body = text[start:end]
        key = fingerprint(body)
        duplicate_of = seen_exact.get(key)
        near_ok = len(body) >= MIN_NEAR_CHARS
        signature = minhash_signature(body) if near_ok else None
        body_facts = facts(body) if near_ok else frozenset()
        if duplicate_of is None and signature is not None:
            duplicate_of = _best_match(
                lsh, signatures, signature, near_threshold(body, PARAGRAPH_THRESHOLD), paragraph_facts, body_facts
            )
        if duplicate_of is None:
            seen_exact.setdefault(key, index)
            if signature is not None:
                lsh.insert(str(index), signature)
                signatures[index] = signature
                paragraph_facts[index] = body_facts
        paragraphs.append(Paragraph(start=start, end=end, duplicate_of=duplicate_of))
    return paragraphs


def _best_match(
    lsh: MinHashLSH,
    signatures: dict,
    signature: MinHash,
    threshold: float,
    known_facts: dict[int, frozenset[str]],
    text_facts: frozenset[str],
) -> int | None:
    """The earliest candidate whose estimated Jaccard passes the threshold (LSH gives candidates) and whose
    facts agree with the text's."""
    candidates = sorted(int(key) for key in lsh.query(signature))
    for candidate in candidates:
        if signatures[candidate].jaccard(signature) >= threshold and same_facts(known_facts[candidate], text_facts):
            return candidate
    return None


class DocumentIndex:
    """Documents seen so far (in this run and, when seeded, in the store): exact and near copies.

    Each document is compared twice: on its whole text (re-wrapped copies) and on its substantive
    paragraphs (copies wrapped in another site's bylines and footers).
    """

    def __init__(self, threshold: float = DOCUMENT_THRESHOLD) -> None:
        self.threshold = threshold
        self._exact: dict[str, str] = {}
        self._views = (_View(threshold, lambda text: text), _View(threshold, body_text))
        self._order: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._order)

    def check_and_add(self, doc_id: str, text: str) -> str | None:
        """Return the id of an earlier document this one copies, else remember it and return None."""
        if doc_id in self._order:
            return None
        keys = [fingerprint(view.text_of(text)) for view in self._views]
        for key in keys:
            if key in self._exact:
                return self._exact[key]
        texts = [view.text_of(text) for view in self._views]
        signatures = [minhash_signature(t) for t in texts]
        for view, view_text, signature in zip(self._views, texts, signatures, strict=True):
            match = view.match(signature, self._order, view_text)
            if match is not None:
                return match
        self._remember(doc_id, keys, signatures, texts)
        return None

    def add(self, doc_id: str, text: str) -> None:
        if doc_id not in self._order:
            texts = [view.text_of(text) for view in self._views]
            self._remember(doc_id, [fingerprint(t) for t in texts], [minhash_signature(t) for t in texts], texts)

    def _remember(self, doc_id: str, keys: list[str], signatures: list[MinHash], texts: list[str]) -> None:
        self._order[doc_id] = len(self._order)
        for key in keys:
            self._exact.setdefault(key, doc_id)
        for view, signature, view_text in zip(self._views, signatures, texts, strict=True):
            view.add(doc_id, signature, facts(view_text))

    def seed(self, documents: Iterable[tuple[str, str]]) -> None:
        """Load earlier documents (id, text), e.g. from the store, without checking them."""
        for doc_id, text in documents:
            self.add(doc_id, text)


class _View:
    """One way of looking at documents (whole text, or body only) with its own LSH index."""

    def __init__(self, threshold: float, text_of) -> None:
        self.threshold = threshold
        self.text_of = text_of
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM, params=_lsh_params(threshold))
        self._signatures: dict[str, MinHash] = {}
        self._facts: dict[str, frozenset[str]] = {}

    def match(self, signature: MinHash, order: dict[str, int], text: str) -> str | None:
        threshold = near_threshold(text, self.threshold)
        text_facts = facts(text)
        for candidate in sorted(self._lsh.query(signature), key=order.__getitem__):
            if self._signatures[candidate].jaccard(signature) >= threshold and same_facts(
                self._facts[candidate], text_facts
            ):
                return candidate
        return None

    def add(self, doc_id: str, signature: MinHash, text_facts: frozenset[str]) -> None:
        self._signatures[doc_id] = signature
        self._facts[doc_id] = text_facts
        self._lsh.insert(doc_id, signature)
