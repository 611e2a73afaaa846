"""The learned model vets the coder's events (moved out of ``Pipeline._score``).

``CodedEvent`` is frozen, while ``EventClassifier.vet`` (owned with the model) edits the events it is given in
place; the classifier therefore works on mutable drafts, and frozen events come back.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from eventscope.actors.lookup import same_actor
from eventscope.events.arguments import VERBAL_COMMITMENTS, controlled_addressee, message_addressees
from eventscope.events.classifier import (  # NO_EVENT_THRESHOLD: the model's own "no event" line
    DERIVED_RULES,
    MODALITY_MIN,
    NO_EVENT_THRESHOLD,
    REFUSAL,
    WILLINGNESS,
    object_of,
    sense_entry,
    subject_of,
)
from eventscope.events.coded import VETOED_KEY, CodedEvent, magnitudes
from eventscope.events.discards import sport_story
from eventscope.events.modality import is_negated, modality_of
from eventscope.vocabulary import words

CASUALTY_RULES = frozenset({"casualty_report", "suffered_casualty"})
"""Rules (events/conflict.py) whose events are victim-only by construction: never vetoed for a missing source."""
CONSTRUCTION_RULES = CASUALTY_RULES | {"fire_exchange", "explosion", "crowd_restraint"}
"""Rules whose event the construction proves, not the trigger word: the model, which reads "exchange" as trade
and "went" as no event, types and calibrates them but does not veto them ("an exchange of fire with police" is a
firefight, "two bombs went off near the mosque" a bombing, "police intervened" after a riot a force stepping in:
the crowd_restraint rule already asks for a police or military doer and a person, or nobody, held)."""
CODER_TYPE_RULES = DERIVED_RULES | {
    "labour_strike",
    "explosion",
    "verbal_attack",
    "criticized_idea",
    "sent_message",
    "directive_tell",
    "name_calling",
    "weapons_test",
}
"""Rules whose type the model does not replace: those of ``DERIVED_RULES``, and constructions whose type the
words around the trigger fix ("lawyers went on *strike*" is a PROTEST, not an attack; a bomb going off an
ASSAULT; "attacked him *in a speech*", "slammed *the decision*" words, not blows; "sent *a letter*" a message, not
aid; "told them *to leave*" a directive; "called the envoy *a fool*" disapproval, not a call; missiles fired *into
the sea* a show of weapons, not an attack)."""
CLASSIFIER_RETYPE = "classifier_retype"
"""Added to ``CodedEvent.rules`` when the learned model replaced the coder's type (a diagnostic, not a rule)."""
CLASSIFIER_FALLBACK = "classifier_fallback"
"""``CodedEvent.rules`` of an event the learned model coded itself in a sentence where the coder kept none."""
COOPERATIVE_DEEDS = frozenset({"AGREE", "AID", "CONCEDE", "CONSULT", "COOPERATE", "RETREAT", "SUPPORT"})
"""Types whose refusal is a REJECT and whose offer is an AGREE (PLOVER: REJECT "all rejections and refusals", modes
assist / yield / meet; AGREE "indicate willingness or commitment to cooperate"); a conflict deed one will not do
("will not attack") is no rejection of anything."""
REFUSAL_AUX = frozenset({"will", "wo", "would", "'ll", "shall"})
"""Auxiliaries that make a negated deed a stated intention ("will not", "won't", "would not"); "did not" reports that a
deed did not happen, "could not" an inability: those stay negated deeds."""
WILLING_HEADS = frozenset({"willing", "ready", "prepared", "eager", "keen", "happy", "open"})
"""Adjectives whose infinitive complement is a deed offered ("is ready to contribute troops")."""


