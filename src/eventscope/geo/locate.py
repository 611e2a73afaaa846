"""Event location: where, among a document's places, did the event at a trigger happen.

Preference order (the brief's): a place inside the trigger's locative argument ("exact"), then a place in
the trigger's sentence that is not only the argument of a non-locative relation ("shares a border with
Iran", "weapons from Iran") nor the scene of another clause ("the treaty signed in X") ("sentence"), then
the document's most frequent city/region ("document"), then its main country ("country").
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Token

from eventscope.nlp.parser import document_text
from eventscope.records import EventLocation, Place
from eventscope.vocabulary import words

LOCATIVE_PREPS = words("scene_prepositions")  # data/vocabulary.json
# Prepositions whose object is a partner, source, cause or comparison, not the scene of the event.
NON_LOCATIVE_PREPS = frozenset({"with", "from", "by", "against", "for", "about", "than", "like", "to", "of"})
# Verbs of taking whose "from" names the scene, not a source: "arrested 40 activists from the CRB area",
# "rounded up cadres from Sundhara" (common in South Asian English reports).
FROM_SCENE_VERBS = frozenset(
    {"arrest", "detain", "round", "recover", "seize", "abduct", "kidnap", "nab", "rescue", "evict", "pick"}
)
OBJECT_DEPS = frozenset({"dobj", "obj", "nsubjpass", "attr", "oprd", "pobj"})
# Smaller places say more about where an event happened; lower rank wins.
SPECIFICITY = {"PPL": 0, "PPLC": 0, "ADM2": 1, "ADM1": 2}
BROAD = frozenset({"PCLI", "CONT"})


# Where the wounded are treated or die is not where they were hurt: "injured in an attack in A ... died at
# B Medical College Hospital", "taken to a hospital in B".
MEDICAL_WORDS = frozenset({"hospital", "hospitals", "clinic", "medical", "infirmary", "dispensary"})
TREATMENT_PREPS = frozenset({"at", "to", "in", "into", "inside"})


def _medical(doc: Doc, tokens: range) -> bool:
    """The place names or holds a hospital that someone was taken to or treated at (the hospital word is
    the object of "at"/"to"/"in"), not one that was attacked ("shelled a hospital in X", "an attack on
    the X hospital")."""
    if not len(tokens):
        return False
    ward = None
    j = tokens[-1] + 1
    while j < len(doc) and j <= tokens[-1] + 4 and doc[j].pos_ in {"PROPN", "NOUN"}:
        if doc[j].lower_ in MEDICAL_WORDS:
            ward = doc[j]
            break
        j += 1
    if ward is None:
        head = _range_head(doc, tokens)
        if head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.lower_ in MEDICAL_WORDS:
            ward = head.head.head
    if ward is None:
        return False
    while ward.dep_ in {"compound", "amod", "nmod"} and ward.head is not ward:
        ward = ward.head  # "Medical" in "Medical College Hospital"
    return ward.dep_ == "pobj" and ward.head.lower_ in TREATMENT_PREPS


def _names_a_symbol(doc: Doc, tokens: range) -> bool:
    """The place only qualifies a national thing: "chanting pro-Pakistan *slogans*", "a Vietnam-Cambodia border
    *treaty*", "stormed the Pakistan *embassy*" (``national_symbols``); the country owns the thing, the event did
    not happen there."""
    return bool(len(tokens)) and qualifies_a_national_symbol(_range_head(doc, tokens))


def qualifies_a_national_symbol(head: Token) -> bool:
    """The phrase headed by ``head`` is a modifier (up to four steps: "pro-Pakistan *slogans*", "Indian rupee
    *notes*") of a ``national_symbols`` noun. Shared with the pipeline's check that a NORP names people."""
    node = head
    for _ in range(4):
        if node.dep_ not in ("compound", "amod", "nmod") or node.head is node or node.head.i < node.i:
            break
        node = node.head
    return node is not head and node.lemma_.lower() in words("national_symbols")


def scene_candidates(doc: Doc, places: list[Place]) -> list[Place]:
    """Places that can be where an event happened: not where the wounded were treated, not a symbol's owner."""
    return [
        p for p in places if not _medical(doc, tokens := _place_tokens(doc, p)) and not _names_a_symbol(doc, tokens)
    ]


def _range_head(doc: Doc, tokens: range) -> Token:
    """The token of a non-empty range whose head lies outside it (the first one), else its first token."""
    return next((doc[t] for t in tokens if doc[t].head.i not in tokens), doc[tokens[0]])


def _specificity(p: Place) -> int:
    if p.feature_code in SPECIFICITY:
        return SPECIFICITY[p.feature_code]
    return 4 if p.feature_code in BROAD else 3


def _place_tokens(doc: Doc, p: Place) -> range:
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    return range(span.start, span.end) if span is not None else range(0)


def _locative_scope(trigger: Token) -> set[int]:
    """Token indices in the trigger's locative arguments and in its object (minus non-locative PPs)."""
    scope: set[int] = set()
    roots = [trigger]
    if trigger.dep_ in {"dobj", "obj", "nsubj", "nsubjpass", "pobj"} and trigger.head is not trigger:
        roots.append(trigger.head)  # "launched an attack in X": the PP hangs on the light verb
    roots += [c for c in trigger.children if c.dep_ in {"dobj", "obj", "nsubjpass", "attr", "oprd", "xcomp"}]
    for root in roots:
        for child in root.children:
            if child.dep_ == "prep" and (
                child.lower_ in LOCATIVE_PREPS
                or (root is trigger and child.lower_ == "of")
                or (child.lower_ == "from" and trigger.lemma_ in FROM_SCENE_VERBS)
            ):
                # a verb-attached "of" is an argument ("take control of the city of X")
                scope.update(t.i for t in child.subtree)
            elif child.dep_ in {"compound", "nmod", "amod"} and root is trigger:
                scope.update(t.i for t in child.subtree)
    for obj in (c for c in trigger.children if c.dep_ in OBJECT_DEPS):
        scope.update(_subtree_without(obj, NON_LOCATIVE_PREPS - {"of"}))
    return scope


def _subtree_without(token: Token, preps: frozenset[str]) -> set[int]:
    out = {token.i}
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            continue
        if child.dep_ in {"relcl", "acl", "advcl", "conj", "cc", "appos"}:
            continue
        out |= _subtree_without(child, preps)
    return out


def _non_locative(doc: Doc, tokens: range, stop: Token) -> bool:
    """True when the place is only the object of a non-locative preposition or a possessor."""
    if not len(tokens):
        return True
    head = _range_head(doc, tokens)
    if head.dep_ == "poss":
        return True
    node = head
    for _ in range(12):
        if node is stop or node.head is node:
            return False
        if node.dep_ == "prep":
            if node.lower_ == "from" and stop.lemma_ in FROM_SCENE_VERBS:
                return False
            return node.lower_ in NON_LOCATIVE_PREPS
        node = node.head
    return False


# Clauses that tell another happening than their head's: "the agreement *signed* between India and China",
# "said the bomb *exploded* in Y".  Coordinated verbs ("shot and killed") and adverbial clauses of the same
# moment ("killed when militants *attacked* a post in X") share the trigger's scene; an adverbial clause of
# another time ("rallied after police *beat* a student in Y", ``OTHER_TIME_MARKS``) does not.
OTHER_EVENT_CLAUSES = frozenset({"relcl", "acl", "ccomp", "parataxis"})
OTHER_TIME_MARKS = frozenset({"after", "before", "since", "until", "till"})
# Of those, the ones that describe the trigger itself when they hang on it: "an attack *which took place* in X",
# "a protest *held* in X".
DESCRIBING_CLAUSES = frozenset({"relcl", "acl"})


def _clause_verb(token: Token) -> Token:
    """The verb of the clause ``token`` stands in (itself when it is one; the root when none is above it)."""
    node = token
    for _ in range(40):
        if node.pos_ in {"VERB", "AUX"} or node.head.i == node.i:
            return node
        node = node.head
    return node


ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "obj"})


