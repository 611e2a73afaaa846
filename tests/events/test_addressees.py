"""The party a verbal act is addressed to when the clause names something else beside it: the message it was made
in ("asked for X in a letter to Y") and the object of a control verb whose complement the model read as the event
("warned Y to refrain from X").  The thing asked for or warned about is the content, not the recipient."""

from __future__ import annotations

from eventscope.events.arguments import controlled_addressee, message_addressees
from eventscope.events.coder import EventCoder
from eventscope.events.lexicon import load_lexicon
from eventscope.events.scoring import fallback_actors
from stand_ins import token_named


def _actors(doc, pipeline):
    return EventCoder(load_lexicon()).argument_actors(pipeline.resolver.for_document(doc))


def test_letter_names_the_addressee_of_a_request(run_coder) -> None:
    _, events, _ = run_coder("The council asked for more money in a letter to the Finance Ministry.")
    asked = [e for e in events if e.trigger.lower_ == "asked"]
    assert asked and asked[0].actor2 is not None and "Ministry" in asked[0].actor2.text
    assert "message_addressee" in asked[0].rules


def test_a_statement_to_reporters_names_no_recipient(nlp) -> None:
    doc = nlp("The minister appealed for calm in a statement to reporters on Sunday.")
    assert [t.text for t in message_addressees(token_named(doc, "appealed"))] == ["reporters"]
    doc = nlp("The minister appealed for calm at a meeting with the governors.")
    assert message_addressees(token_named(doc, "appealed")) == []  # a meeting is no message


def test_reporters_are_not_taken_as_recipients(run_coder) -> None:
    _, events, _ = run_coder("The minister appealed for calm in a statement to reporters.")
    assert all(e.actor2 is None or "reporters" not in e.actor2.text for e in events)


def test_model_event_in_a_complement_is_addressed_to_the_controller(nlp, pipeline) -> None:
    doc = nlp("Japan warned Russia to refrain from further provocations near the islands.")
    refrain = token_named(doc, "refrain")
    assert [t.text for t in controlled_addressee(refrain)] == ["Russia"]
    actor1, actor2 = fallback_actors(refrain, _actors(doc, pipeline), "THREATEN")
    assert actor1 is not None and actor1.country == "JPN"
    assert actor2 is not None and actor2.country == "RUS"


def test_a_deed_type_on_the_complement_is_not_addressed_to_the_controller(nlp, pipeline) -> None:
    doc = nlp("Parliament required the Iranian envoys to release their records.")
    release = token_named(doc, "release")
    _, actor2 = fallback_actors(release, _actors(doc, pipeline), "RETREAT")
    assert actor2 is None or "envoys" not in actor2.text


def test_complement_with_its_own_subject_has_no_controller(nlp) -> None:
    doc = nlp("Japan expects that Russia will refrain from further provocations.")
    assert controlled_addressee(token_named(doc, "refrain")) == []
    doc = nlp("Japan decided to refrain from further provocations.")
    assert controlled_addressee(token_named(doc, "refrain")) == []  # subject control: no object to address
