"""Actor lookup for event arguments: the resolver's answer, with fallbacks that keep real parties.

The actors stage (``DocumentActors``) resolves a noun phrase to a knowledge-base identity.  Event arguments need
more: one actor per coordinated modifier ("Iraqi and coalition forces"), possessives bound to their owner ("the UK
... *its* allies"), weapons standing for their force ("Israeli jets"), unknown people kept as their own span ("a
news conference").  Those fallbacks lived inside the coder; they are actor questions, so they live here, behind the
``ActorLookup`` protocol.  The syntax they need from the event stage (clause subjects, event nouns) is passed in,
so this module imports no other stage.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Protocol

from spacy.tokens import Span, Token

from eventscope.nlp.parser import document_text
from eventscope.records import Actor
from eventscope.vocabulary import words

ARMED_SECTORS = frozenset({"MIL", "REB", "MILITIA", "UAF"})
"""Sectors of armed forces (UAF: gunmen whose allegiance is unnamed): a weapon's wielder keeps one of them, any
other sector becomes MIL."""
PERSONAL_POSSESSIVES = frozenset({"his", "her"})
INSTITUTION_ENTITIES = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC"})
"""Entity kinds that are no person: "his" or "her" never binds to them."""


def _no_owner_for(pronoun: Token, candidate: Token) -> bool:
    """Whether a person's possessive ("his", "her") cannot belong to this word: an institution, place or nation
    ("asked the Ohio Supreme Court to delay *his* execution": a court has no "his")."""
    return pronoun.lower_ in PERSONAL_POSSESSIVES and candidate.ent_type_ in INSTITUTION_ENTITIES


class ActorLookup(Protocol):
    """What the event coder needs from the actors stage (``DocumentActors``)."""

    def resolve(self, span: Span) -> Actor | None: ...

    def resolve_token(self, token: Token) -> Actor | None: ...


def same_actor(a: Actor, b: Actor) -> bool:
    """One party: same canonical name, else the same span."""
    if a.name and b.name:
        return a.name == b.name
    return a.start is not None and a.start == b.start and a.end == b.end


def same_unnamed(a: Actor, b: Actor) -> bool:
    """Two unnamed actors of one phrase ("*hundreds of* activists" reached from "hundreds" and from "activists")."""
    return (
        not a.name
        and not b.name
        and a.end is not None
        and a.end == b.end
        and same_span(a, b)
        and (a.country, a.sector) == (b.country, b.sector)
    )


def same_span(a: Actor, b: Actor) -> bool:
    """Overlapping spans (a coordinated phrase's members share one span)."""
    return a.start is not None and b.start is not None and a.start < b.end and b.start < a.end


def informative(actor: Actor) -> bool:
    """An actor with an identity (name, country or sector), not just a span."""
    return bool(actor.country or actor.sector or actor.name)


class ArgumentActors:
    """Actors for the argument tokens of one document (an ``ActorLookup`` itself, delegating to ``resolve``).

    ``is_event_noun``: the coder's lexicon test ("coalition *air strikes*": the actor is inside the event noun).
    ``subjects``: the clause subjects of a verb, for binding possessives ("the UK is working with *its* allies").
    """

    def __init__(
        self, resolve: ActorLookup, is_event_noun: Callable[[Token], bool], subjects: Callable[[Token], list[Token]]
    ) -> None:
        self.lookup = resolve
        self.is_event_noun = is_event_noun
        self.subjects = subjects

    # -- the ActorLookup protocol, delegated ------------------------------------------------------------------

    def resolve(self, span: Span) -> Actor | None:
        return self.lookup.resolve(span)

    def resolve_token(self, token: Token) -> Actor | None:
        return self.lookup.resolve_token(token)

    # -- argument actors ----------------------------------------------------------------------------------------

    def resolve_all(self, tokens: Iterable[Token]) -> list[Actor]:
        """Every actor of the tokens, each party once."""
        actors: list[Actor] = []
        for token in tokens:
            for actor in self.resolve_argument(token):
                if not any(same_actor(actor, other) or same_unnamed(actor, other) for other in actors):
                    actors.append(actor)
        return actors

    def resolve_argument(self, token: Token) -> list[Actor]:
        """One actor per coordinated modifier: "Iraqi and coalition forces" -> Iraqi forces, coalition forces."""
        quantity = None
        if token.lemma_.lower() in words("quantity_heads") or token.like_num:
            members = [
                c
                for p in token.children
                if p.dep_ == "prep" and p.lower_ == "of"
                for c in p.children
                if c.dep_ == "pobj"
            ]
            if members:
                quantity, token = token, members[0]  # "thousands of protesters" -> protesters
        premodifiers = [c for c in token.children if c.dep_ in ("amod", "compound", "nmod") and c.i < token.i]
        # "Iraqi and Kurdistan Regional governments": the parser may hang the coordination on another modifier
        premodifiers += [
            g for c in premodifiers for g in c.children if g.dep_ in ("amod", "compound", "nmod") and g.i < c.i
        ]
        modifiers = [c for c in premodifiers if len(_modifier_members(c, premodifiers)) > 1]
        # "civil and military forces", "local and foreign troops": a member that names no party of its own is
        # a kind of the one group, not a second party
        modifiers = [
            c
            for c in modifiers
            if all(self.resolve(token.doc[m.i : m.i + 1]) for m in _modifier_members(c, premodifiers))
        ]
        if not modifiers or token.pos_ not in ("NOUN", "PROPN"):
            actor = self.actor_for(token)
            if actor is not None and quantity is not None:
                actor = with_quantity(actor, quantity)
            return [with_counted_members(with_named_apposition(actor, token), token)] if actor is not None else []
        head = self.resolve(token.doc[token.i : token.i + 1])
        if (
            head is None
            and token.lemma_.lower() not in words("person_nouns")
            and not any(
                self.resolve(token.doc[m.i : m.i + 1])
                for first in modifiers
                for m in _modifier_members(first, premodifiers)
            )
        ):
            # "military, humanitarian and stabilisation planning": coordinated modifiers of a thing, not parties
            return []
        actors = []
        for first in modifiers:
            members = _modifier_members(first, premodifiers)
            for n, modifier in enumerate(members):
                own = self.resolve(token.doc[modifier.i : modifier.i + 1])
                # each member its own words: "Nigerian" and "British armed forces" of "Nigerian and British armed
                # forces" (the last member carries the shared head); the name says which member this actor is
                last = n == len(members) - 1
                start = (first.left_edge if n == 0 else modifier).idx
                end = token.idx + len(token.text) if last else modifier.idx + len(modifier.text)
                name: str | None = own.name if own and own.name and own.sector else f"{modifier.text} {token.text}"
                if last and n > 0 and modifier.lemma_.lower() in words("government_collectives"):
                    name = None  # "government troops", "regime forces": the state's own, unnamed agents
                actors.append(
                    Actor(
                        start=start,
                        end=end,
                        text=document_text(token.doc)[start:end],
                        name=name,
                        country=(own.country if own else None) or (head.country if head else None),
                        # a named group keeps its own sector ("the KIA and government troops": the KIA is REB); a
                        # country or demonym takes the head's ("Nigerian and British armed forces": MIL)
                        sector=own.sector
                        if own and own.name and own.sector and modifier.ent_type_ not in ("NORP", "GPE")
                        else (head.sector if head else None) or (own.sector if own else None),
                    )
                )
        return actors

    def actor_for(self, token: Token) -> Actor | None:
        """The resolver's actor, with fallbacks that keep real parties the knowledge base does not know.

        A possessive pronoun binds to its clause's subject first ("the UK remains steadfast in *its* support").
        A weapon stands for its force ("Israeli jets" -> Israeli military).  An unresolved personal pronoun,
        named entity or person noun keeps its own span (re3d marks "me", "a news conference" as parties).
        A dateline place ("MOGADISHU, Somalia -- A U.S. airstrike killed") is never an actor: the parser often
        makes it the subject with the real one as its apposition, which then stands in for it.
        """
        if self.in_dateline(token):
            return self.dateline_subject(token)
        if token.lower_ in words("binding_possessives") and (token.tag_ == "PRP$" or token.dep_ == "poss"):
            bound = self.bind_possessive(token)
            if bound is not None:
                return bound
        actor = self.resolve_token(token)
        if actor is not None:
            return actor
        low = token.lower_
        if token.pos_ == "PRON" and (
            low in words("personal_pronouns") or low in words("possessive_pronouns") and low != "its"
        ):
            return Actor(token.idx, token.idx + len(token.text), token.text, None, None, None)
        person_nouns = words("person_nouns") | words("victim_nouns") | CAPTIVE_PEOPLE
        if (
            token.ent_type_ in ("PERSON", "ORG", "NORP")
            or acting_place_name(token)
            or addressed_name(token)
            or named_body(token)
            or (token.pos_ in ("NOUN", "PROPN") and (token.lemma_.lower() in person_nouns or low in person_nouns))
        ):
            return self.span_actor(token)
        if token.pos_ == "NOUN" and (token.lemma_.lower() in words("weapon_nouns") or low in words("weapon_nouns")):
            launcher = self.weapon_launcher(token)
            if launcher is not None:
                return launcher
            wielder = self.weapon_wielder(token)
            if wielder is not None:
                return wielder
            if token.dep_ == "nsubj" and any(c.dep_ in ("det", "nummod") for c in token.children):
                # "one jet bombed": an unknown force acting; "sent drones" is no actor
                return self.span_actor(token)
        if token.pos_ == "NOUN" and self.is_event_noun(token):  # "coalition air strikes": the actor inside
            for modifier in sorted(token.children, key=lambda c: -c.i):
                if modifier.dep_ in ("compound", "nmod") and modifier.i < token.i:
                    actor = self.resolve_token(modifier)
                    if actor is not None:
                        return actor
            return None
        return self.named_body_head(token) or self.national_party(token)

    def named_body_head(self, token: Token) -> Actor | None:
        """A body word after the name of a known organisation is that organisation: "the *NATO* alliance", "the
        *Hamas* movement", "the *Mercosur* bloc" (the whole phrase is the span, the organisation gives the rest)."""
        if token.pos_ != "NOUN" or token.lemma_.lower() not in words("body_heads"):
            return None
        for modifier in token.children:
            if modifier.i < token.i and modifier.dep_ in ("compound", "nmod") and modifier.pos_ == "PROPN":
                owner = self.resolve_token(modifier)
                if owner is not None and owner.name and owner.sector:
                    span = self.span_actor(token)
                    return replace(owner, start=span.start, end=span.end, text=span.text)
        return None

    def in_dateline(self, token: Token) -> bool:
        check = getattr(self.lookup, "in_dateline", None)
        return bool(check is not None and check(token.i))

    def dateline_subject(self, token: Token) -> Actor | None:
        """The phrase after a dateline that the parser hung on it as an apposition: "MOGADISHU, Somalia --
        *A U.S. airstrike* has killed", "Tehran, March 15, IRNA - *the spokesman* condemned"."""
        node = token
        while node.dep_ == "conj" and node.head is not node and self.in_dateline(node.head):
            node = node.head  # "MOGADISHU, *Somalia*": the region is a conjunct of the place
        for appos in node.children:
            if appos.dep_ == "appos" and appos.i > token.i and not self.in_dateline(appos):
                return self.actor_for(appos)
        return None

    def weapon_launcher(self, token: Token) -> Actor | None:
        """ "The missiles *fired by the Israeli military* struck": a weapon's participle names who used it."""
        for participle in token.children:
            if participle.dep_ == "acl" and participle.tag_ == "VBN" and participle.i > token.i:
                for agent in participle.children:
                    if agent.dep_ != "agent":
                        continue
                    for pobj in agent.children:
                        if pobj.dep_ == "pobj":
                            actor = self.actor_for(pobj)
                            if actor is not None:
                                return actor
        return None

    def national_party(self, token: Token) -> Actor | None:
        """A common noun the knowledge base does not know, made national by a country or demonym modifier:
        "a *Chinese* actor", "two *Kuwaiti* nationals", "*Afghan Army* trainees".  As an event argument it is
        a party of that country (sector unknown); things ("Chinese goods") rarely stand where actors do, and
        the coder only asks for argument tokens."""
        if token.pos_ != "NOUN" or token.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL"):
            return None
        lemma = token.lemma_.lower()
        if not lemma.endswith(_PARTY_SUFFIXES) or lemma in _THING_NOUNS or lemma in words("weapon_nouns"):
            return None  # "UK-France co-operation", "the Syrian border", "Iraqi planes": things, not parties
        if token.tag_ != "NNS" and not any(c.dep_ in ("det", "nummod", "poss") for c in token.children):
            return None
        for modifier in token.children:
            if modifier.i > token.i or modifier.dep_ not in ("amod", "compound", "nmod"):
                continue
            if modifier.ent_type_ not in ("NORP", "GPE", "ORG"):
                continue
            owner = self.resolve(token.doc[modifier.i : modifier.i + 1])
            if owner is not None and owner.country:
                actor = self.span_actor(token)
                return replace(actor, country=owner.country)
        return None

    def weapon_wielder(self, token: Token) -> Actor | None:
        """ "Russian missiles", "Israeli jets", "coalition aircraft": a modifier with a country or sector names the
        armed force."""
        for modifier in token.children:
            if modifier.dep_ in ("amod", "compound", "nmod", "poss") and modifier.i < token.i:
                owner = self.resolve(token.doc[modifier.i : modifier.i + 1])
                if owner is not None and (owner.country or owner.sector):
                    start = token.left_edge.idx
                    end = token.idx + len(token.text)
                    return Actor(
                        start,
                        end,
                        document_text(token.doc)[start:end],
                        None,
                        owner.country,
                        owner.sector if owner.sector in ARMED_SECTORS else "MIL",
                    )
        return None

    def span_actor(self, token: Token) -> Actor:
        """An actor with no identity, spanning the noun phrase the resolver would use for ``token``."""
        span_of = getattr(self.lookup, "argument_span", None)
        span = span_of(token) if span_of is not None else token.doc[token.left_edge.i : token.i + 1]
        return Actor(span.start_char, span.end_char, span.text, None, None, None)

    def place_actor(self, token: Token) -> Actor | None:
        """A place or facility attacked ("striking Sabboura", "bombed a school"): the recipient of violence."""
        if token.ent_type_ in ("GPE", "LOC", "FAC") or (
            token.pos_ == "NOUN" and token.lemma_.lower() in words("target_place_nouns")
        ):
            return self.span_actor(token)
        return None

    def bind_possessive(self, pronoun: Token) -> Actor | None:
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
                subjects = [
                    s
                    for s in self.subjects(verb)
                    if not (s.i <= pronoun.i <= s.right_edge.i and s.left_edge.i <= pronoun.i)
                ]
                for subject in subjects:
                    if _no_owner_for(pronoun, subject):
                        continue
                    actor = self.resolve_token(subject) if subject.pos_ != "PRON" else None
                    if actor is not None:
                        return actor
                if verb.dep_ not in ("xcomp", "advcl", "conj", "acl", "relcl", "pcomp"):
                    break
            elif (
                node.pos_ in ("NOUN", "PROPN")
                and child.dep_ in ("prep", "conj")
                and not (pronoun.lower_ == "its" and node.tag_ in ("NNS", "NNPS"))
            ):
                actor = self.resolve_token(node)
                if actor is not None:
                    return actor
        return self.preceding_antecedent(pronoun)

    def preceding_antecedent(self, pronoun: Token) -> Actor | None:
        """The nearest earlier actor noun of the sentence that agrees in number ("the resolve of the international
        community in *its* determination"): the fallback when no governing subject binds the possessive (re3d's
        dyad evaluation: FightingAgainst with a possessive "its"/"their" source)."""
        for token in reversed(pronoun.doc[pronoun.sent.start : pronoun.i]):
            if token.pos_ not in ("NOUN", "PROPN") or token.dep_ in ("compound", "poss") or token.ent_type_ == "DATE":
                continue
            if token.ent_type_ in ("GPE", "LOC", "FAC") and token.head.lower_ in ("in", "at", "near", "from", "into"):
                continue  # "attacks in Paris": a setting, not an owner
            if _no_owner_for(pronoun, token):
                continue  # "the court rejected *his* appeal": his is a person's
            plural = token.tag_ in ("NNS", "NNPS")
            if (pronoun.lower_ == "its" and plural) or (
                pronoun.lower_ == "their" and not plural and token.lemma_.lower() not in ("government", "coalition")
            ):
                continue
            actor = self.resolve_token(token)
            if actor is not None:
                return actor
        return None


_PARTY_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "ee", "ate", "al", "at", "ic", "man", "men", "ive")
"""Endings of nouns for people and bodies ("worker", "actor", "student", "trainee", "inmate", "national",
"diplomat", "cleric", "policeman", "representative"): the only nouns ``national_party`` turns into parties."""
_THING_NOUNS = frozenset(
    {
        "border", "order", "power", "water", "center", "centre", "quarter", "paper", "number", "letter", "chapter",
        "matter", "sector", "territory", "market", "corridor", "airspace", "capital", "material", "cabinet",
        "document", "agreement", "statement", "government", "parliament", "development", "environment",
        "equipment", "movement", "investment", "settlement", "event", "content", "percent", "talent", "incident",
        "tribunal", "proposal", "approval", "deal", "signal", "total", "general", "ordinal", "topic",
        "traffic", "republic", "clinic", "objective", "initiative", "alternative", "climate", "state", "estate",
        "mandate", "debate", "date", "rate", "candidate", "plant", "grant", "elephant", "format", "combat",
        "threat", "seat", "boat", "comment", "element", "restaurant", "item", "weather", "dinner",
    }
)  # fmt: skip
"""Words with those endings that name things; parties among them ("government", "tribunal") resolve anyway."""


