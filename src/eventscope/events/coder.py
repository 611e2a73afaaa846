"""The syntactic PLOVER coder: trigger lexicon + dependency arguments + modality, driven by rule tables.

A trigger (verb, event noun or two-word phrase from ``data/triggers.tsv``) gives the type and mode; the parse
gives the source and the target.  Which constructions count, and in which order, is data: the tables in
``events/rules.py``.  This module walks them sentence by sentence and tidies the result (one event per trigger,
type and pair; outcomes folded into their event).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from eventscope.actors.lookup import ActorLookup, ArgumentActors
from eventscope.events.arguments import clause_subjects, is_event_noun
from eventscope.events.coded import VETOED_KEY, CodedEvent
from eventscope.events.discards import sport_story
from eventscope.events.lexicon import Lexicon, load_relations
from eventscope.events.rules import GENERATORS, SENSE_VETOES, SentenceState
from eventscope.records import Actor, Quote

__all__ = ["ActorLookup", "CodedEvent", "EventCoder", "SentenceResult"]


@dataclass(frozen=True)
class SentenceResult:
    """One sentence's events and the vetoed triggers (token index, veto name): what the rules did."""

    events: list[CodedEvent]
    vetoed: list[tuple[int, str]]


class EventCoder:
    """Codes every sentence of a parsed document into ``CodedEvent`` records, using only its own lexicon."""

    def __init__(self, lexicon: Lexicon, favor: str = "precision") -> None:
        if favor not in ("precision", "recall"):
            raise ValueError("favor must be 'precision' or 'recall'")
        self.lexicon = lexicon
        self.favor = favor

    def code(
        self,
        doc: Doc,
        resolve: ActorLookup,
        quotes: Sequence[Quote] = (),
        skip_ranges: Sequence[tuple[int, int]] = (),
    ) -> list[CodedEvent]:
        actors = self.argument_actors(resolve)
        events: list[CodedEvent] = []
        for sentence in doc.sents:
            if any(start <= sentence.start_char < end for start, end in skip_ranges):
                continue
            if not sentence.text.strip():
                continue
            result = self.code_sentence(sentence, actors, quotes)
            events.extend(result.events)
            dropped = {i: name for i, name in result.vetoed if name in SENSE_VETOES}
            doc.user_data.setdefault(VETOED_KEY, {}).update(dropped)
        return events

    def argument_actors(self, resolve: ActorLookup) -> ArgumentActors:
        """The actors stage's lookup with the coder's fallbacks, asking this coder's lexicon for event nouns."""
        if isinstance(resolve, ArgumentActors):
            return resolve
        return ArgumentActors(
            resolve,
            is_event_noun=lambda token: is_event_noun(token, self.lexicon),
            subjects=lambda verb: clause_subjects(verb)[0],
        )

    def code_sentence(self, sentence: Span, resolve: ActorLookup, quotes: Sequence[Quote] = ()) -> SentenceResult:
        """Run every generator of ``GENERATORS`` on one sentence, in order."""
        state = SentenceState(
            sentence=sentence,
            lexicon=self.lexicon,
            favor=self.favor,
            actors=self.argument_actors(resolve),
            quotes=quotes,
            relations=load_relations(),
        )
        found: list[CodedEvent] = []
        for generator in GENERATORS:
            found.extend(generator.apply(state))
        if sport_story(sentence.doc):
            found = []  # a match report: no generator codes it ("I am really pleased with them")
        return SentenceResult(dedupe(share_coordinated_target(fold_outcomes(found))), state.vetoed)


def dedupe(events: list[CodedEvent]) -> list[CodedEvent]:
    """One event per trigger, type and pair of actors: a pair reached twice (by two argument rules) is one
    event, not two.  Coordinated modifiers sharing one span keep one event per named member."""
    seen: set[tuple] = set()
    kept: list[CodedEvent] = []
    for event in events:
        key = (event.trigger.i, event.entry.event_type, *(_span_key(a) for a in (event.actor1, event.actor2)))
        if key in seen:
            continue
        seen.add(key)
        kept.append(event)
    return kept


def _span_key(actor: Actor | None) -> tuple[int | None, int | None, str | None] | None:
    return (actor.start, actor.end, actor.name) if actor is not None else None


def fold_outcomes(events: list[CodedEvent]) -> list[CodedEvent]:
    """ "The Israeli strike on Gaza killed 23 people": the killing is the strike's outcome, one event."""
    by_trigger = {event.trigger.i: event for event in events}
    updated: dict[int, CodedEvent] = {}  # id of the original host -> host with the outcomes folded in
    folded: set[int] = set()
    for event in events:
        subject = next((c for c in event.trigger.children if c.dep_ == "nsubj"), None)
        host = by_trigger.get(subject.i) if subject is not None else None
        if host is None or host is event or event.trigger.pos_ != "VERB":
            continue
        folded.add(id(event))
        outcome = updated.get(id(event), event)
        kept = updated.get(id(host), host)
        updated[id(host)] = replace(
            kept,
            dead=kept.dead or outcome.dead,
            injured=kept.injured or outcome.injured,
            actor2=kept.actor2 if kept.actor2 is not None or outcome.actor2 is None else outcome.actor2,
        )
    return [updated.get(id(event), event) for event in events if id(event) not in folded]


MEASURE_TYPES = frozenset({"SANCTION", "THREATEN"})
"""Measures aimed at a party that a clause may leave unnamed when the clause beside it names the party."""


def _clause_verb(token: Token) -> Token:
    """The verb whose clause holds a trigger: "made a *condemnation*" -> made, "pledged to *impose*" -> pledged."""
    node = token
    for _ in range(4):
        if node.dep_ not in ("dobj", "xcomp", "pobj", "prep") or node.head is node:
            break
        node = node.head
    return node


def _coordinated_clauses(a: Token, b: Token) -> bool:
    first, second = _clause_verb(a), _clause_verb(b)
    if first.i == second.i or first.pos_ not in ("VERB", "AUX") or second.pos_ not in ("VERB", "AUX"):
        return False
    return (
        (second.dep_ == "conj" and second.head.i == first.i)
        or (first.dep_ == "conj" and first.head.i == second.i)
        or (first.dep_ == second.dep_ == "conj" and first.head.i == second.head.i)
    )


def share_coordinated_target(events: list[CodedEvent]) -> list[CodedEvent]:
    """ "The Security Council made a strong condemnation of North Korea's test and pledged to impose further
    sanctions", "Washington accused Caracas of fraud and threatened new measures": a sanction or threat that names
    no target, in a clause coordinated with one where the same actor acts on a party, is aimed at that party.
    Coordinated clauses share their subject; news leaves the target of the second unsaid because it is the first's."""
    updated = []
    for event in events:
        if event.entry.event_type in MEASURE_TYPES and event.actor2 is None and event.actor1 is not None:
            partner = next(
                (
                    other
                    for other in events
                    if other is not event
                    and other.actor2 is not None
                    and other.actor2.party
                    and other.actor1 is not None
                    and other.actor1.start == event.actor1.start
                    and _coordinated_clauses(other.trigger, event.trigger)
                ),
                None,
            )
            if partner is not None:
                event = replace(event, actor2=partner.actor2, rules=(*event.rules, "coordinated_target"))
        updated.append(event)
    return updated
