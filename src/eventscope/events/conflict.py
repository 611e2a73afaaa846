"""Conflict reporting as it is written: unnamed attackers, victim-only casualty reports, "shot dead".

Short conflict notes ("Two persons were injured in a bomb blast", "Gunmen shot dead a police officer") name no
attacker, or name the victims only with a count, and spaCy's small model misparses resultatives ("shot" as a noun
before "dead").  The functions here are applied by named rules in ``events/rules.py``:

* ``casualty_reports`` (generator): a casualty verb vetoed only because no actor resolved keeps its counted or
  human victims as the target (an ASSAULT with no source, or the source a responsibility claim names);
* ``misparsed_resultatives`` (generator): "shot dead", "gunned down", "hacked to death" that the parser did not
  read as a verb are still an ASSAULT on the object;
* ``suffered_casualties`` (generator): "three people received injuries", "a soldier died in a blast": the
  subject is the victim of an attack no verb names;
* ``deadly_outcome`` (retype): "hacked to death", "beaten dead": the result makes any sense of the verb a killing;
* ``claimed_attacker`` (frame step): "the Taliban claimed responsibility" names the source of an attack that has
  none; "No group claimed responsibility" names nobody.

This module imports nothing from ``rules.py`` (which imports it); frames and candidates are duck-typed.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span, Token

from eventscope.events.arguments import clause_subjects
from eventscope.events.coded import CodedEvent, claimed_by, confidence, magnitudes, modality
from eventscope.events.lexicon import Lexicon, TriggerEntry
from eventscope.events.magnitudes import count_people
from eventscope.events.modality import is_negated
from eventscope.records import Actor
from eventscope.vocabulary import word_map, words

CONFLICT_TYPE = "ASSAULT"
NO_CLAIMANT = frozenset({"no", "none", "nobody", "neither"})
"""Determiners and pronouns that deny a claim: "No group claimed responsibility"."""


# -- who was hurt ----------------------------------------------------------------------------------------------------


def is_victim_noun(token: Token) -> bool:
    """A counted noun ("two members", "eight") or a noun naming people ("villagers", "a farmer")."""
    if token.pos_ not in ("NOUN", "PROPN", "NUM"):
        return False
    if token.like_num or any(c.dep_ == "nummod" for c in token.children):
        return True
    lemma = token.lemma_.lower()
    return lemma in words("victim_nouns") or lemma in words("person_nouns")


def victims(verb: Token) -> list[Token]:
    """The people a casualty verb hurt: its passive subject, its object, or the counted subject of an elided
    passive ("three were killed and *eight* injured")."""
    subjects, passive = clause_subjects(verb)
    found = list(subjects) if passive else [c for c in verb.children if c.dep_ == "dobj"]
    if not found and verb.dep_ == "conj":
        found = [c for c in verb.children if c.dep_ == "nsubj" and c.like_num]
    return [t for t in found if is_victim_noun(t)]


def no_attack(verb: Token) -> bool:
    """Harm with a cause that is no attack ("injured in a road accident") or in a game ("during the match")."""
    if any(t.lemma_.lower() in words("sport_words") and t.pos_ != "PROPN" for t in verb.sent):
        return True
    return any(
        n.lemma_.lower() in words("accident_nouns") for p in verb.children if p.dep_ == "prep" for n in p.subtree
    )


# -- who claimed it --------------------------------------------------------------------------------------------------


def _denied(subject: Token) -> bool:
    return subject.lower_ in NO_CLAIMANT or any(c.dep_ == "det" and c.lower_ in NO_CLAIMANT for c in subject.children)


def _suspects(verb: Token) -> list[Token]:
    """ "Al Shabaab was suspected", "the blast was blamed on the Taliban": a suspect named in a main clause."""
    if (
        verb.lemma_.lower() not in words("suspicion_verbs")
        or verb.pos_ != "VERB"
        or is_negated(verb)
        or verb.dep_ not in ("ROOT", "conj")
    ):
        return []
    subjects, passive = clause_subjects(verb)
    if not passive:
        return []
    blamed = [n for p in verb.children if p.dep_ == "prep" and p.lower_ == "on" for n in p.children if n.dep_ == "pobj"]
    found = blamed or subjects
    return [t for t in found if t.pos_ != "PRON" and t.lemma_.lower() not in words("device_nouns")]


def claimants(sentence: Span) -> list[Token] | None:
    """The subject of "claimed responsibility" (or the suspect of "X was suspected", "blamed on X") in this
    sentence or the next two of the note; ``[]`` when the report says nobody claimed it; None when it says
    nothing."""
    doc = sentence.doc
    sentences = [s for s in doc.sents if s.start >= sentence.start][:3]
    for part in sentences:
        for verb in part:
            suspects = _suspects(verb)
            if suspects:
                return suspects
            if verb.lemma_.lower() not in words("claim_verbs") or verb.pos_ != "VERB":
                continue
            if not any(c.dep_ == "dobj" and c.lemma_.lower() in words("responsibility_nouns") for c in verb.children):
                continue
            subjects, passive = clause_subjects(verb)
            if passive or not subjects or is_negated(verb):
                return []
            if any(_denied(s) for s in subjects):
                return []
            return [s for s in subjects if s.pos_ != "PRON"]  # "they claimed": whose claim is the coreferee's
    return None


def claimed_attacker(frame: Any) -> None:
    """Frame step: an attack with no source takes the group that claimed responsibility for it."""
    if frame.passive and any(c.dep_ == "agent" for c in frame.trigger.children):
        return
    if any(s.lemma_.lower() not in words("device_nouns") for s in frame.sources):
        return  # a named or unnamed attacker already: "a bomb killed three" has none
    hit = frame.lexicon.lookup(frame.trigger)
    if hit is None or hit[0].event_type != CONFLICT_TYPE:
        return
    found = claimants(frame.trigger.sent)
    if found:
        frame.sources = [t for t in found if t.i != frame.trigger.i]


# -- events ----------------------------------------------------------------------------------------------------------


def _event(
    state: Any,
    token: Token,
    entry: TriggerEntry,
    source: Actor | None,
    target: Actor | None,
    rule_names: tuple[str, ...],
) -> CodedEvent:
    claim = claimed_by(token, state.actors, state.quotes)
    return CodedEvent(
        entry=entry,
        trigger=token,
        trigger_end=token.idx + len(token.text),
        sentence=state.sentence,
        actor1=source,
        actor2=target,
        claimed_by=claim,
        negated=is_negated(token),
        modality=modality(token, entry),
        confidence=confidence(token, source, target, claim),
        **magnitudes(token, entry.event_type),
        rules=rule_names,
    )


def _target_actors(state: Any, tokens: list[Token]) -> list[Actor]:
    """Resolved actors, else the victim's own span (a person the knowledge base does not know)."""
    found = state.actors.resolve_all(tokens)
    return found or [state.actors.span_actor(t) for t in tokens[:1]]


