"""What a deed is directed at when it is no party: the thing becomes actor2, marked ``party=False``."""

from __future__ import annotations

from collections import defaultdict

from eventscope.evaluation.common import Counts
from eventscope.evaluation.re3d import GoldDocument, _score_dyads
from eventscope.events.merge import member_pairs
from eventscope.records import AnnotatedDocument


def _recipients(events, event_type):
    return {
        (e.actor1.text if e.actor1 else None, e.actor2.text, e.actor2.party)
        for listed in events
        for e in member_pairs(listed)  # a list of actors gives one dyadic row per member
        if e.event_type == event_type and e.actor2 is not None
    }


def test_a_vetoed_resolution_is_the_recipient_thing(code):
    events = code("Russia and China vetoed a draft resolution on the border crisis in the council.")
    things = _recipients(events, "REJECT")
    assert ("Russia", "a draft resolution on the border crisis", False) in things
    assert ("China", "a draft resolution on the border crisis", False) in things


def test_an_object_of_a_target_preposition_is_the_thing(code):
    events = code("The senate opened an investigation into the spending of the oil ministry.")
    assert any(not party and "spending" in thing for _, thing, party in _recipients(events, "ACCUSE"))


def test_a_party_recipient_stays_a_party(code):
    assert ("The police chief", "the mayor", True) in _recipients(
        code("The police chief briefed the mayor on the fighting."), "CONSULT"
    )
    assert all(party for _, _, party in _recipients(code("The army attacked them in the night."), "ASSAULT"))


def test_re3d_dyads_count_only_events_between_two_parties(code):
    text = "Russia and China vetoed a draft resolution on the border crisis in the council."
    events = tuple(e for e in code(text) if e.event_type == "REJECT")
    assert events and all(not e.actor2.party for e in events)
    record = AnnotatedDocument(doc_id="d", title=None, date=None, url=None, source=None, text=text, events=events)
    gold = GoldDocument("d", text, [], [])
    dyads, typed = Counts(), Counts()
    _score_dyads(gold, record, dyads, typed, defaultdict(Counts), [])
    assert dyads.predicted == 0


def test_a_stance_acts_on_the_object_of_its_complement(code):
    assert ("Turkey", "the ban on Greek fishing boats", False) in _recipients(
        code("Turkey refused to lift the ban on Greek fishing boats."), "REJECT"
    )


def test_a_share_of_a_group_is_the_recipient_phrase(code):
    events = code("A Russian court charged one of the Kremlin's loudest critics with fraud.")
    recipients = _recipients(events, "ACCUSE")
    assert any(
        source == "A Russian court" and not party and thing.startswith("one of the Kremlin's loudest critics")
        for source, thing, party in recipients
    ), recipients


def test_aid_goes_to_the_to_phrase_not_to_the_thing_given(code):
    recipients = _recipients(code("The two senators donated $3,000 in all to the town library."), "AID")
    assert ("The two senators", "the town library", False) in recipients, recipients
    assert not any("3,000" in thing for _, thing, _ in recipients)
    recipients = _recipients(code("The charity donated ten tons of food to the flooded district."), "AID")
    assert ("The charity", "the flooded district", False) in recipients, recipients


def test_a_deed_that_is_no_gift_keeps_its_object(code):
    # no "to" phrase: the object stays the thing acted on
    assert ("Turkey", "the ban on Greek fishing boats", False) in _recipients(
        code("Turkey refused to lift the ban on Greek fishing boats."), "REJECT"
    )
    # only a gift's object is passed over: another deed's object stays its recipient
    events = code("Russia and China vetoed a draft resolution on the border crisis in the council.")
    assert ("Russia", "a draft resolution on the border crisis", False) in _recipients(events, "REJECT")
