"""Shared fixtures: code a sentence with the real pipeline, or with the coder alone (models loaded once per session)."""

import pytest

from eventscope.events.coder import EventCoder
from eventscope.events.lexicon import load_lexicon


@pytest.fixture(scope="module")
def code(pipeline):
    def run(text: str):
        return list(pipeline.annotate_text(text, date="2024-05-10").events)

    return run


@pytest.fixture(scope="module")
def run_coder(nlp, pipeline):
    """run_coder(text) -> (doc, events, vetoed): the coder alone on every sentence, with the real actor resolver."""
    coder = EventCoder(load_lexicon())

    def code(text: str):
        doc = nlp(text)
        actors = pipeline.resolver.for_document(doc)
        events, vetoed = [], []
        for sentence in doc.sents:
            result = coder.code_sentence(sentence, actors)
            events += result.events
            vetoed += result.vetoed
        return doc, events, vetoed

    return code
