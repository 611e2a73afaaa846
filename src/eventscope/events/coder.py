"""The syntactic PLOVER coder: trigger lexicon + dependency arguments + modality.

A trigger (verb, event noun or two-word phrase from ``data/triggers.tsv``) gives the type and
mode; the parse gives the source (subject, passive agent, controller of an infinitive, possessor
of an event noun) and the target (object, passive subject, prepositional object, the noun a
participle modifies).  Coordinated actors yield one event each.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from eventscope.events.lexicon import Lexicon, TriggerEntry, load_relations
from eventscope.events.modality import REPORTING_VERBS, is_negated, modality_of, reporting_head
from eventscope.events.ontology import load_ontology
from eventscope.records import Actor, Magnitude, Quote

TARGET_PREPS = {"with", "on", "against", "to", "for", "at", "toward", "towards", "into", "upon", "from"}
"""Prepositions whose object can be the target when there is no direct object."""
LIGHT_VERBS = {"launch", "carry", "conduct", "stage", "hold", "sign", "impose", "mount", "make", "give", "provide",
               "offer", "issue", "announce", "begin", "start", "continue", "lead", "organize", "organise",
               "reiterate", "reaffirm", "express", "voice", "extend"}
"""Verbs whose event-noun object is the real trigger ("launched an attack on", "imposed sanctions", "reiterates
its support for")."""
PARTICIPATION_VERBS = {"join", "go", "take", "attend", "enter", "begin", "start", "stage", "hold", "lead"}
"""Verbs whose subject takes part in an event noun: "joined protests", "went on strike", "took part in talks"."""


def is_light_verb(verb: Token) -> bool:
    """Lemma or inflected form: the small model lemmatises "staged" as "stag"."""
    return verb.lemma_.lower() in LIGHT_VERBS or verb.lower_ in _LIGHT_VERB_FORMS


_LIGHT_VERB_FORMS = {form for v in LIGHT_VERBS for form in (v + "d", v + "ed", v + "s", v + "ing", v[:-1] + "ing")}
VERBAL_COMMITMENT = {"AGREE", "THREATEN", "REQUEST", "REJECT", "ACCUSE", "SUPPORT"}
"""Verbal types whose complement is the promised/threatened/demanded deed, never coded as done."""
CONTROL_VERBS = {"order", "command", "instruct", "direct", "authorize", "authorise", "send", "dispatch", "task",
                 "deploy", "help", "continue", "begin", "start", "try", "attempt", "manage", "resume"}
"""Verbs that pass their object or subject to an infinitive deed ("ordered forces to take control of X"):
the deed is coded with the controlled actor, and the verb itself is no separate event."""
MATERIAL_MEANS = {"funding", "fund", "money", "weapon", "arm", "training", "equipment", "ammunition", "supply",
                  "cash", "loan", "aid", "food", "medicine", "troop", "advisor", "adviser"}
"""Means that turn verbal SUPPORT into material AID ("support militias with funding and weapons")."""
ARMED_SECTORS = {"MIL", "REB", "MILITIA"}
DENIAL_VERBS = {"deny"}
"""Verbs whose complement is the (negated) event itself: PLOVER codes a denial as the act, negated."""
QUANTITY_HEADS = {"thousand", "hundred", "dozen", "million", "score", "number", "group", "crowd", "band"}
"""Heads of "thousands of protesters": the actor is the "of" object."""
ACTOR_OBJECT_TYPES = {"CONSULT"}
"""Types whose direct object must be an actor: "met little resistance" is no meeting."""
CASUALTY_VERBS = {"kill": "dead", "die": "dead", "slay": "dead", "injure": "injured", "wound": "injured",
                  "hurt": "injured"}
PERSONAL_PRONOUNS = {"i", "me", "we", "us", "you", "he", "him", "she", "her", "they", "them"}
"""Pronouns kept as actors when coreference finds no antecedent: re3d marks the pronoun span itself as the
party ("Anas tells *me*", "*we* must defeat ISIL"), so an unresolved pronoun is still a usable dyad end."""
POSSESSIVE_PRONOUNS = {"my", "our", "your", "his", "her", "its", "their"}
BINDING_POSSESSIVES = {"his", "her", "its", "their"}
"""Third-person possessives bind to a same-sentence owner; "our"/"my" are the speaker and keep their span."""
PERSON_NOUNS = {"counterpart", "partner", "ally", "official", "representative", "envoy", "delegation", "delegate",
                "colleague", "man", "woman", "men", "women", "girl", "boy", "child", "children", "civilian", "people",
                "resident", "villager", "family", "student", "musician", "fighter", "militant", "insurgent", "sniper",
                "terrorist", "member", "leader", "commander", "tribesman", "militiaman", "tribesmen",
                "militiamen", "jet", "aircraft", "regime",
                "coalition", "government", "force", "troop", "soldier", "army", "police", "tribunal", "court",
                "council", "minister", "secretary", "president", "journalist", "reporter", "conference", "hostage",
                "refugee", "survivor", "group", "organisation", "organization", "authority", "opposition",
                "personnel", "spokesman", "spokeswoman", "spokesperson", "marine", "battalion", "brigade", "militia",
                "ministry", "agency", "businessman", "businessmen", "state", "country", "nation"}
"""Common nouns that name people or groups: kept as actors (their own span) when the knowledge base has no
entry, so "told *a news conference*", "meeting *their French counterparts*" still give a dyad (re3d)."""
PLACE_NOUNS = {"city", "town", "village", "street", "area", "district", "neighbourhood", "neighborhood", "suburb",
               "school", "hospital", "market", "mosque", "church", "building", "bridge", "position", "base",
               "compound", "camp", "site", "airport", "convoy", "home", "house", "safehouse", "place", "line",
               "front", "checkpoint", "port", "headquarters", "office", "embassy", "territory", "region", "province"}
"""Targets of violence that are places or things: PLOVER's recipient of an ASSAULT may be "a village in
Sagaing" (GUIDELINES.md), and re3d's FightingAgainst marks them too ("striking Sabboura", "bombed a school")."""
PLACE_TARGET_TYPES = {"ASSAULT", "COERCE"}
TOPIC_OBJECT_VERBS = {"discuss", "negotiate", "mediate", "hold", "tell", "update", "brief", "inform", "ask"}
"""CONSULT verbs whose object is a topic ("discussed co-operation"): the actor-object check does not apply."""
COMMUNICATION_VERBS = {"tell", "speak", "quote", "inform", "brief", "update", "join"}
"""Verbs that are an event only with a recipient: "X told Y" is communication, "X told reporters" too, but a
bare "he spoke" is not a dyad."""
STATIVE_PASSIVES = {"commit", "determine", "prepare", "dedicate", "resolve", "encourage", "engage", "involve"}
"""Participles that read as states of their subject: "the UK is committed to ..." is the UK's pledge."""
CONFLICT_DEEDS = {"ASSAULT", "COERCE", "SANCTION"}
"""Deeds coded (as ``future``) under a pledge: "committed to defeating ISIL" -> ASSAULT, per GUIDELINES.md
("future conflict deeds: the deed's type with modality future"); cooperative deeds stay inside the AGREE."""
ATTITUDE_TYPES = {"SUPPORT", "ACCUSE", "REJECT"}
"""Verbal stances whose object may be a deed or document standing for its author (see ``_owners``)."""
AUTHORED_NOUNS = {"decision", "report", "statement", "summary", "announcement", "call", "move", "policy", "action",
                  "remark", "comment", "speech", "leadership", "effort", "conduct", "behaviour", "behavior"}
"""Acts and documents whose "of" object is their author: "encouraged by the decision of X" likes X."""
SUPPORT_VERBS = {"support", "help", "assist", "back", "aid", "join", "train", "arm", "equip", "stand"}
"""Verbs whose object is helped in a struggle: "supported the Iraqi forces in their fight against Y"."""
RECIPROCAL_TYPES = {"CONSULT"}
"""Coordinated subjects with no target meet each other: "the Prime Minister and President Hollande met"."""
JOINT_FAMILIES = {"material_conflict", "material_cooperation"}
"""Deeds whose coordinated actors are partners: re3d marks "X, Y and Z launched the offensive" as AlliesOf."""
FEELINGS = {"encourage": "SUPPORT", "encouraged": "SUPPORT", "please": "SUPPORT", "pleased": "SUPPORT",
            "hearten": "SUPPORT", "heartened": "SUPPORT", "delight": "SUPPORT", "delighted": "SUPPORT",
            "appal": "ACCUSE", "appall": "ACCUSE", "appalled": "ACCUSE", "alarm": "ACCUSE", "alarmed": "ACCUSE",
            "concern": "ACCUSE", "concerned": "ACCUSE", "dismay": "ACCUSE", "dismayed": "ACCUSE",
            "shock": "ACCUSE", "shocked": "ACCUSE", "horrify": "ACCUSE", "horrified": "ACCUSE",
            "outrage": "ACCUSE", "outraged": "ACCUSE", "disgust": "ACCUSE", "disgusted": "ACCUSE",
            "sadden": "ACCUSE", "saddened": "ACCUSE", "disturb": "ACCUSE", "disturbed": "ACCUSE"}
"""Feelings about another's deed ("X is encouraged by the decision of Y", "appalled by the attack by Y"): the
one feeling likes (SUPPORT) or disapproves of (ACCUSE) the deed's author (re3d's dyad evaluation: Likes and
Dislikes between the experiencer and the author)."""
FEELING_PREPS = {"by", "at", "with", "about", "over"}
MUTUAL_LEMMAS = {"war", "battle", "fight", "fighting", "clash", "conflict", "skirmish"}
CROWD_NOUNS = {"protester", "demonstrator", "people", "supporter", "marcher", "worker", "student", "activist",
               "soldier", "troop"}


@dataclass
class CodedEvent:
    """An event found in one sentence, before places, dates and merging are added."""

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


class ActorLookup(Protocol):
    """What the coder needs from the actors stage (``DocumentActors``)."""

    def resolve(self, span: Span) -> Actor | None: ...

    def resolve_token(self, token: Token) -> Actor | None: ...


class EventCoder:
    """Codes every sentence of a parsed document into ``CodedEvent`` records."""

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
        events: list[CodedEvent] = []
        for sentence in doc.sents:
            if any(start <= sentence.start_char < end for start, end in skip_ranges):
                continue
            if not sentence.text.strip():
                continue
            events.extend(self._code_sentence(sentence, resolve, quotes))
        return events

    def _code_sentence(self, sentence: Span, resolve: ActorLookup, quotes: Sequence[Quote]) -> list[CodedEvent]:
        found: list[CodedEvent] = []
        suppressed: set[int] = set()
        candidates: list[tuple[Token, TriggerEntry, Token | None]] = []
        parties: list[tuple[Token, TriggerEntry]] = []
        relations = load_relations()
        for token in sentence:
            hit = self.lexicon.lookup(token)
            if hit is not None:
                candidates.append((token, hit[0], hit[1]))
                continue
            relation = relations.get((token.lower_, token.pos_)) or relations.get((token.lemma_.lower(), token.pos_))
            if relation is None:
                continue
            if relation.kind == "party":
                parties.append((token, relation.entry))
            elif any(c.dep_ == "prep" and c.lower_ in relation.preps for h in _prep_holders(token) for c in h.children):
                candidates.append((token, relation.entry, None))
        trigger_ids = {token.i for token, _, _ in candidates}
        paired: set[tuple[int | None, int | None]] = set()
        for token, entry, partner in candidates:
            # a deed under a pledge/threat/demand is the verbal event's content, not an event
            commitment = _commitment_type(token, trigger_ids, self.lexicon)
            if entry.event_type not in VERBAL_COMMITMENT and commitment is not None and not _under_denial(token) \
                    and not (commitment == "AGREE" and entry.event_type in CONFLICT_DEEDS):
                suppressed.add(token.i)
                continue
            if token.pos_ == "NOUN" and not self._noun_is_event(token, entry, candidates):
                continue
            if token.lemma_.lower() in CONTROL_VERBS and any(c.dep_ == "xcomp" for c in token.children):
                continue
            if token.dep_ == "acl" and token.tag_ == "VBG" and _is_event_noun(token.head, relations):
                continue  # "campaigns targeting militias": the participle restates the campaign, no new event
            if token.lemma_.lower() in DENIAL_VERBS and _complement_triggers(token, trigger_ids):
                continue  # "denied sending weapons": the sending is coded, negated
            if entry.event_type in ACTOR_OBJECT_TYPES and token.lemma_.lower() not in TOPIC_OBJECT_VERBS \
                    and _has_non_actor_object(token, resolve):
                continue
            sources, targets = self._arguments(token, resolve, partner, entry)
            if token.lemma_.lower() in COMMUNICATION_VERBS and (
                    not targets or all(t.sector == "MED" for t in targets)):
                continue  # "told reporters" is a statement to the press, not a consultation
            entry = _retype(_protest_sense(entry, sources, self.lexicon), token, sources, targets)
            if token.pos_ == "NOUN" and not sources and not targets:
                continue
            reciprocal = len(sources) >= 2 and not targets and entry.event_type in RECIPROCAL_TYPES
            if self.favor == "precision" and not any(_informative(a) for a in sources + targets) \
                    and not (sources and targets) and not reciprocal:
                continue
            partners = _resolve_all(_co_actors(token), resolve)
            dyads: list[tuple[Actor | None, Actor | None, TriggerEntry]] = []
            if reciprocal:
                # "Karim and Sadiq met": each participant meets the other
                dyads.extend((a, b, entry) for i, a in enumerate(sources) for b in sources[i + 1:])
            else:
                dyads.extend((a, b, entry) for a in sources + partners or [None] for b in targets or [None])
            if _mutual(token) and sources:  # "a war with Israel", "battle between X and Y": both fight
                dyads.extend((b, a, entry) for a in sources for b in targets)
            if (self._family(entry) in JOINT_FAMILIES or entry.event_type in ("AGREE", "SUPPORT")) \
                    and _joint_deed(token):
                # coordinated actors of one deed act together: "X, Y and Z launched the offensive"
                joint = [a for a in sources + partners if a.start is not None]
                dyads.extend((a, b, _joint_entry(token)) for i, a in enumerate(joint) for b in joint[i + 1:]
                             if not _same_span(a, b))
            claimed_by = self._claimed_by(token, resolve, quotes)
            end_token = partner if partner is not None and partner.i > token.i else token
            magnitudes = _magnitudes(token, entry.event_type)
            theme = _theme(token, partner, resolve)
            modality = "future" if commitment == "AGREE" and entry.event_type in CONFLICT_DEEDS \
                else _modality(token, entry)
            for source, target, dyad_entry in dyads:
                if source is not None and target is not None and _same_actor(source, target):
                    target = None
                if dyad_entry is not entry:
                    key = _pair_key(source, target)
                    if key in paired:
                        continue
                    paired.add(key)
                found.append(
                    CodedEvent(
                        entry=dyad_entry,
                        trigger=token,
                        trigger_end=end_token.idx + len(end_token.text),
                        sentence=sentence,
                        actor1=source,
                        actor2=target,
                        claimed_by=claimed_by,
                        negated=is_negated(token),
                        modality=modality,
                        confidence=_confidence(token, source, target, claimed_by),
                        theme=theme if dyad_entry is entry else None,
                        **(magnitudes if dyad_entry is entry else {}),
                    )
                )
        found.extend(self._party_events(parties, sentence, resolve, paired))
        found.extend(self._compound_war_events(sentence, resolve))
        found.extend(self._feeling_events(sentence, resolve))
        return _dedupe(_fold_outcomes(found))

    def _family(self, entry: TriggerEntry) -> str | None:
        try:
            return load_ontology().family(entry.event_type)
        except (KeyError, ValueError):
            return None

    def _party_events(self, parties: list[tuple[Token, TriggerEntry]], sentence: Span, resolve: ActorLookup,
                      paired: set[tuple[int | None, int | None]]) -> list[CodedEvent]:
        """Alliances named by a relational word: "X and their Y allies", "allies of X", "allied militias"."""
        events: list[CodedEvent] = []
        for token, entry in parties:
            party_token, owner_tokens = _party_arguments(token)
            if party_token is None or not owner_tokens:
                continue
            party = _resolve_all([party_token], resolve)
            owners = _resolve_all(owner_tokens, resolve)
            for b in party[:1]:  # the owner likes / is allied with the party: "the UK ... its allies"
                for a in owners:
                    if _same_actor(a, b) or _same_span(a, b) or _pair_key(a, b) in paired:
                        continue
                    paired.add(_pair_key(a, b))
                    events.append(CodedEvent(
                        entry=entry, trigger=token, trigger_end=token.idx + len(token.text), sentence=sentence,
                        actor1=a, actor2=b, claimed_by=None, negated=False, modality="asserted",
                        confidence=_confidence(token, a, b, None)))
        return events

    def _feeling_events(self, sentence: Span, resolve: ActorLookup) -> list[CodedEvent]:
        """The experiencer of a feeling (the passive or copula subject) toward the author of its cause, see
        ``FEELINGS``.  The cause must be an actor or a deed/document with an author ("Y's decision", "the attack
        by Y"); reports *of* something have no author here and are skipped."""
        events: list[CodedEvent] = []
        for word in sentence:
            event_type = FEELINGS.get(word.lemma_.lower()) if word.pos_ in ("VERB", "ADJ") else None
            if event_type is None or word.dep_ not in ("ROOT", "acomp", "conj", "ccomp", "xcomp", "advcl"):
                continue
            subjects, passive = _subjects(word)
            if not passive and word.pos_ == "VERB" and word.dep_ != "acomp":
                continue  # "the attack shocked X": the experiencer is the object, left to the verb reading
            causes = [c for p in word.children if p.dep_ in ("agent", "prep") and p.lower_ in FEELING_PREPS
                      for c in p.children if c.dep_ == "pobj"]
            authors: list[Token] = []
            for cause in causes:
                if _resolve_argument(cause, resolve):
                    authors.append(cause)
                elif cause.lemma_.lower() != "report":
                    authors.extend(_owners(cause, attitude=True))
            sources = _resolve_all(_expand_conjuncts(subjects), resolve)
            targets = _resolve_all(authors, resolve)[:1]
            if not sources or not targets:
                continue
            entry = TriggerEntry(lemma=word.lemma_.lower(), pos="VERB", event_type=event_type,
                                 mode="disapprove" if event_type == "ACCUSE" else None,
                                 cameo="111" if event_type == "ACCUSE" else "051")
            for a in sources:
                for b in targets:
                    if _same_actor(a, b):
                        continue
                    events.append(CodedEvent(
                        entry=entry, trigger=word, trigger_end=word.idx + len(word.text), sentence=sentence,
                        actor1=a, actor2=b, claimed_by=None, negated=is_negated(word),
                        modality=_modality(word, entry), confidence=_confidence(word, a, b, None)))
        return events

    def _compound_war_events(self, sentence: Span, resolve: ActorLookup) -> list[CodedEvent]:
        """"the Iran-Iraq War", "the Israel-Hezbollah conflict": a hyphenated pair naming a war's two sides
        fight each other, both ways (re3d's dyad evaluation: FightingAgainst in war names)."""
        events: list[CodedEvent] = []
        for noun in sentence:
            if noun.pos_ not in ("NOUN", "PROPN") or noun.lemma_.lower() not in MUTUAL_LEMMAS:
                continue
            # "conflict" alone is no trigger (a conflict of interest), but "the X-Y conflict" is a war
            entry = self.lexicon.words.get((noun.lemma_.lower(), "NOUN")) or self.lexicon.words.get(("war", "NOUN"))
            sides = _hyphen_sides(noun)
            if entry is None or sides is None:
                continue
            # each name alone: the tagger often makes the whole "Iran-Iraq War" one event name
            left, right = (resolve.resolve(side.doc[side.i:side.i + 1]) for side in sides)
            if left is None or right is None or _same_actor(left, right):
                continue
            for a, b in ((left, right), (right, left)):
                events.append(CodedEvent(
                    entry=entry, trigger=noun, trigger_end=noun.idx + len(noun.text), sentence=sentence,
                    actor1=a, actor2=b, claimed_by=None, negated=False, modality=_modality(noun, entry),
                    confidence=_confidence(noun, a, b, None)))
        return events

    def _noun_is_event(self, noun: Token, entry: TriggerEntry,
                       candidates: list[tuple[Token, TriggerEntry, Token | None]]) -> bool:
        """An event noun counts unless a verb trigger of its own type (or a light verb) already governs it
        ("attacked with an attack", "launched an offensive").  Under another verb it is an event of its own:
        "welcomes the agreement between X and Y" is an agreement (re3d's dyad evaluation: CommWith)."""
        head = noun.head
        if noun.dep_ not in ("dobj", "pobj") or head.pos_ != "VERB":
            return True
        governing = next((e for t, e, _ in candidates if t.i == head.i), None)
        if governing is None:
            return True
        return governing.event_type != entry.event_type and not is_light_verb(head)

    def _arguments(self, trigger: Token, resolve: ActorLookup, partner: Token | None = None,
                   entry: TriggerEntry | None = None) -> tuple[list[Actor], list[Actor]]:
        if trigger.pos_ == "NOUN":
            source_tokens, target_tokens = _noun_arguments(trigger)
        else:
            source_tokens, target_tokens = _verb_arguments(trigger)
        sources = _resolve_all(source_tokens, resolve)
        targets = _resolve_all(target_tokens, resolve)
        between = _between(trigger) if trigger.pos_ == "NOUN" else []
        if len(between) == 1 and not sources:  # "agreement between Iraqi and Kurdish governments"
            members = _resolve_all(between, resolve)
            if len(members) >= 2:
                return members[:1], members[1:]
        if not targets:
            targets = _first_prep_targets(trigger, resolve)
        if not targets:  # "fought a war *with Israel*", "provided air support *for ground forces*"
            objects = [c for c in trigger.children if c.dep_ == "dobj" and c.i != (partner.i if partner else -1)]
            first = [o for obj in objects for o in _prep_objects(obj)][:1]
            targets = _resolve_all(_expand_conjuncts(first), resolve)  # "held talks with A, B and C"
        if not targets and entry is not None and entry.event_type in PLACE_TARGET_TYPES:
            targets = [a for t in target_tokens + _prep_objects(trigger) if (a := _place_actor(t, resolve))][:1]
        if not targets and partner is not None:  # "imposed sanctions on Belarus"
            targets = _first_prep_targets(partner, resolve)
        if not targets and entry is not None and entry.event_type not in ("CONSULT", "AGREE"):
            targets = _resolve_all([o for t in target_tokens + _prep_objects(trigger)
                                    for o in _owners(t, entry.event_type in ATTITUDE_TYPES)], resolve)[:1]
        return sources, [t for t in targets if not any(_same_actor(t, s) for s in sources)] or targets[:0]

    def _claimed_by(self, trigger: Token, resolve: ActorLookup, quotes: Sequence[Quote]) -> Actor | None:
        position = trigger.idx
        for quote in quotes:
            if quote.start <= position < quote.end and quote.speaker is not None and _reported(trigger.doc, quote):
                return quote.speaker
        head = reporting_head(trigger)
        if head is not None:
            speakers = _resolve_all(_subjects(head)[0], resolve)
            if head.lemma_.lower() == "accord":
                speakers = _resolve_all([c for c in head.children if c.dep_ == "pobj"] or
                                        [c for p in head.children for c in p.children if c.dep_ == "pobj"], resolve)
            return speakers[0] if speakers else None
        return None


def _verb_arguments(verb: Token) -> tuple[list[Token], list[Token]]:
    if verb.dep_ == "conj" and verb.head.dep_ in ("acl", "relcl") and verb.tag_ == verb.head.tag_:
        sources, targets = _verb_arguments(verb.head)  # "militias supported and funded by Iran"
        return sources, targets
    subjects, passive = _subjects(verb)
    sources: list[Token] = []
    targets: list[Token] = []
    if passive:
        targets.extend(subjects)
        sources.extend(_agents(verb) or _agents_of_setting(verb))
    else:
        sources.extend(subjects)
    for child in verb.children:
        if child.dep_ in ("dobj", "dative") and child.pos_ in ("NOUN", "PROPN", "PRON"):
            targets.append(child)
        elif child.dep_ == "dobj":
            targets.append(child)
    if not passive and not any(c.dep_ in ("dobj", "dative") for c in verb.children):
        # "to kill and injure innocent civilians": the last conjunct's object is shared by the earlier verbs
        later = [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]
        targets.extend(o for c in later[:1] for o in c.children if o.dep_ == "dobj")
    relative = [s for s in sources + targets if s.tag_ in ("WDT", "WP")]
    if relative and verb.dep_ == "relcl":  # "Hezbollah, *which* fought a war": the relative is the head noun
        sources = [verb.head if s in relative else s for s in sources]
        targets = [verb.head if s in relative else s for s in targets]
    elif verb.dep_ == "relcl" and sources and not passive and verb.head.pos_ in ("NOUN", "PROPN") \
            and not any(c.dep_ in ("dobj", "dative") for c in verb.children):
        targets.append(verb.head)  # object gap: "the young man *he met*", "one man I spoke to"
    if not sources and not passive and verb.dep_ in ("acl", "relcl"):
        if verb.tag_ == "VBN":  # "militias supported by Iran": the noun is the target
            targets.extend(_listed_before(verb.head))
            targets.append(verb.head)
            sources.extend(_agents(verb))
        elif any(c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in verb.children) or verb.dep_ == "acl" \
                or _plan_owners(verb):
            sources.extend(_plan_owners(verb) or [verb.head])
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head not in targets:
        targets.extend(_listed_before(verb.head))
        targets.append(verb.head)
        sources.extend(_agents(verb))
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        # "a stronghold of militias supported by Iran": the participle often attaches one noun too high
        targets.extend(c for p in verb.head.children if p.dep_ == "prep" and p.lower_ == "of"
                       for c in p.children if c.dep_ == "pobj")
    if not targets and any(c.dep_ == "xcomp" for c in verb.children):
        # "pledged to help the Iraqi government": the promised deed's object is the target
        targets.extend(o for x in verb.children if x.dep_ == "xcomp" for o in x.children
                       if o.dep_ in ("dobj", "dative"))
        # "help the Iraqi government restore ...": the helped party is the complement's subject
        targets.extend(o for x in verb.children if x.dep_ == "xcomp" for c in x.children if c.dep_ == "ccomp"
                       for o in c.children if o.dep_ == "nsubj")
    targets += [m for t in targets for m in _included(t)]
    if not targets:  # "pressed for Russia to use its influence": the subject of a "for ... to" clause
        targets.extend(s for c in verb.children if c.dep_ in ("advcl", "ccomp", "xcomp")
                       and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
                       for s in c.children if s.dep_ == "nsubj")
    return _expand_conjuncts(sources), _expand_conjuncts(targets)


def _included(noun: Token) -> list[Token]:
    """Named members of a group object: "killed 11 people, *including one hostage*" -- the member suffered the
    deed too (re3d's dyad evaluation: FightingAgainst marks the member as well as the group)."""
    return [c for p in noun.children if p.dep_ == "prep" and p.lower_ in ("including", "especially")
            for c in p.children if c.dep_ == "pobj"]


def _listed_before(subject: Token) -> list[Token]:
    """List members the parser left as ``dep`` before a subject ("About 30,000 personnel, Kurdish fighters and
    Shia militiamen, assisted by X, launched"): they share what the subject's participle says of it."""
    if subject.dep_ not in ("nsubj", "nsubjpass"):
        return []
    return [c for c in subject.head.children if c.dep_ == "dep" and c.pos_ in ("NOUN", "PROPN") and c.i < subject.i]


def _plan_owners(verb: Token) -> list[Token]:
    """"*The Coalition's* strategy to defeat ISIL", "in *its* efforts to defeat ISIL": an infinitive on a plan or
    resolve noun is carried out by the noun's possessor ("by"/"of" object), not by the noun (re3d's dyad
    evaluation: FightingAgainst with the actor in a possessive)."""
    noun = verb.head
    infinitive = verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if verb.dep_ not in ("acl", "relcl") or not infinitive or noun.pos_ != "NOUN" or noun.ent_type_ \
            or noun.lemma_.lower() in PERSON_NOUNS:
        return []
    owners = [c for c in noun.children if c.dep_ == "poss"]
    return owners or [c for p in noun.children if p.dep_ == "prep" and p.lower_ in ("of", "by")
                      for c in p.children if c.dep_ == "pobj"]


def _subjects(verb: Token) -> tuple[list[Token], bool]:
    """Subjects of the verb, inherited through coordination and control; and whether it is passive.

    A subject inherited by a controlled clause ("are committed *to defeating*") does not make that clause
    passive, and stative passives ("X is committed to", "determined to") have their subject as the actor.
    """
    node = verb
    controlled = False
    for _ in range(5):
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
        if subjects:
            own_passive = any(c.dep_ == "auxpass" for c in verb.children)
            passive = own_passive if controlled else any(c.dep_ == "nsubjpass" for c in subjects) or own_passive
            if node.lemma_.lower() in STATIVE_PASSIVES and not _agents(node) and \
                    (node is verb or not own_passive):
                passive = False
            first = min(s.i for s in subjects)
            # "About 30,000 personnel, Kurdish fighters and ... launched": list members the parser left as dep
            listed = [c for c in node.children if c.dep_ == "dep" and c.pos_ in ("NOUN", "PROPN") and c.i < first]
            return listed + [s for s in subjects if s.dep_ != "csubj"], passive
        if node.dep_ == "conj":
            node = node.head
            continue
        if node.dep_ in ("ccomp", "pcomp", "dobj") and node.tag_ == "VBG" and node.head is not node \
                and node.head.pos_ in ("VERB", "AUX"):
            node = node.head  # "Iran denied sending weapons": the gerund's subject is the head's
            continue
        if node.dep_ == "pcomp" and node.head.dep_ == "prep" and node.head.head.pos_ in ("VERB", "AUX", "ADJ"):
            node = node.head.head  # "are committed to defeating ISIL", "is ready for talking"
            if node.dep_ == "acomp":  # "are committed to": the copula holds the subject
                node = node.head
            controlled = True
            continue
        if node.dep_ == "acomp" and node.head is not node:
            node = node.head
            continue
        # a subjectless advcl is a participle even when tagged VBD
        if node.dep_ == "advcl" and node.tag_ in ("VBN", "VBD") and _described_noun(node) is not None:
            return [_described_noun(node)], False  # "support for ground forces, *focused on* defeating ISIL"
        if node.dep_ in ("xcomp", "advcl") and node.head is not node:
            controller = node.head
            objects = [c for c in controller.children if c.dep_ in ("dobj", "dative")]
            if node.dep_ == "xcomp" and objects:  # object control: "ordered forces to take"
                return objects, False
            node = controller
            continue
        break
    return [], any(c.dep_ == "auxpass" for c in verb.children)


def _described_noun(participle: Token) -> Token | None:
    """The object noun just before ", <past participle>" that the participle describes: "air support for ground
    forces, focused on defeating ISIL" (the parser attaches the participle to the main verb; re3d's dyad
    evaluation: FightingAgainst credited the support's givers instead of the forces)."""
    doc = participle.doc
    if participle.i < 2 or doc[participle.i - 1].text != "," or any(c.dep_.startswith("nsubj")
                                                                   for c in participle.children):
        return None
    noun = doc[participle.i - 2]
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ not in ("pobj", "dobj"):
        return None
    return noun


def _agents_of_setting(verb: Token) -> list[Token]:
    """"Ghadiya was killed in a raid *by US forces*", "in a raid *conducted by* X": a passive deed set in an
    agentive event noun shares its agent (re3d's dyad evaluation: FightingAgainst missed in passives)."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "during"):
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj" or not _is_event_noun(noun):
                continue
            found = [c for p in noun.children if p.dep_ == "prep" and p.lower_ == "by" for c in p.children
                     if c.dep_ == "pobj"]
            found += [a for v in noun.children if v.dep_ == "acl" and v.tag_ == "VBN" for a in _agents(v)]
            if found:
                return found
    return []


def _agents(verb: Token) -> list[Token]:
    """Passive agents ("by Iran"), shared by coordinated participles ("supported and funded by Iran")."""
    for candidate in (verb, *verb.conjuncts):
        found = [pobj for agent in candidate.children if agent.dep_ == "agent" for pobj in agent.children
                 if pobj.dep_ == "pobj"]
        if found:
            return found
    return []


def _noun_arguments(noun: Token) -> tuple[list[Token], list[Token]]:
    sources: list[Token] = []
    targets: list[Token] = []
    between = _between(noun)
    if between:  # "the battle / agreement between X and Y": the first party acts, the others receive
        parties = _expand_conjuncts(between)
        if len(parties) >= 2:
            return parties[:1], parties[1:]
    for child in noun.children:
        if child.dep_ == "poss" or (child.dep_ in ("amod", "compound") and child.ent_type_ in ("NORP", "GPE", "ORG")):
            sources.append(child)
        elif child.dep_ == "prep" and child.lower_ == "by":
            sources.extend(c for c in child.children if c.dep_ == "pobj")
        elif child.dep_ == "prep" and child.lower_ in ("on", "against", "with", "to", "for", "of"):
            targets.extend(c for c in child.children if c.dep_ == "pobj")
    host = _measured_noun(noun)
    head = host.head
    if not sources and host.dep_ == "dobj" and is_light_verb(head):
        sources.extend(_subjects(head)[0])
    if not sources:
        sources.extend(_participants(host))
    if not sources:
        sources.extend(_circumstance_subject(noun))
    beneficiaries = _supported_in(noun)
    if beneficiaries and all(s.pos_ == "PRON" for s in sources):
        sources = beneficiaries
    if not sources:
        sources.extend(_copula_subject(noun))
    if not targets:
        targets.extend(_copula_targets(noun))
    return _expand_conjuncts(sources), _expand_conjuncts(targets)


def _owners(thing: Token, attitude: bool) -> list[Token]:
    """Who a non-actor object belongs to: "destroying the scourge *of ISIL*"; for attitudes also the possessor
    or author: "welcomes *the Board's* report", "condemnation of *Assad's* policies", "the decision *of X*".

    An attitude toward a deed or document is an attitude toward its author (re3d's dyad evaluation: Likes and
    Dislikes are marked between the holder and the author).  Consultations and agreements are left out: their
    object is a topic ("discussed the future of Syria")."""
    if thing.pos_ != "NOUN" or thing.ent_type_:
        return []
    found = [c for c in thing.children if c.dep_ == "poss" and c.pos_ != "PRON"] if attitude else []
    # "of" names the author only after words for acts and documents ("the decision of X"); elsewhere it is
    # often the patient ("welcomes the liberation of Sinjar")
    preps = ("of", "by") if not attitude or thing.lemma_.lower() in AUTHORED_NOUNS else ("by",)
    found += [c for p in thing.children if p.dep_ == "prep" and p.lower_ in preps for c in p.children
              if c.dep_ == "pobj"]
    if attitude and found and found[0].pos_ == "NOUN" and not found[0].ent_type_:
        found = _owners(found[0], attitude) or found  # "condemnation of Assad's policies"
    return found


def _supported_in(noun: Token) -> list[Token]:
    """"support for X *in the fight against* Y", "helped X in its war on Y": X is the one fighting.

    The party helped in a struggle is its agent; a possessive pronoun on the struggle ("in *their* fight")
    refers to it too (re3d's dyad evaluation: FightingAgainst missed under supportive frames)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "in" or prep.head is prep:
        return []
    host = prep.head
    first = host
    while first.dep_ == "conj" and first.head is not first:
        first = first.head
    if host.pos_ in ("NOUN", "PROPN") and first.dep_ == "pobj" and first.head.lower_ in ("for", "of", "to") \
            and first.head.head.pos_ == "NOUN" and not _is_event_noun(host):
        # "support for the Government and the people *in their fight*": the phrase hangs on the helped party
        return sorted({first, *first.conjuncts}, key=lambda t: t.i)
    if host.pos_ == "NOUN":
        return [c for p in host.children if p.dep_ == "prep" and p.lower_ in ("for", "of", "to")
                for c in p.children if c.dep_ == "pobj"]
    if host.pos_ == "VERB" and host.lemma_.lower() in SUPPORT_VERBS:
        return [c for c in host.children if c.dep_ == "dobj"]
    return []


def _between(noun: Token) -> list[Token]:
    """Objects of "between", also when the phrase hangs on a participle ("the agreement reached between")."""
    holders = [noun, *(v for v in noun.children if v.dep_ == "acl" and v.tag_ == "VBN")]
    return [c for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ == "between"
            for c in p.children if c.dep_ == "pobj"]


def _measured_noun(noun: Token) -> Token:
    """The phrase an event noun is counted in: "held *a first round* of talks", "launched *a series* of raids"."""
    node = noun
    for _ in range(2):
        if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.pos_ == "NOUN":
            node = node.head.head
    return node


CIRCUMSTANCE_PREPS = {"after", "during", "following", "at", "before", "since"}
"""Prepositions placing an event noun around its clause's action: "Speaking after *a meeting with* X, Carter
said" -- Carter met X (re3d's dyad evaluation: CommWith).  "in" is left out: "killed in an attack" names the
victim, not the attacker."""


def _circumstance_subject(noun: Token) -> list[Token]:
    """The active clause subject for an event noun in a circumstantial phrase ("after a meeting with X")."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in CIRCUMSTANCE_PREPS or prep.head.pos_ not in ("VERB", "AUX"):
        return []
    subjects, passive = _subjects(prep.head)
    return [] if passive else subjects


def _participants(noun: Token) -> list[Token]:
    """"Workers went on strike", "thousands joined protests", "students took part in a rally": the subject
    of a participation verb takes part in the event noun."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ in ("on", "in"):
        verb = verb.head
        if verb.dep_ == "dobj" and verb.lower_ == "part":  # "took part in"
            verb = verb.head
    elif noun.dep_ != "dobj":
        return []
    if verb.pos_ != "VERB" or (verb.lemma_.lower() not in PARTICIPATION_VERBS and not is_light_verb(verb)):
        return []
    return _subjects(verb)[0]


def _copula_subject(noun: Token) -> list[Token]:
    """"X is (a key source of) support for Y": X is the source of the nominal event."""
    node = noun
    for _ in range(3):
        if node.dep_ == "attr" and node.head.lemma_ == "be":
            return [c for c in node.head.children if c.dep_ == "nsubj"]
        if node.dep_ in ("pobj", "prep", "attr"):
            node = node.head
            continue
        return []
    return []


def _copula_targets(noun: Token) -> list[Token]:
    """Targets attached to the noun's governing "source of ..." phrase ("source of support *for militias*")."""
    node = noun
    for _ in range(4):
        if node.dep_ not in ("pobj", "prep", "attr"):
            break
        node = node.head
        for prep in node.children:
            if prep.dep_ == "prep" and prep.lower_ in ("for", "to", "against", "on"):
                return [c for c in prep.children if c.dep_ == "pobj"]
    return []


MANNER_IDIOMS = {"shoulder", "side"}
"""Manner idioms that take the trigger's preposition: "stand *shoulder to shoulder* with Iraq", "fight *side by
side* with X" (re3d's dyad evaluation: Likes missed when "with" hangs on the idiom)."""


def _prep_holders(trigger: Token) -> list[Token]:
    """The trigger and the manner idioms whose prepositional phrases belong to it."""
    holders = [trigger]
    for child in trigger.children:  # "shoulder (to shoulder)": the idiom word, or the object of its "to"/"by"
        if child.lemma_.lower() in MANNER_IDIOMS or child.dep_ == "prep" and child.lower_ in ("to", "by"):
            words = [child] if child.lemma_.lower() in MANNER_IDIOMS else []
            words += [g for g in child.children if g.lemma_.lower() in MANNER_IDIOMS]
            holders.extend(words)
    return holders


def _prep_objects(trigger: Token) -> list[Token]:
    objects: list[Token] = []
    for child in (c for holder in _prep_holders(trigger) for c in holder.children):
        if child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
            objects.extend(c for c in child.children if c.dep_ == "pobj")
    return objects


def _first_prep_targets(trigger: Token, resolve: ActorLookup) -> list[Actor]:
    """The actors of the first target phrase that names any, with its coordinated objects and phrases:
    "held talks with A, B and C", "spoke to A and to B" -> one target each (re3d's dyad evaluation: CommWith
    missed all but the first of a coordinated list)."""
    for pobj in _prep_objects(trigger):
        prep = pobj.head
        objects = [pobj, *(c for p in prep.children if p.dep_ == "conj" and p.pos_ == "ADP"
                           for c in p.children if c.dep_ == "pobj")]
        actors = _resolve_all(_expand_conjuncts(objects), resolve)
        if actors:
            return actors
    return []


def _expand_conjuncts(tokens: Iterable[Token]) -> list[Token]:
    """"Iran and Syria" give one argument each (coordinated modifiers: see ``_resolve_argument``).

    Appositive lists count too: "The UK, the wider Coalition and the Government of Iraq" is parsed as an
    apposition holding a coordination; an apposition with no coordination renames its head and is skipped.
    """
    result: list[Token] = []
    for token in tokens:
        result.append(token)
        members = [t for t in token.conjuncts if t.i > token.i]
        members += [a for a in token.children if a.dep_ == "appos" and any(c.dep_ == "conj" for c in a.children)]
        for member in members:
            result.extend(t for t in [member, *(c for c in member.conjuncts if c.i > member.i)]
                          if t.pos_ in ("NOUN", "PROPN", "PRON"))
    seen: set[int] = set()
    unique = []
    for token in result:
        if token.i not in seen:
            seen.add(token.i)
            unique.append(token)
    return unique


def _resolve_all(tokens: Iterable[Token], resolve: ActorLookup) -> list[Actor]:
    actors: list[Actor] = []
    for token in tokens:
        for actor in _resolve_argument(token, resolve):
            if not any(_same_actor(actor, other) for other in actors):
                actors.append(actor)
    return actors


def _resolve_argument(token: Token, resolve: ActorLookup) -> list[Actor]:
    """One actor per coordinated modifier: "Iraqi and coalition forces" -> Iraqi forces, coalition forces."""
    if token.lemma_.lower() in QUANTITY_HEADS or token.like_num:
        members = [c for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                   for c in p.children if c.dep_ == "pobj"]
        if members:
            token = members[0]  # "thousands of protesters" -> protesters
    premodifiers = [c for c in token.children if c.dep_ in ("amod", "compound", "nmod") and c.i < token.i]
    # "Iraqi and Kurdistan Regional governments": the parser may hang the coordination on another modifier
    premodifiers += [g for c in premodifiers for g in c.children if g.dep_ in ("amod", "compound", "nmod")
                     and g.i < c.i]
    modifiers = [c for c in premodifiers if any(g.dep_ == "conj" for g in c.children)]
    if not modifiers or token.pos_ not in ("NOUN", "PROPN"):
        actor = _actor_for(token, resolve)
        return [_with_named_apposition(actor, token)] if actor is not None else []
    head = resolve.resolve(token.doc[token.i:token.i + 1])
    if head is None and token.lemma_.lower() not in PERSON_NOUNS and not any(
            resolve.resolve(token.doc[m.i:m.i + 1]) for first in modifiers
            for m in [first, *(c for c in first.children if c.dep_ == "conj")]):
        # "military, humanitarian and stabilisation planning": coordinated modifiers of a thing, not parties
        return []
    actors = []
    for first in modifiers:
        for modifier in [first, *(c for c in first.children if c.dep_ == "conj")]:
            own = resolve.resolve(token.doc[modifier.i:modifier.i + 1])
            start = first.left_edge.idx
            end = token.idx + len(token.text)
            # the span is the whole coordinated phrase; the name says which member this actor is
            actors.append(Actor(
                start=start, end=end, text=token.doc.text[start:end],
                name=own.name if own and own.name and own.sector else f"{modifier.text} {token.text}",
                country=(own.country if own else None) or (head.country if head else None),
                sector=(head.sector if head else None) or (own.sector if own else None),
            ))
    return actors


def _with_named_apposition(actor: Actor, token: Token) -> Actor:
    """Stretch a title's span over the name set beside it: "the Iraqi Foreign Minister, *Ibrahim al-Jaafari*".

    re3d marks the party at the name as often as at the title (dyad evaluation: CommWith "met the Minister, X",
    "One young girl, Islam, tells me"); one span covering both matches either.  Lists (an apposition holding a
    coordination) are separate parties and stay out."""
    if actor.start is None or actor.end is None:
        return actor
    names = [a for a in token.children if a.dep_ == "appos" and a.i > token.i and a.ent_type_ == "PERSON"
             and not any(c.dep_ == "conj" for c in a.children)]
    if not names:
        return actor
    doc = token.doc
    last = names[0].right_edge
    while last.i > names[0].i and (last.is_punct or last.dep_ in ("prep", "cc")):
        last = doc[last.i - 1]
    end = max(actor.end, last.idx + len(last.text))
    start = actor.start
    return replace(actor, end=end, text=doc.text[start:end])


WEAPON_NOUNS = {"missile", "rocket", "drone", "jet", "warplane", "aircraft", "helicopter", "tank", "artillery",
                "shell", "gunboat", "warship", "bomber", "fighter-jet", "mortar", "gunman", "sniper"}
"""Weapons that stand for the force firing them ("Russian missiles struck ...")."""


def _weapon_wielder(token: Token, resolve: ActorLookup) -> Actor | None:
    """"Russian missiles", "Israeli jets": the demonym or country modifier names the armed force."""
    for modifier in token.children:
        if modifier.dep_ in ("amod", "compound", "nmod", "poss") and modifier.i < token.i:
            owner = resolve.resolve(token.doc[modifier.i:modifier.i + 1])
            if owner is not None and owner.country:
                start = token.left_edge.idx
                end = token.idx + len(token.text)
                return Actor(start, end, token.doc.text[start:end], None, owner.country,
                             owner.sector if owner.sector in ARMED_SECTORS else "MIL")
    return None


def _actor_for(token: Token, resolve: ActorLookup) -> Actor | None:
    """The resolver's actor, with fallbacks that keep real parties the knowledge base does not know.

    A possessive pronoun binds to its clause's subject first ("the UK remains steadfast in *its* support"):
    the antecedent's span names the party.  An unresolved personal pronoun, named entity or person noun
    keeps its own span (re3d marks "me", "a news conference", "their French counterparts" as parties).
    """
    if token.lower_ in BINDING_POSSESSIVES and (token.tag_ == "PRP$" or token.dep_ == "poss"):
        bound = _bind_possessive(token, resolve)
        if bound is not None:
            return bound
    actor = resolve.resolve_token(token)
    if actor is not None:
        return actor
    low = token.lower_
    if token.pos_ == "PRON" and (low in PERSONAL_PRONOUNS or low in POSSESSIVE_PRONOUNS and low != "its"):
        return Actor(token.idx, token.idx + len(token.text), token.text, None, None, None)
    if token.ent_type_ in ("PERSON", "ORG", "NORP") or _acting_place_name(token) or _named_body(token) or (
            token.pos_ in ("NOUN", "PROPN") and (token.lemma_.lower() in PERSON_NOUNS or low in PERSON_NOUNS)):
        return _span_actor(token, resolve)
    if token.pos_ == "NOUN" and token.lemma_.lower() in WEAPON_NOUNS:
        wielder = _weapon_wielder(token, resolve)
        if wielder is not None:
            return wielder
    if token.pos_ == "NOUN" and _is_event_noun(token):  # "coalition air strikes": the actor inside the event
        for modifier in sorted(token.children, key=lambda c: -c.i):
            if modifier.dep_ in ("compound", "nmod") and modifier.i < token.i:
                actor = resolve.resolve_token(modifier)
                if actor is not None:
                    return actor
    return None


def _named_body(token: Token) -> bool:
    """A capitalised name the tagger missed but headed by a state or group name: "US Special Operations",
    "Jordanian 71st Battalion" (re3d's dyad evaluation: FightingAgainst agents left unresolved)."""
    return token.pos_ == "PROPN" and not token.ent_type_ and token.dep_ in ("pobj", "nsubj", "dobj", "conj") \
        and any(c.dep_ in ("compound", "amod") and c.ent_type_ in ("GPE", "NORP", "ORG") for c in token.children)


def _acting_place_name(token: Token) -> bool:
    """An unknown name the tagger calls a place but that is a verb's subject or object ("Sadiq told Karim"):
    small models tag unfamiliar person names GPE, and a place is never the teller or the one told.  Places in
    prepositional phrases are left to ``_place_actor`` (re3d's dyad evaluation: CommWith names missed as GPE)."""
    return token.ent_type_ == "GPE" and token.pos_ == "PROPN" and token.dep_ in ("nsubj", "dobj", "dative", "conj") \
        and token.head.pos_ in ("VERB", "AUX", "PROPN")


def _is_event_noun(token: Token, relations: dict | None = None) -> bool:
    from eventscope.events.lexicon import load_lexicon

    key = (token.lemma_.lower(), "NOUN")
    return token.pos_ == "NOUN" and (key in load_lexicon().words or bool(relations and key in relations))


def _span_actor(token: Token, resolve: ActorLookup) -> Actor:
    """An actor with no identity, spanning the noun phrase the resolver would use for ``token``."""
    span_of = getattr(resolve, "argument_span", None)
    span = span_of(token) if span_of is not None else token.doc[token.left_edge.i:token.i + 1]
    return Actor(span.start_char, span.end_char, span.text, None, None, None)


def _place_actor(token: Token, resolve: ActorLookup) -> Actor | None:
    """A place or facility attacked ("striking Sabboura", "bombed a school"): the recipient of violence."""
    if token.ent_type_ in ("GPE", "LOC", "FAC") or (token.pos_ == "NOUN" and token.lemma_.lower() in PLACE_NOUNS):
        return _span_actor(token, resolve)
    return None


def _bind_possessive(pronoun: Token, resolve: ActorLookup) -> Actor | None:
    """The same-sentence owner of "its/their/our ...": the nearest governing actor noun or clause subject.

    "Syrian forces and *their* allies" -> Syrian forces; "the Iraqi people in *their* fight" -> the Iraqi
    people; "the UK is working with *its* allies" -> the UK.  None leaves it to coreference.
    """
    owned = pronoun.head
    node = owned
    for _ in range(8):
        if node.head is node:
            break
        child, node = node, node.head
        if node.pos_ in ("VERB", "AUX") or (node.pos_ == "ADJ" and node.dep_ == "acomp"):
            verb = node.head if node.pos_ == "ADJ" else node
            subjects = [s for s in _subjects(verb)[0] if not (s.i <= pronoun.i <= s.right_edge.i and
                                                              s.left_edge.i <= pronoun.i)]
            for subject in subjects:
                actor = resolve.resolve_token(subject) if subject.pos_ != "PRON" else None
                if actor is not None:
                    return actor
            if verb.dep_ not in ("xcomp", "advcl", "conj", "acl", "relcl", "pcomp"):
                break
        elif node.pos_ in ("NOUN", "PROPN") and child.dep_ in ("prep", "conj") and \
                not (pronoun.lower_ == "its" and node.tag_ in ("NNS", "NNPS")):
            actor = resolve.resolve_token(node)
            if actor is not None:
                return actor
    return _preceding_antecedent(pronoun, resolve)


def _preceding_antecedent(pronoun: Token, resolve: ActorLookup) -> Actor | None:
    """The nearest earlier actor noun of the sentence that agrees in number ("the resolve of the international
    community in *its* determination"): the fallback when no governing subject binds the possessive (re3d's
    dyad evaluation: FightingAgainst with a possessive "its"/"their" source)."""
    for token in reversed(pronoun.doc[pronoun.sent.start:pronoun.i]):
        if token.pos_ not in ("NOUN", "PROPN") or token.dep_ in ("compound", "poss") or token.ent_type_ == "DATE":
            continue
        if token.ent_type_ in ("GPE", "LOC", "FAC") and token.head.lower_ in ("in", "at", "near", "from", "into"):
            continue  # "attacks in Paris": a setting, not an owner
        plural = token.tag_ in ("NNS", "NNPS")
        if (pronoun.lower_ == "its" and plural) or (pronoun.lower_ == "their" and not plural
                                                     and token.lemma_.lower() not in ("government", "coalition")):
            continue
        actor = resolve.resolve_token(token)
        if actor is not None:
            return actor
    return None


def _same_actor(a: Actor, b: Actor) -> bool:
    if a.name and b.name:
        return a.name == b.name
    return a.start is not None and a.start == b.start and a.end == b.end


ARMED_OR_STATE_SECTORS = {"MIL", "REB", "MILITIA", "POL", "GOV", "CRM", "IGO", "JUD", "LEG"}
"""Sources that can attack or coerce; any other known sector (workers, nurses, students, farmers, parties)
who "strike" or "block" is protesting."""


def _protest_sense(entry: TriggerEntry, sources: list[Actor], lexicon: Lexicon) -> TriggerEntry:
    """A word's PROTEST sense ("strike", "block") when its source is neither armed nor the state.

    Letting the learned model pick among a word's senses was measured too (plover dev: train micro-F1 +0.02,
    held-out -0.01): it only echoes its training sentences, so it is not used."""
    senses = lexicon.alternatives(entry)
    protest = next((sense for sense in senses if sense.event_type == "PROTEST"), None)
    if protest is None or entry.event_type == "PROTEST" or not sources:
        return entry
    if sources[0].sector is not None and sources[0].sector not in ARMED_OR_STATE_SECTORS:
        return protest
    return entry


def _retype(entry: TriggerEntry, trigger: Token, sources: list[Actor], targets: list[Actor]) -> TriggerEntry:
    """Verbal SUPPORT given with material means, or between armed actors, is AID."""
    if entry.event_type != "SUPPORT":
        return entry
    means = any(
        pobj.lemma_.lower() in MATERIAL_MEANS
        for prep in trigger.children if prep.dep_ == "prep" and prep.lower_ == "with"
        for pobj in prep.subtree if pobj.pos_ == "NOUN"
    )
    armed = any(s.sector in ARMED_SECTORS for s in sources) and any(t.sector in ARMED_SECTORS for t in targets)
    if means or armed:
        return replace(entry, event_type="AID", mode=None, cameo="070")
    return entry


def _dedupe(events: list[CodedEvent]) -> list[CodedEvent]:
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


def _fold_outcomes(events: list[CodedEvent]) -> list[CodedEvent]:
    """"The Israeli strike on Gaza killed 23 people": the killing is the strike's outcome, one event."""
    by_trigger = {event.trigger.i: event for event in events}
    kept: list[CodedEvent] = []
    for event in events:
        subject = next((c for c in event.trigger.children if c.dep_ == "nsubj"), None)
        host = by_trigger.get(subject.i) if subject is not None else None
        if host is None or host is event or event.trigger.pos_ != "VERB":
            kept.append(event)
            continue
        host.dead = host.dead or event.dead
        host.injured = host.injured or event.injured
        if host.actor2 is None and event.actor2 is not None:
            host.actor2 = event.actor2
    return kept


def _commitment_type(token: Token, trigger_ids: set[int], lexicon: Lexicon) -> str | None:
    """The type of the pledge/threat/demand whose complement holds the token, if any.

    "support for X *in* their fight against Y": a setting ("in", "during") is no complement, the fight is real."""
    node = token
    for _ in range(3):
        if node.dep_ not in ("xcomp", "ccomp", "conj", "pcomp", "pobj", "prep") or node.head is node:
            return None
        if node.dep_ == "prep" and node.lower_ in ("in", "during"):
            return None
        node = node.head
        if node.i in trigger_ids and node.lemma_.lower() not in CONTROL_VERBS:
            hit = lexicon.lookup(node)
            if hit is not None and hit[0].event_type in VERBAL_COMMITMENT:
                return hit[0].event_type
    return None


def _co_actors(trigger: Token) -> list[Token]:
    """Partners named by "alongside"/"together with": "fighting IS *alongside Iraqi forces*"."""
    heads = [trigger, *(o for o in trigger.children if o.dep_ == "dobj")]  # the parser may attach it to the object
    found = [c for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ == "alongside"
             for c in p.children if c.dep_ == "pobj"]
    found += [c for a in trigger.children if a.lower_ == "together" for p in a.children
              if p.dep_ == "prep" and p.lower_ == "with" for c in p.children if c.dep_ == "pobj"]
    return _expand_conjuncts(found)


def _mutual(trigger: Token) -> bool:
    """Fighting "with" or "between" parties is two-sided: "a war with Israel", "clashes between X and Y"."""
    if trigger.lemma_.lower() not in MUTUAL_LEMMAS:
        return False
    preps = {c.lower_ for c in trigger.children if c.dep_ == "prep"}
    # "fought a war with Israel": the preposition hangs on the object
    preps |= {p.lower_ for o in trigger.children if o.dep_ == "dobj" for p in o.children if p.dep_ == "prep"}
    return bool(preps & {"with", "between"})


def _hyphen_sides(noun: Token) -> tuple[Token, Token] | None:
    """The two names of "Iran-Iraq" before a war noun: ``Iran - Iraq War`` parses as compounds joined by "-"."""
    for right in noun.children:
        if right.dep_ != "compound" or right.pos_ != "PROPN" or right.i >= noun.i:
            continue
        dash = right.doc[right.i - 1] if right.i > 0 else None
        left = right.doc[right.i - 2] if right.i > 1 else None
        if dash is None or left is None or dash.text not in ("-", "–") or left.pos_ != "PROPN" \
                or dash.idx + 1 != right.idx or left.idx + len(left.text) != dash.idx:
            continue
        return left, right
    return None


def _party_arguments(word: Token) -> tuple[Token | None, list[Token]]:
    """(the party, its owners) for "ally"/"partner" nouns and the adjective "allied"."""
    if word.pos_ == "NOUN":
        party = word
        owners = [c for p in word.children if p.dep_ == "prep" and p.lower_ in ("of", "to")
                  for c in p.children if c.dep_ == "pobj"]
        owners = owners or [c for c in word.children if c.dep_ == "poss"]
    else:  # "allied Shia militias": the modified noun is the ally
        if word.dep_ not in ("amod", "acl") or word.head.pos_ not in ("NOUN", "PROPN"):
            return None, []
        party = word.head
        owners = [c for p in word.children if p.dep_ == "prep" and p.lower_ in ("with", "to")
                  for c in p.children if c.dep_ == "pobj"]
    if not owners and party.dep_ == "conj" and word.pos_ != "NOUN":  # "Iraqi forces and allied militias"
        owners = [party.head]
    return party, _expand_conjuncts(owners)


def _joint_entry(trigger: Token) -> TriggerEntry:
    return TriggerEntry(lemma=trigger.lemma_.lower(), pos=trigger.pos_, event_type="COOPERATE", mode=None,
                        cameo=None)


def _joint_deed(trigger: Token) -> bool:
    """Coordinated subjects act together only as agents of a deed: a verb, or an event noun of a light verb
    ("launched the offensive"); not victims ("saw 120 soldiers and a general killed") or passive subjects."""
    if trigger.lemma_.lower() in CASUALTY_VERBS or any(c.dep_ in ("auxpass", "nsubjpass") for c in trigger.children):
        return False
    if trigger.pos_ == "VERB":
        return trigger.tag_ != "VBN" or trigger.dep_ not in ("acl", "amod")
    return trigger.dep_ == "dobj" and is_light_verb(trigger.head)


def _pair_key(a: Actor | None, b: Actor | None) -> tuple[int | None, int | None]:
    ends = sorted([a.start if a else -1, b.start if b else -1])
    return ends[0], ends[1]


def _same_span(a: Actor, b: Actor) -> bool:
    return a.start is not None and b.start is not None and a.start < b.end and b.start < a.end


def _complement_triggers(verb: Token, trigger_ids: set[int]) -> bool:
    return any(c.i in trigger_ids for c in verb.children if c.dep_ in ("xcomp", "ccomp", "pcomp", "dobj"))


def _under_denial(token: Token) -> bool:
    return token.dep_ in ("xcomp", "ccomp", "pcomp", "dobj") and token.head.lemma_.lower() in DENIAL_VERBS


def _theme(trigger: Token, partner: Token | None, resolve: ActorLookup) -> str | None:
    """What was acted on when it is not an actor: "found *caches*", "took control of the *city*"."""
    if partner is not None:
        for prep in partner.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        return pobj.lemma_.lower()
        return partner.lemma_.lower()
    for child in trigger.children:
        if child.dep_ in ("dobj", "nsubjpass") and resolve.resolve_token(child) is None:
            return child.lemma_.lower()
    return None


def _has_non_actor_object(trigger: Token, resolve: ActorLookup) -> bool:
    objects = [c for c in trigger.children if c.dep_ == "dobj"]
    return bool(objects) and all(not _resolve_argument(o, resolve) for o in objects)


def _reported(doc: Doc, quote: Quote) -> bool:
    """Direct quotes, and indirect ones introduced by a reporting verb or phrase, carry a claim."""
    if quote.direct or quote.cue is None:
        return True
    cue = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
    return cue is not None and any(t.lemma_.lower() in REPORTING_VERBS | {"accord"} for t in cue)


def _informative(actor: Actor) -> bool:
    return bool(actor.country or actor.sector or actor.name)


def _modality(token: Token, entry: TriggerEntry) -> str:
    modality = modality_of(token)
    if modality == "asserted" and entry.event_type in ("AGREE", "THREATEN") and any(
        c.dep_ in ("xcomp", "ccomp") for c in token.children
    ):
        return "future"  # the pledge happened; the deed it promises has not
    return modality


def _confidence(trigger: Token, source: Actor | None, target: Actor | None, claimed_by: Actor | None) -> float:
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


def _magnitudes(trigger: Token, event_type: str) -> dict[str, Magnitude]:
    """PLOVER magnitude fields from number modifiers: "killed 23 people" -> dead 23."""
    found: dict[str, Magnitude] = {}
    field = CASUALTY_VERBS.get(trigger.lemma_.lower())
    if field:
        for child in trigger.children:
            if child.dep_ in ("dobj", "nsubjpass", "nsubj"):
                number = _number_of(child)
                if number is not None:
                    found[field] = number
    if event_type in ("PROTEST", "MOBILIZE"):
        for child in trigger.children:
            crowd = child.lemma_.lower() in CROWD_NOUNS or any(
                c.lemma_.lower() in CROWD_NOUNS for p in child.children if p.lower_ == "of" for c in p.children)
            if child.dep_ in ("nsubj", "dobj") and crowd and "size" not in found:
                number = _number_of(child)
                if number is not None and not field:
                    found["size"] = number
    return found


_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "dozen": 12, "dozens": 24, "hundred": 100,
                 "hundreds": 200, "thousand": 1000, "thousands": 2000, "million": 1_000_000}


def _number_of(noun: Token) -> Magnitude | None:
    if noun.like_num or noun.lower_ in _NUMBER_WORDS:
        value = _to_int(noun.text)
        if value is not None:
            return Magnitude(value=value, start=noun.idx, end=noun.idx + len(noun.text), text=noun.text)
    for child in noun.children:
        if child.dep_ == "nummod" or (child.dep_ in ("amod", "quantmod") and child.like_num):
            value = _to_int(child.text)
            if value is not None:
                return Magnitude(value=value, start=child.idx, end=noun.idx + len(noun.text),
                                 text=noun.doc.text[child.idx: noun.idx + len(noun.text)])
        if child.dep_ == "prep" and child.lower_ == "of" and noun.lower_ in _NUMBER_WORDS:
            value = _NUMBER_WORDS[noun.lower_]
            return Magnitude(value=value, start=noun.idx, end=noun.idx + len(noun.text), text=noun.text)
    return None


def _to_int(text: str) -> int | None:
    cleaned = text.replace(",", "").lower()
    if cleaned.isdigit():
        return int(cleaned)
    return _NUMBER_WORDS.get(cleaned)
