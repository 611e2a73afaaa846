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

from eventscope.actors.sectors import ORGANISED_POLITICAL_SECTORS, STATE_SECTORS
from eventscope.events.arguments import is_event_noun
from eventscope.events.lexicon import TriggerEntry
from eventscope.events.ontology import load_ontology, verbal_types
from eventscope.vocabulary import word_map, words

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
    # ... and a common noun found only because the NER calls it an organisation ("received an *SMS*") needs them too
    return any(a.sector or a.country for a in found) or (
        bool(found) and token.pos_ == "NOUN" and token.ent_type_ != "ORG"
    )


def _undergoers(token: Token) -> list[Token]:
    """What a verb trigger is done to, active or passive: its direct object ("shot *the man*") or its passive
    subject ("*the man* was shot")."""
    return [ch for ch in token.children if ch.dep_ in ("dobj", "nsubjpass")]


def _objects(token: Token) -> list[Token]:
    """Direct objects of a verb trigger, or the noun a passive participle modifies ("a photo released by"), or the
    noun a relative clause with its own subject and no object describes ("the records that Trump released")."""
    found = [ch for ch in token.children if ch.dep_ in ("dobj", "dative")]
    found += [ch for ch in token.children if ch.dep_ == "nsubjpass"]
    if token.dep_ == "acl" and token.tag_ == "VBN":
        found.append(token.head)
    if token.dep_ == "relcl" and own_subject(token):
        relative = [o for o in found if o.tag_ in ("WDT", "WP") or o.lower_ in ("that", "which", "whom")]
        if relative or not found:
            found = [o for o in found if o not in relative] + [token.head]
    return found


def own_subject(clause: Token) -> bool:
    """A relative clause with a subject of its own, not its relative pronoun ("that Trump released")."""
    return any(ch.dep_ == "nsubj" and ch.tag_ not in ("WDT", "WP", "WP$") for ch in clause.children)


def _object_heads(obj: Token) -> list[Token]:
    """The object and what stands for it: the "of" noun of a quantity ("dozens of activists") and compound nouns
    ("an aid package")."""
    return [obj, *(ch for ch in obj.children if ch.dep_ == "compound"), *_quantity_whole(obj)]


def _quantity_whole(noun: Token) -> list[Token]:
    """The "of" nouns of a number or a quantity word ("dozens of activists", "thousands of cattle"): what it counts;
    none for another noun."""
    if not (noun.like_num or noun.lemma_.lower() in words("quantity_heads") or noun.ent_type_ == "CARDINAL"):
        return []
    return [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]


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


def taken_for_granted(c: Any) -> bool:
    """Veto: "the party has taken rural voters for granted", "peace is taken for granted": to take something for
    granted is to assume it, no AID is granted.  "Granted asylum", "granted them access" have an object and stay."""
    token = c.token
    if token.lemma_.lower() != "grant" or token.i == 0 or token.doc[token.i - 1].lower_ != "for":
        return False
    heads = (token.head, token.head.head, token.doc[token.i - 1].head)
    return any(h.lemma_.lower() == "take" for h in heads)


PERSONAL_OBJECTS = frozenset({"him", "her", "me", "you", "us", "them"})


def interrupted_speaker(c: Any) -> bool:
    """Veto: "she said, cutting off a journalist who asked about the loan", "the chairman cut her off": cutting off a
    speaker interrupts, no SANCTION or COERCE.  The object is a person one speaks with (``interlocutor_nouns``), or a
    personal pronoun in a sentence that reports talk; "cut off aid to Egypt", "cut off the rebels' supply lines"
    and "cut off ties with Qatar" have other objects and stay."""
    token = c.token
    if token.lemma_.lower() != "cut" or not any(ch.dep_ == "prt" and ch.lower_ == "off" for ch in token.children):
        return False
    objects = _undergoers(token)
    if not objects:
        return False
    talk = any(t.lemma_.lower() in ("say", "ask", "tell", "speak", "interview", "question") for t in c.state.sentence)
    return all(
        o.lemma_.lower() in words("interlocutor_nouns") or (talk and o.lower_ in PERSONAL_OBJECTS) for o in objects
    )


BILL_NUMBER = re.compile(r"^(?:[HS]B|[HS]F|HR|H\.R\.|S\.)$")
"""A bill's designation before its number ("HB 200", "SB 5", "H.R. 1"): the name of a bill."""


def _policy(subject: Token) -> bool:
    """A policy, law or measure ("the act", "the overhaul of the pension system"), or a bill named by its number
    ("HB 200")."""
    if subject.pos_ == "NOUN" and not subject.ent_type_ and subject.lemma_.lower() in words("policy_nouns"):
        return True  # not a name: "the World Food *Programme* sent food aid" is an agency
    return bool(BILL_NUMBER.match(subject.text)) and any(ch.like_num for ch in subject.children)


def policy_giver(c: Any) -> bool:
    """Veto: "SB 14 includes funding rural clinics", "the pension overhaul, which reduced federal assistance
    for retirees", "the act granted protection to the wetlands": what a law, a bill or a policy funds, grants
    or cuts is its content, described, no AID or SANCTION a party gave or imposed.  "Congress passed a bill" and
    "the government cut aid to Egypt" have a party as subject and stay."""
    if c.entry.event_type not in ("AID", "SANCTION"):
        return False
    subject = _subject_head(c.token)
    return subject is not None and _policy(subject)


def _titled_heads(token: Token) -> list[Token]:
    """The word and its compounds: "sheriff's *Deputy* Mark Morgan" is a deputy."""
    return [token, *(ch for ch in token.children if ch.dep_ == "compound")]


def scene_dispatch(c: Any) -> bool:
    """Veto: "two officers were dispatched to the apartment after a neighbour heard shots", "a deputy was sent
    to the house after a 911 call": police, deputies, firefighters or paramedics sent to a home, a shop or a
    street corner answer a call; the crime or the fire is the event, the call-out no MOBILIZE.  Troops, riot police
    sent to a city ("to Charlotte", "to the border") and any dispatch to a protest keep it."""
    token = c.token
    if c.entry.event_type != "MOBILIZE" or token.lemma_.lower() not in ("dispatch", "send", "deploy", "call"):
        return False
    sent = _undergoers(token)
    services = words("emergency_services")
    if not sent or not all(any(h.lemma_.lower() in services for h in _titled_heads(o)) for o in sent):
        return False
    places = [
        o for p in token.children if p.dep_ == "prep" and p.lower_ == "to" for o in p.children if o.dep_ == "pobj"
    ]
    return bool(places) and all(o.lemma_.lower() in words("call_out_places") for o in places)


SUMMONING_VERBS = frozenset({"call", "send", "dispatch", "request", "summon", "radio", "ask", "bring"})
"""Verbs by which a unit is summoned or sent out ("called for backup", "sent out a search party")."""


def _summoned(token: Token) -> list[Token]:
    """What a verb of summoning calls or sends: its object or passive subject, the "for" noun ("called for backup",
    "radioed for paramedics") and the noun after "in" ("calling in paramedics", which the parser may read as a
    particle with an object of its own).  With an object, a "for" noun is whom the unit is sent for ("sent out a
    search party for the climbers"), not a second thing summoned."""
    found = _undergoers(token)
    for ch in token.children:
        summoned_for = ch.dep_ == "prep" and ch.lower_ == "for" and not found
        if summoned_for or (ch.dep_ in ("prt", "prep") and ch.lower_ == "in"):
            found += [o for o in ch.children if o.dep_ == "pobj"]
    return [o for obj in found for o in (obj, *(c for c in obj.children if c.dep_ == "conj"))]


def _response_unit(noun: Token) -> bool:
    """A unit of ``response_units``: its lemma ("medics"), or its compound and lemma ("a small search party")."""
    units = words("response_units")
    if noun.lemma_.lower() in units or noun.lower_ in units:
        return True
    compound = " ".join(ch.lower_ for ch in noun.children if ch.dep_ == "compound" and ch.i < noun.i)
    return bool(compound) and f"{compound} {noun.lemma_.lower()}" in units


def responder_summons(c: Any) -> bool:
    """Veto: "the first deputies to arrive radioed for backup", "calling in paramedics from a nearby county",
    "the checkpoint immediately sent out a search party": police, firefighters or a rescue service summoning or
    sending out one of their own units (``response_units``) is how an emergency call-out is run, told as the
    circumstances of a crime, a fire or a search; the crime or the accident is the event, the summons no REQUEST,
    AID, CONSULT or MOBILIZE between parties.  Calling for troops or reinforcements ("the army called for
    reinforcements"), sending investigators or doctors to a country ("the UN sent a team of investigators to Syria")
    stay: only units of a call-out are listed, and every thing summoned must be one."""
    token = c.token
    if c.entry.event_type not in ("REQUEST", "AID", "CONSULT", "MOBILIZE"):
        return False
    if token.pos_ != "VERB" or token.lemma_.lower() not in SUMMONING_VERBS:
        return False
    summoned = _summoned(token)
    return bool(summoned) and all(_response_unit(o) for o in summoned)


ARMED_TAKERS = frozenset({"MIL", "REB", "MILITIA", "UAF", "POL"})
"""Sectors whose taking of control is by force ("the army seized control of parliament")."""


OBJECT_RESTRICTIONS: dict[str, tuple[frozenset[str], tuple[str, ...]]] = {
    "RETREAT": (frozenset({"release", "free"}), ("restricted_objects_RETREAT",)),
    "MOBILIZE": (
        frozenset({"mobilize", "mobilise", "rally", "galvanize", "marshal"}),
        ("restricted_objects_MOBILIZE",),
    ),
    "COERCE": (
        frozenset({"seize", "take", "occupy", "capture", "grab", "win", "gain", "retake", "wrest"}),
        ("restricted_objects_COERCE", "elected_bodies"),
    ),
    "AID": (frozenset({"provide", "give", "deliver", "offer", "supply", "send"}), ("restricted_objects_AID",)),
    "REJECT": (frozenset({"rule"}), ("restricted_objects_REJECT",)),
}
"""Selectional restrictions of material types: for each type, the trigger verbs whose object is restricted and the
vocabulary classes of objects that type cannot take (``restricted_objects_<TYPE>``: things released are published,
not freed; voters and donors mobilized are campaigned for; an office or a seat taken is won at the polls; evidence or
a speech given is talk, no aid; a cause or foul play ruled out is an investigator's finding, no refusal)."""
CONTROL_NOUNS = frozenset({"control", "majority", "possession", "charge", "command"})
"""Nouns whose "of"/"in" noun is what is taken: "took control of the Senate" takes the Senate."""
PARTITIVE_NOUNS = frozenset({"part", "piece", "copy", "portion", "summary", "excerpt"})
"""Nouns whose "of" noun is what is given or released: "released a copy of the report" releases a report."""


def _restricted_heads(obj: Token) -> list[str]:
    """The words an object is checked by: its lemma, its compound name ("White House", "Oval Office") and, for
    "control of X" or "a copy of X", X's.  A compound alone is not the object: "the parliament building" is a
    building."""
    heads = [h for h in _object_heads(obj) if h is obj or h.dep_ != "compound"]
    if obj.lemma_.lower() in CONTROL_NOUNS | PARTITIVE_NOUNS:
        heads += [
            p for prep in obj.children if prep.dep_ == "prep" and prep.lower_ in ("of", "in", "over")
            for p in prep.children if p.dep_ == "pobj"
        ]  # fmt: skip
    found = []
    for h in heads:
        found.append(h.lemma_.lower())
        found.append(h.lower_)
        compound = [ch for ch in h.children if ch.dep_ in ("compound", "amod") and ch.i < h.i]
        if compound:
            found.append(" ".join([*(ch.lower_ for ch in compound), h.lower_]))
    return found


def _banned_object(obj: Token, banned: frozenset[str]) -> bool:
    """An object of a banned kind and no person in it: "a large number of inmates" are people; "your house" is a
    home, not the House."""
    found = _restricted_heads(obj)
    people = words("person_nouns") | words("captive_nouns")
    if any(h.lemma_.lower() in people for h in _object_heads(obj)):
        return False
    if obj.lower_ == "house" and not obj.text[0].isupper():
        return False  # "seize your house": a home, not the House of a legislature
    return any(w in banned for w in found)


def wrong_object_kind(c: Any) -> bool:
    """Veto: a material type whose object is the wrong kind of thing for it (``OBJECT_RESTRICTIONS``).  Only people,
    captives, forces or territory are released in RETREAT's sense ("the army released the hostages"), not "its
    report" or the figures; MOBILIZE puts forces or crowds on the move, not "black voters" or donors; COERCE seizes by
    force, not an office or a seat won at the polls ("the Democrats took control of the Senate", "who will occupy the
    White House"), unless an armed group or the police take it; AID is material help, not "provided evidence",
    "gave a speech" or a courtesy ("a floral tribute was sent by the family", "sent a wreath"); REJECT refuses a
    proposal or a course, it does not "rule out foul play" or a cause of a fire.
    Every object must be of the banned kind; one actor-like or unlisted object keeps the event.  A
    sense veto: the model's fallback must not code the same word again."""
    token = c.token
    restriction = OBJECT_RESTRICTIONS.get(c.entry.event_type)
    if restriction is None or token.pos_ != "VERB" or token.lemma_.lower() not in restriction[0]:
        return False
    objects = _objects(token)
    if not objects:
        return False
    banned = frozenset().union(*(words(name) for name in restriction[1]))
    if not all(_banned_object(o, banned) for o in objects):
        return False
    if c.entry.event_type == "COERCE":
        return not any(a.sector in ARMED_TAKERS for a in c.arguments.sources)
    return True


POST_DUTIES = frozenset({"lead", "run", "head", "manage", "advise", "coach", "serve", "direct", "chair", "oversee"})
"""What one hired person is recruited to do: "recruited him to lead the campaign"."""


