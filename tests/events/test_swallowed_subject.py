"""A second clause's subject that the parser coordinated with the first clause's object ("X mishandled the inquiry
and Democrats accused the GOP") is that clause's subject, not one more object of the first."""

from __future__ import annotations

from eventscope.events.arguments import clause_subjects, expand_conjuncts, swallowed_subject
from stand_ins import token_named


def test_subject_swallowed_by_the_object_list(nlp) -> None:
    doc = nlp("Police arrested the suspects and the prosecutors charged them with murder.")
    charged = token_named(doc, "charged")
    assert [t.text for t in clause_subjects(charged)[0]] == ["prosecutors"]
    assert [t.text for t in expand_conjuncts([token_named(doc, "suspects")])] == ["suspects"]


def test_democrats_accused_the_gop(run_coder) -> None:
    _, events, _ = run_coder(
        "Republicans said the department mishandled the investigation and Democrats accused the GOP of lying."
    )
    accused = [e for e in events if e.trigger.lower_ == "accused"]
    assert accused and accused[0].actor1 is not None and accused[0].actor1.text == "Democrats"


def test_shared_subject_and_real_lists_are_left_alone(nlp) -> None:
    doc = nlp("Police arrested the suspects and charged them with murder.")
    assert swallowed_subject(token_named(doc, "charged")) is None
    assert [t.text for t in clause_subjects(token_named(doc, "charged"))[0]] == ["Police"]
    doc = nlp("Police arrested the suspects and their relatives on Monday.")
    assert [t.text for t in expand_conjuncts([token_named(doc, "suspects")])] == ["suspects", "relatives"]