def _is_participant(noun: Token, trigger: Token, verb: Token) -> bool:
    """``noun`` is the trigger or one of its clause's subjects or objects: a clause that describes it ("farmers who
    lost their land at X staged a protest", "arrested a man who was hiding in X") tells where they were."""
    if noun.i == trigger.i:
        return True
    return noun.dep_ in ARGUMENT_DEPS and noun.head.i in {trigger.i, verb.i}


def _in_subject(token: Token, verb: Token) -> bool:
    """``token`` lies in the subject of ``verb``: the speaker's place ("Alaska Gov. Palin said she would reject ...",
    "police in Karachi said ...") is where the reported deed happened more often than not."""
    node = token
    for _ in range(40):
        if node.head.i == verb.i:
            return node.dep_ in {"nsubj", "nsubjpass"}
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _other_clause(doc: Doc, tokens: range, trigger: Token) -> bool:
    """The place is the scene of another clause of the sentence than the trigger's, with a verb of its own.

    A sentence often tells two happenings: "cadres were rounded up while staging a protest against the
    agreement signed between India and China", "four officers were shot Saturday, the worst day since four
    agents died in a raid in Waco".  A place in a clause below the trigger's (a relative, participial or
    reported clause, ``OTHER_EVENT_CLAUSES``, or an adverbial clause of another time) says where *that*
    happened, unless the clause describes the trigger itself ("an attack which took place in X") or one of its
    participants ("farmers who lost land in X protested").  So does a place of a clause that reports or compares
    the trigger's ("since ... died in Waco"), but not one in the reporter's own name ("Alaska Gov. Palin said she
    would reject ...").  A place of the clause that the trigger's only completes ("took to the streets in X to
    protest") stays.  The event then takes a place of its own clause, or the story's main place."""
    if not len(tokens):
        return False
    head = _range_head(doc, tokens)
    mine = _clause_verb(trigger)
    theirs = _clause_verb(head.head) if head.head.i != head.i else head
    if theirs.i == mine.i:
        return False
    # the trigger's clause hangs below the place's: only a reported or loose clause is another happening
    links: list[str] = []
    node = mine
    for _ in range(40):
        if node.i == theirs.i:
            return any(dep in {"ccomp", "parataxis"} for dep in links) and not _in_subject(head, theirs)
        if node.head.i == node.i:
            break
        links.append(node.dep_)
        node = node.head
    # the place's clause hangs below (or beside) the trigger's: the links up to where the two clauses meet
    above_mine = {mine.i, *(t.i for t in mine.ancestors)}
    node = theirs
    for _ in range(40):
        if node.i in above_mine or node.head.i == node.i:
            return False
        if node.dep_ in OTHER_EVENT_CLAUSES:
            return not (node.dep_ in DESCRIBING_CLAUSES and _is_participant(node.head, trigger, mine))
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in OTHER_TIME_MARKS for c in node.children):
            return True
        node = node.head
    return False


