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

from dataclasses import replace
from typing import Any

from spacy.tokens import Span, Token

from eventscope.events.arguments import agents_of_setting, clause_subjects
from eventscope.events.coded import CodedEvent, claimed_by, confidence, magnitudes
from eventscope.events.lexicon import Lexicon, TriggerEntry
from eventscope.events.magnitudes import RESULTATIVE_VERBS, count_people, killed_by_result, toll_phrases
from eventscope.events.modality import is_negated, modality_of
from eventscope.events.senses import vehicle_struck
from eventscope.records import Actor
from eventscope.vocabulary import word_map, words

CONFLICT_TYPE = "ASSAULT"
NO_CLAIMANT = frozenset({"no", "none", "nobody", "neither"})
"""Determiners and pronouns that deny a claim: "No group claimed responsibility"."""


# -- who was hurt ----------------------------------------------------------------------------------------------------


def is_victim_noun(token: Token) -> bool:
    """A counted noun ("two members", "eight") or a noun naming people ("villagers", "a farmer"); not one that
    denies any ("no one", "no security personnel")."""
    if token.pos_ not in ("NOUN", "PROPN", "NUM", "PRON"):
        return False
    if token.lower_ in ("nobody", "none", "noone") or any(c.lower_ == "no" for c in token.children):
        return False  # "no one was injured", "no security personnel were hurt": nobody was hurt
    if token.pos_ == "PRON":
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
    sizes = magnitudes(token, entry.event_type)
    return CodedEvent(
        entry=entry,
        trigger=token,
        trigger_end=token.idx + len(token.text),
        sentence=state.sentence,
        actor1=source,
        actor2=target,
        claimed_by=claim,
        negated=is_negated(token),
        modality=modality_of(token),
        confidence=confidence(token, source, target, claim),
        dead=sizes.get("dead"),
        injured=sizes.get("injured"),
        size=sizes.get("size"),
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
    """Generator: casualty verbs dropped only for lack of a known actor, with counted or human victims.  A verb also
    read in another sense ("Fiery crash kills three", "Storm kills two": a road accident, a natural force, recorded
    beside the missing actor) stays dropped: that sense is why it reports no attack, not its missing attacker."""
    anonymous = {i for i, name in state.vetoed if name == "anonymous_actors"}
    anonymous -= {i for i, name in state.vetoed if name != "anonymous_actors"}
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
    if not any(e.entry.event_type == CONFLICT_TYPE for e in events) and CONFLICT_TYPE not in _conflict_coded(state):
        events.extend(_resultative_killings(state)[:1])  # "was axed to death": one killing per sentence
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


FIGHT_NOUNS = frozenset({"encounter", "crossfire", "cross-firing", "gun-battle", "exchange"})
"""Nouns that are a fight only as the setting of a death or an injury: "died in an encounter with the police"
(South Asian English), "killed in crossfire" (a chance encounter kills nobody)."""


def _in_attack(verb: Token, lexicon: Lexicon) -> bool:
    """ "died *in a blast*", "martyred *in an attack*", "succumbed *to his injuries*", "was martyred and another
    injured *in a blast*" (the setting written once for both conjuncts)."""
    heads = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    if any(c.dep_ == "dobj" and c.lemma_.lower() in words("injury_nouns") for c in verb.children):
        return True  # "succumbed to bullet injuries" read with "injuries" as the object
    for prep in (p for h in heads for p in h.children):
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "during", "to", "from", "of"):
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj":
                continue
            hit = lexicon.lookup(noun)
            if (hit is not None and hit[0].event_type == CONFLICT_TYPE) or noun.lemma_.lower() in words(
                "injury_nouns"
            ) | FIGHT_NOUNS:
                return True
    return False


HURT_WINDOW = 2
"""Sentences before a death that may tell the attack or injury behind it: a report tells the toll next to the
attack; a death far down a long article ("Kunz died in 2009") is not that attack's toll."""


def _window_start(token: Token, sentences: int) -> int:
    """The first token of the ``sentences`` sentences before the token's own."""
    start = token.sent.start
    for _ in range(sentences):
        if start == 0:
            break
        start = token.doc[start - 1].sent.start
    return start


def _hurt_before(verb: Token, lexicon: Lexicon) -> bool:
    """ "The headmaster who was injured in an attack ... died at hospital", "... opened fire. The soldier died on
    the spot": a death told after the attack or the injury that caused it (its relative clause or one of the
    ``HURT_WINDOW`` sentences before) is that attack's toll."""
    subjects = clause_subjects(verb)[0]
    if any(
        c.dep_ == "relcl" and (c.lemma_.lower() in words("victim_verbs") or _in_attack(c, lexicon))
        for s in subjects
        for c in s.children
    ):
        return True
    for token in verb.doc[_window_start(verb, HURT_WINDOW) : verb.sent.start]:
        hit = lexicon.lookup(token)
        if hit is not None and hit[0].event_type == CONFLICT_TYPE and not is_negated(token):
            return True
        if token.lemma_.lower() in words("injury_nouns") or token.lemma_.lower() in ("injure", "wound"):
            return True
    return False