def _claimed_sources(state: Any) -> list[Actor]:
    found = claimants(state.sentence)
    return state.actors.resolve_all(found) if found else []


def casualty_reports(state: Any) -> list[CodedEvent]:
    """Generator: casualty verbs dropped only for lack of a known actor, with counted or human victims."""
    anonymous = {i for i, name in state.vetoed if name == "anonymous_actors"}
    events: list[CodedEvent] = []
    for token in state.sentence:
        if token.i not in anonymous or token.pos_ != "VERB" or token.lemma_.lower() not in words("victim_verbs"):
            continue
        hit = state.lexicon.lookup(token)
        hurt = victims(token)
        if hit is None or hit[0].event_type != CONFLICT_TYPE or not hurt or no_attack(token):
            continue
        sources = _claimed_sources(state) or [None]
        for source in sources:
            for target in _target_actors(state, hurt):
                events.append(_event(state, token, hit[0], source, target, ("casualty_report",)))
    return events


def _outcome_after(token: Token) -> bool:
    """ "shot *dead*", "hacked *to death*"."""
    doc = token.doc
    following = doc[token.i + 1 : token.i + 3]
    if not len(following):
        return False
    if following[0].lower_ in words("deadly_outcomes"):
        return True
    return len(following) == 2 and following[0].lower_ == "to" and following[1].lower_ in words("deadly_outcomes")


def _trigger_entry(lexicon: Lexicon, lemma: str) -> TriggerEntry | None:
    head, _, rest = lemma.partition(" ")
    if rest:
        return lexicon.phrases.get((head, rest, "VERB")) or lexicon.words.get((head, "VERB"))
    return lexicon.words.get((lemma, "VERB"))


def misparsed_resultatives(state: Any) -> list[CodedEvent]:
    """Generator: a participle before "dead"/"to death" the parser did not read as a verb ("shot/NOUN dead/ROOT
    a police officer"): the clause's subject attacked its object."""
    participles = word_map("resultative_participles")
    events: list[CodedEvent] = []
    for token in state.sentence:
        lemma = participles.get(token.lower_)
        if lemma is None or token.pos_ == "VERB" or not _outcome_after(token) or no_attack(token):
            continue
        entry = _trigger_entry(state.lexicon, lemma) or _trigger_entry(state.lexicon, "kill")
        if entry is None:
            continue
        outcome = token.doc[token.i + 1]
        heads = [h for h in (token, outcome, outcome.head if outcome.lower_ == "to" else outcome) if h is not None]
        subjects = [c for h in heads for c in h.children if c.dep_ in ("nsubj", "nsubjpass")]
        if token.dep_ == "pobj" and token.head.head.dep_ in ("nsubj", "nsubjpass"):
            subjects.append(token.head.head)  # "gunmen on a motorbike shot": "shot" read as "on"'s object
        objects = [c for h in heads for c in h.children if c.dep_ == "dobj"]
        passive = any(s.dep_ == "nsubjpass" for s in subjects)
        targets_tokens = subjects if passive else objects
        sources = [] if passive else state.actors.resolve_all(subjects)
        targets = (
            state.actors.resolve_all(targets_tokens)
            or [state.actors.span_actor(t) for t in targets_tokens if is_victim_noun(t)][:1]
        )
        if not targets:
            continue
        for source in sources or _claimed_sources(state) or [None]:
            for target in targets:
                events.append(_event(state, token, entry, source, target, ("misparsed_resultative",)))
    return events