def to_location(p: Place, precision: str) -> EventLocation:
    return EventLocation(
        p.start,
        p.end,
        p.text,
        p.geonames_id,
        p.name,
        p.lat,
        p.lon,
        p.country,
        p.admin1,
        p.feature_code,
        p.confidence,
        precision,
    )


# "Punjab's Kasur", "Jammu & Kashmir's Kupwara": the text between a place and a place it holds through a possessive
# (a name joined to the first by an ampersand may stand before the possessive).
_POSSESSIVE_GAP = re.compile(r"^(?:\s*&\s*[^,;.]+?)?['’]s\s+$")


def holds(text: str, outer: Place, inner: Place) -> bool:
    """``outer`` is the possessor of ``inner`` ("Jammu & Kashmir's Kupwara district"): ``inner`` lies inside it."""
    if outer.end is None or inner.start is None or inner.start < outer.end:
        return False
    return bool(_POSSESSIVE_GAP.match(text[outer.end : inner.start]))


def _best(cands: list[tuple[Place, range]], trigger: Token) -> Place:
    """Most specific first; among equals, a place named as a scene ("in Anantnag district") before one that
    only modifies a participant ("a Jammu police constable"), then the nearest to the trigger."""

    def dist(item: tuple[Place, range]) -> int:
        rng = item[1]
        return min(abs(t - trigger.i) for t in rng) if len(rng) else 10_000

    text = document_text(trigger.doc)

    def holds_another(place: Place) -> bool:  # the possessed place lies inside it and says more
        return any(holds(text, place, other) for other, _ in cands)

    return min(
        cands,
        key=lambda it: (_specificity(it[0]), holds_another(it[0]), not _after_scene_prep(trigger.doc, it[1]), dist(it)),
    )[0]