def _after_a_crash(verb: Token) -> bool:
    """ "The car left the road and struck several trees.  The driver was thrown from the vehicle and died at the
    scene": a death or an injury told after a road, rail or air accident (its sentence or the ``HURT_WINDOW``
    sentences before name a crash or a wreck, or a vehicle struck: "he then struck a parked van ... The mother
    suffered leg injuries") is the crash's, not an attack's toll, unless a weapon or an attack is named there too
    ("a car bomb", "gunmen ambushed the bus, which crashed")."""
    window = verb.doc[_window_start(verb, HURT_WINDOW) : verb.sent.end]
    lemmas = {t.lemma_.lower() for t in window} | {t.lower_ for t in window}
    if lemmas & (words("weapon_nouns") | words("attack_words")):
        return False
    return bool(lemmas & words("accident_words")) or any(vehicle_struck(t) for t in window if t.pos_ == "VERB")


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
        elif (
            token.pos_ == "VERB"
            and lemma in words("death_verbs")
            and (_in_attack(token, lexicon) or _hurt_before(token, lexicon))
        ):
            verb, field = token, "dead"
        else:
            continue
        entry = lexicon.words.get(("injure" if field == "injured" else "kill", "VERB"))
        subjects = [
            s
            for s in clause_subjects(verb)[0]
            if is_victim_noun(s)
            or state.actors.resolve_all([s])
            or s.lower_ in ("he", "she")
            or any(c.dep_ == "relcl" and c.lemma_.lower() in words("victim_verbs") for c in s.children)
        ]
        if entry is None or not subjects or is_negated(verb) or no_attack(verb):
            continue
        if _after_a_crash(verb):
            continue
        sizes = {}
        number = count_people(subjects[0])
        if number is not None:
            sizes[field] = number
        claim = claimed_by(token, state.actors, state.quotes)
        anchor = _attack_word(verb, token, lexicon)
        attackers = []
        if anchor.i != verb.i and anchor.pos_ == "VERB" and not clause_subjects(anchor)[1]:  # "as assailants exploded"
            attackers = state.actors.resolve_all(clause_subjects(anchor)[0])
        if not attackers and field == "dead":  # "died in a clash *with the police*"
            attackers = state.actors.resolve_all(agents_of_setting(verb, lexicon))
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
                        modality=modality_of(verb),
                        confidence=confidence(verb, source, target, claim),
                        dead=sizes.get("dead"),
                        injured=sizes.get("injured"),
                        size=sizes.get("size"),
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


# -- unnamed parties, agentless deeds --------------------------------------------------------------------------------

GROUP_NOUNS = frozenset(
    {
        "activist",
        "agitator",
        "assailant",
        "attacker",
        "blockader",
        "cadre",
        "community",
        "crowd",
        "demonstrator",
        "employee",
        "farmer",
        "follower",
        "group",
        "gunman",
        "hoodlum",
        "labourer",
        "laborer",
        "lawyer",
        "leader",
        "local",
        "man",
        "member",
        "men",
        "miscreant",
        "mob",
        "nurse",
        "parent",
        "people",
        "picket",
        "protester",
        "protestor",
        "resident",
        "rioter",
        "student",
        "supporter",
        "teacher",
        "trader",
        "union",
        "villager",
        "volunteer",
        "woman",
        "women",
        "worker",
        "youth",
        "youths",
        "corporator",
        "contractor",
        "driver",
        "organisation",
        "organization",
        "party",
        "relative",
        "committee",
        "association",
        "federation",
        "councillor",
    }
)
"""Heads of noun phrases naming people who act together ("INC leaders", "Activists of the MPP", "two communities",
"hartal supporters"): the knowledge base may not know them, yet they are the source of a protest, a riot or a
clash.  Kept here (not in data/vocabulary.json's person_nouns) because they license events without an identified
actor only in these conflict constructions."""
ARMED_NOUNS = frozenset(
    {
        "army",
        "force",
        "forces",
        "gunman",
        "insurgent",
        "jawan",
        "militant",
        "police",
        "policeman",
        "rebel",
        "soldier",
        "terrorist",
        "troop",
        "troops",
        "guerrilla",
        "maoist",
        "cadre",
    }
)
"""Unnamed parties that fight rather than protest: a word's PROTEST sense ("strike", "block") is not theirs."""
STAGING_VERBS = frozenset(
    {
        "announce",
        "begin",
        "bring",
        "call",
        "carry",
        "conduct",
        "continue",
        "enforce",
        "hold",
        "join",
        "launch",
        "lead",
        "mount",
        "observe",
        "organise",
        "organize",
        "resort",
        "stage",
        "start",
        "take",
        "go",
        "sit",
        "participate",
        "intensify",
        "spark",
        "trigger",
        "form",
    }
)
"""Verbs whose object (or "on"/"in"/"to" object) is a protest someone puts on: "staged a sit-in", "brought out a
procession", "went on strike", "called a hartal", "resorted to vandalism"."""
OCCURRENCE_VERBS = frozenset(
    {
        "break",
        "continue",
        "erupt",
        "hold",
        "observe",
        "occur",
        "spread",
        "stage",
        "take",
        "turn",
        "begin",
        "start",
        "enforce",
        "call",
        "paralyse",
        "paralyze",
        "cripple",
        "mark",
    }
)
"""Verbs of which a protest or clash is the subject (passive or not) when it just happens: "Protests were held in
X", "a clash broke out", "the hartal was observed", "clashes erupted"."""
VERB_FORMS = {"staged": "stage", "staging": "stage", "stages": "stage"}
"""Forms the small model lemmatises wrongly ("staged" -> "stag")."""
EXPLOSION_VERBS = frozenset({"explode", "blast", "blust", "burst", "detonate", "go", "land", "blow", "rock", "hit"})
"""Intransitive or passive verbs of a device going off: "two bombs went off", "a bomb was blasted"."""
THROWING_VERBS = frozenset(
    {"hurl", "throw", "lob", "blast", "explode", "detonate", "fire", "set", "plant", "trigger", "hit", "drop"}
)
"""Verbs whose object is a device used in an attack: "hurled crude bombs at", "threw grenades at"."""
EXPLOSIVE_NOUNS = frozenset(
    {
        "bomb",
        "cocktail",
        "ied",
        "grenade",
        "explosive",
        "explosives",
        "mine",
        "landmine",
        "device",
        "shell",
        "mortar",
        "rocket",
        "missile",
    }
)
"""Devices whose going off is an attack even with no attacker named (device_nouns less the events themselves)."""
PROPERTY_VERBS = frozenset({"torch", "vandalise", "vandalize", "burn", "ransack", "damage", "set", "loot", "destroy"})
"""Deeds against property that a riot or an attack does to vehicles, shops and offices."""
PROPERTY_NOUNS = frozenset(
    {
        "auto",
        "bike",
        "building",
        "bus",
        "car",
        "effigy",
        "house",
        "home",
        "jeep",
        "lorry",
        "microbus",
        "motorbike",
        "motorcycle",
        "office",
        "pole",
        "property",
        "rickshaw",
        "school",
        "shop",
        "store",
        "tower",
        "train",
        "truck",
        "van",
        "vehicle",
        "auto-rickshaw",
        "tempo",
        "kiosk",
        "market",
        "bridge",
        "transformer",
        "tanker",
        "coach",
        "compartment",
        "station",
        "camp",
        "outpost",
        "post",
        "showroom",
        "temple",
        "mosque",
        "church",
        "residence",
    }
)
"""Things a riot or an attack damages: the target of "five buses were torched"."""
FIRE_WORDS = frozenset({"fire", "ablaze", "alight", "afire", "torched"})