def hired_person(c: Any) -> bool:
    """Veto: "the banker whom the governor recruited to lead his campaign", "the club hired her as its coach":
    recruiting one person to a post is hiring, no MOBILIZE.  Recruiting fighters, members or volunteers (a plural, no
    post) stays: "the militia recruited 300 young men"."""
    token = c.token
    if c.entry.event_type != "MOBILIZE" or token.lemma_.lower() not in ("recruit", "hire", "appoint"):
        return False
    objects = _undergoers(token)
    if any(o.tag_ in ("NNS", "NNPS") or o.like_num or any(ch.like_num for ch in o.children) for o in objects):
        return False  # "recruited fighters", "hired 40 guards"
    duty = any(ch.dep_ == "xcomp" and ch.lemma_.lower() in POST_DUTIES for ch in token.children)
    post = any(ch.dep_ == "prep" and ch.lower_ == "as" for ch in token.children)
    return duty or post


def non_political_compound(c: Any) -> bool:
    """Veto: an event noun made medical, commercial or animal by its compound ("life support", "heart attack",
    "customer support", "shark attack")."""
    token = c.token
    return token.pos_ == "NOUN" and any(
        ch.dep_ == "compound" and ch.lemma_.lower() in words("nonpolitical_compounds") for ch in token.children
    )


