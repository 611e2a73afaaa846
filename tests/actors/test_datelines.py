"""Datelines say where a report was filed; their place is never an actor."""

from __future__ import annotations

import pytest

from eventscope.actors.resolver import dateline_spans


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("HANOI, Vietnam (AP) — Police arrested three men.", "HANOI, Vietnam"),
        ("KABUL (Reuters) - Gunmen attacked a checkpoint.", "KABUL"),
        ("NEW YORK -- The council met.", "NEW YORK"),
        ("Officials spoke.\nBEIRUT, Lebanon (AP) — Protesters gathered.", "BEIRUT, Lebanon"),
        ("LAGOS, March 3 (AFP) - A blast hit a market.", "LAGOS, March 3"),
    ],
)
def test_datelines_are_found(text, place):
    assert [text[a:b] for a, b in dateline_spans(text)] == [place]


@pytest.mark.parametrize(
    "text",
    [
        "NATO — the alliance — met on Monday.",
        "US forces - mostly marines - left the base.",
        "The U.N. — and its agencies — appealed for aid.",
        "Police said HANOI - based activists were held.",
    ],
)
def test_ordinary_sentences_have_no_dateline(text):
    assert dateline_spans(text) == []


def test_a_dateline_place_is_not_the_actor(nlp, resolver):
    doc = nlp("MOGADISHU, Somalia (AP) — Somali troops attacked a militant camp.")
    actors = resolver.for_document(doc)
    assert actors.resolve_token(doc[0]) is None
    troops = next(t for t in doc if t.text == "troops")
    actor = actors.resolve_token(troops)
    assert actor is not None and actor.country == "SOM"
