"""The subject that has, or is in, an event noun with a "with" partner takes part in it ("the rebels had talks with
the Russian military"); a noun without such a partner names no side ("had support from Turkey")."""

from __future__ import annotations

from eventscope.events.arguments import partner_holders
from stand_ins import token_named


def test_had_talks_with_names_both_sides(run_coder) -> None:
    _, events, _ = run_coder("The opposition had talks with the army chief on Monday.")
    talks = [e for e in events if e.trigger.lower_ == "talks"]
    assert talks and talks[0].actor1 is not None and "opposition" in talks[0].actor1.text
    assert talks[0].actor2 is not None and "chief" in talks[0].actor2.text


def test_in_negotiations_with(nlp) -> None:
    doc = nlp("The government remains in negotiations with the striking doctors.")
    assert [t.text for t in partner_holders(token_named(doc, "negotiations"))] == ["government"]


def test_no_partner_phrase_no_holder(nlp) -> None:
    doc = nlp("The rebels had support from Turkey.")
    assert partner_holders(token_named(doc, "support")) == []
    doc = nlp("The town had an attack last year.")
    assert partner_holders(token_named(doc, "attack")) == []


def test_other_verbs_are_not_holders(nlp) -> None:
    doc = nlp("The rebels wanted talks with the Russian military.")
    assert partner_holders(token_named(doc, "talks")) == []


def test_speaker_of_a_clause_about_unowned_talks(nlp) -> None:
    doc = nlp("Hamas officials said talks with Egypt would resume next week.")
    assert [t.text for t in partner_holders(token_named(doc, "talks"))] == ["officials"]
    doc = nlp("Hamas officials said Qatar's talks with Egypt would resume next week.")
    assert partner_holders(token_named(doc, "talks")) == []  # owned talks are their owner's


def test_on_a_visit_to(nlp) -> None:
    doc = nlp("The senator, who is on a visit to Morocco, praised the king.")
    assert [t.text for t in partner_holders(token_named(doc, "visit"))] == ["senator"]
    doc = nlp("The senator went on to visit Morocco.")
    assert partner_holders(token_named(doc, "visit")) == []


def test_convener_takes_part_in_the_meeting(run_coder) -> None:
    _, events, _ = run_coder("The central government convened a meeting of the state governors on Monday.")
    meetings = [e for e in events if e.trigger.lower_ == "meeting"]
    assert meetings and meetings[0].actor1 is not None and "government" in meetings[0].actor1.text


def test_a_fight_had_with_someone_gets_no_doer(run_coder) -> None:
    _, events, _ = run_coder("He had a fight with his girlfriend on Sunday.")
    assert all("partner_holder" not in e.rules for e in events)
