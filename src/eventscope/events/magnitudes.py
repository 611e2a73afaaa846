"""Death and injury tolls as news writes them, kept apart: the PLOVER ``dead`` and ``injured`` magnitudes.

Reports state casualties in many forms: "killed 23 people", "a policeman was killed" (one), "an army captain and
two soldiers were killed" (three), "killing four", "left 12 dead", "three bodies were found", "the death toll rose
to 40", "at least five were injured".  Each form is read from the dependency parse of the clause that carries the
event (the trigger itself, or the casualty verb it is linked to: "a bomb attack killed 3", "were killed in an
attack", "stormed the village, killing 4").  A count needs a number or a singular noun: "civilians were killed"
says nothing about how many, so no magnitude is given.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from eventscope.nlp.parser import document_text
from eventscope.records import Magnitude
from eventscope.vocabulary import word_map

#: Adjectives after "left N ..." / "found N ..." that say which toll the number is.
_STATE_WORDS = {"dead": "dead", "killed": "dead", "injured": "injured", "wounded": "injured", "hurt": "injured"}
#: Nouns that are a toll by themselves: "three bodies were recovered".
_BODY_NOUNS = {"body": "dead", "corpse": "dead"}
_TOLL_NOUNS = {"toll"}
_CLAUSE_LINKS = {"advcl", "conj", "xcomp", "ccomp", "relcl", "acl"}
_DEAD_PARTICLES = {
    ("gun", "down"): "dead",
    ("shoot", "dead"): "dead",
    ("hack", "death"): "dead",
    ("stab", "death"): "dead",
    ("beat", "death"): "dead",
    ("burn", "death"): "dead",
}


def casualty_field(verb: Token) -> str | None:
    """``dead`` or ``injured`` for a casualty verb ("killed", "gunned down", "shot dead", "wounded")."""
    lemma = verb.lemma_.lower()
    for child in verb.children:
        key = (lemma, child.lower_)
        if key in _DEAD_PARTICLES and child.dep_ in {"prt", "acomp", "oprd", "advmod", "dobj", "amod", "prep", "pobj"}:
            return _DEAD_PARTICLES[key]
        if child.dep_ == "prep" and child.lower_ == "to" and any(g.lower_ == "death" for g in child.children):
            return "dead"  # "stabbed to death", "beaten to death"
    if lemma in RESULTATIVE_VERBS and killed_by_result(verb):
        return "dead"  # "axed to death", "shot dead two members", "burnt alive"
    return word_map("casualty_verbs").get(lemma) or DEAD_VERBS.get(lemma)


KILLING_NOUNS = frozenset({"killing", "murder", "assassination", "massacre", "lynching", "beheading", "execution"})
"""Nouns of a killing whose "of" object is the dead: "the killing of two masons"."""
DEAD_VERBS = {
    "murder": "dead",
    "assassinate": "dead",
    "behead": "dead",
    "lynch": "dead",
    "massacre": "dead",
    "slaughter": "dead",
    "martyr": "dead",
    "succumb": "dead",
    "perish": "dead",
    "execute": "dead",
}
"""Verbs that say their victims died, beside the shared casualty verbs (kill, die, slay)."""

RESULTATIVE_VERBS = frozenset(
    {
        "ax",
        "axe",
        "chop",
        "hack",
        "stab",
        "beat",
        "bludgeon",
        "club",
        "stone",
        "burn",
        "burnt",
        "lynch",
        "strangle",
        "batter",
        "knife",
        "slit",
        "crush",
        "kick",
        "shoot",
        "gun",
        "hammer",
        "torture",
        "slash",
        "bash",
        "behead",
        "butcher",
        "char",
        "set",
        "bomb",
    }
)
"""Deeds that kill when their result says so ("hacked to death", "shot dead", "burnt alive"); "sentenced to death"
or "bored to death" are no such deeds."""


def killed_by_result(verb: Token) -> bool:
    """The words right after the verb (or its particle) state a death: "dead", "to death", "alive" (burnt alive)."""
    doc = verb.doc
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        after = doc[obj.right_edge.i + 1 : obj.right_edge.i + 2]
        if len(after) and after[0].lower_ == "dead":
            return True  # "shot Jubo Dal leader Nurul Amin dead"
    following = [t.lower_ for t in doc[verb.i + 1 : verb.i + 4]]
    if following[:1] and following[0] in ("down", "up"):
        following = following[1:]
    if not following:
        return False
    if following[0] == "dead" or (following[0] == "alive" and verb.lemma_.lower() in ("burn", "burnt", "char")):
        return True
    return following[:2] == ["to", "death"]


def count_people(noun: Token) -> Magnitude | None:
    """How many people a victim phrase names, its conjuncts added: "an officer and two soldiers" -> 3.

    A number ("23 people", "five", "at least two civilians", "dozens of people") counts as itself; a singular
    noun or name ("a policeman", "the pastor", "Abid") counts one; a bare plural ("civilians") is unknown, and
    so is the whole phrase when any part of it is."""
    total = 0
    start, end = noun.idx, noun.idx + len(noun.text)
    for part in _conjuncts(noun):
        counted = _count_one(part)
        if counted is None and part is not noun and _unnumbered_others(part):
            continue  # "22 TTP and other militants": the others are not counted, the number stands
        if part.ent_type_ in ("GPE", "LOC", "FAC") and not part.like_num:
            continue  # "In Barisal, a truck driver ... and his helper were killed": a misparsed place is nobody
        if counted is None:
            return None
        total += counted.value
        start, end = min(start, counted.start or start), max(end, counted.end or end)
    if total <= 0:
        return None
    return Magnitude(value=total, start=start, end=end, text=document_text(noun.doc)[start:end])


def _unnumbered_others(noun: Token) -> bool:
    return noun.lower_ == "others" or any(c.lower_ == "other" for c in noun.children if c.dep_ == "amod")


def casualties(trigger: Token, event_type: str) -> dict[str, Magnitude]:
    """``dead`` / ``injured`` magnitudes of the event at ``trigger`` (empty when the text gives no count)."""
    found: dict[str, Magnitude] = {}
    linked = event_type == "ASSAULT"  # another type keeps only tolls of its own verb
    number: Magnitude | None
    for verb in _casualty_clauses(trigger) if linked else ([trigger] if casualty_field(trigger) else []):
        for field2, number in _left_or_found(verb):
            _add(found, field2, number, document_text(trigger.doc))
        field = casualty_field(verb)
        if field is None:
            continue
        victims = _victims(verb)
        for victim in victims:
            if victim.is_punct or any(v.i == victim.i + 1 for v in victims):
                continue  # "Sub - inspector" read as three subjects: one person, counted on the last part
            number = count_people(victim)
            if number is not None:
                _add(found, field, number, document_text(trigger.doc))
    if event_type == "ASSAULT" and trigger.pos_ == "NOUN" and trigger.lemma_.lower() in KILLING_NOUNS:
        for victim in (c for p in trigger.children if p.lower_ == "of" for c in p.children if c.dep_ == "pobj"):
            number = count_people(victim)  # "the killing of MPA Rana Shamshad and his son"
            if number is not None:
                found.setdefault("dead", number)
    if event_type == "ASSAULT":
        for field, number in toll_phrases(trigger):
            found.setdefault(field, number)
    return found


# -- helpers --------------------------------------------------------------------------------------


def _add(found: dict[str, Magnitude], field: str, number: Magnitude, text: str) -> None:
    """Count ``number`` into ``found[field]``: two counts of one field add up, and their evidence is the text that
    spans both (a span's text is always its slice of the document)."""
    if field in found:
        if found[field].start == number.start:
            return
        previous = found[field]
        start, end = min(previous.start or 0, number.start or 0), max(previous.end or 0, number.end or 0)
        found[field] = Magnitude(previous.value + number.value, start, end, text[start:end])
    else:
        found[field] = number


def _conjuncts(noun: Token) -> Iterator[Token]:
    yield noun
    for child in noun.children:
        if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
            yield from _conjuncts(child)


def number_of(noun: Token) -> Magnitude | None:
    """The number a noun phrase states: "23 people", "five", "at least two civilians", "dozens"."""
    if noun.like_num or noun.lower_ in word_map("number_words"):
        value = _to_int(noun.text)
        if value is not None:
            return Magnitude(value, noun.idx, noun.idx + len(noun.text), noun.text)
    for child in noun.children:
        if child.dep_ == "nummod" or (child.dep_ in ("amod", "quantmod") and child.like_num):
            value = _to_int(child.text)
            if value is not None:
                start = min(child.idx, noun.idx)
                end = max(child.idx + len(child.text), noun.idx + len(noun.text))
                return Magnitude(value, start, end, document_text(noun.doc)[start:end])
    return None


def _count_one(noun: Token) -> Magnitude | None:
    """A number, else one for a singular noun or name ("a policeman", "Abid")."""
    number = number_of(noun)
    if number is not None or noun.like_num or noun.lower_ in word_map("number_words"):
        return number
    singular = any(c.dep_ == "det" and c.lower_ in ("a", "an", "one") for c in noun.children)
    if noun.tag_ in ("NN", "NNP") or noun.ent_type_ == "PERSON" or singular:  # "a Levies personnel"
        if noun.pos_ == "PRON":
            return None
        return Magnitude(1, noun.idx, noun.idx + len(noun.text), noun.text)
    if noun.lower_ in ("he", "she", "him", "her"):
        return Magnitude(1, noun.idx, noun.idx + len(noun.text), noun.text)
    return None


MORE_NUMBER_WORDS = {
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
"""Number words past twelve that tolls are written in ("fifteen people were killed")."""


def _to_int(text: str) -> int | None:
    cleaned = text.replace(",", "").lower()
    if cleaned.isdigit():
        return int(cleaned)
    return word_map("number_words").get(cleaned) or MORE_NUMBER_WORDS.get(cleaned)


def _victims(verb: Token) -> list[Token]:
    """Who suffered: the object of an active verb, the subject of a passive one or of "died"."""
    victims = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if not victims and verb.lemma_.lower() in ("die", "succumb", "perish"):
        victims = [c for c in verb.children if c.dep_ == "nsubj"]
    if not victims and verb.dep_ == "conj" and verb.tag_ == "VBN":  # "three were wounded and five killed"
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                victims.append(child)
    if not victims and verb.dep_ == "conj" and verb.head.pos_ == "VERB":  # "was shot and killed", "shot and killed X"
        victims = [c for c in verb.head.children if c.dep_ in ("dobj", "nsubjpass")]
    return victims


def _left_or_found(verb: Token) -> Iterator[tuple[str, Magnitude]]:
    """ "left 12 dead", "leaving five injured", "three bodies were found"."""
    lemma = verb.lemma_.lower()
    if lemma in ("leave", "find", "recover"):
        for child in verb.children:  # "left 12 dead": the number hangs on the state word
            if child.dep_ in ("oprd", "acomp", "dobj") and child.lower_ in _STATE_WORDS:
                number = next((_count_one(g) for g in child.children if g.dep_ == "nummod"), None)
                if number is not None:
                    yield _STATE_WORDS[child.lower_], number
        for conj in verb.children:  # "... and 30 injured"
            if conj.dep_ == "conj" and conj.lower_ in _STATE_WORDS:
                for g in conj.children:
                    if g.dep_ in ("nsubj", "nsubjpass", "nummod") and g.like_num:
                        number = _count_one(g)
                        if number is not None:
                            yield _STATE_WORDS[conj.lower_], number
        for child in verb.children:
            if child.dep_ not in ("dobj", "nsubjpass", "ccomp", "oprd"):
                continue
            state = next(
                (
                    _STATE_WORDS[g.lower_]
                    for g in (*child.children, *verb.children)
                    if g.lower_ in _STATE_WORDS and g.dep_ in ("amod", "acomp", "oprd", "advmod", "ccomp")
                ),
                None,
            )
            if state is None and child.lemma_.lower() in _BODY_NOUNS:
                state = _BODY_NOUNS[child.lemma_.lower()]
            if state is not None:
                number = _count_one(child)
                if number is not None:
                    yield state, number


def _casualty_clauses(trigger: Token) -> list[Token]:
    """The trigger and the verbs of its clause that may state its casualties."""
    verbs: list[Token] = [trigger]
    for child in trigger.children:  # "stormed the village, killing four"; "attacked and killed two"
        if child.dep_ in _CLAUSE_LINKS and child.pos_ in ("VERB", "AUX"):
            verbs.append(child)
    head = trigger.head
    if head is not trigger:
        if trigger.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
            verbs.append(head)  # "a bomb attack killed three"
        elif trigger.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
            verbs.append(head.head)  # "were killed in an attack"
        elif trigger.dep_ == "dobj" and head.pos_ in ("VERB", "AUX"):
            verbs.extend(c for c in head.children if c.dep_ in _CLAUSE_LINKS and c.pos_ in ("VERB", "AUX"))
        elif trigger.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
            verbs.append(head)  # "shot and killed": the casualty verb is the first conjunct
        if head.dep_ == "prep" and head.head.dep_ == "conj" and head.head.head.pos_ == "VERB":
            verbs.append(head.head.head)  # "was hacked to death and her father injured in an attack"
    for verb in list(verbs):
        verbs.extend(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and c not in verbs)
    seen: set[int] = set()
    return [v for v in verbs if not (v.i in seen or seen.add(v.i))]


def toll_phrases(trigger: Token) -> Iterator[tuple[str, Magnitude]]:
    """ "the death toll rose to 40", "a toll of 12 dead" in the trigger's sentence."""
    for token in trigger.sent:
        if token.lemma_.lower() not in _TOLL_NOUNS:
            continue
        field = "injured" if any(c.lower_ in ("injury", "injured") for c in token.children) else "dead"
        candidates = [*token.head.subtree] if token.dep_ in ("nsubj", "nsubjpass") else [*token.subtree]
        for cand in candidates:
            if cand.like_num and cand.i > token.i:
                value = _to_int(cand.text)
                if value is not None:
                    yield field, Magnitude(value, cand.idx, cand.idx + len(cand.text), cand.text)
                    return