def _attacked_things(token: Token) -> list[Token]:
    found = _undergoers(token)
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
    flames", "fighting the fire", "fighting cancer"), and so is a fight named by what it fights ("the flood fighting
    crews", "a wildfire fighting effort": the compound word before the trigger)."""
    if c.entry.event_type not in VIOLENT_TYPES:
        return False
    token = c.token
    before = token.doc[token.i - 1] if token.i > token.sent.start else None
    if (
        before is not None
        and before.dep_ == "compound"
        and before.head.i in (token.i, token.head.i)
        and before.lemma_.lower() in words("natural_adversaries") | words("natural_forces")
    ):
        return True
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
    does not know).  A communication verb with an actor recipient reports what was said when a clause or a quote
    goes with it ("the general told the minister that ..."); it stays an event when the sentence names a call,
    a meeting or talks ("told Mubarak in a phone call that ...") or when no clause follows ("briefed the
    minister"); "Russia recalled its ambassador" keeps its object and its event."""
    token = c.token
    lemma = token.lemma_.lower()
    if token.pos_ != "VERB" or lemma not in words("speech_verbs"):
        return False
    objects = [ch for ch in token.children if ch.dep_ in ("dobj", "dative")]
    if not any(actor_like(o, c) for o in objects):
        return True
    if lemma in words("communication_verbs"):
        return _reported_speech(token) and not _over_a_channel(token)
    return any(ch.dep_ in ("ccomp", "xcomp", "parataxis") for ch in token.children)


def _reported_speech(token: Token) -> bool:
    """ "told deputies that ...", "'...,' he told the group": what was said is the news, not a meeting."""
    if any(ch.dep_ in ("ccomp", "parataxis") for ch in token.children):
        return True
    head = token.head
    return (
        token.dep_ in ("parataxis", "ccomp")
        and head is not token
        and head.i < token.i
        and any(t.is_quote for t in token.sent[: token.i - token.sent.start])
    )


def _over_a_channel(token: Token) -> bool:
    """A call, a meeting or talks in which the telling took place make it an exchange between parties ("told
    Mubarak in a phone call that ...", "At their meeting, X told Y that ..."); talks merely mentioned do not ("told
    a news conference following his talks with Lavrov")."""
    channel = words("channel_words")
    return any(
        p.dep_ == "prep"
        and p.lower_ in ("in", "at", "during", "over", "by", "on")
        and any(t.lemma_.lower() in channel for t in p.subtree)
        for p in token.children
    )


def press_interview(c: Any) -> bool:
    """Veto: "'...,' the airline's chief executive told The Moscow Times", "the minister spoke to Fox News": a verb of
    communicating whose every recipient is named as a newspaper, broadcaster or news agency reports an interview,
    whether or not the resolver knows the outlet as the press (docs/honest-measurement.md: statements to the press
    are no CONSULT).  "Spoke to the Ugandan president" and "the commander of the border post" (no capitalised outlet
    word) stay."""
    if c.token.lemma_.lower() not in words("communication_verbs"):
        return False
    targets = c.arguments.targets
    return bool(targets) and all(_news_outlet(t.text) for t in targets)


def _news_outlet(name: str) -> bool:
    """A name that ends in a capitalised word of ``news_outlet_words`` ("The Moscow Times", "Fox News", "Reuters")."""
    last = name.split()[-1].strip(".,;:'\"’”") if name.split() else ""
    return last[:1].isupper() and last.lower() in words("news_outlet_words")


def question_sense(c: Any) -> bool:
    """Veto: "ask" with no addressee and no "for" object is a question ("He asked what the company would do",
    "Asked about the bomb, Clinton said", "Graham asked.").  "Iran asked the UN to act", "X was asked to
    mediate" and "asked for help" stay requests."""
    token = c.token
    if token.pos_ != "VERB" or token.lemma_.lower() not in words("question_verbs"):
        return False
    children = list(token.children)
    if any(ch.dep_ in ("agent", "prep") and ch.lower_ in ("by", "for") for ch in children):
        return False  # "asked for help", "being asked by the PPP to carry out killings"
    if not any(ch.dep_ in ("dobj", "dative", "nsubjpass") and actor_like(ch, c) for ch in children):
        return True
    # an addressee: asked *to do* something is a request; asked *whether*, or with nothing asked for ("I want to
    # ask you, will she be there?", "they ask me if I'm all right") it is a question
    if any(ch.dep_ == "xcomp" for ch in children):
        return False
    return all(_question_clause(ch) for ch in children if ch.dep_ == "ccomp")


def _question_clause(clause: Token) -> bool:
    """A clause that asks: "if/whether ...", or opened by a wh-word ("what the company would do")."""
    if any(ch.dep_ == "mark" and ch.lower_ in ("if", "whether") for ch in clause.children):
        return True
    first = next(iter(clause.subtree))
    return first.tag_ in ("WDT", "WP", "WP$", "WRB")


def court_plea(c: Any) -> bool:
    """Veto: "pleaded guilty / not guilty / no contest", "entered a not guilty plea in court", "her guilty plea"
    is a defendant's plea in court, not a REQUEST (PLOVER codes the charge as ACCUSE allege and the conviction as
    SANCTION).  A plea with no such word ("a plea for help", "the mayor's plea to the governor") stays a request."""
    token = c.token
    if token.lemma_.lower() not in ("plead", "plea"):
        return False
    modifiers = [ch for ch in token.children if ch.dep_ != "nsubj"]
    if token.pos_ == "NOUN":  # "a guilty plea": the word stands before the noun, not in a phrase after it
        modifiers = [ch for ch in modifiers if ch.i < token.i]
    return any(t.lemma_.lower() in words("plea_words") for ch in modifiers for t in ch.subtree)


def criticized_idea(c: Any, entry: TriggerEntry) -> TriggerEntry:
    """Retype: violence whose object is an idea, a document or a stance is verbal criticism ("attacked the
    policy", "slammed the decision"): ACCUSE, mode disapprove."""
    if entry.event_type not in VIOLENT_TYPES or c.token.pos_ != "VERB":
        return entry
    objects = _undergoers(c.token)
    if not objects or not all(o.lemma_.lower() in words("criticized_ideas") for o in objects):
        return entry
    return _retyped(entry, "ACCUSE", "disapprove")


POLITICAL_SECTORS = ORGANISED_POLITICAL_SECTORS | frozenset({"INS", "CRM"})
"""Sectors whose deeds are political by themselves (a company or a crowd needs a government or a group beside):
the organised political actors, and insurgents and criminal gangs, whose deeds are security news. Labour (LAB) is
a private party here, as in ``_plain_party``: "workers joined a scheme" is no political event."""
MATERIAL_CONFLICT_TYPES = frozenset({"ASSAULT", "COERCE", "SEIZE", "SANCTION", "MOBILIZE", "THREATEN"})
"""Types that stay events whoever does them (a shop robbed, a man shot): violence is news in any sector."""


def _people_nouns() -> frozenset[str]:
    """Nouns that name people as such: persons, captives, crowds ("a farmer", "hostages", "protesters")."""
    return words("person_nouns") | words("captive_nouns") | words("crowd_nouns")


def _actor_head(c: Any, actor: Any) -> Token | None:
    """The head noun of an actor's span in the sentence: the first token whose syntactic head lies outside the span
    ("*students* at Drexel University in Philadelphia"), else its last token (the head of a plain English noun
    phrase)."""
    if actor.start is None:
        return None
    inside = [t for t in c.state.sentence if actor.start <= t.idx < actor.end and not t.is_punct]
    while inside and inside[-1].tag_ == "POS":
        inside.pop()
    if not inside:
        return None
    ids = {t.i for t in inside}
    root = next((t for t in inside if t.head.i not in ids or t.head is t), None)
    if root is not None and root.pos_ in ("NOUN", "PROPN", "PRON"):
        return root
    return inside[-1]


def _is_audience(c: Any, actor: Any) -> bool:
    if actor.sector in ("MED", "CVL") and not actor.name:
        return True
    head = _actor_head(c, actor)
    if head is None:
        return False
    # a people or a community addressed as a whole ("told Kurds", "told Muslims")
    return head.lemma_.lower() in words("audience_nouns") or (head.ent_type_ == "NORP" and head.tag_ in ("NNS", "NNPS"))


def speech_to_audience(c: Any) -> bool:
    """Veto: telling, speaking or talking to an audience ("told the crowd", "told voters in Leeds", "told
    Kurds", "told detectives") is a speech or a statement, no CONSULT: PLOVER's CONSULT is a meeting or
    call between parties.  "The general told the minister" keeps its event."""
    if c.token.lemma_.lower() not in words("communication_verbs") or c.entry.event_type != "CONSULT":
        return False
    targets = c.arguments.targets
    return bool(targets) and all(_is_audience(c, t) for t in targets)


def campaign_rally(c: Any) -> bool:
    """Veto: a rally held by office-holders, or any rally in a story about an election campaign, is a campaign
    event, not a PROTEST ("At a rally, the candidate said", "the senator held rallies in Iowa").  A rally against
    something ("rallied against the war", "a rally to protest") stays a demonstration."""
    token = c.token
    if c.entry.event_type != "PROTEST" or token.lemma_.lower() not in words("rally_words"):
        return False
    # the parser may hang "against" on the light verb: "held a rally in Delhi *against* the bill"
    scope = list(token.subtree)
    if token.dep_ == "dobj":
        scope += [ch for ch in token.head.children if ch.dep_ == "prep"]
    if any(ch.lower_ in ("against", "for") or ch.lemma_.lower() in ("protest", "demand") for ch in scope):
        return False
    if _campaign_story(c.state.sentence.doc):
        return True
    sources = c.arguments.sources
    return bool(sources) and all(s.sector in ("GOV", "LEG", "PTY") for s in sources)


_CAMPAIGN_KEY = "eventscope_campaign_story"


def _campaign_story(doc: Any) -> bool:
    """A story about an election campaign: campaign words twice or more (cached on the document)."""
    if _CAMPAIGN_KEY not in doc.user_data:
        campaign = words("campaign_words")
        doc.user_data[_CAMPAIGN_KEY] = sum(1 for t in doc if t.lower_ in campaign or t.lemma_.lower() in campaign) >= 2
    return doc.user_data[_CAMPAIGN_KEY]


COLLISION_VERBS = frozenset({"strike", "hit", "smash", "slam", "sideswipe"})
"""Verbs of impact that name a collision when what is struck is a vehicle (``road_accident``)."""
PEOPLE_IN_VEHICLES = frozenset({"driver", "motorist"})
"""The ``vehicle_words`` that are people: striking them can be an assault, striking a car is not."""


def vehicle_struck(verb: Token) -> bool:
    """A verb of impact whose object is a vehicle ("struck the parked van", "hit a bus"), not a person in one: a
    collision (``road_accident``, and conflict.py's deaths and injuries after a crash)."""
    if verb.lemma_.lower() not in COLLISION_VERBS:
        return False
    return any(
        h.lemma_.lower() in words("vehicle_words") and h.lemma_.lower() not in PEOPLE_IN_VEHICLES
        for obj in _objects(verb)
        for h in _object_heads(obj)
    )


def road_accident(c: Any) -> bool:
    """Veto: injuries and "striking" in a traffic accident ("a three-car crash injured two women", "the van could
    not stop and struck a lorry", "were struck by a car") are no ASSAULT, and its investigation no ACCUSE.  The
    sentence names an accident, the striker is a vehicle, or what is struck is one ("the sedan crossed the line and
    struck a van", "he then hit a parked bus": a vehicle is no victim of an assault); one that also names a weapon or
    an attack ("a car bomb", "rammed his truck into the crowd in an attack") keeps it, and so do other types
    ("protesters blocked the highway")."""
    token = c.token
    investigation = c.entry.event_type == "ACCUSE" and token.lemma_.lower() in ("investigate", "investigation")
    if c.entry.event_type != "ASSAULT" and not investigation:
        return False
    lemmas = {t.lemma_.lower() for t in c.state.sentence} | {t.lower_ for t in c.state.sentence}
    if lemmas & (words("weapon_nouns") | words("attack_words")):
        return False
    if lemmas & words("accident_words"):
        return True
    vehicles = words("vehicle_words")
    if any(ch.dep_ == "nsubj" and ch.lemma_.lower() in vehicles for ch in token.children):
        return True
    if vehicle_struck(token):
        return True
    # "a pickup that struck the cyclist": the relative clause's subject is the vehicle it describes
    if token.dep_ == "relcl" and token.head.lemma_.lower() in vehicles:
        if any(ch.dep_ == "nsubj" and ch.tag_ in ("WDT", "WP") for ch in token.children):
            return True
    # "they were struck by a westbound lorry"; "a cyclist was hit by a van and killed": the conjunct shares the agent
    return any(o.lemma_.lower() in vehicles for o in _doers(token, ("agent",)))


RESCUE_VERBS = frozenset({"pull", "free", "drag", "haul", "lift", "extricate"})
"""Verbs that take a person out of danger as well as forces out of a place or captives out of custody."""


def rescue_pull(c: Any) -> bool:
    """Veto: pulling or freeing a private person out of a wreck, the water or rubble ("jumped in and pulled out a
    drowning swimmer", "pulling people out of burning cars", "worked to free the driver from under the lorry") is a
    rescue, no RETREAT: RETREAT withdraws forces, staff or a party from a place, and releases captives.  Every object
    must be a person of the kind that is rescued (``rescued_persons``: a passenger, a victim, a swimmer, a man) with
    no owner: "pulled out its people", "pulled their staff out" withdraw an organisation's own.  "Free" also needs the
    wreck or the water it frees from (``rescue_places``, a vehicle), since "the kidnappers freed the victim" is a
    release."""
    token = c.token
    lemma = token.lemma_.lower()
    if c.entry.event_type != "RETREAT" or token.pos_ != "VERB" or lemma not in RESCUE_VERBS:
        return False
    objects = _objects(token)
    if not objects:
        return False
    rescued = words("rescued_persons")
    for obj in objects:
        if any(ch.dep_ == "poss" for ch in obj.children):
            return False
        if not any(h.lemma_.lower() in rescued for h in _object_heads(obj)):
            return False
    if lemma == "pull":
        return True
    places = words("rescue_places") | words("vehicle_words")
    preps = [p for h in (token, *objects) for p in h.children if p.dep_ == "prep"]  # "the driver from the car"
    return any(t.lemma_.lower() in places for p in preps for t in p.subtree)


def _doers(token: Token, deps: tuple[str, ...] = ("nsubj", "agent")) -> list[Token]:
    """The trigger's subject and passive agent, and those of the verb it is conjoined to ("was hit by a car and
    *killed*", "the storm flooded the town and *destroyed* the bridge"), with their compounds ("*Cyclone* Idai")."""
    found: list[Token] = []
    for verb in (token, token.head) if token.dep_ == "conj" else (token,):
        for ch in verb.children:
            if ch.dep_ == "nsubj" and "nsubj" in deps:
                found.append(ch)
            elif ch.dep_ == "agent" and "agent" in deps:
                found += [o for o in ch.children if o.dep_ == "pobj"]
        if found:
            break
    return found + [ch for t in found for ch in t.children if ch.dep_ == "compound"]


FORCE_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST"})


def natural_force(c: Any) -> bool:
    """Veto: harm done by a storm, a quake, a flood or a fire ("Cyclone Idai destroyed the school", "the building
    was destroyed by fire", "a small earthquake struck the province overnight") is a disaster, no ASSAULT, COERCE or
    PROTEST strike: the doer is the trigger's subject or agent, or the noun a fragment's parse leaves as its root.
    A sentence that also names a weapon or an attack ("a fire set by arsonists", "the bomb blast started a fire")
    keeps it."""
    token = c.token
    if c.entry.event_type not in FORCE_TYPES or token.pos_ != "VERB":
        return False
    forces = words("natural_forces")
    doers = _doers(token)
    if not doers and token.dep_ in ("acl", "relcl"):
        root = token.sent.root
        doers = [root] if root.pos_ == "NOUN" else []  # "A small quake that ... struck in the province": a fragment
    if not any(d.lemma_.lower() in forces for d in doers):
        return False
    lemmas = {t.lemma_.lower() for t in c.state.sentence} | {t.lower_ for t in c.state.sentence}
    return not lemmas & (words("weapon_nouns") | words("attack_words") | {"arson", "arsonist", "arsonists"})


def office_in_charge(c: Any) -> bool:
    """Veto: "charge" in an office ("the officer-in-charge of the police station", "the official in charge of
    relief") names who runs something, not a charge brought against anyone."""
    token = c.token
    if token.lemma_.lower() != "charge":
        return False
    doc = token.doc
    hyphenated = token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ == "in"
    return hyphenated or (token.head.lower_ == "in" and token.dep_ == "pobj")


def dismissal_firing(c: Any) -> bool:
    """Veto: "the firing of the FBI director", "Comey's firing": dismissing someone from a post is no shooting.
    The shooting reading has what is shot or whom it is aimed at ("firing of tear gas shells", "firing on
    protesters"), a dismissal the person let go."""
    token = c.token
    if token.lower_ != "firing" or c.entry.event_type != "ASSAULT":
        return False
    weapons = words("weapon_nouns")
    children = list(token.children)
    if any(p.dep_ == "prep" and p.lower_ in ("on", "at", "upon", "into", "towards", "toward") for p in children):
        return False
    for prep in (p for p in children if p.dep_ == "prep" and p.lower_ == "of"):
        objects = [o for o in prep.children if o.dep_ == "pobj"]
        if objects and not any(o.lemma_.lower() in weapons or o.lower_ in weapons for o in objects):
            return True
    return any(ch.dep_ == "poss" for ch in children)


def hospital_admission(c: Any) -> bool:
    """Veto: "were admitted to the hospital", "admitted at Dhaka Medical College Hospital": the wounded taken into
    care, not an admission of guilt or a concession."""
    token = c.token
    if token.lemma_.lower() != "admit":
        return False
    care = words("care_places")
    for prep in (ch for ch in token.children if ch.dep_ == "prep" and ch.lower_ in ("to", "at", "in", "into")):
        phrase = " ".join(t.lower_ for t in prep.subtree)
        if any(place in phrase.split() or place in phrase for place in care):
            return True
    return False


def _plain_party(c: Any, actor: Any) -> bool:
    """An actor that is no political party: a company, private people (residents, customers), with no country or
    political sector."""
    if actor.sector in ("BUS", "CVL", "EDU", "HLH", "MED", "LAB"):
        return True  # "American employers", "Kenyan voters": a country does not make them a party
    if actor.sector in POLITICAL_SECTORS or actor.country:
        return False
    # an unresolved common noun of private life ("employees", "the population"); pronouns and titles ("he", "the
    # leaders") may stand for anyone and keep the event
    head = _actor_head(c, actor)
    return head is not None and head.pos_ == "NOUN" and head.lemma_.lower() in words("private_people")


def private_parties(c: Any) -> bool:
    """Veto: a verbal or cooperative event whose every actor is a company or a private person with no political
    role is private life or commerce, no political event ("a jeweller offers its staff extra money", "tenants
    joining a recycling scheme", "the population grew", "a shareholders' meeting").  Violence
    (``MATERIAL_CONFLICT_TYPES``), protest, refusal and aid stay, and so does any deed in a sentence about a
    protest: a shop robbed is news whoever the victim, food given to 300,000 people is
    aid whoever gives it.  A named person keeps the event: the resolver may not know a mayor's name."""
    if c.entry.event_type in MATERIAL_CONFLICT_TYPES | {"PROTEST", "REJECT", "AID"}:
        return False  # "workers staged a protest", "residents blocked the road", "food for 300,000 people"
    if any(t.lemma_.lower() in words("protest_words") for t in c.state.sentence):
        return False  # "blocked the main road in protest against the killing"
    args = c.arguments
    actors = args.sources + args.targets
    return bool(actors) and all(_plain_party(c, a) for a in actors)


def _commerce_deed(token: Token) -> str | None:
    """How the word, or a deed it governs ("agreed to lend", "threaten to sell"), is a commercial transaction:
    "trade" for a verb of trade or credit ("lend", "sell", "invest", "liquidate"), "money" for a deed whose object
    is itself a sum of money or a price ("offering a fare of $200", "offered him $5,000", "asked passers-by for
    money"; not "approved the $58 million budget", whose object is a budget), else None."""
    deeds = [token, *(ch for ch in token.children if ch.dep_ == "xcomp" and ch.pos_ == "VERB")]
    commerce, prices = words("commerce_verbs"), words("price_nouns")
    if any(deed.pos_ == "VERB" and deed.lemma_.lower() in commerce for deed in deeds):
        return "trade"
    for deed in deeds:
        objects = [ch for ch in deed.children if ch.dep_ in ("dobj", "dative")]
        objects += [o for p in deed.children if p.dep_ == "prep" and p.lower_ == "for" for o in p.children]
        if any(o.ent_type_ == "MONEY" or o.lemma_.lower() in prices for o in objects):
            return "money"
    return None


def _state_or_group(actor: Any) -> bool:
    """An actor with a political role: a state, party, armed group or elite, or a country named as itself."""
    if actor.sector in POLITICAL_SECTORS or actor.sector == "ELI":
        return True
    return bool(actor.country) and actor.sector is None


def private_deal(c: Any) -> bool:
    """Veto: lending, selling, investing or offering money between parties none of which is a state, a party or an
    armed group is commerce, no political AGREE, THREATEN or REQUEST ("the lender agreed to lend the buyer $5
    million", "the chain could threaten to sell its stores", "a carrier offering fares of $99", "never asked anybody
    for money").  Unlike ``private_parties`` a name the resolver does not know counts as private for a verb of
    trade: lending and selling between unknown names is business news.  A sum of money alone is no sign of trade
    (a governor "proposed $56 million", "Montana offered $69 per prisoner"), so there an unknown name keeps the
    event.  A government or a group on either side keeps it ("the World Bank agreed to lend Pakistan $2 billion",
    "a businessman financed the rebels"); violence, protest, accusation and aid stay."""
    if c.entry.event_type in MATERIAL_CONFLICT_TYPES - {"THREATEN"} | {"PROTEST", "AID", "ACCUSE"}:
        return False
    kind = _commerce_deed(c.token)
    if kind is None:
        return False
    if any(t.lemma_.lower() in words("protest_words") for t in c.state.sentence):
        return False
    args = c.arguments
    actors = args.sources + args.targets
    if not actors or any(_state_or_group(a) for a in actors):
        return False
    return kind == "trade" or all(a.name is None or _plain_party(c, a) for a in actors)


def citation(c: Any) -> bool:
    """Veto: quoting or citing someone ("the daily quoted the minister as saying", "to quote a poet") reports
    words; it is no CONSULT or AGREE between the quoter and the quoted."""
    return c.token.pos_ == "VERB" and c.token.lemma_.lower() in words("citation_verbs")


def opinion_agreement(c: Any) -> bool:
    """Veto: agreeing *that* something is so ("the governor agrees with the mayor that taxes should
    fall"), agreeing *about* something, agreeing *with* someone and nothing more ("most voters do not agree with the
    president"), or agreeing as an aside ("X, both agree, is Y") shares an opinion; PLOVER's
    AGREE is agreeing to do something ("agreed to a ceasefire", "agreed on talks", "agreed with Iran to ...").  A
    "that" clause with no infinitive and no "on/to" object marks the opinion."""
    token = c.token
    if c.entry.event_type != "AGREE" or token.pos_ != "VERB" or token.lemma_.lower() not in ("agree", "concur"):
        return False
    children = list(token.children)
    if any(ch.dep_ == "xcomp" for ch in children):
        return False
    partners = [o for ch in children if ch.dep_ == "prep" and ch.lower_ == "with" for o in ch.children]
    if any(
        ch.dep_ == "prep" and ch.lower_ == "about" for ch in (*children, *(g for o in partners for g in o.children))
    ):
        return True  # "agreed with Matthews about the winner": a shared view
    if any(ch.dep_ == "prep" and ch.lower_ in ("on", "to", "upon") for ch in children):
        return False
    # "X, both analysts agree, is Y": agreeing as an aside to a statement
    if any(ch.dep_ == "ccomp" for ch in children) or token.dep_ == "parataxis":
        return True
    # "most voters do not agree with the president": agreeing with someone, with nothing agreed to, is a view
    agreed_with = [ch for ch in children if ch.dep_ == "prep" and ch.lower_ == "with" and ch.i > token.i]
    return bool(agreed_with) and not any(ch.dep_ in ("dobj", "advcl", "conj") for ch in children)


def _violent_sentence(sentence: Any) -> bool:
    vocabulary = words("weapon_nouns") | words("attack_words") | words("device_nouns") | words("injury_nouns")
    vocabulary |= words("deadly_outcomes")
    vocabulary |= words("victim_verbs") - {"beat", "hit"}
    return any(t.lemma_.lower() in vocabulary or t.lower_ in vocabulary for t in sentence if t.lemma_ != "attack")


def campaign_contest(c: Any) -> bool:
    """Veto: in an election story, "beat back a challenge", "defeated his rival", "crushed his rivals" are votes won,
    no ASSAULT or COERCE, when the sentence has no weapon, wound or victim word (election violence keeps them:
    "party workers attacked the candidate with sticks, injuring three")."""
    if c.entry.event_type not in VIOLENT_TYPES or c.token.lemma_.lower() not in words("contest_verbs"):
        return False
    return _campaign_story(c.state.sentence.doc) and not _violent_sentence(c.state.sentence)


CAMPAIGN_PROMISES = frozenset({"promise", "pledge", "vow", "propose", "proposal"})
"""Words of a candidate's promise or proposal (``campaign_promise``)."""


def campaign_promise(c: Any) -> bool:
    """Veto: in an election story, a promise or proposal of a policy ("Clinton is proposing marquee projects", "has
    vowed to bring back lost mining jobs", "her proposals to benefit small businesses") is campaign talk, no AGREE
    (docs/honest-measurement.md: "a campaign's domestic policy proposals are not AGREE"). A promise made to a party
    ("pledged to Iraq", "promised the rebels an amnesty") stays."""
    if c.entry.event_type != "AGREE" or c.token.lemma_.lower() not in CAMPAIGN_PROMISES:
        return False
    if not _campaign_story(c.state.sentence.doc) or any(a.sector == "IGO" for a in c.arguments.sources):
        return False  # the UN's pledge in a story of the campaign is no candidate's
    # voters, families or workers the policy is for are no party it is promised to
    return not any(
        a.party and (a.name or a.country or a.sector in ORGANISED_POLITICAL_SECTORS) for a in c.arguments.targets
    )


def verbal_attack(c: Any, entry: TriggerEntry) -> TriggerEntry:
    """Retype: in an election story, "the senator attacked her rival", "an attack on the governor", "the candidate
    started attacking immigrants" are words: ACCUSE disapprove, when the sentence has no weapon, wound or victim
    word.  So is an attack said where words are said, in any story ("attacked Trump, *saying* ...", "attacked him *in
    a speech*", "*on Twitter*", "*over his remarks*")."""
    if entry.event_type not in VIOLENT_TYPES or c.token.lemma_.lower() not in words("verbal_attack_words"):
        return entry
    if _beside_words(c.token) and not any(
        t.lemma_.lower() in ARMED_WORDS or t.lower_ in ARMED_WORDS for t in c.state.sentence
    ):
        return _retyped(entry, "ACCUSE", "disapprove")  # "attacked the officers and blamed the shootings on bias"
    if _violent_sentence(c.state.sentence):
        return entry
    if not (_campaign_story(c.state.sentence.doc) or _said_in_words(c.token)):
        return entry
    return _retyped(entry, "ACCUSE", "disapprove")


ARMED_WORDS = frozenset(
    {
        "gun", "rifle", "pistol", "knife", "machete", "axe", "grenade", "gunman", "gunmen", "assailant",
        "attacker", "militant", "insurgent", "rebel", "soldier", "troop", "jet", "warplane", "drone", "tank",
        "artillery", "missile", "rocket", "mortar", "bullet",
    }
)  # fmt: skip
"""Weapons and armed doers: an attack coordinated with blame in a sentence that names one may be a real attack."""
ACCUSING_VERBS = frozenset({"accuse", "blame", "condemn", "criticise", "criticize", "denounce", "slam", "say"})
"""Verbs of words that, coordinated with an attack, make it an attack in words (``verbal_attack``)."""


def _beside_words(verb: Token) -> bool:
    """An attack coordinated with a verb of accusing ("attacked law enforcement officers and *blamed* the shootings
    on bias"): both are said."""
    siblings = [ch for ch in verb.children if ch.dep_ == "conj"]
    if verb.dep_ == "conj":
        siblings.append(verb.head)
    return any(s.pos_ == "VERB" and s.lemma_.lower() in ACCUSING_VERBS for s in siblings)


SPEECH_SETTINGS = frozenset(
    {
        "speech", "statement", "interview", "tweet", "tweets", "twitter", "facebook", "ad", "advert", "op-ed",
        "editorial", "debate", "letter", "blog", "television", "radio", "podcast", "remarks", "comments",
        "conference", "briefing", "broadcast", "message",
    }
)  # fmt: skip
"""Where words are said: "in a speech", "on Twitter", "during the debate", "over his remarks"."""


def _said_in_words(verb: Token) -> bool:
    """A deed told with a speech verb beside it ("attacked X, *saying* ...") or set where words are said ("in a
    speech", "on Twitter", "in an ad", "over his comments")."""
    speech = words("speech_verbs") | words("reporting_verbs")
    for child in verb.children:
        if child.dep_ in ("advcl", "xcomp") and child.tag_ == "VBG" and child.lemma_.lower() in speech | {"call"}:
            return True
        if child.dep_ == "prep" and child.lower_ in ("in", "on", "during", "over", "at", "via"):
            if any(o.lower_ in SPEECH_SETTINGS for o in child.children if o.dep_ == "pobj"):
                return True
    return False


HABITUAL_TYPES = frozenset({"AID", "COOPERATE", "CONSULT", "AGREE", "RETREAT", "CONCEDE", "MOBILIZE"})
"""Deeds that a present-tense sentence describes as a habit or a function ("the committee provides funding")."""
STANDING_TYPES = HABITUAL_TYPES | {"SUPPORT"}
"""Types whose present with "do"/"does" ("the authorities do not recognize the refugees") is a standing stance."""


def _habitual_type(c: Any) -> bool:
    """A type a present-tense clause describes as a habit or a function: ``HABITUAL_TYPES``, and an investigation
    told in the present ("the unit, which probes deaths involving officers"), a body's mandate."""
    return c.entry.event_type in HABITUAL_TYPES or (c.entry.event_type == "ACCUSE" and c.entry.mode == "investigate")


def habitual_present(c: Any) -> bool:
    """Veto: a deed in the simple present with no date, past the first sentence, describes what someone does as
    a rule ("the committee, which provides funding", "the bank supports member states by providing finance",
    "a jeweller offers its staff money", "the unit, which probes deaths involving officers") or a standing state
    ("troops are stationed in the region", "the ministry does not recognize refugee status for migrants", "the firm
    doesn't offer loans"), not a happening.  News tells happenings in the past or the perfect;
    the headline (the first sentence) keeps its present ("President seeks more refugees")."""
    token = c.token
    if token.pos_ != "VERB":
        return False
    if token.tag_ in ("VBZ", "VBP"):
        if not _habitual_type(c) or any(ch.dep_ in ("aux", "auxpass") for ch in token.children):
            return False
    elif _do_support(token):
        if c.entry.event_type not in STANDING_TYPES:
            return False
    elif not _habitual_type(c) or not _present_state(token):
        return False
    sentence = c.state.sentence
    if sentence.start == 0 or any(t.ent_type_ in ("DATE", "TIME") for t in sentence):
        return False
    return True


def _do_support(token: Token) -> bool:
    """A plain verb whose only auxiliary is a present "do" ("do not recognize", "doesn't offer", "does provide"): the
    simple present with "do"; "did not recognize" tells a happening."""
    if token.tag_ != "VB":
        return False
    auxiliaries = [ch for ch in token.children if ch.dep_ in ("aux", "auxpass")]
    return len(auxiliaries) == 1 and auxiliaries[0].lemma_.lower() == "do" and auxiliaries[0].tag_ in ("VBZ", "VBP")


def _or_conjuncts(verb: Token) -> list[Token]:
    """The verbs joined to this one by "or" ("will either adopt or reject", "can approve or reject the budget"): the
    first conjunct holds the "or" and the other verbs."""
    first = verb
    while first.dep_ == "conj" and first.head.pos_ == "VERB" and first.head is not first:
        first = first.head
    if not any(ch.dep_ == "cc" and ch.lower_ == "or" for ch in first.children):
        return []
    chain = [first]
    for node in chain:
        chain.extend(ch for ch in node.children if ch.dep_ == "conj" and ch.pos_ == "VERB")
    return chain if verb in chain and len(chain) > 1 else []


def alternative_choice(c: Any) -> bool:
    """Veto: "a measure the two houses will either adopt or reject", "the council can approve or reject the
    plan", "whether to accept or decline the offer": deeds offered as alternatives with "or", in the present, the
    future or a modal, name the choice a body has, not a deed done; whichever is chosen will be the news.  Past
    alternatives ("the protesters threw stones or burned tyres") tell deeds that were done and stay."""
    token = c.token
    if token.pos_ != "VERB":
        return False
    conjuncts = _or_conjuncts(token)
    if not conjuncts:
        return False
    first = conjuncts[0]
    auxiliaries = [ch for ch in first.children if ch.dep_ in ("aux", "auxpass")]
    if any(v.tag_ == "VBD" for v in conjuncts) or any(a.tag_ == "VBD" for a in auxiliaries):
        return False
    return first.tag_ == "VB" or any(a.tag_ == "MD" for a in auxiliaries)


def recognition_sense(c: Any) -> bool:
    """Veto: "had been recognized as Farmer of the Year", "was recognized as an exemplary volunteer" (an honour)
    and "the snipers recognized Lincoln's profile", "she recognized his voice" (perception): "recognize" backs a party
    only when a state or a body recognizes a state, a government or a claim ("Russia recognized Abkhazia as an
    independent state", "recognized Jerusalem as the capital", "Kenya recognized the new government").  So an "as"
    phrase must name a political status (``recognized_statuses``) and the object must be no face, voice or car
    (``recognized_appearances``), or the word is read in its other sense."""
    token = c.token
    if c.entry.event_type != "SUPPORT" or token.pos_ != "VERB":
        return False
    if token.lemma_.lower() not in ("recognize", "recognise"):
        return False
    objects = [ch for ch in token.children if ch.dep_ == "dobj"]
    if objects and all(o.lemma_.lower() in words("recognized_appearances") for o in objects):
        return True
    statuses = words("recognized_statuses")
    roles = [
        o
        for p in token.children
        if p.dep_ == "prep" and p.lower_ == "as"
        for pobj in p.children
        if pobj.dep_ == "pobj"
        for o in (pobj, *(ch for ch in pobj.children if ch.dep_ == "conj"))
    ]
    return bool(roles) and not any(
        t.lemma_.lower() in statuses for r in roles for t in (r, *(ch for ch in r.children if ch.dep_ == "compound"))
    )


FREE_CHOICE_PRONOUNS = frozenset({"anyone", "anybody", "whoever", "whomever"})
"""Pronouns that pick out no one in particular ("will arrest anyone who is caught")."""


def free_choice_party(c: Any) -> bool:
    """Veto: "the authorities will arrest anyone who is caught", "police can detain anybody without papers", "whoever
    breaks the curfew is fined": a deed whose doer or whose object is "anyone" or "whoever", told in the present or
    the future, states a rule or a policy (what happens to whoever does something), not a happening with a party.
    A past deed stays ("the guards shot anyone who tried to flee" tells what was done), and so does a negated or
    failed one in the past ("police did not arrest anyone", "police failed to arrest anyone"): what did not happen
    is the coder's negation to flag, not a rule."""
    token = c.token
    if token.pos_ != "VERB":
        return False
    parties = [ch for ch in token.children if ch.dep_ in ("nsubj", "nsubjpass", "dobj", "dative")]
    if not any(p.dep_ == "dobj" for p in parties):  # "will detain and arrest anyone": the object both verbs share
        parties += [o for v in token.children if v.dep_ == "conj" for o in v.children if o.dep_ == "dobj"]
    if not any(p.lower_ in FREE_CHOICE_PRONOUNS for p in parties):
        return False
    verb = token  # an infinitive or a conjunct takes the tense of its governing verb ("failed to arrest anyone")
    while True:
        auxiliaries = [ch for ch in verb.children if ch.dep_ in ("aux", "auxpass")]
        if verb.tag_ == "VBD" or any(a.tag_ == "VBD" or a.lower_ in ("had", "did", "was", "were") for a in auxiliaries):
            return False
        if verb.tag_ == "VBN" and not auxiliaries:
            return False
        if verb.dep_ not in ("xcomp", "conj") or verb.head.pos_ not in ("VERB", "AUX") or verb.head is verb:
            return True
        verb = verb.head


def _present_state(token: Token) -> bool:
    """A passive in the simple present ("2,000 troops are stationed in the region", "aid workers are deployed
    across the province", "talks are held every month"): a standing state or a routine; "are being deployed" and
    "have been deployed" tell a happening, and a clause of time or condition ("until the troops are withdrawn") a
    deed to come (events/modality.py)."""
    if token.tag_ != "VBN" or any(ch.dep_ == "mark" for ch in token.children):
        return False
    auxiliaries = [ch for ch in token.children if ch.dep_ in ("aux", "auxpass")]
    return (
        len(auxiliaries) == 1
        and auxiliaries[0].dep_ == "auxpass"
        and auxiliaries[0].tag_ in ("VBZ", "VBP")
        and auxiliaries[0].lemma_ == "be"
    )


def _naming(token: Token) -> bool:
    if token.pos_ != "VERB" or token.lemma_.lower() != "call":
        return False
    return any(ch.dep_ in ("oprd", "attr") for ch in token.children) or _calls_home(token)


def _calls_home(token: Token) -> bool:
    """ "The town she now calls home", "calls Denver home": "home" names a place where one lives, whatever its
    parse (a predicate or an adverb); "he called home" with no object and no place it describes is a phone call."""
    if not any(ch.lower_ == "home" and ch.dep_ in ("oprd", "advmod", "npadvmod", "attr") for ch in token.children):
        return False
    if token.dep_ in ("relcl", "acl"):
        return True  # "the town she calls home"
    # "calls Denver home"; "it's Denver that he calls home", which the parser may read with "that" as a conjunction
    return any(ch.dep_ == "dobj" or (ch.dep_ == "mark" and ch.lower_ == "that") for ch in token.children)


WH_WORDS = frozenset({"what", "whatever", "which", "whichever"})
"""Wh-words: as the object of "call" they stand for the thing named ("what he called a witch hunt")."""


def _named_party(c: Any) -> bool:
    """ "The president called the envoy a fool": a subject names a party (not a thing, not "it").  "What Johnson
    called a diminishing fund", "the probe, what he called a witch hunt": the object "what" is the thing named, no
    party."""
    token = c.token
    subject = any(ch.dep_ == "nsubj" for ch in token.children)
    # the named party is the object, or an "oprd" that carries the name as an apposition ("called the British
    # envoy to Iran a fool", as the parser may read it)
    objects = [ch for ch in token.children if ch.dep_ == "dobj"]
    objects += [ch for ch in token.children if ch.dep_ == "oprd" and any(g.dep_ == "appos" for g in ch.children)]
    objects = [o for o in objects if o.lower_ not in ("it", "this", "that", "them") and o.lower_ not in WH_WORDS]
    return subject and any(actor_like(o, c) for o in objects)


def naming_call(c: Any) -> bool:
    """Veto: "she is called a liar", "calling it a distraction", "I wouldn't call it progress": "call" with a
    predicate noun (``oprd``/``attr``) names or describes a thing; it is no phone call, no REQUEST.  When a
    subject so names a party ("the president called the envoy a fool") ``name_calling`` makes it an
    accusation instead."""
    return _naming(c.token) and not _named_party(c)


def name_calling(c: Any, entry: TriggerEntry) -> TriggerEntry:
    """Retype: a party calling another party names ("the president called the envoy a fool", "called the
    minister a traitor") disapproves of it: ACCUSE disapprove, no phone call.  A name of praise ("called the
    Ugandan leader a true friend", ``praise_labels``) is praise: SUPPORT."""
    if not _naming(c.token) or not _named_party(c):
        return entry
    labels = [ch for ch in c.token.children if ch.dep_ in ("oprd", "attr")]
    if any(label.lemma_.lower() in words("praise_labels") for label in labels):
        return _retyped(entry, "SUPPORT", None)
    return _retyped(entry, "ACCUSE", "disapprove")


def no_comment(c: Any) -> bool:
    """Veto: "declined to comment", "refused to elaborate" is a reporter's formula, no REJECT."""
    token = c.token
    if c.entry.event_type != "REJECT" or token.pos_ != "VERB":
        return False
    return any(ch.dep_ == "xcomp" and ch.lemma_.lower() in words("comment_verbs") for ch in token.children)


def _a_person(c: Any, actor: Any) -> bool:
    """A person: a pronoun, a named person, or a noun of people."""
    head = _actor_head(c, actor)
    if head is None:
        return False
    return head.pos_ == "PRON" or head.ent_type_ == "PERSON" or head.lemma_.lower() in _people_nouns()


def figurative_fight(c: Any) -> bool:
    """Veto: a fight or battle with no party fought, by no armed party, in a sentence with no weapon or wound ("their
    uphill battle", "the mayor's fight for housing", "firms fighting to keep their market", "the court fight"), or
    one against a cause or a movement with no country or sector ("united to fight against the Alt Right and
    bigotry", "to fight against corruption"), is a struggle, no ASSAULT.  A court fought ("a long battle with the
    courts", "fought the tribunal over the order") is a legal fight: a court is no party and no person fought, even
    though "court" is a noun of people.  "Rebels fought in the hills" (an armed source), "fighting killed ten" (a
    wound word), "fought with the police" and "started a fight with her" (a party or a person fought) stay."""
    if c.entry.event_type != "ASSAULT" or c.token.lemma_.lower() not in ("fight", "battle"):
        return False
    args = c.arguments
    private = ("BUS", "EDU", "HLH", "MED", "LAB")

    def a_party(target: Any) -> bool:
        """A party fought ("fought the rebels", "a war with Israel"); a thing fought for is none ("their business"),
        and nor is a court, fought with appeals ("a battle with the courts")."""
        return target.sector not in (*private, "JUD") and bool(target.country or target.sector)

    def a_person(target: Any) -> bool:
        return target.sector != "JUD" and _a_person(c, target)

    if any(ch.dep_ == "prep" and ch.lower_ in ("with", "between", "against") for ch in c.token.children):
        # "fought with police", "a battle between two clans": two sides are named; but "to fight against the Alt
        # Right and bigotry", "the fight against poverty" name a cause or an ill, no party with a country or sector
        if any(a_party(t) or a_person(t) for t in args.targets):
            return False  # ... and a fight with a person ("started a fight with her") is a brawl
    if len(args.sources) > 1:
        return False
    armed = ("MIL", "REB", "MILITIA", "UAF", "POL", "CRM", "SPY")
    if any(s.sector in armed for s in args.sources):
        return False
    if any(a_party(t) for t in args.targets):
        return False
    return not _violent_sentence(c.state.sentence)


STATE_CALLERS = STATE_SECTORS | frozenset({"IGO"})
"""Callers who summon the police as officials, not as private persons (``emergency_call``)."""


def emergency_call(c: Any) -> bool:
    """Veto: "his mother called the police to report him missing", "a neighbour dialled 911": a private person
    calling the police is the report of a crime, no CONSULT or REQUEST between parties (the crime is the event).
    An official who calls in the police ("the governor called the police chief") stays.  So does the passive: "the
    officers, who had been summoned by 911 calls", "police were called to the house" is a dispatch to the scene."""
    token = c.token
    if token.lemma_.lower() not in ("call", "phone", "dial", "ring", "summon") or token.pos_ != "VERB":
        return False
    called = [ch for ch in token.children if ch.dep_ == "dobj"] or _passive_patients(token)
    if not called or not all(o.lemma_.lower() in words("emergency_services") for o in called):
        return False
    return not any(s.sector in STATE_CALLERS for s in c.arguments.sources)


def _passive_patients(verb: Token) -> list[Token]:
    """Who a passive verb acts on: its passive subject, or for a relative pronoun ("officers *who* had been
    summoned") the noun the clause describes."""
    patients = [ch for ch in verb.children if ch.dep_ == "nsubjpass"]
    return [verb.head if p.tag_ in ("WP", "WDT") and verb.dep_ == "relcl" else p for p in patients]


def poll_sense(c: Any) -> bool:
    """Veto: support, preference or approval in a sentence about a poll ("5 percent prefer one rival and 1 percent
    support another", "the poll shows the governor consolidating the support of his party") measures opinion; it is no
    SUPPORT or ACCUSE event.  Outside a poll sentence "the party endorsed the senator" stays."""
    if c.token.lemma_.lower() not in words("opinion_verbs"):
        return False
    if c.token.pos_ == "NOUN" and any(ch.dep_ == "prep" and ch.lower_ == "among" for ch in c.token.children):
        return True  # "her support among millennials lags": standing with a group of people, measured, not an act
    return any(t.lower_ in words("poll_words") or t.lemma_.lower() in words("poll_words") for t in c.state.sentence)


def figurative_seizure(c: Any) -> bool:
    """Veto: "seized on the tax plan as a weapon", "jumped on the issue": "seize on/upon" takes up an idea; it
    takes nothing by force ("the army seized the airport" has an object and stays)."""
    token = c.token
    if token.lemma_.lower() not in ("seize", "grab", "pounce"):
        return False
    return _particle_without_object(token, ("on", "upon"), ("prep",))


def phrasal_sense(c: Any) -> bool:
    """Veto: "hails from Amarah", "the crew blasted off", "prices shot up": the trigger word with this particle or
    preposition and no object (``phrasal_senses``) means coming from, a launch or a rise; no praise, blast or
    shot."""
    token = c.token
    particles = word_map("phrasal_senses").get(token.lemma_.lower())
    return bool(particles) and _particle_without_object(token, particles, ("prt", "prep", "advmod"))


def _particle_without_object(token: Token, particles, deps: tuple[str, ...]) -> bool:
    """The word has one of ``particles`` as a child of one of ``deps`` and no direct object ("seized on the plan",
    "hails from Amarah"; "seized the airport" has an object)."""
    children = list(token.children)
    return any(ch.dep_ in deps and ch.lower_ in particles for ch in children) and not any(
        ch.dep_ == "dobj" for ch in children
    )


def committed_deed(c: Any) -> bool:
    """Veto: "committed a massacre", "perpetrated atrocities": a verb of doing whose object is a deed (an event noun
    of the lexicon, or a ``crime_nouns`` word) is no pledge; the deed is the event, done by the verb's subject
    (``commit`` is a light verb).  "committed troops", "committed itself to the truce" stay commitments."""
    token = c.token
    if token.pos_ != "VERB" or token.lemma_.lower() not in words("deed_verbs"):
        return False
    deeds = [
        o
        for o in token.children
        if o.dep_ in ("dobj", "nsubjpass")
        and (is_event_noun(o, c.state.lexicon) or o.lemma_.lower() in words("crime_nouns"))
    ]
    return bool(deeds)


def return_journey(c: Any) -> bool:
    """Veto: "returned to Kabul", "the minister returned home", "returned the favour": going back, or giving back
    no property, is no RETREAT.  "returned the seized artefacts to Iraq", "returned the bodies" keep it."""
    token = c.token
    if token.pos_ != "VERB" or token.lemma_.lower() != "return" or c.entry.event_type != "RETREAT":
        return False
    objects = _undergoers(token)
    return not objects or all(o.lemma_.lower() in words("unreturnable_objects") for o in objects)


def reception_sense(c: Any) -> bool:
    """Veto: "the plan has been met with opposition", "was met with applause": how something was received, no
    meeting.  "The minister was met by the Iraqi envoy at the airport" and "met with the envoy" stay CONSULT."""
    token = c.token
    if token.lemma_.lower() != "meet" or c.entry.event_type != "CONSULT":
        return False
    received = [
        o for p in token.children if p.dep_ == "prep" and p.lower_ == "with" for o in p.children if o.dep_ == "pobj"
    ]
    return bool(received) and all(o.lemma_.lower() in words("reception_nouns") for o in received)


PARTY_OBJECT_TYPES = {"admit": "RETREAT", "execute": "ASSAULT", "round": "COERCE"}
"""The event type of each ``party_object_verbs`` verb whose object must be a person or party ("round" of "round up")."""


def _marks(verb: Token, obj: Token) -> list[Token]:
    """The subordinating words before an object, on the verb or on the object itself: "admitted that something ..."
    read with "something" as the object."""
    return [m for m in (*verb.children, *obj.children) if m.dep_ == "mark" and m.i < obj.i]


def object_not_victim(c: Any) -> bool:
    """Veto: "went to execute a narcotics search", "executed the order", "admitted in an e-mail that ...",
    "spoke only French": a verb whose event sense needs a person or a party as its object (an execution, admitting
    observers, talking with someone) has a thing as object, or none, and says something else.  "Executed three
    prisoners", "admitted UN inspectors", "spoke with the envoy" keep their events."""
    token = c.token
    lemma = token.lemma_.lower()
    if token.pos_ != "VERB" or lemma not in words("party_object_verbs"):
        return False
    objects = _undergoers(token)
    # "admitted that something was wrong": an "object" after the verb's own "that" is the clause's subject
    objects = [o for o in objects if not any(m.lower_ == "that" for m in _marks(token, o))]
    if lemma in ("speak", "talk"):
        return c.entry.event_type == "CONSULT" and any(o.dep_ == "dobj" for o in objects)
    if c.entry.event_type != PARTY_OBJECT_TYPES.get(lemma):
        return False
    people = _people_nouns()
    heads = [h for o in objects for h in _object_heads(o)]  # "dozens of migrants": the migrants
    return not any(actor_like(h, c) or h.lemma_.lower() in people or h.like_num for h in heads)


def danger_sense(c: Any) -> bool:
    """Veto: "poses a threat to the region", "is considered a threat", "Putin's threat to the Baltic states": a
    threat as a danger someone or something is, no act of threatening.  A threat that is made ("issued a threat",
    "repeated its threats"), says what it threatens ("a threat to invade", "the threat of a strike", "threats that
    it would strike") or is a kind of act ("a bomb threat", "death threats") stays THREATEN."""
    token = c.token
    if c.entry.event_type != "THREATEN" or token.pos_ != "NOUN" or token.lemma_.lower() not in words("danger_nouns"):
        return False
    for child in token.children:
        if child.dep_ in ("acl", "relcl", "ccomp") and child.i > token.i:
            return False  # "a threat to invade", "threats that it would strike"
        if child.dep_ == "prep" and child.lower_ == "of":
            return False  # "the threat of a strike"
        if child.dep_ == "compound":
            return False  # "a bomb threat", "death threats"
    head = token.head
    return not (head is not token and token.dep_ == "dobj" and head.lemma_.lower() in words("threat_act_verbs"))


def adopted_measure(c: Any) -> bool:
    """Veto: approving, adopting or signing a measure ("the council approved a resolution", "judges approved the
    settlements", "the president signed the bill into law", "the bank signed a loan") is an act of procedure with
    no party supported; it is no SUPPORT event.  Approving or backing a party ("approved the nominee", "backed the
    rebels") stays."""
    token = c.token
    if c.entry.event_type != "SUPPORT" or token.lemma_.lower() not in words("adopting_verbs"):
        return False
    objects = _undergoers(token)
    if token.dep_ == "acl" and token.tag_ == "VBN":
        objects.append(token.head)  # "the loan signed today by the bank"
    measures = words("measure_nouns")  # not a plan: "approved a plan to build 31 units" is a deed in the making
    return bool(objects) and all(o.lemma_.lower() in measures for o in objects)


def sent_message(c: Any, entry: TriggerEntry) -> TriggerEntry:
    """Retype: sending a message, a letter or a note ("sent the premier a letter", "sent messages to the prime
    minister") is communication, CONSULT, not AID: nothing material is given."""
    if entry.event_type != "AID" or c.token.lemma_.lower() not in ("send", "deliver", "dispatch", "hand"):
        return entry
    objects = [ch for ch in c.token.children if ch.dep_ == "dobj"]
    if not objects or not all(o.lemma_.lower() in words("message_nouns") for o in objects):
        return entry
    return _retyped(entry, "CONSULT", None)


def bladed_hacking(c: Any, entry: TriggerEntry) -> TriggerEntry:
    """Retype: "hacked the farmer with machetes", "a man was hacked with an axe": hacking a person is a wounding
    with blades (ASSAULT, mode primitive), not a cyber attack; hacking into a system, an account or a company
    stays COERCE cyber.  The sentence must name a blade or a wound (``blade_words``; "hacked to death" is
    ``deadly_outcome``'s killing)."""
    token = c.token
    if entry.mode != "cyber" or token.pos_ != "VERB":
        return entry
    preps = [ch for ch in token.children if ch.dep_ == "prep"]
    if any(p.lower_ == "into" for p in preps):
        return entry
    if any(p.lower_ == "to" and any(o.lower_ in words("deadly_outcomes") for o in p.children) for p in preps):
        return entry  # "hacked to death": a killing (events/conflict.py deadly_outcome)
    victims = _undergoers(token)
    if not victims or any(v.lemma_.lower() in words("cyber_objects") for v in victims):
        return entry
    blades = words("blade_words")
    if not any(t.lower_ in blades or t.lemma_.lower() in blades for t in token.sent):
        return entry  # "Coincheck was hacked of 523 million coins": no blade, no wound, a cyber attack
    return _retyped(entry, "ASSAULT", "primitive")


def granted_concession(c: Any, entry: TriggerEntry) -> TriggerEntry:
    """Retype: "granted a pardon to X", "offered amnesty", "gave aid workers access": giving a concession or a
    release is that concession (the object noun's CONCEDE or RETREAT sense), not AID: nothing material is given."""
    token = c.token
    if entry.event_type != "AID" or token.pos_ != "VERB" or token.lemma_.lower() not in words("granting_verbs"):
        return entry
    for obj in (ch for ch in token.children if ch.dep_ == "dobj"):
        sense = c.state.lexicon.words.get((obj.lemma_.lower(), "NOUN"))
        if sense is not None and sense.event_type in ("CONCEDE", "RETREAT"):
            return replace(entry, event_type=sense.event_type, mode=sense.mode, cameo=sense.cameo)
    return entry


OPEN_WATERS = frozenset({"sea", "ocean", "water", "waters", "gulf", "bay"})
"""Where a missile fired at no one lands: "fired three missiles into the sea"."""


def weapons_test(c: Any, entry: TriggerEntry) -> TriggerEntry:
    """Retype: "fired three ballistic missiles into the sea", "launched a rocket into the Sea of Japan": weapons
    fired into open water hit no one; the launch shows weapons ready, PLOVER's MOBILIZE weapons, not an ASSAULT.
    Firing into the air to scatter a crowd stays ASSAULT crowd-control."""
    token = c.token
    if entry.event_type != "ASSAULT" or token.pos_ != "VERB":
        return entry
    landing = [
        o
        for p in token.children
        if p.dep_ == "prep" and p.lower_ in ("into", "in", "off", "toward", "towards")
        for o in p.children
        if o.dep_ == "pobj"
    ]
    if not landing or not all(o.lemma_.lower() in OPEN_WATERS for o in landing):
        return entry
    if any(ch.dep_ == "dobj" and ch.lemma_.lower() not in words("weapon_nouns") for ch in token.children):
        return entry  # "fired shells at the boat in the bay": an object other than the weapon is hit
    return _retyped(entry, "MOBILIZE", "weapons")


FIRE_WORDS = frozenset({"fire", "gunfire", "shot", "bullet", "salvo", "volley"})
"""What is exchanged in a firefight: "an exchange of fire", "exchanged gunfire"."""


def fire_exchange(c: Any, entry: TriggerEntry) -> TriggerEntry:
    """Retype: "an exchange of fire with security forces", "the two sides exchanged shots": trading shots is a
    firefight (ASSAULT, firearms), not material cooperation."""
    token = c.token
    if entry.event_type != "COOPERATE" or token.lemma_.lower() != "exchange":
        return entry
    traded = [ch for ch in token.children if ch.dep_ == "dobj"]
    traded += [o for p in token.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children]
    if not any(t.lemma_.lower() in FIRE_WORDS for t in traded):
        return entry
    return _retyped(entry, "ASSAULT", "firearms")


def _retyped(entry: TriggerEntry, event_type: str, mode: str | None) -> TriggerEntry:
    """The entry with another type and mode, and the CAMEO code the ontology gives them (else the old one)."""
    try:
        cameo: str | None = load_ontology().cameo_for(event_type, mode)
    except (KeyError, ValueError):
        cameo = entry.cameo
    return replace(entry, event_type=event_type, mode=mode, cameo=cameo)


def _given_things(token: Token) -> list[Token]:
    """What a giving verb gives: its direct objects; where there is none, a determiner-led noun the parser took for
    an adverbial ("provide a better tomorrow"), or a wh-clause ("shared what it is like")."""
    found = [ch for ch in token.children if ch.dep_ == "dobj"]
    if found:
        return found
    found = [
        ch
        for ch in token.children
        if ch.dep_ == "npadvmod" and ch.pos_ == "NOUN" and any(d.dep_ == "det" for d in ch.children)
    ]
    found += [
        ch
        for ch in token.children
        if ch.dep_ == "ccomp" and any(w.tag_ in ("WP", "WDT", "WRB") and w.i < ch.i for w in ch.subtree)
    ]
    return found


def _material(token: Token, c: Any) -> bool:
    """A thing that can be aid or shared cooperation: aid goods, weapons, messages, sums of money, event nouns."""
    lemma = token.lemma_.lower()
    if lemma in words("material_means") | words("transfer_goods") | words("weapon_nouns") | words("message_nouns"):
        return True
    if token.ent_type_ == "MONEY" or token.like_num:
        return True
    if is_event_noun(token, c.state.lexicon, c.state.relations):
        return True
    people = _people_nouns()
    if token.pos_ == "NOUN" and lemma not in people and any(ch.dep_ == "poss" for ch in token.children):
        # "her top tips": the resolver reads the possessor; "its doctors" is an actor named by the noun itself
        owners = {
            (a.country, a.sector)
            for p in token.children
            if p.dep_ == "poss"
            for a in c.state.actors.resolve_argument(p)
        }
        found = c.state.actors.resolve_argument(token)
        return any((a.sector or a.country) and (a.country, a.sector) not in owners for a in found)
    return actor_like(token, c)


def intangible_gift(c: Any) -> bool:
    """Veto: providing, sharing or sending something that is neither aid, goods, arms, a message nor people is no
    AID or COOPERATE ("shares tips for cookie decorating", "the topic provided an opening", "send out a thank you",
    "provide a better tomorrow", "shared what it is like").  "Provided weapons", "shared intelligence", "sent
    troops", "provided $5 million" keep their event."""
    token = c.token
    if token.pos_ != "VERB" or token.lemma_.lower() not in words("giving_verbs"):
        return False
    things = _given_things(token)
    if not things:
        return False
    # "sent more resources to Colombia": a thing sent to a state or a government is a transfer between parties
    recipients = [
        o
        for p in token.children
        if p.dep_ in ("dative", "prep") and p.lower_ == "to"
        for o in p.children
        if o.dep_ == "pobj"
    ]
    if any(o.ent_type_ in ("GPE", "NORP") for o in recipients):
        return False
    if token.dep_ == "acl" and token.tag_ == "VBN":
        return False
    for thing in things:
        if thing.dep_ == "ccomp":
            continue
        # "false passports, safe houses, weapons and money": any conjunct that is material keeps the event
        listed = [thing, *thing.conjuncts]
        if any(_material(h, c) for t in listed for h in _object_heads(t)):
            return False
    return True


def discourse_tell(c: Any) -> bool:
    """Veto: "I'll tell you", "tell me what you're going to do", "let me assure you": a speaker addressing the
    reporter or the listener is a turn of phrase in a quote, no CONSULT between parties."""
    token = c.token
    if c.entry.event_type != "CONSULT" or token.lemma_.lower() not in words("formula_verbs"):
        return False
    if token.tag_ not in ("VB", "VBP"):
        return False  # "he told me with a shrug" reports a past exchange; the formula is in the present
    addressed = [ch for ch in token.children if ch.dep_ in ("dobj", "dative")]
    return bool(addressed) and all(a.lower_ in words("discourse_addressees") for a in addressed)


# -- senses found on the real-news tune sheets of the thirteenth session --------------------------------------------


def attempt_sense(c: Any) -> bool:
    """Veto: "officials sought to show they meant business", "seeking to curry favour with the authorities": seeking to
    do something is trying, no REQUEST; the infinitive keeps its own event, marked as not yet done ("sought to
    meet the envoy" is a planned meeting).  So is seeking an office ("the president, seeking his fourth term", "is
    seeking re-election", ``office_words``): a candidacy, asked of voters, no one.  "Sought asylum", "sought the
    release of the hostages" stay requests."""
    token = c.token
    if c.entry.event_type != "REQUEST" or token.pos_ != "VERB" or token.lemma_.lower() not in words("trying_verbs"):
        return False
    if any(ch.dep_ == "dobj" and ch.lemma_.lower() in words("office_words") for ch in token.children):
        return True
    return any(ch.dep_ == "xcomp" and _has_to(ch) for ch in token.children)


def _has_to(token: Token) -> bool:
    return any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in token.children)


