"""Conflict reporting as it is written (events/conflict.py): unnamed attackers and victims, victim-only casualty
reports, responsibility claims, misparsed "shot dead", coordinated casualty verbs.  The coder alone on parsed
sentences (no classifier), with the real actor resolver; one end-to-end check runs the precision-mode pipeline."""

from __future__ import annotations

import pytest

from eventscope.actors.lookup import ARMED_SECTORS
from eventscope.events.coder import EventCoder
from eventscope.events.conflict import claimants, is_victim_noun, no_attack
from eventscope.events.context import contexts_for
from eventscope.events.lexicon import load_lexicon
from eventscope.events.rules import ARMED_OR_STATE_SECTORS


@pytest.fixture(scope="module")
def code(nlp, pipeline):
    """code(text) -> (doc, events of every sentence) with the precision-mode coder."""
    coder = EventCoder(load_lexicon())

    def run(text: str):
        doc = nlp(text)
        actors = pipeline.resolver.for_document(doc)
        events = [e for sentence in doc.sents for e in coder.code_sentence(sentence, actors).events]
        return doc, events

    return run


def _assaults(events):
    return [e for e in events if e.entry.event_type == "ASSAULT"]


def _text(actor) -> str:
    return actor.text.lower() if actor is not None else ""


def test_unidentified_armed_group_is_an_armed_sector(nlp) -> None:
    assert "UAF" in ARMED_SECTORS
    assert "UAF" in ARMED_OR_STATE_SECTORS
    from eventscope.records import Actor

    doc = nlp("They met.")
    gunmen = Actor(0, 4, "gunmen", None, None, "UAF")
    assert "military" in contexts_for(doc[:], [gunmen])


@pytest.mark.parametrize(
    ("text", "word", "sector"),
    [
        ("Armed men attacked the checkpoint in Parwan.", "men", "UAF"),
        ("Unknown assailants attacked a bus carrying passengers.", "assailants", "UAF"),
        ("Gunmen attacked the villagers near Kunduz.", "villagers", "CVL"),
    ],
)
def test_generic_agents_resolve_in_argument_positions(code, text: str, word: str, sector: str) -> None:
    _, events = code(text)
    actors = [a for e in _assaults(events) for a in (e.actor1, e.actor2) if a is not None]
    assert any(word in _text(a) and a.sector == sector for a in actors), [(a.text, a.sector) for a in actors]


def test_coordinated_casualty_verbs_give_both_targets(code) -> None:
    _, events = code("Gunmen killed a shopkeeper and wounded two policemen in Peshawar.")
    hits = [e for e in _assaults(events) if e.actor2 is not None]
    assert any("shopkeeper" in _text(e.actor2) for e in hits)
    assert any("policemen" in _text(e.actor2) for e in hits)
    assert all("gunmen" in _text(e.actor1) for e in hits)


def test_victim_only_passive_has_target_and_no_source(code) -> None:
    _, events = code("Four villagers were wounded in a grenade attack in Kunar. No group claimed responsibility.")
    hits = [e for e in _assaults(events) if "villagers" in _text(e.actor2)]
    assert hits and all(e.actor1 is None for e in hits)


def test_responsibility_claim_in_the_next_sentence_is_the_source(code) -> None:
    _, events = code("A roadside bomb killed three soldiers in Helmand. The Taliban claimed responsibility.")
    hits = [e for e in _assaults(events) if "soldiers" in _text(e.actor2)]
    assert hits and any("taliban" in _text(e.actor1) for e in hits)


def test_denied_claim_names_nobody(nlp) -> None:
    doc = nlp("A bomb exploded in the market. No group claimed responsibility.")
    assert claimants(next(iter(doc.sents))) == []
    doc = nlp("A bomb exploded in the market on Sunday.")
    assert claimants(next(iter(doc.sents))) is None


def test_counted_unknown_victims_survive_the_anonymity_veto(code) -> None:
    doc, events = code("Two members of a village defence team were injured in a gun attack.")
    hits = [e for e in _assaults(events) if e.trigger.lower_ == "injured"]
    assert hits and "members" in _text(hits[0].actor2) and hits[0].actor1 is None
    assert "casualty_report" in hits[0].rules


def test_misparsed_shot_dead_is_an_assault_on_the_object(code) -> None:
    doc, events = code("Two gunmen on a motorbike shot dead a police officer in Quetta.")
    shot = [e for e in _assaults(events) if e.trigger.lower_ == "shot"]
    assert shot and "gunmen" in _text(shot[0].actor1) and "officer" in _text(shot[0].actor2)
    if doc[[t.lower_ for t in doc].index("shot")].pos_ == "VERB":  # parsed right: no second event on it
        assert all("misparsed_resultative" not in e.rules for e in shot)


def test_death_result_makes_a_killing_but_not_a_sentence(code) -> None:
    _, events = code("Armed men hacked to death a farmer in Sylhet.")
    assert any(e.trigger.lower_ == "hacked" and "farmer" in _text(e.actor2) for e in _assaults(events))
    _, events = code("The court sentenced the former minister to death.")
    assert not _assaults(events)
    assert any(e.entry.event_type == "SANCTION" for e in events)


def test_suffered_injuries_name_the_victim(code) -> None:
    _, events = code("Three people received burn injuries when a petrol bomb hit their bus in Rajshahi.")
    hits = [e for e in _assaults(events) if "suffered_casualty" in e.rules]
    assert hits and "people" in _text(hits[0].actor2)
    assert hits[0].injured is not None and hits[0].injured.value == 3


@pytest.mark.parametrize(
    "text",
    [
        "The striker received injuries during the match in Lahore.",
        "Five passengers received injuries in a bus collision near Quetta.",
    ],
)
def test_harm_that_is_no_attack_is_no_event(code, text: str) -> None:
    _, events = code(text)
    assert not _assaults(events)


def test_victim_nouns_and_no_attack_helpers(nlp) -> None:
    doc = nlp("Two members were hurt in a crash during the tournament.")
    assert is_victim_noun(doc[1])
    assert not is_victim_noun(doc[7])
    assert no_attack(doc[3])


def test_precision_pipeline_keeps_victim_only_casualty_reports(pipeline) -> None:
    from eventscope.ingest.readers import make_document

    texts = [
        "Three passengers were killed when a bomb exploded on a bus in Quetta.",
        "Two members of a village defence team were injured in a gun attack in Yala.",
    ]
    records = pipeline.annotate([make_document(t, doc_id=f"c{i}") for i, t in enumerate(texts)])
    for record in records:
        assert any(e.event_type == "ASSAULT" and e.actor2 is not None for e in record.events), record.events


@pytest.mark.parametrize(
    ("text", "suspect"),
    [
        ("Gunmen killed two guards at the port. Al Shabaab was suspected.", "shabaab"),
        ("A bomb killed four traders in the market. The blast was blamed on the Taliban.", "taliban"),
    ],
)
def test_suspect_named_later_is_the_claimant(nlp, text: str, suspect: str) -> None:
    doc = nlp(text)
    found = claimants(next(iter(doc.sents)))
    assert found and suspect in " ".join(t.text.lower() for t in found)


def test_casualty_is_anchored_on_the_attack_that_caused_it(code) -> None:
    _, events = code("Four people suffered injuries as gunmen exploded two bombs near the market in Khulna.")
    hits = [e for e in _assaults(events) if "suffered_casualty" in e.rules]
    assert hits and hits[0].trigger.lower_ == "exploded"
    assert "gunmen" in _text(hits[0].actor1) and hits[0].actor1.sector == "UAF"
    assert "people" in _text(hits[0].actor2)
