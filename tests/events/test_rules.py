"""Every rule of ``events/rules.py`` on its own examples: the coder alone on one parsed sentence (no pipeline run,
no classifier), with the real actor resolver.  A rule passes when it is named on the event its example expects
(or, for a veto, when it is the veto that dropped the trigger)."""

from __future__ import annotations

import dataclasses

import pytest

from eventscope.events.coder import EventCoder
from eventscope.events.lexicon import Lexicon, TriggerEntry, load_lexicon
from eventscope.events.rules import (
    ALL_RULES,
    EXPANSIONS,
    GENERATORS,
    NOUN_FRAME,
    RETYPES,
    SOURCE_RULES,
    TARGET_FALLBACKS,
    TARGET_RULES,
    VERB_FRAME,
    VETOES,
    Example,
    Rule,
)

VETO_NAMES = {rule.name for rule in VETOES}
CASES = [
    pytest.param(rule, example, id=f"{rule.name}-{index}")
    for rule in ALL_RULES
    for index, example in enumerate(rule.examples)
]


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    return EventCoder(load_lexicon())


@pytest.fixture(scope="module")
def run(nlp, pipeline, coder):
    """run(text, coder=None) -> (doc, events, vetoed) for every sentence of the text."""

    def code(text: str, with_coder: EventCoder | None = None):
        doc = nlp(text)
        actors = pipeline.resolver.for_document(doc)
        events, vetoed = [], []
        for sentence in doc.sents:
            result = (with_coder or coder).code_sentence(sentence, actors)
            events += result.events
            vetoed += result.vetoed
        return doc, events, vetoed

    return code


def _actor_has(actor, word: str | None) -> bool:
    if word is None:
        return True
    if word == "-":
        return actor is None
    return actor is not None and word.lower() in actor.text.lower()


@pytest.mark.parametrize(("rule", "example"), CASES)
def test_rule_example(run, rule: Rule, example: Example) -> None:
    doc, events, vetoed = run(example.text)
    trigger = next((t for t in doc if t.text == example.trigger), None)
    assert trigger is not None, f"no token {example.trigger!r} in {example.text!r}"
    on_trigger = [e for e in events if e.trigger.i == trigger.i]
    if example.event_type is None:
        assert rule.name in VETO_NAMES, f"{rule.name}: only veto examples may expect no event"
        assert (trigger.i, rule.name) in vetoed, (vetoed, [(e.entry.event_type, e.rules) for e in on_trigger])
        assert on_trigger == []
        return
    matching = [
        e
        for e in on_trigger
        if e.entry.event_type == example.event_type
        and rule.name in e.rules
        and any(  # a reciprocal event is read both ways (its dyadic rows)
            _actor_has(first, example.source) and _actor_has(second, example.target)
            for first, second in ((e.actor1, e.actor2), *(((e.actor2, e.actor1),) if e.reciprocal else ()))
        )
    ]
    assert matching, [
        (e.entry.event_type, e.actor1 and e.actor1.text, e.actor2 and e.actor2.text, e.rules) for e in on_trigger
    ]


def test_every_rule_is_named_once_explained_and_exemplified() -> None:
    names = [rule.name for rule in ALL_RULES]
    assert len(names) == len(set(names)), [n for n in names if names.count(n) > 1]
    for rule in ALL_RULES:
        assert rule.why and len(rule.examples) >= 2 and callable(rule.apply), rule.name
    for table in (VETOES, VERB_FRAME, NOUN_FRAME, TARGET_FALLBACKS, RETYPES, EXPANSIONS, GENERATORS):
        assert table and all(rule in ALL_RULES for rule in table)
    assert {r.name for r in SOURCE_RULES} & {r.name for r in TARGET_RULES} == {
        r.name for r in VERB_FRAME + NOUN_FRAME if r.role == "both"
    }


def test_events_name_only_known_rules(run) -> None:
    known = {rule.name for rule in ALL_RULES}
    texts = {example.text for rule in ALL_RULES for example in rule.examples}
    for text in sorted(texts)[:40]:
        _, events, _ = run(text)
        for event in events:
            assert event.rules and set(event.rules) <= known, (text, event.rules)


def test_coded_event_is_frozen(run) -> None:
    _, events, _ = run("Russia attacked Ukrainian ports.")
    with pytest.raises(dataclasses.FrozenInstanceError):
        events[0].confidence = 1.0  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Israeli jets struck Hezbollah positions in southern Lebanon.", "ISR"),
        ("Syrian aircraft bombed rebel positions near Aleppo.", "SYR"),
        ("Russian missiles struck a power plant in Kharkiv.", "RUS"),
    ],
)
def test_weapons_stand_for_their_military(run, text: str, country: str) -> None:
    _, events, _ = run(text)
    assault = [e for e in events if e.entry.event_type == "ASSAULT"]
    assert assault, text
    assert (assault[0].actor1.country, assault[0].actor1.sector) == (country, "MIL")


def test_coder_uses_its_own_lexicon(run) -> None:
    """A lexicon handed to the coder decides the type, and the event-noun test of the argument rules too."""
    shipped = load_lexicon()
    entries = [e for e in shipped.words.values() if (e.lemma, e.pos) != ("attack", "VERB")]
    entries.append(TriggerEntry(lemma="attack", pos="VERB", event_type="PROTEST", mode=None, cameo=None))
    retyped = EventCoder(Lexicon(entries))
    _, events, _ = run("Russia attacked Ukrainian ports.", retyped)
    assert [e.entry.event_type for e in events] == ["PROTEST"]

    text = "Three soldiers were killed in a raid by Israeli forces."
    _, events, _ = run(text)
    assert any(e.actor1 is not None and e.actor1.country == "ISR" for e in events)
    without_raid = EventCoder(Lexicon([e for e in shipped.words.values() if e.lemma != "raid"]))
    _, events, _ = run(text, without_raid)  # no event noun "raid": its "by" agent is nobody's setting
    assert not any(e.actor1 is not None and e.actor1.country == "ISR" for e in events)
