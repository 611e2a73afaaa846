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
        # the headline the text opens with on the dateline's line, and a dash read from Windows-1252 as U+0097
        ("Mill town cuts its police force. GALEN, Ohio (AP) \x97 The council voted.", "GALEN, Ohio"),
        ("Dam talks stall. PORT ELLIS (Reuters) -- Two states walked out.", "PORT ELLIS"),
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
        # after a sentence end, capitals before a dash with no region or agency are no dateline
        "The deal held. NATO — the alliance — met on Monday.",
        "Talks ended. OPEC, the cartel - met again.",
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


def test_a_dateline_after_the_headline_is_no_co_subject(pipeline):
    """ "Boaters dodge the tax. HAMMOND, Ind. (AP) — The state agency is cracking down on boaters": the dateline
    after a headline on one line was read as a second doer, one deed coded as two events and a spurious pair; the
    agency "(AP)" took the doer's place."""
    text = "Port raises fees. DELMAR, Md. (AP) — The Maryland Port Authority is cracking down on boaters."
    events = pipeline.annotate_text(text, date="2024-05-10").events
    # neither the place nor the agency in brackets is a doer
    assert {e.actor1.text for e in events if e.actor1 is not None} == {"The Maryland Port Authority"}