def _lemma(token: Token) -> str:
    return VERB_FORMS.get(token.lower_, token.lemma_.lower())


def _group_party(token: Token) -> bool:
    """ "INC leaders", "Activists of the MPP", "two communities", "BNP men": people acting together."""
    if token.pos_ == "PRON" or token.pos_ not in ("NOUN", "PROPN"):
        return False
    if token.ent_type_ in ("ORG", "NORP") or token.pos_ == "PROPN":
        return True
    lemma = token.lemma_.lower()
    return (
        lemma in GROUP_NOUNS
        or lemma in words("victim_nouns")
        or lemma in words("crowd_nouns")
        or lemma in words("person_nouns")
    )


def _doer(token: Token, entry: TriggerEntry) -> bool:
    """Who may do the deed with no known identity: any noun phrase protests ("Nurses staged a demonstration"),
    only a group of people clashes or riots ("two communities clashed", not "the storm attacked")."""
    if entry.event_type == "PROTEST":
        return token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() not in EXPLOSIVE_NOUNS
    return _group_party(token)


def _agents(verb: Token) -> list[Token]:
    return [n for a in verb.children if a.dep_ == "agent" for n in a.children if n.dep_ == "pobj"]


def _coded_triggers(state: Any) -> set[int]:
    """Trigger tokens the lexicon generator coded (candidates not vetoed)."""
    vetoed = {i for i, _ in state.vetoed}
    return {t.i for t, _, _, _ in state.candidates if t.i not in vetoed}


def _party_event(
    state: Any, token: Token, entry: TriggerEntry, source: Token | None, target: Token | None, rule_name: str
) -> CodedEvent:
    src = (state.actors.resolve_all([source]) or [state.actors.span_actor(source)])[0] if source is not None else None
    tgt = None
    if target is not None:
        tgt = (state.actors.resolve_all([target]) or [state.actors.span_actor(target)])[0]
    if src is None:
        claimed = _claimed_sources(state)
        src = claimed[0] if claimed else None
    return _event(state, token, entry, src, tgt, (rule_name,))


def _protest_entry(lexicon: Lexicon, entry: TriggerEntry, source: Token | None) -> TriggerEntry:
    """The word's PROTEST sense unless an armed party does it ("strike", "block")."""
    if entry.event_type == "PROTEST":
        return entry
    protest = next((s for s in lexicon.alternatives(entry) if s.event_type == "PROTEST"), None)
    if protest is None or (source is not None and source.lemma_.lower() in ARMED_NOUNS):
        return entry
    return protest


def _noun_host(noun: Token) -> tuple[Token | None, str]:
    """The verb a protest noun hangs on and how: ("object", staged) for "staged a protest"/"went on strike",
    ("subject", held) for "protests were held"/"a clash broke out", ("by", enforced) for "blockade enforced by X"."""
    node = noun
    while node.dep_ in ("conj", "compound", "nmod", "appos") and node.head is not node:
        node = node.head
    head = node.head
    if node.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("on", "in", "to", "into"):
        node, head = head, head.head
    if head.pos_ not in ("VERB", "AUX"):
        return None, ""
    lemma = _lemma(head)
    if node.dep_ in ("dobj", "prep") and lemma in STAGING_VERBS:
        return head, "object"
    if node.dep_ in ("nsubj", "nsubjpass") and lemma in OCCURRENCE_VERBS:
        return head, "subject"
    return None, ""


def _acl_agent(noun: Token) -> list[Token]:
    """ "the blockade enforced by the alliance", "a procession brought out by BNP activists"."""
    return [a for c in noun.children if c.dep_ == "acl" and c.pos_ == "VERB" for a in _agents(c)]