@dataclass
class _Draft:
    """A mutable copy of a ``CodedEvent`` for the classifier to edit (same fields)."""

    values: dict[str, Any]

    def __getattr__(self, name: str) -> Any:
        try:
            return self.__dict__["values"][name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "values":
            super().__setattr__(name, value)
        else:
            self.values[name] = value


def score_events(coded: list[CodedEvent], classifier, favor: str = "precision") -> list[CodedEvent]:
    """Events the classifier keeps, with its type, modality, negation and confidence (``EventClassifier.vet``).

    A classifier without ``vet`` gets the older rule: P(no event) >= 0.5 drops an event lacking a source or a
    target in precision mode, and bounds the confidence of the rest."""
    if not hasattr(classifier, "vet"):
        return _bound_by_no_event(coded, classifier, favor)
    drafts = [_Draft(_shallow(item)) for item in coded]
    before = {id(draft): item.entry for draft, item in zip(drafts, coded, strict=True)}
    # a casualty report ("two policemen were killed") has a victim and no named attacker by nature: the model
    # still types, marks and calibrates it, but does not veto it for lacking a source
    protected = {id(d) for d in drafts if CONSTRUCTION_RULES & set(d.rules)}
    vetted = {id(d) for d in classifier.vet([d for d in drafts if id(d) not in protected], favor)}
    vetted |= {id(d) for d in classifier.vet([d for d in drafts if id(d) in protected], "recall")}
    kept = []
    for draft in (d for d in drafts if id(d) in vetted):
        values = dict(draft.values)
        if values["entry"] != before[id(draft)]:
            # a type derived from the arguments (classifier.DERIVED_RULES), not a sense of the word: the coder's type
            # stands ("Kenyan troops and their allies attacked": the allies' COOPERATE must not become an ASSAULT)
            if CODER_TYPE_RULES & set(values["rules"]) or _plain_call_for(draft.trigger, before[id(draft)], values):
                values["entry"] = before[id(draft)]
            else:  # the model chose another sense of the word: say so
                values["rules"] = (*values["rules"], CLASSIFIER_RETYPE)
        kept.append(_stated_commitment(CodedEvent(**values), before[id(draft)], classifier))
    return _refusal_holds_its_deed(_derived_below_deed(kept))


def _plain_call_for(trigger, coded, values: dict[str, Any]) -> bool:
    """ "called for more school investment", "has called for the repeal of the law", "called for cutting taxes": a call
    for a policy, a measure or a deed is a REQUEST.  The model, taught by PLV's "called for sanctions against Moscow"
    and "called for an inquiry" (ACCUSE), reads every "call for" as an accusation; only a call for a punishment or an
    inquiry (``accusing_demands``) keeps its ACCUSE."""
    if coded.event_type != "REQUEST" or values["entry"].event_type != "ACCUSE" or trigger.lemma_.lower() != "call":
        return False
    asked = [
        o
        for p in trigger.children
        if p.dep_ == "prep" and p.lower_ == "for"
        for o in p.children
        if o.dep_ in ("pobj", "pcomp")
    ]
    asked = [t for o in asked for t in (o, *o.conjuncts)]
    return bool(asked) and not any(o.lemma_.lower() in words("accusing_demands") for o in asked)


def _refusal_holds_its_deed(events: list[CodedEvent]) -> list[CodedEvent]:
    """ "Cruz refused to endorse Trump", "declined to appeal the ruling": the refusal (REJECT) is the event; the
    refused deed, negated by it, is what was refused, not a second record of the same happening."""
    refusals = {
        (id(item.trigger.doc), item.trigger.i)
        for item in events
        if item.entry.event_type == "REJECT" and not item.negated and item.modality == "asserted"
    }
    return [
        item
        for item in events
        if not (
            item.negated
            and item.entry.event_type != "REJECT"
            and item.trigger.dep_ == "xcomp"
            and (id(item.trigger.doc), item.trigger.head.i) in refusals
        )
    ]


DERIVED_BELOW = 0.01
"""How much less sure an event read off another is than that event (``_derived_below_deed``)."""


def _derived_below_deed(events: list[CodedEvent]) -> list[CodedEvent]:
    """ "India and Pakistan agreed to a cease-fire": the co-agents' COOPERATE (rule ``joint_deed``) is inferred from
    the AGREE on the same word, so it is less sure than the AGREE, never the sentence's likeliest event."""
    deeds: dict[tuple[int, int], float] = {}
    for item in events:
        if "joint_deed" not in item.rules:
            where = (id(item.trigger.doc), item.trigger.i)
            deeds[where] = max(deeds.get(where, 0.0), item.confidence)
    out = []
    for item in events:
        deed = deeds.get((id(item.trigger.doc), item.trigger.i))
        if "joint_deed" in item.rules and deed is not None and item.confidence > deed - DERIVED_BELOW:
            item = CodedEvent(**{**_shallow(item), "confidence": round(max(0.0, deed - DERIVED_BELOW), 3)})
        out.append(item)
    return out


def _stated_refusal(token) -> bool:
    """ "will not", "won't", "would not" on the word: a refusal stated, not a deed that did not happen."""
    children = list(token.children)
    return any(c.dep_ == "neg" for c in children) and any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in REFUSAL_AUX for c in children
    )


