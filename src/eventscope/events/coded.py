"""The coder's output record (``CodedEvent``) and what every rule fills in the same way: claim, modality,
confidence, theme and casualty/crowd magnitudes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from eventscope.actors.lookup import ArgumentActors
from eventscope.events.arguments import acted_on, clause_subjects, gift_recipient, thing_phrase
from eventscope.events.lexicon import TriggerEntry
from eventscope.events.magnitudes import casualties, casualty_field, number_of
from eventscope.events.modality import reporting_head
from eventscope.records import Actor, Event, Magnitude, Quote
from eventscope.vocabulary import words

VETOED_KEY = "eventscope_vetoed"
"""``doc.user_data`` key: token index -> name of the sense veto that dropped the token's trigger
(``EventCoder.code``, ``rules.SENSE_VETOES``); the model's fallback does not re-code a word read in another sense."""


@dataclass(frozen=True)
class CodedEvent:
    """An event found in one sentence, before places, dates and merging are added.

    ``rules`` names the rules (``events/rules.py``) that made it, in the order they applied: the generator, the
    argument frame steps and fallbacks, retypings and expansions.  It is diagnostic: evaluations report precision
    per rule, and ``eventscope eval re3d --errors`` prints them for each wrong event."""

    entry: TriggerEntry
    trigger: Token
    trigger_end: int
    sentence: Span
    actor1: Actor | None
    actor2: Actor | None
    claimed_by: Actor | None
    negated: bool
    modality: str
    confidence: float
    theme: str | None = None
    dead: Magnitude | None = None
    injured: Magnitude | None = None
    size: Magnitude | None = None
    rules: tuple[str, ...] = ()
    reciprocal: bool = False  # both sides did it to each other (``Event.reciprocal``)


def claimed_by(trigger: Token, actors: ArgumentActors, quotes: Sequence[Quote]) -> Actor | None:
    """The speaker of the quote holding the trigger, else the subject of a reporting verb over it."""
    position = trigger.idx
    for quote in quotes:
        if quote.start <= position < quote.end and quote.speaker is not None and reported(trigger.doc, quote):
            return quote.speaker
    head = reporting_head(trigger)
    if head is not None:
        speakers = actors.resolve_all(clause_subjects(head)[0])
        if head.lemma_.lower() == "accord":
            speakers = actors.resolve_all(
                [c for c in head.children if c.dep_ == "pobj"]
                or [c for p in head.children for c in p.children if c.dep_ == "pobj"]
            )
        return speakers[0] if speakers else None
    return None


def reported(doc: Doc, quote: Quote) -> bool:
    """Direct quotes, and indirect ones introduced by a reporting verb or phrase, carry a claim."""
    if quote.direct or quote.cue is None:
        return True
    cue = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
    return cue is not None and any(t.lemma_.lower() in words("reporting_verbs") | {"accord"} for t in cue)


def theme_of(trigger: Token, partner: Token | None, actors: ArgumentActors) -> str | None:
    """What was acted on when it is not an actor: "found *caches*", "took control of the *city*"."""
    if partner is not None:
        for prep in partner.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        return pobj.lemma_.lower()
        return partner.lemma_.lower()
    for child in trigger.children:
        if child.dep_ in ("dobj", "nsubjpass") and actors.resolve_token(child) is None:
            return child.lemma_.lower()
    return None


GIVING_TYPES = frozenset({"AID"})
"""Event types whose direct object is what is given, not whom it is given to (``gift_recipient``)."""


def with_recipient_thing(event: Event, doc: Doc, actors: ArgumentActors) -> Event:
    """The event with what its deed was directed at as ``actor2`` when no party is, marked ``party=False``:
    "Russia and China vetoed *a US resolution*", "Trump reneged *on an international nuclear accord*".  PLOVER's
    recipient is "the entity to whom the event is directed"; when the sentence directs it at a thing, the thing is
    the evidence an analyst reads, and dyad counts between parties leave it out.  It is added to finished
    events: the event's id, its merging and its confidence are those of the event without it."""
    if event.actor2 is not None:
        return event
    trigger = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if trigger is None:
        return event
    # "opened an investigation into X": the light verb's object is the trigger's own noun; X is what it acts on
    inside = frozenset(t.i for t in trigger)
    holders = [trigger.root, *(t for t in trigger if t is not trigger.root)]
    if trigger.root.dep_ == "dobj" and trigger.root.head.pos_ == "VERB":
        holders.append(trigger.root.head)
    # "refused to lift *the ban on Cypriot ships*": a stance's deed is in its complement clause
    holders += [c for c in trigger.root.children if c.dep_ == "xcomp"]
    holders += [g for c in holders[-1:] for g in c.children if g.dep_ == "xcomp"]
    # "gave $2 million to the sector": aid goes to the "to" phrase, never to the thing given
    named, noun = gift_recipient(trigger.root) if event.event_type in GIVING_TYPES else (False, None)
    if not named:
        noun = next((n for n in (acted_on(h, inside) for h in holders) if n is not None), None)
    if noun is None or actors.resolve_token(noun) is not None:
        return event
    first, last = thing_phrase(noun)
    start, end = doc[first].idx, doc[last - 1].idx + len(doc[last - 1].text)
    taken = [(event.trigger.start, event.trigger.end)]  # the phrase must hold neither the trigger nor the actor
    if event.actor1 is not None and event.actor1.start is not None and event.actor1.end is not None:
        taken.append((event.actor1.start, event.actor1.end))
    if any(start < taken_end and taken_start < end for taken_start, taken_end in taken):
        return event
    thing = Actor(start, end, doc.text[start:end], None, None, None, party=False)
    return replace(event, actor2=thing, rules=(*event.rules, "recipient_thing"))


def confidence(trigger: Token, source: Actor | None, target: Actor | None, claimed_by: Actor | None) -> float:
    """Heuristic until the learned model scores it: more resolved arguments, more trust."""
    score = 0.45
    if source is not None:
        score += 0.2 + (0.05 if source.country else 0.0)
    if target is not None:
        score += 0.15 + (0.05 if target.country else 0.0)
    if trigger.pos_ == "VERB":
        score += 0.05
    if claimed_by is not None:
        score -= 0.05
    return round(min(score, 0.95), 3)


def magnitudes(trigger: Token, event_type: str) -> dict[str, Magnitude]:
    """PLOVER magnitude fields from number modifiers: "killed 23 people" -> dead 23."""
    found: dict[str, Magnitude] = casualties(trigger, event_type)  # dead / injured (events/magnitudes.py)
    field = casualty_field(trigger)
    if event_type in ("PROTEST", "MOBILIZE"):
        for child in trigger.children:
            crowd_nouns = words("crowd_nouns")
            crowd = child.lemma_.lower() in crowd_nouns or any(
                c.lemma_.lower() in crowd_nouns for p in child.children if p.lower_ == "of" for c in p.children
            )
            if child.dep_ in ("nsubj", "dobj") and crowd and "size" not in found:
                number = number_of(child)
                if number is not None and not field:
                    found["size"] = number
    return found
