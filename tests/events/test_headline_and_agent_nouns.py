"""Ways news names a deed and its parties that the syntax alone misses (events/arguments.py, events/rules.py,
data/triggers.tsv): a headline's passive with its "was" left out ("Teenager stabbed to death in park"), a party noun
before a deed noun ("the police shooting of a man", "an army raid"), a described victim, "struck a deal".  The real
pipeline and coder on sentences written here."""

from __future__ import annotations

import pytest


def _assaults(events):
    return [e for e in events if e.event_type == "ASSAULT"]


@pytest.mark.parametrize(
    ("text", "victim"),
    [
        ("Teenager stabbed to death in Leeds park.", "Teenager"),
        ("Shopkeeper shot twice in attempted robbery.", "Shopkeeper"),
    ],
)
def test_a_headline_passive_makes_its_subject_the_victim(code, text: str, victim: str) -> None:
    events = _assaults(code(text))
    assert events, "the headline's deed is coded"
    assert all(e.actor1 is None or victim not in e.actor1.text for e in events)
    assert any(e.actor2 is not None and victim in e.actor2.text for e in events)


@pytest.mark.parametrize(
    ("text", "attacker"),
    [
        ("Gunmen shot and killed a police officer in Quetta.", "Gunmen"),  # the object is shared with "killed"
        ("Unidentified gunmen shot at a police post in Kunar.", "gunmen"),  # "shot at": active
    ],
)
def test_an_active_harm_verb_keeps_its_subject_as_the_attacker(code, text: str, attacker: str) -> None:
    events = _assaults(code(text))
    assert any(e.actor1 is not None and attacker in e.actor1.text for e in events)


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("The police shooting of a teenager sparked protests in the city.", "police", "teenager"),
        ("A rebel attack on the convoy killed four soldiers near Kidal.", "rebel", None),
    ],
)
def test_a_party_noun_before_a_deed_noun_is_its_source(code, text: str, source: str, target: str | None) -> None:
    events = _assaults(code(text))
    assert any(
        e.actor1 is not None
        and source in e.actor1.text
        and (target is None or (e.actor2 is not None and target in e.actor2.text))
        for e in events
    ), [(e.actor1, e.actor2) for e in events]


def test_a_kind_of_deed_or_a_classifying_adjective_is_no_source(run_coder) -> None:
    """ "police shootings" in general are no one deed; "military aid" is a kind of aid, not aid from "military"."""
    _, events, _ = run_coder("Police shootings of unarmed men have drawn criticism across the country.")
    assert not any(e.actor1 is not None and e.actor1.text.lower() == "police" for e in events)
    _, events, _ = run_coder("Hungary vetoed a plan to disburse military aid to Kyiv.")
    assert not any(e.actor1 is not None and e.actor1.text.lower() == "military" for e in events)


def test_the_cause_of_a_protest_is_not_its_protester(run_coder) -> None:
    _, events, _ = run_coder("The police shooting of a teenager sparked protests in the city.")
    protests = [e for e in events if e.entry.event_type == "PROTEST"]
    assert protests, "the protest is still coded"
    assert all(e.actor1 is None for e in protests)


def test_a_described_victim_is_one_target_not_one_per_description(code) -> None:
    """ "Crutcher, a father and student, was shot": the indefinite apposition says what he is; a list of parties in
    apposition ("The UK, the wider Coalition and the Government of Iraq") is still each a party."""
    events = _assaults(code("Crutcher, 40, a father and student, was shot and killed by a white officer in Tulsa."))
    targets = {e.actor2.text for e in events if e.actor2 is not None}
    assert any("Crutcher" in t for t in targets) and not any(t.lower() == "student" for t in targets)


def test_striking_a_deal_is_an_agreement_not_an_attack(run_coder) -> None:
    """ "struck a deal with the government": the listed phrase, not "strike" (an attack) or a criticism."""
    doc, events, _ = run_coder("The mining company struck a deal with the Malaysian government on Friday.")
    assert {e.entry.event_type for e in events} == {"AGREE"}
    _, events, _ = run_coder("Israeli jets struck a training camp in Gaza on Friday.")
    assert {e.entry.event_type for e in events} == {"ASSAULT"}


def test_a_relative_pronoun_names_its_antecedent_for_the_deed_its_clause_controls(run_coder) -> None:
    """ "Cruz, who refused to endorse Trump": "endorse" inherits "who" from "refused"; both deeds are Cruz's."""
    doc, events, _ = run_coder("The vote is risky for Senator Ted Cruz, who refused to endorse Trump in July.")
    by_word = {e.trigger.text: e for e in events}
    assert by_word["endorse"].actor1 is not None and "Cruz" in by_word["endorse"].actor1.text
    assert by_word["endorse"].negated
    assert by_word["refused"].actor1 is not None and "Cruz" in by_word["refused"].actor1.text