def commitment_stance(token, event_type: str) -> tuple[str, str] | None:
    """(rule, type) when the clause of a cooperative deed states the source's stance on doing it rather than the
    deed: "X will not lift the ban" / "said it would not withdraw" is a refusal, REJECT; "X is willing / ready to
    send aid" is an offer, AGREE (and "is not willing to" a refusal). None otherwise: "did not lift" (a deed that did
    not happen), "could not" (inability), a deed inside an "if" / "unless" clause, conflict deeds."""
    if event_type not in COOPERATIVE_DEEDS or token.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in token.children):
        return None
    if _stated_refusal(token):
        return REFUSAL, "REJECT"
    head = token.head
    if token.dep_ == "xcomp" and head.pos_ == "ADJ" and head.lemma_.lower() in WILLING_HEADS:
        holder = head.head if head.dep_ == "acomp" else head
        if any(c.dep_ == "neg" for c in (*head.children, *holder.children)):
            return REFUSAL, "REJECT"
        if event_type != "AGREE":
            return WILLINGNESS, "AGREE"
    return None


def stated_commitment(item: CodedEvent, coded_type: str, lexicon) -> CodedEvent | None:
    """``item`` as the refusal or offer its clause states (``commitment_stance`` of the coder's type ``coded_type``):
    REJECT or AGREE (the word's lexicon sense of that type, else a bare entry), asserted and not negated, with the
    deed's source and target, the rule named in ``rules``; None when the clause states no stance. Only deeds with a
    source or a subject: a stance is someone's ("the ban will not be lifted" is not)."""
    if item.actor1 is None and subject_of(item.trigger) is None:
        return None
    found = commitment_stance(item.trigger, coded_type)
    if found is None:
        return None
    rule_name, event_type = found
    values = _shallow(item)
    values.update(
        entry=sense_entry(lexicon, item.trigger, event_type),
        negated=False,
        modality="asserted",
        rules=(*item.rules, rule_name),
    )
    return CodedEvent(**values)


def _stated_commitment(item: CodedEvent, coded_entry, classifier) -> CodedEvent:
    """``stated_commitment`` with the model's calibrated confidence of the new type (the coder's event unchanged
    when the clause states no stance, or the model has no lexicon)."""
    lexicon = getattr(classifier, "lexicon", None)
    changed = stated_commitment(item, coded_entry.event_type, lexicon) if lexicon is not None else None
    if changed is None:
        return item
    if hasattr(classifier, "calibrated"):
        actors = (item.actor1 is not None) + (item.actor2 is not None)
        confidence = classifier.calibrated(
            classifier.type_probabilities(item.trigger),
            changed.entry.event_type,
            actors,
            sentence_probs=classifier.sentence_probabilities(item.sentence),
            rules=changed.rules,
        )
        changed = CodedEvent(**{**_shallow(changed), "confidence": round(confidence, 3)})
    return changed


def add_fallback_events(doc, kept: list[CodedEvent], classifier, actors, skip_ranges=()) -> list[CodedEvent]:
    """``kept`` plus, in each sentence where it has no event, the event the model reads there when its sentence
    head is sure enough of the type (``classifier.fallback_min``, chosen by training on the tune split; the trigger
    is the word its trigger head finds likeliest to evoke that type): "X filed a lawsuit against Y",
    "X launched a mediation effort", wordings the lexicon does not list. The trigger's clause gives the actors
    (subject as source, object as target; ``fallback_event``); an event without an identified source
    (``fallback_source``) is not coded. Events come back in sentence order."""
    if getattr(classifier, "fallback_min", 2.0) > 1.0:
        return kept
    if sport_story(doc):
        return kept  # a match report: the model codes nothing there either
    busy = {item.sentence.start for item in kept}
    vetoed = doc.user_data.get(VETOED_KEY, {})
    added = []
    for sentence in doc.sents:
        if sentence.start in busy or any(start <= sentence.start_char < end for start, end in skip_ranges):
            continue
        found = classifier.fallback_candidate(sentence, classifier.fallback_min)
        if found is None:
            continue
        token, event_type, probabilities, sentence_probs = found
        if sentence_probs[event_type] < classifier.fallback_min or token.i in vetoed:
            continue  # a word the rules read and dropped ("agreed with X about the winner") stays dropped
        event = fallback_event(sentence, token, event_type, probabilities, sentence_probs, classifier, actors)
        if event is not None:
            added.append(event)
    if not added:
        return kept
    return sorted([*kept, *added], key=lambda item: item.sentence.start)  # stable: the coder's order within