def _after_scene_prep(doc: Doc, tokens: range) -> bool:
    """The place hangs from a scene preposition ("in", "at", "near"), through at most a few nouns."""
    if not len(tokens):
        return False
    node = _range_head(doc, tokens)
    for _ in range(4):
        if node.dep_ == "prep" or node.head is node:
            break
        node = node.head
    return node.dep_ == "prep" and node.lower_ in LOCATIVE_PREPS


def main_place(places: list[Place]) -> Place | None:
    """The most frequent resolved city or region (first mention wins ties)."""
    local = [p for p in places if p.geonames_id is not None or p.lat is not None]
    local = [p for p in local if p.feature_code in SPECIFICITY]
    if not local:
        return None
    counts = Counter((p.name, p.lat, p.lon) for p in local)
    best = max(counts.values())
    return next(p for p in local if counts[(p.name, p.lat, p.lon)] == best)


def locate(
    doc: Doc, trigger_index: int, places: list[Place], country_place, every_place: list[Place] | None = None
) -> EventLocation | None:
    """See module docstring; ``country_place`` maps an alpha-3 code to a country Place for the last step.

    ``places`` are the candidates for this event (the pipeline leaves out places that name its source actor,
    "U.S. forces"); ``every_place`` are all the document's places.  When no candidate gives a document or
    local place, the document's places named inside actors give one ("Chittagong district police detained
    40 activists"): where the actors come from is the best guess left of where they acted."""
    resolved = [p for p in places if p.lat is not None]
    scenes = scene_candidates(doc, resolved)
    found = _in_sentence(doc, trigger_index, scenes)
    if found is not None:
        return found
    everywhere = [p for p in every_place or places if p.lat is not None]
    elsewhere = scene_candidates(doc, everywhere)
    main = main_place(scenes) or main_place(elsewhere) or main_place(resolved) or main_place(everywhere)
    if main is not None:
        return to_location(main, "document")
    return _main_country(scenes, country_place) or _main_country(elsewhere, country_place)


def _in_sentence(doc: Doc, trigger_index: int, resolved: list[Place]) -> EventLocation | None:
    """A place in the trigger's locative argument ("exact"), else one in its sentence ("sentence")."""
    trigger = doc[trigger_index]
    sent = trigger.sent
    in_sent = [(p, _place_tokens(doc, p)) for p in resolved if sent.start_char <= p.start < sent.end_char]
    scope = _locative_scope(trigger)
    exact = [(p, r) for p, r in in_sent if any(t in scope for t in r)]
    sentence = [(p, r) for p, r in in_sent if not _non_locative(doc, r, trigger)]
    if exact:
        best = _best(exact, trigger)
        # a place that only names a participant ("a Jammu police constable was shot ... in Anantnag district")
        # yields to an equally specific scene phrase elsewhere in the sentence
        if not any(p is best and _after_scene_prep(doc, r) for p, r in exact):
            scenes = [(p, r) for p, r in sentence if _after_scene_prep(doc, r)]
            scenes = [(p, r) for p, r in scenes if _specificity(p) <= _specificity(best)]
            if scenes:
                return to_location(_best(scenes, trigger), "sentence")
        return to_location(best, "exact")
    sentence = [(p, r) for p, r in sentence if not _other_clause(doc, r, trigger)]
    if sentence:
        return to_location(_best(sentence, trigger), "sentence")
    return None


def _main_country(resolved: list[Place], country_place) -> EventLocation | None:
    """The document's most often named country: its own mention, else its representative point."""
    countries = Counter(p.country for p in resolved if p.country)
    if not countries:
        return None
    iso3 = countries.most_common(1)[0][0]
    mention = next((p for p in resolved if p.feature_code == "PCLI" and p.country == iso3), None)
    if mention is not None:
        return to_location(mention, "country")
    cp = country_place(iso3)
    return to_location(cp, "country") if cp is not None else None