def _unnamed_parties(state: Any) -> list[CodedEvent]:
    """Generator: a protest, riot or clash dropped only because no actor resolved: its doers are an unnamed group
    ("INC leaders held a protest", "Two communities clashed", "hartal supporters torched two buses"), or the report
    names none ("Protests were held in Srinagar", "a blockade enforced by the alliance")."""
    dropped = {i for i, name in state.vetoed if name in ("anonymous_actors", "eventless_noun")}
    # a protest by residents or employees is no private matter: it is dropped as one only for its plain doers
    dropped |= {i for i, name in state.vetoed if name == "private_parties"} & {
        t.i for t, e, _, _ in state.candidates if e.event_type == "PROTEST"
    }
    # a word also read in another sense ("the flood fighting crews": a fight against a flood) stays dropped
    dropped -= {i for i, name in state.vetoed if name not in ("anonymous_actors", "eventless_noun", "private_parties")}
    lexicon = state.lexicon
    events: list[CodedEvent] = []
    hosts: set[int] = set()
    for token, entry, _, _ in state.candidates:
        if token.i not in dropped or entry.event_type not in ("PROTEST", "ASSAULT") or is_negated(token):
            continue
        if token.pos_ == "VERB" and token.lemma_.lower() in words("victim_verbs"):
            continue  # casualty_reports codes those
        if token.dep_ in ("compound", "amod", "nmod") and lexicon.lookup(token.head) is not None:
            continue  # "protest demonstrations", "sit-in protest": one happening, coded on the head
        source: Token | None = None
        target: Token | None = None
        if token.pos_ == "VERB":
            subjects, passive = clause_subjects(token)
            agents = _agents(token)
            if passive:
                source = agents[0] if agents else None
                target = subjects[0] if subjects else None
                if source is not None and not _doer(source, entry):
                    continue
                if source is None:
                    continue  # "buildings were attacked": nobody named (arson of property is ``burnt_property``'s)
            else:
                if not subjects or not _doer(subjects[0], entry):
                    continue
                source = subjects[0]
                objects = [c for c in token.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")]
                target = objects[0] if objects else None
        else:
            host, how = _noun_host(token)
            by = _acl_agent(token)
            if by:
                source = by[0]
            elif host is None or host.i in hosts:
                continue
            elif how == "object":
                subjects, passive = clause_subjects(host)
                found = _agents(host) if passive else subjects
                if found and not _doer(found[0], entry):
                    continue
                if not found and not passive:
                    continue
                # "the shooting sparked protests": the cause is no protester, and none is named
                caused = host.lemma_.lower() in words("causing_verbs")
                source = found[0] if found and not caused else None
            elif entry.event_type == "ASSAULT" and token.lemma_.lower() not in ("clash", "clashes"):
                continue  # "an attack took place": casualty and explosion rules read those
            if host is not None:
                hosts.add(host.i)
        if source is None and target is None and _retelling(token):
            continue  # "The clash took place when ...", "the rallies were held on Friday": told before
        kind = _protest_entry(lexicon, entry, source)
        events.append(_party_event(state, token, kind, source, target, "unnamed_party"))
    return events


def _device_verb(noun: Token) -> tuple[Token | None, bool]:
    """The verb a device goes off by and whether the device is its object ("hurled bombs") rather than its
    subject ("bombs went off", "bombs were exploded")."""
    node = noun
    while node.dep_ in ("conj", "appos") and node.head is not node:
        node = node.head
    head = node.head
    if node.dep_ == "pobj" and head.dep_ == "agent":
        return head.head, False  # "damaged by several small bombs"
    if head.pos_ not in ("VERB", "AUX") or head is node:
        return None, False
    lemma = _lemma(head)
    if node.dep_ == "nsubj" and lemma in EXPLOSION_VERBS:
        if lemma == "go" and not any(c.lower_ in ("off", "of") for c in head.children):
            return None, False
        if lemma == "blow" and not any(c.lower_ == "up" for c in head.children):
            return None, False
        return head, False
    if node.dep_ == "nsubjpass" and (lemma in EXPLOSION_VERBS or lemma in THROWING_VERBS) and not _agents(head):
        return head, False
    if node.dep_ == "dobj" and lemma in THROWING_VERBS:
        return head, True
    return None, False


def _explosions(state: Any) -> list[CodedEvent]:
    """Generator: "two bombs went off", "crude bombs were exploded", "pickets hurled bombs at a bus": a device going
    off or thrown is an attack (ASSAULT/explosives) with the thrower as source, else none."""
    entry = state.lexicon.words.get(("explode", "VERB"))
    if entry is None:
        return []
    coded = _coded_triggers(state)
    events: list[CodedEvent] = []
    seen: set[int] = set()
    for noun in state.sentence:
        if noun.pos_ not in ("NOUN", "PROPN") or noun.lemma_.lower() not in EXPLOSIVE_NOUNS:
            continue
        verb, thrown = _device_verb(noun)
        if verb is None or verb.i in seen or verb.i in coded or is_negated(verb) or no_attack(verb):
            continue
        seen.add(verb.i)
        source = None
        target = None
        if thrown:
            subjects, passive = clause_subjects(verb)
            if subjects and not passive and (subjects[0].pos_ == "PRON" or not _group_party(subjects[0])):
                continue  # "they hurled": whose deed an earlier sentence told
            source = subjects[0] if subjects and not passive else None
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in ("at", "on", "towards", "into", "targeting"):
                objects = [c for c in prep.children if c.dep_ == "pobj" and not _when(c)]
                if objects:
                    target = objects[0]
                    break
        if verb.dep_ != "ROOT" and verb.head.lemma_.lower() in PROPERTY_VERBS:
            target = next((c for c in clause_subjects(verb.head)[0]), target)  # "poles were damaged by bombs"
        if source is None and target is None and _retelling(noun):
            continue
        events.append(_party_event(state, verb, entry, source, target, "explosion"))
    return events


def _resultative_killings(state: Any) -> list[CodedEvent]:
    """ "A YSR Congress leader was axed to death", "four passengers were burnt alive": a violent deed whose result
    is a death is a killing (ASSAULT) of its victim, whatever the verb (events/magnitudes.py RESULTATIVE_VERBS);
    a casualty report like those of ``casualty_reports``."""
    entry = state.lexicon.words.get(("kill", "VERB"))
    coded = _coded_triggers(state)
    events: list[CodedEvent] = []
    for verb in state.sentence:
        if (
            entry is None
            or verb.pos_ != "VERB"
            or verb.i in coded
            or verb.lemma_.lower() not in RESULTATIVE_VERBS
            or not killed_by_result(verb)
            or is_negated(verb)
            or no_attack(verb)
        ):
            continue
        subjects, passive = clause_subjects(verb)
        hurt = subjects if passive else [c for c in verb.children if c.dep_ == "dobj"]
        hurt = [t for t in hurt if is_victim_noun(t) or t.ent_type_ == "PERSON" or state.actors.resolve_all([t])]
        if not hurt:
            continue
        doers = _agents(verb) if passive else subjects
        source = doers[0] if doers and doers[0].pos_ != "PRON" and _group_party(doers[0]) else None
        events.append(_party_event(state, verb, entry, source, hurt[0], "casualty_report"))
    return events


def _burnt_property(state: Any) -> list[CodedEvent]:
    """Generator: "five buses were torched", "assailants set alight five vehicles", "vandalised a good number of
    vehicles": arson or wreckage of property, by an unnamed group or nobody named (ASSAULT, or PROTEST/vandalize
    for the vandalising verbs)."""
    coded = _coded_triggers(state)
    dropped = {i for i, _ in state.vetoed}
    events: list[CodedEvent] = []
    torch = state.lexicon.words.get(("torch", "VERB"))
    for verb in state.sentence:
        lemma = verb.lemma_.lower()
        if verb.pos_ != "VERB" or lemma not in PROPERTY_VERBS or verb.i in coded or is_negated(verb):
            continue
        if lemma == "set" and not any(c.lower_ in FIRE_WORDS for c in verb.children):
            continue
        if lemma in ("damage", "destroy") or (lemma == "loot" and verb.i not in dropped):
            continue  # storms damage and destroy too: a device doing it is read by ``explosions``
        hit = state.lexicon.lookup(verb)
        entry = hit[0] if hit is not None and hit[0].event_type in ("ASSAULT", "PROTEST") else torch
        if entry is None:
            continue
        subjects, passive = clause_subjects(verb)
        things = subjects if passive else [c for c in verb.children if c.dep_ == "dobj"]
        if not things:
            things = [c for p in verb.children if p.dep_ == "prep" for c in p.children if c.dep_ == "pobj"]
        thing = next((t for t in things if t.lemma_.lower() in PROPERTY_NOUNS or t.lemma_.lower() == "number"), None)
        if thing is None:
            continue
        source = None
        if passive:
            agents = _agents(verb)
            source = agents[0] if agents and _group_party(agents[0]) else None
        elif subjects:
            if not _group_party(subjects[0]):
                continue
            source = subjects[0]
        events.append(_party_event(state, verb, entry, source, thing, "burnt_property"))
    return events


STRIKE_HOSTS = frozenset(
    {
        "call",
        "observe",
        "enforce",
        "join",
        "withdraw",
        "end",
        "continue",
        "begin",
        "stage",
        "announce",
        "launch",
        "hold",
        "go",
        "extend",
        "defy",
        "support",
        "postpone",
    }
)
"""Verbs whose object is a work stoppage: "called a 12-hour strike", "observed a general strike"."""


def labour_strike(candidate: Any, entry: TriggerEntry) -> TriggerEntry:
    """ "went on strike", "are on strike", "called a 12-hour strike", "a city-wide strike": a strike one goes on,
    calls or observes is a work stoppage (PROTEST/strike), whoever the strikers; an air or drone strike is a
    phrase of its own and stays an attack."""
    token = candidate.token
    if token.pos_ != "NOUN" or token.lemma_.lower() != "strike" or entry.event_type == "PROTEST":
        return entry
    protest = next((s for s in candidate.state.lexicon.alternatives(entry) if s.event_type == "PROTEST"), None)
    if protest is None:
        return entry
    node = token
    while node.dep_ == "conj" and node.head is not node:
        node = node.head
    head = node.head
    on_strike = (
        node.dep_ == "pobj"
        and head.lower_ == "on"
        and head.head.lemma_.lower() in ("go", "be", "remain", "stay", "sit", "continue")
    )
    hosted = node.dep_ in ("dobj", "nsubjpass") and _lemma(head) in STRIKE_HOSTS
    timed = any(
        c.dep_ in ("compound", "amod", "nummod")
        and any(w in c.lower_ for w in ("hour", "day", "wide", "indefinite", "token"))
        for c in token.children
    )
    return protest if on_strike or hosted or timed else entry


__all__ = [
    "labour_strike",
    "burnt_property",
    "fold_casualties",
    "casualty_reports",
    "explosions",
    "unnamed_parties",
    "claimants",
    "claimed_attacker",
    "deadly_outcome",
    "is_victim_noun",
    "misparsed_resultatives",
    "no_attack",
    "suffered_casualties",
    "victims",
]


TIME_NOUNS = frozenset({"day", "morning", "evening", "night", "afternoon", "noon", "week", "hour", "midnight", "dawn"})
DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def _when(token: Token) -> bool:
    """ "on Tuesday", "on the third day": a time, not what was attacked."""
    return token.ent_type_ in ("DATE", "TIME") or token.lemma_.lower() in TIME_NOUNS


def _retelling(noun: Token) -> bool:
    """ "The clash took place when...", "the bombs were hurled from a car": a definite agentless event or device
    after the note's first sentence points back at a happening already told."""
    definite = any(c.dep_ in ("det", "poss") and c.lower_ in DEFINITE | {"its", "their"} for c in noun.children)
    first = next(iter(noun.doc.sents)).start
    return definite and noun.sent.start != first


def _conflict_coded(state: Any) -> set[str]:
    """The families (ASSAULT, PROTEST) some other rule already codes in this sentence: a lexicon trigger that was
    not vetoed, or a casualty verb or injury that the casualty rules read."""
    vetoed = dict(state.vetoed)
    found: set[str] = set()
    for token, entry, _, _ in state.candidates:
        if token.i not in vetoed and entry.event_type in ("ASSAULT", "PROTEST"):
            found.add(entry.event_type)
        elif (
            entry.event_type == CONFLICT_TYPE
            and vetoed.get(token.i) == "anonymous_actors"
            and token.pos_ == "VERB"
            and token.lemma_.lower() in words("victim_verbs")
            and victims(token)
        ):
            found.add(CONFLICT_TYPE)
    for token in state.sentence:
        lemma = token.lemma_.lower()
        if (
            lemma in words("injury_nouns")
            and token.dep_ == "dobj"
            and token.head.lemma_.lower() in words("suffering_verbs")
        ) or (token.pos_ == "VERB" and lemma in words("death_verbs") and _in_attack(token, state.lexicon)):
            found.add(CONFLICT_TYPE)
    return found


def _background(token: Token) -> bool:
    """ "on the 11th day of the blockade", "in protest against", "during the hartal": a protest named as the
    circumstance of another deed, not as a deed of its own."""
    node = token
    while node.dep_ in ("conj", "compound", "amod", "nmod", "appos") and node.head is not node:
        node = node.head
    return node.dep_ == "pobj" and _noun_host(token)[0] is None


def _told_before(state: Any) -> set[str]:
    """The families (ASSAULT, PROTEST) an earlier sentence of the report already names with a trigger word, a
    casualty verb or a device: a later agentless or unnamed-party deed most often retells that happening."""
    doc = state.sentence.doc
    found: set[str] = set()
    for token in doc[: state.sentence.start]:
        lemma = token.lemma_.lower()
        hit = state.lexicon.lookup(token)
        if hit is not None and hit[0].event_type in ("ASSAULT", "PROTEST"):
            found.add(hit[0].event_type)
        elif lemma in EXPLOSIVE_NOUNS or lemma in words("death_verbs") or lemma in words("victim_verbs"):
            found.add(CONFLICT_TYPE)
    return found


def _fallbacks(state: Any) -> list[CodedEvent]:
    """The events of the three fallback generators below, one happening per family and sentence: nothing of a
    family some other rule codes here ("two workers were injured as assailants hurled a bomb" is the casualty
    report's) or an earlier sentence already told; of the rest the first with a named doer (arson, thrown device,
    unnamed group), else the first.  A protest named only as the circumstance of the sentence ("on the 33rd day of
    the blockade enforced by X") is coded when the sentence reports nothing else."""
    cached = getattr(state, "_conflict_fallbacks", None)
    if cached is not None:  # three generators share one computation per sentence
        return cached
    found = [*_burnt_property(state), *_explosions(state), *_unnamed_parties(state)]
    if not found:
        state._conflict_fallbacks = []
        return []
    taken = _conflict_coded(state) | _told_before(state)
    main = [e for e in found if not _background(e.trigger)]
    vetoed = {i for i, _ in state.vetoed}
    busy = bool(main) or any(t.i not in vetoed for t, *_ in state.candidates)
    kept: list[CodedEvent] = []
    for family in ("ASSAULT", "PROTEST"):
        mine = [e for e in (main if busy else found) if e.entry.event_type == family]
        if mine and family not in taken:
            kept.append(min(mine, key=lambda e: (e.dead is None, e.actor1 is None)))  # the toll, then the doer
    state._conflict_fallbacks = kept
    return kept


def unnamed_parties(state: Any) -> list[CodedEvent]:
    """Generator: a protest, riot or clash dropped only because no actor resolved: its doers are an unnamed group
    ("INC leaders held a protest", "Two communities clashed"), or the report names none ("Protests were held in
    Srinagar", "a blockade enforced by the alliance")."""
    return [e for e in _fallbacks(state) if e.rules == ("unnamed_party",)]


def explosions(state: Any) -> list[CodedEvent]:
    """Generator: "two bombs went off", "crude bombs were exploded", "pickets hurled bombs at a bus": a device going
    off or thrown is an attack (ASSAULT/explosives) with the thrower as source, else none."""
    return [e for e in _fallbacks(state) if e.rules == ("explosion",)]


def burnt_property(state: Any) -> list[CodedEvent]:
    """Generator: "five buses were torched", "assailants set alight five vehicles", "vandalised a good number of
    vehicles": arson or wreckage of property by an unnamed group, or by nobody named."""
    return [e for e in _fallbacks(state) if e.rules == ("burnt_property",)]


RESTRAINT_VERBS = words("restraint_verbs")
"""Verbs of a force holding people back (data/vocabulary.json): with the police or troops as subject and people as
object they are COERCE/restrict (PLOVER: "police pushed back protesters" is no crowd-control attack but a
restriction)."""
RESTRAINING_SECTORS = frozenset({"POL", "MIL"})


def crowd_restraints(state: Any) -> list[CodedEvent]:
    """Generator: "Security forces stopped the protesters from arriving", "Police prevented 60 members from
    protesting", "police had to intervene to pacify the agitators": an unnamed or named force of order restrains
    people (COERCE/restrict, police or troops -> the people). The verbs have other readings ("prevented an attack",
    "blocked the bill"), so the doer must be a police or military force and the object people, not a thing."""
    entry = state.lexicon.words.get(("restrict", "VERB"))
    if entry is None:
        return []
    coded = _coded_triggers(state)
    events: list[CodedEvent] = []
    for verb in state.sentence:
        lemma = verb.lemma_.lower()
        if verb.pos_ != "VERB" or lemma not in RESTRAINT_VERBS or verb.i in coded or is_negated(verb):
            continue
        subjects, passive = clause_subjects(verb)
        doers = _agents(verb) if passive else subjects
        forces = [a for a in state.actors.resolve_all(doers[:1]) if a.sector in RESTRAINING_SECTORS]
        if not forces:
            continue
        if passive:
            held = subjects
        elif lemma == "intervene":  # "intervened to pacify the agitators": whom the purpose clause names
            held = [o for x in verb.children if x.dep_ in ("xcomp", "advcl") for o in x.children if o.dep_ == "dobj"]
        else:
            held = [c for c in verb.children if c.dep_ == "dobj"]
        people = [a for a in state.actors.resolve_all(held[:1]) if a.sector not in STATE_SECTORS]
        if held and not people and _group_party(held[0]) and held[0].pos_ == "NOUN":  # "the agitators"
            people = [state.actors.span_actor(held[0])]
        if held and not people or not held and lemma != "intervene":
            continue  # a thing held back ("stopped the work"), or nobody named with a transitive verb
        restrict = replace(entry, lemma=lemma)
        events.append(_event(state, verb, restrict, forces[0], people[0] if people else None, ("crowd_restraint",)))
    return events


# -- one happening, one event ----------------------------------------------------------------------------------------

VICTIM_ONLY_RULES = frozenset({"casualty_report", "suffered_casualty"})


def fold_casualties(events: list[CodedEvent]) -> list[CodedEvent]:
    """ "A man was killed and ten others were injured in a clash between two groups": the victim-only ASSAULT
    events of a sentence (no source: casualty reports, one per victim) tell the toll of the attack the sentence
    codes, so they are folded into it: its dead and injured take the larger counts, its missing target the
    victim.  With no attacker named in the sentence the victim-only events fold into the first of them: one
    happening, one event."""
    by_sentence: dict[int, list[CodedEvent]] = {}
    for event in events:
        if event.entry.event_type == CONFLICT_TYPE and not event.negated:
            by_sentence.setdefault(event.sentence.start, []).append(event)
    replaced: dict[int, CodedEvent] = {}
    dropped: set[int] = set()
    for group in by_sentence.values():
        victim_only = [e for e in group if e.actor1 is None]
        hosts = [e for e in group if e.actor1 is not None] or victim_only[:1]
        # a state force among the victims ("two militants were killed and a soldier wounded") is a party of its
        # own: when no other event of the sentence names one, its event stays, for the record of who was hit
        state_hit = any(a is not None and a.sector in STATE_SECTORS for h in hosts for a in (h.actor1, h.actor2))
        folded = []
        for item in (e for e in victim_only if e not in hosts):
            if not state_hit and item.actor2 is not None and item.actor2.sector in STATE_SECTORS:
                state_hit = True  # the first state force hit keeps its event; the rest fold into the others
            else:
                folded.append(item)
        if not folded:
            continue
        for host in hosts:
            dead, injured, target = host.dead, host.injured, host.actor2
            for item in folded:
                dead = _combined(dead, item.dead)
                injured = _combined(injured, item.injured)
                target = target or item.actor2
            replaced[id(host)] = replace(host, dead=dead, injured=injured, actor2=target)
        dropped |= {id(e) for e in folded}
    dropped |= _restated_protests(events)
    dropped |= _protest_claims(events)
    kept = [replaced.get(id(e), e) for e in events if id(e) not in dropped]
    return _raised_tolls(kept)


def _raised_tolls(events: list[CodedEvent]) -> list[CodedEvent]:
    """ "With this, the death toll from the arson attack rises to five": a toll sentence updates the dead of the
    attack told before it (or, when the toll comes first, the first attack after it); the largest toll wins."""
    attacks = [e for e in events if e.entry.event_type == CONFLICT_TYPE and not e.negated]
    if not attacks:
        return events
    updated: dict[int, CodedEvent] = {}
    for sentence in attacks[0].trigger.doc.sents:
        toll = next((n for field, n in toll_phrases(sentence.root) if field == "dead"), None)
        if toll is None:
            continue
        before = [e for e in attacks if e.sentence.start <= sentence.start]
        target = before[-1] if before else attacks[0]
        current = updated.get(id(target), target)
        if current.dead is None or current.dead.value < toll.value:
            updated[id(target)] = replace(current, dead=toll)
    return [updated.get(id(e), e) for e in events]


def _restated_protests(events: list[CodedEvent]) -> set[int]:
    """ "Students protested by boycotting classes and holding a fast", "staged a dharna and burnt an effigy": the
    ways one crowd protests in one sentence are one protest, coded on the first word; a protest by other people or
    against someone else stays."""
    first: dict[tuple, CodedEvent] = {}
    dropped: set[int] = set()
    for event in events:
        if event.entry.event_type != "PROTEST" or event.negated:
            continue
        source = (event.actor1.start, event.actor1.end) if event.actor1 is not None else None
        key = (event.sentence.start, source)
        kept = first.get(key)
        if kept is None:
            first[key] = event
        elif kept.trigger.i != event.trigger.i and (
            event.actor2 is None or (kept.actor2 is not None and kept.actor2.start == event.actor2.start)
        ):
            dropped.add(id(event))
    return dropped


def _protest_claims(events: list[CodedEvent]) -> set[int]:
    """ "Workers staged a protest demanding higher pay", "farmers protested, urging the government to ...": a
    participle that modifies a protest says what the protest is for; the crowd made one protest, not a protest and
    a separate request.  The REQUEST folds into the PROTEST when it has no other source."""
    protests = {
        e.trigger.i: e for e in events if e.entry.event_type == "PROTEST" and not e.negated and e.trigger is not None
    }
    dropped: set[int] = set()
    for event in events:
        if event.entry.event_type != "REQUEST" or event.negated or event.trigger.tag_ not in ("VBG", "VBN"):
            continue
        if event.trigger.dep_ not in ("advcl", "acl", "xcomp", "conj"):
            continue
        head = event.trigger.head
        near = [head, *(c for c in head.children if c.dep_ in ("dobj", "attr", "pobj"))]
        host = next((protests[t.i] for t in near if t.i in protests), None)
        if host is None or host.sentence.start != event.sentence.start:
            continue
        if event.actor1 is None or host.actor1 is None or event.actor1.start == host.actor1.start:
            dropped.add(id(event))
    return dropped


STATE_SECTORS = frozenset({"MIL", "POL", "GOV"})


def _combined(a: Any, b: Any) -> Any:
    """Two counts of one sentence: the larger.  One toll is often read on several words of the sentence (each
    victim's event carries it), and a sum would count it twice; ACLED keeps the largest toll reported."""
    if a is None:
        return b
    if b is None:
        return a
    return b if b.value > a.value else a


# -- attacks from the air with no doer named ------------------------------------------------------------------------


def is_air_strike(noun: Token) -> bool:
    """ "airstrikes", "an air strike", "aerial bombardment", "air raids": a noun for an attack from the air, written
    as one word ("airstrike", "airraid") or as an attack noun after "air"/"aerial" (data/vocabulary.json)."""
    lemma = noun.lemma_.lower()
    if noun.pos_ not in ("NOUN", "PROPN") or lemma not in words("air_strike_nouns"):
        return False
    if lemma.startswith("air"):
        return True
    return any(c.dep_ in ("compound", "amod") and c.lower_ in words("air_strike_modifiers") for c in noun.children)


def by_air_strike(trigger: Token) -> bool:
    """An attack done by an air strike, whose doer the text leaves unnamed: the trigger is the air strike ("air
    strikes in the valley"), or its subject is ("airstrikes killed twelve militants"), or it happened in or by one
    ("twelve militants were killed in air strikes", "destroyed by an aerial bombardment").  Armies, not rebels, fly
    aircraft in the conflicts news reports, so the pipeline gives such an attack the air force of the state where
    it happened (``pipeline.IMPLIED_AIR_FORCE``), as ACLED codes it."""
    if is_air_strike(trigger):
        return True
    for child in trigger.children:
        if child.dep_ == "nsubj" and is_air_strike(child):
            return True
        by_or_in = child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ in ("in", "by", "during"))
        if by_or_in and any(p.dep_ == "pobj" and is_air_strike(p) for p in child.children):
            return True
    return False


