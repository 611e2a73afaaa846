"""Word senses of trigger words that are no political event: sport, business, medicine, speech, figures of speech.

The real-news audit (``quality/audit/``) found half of the coded events were a trigger read in the wrong sense:
"taken off life support", "Dropbox is releasing Smart Sync", "Keith recalled thinking", "told The Huffington Post",
"attacked the flames".  Each function here is one *kind* of wrong sense, used by a rule in ``events/rules.py``
(``VETOES`` or ``RETYPES``), where each has its examples.  Word lists live in ``data/vocabulary.json``.

The functions take the coder's ``Candidate`` (``events/rules.py``); they only read its token, entry and state.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from spacy.tokens import Token

from eventscope.events.arguments import is_event_noun
from eventscope.events.lexicon import TriggerEntry
from eventscope.events.ontology import load_ontology
from eventscope.vocabulary import words

NON_ACTOR_ENTITIES = frozenset(
    {
        "PRODUCT",
        "WORK_OF_ART",
        "EVENT",
        "LAW",
        "LANGUAGE",
        "MONEY",
        "QUANTITY",
        "PERCENT",
        "CARDINAL",
        "ORDINAL",
        "DATE",
        "TIME",
    }
)
"""spaCy entity labels of things that are never an actor ("Smart Sync" is a PRODUCT)."""
ACTOR_NAMES = frozenset({"PERSON", "GPE", "NORP"})
"""Entity labels that name an actor; ORG is left to the resolver (spaCy tags many product names ORG)."""
VIOLENT_TYPES = frozenset({"ASSAULT", "COERCE"})
GAME_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "THREATEN", "MOBILIZE", "SEIZE", "RETREAT"})
"""Types whose trigger words ("beat", "crushed", "defeated", "took", "withdrew") are also the words of sport."""
_SCORE = re.compile(
    r"(?<![\w./:-])\d{1,2}\s?[-\u2013]\s?\d{1,2}(?![\w/:%-]|\.\d)"
    r"(?=\s*(?:[.,;:)]|$|(?:win|victory|defeat|loss|draw|at|in|on|after|with|to|and|against)\b))"
)
"""A game score ("beat Croatia 3-1 in Zagreb", "a 2–0 win"); not a date (2015-16), nor a count ("2-3 bombs")."""


def actor_like(token: Token, c: Any) -> bool:
    """Whether an object token can be a political actor: a resolved actor with a known sector or country, a named
    person/organisation/place, a personal pronoun or a person noun; never a product, work, sum or date."""
    if token.ent_type_ in NON_ACTOR_ENTITIES:
        return False
    if token.pos_ == "PRON" or token.ent_type_ in ACTOR_NAMES:
        return True
    if token.lemma_.lower() in words("person_nouns") | words("captive_nouns"):
        return True
    found = c.state.actors.resolve_argument(token)
    # an unknown proper name ("Smart Sync", "the iPhone") is often tagged ORG: it counts only with a sector or country
    return any(a.sector or a.country for a in found) or (bool(found) and token.pos_ == "NOUN")


def _objects(token: Token) -> list[Token]:
    """Direct objects of a verb trigger, or the noun a passive participle modifies ("a photo released by")."""
    found = [ch for ch in token.children if ch.dep_ in ("dobj", "dative")]
    found += [ch for ch in token.children if ch.dep_ == "nsubjpass"]
    if token.dep_ == "acl" and token.tag_ == "VBN":
        found.append(token.head)
    return found


def _object_heads(obj: Token) -> list[Token]:
    """The object and what stands for it: the "of" noun of a quantity ("dozens of activists") and compound nouns
    ("an aid package")."""
    heads = [obj, *(ch for ch in obj.children if ch.dep_ == "compound")]
    if obj.like_num or obj.lemma_.lower() in words("quantity_heads") or obj.ent_type_ == "CARDINAL":
        heads += [
            o for p in obj.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"
        ]
    return heads


def non_political_object(c: Any) -> bool:
    """Veto: a trigger whose political sense needs an actor object ("released prisoners") has an object that is a
    thing ("released software", "a photo released by the police", "launched a product", "committed suicide").
    Event nouns ("launched an attack", "an aid package") and sums of money ("committed $5 million") keep it."""
    token = c.token
    if token.pos_ != "VERB" or token.lemma_.lower() not in words("object_sense_verbs"):
        return False
    objects = _objects(token)
    if not objects:
        return False
    for obj in objects:
        if obj.ent_type_ == "MONEY" or any(ch.ent_type_ == "MONEY" for ch in obj.subtree):
            return False
        if any(is_event_noun(h, c.state.lexicon, c.state.relations) or actor_like(h, c) for h in _object_heads(obj)):
            return False
    return True


def non_political_compound(c: Any) -> bool:
    """Veto: an event noun made medical, commercial or animal by its compound ("life support", "heart attack",
    "customer support", "shark attack")."""
    token = c.token
    return token.pos_ == "NOUN" and any(
        ch.dep_ == "compound" and ch.lemma_.lower() in words("nonpolitical_compounds") for ch in token.children
    )


def _attacked_things(token: Token) -> list[Token]:
    found = [ch for ch in token.children if ch.dep_ in ("dobj", "nsubjpass")]
    found += [
        o
        for p in token.children
        if p.dep_ == "prep" and p.lower_ in ("on", "against", "at")
        for o in p.children
        if o.dep_ == "pobj"
    ]
    return found


def natural_adversary(c: Any) -> bool:
    """Veto: violence against a fire, a disease or an economic ill is a figure of speech ("launched an attack on the
    flames", "fighting the fire", "fighting cancer")."""
    if c.entry.event_type not in VIOLENT_TYPES:
        return False
    things = _attacked_things(c.token)
    if c.token.tag_ == "VBG" and c.token.dep_ in ("advcl", "xcomp", "acl"):
        things += [ch for ch in c.token.children if ch.dep_ == "dobj"]
    things = [t for t in things if c.partner is None or t.i != c.partner.i]  # "opened fire": the phrase's own noun
    return bool(things) and all(t.lemma_.lower() in words("natural_adversaries") for t in things)


def sport_sense(c: Any) -> bool:
    """Veto: a fight, defeat or capture in a sentence with a game score ("beat Croatia 3-1") or words that only
    occur in sport reports ("the striker", "in the semi-final") is a game."""
    if c.entry.event_type not in GAME_TYPES:
        return False
    sentence = c.state.sentence
    if _SCORE.search(sentence.text):
        return True
    return any(t.lemma_.lower() in words("sport_words") or t.lower_ in words("sport_words") for t in sentence)


def figurative_adjective(c: Any) -> bool:
    """Veto: a trigger used as an adjective about a clause ("it is striking that", "it's shocking to see") describes,
    it reports no deed.  The parser reads "it is striking that" as a progressive verb with an expletive subject."""
    token = c.token
    if token.tag_ not in ("JJ", "VBG", "VBN"):
        return False
    holder = token.head if token.dep_ in ("acomp", "attr") else token
    expletive = any(ch.dep_ in ("nsubj", "expl") and ch.lower_ == "it" for ch in holder.children)
    clause = any(
        ch.dep_ in ("ccomp", "csubj", "xcomp") and any(m.dep_ in ("mark", "aux") for m in ch.children)
        for ch in list(token.children) + list(holder.children)
    )
    return expletive and clause and not any(ch.dep_ in ("dobj", "dative") for ch in token.children)


def speech_sense(c: Any) -> bool:
    """Veto: a verb of saying or remembering reports speech, not a CONSULT or a recall of envoys: "Keith recalled
    thinking" (a clause, a quote), "Schiff told Capital Download" (no actor-like recipient: an outlet the resolver
    does not know).  A communication verb with an actor recipient stays an event ("the general told the minister
    that ...", the coder's communication rule); "Russia recalled its ambassador" keeps its object and its event."""
    token = c.token
    lemma = token.lemma_.lower()
    if token.pos_ != "VERB" or lemma not in words("speech_verbs"):
        return False
    objects = [ch for ch in token.children if ch.dep_ in ("dobj", "dative")]
    if not any(actor_like(o, c) for o in objects):
        return True
    if lemma in words("communication_verbs"):
        return False
    return any(ch.dep_ in ("ccomp", "xcomp", "parataxis") for ch in token.children)


def question_sense(c: Any) -> bool:
    """Veto: "ask" with no addressee and no "for" object is a question ("He asked what the company would do",
    "Asked about the bomb, Clinton said", "Graham asked.").  "Iran asked the UN to act", "X was asked to
    mediate" and "asked for help" stay requests."""
    token = c.token
    if token.pos_ != "VERB" or token.lemma_.lower() not in words("question_verbs"):
        return False
    if any(ch.dep_ in ("dobj", "dative", "nsubjpass") and actor_like(ch, c) for ch in token.children):
        return False
    if any(ch.dep_ in ("agent", "prep") and ch.lower_ in ("by", "for") for ch in token.children):
        return False  # "asked for help", "being asked by the PPP to carry out killings"
    return True


def court_plea(c: Any) -> bool:
    """Veto: "pleaded guilty / not guilty / no contest" is a defendant's plea in court, not a REQUEST (PLOVER codes
    the charge as ACCUSE allege and the conviction as SANCTION)."""
    token = c.token
    return token.lemma_.lower() == "plead" and any(
        t.lemma_.lower() in words("plea_words") for ch in token.children if ch.dep_ != "nsubj" for t in ch.subtree
    )


def criticized_idea(c: Any, entry: TriggerEntry) -> TriggerEntry:
    """Retype: violence whose object is an idea, a document or a stance is verbal criticism ("attacked the
    policy", "slammed the decision"): ACCUSE, mode disapprove."""
    if entry.event_type not in VIOLENT_TYPES or c.token.pos_ != "VERB":
        return entry
    objects = [ch for ch in c.token.children if ch.dep_ in ("dobj", "nsubjpass")]
    if not objects or not all(o.lemma_.lower() in words("criticized_ideas") for o in objects):
        return entry
    try:
        cameo = load_ontology().cameo_for("ACCUSE", "disapprove")
    except (KeyError, ValueError):
        cameo = entry.cameo
    return replace(entry, event_type="ACCUSE", mode="disapprove", cameo=cameo)