_EXPLETIVES = frozenset({"it", "this", "that", "there", "what"})


_TARGET_PREPS = ("against", "on", "to", "with", "into", "upon", "from", "for", "over")


def _governing_verb(token):
    """The verb whose object an event noun is ("filed a *lawsuit*", "launched an *investigation* into")."""
    node = token
    for _ in range(3):
        if node.dep_ not in ("dobj", "pobj", "prep", "attr", "nsubjpass", "conj", "compound"):
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def _prep_objects(token) -> list:
    found: list[Any] = []
    for prep in _TARGET_PREPS:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == prep:
                found.extend(c for c in child.children if c.dep_ == "pobj")
    return found


def fallback_actors(token, actors, event_type: str | None = None):
    """Source and target of a model-coded event: the first actor that resolves among the trigger's subject (the
    agent of a passive; for an event noun, the subject of its verb: "X *filed* a lawsuit against Y") and among its
    object (its direct object, a passive subject, the object of "against / on / to / with ..." on the trigger or,
    for a noun, on its verb); None where none resolves; one party is not both. "It" / "this" are not read as an
    actor here ("it rained", "this shows"): the coder binds such pronouns only inside constructions it knows."""
    verb = _governing_verb(token) if token.pos_ == "NOUN" else None
    verb_subject = [subject_of(verb)] if verb is not None else []
    undergone = verb is not None and verb.lemma_.lower() in UNDERGOING_VERBS  # "X is facing charges": X undergoes
    sources = [subject_of(token)] + ([] if undergone else verb_subject)
    # "warned *North Korea* to refrain from further actions": when the model's type is the control verb's act (a
    # warning, a demand), the one told is its target; a deed type ("requires candidates to *release* returns") is
    # the complement's own deed, done by the one told, not to it
    told = controlled_addressee(token) if event_type in VERBAL_COMMITMENTS else []
    targets = told + (verb_subject if undergone else []) + [object_of(token)]
    targets += _prep_objects(token)
    targets += [o for c in token.children if c.dep_ == "dobj" for o in _prep_objects(c)]  # "took action against"
    if verb is not None:
        targets += [c for c in verb.children if c.dep_ in ("dative", "iobj")] + _prep_objects(verb)
    actor1 = _first_actor(sources, actors)
    actor2 = _first_actor([t for t in targets if t is not None and t.i != token.i], actors)
    if actor2 is None:  # "asked for the records in a letter to X"; "in a statement to reporters" names no party
        actor2 = _first_actor(message_addressees(verb if verb is not None else token), actors)
        actor2 = None if actor2 is not None and actor2.sector == "MED" else actor2
    if actor1 is not None and actor2 is not None and same_actor(actor1, actor2):
        actor2 = None
    return actor1, actor2


def fallback_source(actor, doc) -> bool:
    """An event the model codes itself needs a source identified by its own words: a country-bound actor
    ("French police", "Germany") or a proper name ("the European Union"), not a pronoun or a description whose
    name comes from elsewhere in the document ("he", "you", "the former president"). Real news states far more
    non-events than event sets do; this keeps the model's own events to clauses about named political actors."""
    if actor is None or actor.start is None or actor.end is None:
        return False
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    words = [t for t in span if t.is_alpha] if span is not None else []
    if span is None or not len(span) or (words and all(t.pos_ == "PRON" for t in words)):
        return False  # a pronoun; "U.S." has no word of letters only, and is no pronoun
    return bool(actor.country and not span.root.pos_ == "PRON") or any(t.pos_ == "PROPN" for t in span)


