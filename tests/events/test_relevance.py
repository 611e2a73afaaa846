"""Political relevance (``events/relevance.py``): a cooperative deed between private parties is no political event."""

from __future__ import annotations

import pytest

from eventscope.events.relevance import is_political, political_events
from eventscope.records import Actor


def _actor(text: str, country: str | None, sector: str | None) -> Actor:
    return Actor(0, len(text), text, None, country, sector)


def _event(pipeline_event, actor1, actor2, event_type):
    from dataclasses import replace

    return replace(pipeline_event, actor1=actor1, actor2=actor2, event_type=event_type)


@pytest.fixture(scope="module")
def an_event(pipeline):
    events = pipeline.annotate_text("Russia attacked Ukrainian ports.", date="2024-01-01").events
    assert events
    return events[0]


@pytest.mark.parametrize(
    ("event_type", "a1", "a2", "kept"),
    [
        ("AID", ("investors", None, "BUS"), ("the company", None, "BUS"), False),
        ("CONSULT", ("doctors", None, "HLH"), None, False),
        ("AID", ("the airline", "USA", "BUS"), ("flyers", None, "CVL"), True),  # a state's party: kept
        ("SUPPORT", ("a union", None, "LAB"), ("Clinton", None, None), True),  # unions are political actors
        ("AID", ("donors", None, "BUS"), ("refugees", None, "REF"), True),  # humanitarian help
        ("AGREE", ("Mr. Clarke", None, None), None, True),  # an unknown name says nothing either way
        ("ASSAULT", ("a man", None, "CVL"), ("a shop", None, "BUS"), True),  # not a cooperative type
    ],
)
def test_cooperative_deeds_between_private_parties_are_left_out(an_event, event_type, a1, a2, kept) -> None:
    event = _event(an_event, _actor(*a1) if a1 else None, _actor(*a2) if a2 else None, event_type)
    assert is_political(event) is kept
    assert (political_events([event]) == [event]) is kept


def test_the_pipeline_leaves_out_a_loan_between_companies_in_precision_mode_only(pipeline, pipeline_with) -> None:
    text = "Hedge funds and other investors lent the company millions of dollars."
    assert not [e for e in pipeline.annotate_text(text).events if e.event_type == "AID"]
    assert [e for e in pipeline_with(favor="recall").annotate_text(text).events if e.event_type == "AID"]


def test_a_place_visited_at_home_is_no_host(code) -> None:
    """ "Obama visited Charlotte": the trip names no host; "visited Cuba" names Cuba's government."""
    home = [e for e in code("President Obama visited Charlotte on Tuesday.") if e.event_type == "CONSULT"]
    assert home and all(e.actor2 is None for e in home)
    assert "home_destination" in home[0].rules
    abroad = [e for e in code("President Obama visited Cuba on Tuesday.") if e.event_type == "CONSULT"]
    assert abroad and abroad[0].actor2 is not None and abroad[0].actor2.country == "CUB"


def test_a_visitor_does_not_take_the_country_it_visits(code) -> None:
    """An unnamed official's country is inferred from where a deed happened, but a visitor came from elsewhere."""
    visits = [
        e
        for e in code("The Senate president will lead a parliamentary delegation on a visit to Russia in June.")
        if e.event_type == "CONSULT"
    ]
    assert visits and all(e.actor1 is None or e.actor1.country != "RUS" for e in visits)