def _in_attack(verb: Token, lexicon: Lexicon) -> bool:
    """ "died *in a blast*", "martyred *in an attack*", "succumbed *to his injuries*"."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "during", "to", "from", "of"):
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj":
                continue
            hit = lexicon.lookup(noun)
            if (hit is not None and hit[0].event_type == CONFLICT_TYPE) or noun.lemma_.lower() in words("injury_nouns"):
                return True
    return False


def _attack_word(verb: Token, fallback: Token, lexicon: Lexicon) -> Token:
    """The word that names the attack a casualty came from ("injured *in a bomb attack*", "hurt *as* assailants
    *exploded* bombs"), else the casualty word itself: the event is anchored where the deed is written."""
    linked = [
        n for h in (verb, fallback) for p in h.children if p.dep_ == "prep" for n in p.children if n.dep_ == "pobj"
    ]
    linked += [c for c in verb.children if c.dep_ == "advcl" and c.pos_ == "VERB"]
    for word in linked:
        hit = lexicon.lookup(word)
        if hit is not None and hit[0].event_type == CONFLICT_TYPE:
            return word
    return fallback


def suffered_casualties(state: Any) -> list[CodedEvent]:
    """Generator: "three people received burn injuries", "a jawan died in an encounter": the subject is the
    victim of an ASSAULT that no verb of attack names."""
    events: list[CodedEvent] = []
    lexicon = state.lexicon
    for token in state.sentence:
        lemma = token.lemma_.lower()
        if (
            token.pos_ == "NOUN"
            and lemma in words("injury_nouns")
            and token.dep_ == "dobj"
            and token.head.lemma_.lower() in words("suffering_verbs")
        ):
            verb, field = token.head, "injured"
        elif token.pos_ == "VERB" and lemma in words("death_verbs") and _in_attack(token, lexicon):
            verb, field = token, "dead"
        else:
            continue
        entry = lexicon.words.get(("injure" if field == "injured" else "kill", "VERB"))
        subjects = [s for s in clause_subjects(verb)[0] if is_victim_noun(s) or state.actors.resolve_all([s])]
        if entry is None or not subjects or is_negated(verb) or no_attack(verb):
            continue
        sizes = {}
        number = count_people(subjects[0])
        if number is not None:
            sizes[field] = number
        claim = claimed_by(token, state.actors, state.quotes)
        anchor = _attack_word(verb, token, lexicon)
        attackers = []
        if anchor.pos_ == "VERB" and not clause_subjects(anchor)[1]:  # "as assailants exploded bombs"
            attackers = state.actors.resolve_all(clause_subjects(anchor)[0])
        for source in attackers or _claimed_sources(state) or [None]:
            for target in _target_actors(state, subjects[:1]):
                events.append(
                    CodedEvent(
                        entry=entry,
                        trigger=anchor,
                        trigger_end=anchor.idx + len(anchor.text),
                        sentence=state.sentence,
                        actor1=source,
                        actor2=target,
                        claimed_by=claim,
                        negated=False,
                        modality=modality(verb, entry),
                        confidence=confidence(verb, source, target, claim),
                        **sizes,
                        rules=("suffered_casualty",),
                    )
                )
    return events


# -- retype ----------------------------------------------------------------------------------------------------------


def deadly_outcome(candidate: Any, entry: TriggerEntry) -> TriggerEntry:
    """ "hacked to death", "beaten dead": a verb whose result is a death is a killing (ASSAULT)."""
    token = candidate.token
    if entry.event_type == CONFLICT_TYPE or token.pos_ != "VERB" or token.lemma_.lower() not in words("victim_verbs"):
        return entry  # "sentenced to death" stays a SANCTION: only a deed that hurts can be a killing
    outcome = any(
        c.lower_ in words("deadly_outcomes") and c.dep_ in ("oprd", "acomp", "advmod", "xcomp", "dobj")
        for c in token.children
    ) or any(
        c.dep_ == "prep" and c.lower_ == "to" and any(p.lower_ in words("deadly_outcomes") for p in c.children)
        for c in token.children
    )
    if not outcome:
        return entry
    killing = candidate.state.lexicon.words.get(("kill", "VERB"))
    return killing if killing is not None else entry


__all__ = [
    "casualty_reports",
    "claimants",
    "claimed_attacker",
    "deadly_outcome",
    "is_victim_noun",
    "misparsed_resultatives",
    "no_attack",
    "suffered_casualties",
    "victims",
]
