"""Syntax of event arguments: who acts and who is acted on, read off the dependency parse (tokens only).

These are the building blocks of the rules in ``events/rules.py``: each frame step there applies one of these
readings.  Nothing here resolves actors (that is ``actors/lookup.py``) or decides whether an event exists.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from eventscope.actors.lookup import counted_with
from eventscope.events.lexicon import Lexicon, TriggerEntry
from eventscope.events.modality import misparsed_main_verb
from eventscope.vocabulary import word_map, words


def is_light_verb(verb: Token) -> bool:
    """Lemma or inflected form: the small model lemmatises "staged" as "stag".  Verbs that open or press on with a
    process count too ("opened an investigation", "filed a lawsuit", "stepped up attacks", "waged war")."""
    lemma = verb.lemma_.lower()
    if lemma in PURSUIT_VERBS and (lemma != "step" or any(c.lower_ == "up" for c in verb.children)):
        return True
    return lemma in words("light_verbs") or verb.lower_ in _light_verb_forms()


PURSUIT_VERBS = frozenset({"open", "file", "lodge", "step", "intensify", "escalate", "resume", "renew", "wage"})
"""Verbs whose object event noun is done by their subject: "the FBI opened an investigation of X"."""


def _light_verb_forms() -> frozenset[str]:
    return _FORMS.setdefault(
        "light",
        frozenset(
            form for v in words("light_verbs") for form in (v + "d", v + "ed", v + "s", v + "ing", v[:-1] + "ing")
        ),
    )


_FORMS: dict[str, frozenset[str]] = {}


def is_event_noun(token: Token, lexicon: Lexicon, relations: dict | None = None) -> bool:
    """A noun the lexicon (or the relational nouns) lists as a trigger: "raid", "attack", "operation"."""
    key = (token.lemma_.lower(), "NOUN")
    return token.pos_ == "NOUN" and (key in lexicon.words or bool(relations and key in relations))


VERBAL_COMMITMENTS = frozenset({"AGREE", "THREATEN", "REQUEST", "REJECT", "ACCUSE", "SUPPORT"})
"""Verbal types whose complement is the promised/threatened/demanded deed, never coded as done."""


def included(noun: Token) -> list[Token]:
    """Named members of a group object: "killed 11 people, *including one hostage*" -- the member suffered the
    deed too (re3d's dyad evaluation: FightingAgainst marks the member as well as the group)."""
    return [
        c
        for p in noun.children
        if p.dep_ == "prep" and p.lower_ in ("including", "especially")
        for c in p.children
        if c.dep_ == "pobj"
    ]


def listed_before(subject: Token) -> list[Token]:
    """List members the parser left as ``dep`` before a subject ("About 30,000 personnel, Kurdish fighters and
    Shia militiamen, assisted by X, launched"): they share what the subject's participle says of it."""
    if subject.dep_ not in ("nsubj", "nsubjpass"):
        return []
    return [c for c in subject.head.children if c.dep_ == "dep" and c.pos_ in ("NOUN", "PROPN") and c.i < subject.i]


def left_in_state(noun: Token) -> Token | None:
    """ "left three security personnel and a civilian injured": the parser hangs the participle on the list's last
    member, but "leave X and Y injured" states the result of every member. The object of "leave" that ``noun`` is
    (or ends the list of), else None."""
    head = noun
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    if head.dep_ != "dobj" or head.head.lemma_.lower() != "leave":
        return None
    return head


def plan_owners(verb: Token) -> list[Token]:
    """ "*The Coalition's* strategy to defeat ISIL", "in *its* efforts to defeat ISIL": an infinitive on a plan or
    resolve noun is carried out by the noun's possessor ("by"/"of" object), not by the noun (re3d's dyad
    evaluation: FightingAgainst with the actor in a possessive)."""
    noun = verb.head
    infinitive = verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if (
        verb.dep_ not in ("acl", "relcl")
        or not infinitive
        or noun.pos_ != "NOUN"
        or noun.ent_type_
        or noun.lemma_.lower() in words("person_nouns")
    ):
        return []
    owners = [c for c in noun.children if c.dep_ == "poss"]
    return owners or [
        c
        for p in noun.children
        if p.dep_ == "prep" and p.lower_ in ("of", "by")
        for c in p.children
        if c.dep_ == "pobj"
    ]


PREPOSITIONAL_CONTROL = frozenset(
    {("call", "on"), ("call", "upon"), ("appeal", "to"), ("plead", "with"), ("prevail", "on"), ("prevail", "upon")}
)
"""Request verbs whose prepositional object does their complement infinitive: "called on the governor to apologize"
(the governor apologizes), unlike "agreed with Iran to cut output", where the subject acts.  An infinitive the
parser attaches as an adverbial clause keeps the subject's reading (on the tune sets it turned a requested release
into a coded one)."""


def clause_subjects(verb: Token) -> tuple[list[Token], bool]:
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
            if not passive and node is verb and headline_passive(verb, subjects):
                passive = True
            if (
                node.lemma_.lower() in words("stative_passives")
                and not agents(node)
                and (node is verb or not own_passive)
            ):
                passive = False
            first = min(s.i for s in subjects)
            # "About 30,000 personnel, Kurdish fighters and ... launched": list members the parser left as dep
            listed = [c for c in node.children if c.dep_ == "dep" and c.pos_ in ("NOUN", "PROPN") and c.i < first]
            return listed + [s for s in subjects if s.dep_ != "csubj"], passive
        if node is verb and misparsed_main_verb(verb):
            return [verb.sent.root], False  # "Police in a drive arrested 34 men": the root noun is the subject
        swallowed = swallowed_subject(verb) if node is verb else None
        if swallowed is not None:
            return [swallowed], False  # "... mishandled the inquiry and Democrats accused the GOP"
        if node.dep_ == "conj":
            if node.tag_ == "VBN" and node.head.tag_ != "VBN" and not _coordinated(node):
                break  # "... cordoned off the shop to investigate the death of X, who was found fatally shot": no "and"
            node = node.head
            continue
        if (
            node.dep_ in ("ccomp", "pcomp", "dobj")
            and node.tag_ == "VBG"
            and node.head is not node
            and node.head.pos_ in ("VERB", "AUX")
        ):
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
        if node.dep_ == "advcl" and node.tag_ in ("VBN", "VBD") and described_noun(node) is not None:
            return [described_noun(node)], False  # "support for ground forces, *focused on* defeating ISIL"
        if node.dep_ in ("xcomp", "advcl") and node.head is not node:
            controller = node.head
            objects = [c for c in controller.children if c.dep_ in ("dobj", "dative")]
            if node.dep_ == "xcomp" and not objects:  # "called on the governor to apologize"
                objects = [
                    g
                    for c in controller.children
                    if c.dep_ == "prep" and (controller.lemma_.lower(), c.lower_) in PREPOSITIONAL_CONTROL
                    for g in c.children
                    if g.dep_ == "pobj"
                ]
            if node.dep_ == "xcomp" and objects:  # object control: "ordered forces to take"
                return objects, False
            node = controller
            continue
        break
    return [], any(c.dep_ == "auxpass" for c in verb.children)


def _next_clause_subject(noun: Token) -> bool:
    """Whether a conjunct is really the subject of the next clause (``swallowed_subject``), not a member."""
    following = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if following is None or following.pos_ not in ("VERB", "AUX"):
        return False
    subject = swallowed_subject(following)
    return subject is not None and subject.i == noun.i


def swallowed_subject(verb: Token) -> Token | None:
    """The subject of a second clause that the parser coordinated with the first clause's object: in "the
    department mishandled the investigation and *Democrats* accused the GOP", "Democrats" hangs as a conjunct of
    "investigation" and "accused" is left with no subject.  A finite verb with no subject of its own, right after
    a name or noun coordinated ("and", "while", "but") with an earlier word, has that noun as its subject."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.dep_ not in ("ccomp", "conj") or verb.i == verb.sent.start:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children):
        return None
    noun = verb.doc[verb.i - 1]
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ != "conj" or noun.head.i >= noun.i:
        return None
    if not any(c.dep_ == "cc" for c in noun.head.children):
        return None
    return noun


HEADLINE_ACTIVE_PREPOSITIONS = frozenset({"at", "on", "into", "toward", "towards", "upon"})
"""Prepositions that make a harm verb without an object active: "gunmen shot *at* the checkpoint"."""


def headline_passive(verb: Token, subjects: list[Token]) -> bool:
    """A headline's passive with its "was" left out ("Teenager stabbed to death in park", "Springfield man shot
    twice in robbery"): the parser reads an active past tense, but a verb that needs its victim as object
    ("stab", "kill", "shoot" ...) has none, no auxiliary and no object shared with a coordinated verb ("Gunmen
    shot and killed a guard" is active)."""
    if verb.tag_ not in ("VBD", "VBN") or verb.lemma_.lower() not in words("victim_verbs"):
        return False
    if any(c.dep_ in ("aux", "auxpass", "dobj", "dative", "ccomp", "xcomp", "attr", "oprd") for c in verb.children):
        return False
    if any(c.dep_ == "prep" and c.lower_ in HEADLINE_ACTIVE_PREPOSITIONS for c in verb.children):
        return False
    if any(c.dep_ == "dobj" for conjunct in verb.conjuncts for c in conjunct.children):
        return False
    return bool(subjects) and all(s.dep_ == "nsubj" and s.pos_ in ("NOUN", "PROPN") for s in subjects)


def _coordinated(conjunct: Token) -> bool:
    """A conjunct the parser linked to its head with a coordinating word somewhere in the chain ("attacked, looted
    and burned"); a participle hung as "conj" on a finite verb with no "and", "or" or "but" near it is a parse error
    ("was found fatally *shot*") that must not borrow the finite verb's subject."""
    head = conjunct.head
    lo, hi = sorted((head.i, conjunct.i))
    doc = conjunct.doc
    if any(t.dep_ in ("cc", "preconj") for t in doc[lo:hi]):
        return True
    return any(c.dep_ == "cc" for c in (*conjunct.children, *head.children))


def described_noun(participle: Token) -> Token | None:
    """The object noun just before ", <past participle>" that the participle describes: "air support for ground
    forces, focused on defeating ISIL" (the parser attaches the participle to the main verb; re3d's dyad
    evaluation: FightingAgainst credited the support's givers instead of the forces)."""
    doc = participle.doc
    if (
        participle.i < 2
        or doc[participle.i - 1].text != ","
        or any(c.dep_.startswith("nsubj") for c in participle.children)
    ):
        return None
    noun = doc[participle.i - 2]
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ not in ("pobj", "dobj"):
        return None
    return noun


def agents_of_setting(verb: Token, lexicon: Lexicon) -> list[Token]:
    """ "Ghadiya was killed in a raid *by US forces*", "in a raid *conducted by* X": a passive deed set in an
    agentive event noun shares its agent (re3d's dyad evaluation: FightingAgainst missed in passives); one set
    in a fight (``fight_nouns``) was done by the fight's other side ("killed in a gunfight *with troops*")."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "during"):
            continue
        for noun in prep.children:
            if noun.dep_ == "pobj" and _misparsed_agent_gerund(noun, lexicon):
                return [noun]
            fight = noun.dep_ == "pobj" and noun.lemma_.lower() in words("fight_nouns")
            if noun.dep_ != "pobj" or not (fight or is_event_noun(noun, lexicon)):
                continue
            # a fight's other side is who hurt the victim: "killed in an encounter *with security forces*"
            preps = ("by", "with") if fight else ("by",)
            found = [
                c
                for p in noun.children
                if p.dep_ == "prep" and p.lower_ in preps
                for c in p.children
                if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")
            ]
            found += [a for v in noun.children if v.dep_ == "acl" and v.tag_ == "VBN" for a in agents(v)]
            found = found or [m for m in noun.children if _agent_modifier(m)]
            if found:
                return found
    return _agents_of_clause(verb, lexicon)


HARM_TYPES = frozenset({"ASSAULT", "COERCE"})
OPERATION_NOUNS = frozenset({"operation", "offensive", "crackdown", "raid", "assault", "attack", "strike"})
"""What a force launches or conducts: "killed *as Rangers launched an operation*"."""


def _agents_of_clause(verb: Token, lexicon: Lexicon) -> list[Token]:
    """ "Three militants were killed *when security forces raided* a hideout", "*as Rangers launched an
    operation*": the passive deed happened in a clause whose active subject attacked or launched an operation."""
    for clause in verb.children:
        if clause.dep_ != "advcl" or clause.pos_ != "VERB":
            continue
        if not any(m.dep_ in ("mark", "advmod") and m.lower_ in ("as", "when", "while") for m in clause.children):
            continue
        subjects, passive = clause_subjects(clause)
        if passive or not subjects:
            continue
        # "killed *when a shell fired by the army* fell on his house": the weapon's user did it
        users = [u for s in subjects for u in instrument_agents(s)]
        if users:
            return users
        hit = lexicon.lookup(clause)
        objects = [o for o in clause.children if o.dep_ == "dobj"]
        operation = is_light_verb(clause) and any(o.lemma_.lower() in OPERATION_NOUNS for o in objects)
        if operation or (hit is not None and hit[0].event_type in HARM_TYPES):
            return subjects
    return []


SETTING_AGENT_NOUNS = frozenset(
    {
        "army",
        "military",
        "police",
        "troop",
        "soldier",
        "militant",
        "rebel",
        "insurgent",
        "guerrilla",
        "maoist",
        "government",
        "regime",
        "junta",
        "coalition",
    }
)
"""Common nouns that, modifying an event noun, name who did it ("killed in *police* firing", "an *army* raid on the
village", "the *government* crackdown"); a place in that slot names where ("a Quetta blast"), a means what ("a
suicide attack"), a victim whom ("a student killing"): none of those acts."""


def _misparsed_agent_gerund(noun: Token, lexicon: Lexicon) -> bool:
    """ "killed in police firing" parsed as "police" with a participle "firing": the agent noun and its deed."""
    if noun.lemma_.lower() not in SETTING_AGENT_NOUNS:
        return False
    return any(
        c.dep_ == "acl" and c.tag_ == "VBG" and c.i == noun.i + 1 and lexicon.words.get((c.lower_, "NOUN"))
        for c in noun.children
    )


def _agent_modifier(modifier: Token) -> bool:
    """The owner of an event noun: "in *the Taliban's* attack", "in *Israeli* airstrikes", "in *police* firing"."""
    if modifier.dep_ == "poss":
        return modifier.tag_ not in ("PRP$", "WP$")
    if modifier.dep_ not in ("amod", "compound"):
        return False
    return modifier.ent_type_ == "NORP" or modifier.lemma_.lower() in SETTING_AGENT_NOUNS


def agents(verb: Token) -> list[Token]:
    """Passive agents ("by Iran"), shared by coordinated participles ("supported and funded by Iran"); a weapon
    that did it stands for whoever used it ("killed by a bomb *planted by militants*": ``instrument_agents``)."""
    for candidate in (verb, *verb.conjuncts):
        found = [
            pobj
            for agent in candidate.children
            if agent.dep_ == "agent"
            for pobj in agent.children
            if pobj.dep_ == "pobj"
        ]
        if found:
            return [user for pobj in found for user in instrument_agents(pobj) or [pobj]]
    return []


def instrument_agents(noun: Token) -> list[Token]:
    """Who fired, planted or threw a weapon: the agent of a participle on a weapon noun ("a shell *fired by the
    army*", "a bomb *planted by militants*"); empty for other nouns or a weapon whose user is not named."""
    weapons = words("weapon_nouns") | words("device_nouns")
    named = [noun, *(c for c in noun.children if c.dep_ == "compound")]  # "a mortar round"
    if not any(t.lemma_.lower() in weapons for t in named):
        return []
    return [a for v in noun.children if v.dep_ == "acl" and v.tag_ == "VBN" for a in agents(v)]


def owners(thing: Token, attitude: bool) -> list[Token]:
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
    preps = ("of", "by") if not attitude or thing.lemma_.lower() in words("authored_nouns") else ("by",)
    found += [
        c for p in thing.children if p.dep_ == "prep" and p.lower_ in preps for c in p.children if c.dep_ == "pobj"
    ]
    if attitude and found and found[0].pos_ == "NOUN" and not found[0].ent_type_:
        found = owners(found[0], attitude) or found  # "condemnation of Assad's policies"
    return found


def supported_in(noun: Token, lexicon: Lexicon) -> list[Token]:
    """ "support for X *in the fight against* Y", "helped X in its war on Y": X is the one fighting.

    The party helped in a struggle is its agent; a possessive pronoun on the struggle ("in *their* fight")
    refers to it too (re3d's dyad evaluation: FightingAgainst missed under supportive frames)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "in" or prep.head is prep:
        return []
    host = prep.head
    first = host
    while first.dep_ == "conj" and first.head is not first:
        first = first.head
    if (
        host.pos_ in ("NOUN", "PROPN")
        and first.dep_ == "pobj"
        and first.head.lower_ in ("for", "of", "to")
        and first.head.head.pos_ == "NOUN"
        and not is_event_noun(host, lexicon)
    ):
        # "support for the Government and the people *in their fight*": the phrase hangs on the helped party
        return sorted({first, *first.conjuncts}, key=lambda t: t.i)
    if host.pos_ == "NOUN":
        return [
            c
            for p in host.children
            if p.dep_ == "prep" and p.lower_ in ("for", "of", "to")
            for c in p.children
            if c.dep_ == "pobj"
        ]
    if host.pos_ == "VERB" and host.lemma_.lower() in words("support_verbs"):
        return [c for c in host.children if c.dep_ == "dobj"]
    return []


TIME_NOUNS = frozenset({"day", "days", "night", "nights", "week", "weeks", "hour", "hours", "month", "months", "time"})
"""Nouns of a duration or a time that the parser hangs a following "between" on: "fighting continued for a third
*day* between A and B", "clashes erupted on Monday night between ..."."""


def _time_phrases(holder: Token) -> list[Token]:
    """The nouns of a holder's time phrases ("for a third day", "on Monday"): a "between" after them belongs to
    the event, not to the time."""
    return [
        c
        for p in holder.children
        if p.dep_ == "prep" and p.lower_ in ("for", "on", "in", "since", "after", "throughout")
        for c in p.children
        if c.dep_ == "pobj" and (c.lower_ in TIME_NOUNS or c.ent_type_ in ("DATE", "TIME"))
    ]


def between(noun: Token) -> list[Token]:
    """Objects of "between", also when the phrase hangs on a participle ("the agreement reached between"), on
    the verb of which the event is the subject when it just happens ("clashes *continued* between A and B"), or
    on a time phrase of either ("continued for a third *day* between A and B": a misattachment)."""
    holders = [noun, *(v for v in noun.children if v.dep_ == "acl" and v.tag_ == "VBN")]
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lemma_.lower() in words("happening_verbs"):
        holders.append(noun.head)
    holders.extend([t for h in list(holders) for t in _time_phrases(h)])
    return [
        party
        for h in holders
        for p in h.children
        if p.dep_ == "prep" and p.lower_ == "between"
        for c in p.children
        if c.dep_ == "pobj"
        for party in [*_misparsed_first_party(c), c]
    ]


def _misparsed_first_party(noun: Token) -> list[Token]:
    """ "between the KIA and government troops" parsed as one phrase, with "KIA and" a modifier of "troops": the
    coordinated name is a party of its own."""
    return [
        m
        for m in noun.children
        if m.dep_ in ("nmod", "compound") and m.pos_ == "PROPN" and any(c.dep_ == "cc" for c in m.children)
    ]


def gerund_names_parties(verb: Token) -> bool:
    """A gerund with no subject of its own that names who does it ("fled due to *shelling by the army*",
    "after *fighting between A and B*"): it is read as an event noun, and the clause's subject, which the parser
    lends it through control, is not its agent."""
    if verb.tag_ != "VBG" or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children):
        return False
    return any(
        p.dep_ in ("prep", "agent")
        and p.lower_ in ("by", "between")
        and any(c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN") for c in p.children)
        for p in verb.children
    )


def measured_noun(noun: Token) -> Token:
    """The phrase an event noun is counted in: "held *a first round* of talks", "launched *a series* of raids"."""
    node = noun
    for _ in range(2):
        if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.pos_ == "NOUN":
            node = node.head.head
    return node


def circumstance_subject(noun: Token) -> list[Token]:
    """The active clause subject for an event noun in a circumstantial phrase ("after a meeting with X")."""
    prep = noun.head
    if (
        noun.dep_ != "pobj"
        or prep.lower_ not in words("circumstance_prepositions")
        or prep.head.pos_ not in ("VERB", "AUX")
    ):
        return []
    subjects, passive = clause_subjects(prep.head)
    return [] if passive else subjects


def participants(noun: Token) -> list[Token]:
    """ "Workers went on strike", "thousands joined protests", "students took part in a rally": the subject
    of a participation verb takes part in the event noun."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ in ("on", "in"):
        verb = verb.head
        if verb.dep_ == "dobj" and verb.lower_ == "part":  # "took part in"
            verb = verb.head
    elif noun.dep_ != "dobj":
        return []
    if verb.pos_ != "VERB" or (verb.lemma_.lower() not in words("participation_verbs") and not is_light_verb(verb)):
        return []
    return clause_subjects(verb)[0]


def copula_subject(noun: Token) -> list[Token]:
    """ "X is (a key source of) support for Y": X is the source of the nominal event."""
    node = noun
    for _ in range(3):
        if node.dep_ == "attr" and node.head.lemma_ == "be":
            return [c for c in node.head.children if c.dep_ == "nsubj"]
        if node.dep_ in ("pobj", "prep", "attr"):
            node = node.head
            continue
        return []
    return []


def copula_targets(noun: Token) -> list[Token]:
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


def prep_holders(trigger: Token) -> list[Token]:
    """The trigger and the manner idioms whose prepositional phrases belong to it."""
    holders = [trigger]
    for child in trigger.children:  # "shoulder (to shoulder)": the idiom word, or the object of its "to"/"by"
        if child.lemma_.lower() in words("manner_idioms") or child.dep_ == "prep" and child.lower_ in ("to", "by"):
            idioms = [child] if child.lemma_.lower() in words("manner_idioms") else []
            idioms += [g for g in child.children if g.lemma_.lower() in words("manner_idioms")]
            holders.extend(idioms)
    return holders


def prep_objects(trigger: Token) -> list[Token]:
    objects: list[Token] = []
    for child in (c for holder in prep_holders(trigger) for c in holder.children):
        if child.dep_ == "prep" and child.lower_ in words("target_prepositions"):
            objects.extend(c for c in child.children if c.dep_ == "pobj")
    return objects


THING_DEPENDENTS = frozenset({"relcl", "acl", "appos", "punct", "cc", "conj", "advcl", "parataxis", "advmod"})
"""Dependents that leave the phrase of an acted-on thing: a relative clause, an apposition, a coordinated clause."""
NOT_THINGS = frozenset({"PRON", "NUM", "PROPN", "DET"})


def acted_on(trigger: Token, skip: frozenset[int] = frozenset()) -> Token | None:
    """The head noun of what the deed was directed at, read off the syntax: the direct object ("vetoed *a US
    resolution*", "lifted *the embargo*"), else the object of a target preposition ("reneged *on an accord*",
    "an investigation *into the spending*").  Pronouns, numbers (but for a share of a group: "one of the critics"),
    dates and names are not things: they are parties or nothing.  Tokens in ``skip`` (the trigger's own words) are
    passed over."""
    objects = [c for c in trigger.children if c.dep_ == "dobj" and c.i not in skip] or prep_objects(trigger)
    for noun in (o for o in objects if o.i not in skip):
        partitive = noun.like_num and any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
        if partitive or noun.pos_ not in NOT_THINGS and not noun.ent_type_:
            return noun  # "charged *one of the Kremlin's critics*": a share of a group is a party's phrase
    return None


def gift_recipient(verb: Token) -> tuple[bool, Token | None]:
    """Whether a deed of giving names its recipient in a "to" phrase, and that phrase's noun when it is a thing.

    "gave $2 million *to the agricultural sector*", "donated $3,000 in all *to the town library*", "sent
    a team of doctors *to the hospital*": what is given (the direct object) is never the one the aid goes to; the
    "to" phrase is (the parser tags this "to" as a dative or a preposition).  (True, None) when the phrase names
    a party or a name the actors stage did not read, so the given thing is not taken in its place; (False, None)
    when the verb has no object and "to" phrase both ("gave generously", "sent help")."""
    if not any(c.dep_ == "dobj" for c in verb.children):
        return False, None
    for child in verb.children:
        if child.dep_ in ("dative", "prep") and child.lower_ == "to":
            noun = next((o for o in child.children if o.dep_ == "pobj"), None)
            if noun is None:
                continue
            return True, (noun if noun.pos_ not in NOT_THINGS and not noun.ent_type_ else None)
    return False, None


def text_authors(noun: Token) -> list[Token]:
    """The author of a text or campaign that is the subject of a deed: "a report *by the inspector general*
    criticized the chief", "*the council's* resolution condemned the raid" (word class ``authored_texts``).  None
    for other nouns, for pronoun possessors ("its report": the pronoun is no better a source) and names."""
    if noun.pos_ != "NOUN" or noun.ent_type_ or noun.lemma_.lower() not in words("authored_texts"):
        return []
    by = [c for p in noun.children if p.dep_ == "prep" and p.lower_ == "by" for c in p.children if c.dep_ == "pobj"]
    return by or [c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"]


CHARGE_PREPOSITIONS = frozenset({"in", "with", "for", "of", "on", "over"})
"""Prepositions that tie a deed to a verb of the law or a charge noun ("charged *with* murder", "counts *of* rape")."""


def charged_doers(deed: Token) -> list[Token]:
    """Who a verb of the law says did the deed named in its phrase: "a man was charged with *the murder* of X",
    "two men were arrested on five counts of *rape*", "police arrested two men in connection with *the shooting*".
    The one charged, arrested or convicted is the deed's (alleged) doer: the passive subject, else the object.
    The deed hangs on the verb by a preposition, directly or through a charge noun ("counts of", "in connection
    with", "on suspicion of"); coordinated deeds share it ("the kidnapping and assaults")."""
    node = deed.head if deed.dep_ == "conj" else deed
    for _ in range(3):
        prep = node.head
        if node.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in CHARGE_PREPOSITIONS:
            return []
        holder = prep.head
        if holder.pos_ == "VERB" and holder.lemma_.lower() in words("charging_verbs"):
            passive = [c for c in holder.children if c.dep_ == "nsubjpass"]
            return passive or [c for c in holder.children if c.dep_ == "dobj"]
        if holder.pos_ != "NOUN" or holder.lemma_.lower() not in words("charge_nouns"):
            return []
        node = holder
    return []


def thing_phrase(noun: Token) -> tuple[int, int]:
    """Token bounds [start, end) of the noun's phrase, without clauses, appositions or coordination after it."""
    end = noun.i + 1
    if noun.like_num:  # "one of the critics": the share and its group, nothing attached after them
        group = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
        return noun.left_edge.i, group.right_edge.i + 1 if group is not None else end
    for child in noun.rights:
        if child.dep_ in THING_DEPENDENTS or child.dep_ == "prep" and not any(g.dep_ == "pobj" for g in child.children):
            break
        end = child.right_edge.i + 1
    return noun.left_edge.i, end


def expand_conjuncts(tokens: Iterable[Token]) -> list[Token]:
    """ "Iran and Syria" give one argument each (coordinated modifiers: see ``_resolve_argument``).

    Appositive lists count too: "The UK, the wider Coalition and the Government of Iraq" is parsed as an
    apposition holding a coordination; an apposition with no coordination renames its head and is skipped, and
    so does a description ("Crutcher, *a father and student*, was shot": an indefinite noun says what he is).
    """
    result: list[Token] = []
    for token in tokens:
        result.append(token)
        members = [t for t in token.conjuncts if t.i > token.i and not counted_with(t, token)]
        members += [
            a
            for a in token.children
            if a.dep_ == "appos"
            and any(c.dep_ == "conj" for c in a.children)
            and not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in a.children)
        ]
        for member in members:
            result.extend(
                t
                for t in [member, *(c for c in member.conjuncts if c.i > member.i)]
                if t.pos_ in ("NOUN", "PROPN", "PRON") and not _next_clause_subject(t)
            )
    seen: set[int] = set()
    unique = []
    for token in result:
        if token.i not in seen:
            seen.add(token.i)
            unique.append(token)
    return unique


def commitment_type(token: Token, trigger_ids: set[int], lexicon: Lexicon) -> str | None:
    """The type of the pledge/threat/demand whose complement holds the token, if any.

    "support for X *in* their fight against Y": a setting ("in", "during") is no complement, the fight is real."""
    node = token
    for _ in range(3):
        if node.dep_ not in ("xcomp", "ccomp", "conj", "pcomp", "pobj", "prep") or node.head is node:
            return None
        if node.dep_ == "prep" and node.lower_ in ("in", "during"):
            return None
        child, node = node, node.head
        if node.i in trigger_ids and node.lemma_.lower() not in words("control_verbs"):
            hit = lexicon.lookup(node)
            if hit is not None and hit[0].event_type in VERBAL_COMMITMENTS:
                return hit[0].event_type
            if hit is not None and _told_to(node, child):
                return "REQUEST"  # "told the rebels to withdraw": a directive (senses.directive_tell)
    return None


def _told_to(verb: Token, complement: Token) -> bool:
    """ "told the leaders *to withdraw*": "tell" with an addressee and this infinitive as what it asks."""
    return (
        verb.lemma_.lower() == "tell"
        and complement.dep_ in ("xcomp", "ccomp")
        and any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in complement.children)
        and any(ch.dep_ in ("dobj", "dative") for ch in verb.children)
    )


def co_actors(trigger: Token) -> list[Token]:
    """Partners named by "alongside"/"together with": "fighting IS *alongside Iraqi forces*"."""
    heads = [trigger, *(o for o in trigger.children if o.dep_ == "dobj")]  # the parser may attach it to the object
    found = [
        c
        for h in heads
        for p in h.children
        if p.dep_ == "prep" and p.lower_ == "alongside"
        for c in p.children
        if c.dep_ == "pobj"
    ]
    found += [
        c
        for a in trigger.children
        if a.lower_ == "together"
        for p in a.children
        if p.dep_ == "prep" and p.lower_ == "with"
        for c in p.children
        if c.dep_ == "pobj"
    ]
    return expand_conjuncts(found)


def mutual(trigger: Token) -> bool:
    """Fighting "with" or "between" parties is two-sided: "a war with Israel", "clashes between X and Y"."""
    if trigger.lemma_.lower() not in words("war_nouns"):
        return False
    preps = {c.lower_ for c in trigger.children if c.dep_ == "prep"}
    # "fought a war with Israel": the preposition hangs on the object
    preps |= {p.lower_ for o in trigger.children if o.dep_ == "dobj" for p in o.children if p.dep_ == "prep"}
    return bool(preps & {"with", "between"})


def hyphen_sides(noun: Token) -> tuple[Token, Token] | None:
    """The two names of "Iran-Iraq" before a war noun: ``Iran - Iraq War`` parses as compounds joined by "-"."""
    for right in noun.children:
        if right.dep_ != "compound" or right.pos_ != "PROPN" or right.i >= noun.i:
            continue
        dash = right.doc[right.i - 1] if right.i > 0 else None
        left = right.doc[right.i - 2] if right.i > 1 else None
        if (
            dash is None
            or left is None
            or dash.text not in ("-", "–")
            or left.pos_ != "PROPN"
            or dash.idx + 1 != right.idx
            or left.idx + len(left.text) != dash.idx
        ):
            continue
        return left, right
    return None


def party_arguments(word: Token) -> tuple[Token | None, list[Token]]:
    """(the party, its owners) for "ally"/"partner" nouns and the adjective "allied"."""
    if word.pos_ == "NOUN":
        party = word
        owners = [
            c
            for p in word.children
            if p.dep_ == "prep" and p.lower_ in ("of", "to")
            for c in p.children
            if c.dep_ == "pobj"
        ]
        owners = owners or [c for c in word.children if c.dep_ == "poss"]
    else:  # "allied Shia militias": the modified noun is the ally
        if word.dep_ not in ("amod", "acl") or word.head.pos_ not in ("NOUN", "PROPN"):
            return None, []
        party = word.head
        owners = [
            c
            for p in word.children
            if p.dep_ == "prep" and p.lower_ in ("with", "to")
            for c in p.children
            if c.dep_ == "pobj"
        ]
    if not owners and party.dep_ == "conj" and word.pos_ != "NOUN":  # "Iraqi forces and allied militias"
        owners = [party.head]
    return party, expand_conjuncts(owners)


def joint_entry(trigger: Token) -> TriggerEntry:
    return TriggerEntry(lemma=trigger.lemma_.lower(), pos=trigger.pos_, event_type="COOPERATE", mode=None, cameo=None)


def joint_deed(trigger: Token) -> bool:
    """Coordinated subjects act together only as agents of a deed: a verb, or an event noun of a light verb
    ("launched the offensive"); not victims ("saw 120 soldiers and a general killed") or passive subjects."""
    if trigger.lemma_.lower() in word_map("casualty_verbs") or any(
        c.dep_ in ("auxpass", "nsubjpass") for c in trigger.children
    ):
        return False
    if trigger.pos_ == "VERB":
        return trigger.tag_ != "VBN" or trigger.dep_ not in ("acl", "amod")
    return trigger.dep_ == "dobj" and is_light_verb(trigger.head)


def complement_triggers(verb: Token, trigger_ids: set[int]) -> bool:
    return any(c.i in trigger_ids for c in verb.children if c.dep_ in ("xcomp", "ccomp", "pcomp", "dobj"))


def under_denial(token: Token) -> bool:
    return token.dep_ in ("xcomp", "ccomp", "pcomp", "dobj") and token.head.lemma_.lower() in words("denial_verbs")


DISPATCHED_NOUNS = frozenset(
    {
        "troop", "troops", "soldier", "peacekeeper", "force", "police", "policeman", "army", "military", "marine",
        "instructor", "trainer", "adviser", "advisor", "personnel", "unit", "battalion", "brigade", "contingent",
        "observer", "monitor", "reinforcement", "warship", "ship", "jet", "aircraft", "plane", "fighter", "team",
    }
)  # fmt: skip
"""What a state sends, deploys or withdraws: its own forces, never the party the deed is about."""
DESTINATION_PREPOSITIONS = frozenset({"to", "into", "toward", "towards", "from"})


def dispatched_forces(verb: Token) -> list[Token]:
    """The verb's objects that are the actor's own forces: "sent *troops* to Uganda", "withdrew *peacekeepers* from
    Sinai" (a possessor other than a pronoun makes them someone else's: "sent Iraq's troops")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [c for o in objects for c in o.conjuncts]
    return [
        o
        for o in objects
        if o.lemma_.lower() in DISPATCHED_NOUNS
        and not o.ent_type_
        and not any(c.dep_ == "poss" and c.pos_ != "PRON" for c in o.children)
    ]


def destinations(verb: Token) -> list[Token]:
    """Where a dispatch goes or comes from: "sent troops *to Uganda*", "withdrew peacekeepers *from Sinai*"."""
    return expand_conjuncts(
        c
        for p in verb.children
        if p.dep_ in ("prep", "dative") and p.lower_ in DESTINATION_PREPOSITIONS
        for c in p.children
        if c.dep_ == "pobj"
    )


MESSAGE_CARRIERS = frozenset({"in", "through", "via", "by"})
"""Prepositions that name the medium a verbal act was made in: "asked *in* a letter to X", "*via* a message to X"."""


def message_addressees(verb: Token) -> list[Token]:
    """Who a request, warning or refusal was sent to when the clause names the message it was made in, not the
    party: "the senators asked for the records *in a letter to the Justice Department*", "Seoul protested in a
    note to Tokyo", "she made the demand in a message to the ministry".  The "to" phrase of a message noun
    (``message_nouns``) carrying the verb names the addressee; the thing asked for or refused is only the
    content."""
    found: list[Token] = []
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in MESSAGE_CARRIERS:
            continue
        for medium in (c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in words("message_nouns")):
            found.extend(
                o
                for p in medium.children
                if p.dep_ == "prep" and p.lower_ == "to"
                for o in p.children
                if o.dep_ == "pobj"
            )
    return found


def controlled_addressee(verb: Token) -> list[Token]:
    """The party told to do the complement a trigger stands in: "China warned *North Korea* to refrain from
    further actions", "the EU urged *Belgrade* to hold back": when the word read as the event is the complement
    verb (``xcomp``) of an object-control verb, the governing verb's object is the one warned, urged or asked;
    what the complement is about ("further actions") is its content, not its recipient."""
    if verb.dep_ != "xcomp" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return []
    return [c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i]


def partner_holders(noun: Token) -> list[Token]:
    """ "The rebels *had* talks with the Russian military", "the minister *is in* negotiations with the unions",
    "Japan has close ties with Taiwan": the subject that has, or is in, an event noun whose partner a "with" phrase
    names is the other side of it; so is the speaker whose reported clause is about such a noun with no owner
    ("the rebels say talks with the Russian military aim to ..."), and so is the one who "is on a visit to" a
    place.  Only nouns with such a partner: "has support from X" or "had an attack" name no party taking part with
    the subject."""
    verb = noun.head
    if (
        noun.dep_ == "pobj"
        and verb.lower_ == "on"
        and verb.head.lemma_.lower() == "be"
        and any(p.dep_ == "prep" and p.lower_ == "to" for p in noun.children)
    ):
        clause = verb.head
        subjects, passive = clause_subjects(clause)  # "Scalise, who is on a visit to Morocco": Scalise
        if clause.dep_ == "relcl":
            subjects = [clause.head if s.tag_ in ("WP", "WDT") else s for s in subjects]
        return [] if passive else subjects
    if not any(
        p.dep_ == "prep" and p.lower_ == "with" and any(c.dep_ == "pobj" for c in p.children) for p in noun.children
    ):
        return []
    if noun.dep_ == "nsubj" and not any(c.dep_ == "poss" for c in noun.children):
        # "the rebels say talks with the Russian military aim to find a solution": an unowned partner noun that
        # the speaker's reported clause is about is the speaker's own
        if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in words("reporting_verbs"):
            return []
        verb = verb.head
    elif noun.dep_ == "pobj" and verb.lower_ == "in" and verb.dep_ == "prep":
        verb = verb.head  # "is in talks with", "remains in negotiations with"
        if verb.lemma_.lower() not in ("be", "remain", "stay"):
            return []
    elif noun.dep_ != "dobj" or verb.lemma_.lower() != "have":
        return []
    subjects, passive = clause_subjects(verb)
    return [] if passive else subjects