CAPTIVE_PEOPLE = frozenset(
    {"abductee", "captive", "convict", "detainee", "hostage", "inmate", "kidnappee", "prisoner", "sailor", "crew"}
)
"""The people among ``captive_nouns`` (the rest are ships and planes): "freed 37 prisoners" has a recipient."""


def with_quantity(actor: Actor, quantity: Token) -> Actor:
    """Stretch a member's span over the quantity phrase it was counted in: "*dozens of* political activists",
    "*11 of* Iran's prisoners" (the noun phrase is the evidence; the member gives the identity)."""
    if actor.start is None or actor.end is None:
        return actor
    first = quantity.left_edge
    start = min(actor.start, first.idx)
    return replace(actor, start=start, text=document_text(quantity.doc)[start : actor.end])


def with_named_apposition(actor: Actor, token: Token) -> Actor:
    """Stretch a title's span over the name set beside it: "the Iraqi Foreign Minister, *Ibrahim al-Jaafari*",
    "the Islamist group *al Shabaab*", "his party, *the Movement for Democratic Change*" (an organisation's name
    beside a common noun).

    re3d marks the party at the name as often as at the title (dyad evaluation: CommWith "met the Minister, X",
    "One young girl, Islam, tells me"); one span covering both matches either.  Lists (an apposition holding a
    coordination) are separate parties and stay out."""
    if actor.start is None or actor.end is None:
        return actor
    names = [
        a
        for a in token.children
        if a.dep_ == "appos"
        and a.i > token.i
        and (a.ent_type_ == "PERSON" or a.ent_type_ == "ORG" and token.pos_ == "NOUN")
        and not any(c.dep_ == "conj" for c in a.children)
    ]
    if not names:
        return actor
    doc = token.doc
    last = names[0].right_edge
    while last.i > names[0].i and (last.is_punct or last.dep_ in ("prep", "cc")):
        last = doc[last.i - 1]
    end = max(actor.end, last.idx + len(last.text))
    start = actor.start
    return replace(actor, end=end, text=document_text(doc)[start:end])