UNDERGOING_VERBS = words("undergoing_verbs") | words("suffering_verbs")
"""Verbs whose subject undergoes the deed their object names ("X is facing charges", "suffered an attack")."""
SPEAKER_PRONOUNS = frozenset({"it", "they", "he", "she"})
REPORTING_VERBS = words("reporting_verbs") | words("speech_verbs")


def reporting_speaker(token, actors):
    """The speaker a pronoun subject of a reported clause stands for: "the Israeli military said *it* had beefed up
    its troops", "union leaders said *they* will not end the strike": the one who says what it will do or did is
    the one the clause is about. None when the trigger's subject is not such a pronoun."""
    subject = subject_of(token)
    if subject is None or subject.lower_ not in SPEAKER_PRONOUNS:
        return None
    clause = subject.head
    while clause.dep_ in ("xcomp", "conj") and clause.head is not clause:
        clause = clause.head
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in REPORTING_VERBS:
        return None
    return _first_actor([subject_of(clause.head)], actors)


def _first_actor(tokens, actors):
    for token in tokens:
        if token is None or token.lower_ in _EXPLETIVES:
            continue
        found = actors.resolve_all([token])
        if found:
            return found[0]
    return None


def fallback_event(
    sentence, token, event_type: str, probabilities: dict, sentence_probs: dict, classifier, actors
) -> CodedEvent | None:
    """The ``CodedEvent`` of the model's own reading of a sentence (None: no actor resolves in its clause), with
    the coder's modality and magnitudes, the model's modality when it is sure, and the calibrated confidence of a
    fallback event, capped at the share of such events that were right on the tune split."""
    actor1, actor2 = fallback_actors(token, actors, event_type)
    if not fallback_source(actor1, token.doc):
        actor1 = reporting_speaker(token, actors)
        if not fallback_source(actor1, token.doc):
            return None
    entry = classifier.entry_for(token, event_type)
    mode, negated = modality_of(token), is_negated(token)
    if event_type == "REJECT" and negated and _stated_refusal(token):
        mode, negated = "asserted", False  # "they will not end the strike": the refusal is the deed read
    judged = classifier.modality_probabilities(token)
    best = max(judged, key=judged.get)
    if mode == "asserted" and not negated and best != "asserted" and judged[best] >= MODALITY_MIN:
        negated, mode = (True, mode) if best == "negated" else (negated, best)
    actors_found = (actor1 is not None) + (actor2 is not None)
    counts = magnitudes(token, event_type)  # "dead", "injured" and "size" only
    return CodedEvent(
        entry=entry,
        trigger=token,
        trigger_end=token.idx + len(token.text),
        sentence=sentence,
        actor1=actor1,
        actor2=actor2,
        claimed_by=None,
        negated=negated,
        modality=mode,
        confidence=round(
            min(
                classifier.calibrated(
                    probabilities, event_type, actors_found, fallback=True, sentence_probs=sentence_probs
                ),
                getattr(classifier, "fallback_confidence_max", 1.0),
            ),
            3,
        ),
        dead=counts.get("dead"),
        injured=counts.get("injured"),
        size=counts.get("size"),
        rules=(CLASSIFIER_FALLBACK,),
    )


def _bound_by_no_event(coded: list[CodedEvent], classifier, favor: str) -> list[CodedEvent]:
    kept = []
    for item in coded:
        p_none = classifier.type_probabilities(item.trigger).get("NONE", 0.0)
        dyadic = item.actor1 is not None and item.actor2 is not None
        if favor == "precision" and p_none >= NO_EVENT_THRESHOLD and not dyadic:
            continue
        kept.append(CodedEvent(**{**_shallow(item), "confidence": round(min(item.confidence, 1.0 - p_none), 3)}))
    return kept


def _shallow(item: CodedEvent) -> dict[str, Any]:
    return {f.name: getattr(item, f.name) for f in fields(CodedEvent)}


__all__ = [
    "CASUALTY_RULES",
    "CLASSIFIER_FALLBACK",
    "CLASSIFIER_RETYPE",
    "NO_EVENT_THRESHOLD",
    "add_fallback_events",
    "fallback_actors",
    "fallback_event",
    "fallback_source",
    "score_events",
]