def delivered_words(c: Any) -> bool:
    """Veto: "a speech Mrs. Clinton delivered at the university", "the court delivered its verdict", "the baby he
    delivered": delivering a speech, a ruling or a baby gives no aid (AID).  Delivering food, weapons or aid stays;
    a letter or a message is ``sent_message``'s communication."""
    token = c.token
    if c.entry.event_type != "AID" or token.lemma_.lower() != "deliver":
        return False
    delivered = _undergoers(token)
    if token.dep_ in ("relcl", "acl") and token.head.i < token.i:
        delivered.append(token.head)  # "a speech [that] she delivered", "the verdict delivered on Monday"
    return bool(delivered) and all(o.lemma_.lower() in words("delivered_words") for o in delivered)


def press_release(c: Any) -> bool:
    """Veto: "according to a release from Gainesville Police", "a news release said": a release issued by a party is
    a statement to the press, no RETREAT.  "The release of the prisoners", "his release from prison" stay."""
    token = c.token
    if c.entry.event_type != "RETREAT" or token.pos_ != "NOUN" or token.lemma_.lower() != "release":
        return False
    children = list(token.children)
    if any(ch.dep_ == "prep" and ch.lower_ == "of" for ch in children) or any(ch.dep_ == "poss" for ch in children):
        return False
    if any(ch.dep_ == "compound" and ch.lower_ in ("press", "news", "media") for ch in children):
        return True  # "a press release", "a news release"
    issuers = [o for p in children if p.dep_ == "prep" and p.lower_ == "from" for o in p.children if o.dep_ == "pobj"]
    return any(o.ent_type_ == "ORG" or c.state.actors.resolve_argument(o) for o in issuers)