def named_body(token: Token) -> bool:
    """A capitalised name the tagger missed but headed by a state or group name: "US Special Operations",
    "Jordanian 71st Battalion" (re3d's dyad evaluation: FightingAgainst agents left unresolved)."""
    return (
        token.pos_ == "PROPN"
        and not token.ent_type_
        and token.dep_ in ("pobj", "nsubj", "dobj", "conj")
        and any(c.dep_ in ("compound", "amod") and c.ent_type_ in ("GPE", "NORP", "ORG") for c in token.children)
    )


def acting_place_name(token: Token) -> bool:
    """An unknown name the tagger calls a place but that is a verb's subject or object ("Sadiq told Karim"):
    small models tag unfamiliar person names GPE, and a place is never the teller or the one told.  Places in
    prepositional phrases are left to ``place_actor`` (re3d's dyad evaluation: CommWith names missed as GPE)."""
    return (
        token.ent_type_ == "GPE"
        and token.pos_ == "PROPN"
        and token.dep_ in ("nsubj", "dobj", "dative", "conj")
        and token.head.pos_ in ("VERB", "AUX", "PROPN")
    )


ADDRESSING_VERBS = frozenset(
    {"accuse", "urge", "warn", "call", "ask", "invite", "criticize", "criticise", "condemn", "blame", "summon", "sue"}
)
"""Verbs whose object or "on" object is the party addressed: whatever name stands there is a party."""