def in_security_operation(trigger: Token) -> bool:
    """A deed done "in" or "during" a security operation whose doer the text leaves unnamed: "four militants were
    killed in an intelligence-based operation" (an "operation" needs a word that makes it a security one: surgery
    is an operation too), "two Maoists died in an encounter" (South Asian usage: a shootout
    with the police or troops), "killed during a crackdown" (``security_operation_nouns``).  An operation with an
    owner ("a Taliban operation", "the rebels' crackdown") or a side named ("an encounter with militants") is not
    one: the coder resolves those doers itself (``arguments.agents_of_setting``)."""
    for prep in trigger.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "during"):
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj" or noun.lemma_.lower() not in words("security_operation_nouns"):
                continue
            owned = any(
                c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "ORG", "GPE"))
                for c in noun.children
            )
            sided = any(c.dep_ == "prep" and c.lower_ in ("with", "by") for c in noun.children)
            if owned or sided:
                continue
            if noun.lemma_.lower() != "operation" or any(_security_modifier(c) for c in noun.children):
                return True
    return False


def _security_modifier(token: Token) -> bool:
    """ "a *search* operation", "an *intelligence based* operation", "an *anti-Maoist* operation": a word that makes
    an operation a security one, not surgery (``security_operation_modifiers``)."""
    if token.dep_ not in ("amod", "compound", "npadvmod", "nmod"):
        return False
    return any(t.lower_ in words("security_operation_modifiers") or t.lower_.startswith("anti") for t in token.subtree)