def figure_decline(c: Any) -> bool:
    """Veto: "the population declined an average of 11 people per day", "sales declined 5 percent": a figure that
    declines falls; nobody refuses anything (REJECT).  "Declined the invitation", "declined to attend" stay."""
    token = c.token
    if c.entry.event_type != "REJECT" or token.pos_ != "VERB" or token.lemma_.lower() != "decline":
        return False
    children = list(token.children)
    if any(ch.dep_ in ("xcomp", "ccomp") for ch in children):
        return False
    objects = [ch for ch in children if ch.dep_ == "dobj"]
    if objects:
        return all(_quantity(o) for o in objects)  # "declined an average of 11 people"; not "declined the offer"
    if any(ch.dep_ == "npadvmod" and _quantity(ch) for ch in children):
        return True  # "declined 5 percent"
    subjects = [ch for ch in children if ch.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and all(s.lemma_.lower() in words("measure_heads") for s in subjects)


def _quantity(token: Token) -> bool:
    """A figure: a number, a percentage, or a noun counted or measured ("an average of 11 people", "5 percent")."""
    return (
        token.like_num
        or token.ent_type_ in ("PERCENT", "QUANTITY", "MONEY", "CARDINAL")
        or token.lemma_.lower() in words("measure_heads")
        or any(ch.dep_ == "nummod" for ch in token.children)
    )


def shared_view(c: Any) -> bool:
    """Veto: "many leaders share these apprehensions", "we share your concern": sharing a view or a feeling is an
    opinion, no COOPERATE.  Sharing intelligence, information or a border is cooperation or a fact the model
    reads."""
    token = c.token
    if c.entry.event_type != "COOPERATE" or token.lemma_.lower() != "share":
        return False
    shared = _undergoers(token)
    return bool(shared) and all(o.lemma_.lower() in words("view_nouns") for o in shared)


def remembered_person(c: Any) -> bool:
    """Veto: "recalling singer Sully Erna as one of the nicest people", "recalled how the army came": recalling what
    is remembered is memory, no SANCTION.  Recalling an envoy, troops or a delegation
    (``recalled_parties``) stays."""
    token = c.token
    if c.entry.event_type != "SANCTION" or token.pos_ != "VERB" or token.lemma_.lower() != "recall":
        return False
    recalled = _undergoers(token)
    heads = [h for o in recalled for h in _object_heads(o)]  # no object: "recalled that ..." is speech_sense's
    return bool(heads) and not any(h.lemma_.lower() in words("recalled_parties") for h in heads)


def price_charge(c: Any) -> bool:
    """Veto: "they charge differently for the use of the power", "the airline charges a fee": charging a price
    accuses nobody (ACCUSE).  "Prosecutors charged three men", "he was charged with murder" name the accused or the
    charge and stay: only a charge with no object, or a price as object, is vetoed."""
    token = c.token
    if c.entry.event_type != "ACCUSE" or token.pos_ != "VERB" or token.lemma_.lower() != "charge":
        return False
    children = list(token.children)
    if any(ch.dep_ == "prep" and ch.lower_ == "with" for ch in children):
        return False
    if token.dep_ == "acl" or any(ch.dep_ in ("nsubjpass", "dative") for ch in children):
        return False  # "three men charged in the killing", "he was charged"
    charged = [ch for ch in children if ch.dep_ == "dobj"]
    # nothing charged ("they charge differently for the use"), or a price ("charges a fee", "charged $5")
    return all(o.ent_type_ == "MONEY" or o.lemma_.lower() in words("price_nouns") for o in charged)


def public_advisory(c: Any) -> bool:
    """Veto: "the sheriff is warning residents about two scams", "warning people not to swim near the outlet",
    "warned his supporters not to stay home": a warning to the public at large, or a speaker's own followers, is
    advice or persuasion, no THREATEN.  A warning to a party ("warned Iran against", "warned
    the rebels to surrender") stays."""
    token = c.token
    if c.entry.event_type != "THREATEN" or token.lemma_.lower() != "warn":
        return False
    warned = _undergoers(token)
    public = words("private_people") | words("public_nouns")
    return bool(warned) and all(o.pos_ == "NOUN" and o.lemma_.lower() in public for o in warned)


def forecast_warning(c: Any) -> bool:
    """Veto: "'Bad things are going to happen,' Trump warned", "economists warned that the economy will shrink": a
    warning that only foretells what others or events will do is a prediction, no THREATEN.  A threat says what
    follows if the other side acts ("would expel him if", "will not ratify ... unless", "should Huawei be given a
    role"), names a consequence ("warned of a reaction", "warned it would face consequences"), or has the speaker act
    ("we will respond", a pronoun that may be the speaker)."""
    token = c.token
    if c.entry.event_type != "THREATEN" or token.lemma_.lower() not in ("warn", "caution"):
        return False
    children = list(token.children)
    if any(ch.dep_ == "prep" for ch in children):
        return False  # "warned of a reaction", "warned Iran against": the warning names its object
    contents = [ch for ch in children if ch.dep_ == "ccomp"]
    if not contents:
        return False
    sentence = list(token.sent)
    if any(t.lower_ in ("if", "unless", "otherwise") or _inverted_condition(t) for t in sentence):
        return False
    if any(t.lemma_.lower() in words("threat_consequences") for t in sentence):
        return False
    for clause in contents:
        subject = next((ch for ch in clause.children if ch.dep_ in ("nsubj", "nsubjpass", "expl")), None)
        if subject is None or (subject.pos_ == "PRON" and subject.lower_ != "there"):
            return False  # "warned it will retaliate": the speaker may be the one who acts
    return True


def _inverted_condition(token: Any) -> bool:
    """ "should Huawei be given a role": a conditional told by a modal before its subject."""
    if token.lower_ not in ("should", "were", "had") or token.dep_ not in ("aux", "auxpass"):
        return False
    subject = next((ch for ch in token.head.children if ch.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and subject.i > token.i


RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})


def _subject_head(token: Token) -> Token | None:
    """The clause subject's head word, through coordination and control; a relative pronoun gives its antecedent
    ("the lawyer who defended activists")."""
    node = token
    for _ in range(4):
        subject = next((ch for ch in node.children if ch.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            if subject.lower_ in RELATIVE_PRONOUNS and node.dep_ == "relcl":
                return node.head
            return subject
        if node.dep_ not in ("xcomp", "conj") or node.head is node:
            return None
        node = node.head
    return None


def policy_target(c: Any) -> bool:
    """Veto: "the new deportation policy targets migrants", "a law that targets tax evaders", "sanctions targeting
    banks": a policy, a law or a measure aims at people; it attacks no one (no ASSAULT).  "Militants targeted a
    convoy" has a party as subject and stays."""
    if c.entry.event_type != "ASSAULT" or c.token.lemma_.lower() != "target":
        return False
    subject = _subject_head(c.token)
    return subject is not None and subject.lemma_.lower() in words("policy_nouns")


def legal_defence(c: Any) -> bool:
    """Veto: "a lawyer who defended political activists", "the attorney representing the officer": a lawyer defends
    clients in court; that is a profession, no SUPPORT between parties."""
    if c.entry.event_type != "SUPPORT" or c.token.lemma_.lower() not in ("defend", "represent"):
        return False
    subject = _subject_head(c.token)
    if subject is None:
        return False
    # the profession may be the name's title or apposition: "Attorney Wang Quanzhang", "Smith, a defence lawyer"
    titles = [subject, *(ch for ch in subject.children if ch.dep_ in ("compound", "appos"))]
    return any(t.lemma_.lower() in words("legal_professions") or t.lower_ in words("legal_professions") for t in titles)


def shown_quality(c: Any) -> bool:
    """Veto: "the loan demonstrates the EU's commitment", "he has not demonstrated an ambition for office", "the test
    demonstrated that the missile works": "demonstrate" with an object, a passive subject or a clause means *show*;
    a protest is demonstrated without one ("thousands demonstrated against the law", "students demonstrated in
    the square")."""
    token = c.token
    if c.entry.event_type != "PROTEST" or token.pos_ != "VERB" or token.lemma_.lower() != "demonstrate":
        return False
    return any(ch.dep_ in ("dobj", "nsubjpass", "auxpass", "ccomp") for ch in token.children)


PHONE_NUMBER = re.compile(r"\(?\d{3,5}\)?[\s.-]?\d{3}[\s.-]?\d{3,4}")
"""A telephone number as news prints it: "(931) 555-0142", "0800 555 111", "020 7946 0018"."""
CONTACT_VERBS = frozenset({"call", "contact", "phone", "ring", "text", "email", "dial"})


def contact_number(c: Any) -> bool:
    """Veto: "call Beth Campbell at (931) 555-0142", "call Crimestoppers anonymously on 0800 555 111": a telephone
    number after a verb of contact is a notice telling readers whom to ring, no REQUEST or CONSULT."""
    if c.token.lemma_.lower() not in CONTACT_VERBS:
        return False
    return PHONE_NUMBER.search(c.state.sentence.text[c.token.idx - c.state.sentence.start_char :]) is not None


def imperative_notice(c: Any) -> bool:
    """Veto: "To help, send the Coast Radio newsroom a message", "Send your photos to the newsroom", "Join us at the
    rally on Friday": a sentence whose main verb is an imperative (the base form, with no subject and no auxiliary)
    tells the reader what to do; nothing has been done, no event.  So does a verb the imperative governs ("Get the
    news *delivered* to your inbox", "Please call the police and *report* the theft").  A command reported with its
    speaker ("the general ordered the troops to attack") has a subject and stays."""
    clause = c.token
    while clause.pos_ == "VERB" and clause.dep_ in ("ccomp", "xcomp", "conj") and clause.head is not clause:
        clause = clause.head
    return (
        clause.pos_ == "VERB"
        and clause.tag_ == "VB"
        and clause.dep_ == "ROOT"
        and not any(ch.dep_ in ("nsubj", "nsubjpass", "expl", "aux", "auxpass") for ch in clause.children)
    )


PERSONAL_SUBJECTS = frozenset({"he", "she", "i"})


def membership_join(c: Any) -> bool:
    """Veto: "he joined Lakeside County as deputy manager", "Smith joined the 3rd Battalion": one person joining an
    organisation or a unit takes a job or enlists; that is a biography, no COOPERATE between parties.  Joining
    someone *for* or *in* something ("joined Zarif for a meeting", "joined Democrats in opposing the bill") and an
    organisation joining ("the FBI joined the investigation") stay.  A date after the object ("joined the Marines *in
    2005*") is no joint deed, and a role ("joined Lakeside *as deputy manager*") makes the object an employer even
    when the parser takes its name for a person's."""
    token = c.token
    if c.entry.event_type != "COOPERATE" or token.lemma_.lower() != "join":
        return False
    if any(
        ch.dep_ == "prep" and ch.lower_ in ("for", "in", "with", "on") and ch.i > token.i and not _dated(ch)
        for ch in token.children
    ):
        return False
    subject = _subject_head(token)
    if subject is None or not (subject.ent_type_ == "PERSON" or subject.lower_ in PERSONAL_SUBJECTS):
        return False
    objects = [ch for ch in token.children if ch.dep_ == "dobj"]
    if objects and _as_role(token):
        return all(o.tag_ != "PRP" for o in objects)
    return bool(objects) and all(o.ent_type_ != "PERSON" and o.tag_ != "PRP" for o in objects)


def _dated(prep: Token) -> bool:
    """ "in 2005", "on Monday": a preposition of time."""
    objects = [o for o in prep.children if o.dep_ == "pobj"]
    return bool(objects) and all(o.ent_type_ in ("DATE", "TIME") for o in objects)


def _as_role(verb: Token) -> bool:
    """ "joined Lakeside as deputy county manager": an "as" phrase naming a role (a common noun)."""
    return any(
        p.dep_ == "prep" and p.lower_ == "as" and any(o.dep_ == "pobj" and o.pos_ == "NOUN" for o in p.children)
        for p in verb.children
    )


SUPPORT_NOUNS = frozenset({"support", "backing", "solidarity"})


def support_description(c: Any) -> bool:
    """Veto: "the bill passed with wide support", "support for NATO has been a bipartisan cause": support described by
    its breadth or as a standing state of affairs is a description, no SUPPORT event.  "Reiterated their support for
    Iraq" and "with the support of France" (a named party) stay.  So is praise with no one praising, told of a
    person in a reduced relative ("a guard hailed as a hero for foiling the robbery", "a migrant praised for
    catching a thief"): a label of the person; "a deal hailed by Obama as historic" names who praised and stays.
    So is a stance named as what another act or thing is about (``_described_stance``): "the senator attacked the
    minister for his support of the war", "the aim of Chile's solidarity with Peru", "a supporter of U.S.
    solidarity with its allies": the support was held, not given in the story; "a show of solidarity with the
    miners", "letters of support" (``stance_expressions``) stay."""
    token = c.token
    if c.entry.event_type == "SUPPORT" and _praise_label(token):
        return True
    if c.entry.event_type != "SUPPORT" or not {token.lemma_.lower(), token.lower_} & SUPPORT_NOUNS:
        return False
    if token.pos_ == "VERB" and token.tag_ != "VBG":
        return False  # "they support": a verb, not the noun
    if token.dep_ == "pobj" and token.head.lower_ == "with":
        named = any(ch.dep_ == "prep" and ch.lower_ == "of" for ch in token.children)
        return not named and any(
            ch.dep_ == "amod" and ch.lemma_.lower() in words("breadth_adjectives") for ch in token.children
        )
    if _described_stance(token):
        return True
    return token.dep_ == "nsubj" and token.head.lemma_.lower() in ("be", "remain")


def _described_stance(noun: Token) -> bool:
    """A support noun that is the reason for blame ("attacked her *for* her support of the raid") or what a
    noun is *of* ("the aim of Chile's solidarity", "a backer of the pact and of Danish solidarity"), unless that
    noun expresses the support ("a show of solidarity", "messages of support": ``stance_expressions``)."""
    if noun.pos_ != "NOUN" or noun.dep_ != "pobj":
        return False
    preposition = noun.head
    if preposition.lower_ == "for":  # blamed for it; "thanked Uganda for its support" is support given and stays
        blaming = ACCUSING_VERBS | words("verbal_attack_words")
        return preposition.dep_ == "prep" and preposition.head.lemma_.lower() in blaming - {"say"}
    if preposition.lower_ != "of":
        return False
    while preposition.dep_ == "conj" and preposition.head.lower_ == "of":  # "a supporter of NATO and of ..."
        preposition = preposition.head
    owner = preposition.head
    return (
        preposition.dep_ == "prep"
        and owner.pos_ == "NOUN"
        and owner.lemma_.lower() not in words("stance_expressions")
        and owner.lower_ not in words("stance_expressions")
    )


def _praise_label(token: Token) -> bool:
    """A praise verb as a participle after a noun, with no agent ("an officer hailed as a hero")."""
    return (
        token.lemma_.lower() in words("praise_verbs")
        and token.tag_ == "VBN"
        and token.dep_ == "acl"
        and token.head.pos_ in ("NOUN", "PROPN")
        and not any(ch.dep_ == "agent" for ch in token.children)
    )


def permission_sense(c: Any) -> bool:
    """Veto: "she was allowed to return home", "the test allows Pyongyang to produce warheads", "it allowed me to go
    to India": letting someone do something is no RETREAT (PLOVER's "allow access") unless what is allowed is access,
    entry, delivery or inspection ("allowed aid convoys to enter", "will allow inspectors access", "allow refugees
    into Europe") or a release ("let the activists go").  On the tune audit sheets 19 of 20 other permissions coded
    RETREAT were no event."""
    token = c.token
    if c.entry.event_type != "RETREAT" or token.lemma_.lower() not in ("allow", "permit", "let"):
        return False
    following = token.doc[token.i + 1].lower_ if token.i + 1 < len(token.doc) else ""
    if following in ("free", "loose") or any(ch.lemma_ == "go" for ch in token.children):
        return False  # "let free activists", "let them go": a release
    access = words("access_words")
    allowed = [ch for ch in token.children if ch.dep_ in ("xcomp", "ccomp", "dobj", "dative", "nsubjpass")]
    allowed += [g for ch in allowed for g in ch.children if ch.dep_ in ("xcomp", "ccomp") and g.dep_ == "dobj"]
    preps = [ch for ch in token.children if ch.dep_ == "prep"]
    preps += [g for ch in allowed for g in ch.children if g.dep_ == "prep"]
    if any(p.lower_ in ("into", "across", "through") for p in preps):
        return False  # "allow refugees into Europe": letting people or goods in is access
    for item in allowed + preps:
        if item.lemma_.lower() in access or any(g.lemma_.lower() in access for g in item.children if g.dep_ == "pobj"):
            return False
    return True


PARTITIVE_WORDS = frozenset({"one", "some", "each", "many", "several", "all", "any", "most", "none"})


def _partitive_whole(noun: Token) -> Token | None:
    """The quantifier a noun is counted by ("at *one* of his first DNC meetings", "during *each* of the sessions")."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "of" or prep.dep_ != "prep":
        return None
    whole = prep.head
    return whole if whole.lower_ in PARTITIVE_WORDS else None


def meeting_as_setting(c: Any) -> bool:
    """Veto: "Dick said during the city council meeting", "hopes to complete this appointment at its April 6
    meeting", "at one of his first party meetings, he voted": a meeting named as the time or place of something
    else is its setting; no meeting between parties is told (CONSULT).  "Said at a meeting with the Iranian envoy"
    names the other party and stays."""
    token = c.token
    if c.entry.event_type != "CONSULT" or token.pos_ != "NOUN" or token.lemma_.lower() not in words("meeting_nouns"):
        return False
    place = _partitive_whole(token) or token
    if place.dep_ != "pobj" or place.head.lower_ not in ("at", "during"):
        return False
    children = list(token.children)
    if any(ch.dep_ == "prep" and ch.lower_ in ("with", "between", "among", "of") for ch in children):
        return False  # "a meeting with the envoy"; "a meeting of the task force" names who met
    return not any(ch.dep_ == "conj" for ch in children)


TIME_PREPOSITIONS = frozenset({"during", "since", "after", "before", "throughout", "following", "until"})


def war_as_time(c: Any) -> bool:
    """Veto: "he served as a colonel during the war with Armenia", "exports have fallen since the war": a war or
    an occupation named as the time of another clause is background, no attack reported now.  "Fighting during the
    ceasefire" or "an attack after the talks" (no lasting conflict) and "the war began" stay."""
    token = c.token
    if c.entry.event_type != "ASSAULT" or token.lemma_.lower() not in words("durative_conflicts"):
        return False
    prep = token.head
    return token.dep_ == "pobj" and prep.lower_ in TIME_PREPOSITIONS and prep.head.pos_ in ("VERB", "AUX", "NOUN")


REFLEXIVE_PRONOUNS = frozenset({"himself", "herself", "itself", "themselves", "myself", "yourself", "ourselves"})
SELF_DIRECTED_TYPES = frozenset({"ASSAULT", "SUPPORT", "ACCUSE", "COOPERATE", "REQUEST"})
"""Types whose deed done to oneself is no event between parties: a suicide ("killed himself"), self-defence in
words ("defending himself"), self-praise ("applauding themselves"); a surrender ("turned themselves in"), arming
("armed themselves") or a protest by self-immolation ("set himself on fire") are other types and stay."""


def self_directed(c: Any) -> bool:
    """Veto: "the suspect then killed himself", "people who want to kill themselves", "in defending himself and his
    record", "coaxing the groups into applauding themselves": a deed whose only object is the doer itself is a
    suicide or talk about oneself, no event between parties.  A bomber who "blew himself up" attacked those around
    him and stays."""
    token = c.token
    if c.entry.event_type not in SELF_DIRECTED_TYPES or token.pos_ != "VERB":
        return False
    if token.lemma_.lower() in ("blow", "detonate", "explode") or any(ch.dep_ == "prt" for ch in token.children):
        return False  # "a suicide bomber blew himself up at the rally": the attack is on those around him
    if c.entry.event_type == "COOPERATE" and any(ch.dep_ == "prep" and ch.lower_ == "with" for ch in token.children):
        return False  # "allied itself with the ruling coalition": the partner is named
    objects = _undergoers(token)
    return bool(objects) and all(o.lower_ in REFLEXIVE_PRONOUNS for o in objects)


def own_staff(c: Any) -> bool:
    """Veto: "the president told his advisers to find another way", "he summoned his senior adviser to the Oval
    Office", "the minister briefed her aides": a verbal act whose only addressee is the speaker's own staff (a
    possessive pronoun before a word of ``own_staff_nouns``) is the work of one actor, no event between parties.
    "Told the Iraqi advisers", "summoned the British ambassador" and "met his Russian counterpart" stay."""
    token = c.token
    if c.entry.event_type not in verbal_types() or token.pos_ != "VERB":
        return False
    objects = [ch for ch in token.children if ch.dep_ in ("dobj", "dative")]
    return bool(objects) and all(_own_staff(o) for o in objects)


def _own_staff(noun: Token) -> bool:
    return noun.lemma_.lower() in words("own_staff_nouns") and any(
        ch.dep_ == "poss" and ch.lower_ in words("possessive_pronouns") for ch in noun.children
    )


def animal_attack(c: Any) -> bool:
    """Veto: "a killer bee attack", "the tiger attacked two villagers", "was mauled by a bear": an animal is no
    party; its attack is an accident of nature, no ASSAULT.  Nor is killing animals ("villagers kill and sacrifice
    goats at the feast", "rangers shot the wolf", "thousands of cattle were killed"): slaughter, a sacrifice or a
    hunt has no victim party; "killed the herders and their cattle" names people too and stays."""
    token = c.token
    if c.entry.event_type != "ASSAULT":
        return False
    animals = words("animal_nouns")
    doers = [ch for ch in token.children if ch.dep_ in ("nsubj", "poss", "compound")]
    doers += [o for ch in token.children if ch.dep_ == "agent" for o in ch.children if o.dep_ == "pobj"]
    if doers and all(d.lemma_.lower() in animals or d.lower_ in animals for d in doers):
        return True
    victims = _undergoers(token)
    if not victims:  # "kill and sacrifice animals": the object of the conjoined verb
        victims = [o for verb in token.conjuncts for o in verb.children if o.dep_ == "dobj"]
        # ... or the noun the parser hangs on the verb as its conjunct ("kill and [sacrifice goats]")
        victims = victims or [n for n in token.conjuncts if n.pos_ == "NOUN"]
    return bool(victims) and all(_of_whole(v).lemma_.lower() in animals for v in victims)


def _of_whole(noun: Token) -> Token:
    """ "thousands of cattle" -> cattle: the "of" noun of a number or a quantity word."""
    return next(iter(_quantity_whole(noun)), noun)


def audience_meeting(c: Any) -> bool:
    """Veto: "the ex-minister meets with pupils", "the governor met students to discuss their website", "asked the
    crowd to welcome the governor": meeting or asking an audience (pupils, supporters, a crowd, reporters) is a
    visit or a speech, no CONSULT or REQUEST between parties.  "Met with the Turkish delegation" stays."""
    token = c.token
    if c.entry.event_type not in ("CONSULT", "REQUEST") or token.lemma_.lower() not in words("audience_verbs"):
        return False
    targets = c.arguments.targets
    audiences = words("public_audiences")
    heads = [_actor_head(c, t) for t in targets]
    return bool(heads) and all(h is not None and h.lemma_.lower() in audiences for h in heads)


def directive_tell(c: Any, entry: TriggerEntry) -> TriggerEntry:
    """Retype: telling someone *to do* something ("told his advisers to find a way", "told the rebels to lay down
    their arms") is a directive, REQUEST, not a CONSULT: the infinitive is what the addressee is asked to do."""
    token = c.token
    if entry.event_type != "CONSULT" or token.pos_ != "VERB" or token.lemma_.lower() != "tell":
        return entry
    children = list(token.children)
    if not any(ch.dep_ in ("dobj", "dative") for ch in children):
        return entry
    if not any(ch.dep_ in ("xcomp", "ccomp") and _has_to(ch) for ch in children):
        return entry
    return _retyped(entry, "REQUEST", None)


def habitual_adverb(c: Any) -> bool:
    """Veto: "Tunisian authorities often collaborated with foreign partners", "lawmakers traditionally don't meet on
    Fridays", "police routinely stop drivers": an adverb of habit makes the clause a description of what usually
    happens, no happening.  "The army repeatedly shelled the town" tells real, repeated deeds and stays."""
    return any(ch.dep_ == "advmod" and ch.lower_ in words("habit_adverbs") for ch in c.token.children)


def first_acquaintance(c: Any) -> bool:
    """Veto: "the two chefs first met when they lived in New Orleans", "the firm's advisers first met the buyer
    around the start of the case": "first met" tells when people came to know each other, background to the story,
    no CONSULT.  A first meeting told as news says "met for the first time" ("the two leaders met for the first time
    on Friday") and stays."""
    token = c.token
    if c.entry.event_type != "CONSULT" or token.pos_ != "VERB" or token.lemma_.lower() != "meet":
        return False
    return any(ch.dep_ == "advmod" and ch.lower_ == "first" for ch in token.children)


VISIT_WORDS = frozenset({"visit", "trip", "travel", "tour", "stop"})
"""Triggers of a visit (``venue_visit``)."""


def venue_visit(c: Any) -> bool:
    """Veto: "visited Kit Carson Elementary", "his trip to Hofstra", "toured a car factory": a visit to a school, a
    company or a hospital meets no party; it is no CONSULT.  A visit to a country, a government or a named person
    stays."""
    if c.entry.event_type != "CONSULT" or c.token.lemma_.lower() not in VISIT_WORDS:
        return False
    targets = c.arguments.targets
    venues = words("venue_nouns")

    def venue(actor: Any) -> bool:
        head = _actor_head(c, actor)
        return actor.sector in ("EDU", "BUS", "HLH", "MED") or (head is not None and head.lemma_.lower() in venues)

    return bool(targets) and all(venue(t) for t in targets)


INVITING_WORDS = frozenset({"invite", "invitation", "reinvite"})


def _invited_to(token: Token) -> list[Token]:
    """What an invitation is to: the verb of its infinitive ("invited him to sit", "an invitation to perform") with
    that verb's objects and prepositional objects, and the "to"/"for" object of the invitation or its invitee
    ("invited Flowers to the debate")."""
    holders = [token, *(ch for ch in token.children if ch.dep_ in ("dobj", "nsubjpass"))]
    verbs = [ch for ch in token.children if ch.dep_ in ("xcomp", "acl", "ccomp", "advcl") and ch.pos_ == "VERB"]
    found = list(verbs)
    for verb in verbs:
        found += [ch for ch in verb.children if ch.dep_ == "dobj"]
        found += [o for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    found += [
        o
        for h in holders
        for p in h.children
        if p.dep_ == "prep" and p.lower_ in ("to", "for")
        for o in p.children
        if o.dep_ == "pobj"
    ]
    return found


def _audience_invitees(token: Token) -> bool:
    """The invitees are an audience: "invited members of the audience", "invited guests", "invited the public"."""
    audiences = words("public_audiences") | words("social_guests")
    invitees = _undergoers(token)
    if token.dep_ == "amod" or (token.dep_ == "acl" and token.tag_ == "VBN"):
        invitees.append(token.head)
    heads = [
        h
        for obj in invitees
        for h in (obj, *(o for p in obj.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children))
    ]
    return any(h.lemma_.lower() in audiences or h.lower_ in audiences for h in heads)


def social_invitation(c: Any) -> bool:
    """Veto: "invited the billionaire to sit in the front row at the debate", "invited him to watch a movie", "an
    invitation to perform a concerto", "invited members of the audience": an invitation to a seat, a show, a meal or
    a celebration, or of an audience, is hospitality, no AGREE or CONSULT between parties.  An invitation to talks,
    a meeting, a summit or a visit ("invited Trump to a meeting in Mexico City", "invited the minister to visit
    Beijing") stays.  On the tune audit sheets of seeds 7601-7803 all eleven such rows were read as no event."""
    token = c.token
    if token.lemma_.lower() not in INVITING_WORDS:
        return False
    if _audience_invitees(token):
        return True
    spectator, occasions = words("spectator_verbs"), words("social_occasions")
    return any(
        (t.pos_ == "VERB" and t.lemma_.lower() in spectator) or (t.pos_ != "VERB" and t.lemma_.lower() in occasions)
        for t in _invited_to(token)
    )


GERUND_NOUN_DEPS = frozenset({"acl", "pcomp", "pobj", "nsubj", "nsubjpass", "dobj", "appos"})
"""Places of a non-finite clause that is used as a noun ("the epidemic of officers killing people", "as a result of
police being shot"); a participle clause of a finite deed ("a bomb exploded, killing seven") is ``advcl``."""
ANCHOR_ENTITIES = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "PERSON", "ORG", "NORP"})
"""Entities that tie a clause to one occurrence: a place, a date, a count, a named party."""


def _bare_noun(noun: Token) -> bool:
    """A common noun with no determiner, possessor, number or name: "police", "unarmed black people"."""
    if noun.pos_ != "NOUN" or noun.ent_type_:
        return False
    return not any(
        ch.dep_ in ("det", "poss", "nummod", "predet") or ch.ent_type_ or ch.pos_ == "PROPN" for ch in noun.children
    )


def generic_situation(c: Any) -> bool:
    """Veto: "the epidemic of police officers killing unarmed black people", "divisions that grew out of police
    shootings and police being shot": a gerund clause used as a noun, whose parties are bare plurals or mass nouns
    and which names no place, date, count or party, is a kind of happening talked about, not one that happened.
    "Video showed soldiers beating a protester", "reports of troops killing civilians in Aleppo" (a determiner, a
    place) and "a bomb exploded, killing seven people" (a participle clause of a finite deed) stay."""
    token = c.token
    gerund = token.tag_ == "VBG" or (
        token.tag_ == "VBN" and any(ch.dep_ == "auxpass" and ch.lower_ == "being" for ch in token.children)
    )
    if token.pos_ != "VERB" or not gerund or token.dep_ not in GERUND_NOUN_DEPS:
        return False
    if any(ch.dep_ in ("aux", "mark") for ch in token.children):
        return False
    subjects = [ch for ch in token.children if ch.dep_ in ("nsubj", "nsubjpass")]
    if token.dep_ == "acl":
        subjects.append(token.head)
    if not subjects:
        return False  # "said after meeting government officials": the clause's own subject did it
    parties = subjects + [ch for ch in token.children if ch.dep_ in ("dobj", "dative")]
    parties = [p for party in parties for p in (party, *(ch for ch in party.children if ch.dep_ == "conj"))]
    if not all(_bare_noun(p) for p in parties):
        return False
    clause = list(token.subtree) + ([token.head] if token.dep_ == "acl" else [])
    return not any(t.ent_type_ in ANCHOR_ENTITIES or t.like_num for t in clause)


def _placed_clause(token: Token) -> Token:
    """The first verb of a coordination ("ways to attack and critique X": "critique" stands where "attack" does)."""
    while token.dep_ == "conj" and token.head.pos_ == "VERB":
        token = token.head
    return token


def _expletive_copula(verb: Token) -> bool:
    """ "It is (not) a good idea", "it would be a mistake", "it is disqualifying": a copula (or a predicate verb of
    judgement) with the empty subject "it" or "there"."""
    subjects = [ch for ch in verb.children if ch.dep_ in ("nsubj", "expl")]
    return any(s.lower_ in ("it", "there") and s.tag_ in ("PRP", "EX") for s in subjects)


def evaluated_deed(c: Any) -> bool:
    """Veto: "there are plenty of ways to attack the senator", "good reasons to reject the plan", "should not be a
    requirement for cooperating with the police", "any chance of threatening the mainland", "it is not a good idea
    to threaten the tax office", "it would be a mistake to attack Iran": a deed with no subject of its own, named
    only as what a way, a reason, a requirement or a chance is for, or judged in "it is ... to", is a kind of deed
    weighed in an opinion, not one anybody did.  A deed with its own subject ("the chance that Iran attacks"), a
    purpose clause of a real deed ("attacked the town to punish its residents") and a decision or plan ("the
    decision to attack", flagged by modality) stay.  On the tune audit sheets of seeds 7701-7803 readers marked
    five of six such rows no event (the sixth "right" only because it was flagged hypothetical)."""
    token = _placed_clause(c.token)
    if token.pos_ != "VERB" or token.tag_ not in ("VB", "VBG"):
        return False
    if any(ch.dep_ in ("nsubj", "nsubjpass", "csubj") for ch in token.children):
        return False
    head = token.head
    if token.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ in ("of", "for"):
        head = head.head
    elif token.dep_ not in ("acl", "relcl", "xcomp", "ccomp", "advcl"):
        return False
    if token.tag_ == "VB" and not any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in token.children):
        return False
    if head.pos_ == "NOUN" and head.lemma_.lower() in words("evaluative_frame_nouns"):
        return True
    return token.tag_ == "VB" and head.pos_ in ("AUX", "VERB") and head.lemma_ == "be" and _expletive_copula(head)