def addressed_name(token: Token) -> bool:
    """A capitalised name the knowledge base does not know, addressed by a verb that needs a party: "accused *the
    Centre* of refusing", "called on *the Verkhovna Rada* to repeal" (the small model tags such names as places or
    nothing); the party stays a span of its own rather than the argument going to a party deeper in the clause."""
    if token.pos_ != "PROPN" or token.ent_type_ not in ("", "LOC", "GPE", "FAC", "ORG"):
        return False
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "on":
        head = head.head
    elif token.dep_ != "dobj":
        return False
    return head.pos_ == "VERB" and head.lemma_.lower() in ADDRESSING_VERBS


FORCE_NOUNS = frozenset(
    {"soldier", "policeman", "police", "troop", "jawan", "guard", "personnel", "militant", "rebel", "army", "officer"}
)
"""Members of a state or armed force: coordinated with another group, each is a party of its own."""


def _modifier_members(first: Token, premodifiers: list[Token]) -> list[Token]:
    """A coordinated modifier and its conjuncts ("Iraqi and coalition forces"); when the parser left the "and"
    on the first name with no conjunct ("the KIA/nmod and/cc government/compound troops"), the next modifier of
    the same head is its conjunct."""
    conjuncts = [c for c in first.children if c.dep_ == "conj"]
    if conjuncts:
        return [first, *conjuncts]
    if first.pos_ == "PROPN" and any(c.dep_ == "cc" for c in first.children):
        later = [m for m in premodifiers if m.i > first.i and m.head == first.head]
        return [first, *later[:1]]
    return [first]


def counted_with(member: Token, first: Token) -> bool:
    """ "24 opposition leaders and activists": a bare common noun coordinated with a counted one is counted with it,
    one group of 24, not a second party ("12 students and two teachers" has two counts, "the army and police" none)."""
    if member.pos_ != "NOUN" or not any(c.dep_ == "nummod" for c in first.children):
        return False
    if member.lemma_.lower() in FORCE_NOUNS:
        return False  # "three soldiers and policemen": two forces, whatever the count covers
    return not any(
        c.dep_ in ("det", "nummod", "poss", "amod", "compound", "nmod", "prep", "appos") for c in member.children
    )


def with_counted_members(actor: Actor, token: Token) -> Actor:
    """The actor's span stretched over the bare nouns counted with it ("40 opposition politicians and activists")."""
    members = [m for m in token.conjuncts if m.i > token.i and counted_with(m, token)]
    if not members or actor.start is None or actor.end is None:
        return actor
    end = max(actor.end, members[-1].idx + len(members[-1].text))
    return replace(actor, end=end, text=document_text(token.doc)[actor.start : end])
