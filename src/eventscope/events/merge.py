"""One event, many reports: ids that name the happening, and merging of its reports.

An event's id is a hash of what makes it one happening: type, mode, the actors' canonical
identities, the place, the date, polarity, modality and the theme (what was acted on: "caches",
"city").  Reports of the same happening therefore get the same id in any document, run or store,
so users can join across runs and the store counts every happening once.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import replace
from functools import cache
from importlib import resources
from itertools import pairwise

from eventscope.actors.inference import shared_country
from eventscope.ids import content_id
from eventscope.records import Actor, Event, EventLocation, Magnitude, Paragraph, Report
from eventscope.vocabulary import word_map
from eventscope.vocabulary import words as vocabulary


def happening_id(
    event_type: str,
    mode: str | None,
    actor1: Actor | None,
    actor2: Actor | None,
    location: EventLocation | None,
    date: str | None,
    negated: bool,
    modality: str,
    theme: str | None,
    sentence_text: str,
) -> str:
    """Stable id of a happening; with no actor at all, the sentence itself must match too."""
    parts = [
        event_type,
        mode or "",
        actor_key(actor1),
        actor_key(actor2),
        str(location.geonames_id or location.name) if location else "",
        date or "",
        str(negated),
        modality,
        theme or "",
    ]
    if actor1 is None and actor2 is None:
        parts.append(" ".join(sentence_text.lower().split()))
    return content_id("\x1f".join(parts), "event")


def merge_events(events: list[Event], text: str = "", title: str | None = None) -> list[Event]:
    """Collapse reports of one happening into the first, summing mentions and reports.

    Two events are one happening when they have the same id, or when one sentence states the same type between
    the same actors twice ("officials met in Islamabad to discuss a ceasefire": "met" and "discuss" are one
    meeting, the deed and its purpose) — whatever the mode, theme or how precisely each trigger was placed. The
    second adds no mention: it is the same report.  Then a one-sided event that restates part of another is folded
    into it (``_fold_partial``): in one sentence ("were convicted and sentenced"), or later in the document ("Petrenko
    visited Vientiane ... during Petrenko's visit"), where it adds a report and a mention; so is a casualty report of
    the attack just told (``_same_attack``; ``text``, the document the events' offsets point into, shows what its
    sentence refers to), and, when the text opens with its ``title``, the headline's deed told again in the lead
    (``_headline_in_lead``); last, any deed told again in a later sentence with its parties named the same or another
    way (headline, lead and quote), one side the same named party or both triggers of one root
    (``_same_happening``), and a deed on a counted group or a list told again on some of its members
    (``_part_of_group``).  The first report stays the evidence."""
    headline = bool(title and title.strip() and text.lstrip().startswith(title.strip()))
    return _fold_partial(_merge_same(events), text, headline)


def _merge_same(events: list[Event]) -> list[Event]:
    survivors: dict[str, Event] = {}
    in_sentence: dict[tuple, str] = {}
    for event in events:
        key = _sentence_happening(event)
        same_sentence = in_sentence.get(key) if key is not None else None
        if same_sentence is None and key is not None and event.modality == "future":
            # "officials met in Islamabad to discuss a ceasefire": the purpose told after the deed is that deed
            same_sentence = in_sentence.get((*key[:-1], "asserted"))
        if same_sentence is None and key is not None:
            same_sentence = _one_utterance(event, [survivors[i] for i in in_sentence.values() if i in survivors])
        if same_sentence is not None and same_sentence != event.event_id:
            survivors[same_sentence] = _combined(survivors[same_sentence], event, add_mentions=False)
            continue
        kept = survivors.get(event.event_id)
        if kept is None:
            survivors[event.event_id] = event
            if key is not None:
                in_sentence.setdefault(key, event.event_id)
            continue
        survivors[event.event_id] = _combined(kept, event, add_mentions=True)
    return list(survivors.values())


SPEECH_TYPES = frozenset({"ACCUSE"})
"""Types whose deed is words: coordinated verbs of one speaker to one kind of party tell one utterance."""


def _one_utterance(event: Event, earlier: list[Event]) -> str | None:
    """The earlier event of the sentence that ``event`` tells again as one act of speech ("she attacked law
    enforcement officers and blamed police"): same speech type, speaker, polarity and modality, the targets two
    descriptions of one kind of party.  Two named targets ("blamed Lee and criticized Park") stay two."""
    if event.event_type not in SPEECH_TYPES or event.actor1 is None or event.actor2 is None:
        return None
    for other in earlier:
        if other.sentence.start != event.sentence.start or other.actor1 is None or other.actor2 is None:
            continue
        if (other.event_type, other.negated, other.modality) != (event.event_type, event.negated, event.modality):
            continue
        if actor_key(other.actor1) == actor_key(event.actor1) and _unnamed_alike(other.actor2, event.actor2):
            return other.event_id
    return None


def _retold(event: Event, kept: list[Event], text: str) -> Event | None:
    """The earlier event a later one tells again, by the rules both kinds of event share (one actor or two): the
    attack just told, a deed noun told again, a party known by its relative, one happening with its parties named
    another way, a group's deed told on its members, a doer named after its role."""
    return (
        _same_attack(event, kept, text)
        or _deed_noun_again(event, kept, text)
        or _known_by_relative(event, kept, text)
        or _same_happening(event, kept, text)
        or _part_of_group(event, kept, text)
        or _names_indefinite_doer(event, kept, text)
    )


def _fold_partial(events: list[Event], text: str = "", headline: bool = False) -> list[Event]:
    """Fold an event with at most one actor into an earlier event of the same type, polarity and modality that
    has that actor too (by identity or a shared proper name: "Minister Ivan Petrenko's visit" restates "visiting
    Defence Minister Ivan Petrenko"), at a compatible place and date.  An event with both actors is folded only
    when it retells a trip or a meeting (``_retells_dyad``), a deed told on a thing and on a party in one sentence
    (``_deed_on_thing``), the attack just told (``_same_attack``), or one happening with its parties named another
    way (``_same_happening``): other dyads are statements to keep."""
    kept: list[Event] = []
    for event in events:
        if event.actor1 is None or event.actor2 is None:
            host = (
                next((k for k in kept if _restates(event, k)), None)
                or _told_of_anaphor(event, kept)
                or _toll_of_partyless(event, kept)
                or _names_indefinite(event, kept)
                or _retold(event, kept, text)
            )
        else:
            host = (
                next((k for k in kept if _retells_dyad(event, k)), None)
                or (next((k for k in kept if _headline_in_lead(event, k, text)), None) if headline else None)
                or _names_indefinite(event, kept)
                or next((k for k in kept if _deed_on_thing(event, k)), None)
                or _retold(event, kept, text)
            )
        if host is None:
            deed = next((k for k in kept if _purpose_of_partnerless(event, k)), None)
            if deed is not None:
                # "ministers met in Brussels to discuss Iran": one meeting, whose other side only the purpose told
                kept[kept.index(deed)] = replace(_combined(deed, event, add_mentions=False), actor2=event.actor2)
                continue
            trip = next((k for k in kept if _visit_and_meeting(event, k)), None)
            if trip is not None:
                # "Wang, who is on a visit to Russia, met Lavrov": the record is the meeting, which names whom
                base, other = (trip, event) if _visited_state(event) else (event, trip)
                kept[kept.index(trip)] = _combined(base, other, add_mentions=False)
                continue
        if host is not None and _state_hit_apart(event, host):
            host = None
        if host is None:
            kept.append(event)
            continue
        same_sentence = host.sentence.start == event.sentence.start
        if same_sentence and _deed_on_thing(event, host):
            # "in a police raid at their home, the couple were arrested": the record is the deed on the party
            base, other = (event, host) if _thing(host.actor2) else (host, event)
            kept[kept.index(host)] = _combined(base, other, add_mentions=False)
            continue
        combined = _combined(host, event, add_mentions=not same_sentence)
        if event.event_type in ATTACK_TYPES and not same_sentence:
            # one attack, its toll told piece by piece: the larger counts, and the doer or victims told later; the
            # place stays the attack's ("... succumbed to his injuries at a hospital in the capital")
            combined = replace(
                combined,
                location=host.location or event.location,
                actor1=host.actor1 or event.actor1,
                actor2=host.actor2 or event.actor2,
                dead=_larger(host.dead, event.dead),
                injured=_larger(host.injured, event.injured),
            )
        if host.actor1 is None and host.actor2 is None:
            combined = replace(combined, actor2=event.actor2)  # the partyless deed takes the victims told next
        elif _indefinite(host.actor2) and _named_person(event.actor2):
            # "police arrested a man ... Martello was arrested": the record names whom it happened to
            combined = replace(combined, actor1=host.actor1 or event.actor1, actor2=event.actor2)
        if _meeting_by_pronoun(event, host) and host.actor1 is not None and event.actor1 is not None:
            # "after his talks with Lavrov ... Wang Yi met Lavrov": the record names who met
            if host.actor1.text.lower() in PERSONAL_PRONOUNS:
                combined = replace(combined, actor1=event.actor1)
            if host.actor2 is not None and host.actor2.text.lower() in PERSONAL_PRONOUNS:
                combined = replace(combined, actor2=event.actor2)
        if host.location is not None and _retold_visit(event, host):
            combined = replace(combined, location=host.location)  # the city met in, not the country visited
        kept[kept.index(host)] = combined
    return kept


ATTACK_TYPES = frozenset({"ASSAULT"})
"""Types whose happening is one attack that a story tells clause by clause and victim by victim."""
STATE_SECTORS = frozenset({"MIL", "POL", "GOV"})
"""Sectors of a state force: one hit is a party of its own record unless the attack has one already."""


def _same_attack(event: Event, kept: list[Event], text: str) -> Event | None:
    """The attack a later report goes on telling ("A bomb killed a soldier near Manbij. *Five others were wounded
    in the blast*", "Militants attacked a post. *Two policemen were injured*"): the latest earlier attack (or the one
    whose victim it names again), of the same telling, in a sentence just before or one that points back to it
    ("the blast", "the attack", the victim told again), and not
    told as another ("in a separate attack").  Its doer is the same party or one of the same kind, or not told
    (a doer told only later must have done it to the same victim: "Isis killed the soldier")."""
    if event.event_type not in ATTACK_TYPES:
        return None
    attacks = [k for k in reversed(kept) if k.event_type == event.event_type]
    host = next((k for k in attacks if _victim_again(event.actor2, k.actor2)), attacks[0] if attacks else None)
    if host is None or host.sentence.start >= event.sentence.start or not _same_telling(event, host):
        return None
    words = _sentence_words(event, text)
    if _told_as_another(words):
        return None
    nouns = vocabulary("incident_nouns")
    points_back = any(
        w in DEFINITE_STARTS and any(n in nouns for n in words[i + 1 : i + 3]) for i, w in enumerate(words)
    ) or _victim_again(event.actor2, host.actor2)
    if not points_back and event.sentence.start - host.sentence.end > NEAR_CHARS:
        return None
    if event.actor1 is not None:
        if host.actor1 is not None and not (
            _same_party(event.actor1, host.actor1) or _described_alike(event.actor1, host.actor1)
        ):
            return None
        if host.actor1 is None and not (
            event.actor2 is not None and host.actor2 is not None and _same_party(event.actor2, host.actor2)
        ):
            return None
    if not points_back and _told_apart(event.actor2, host.actor2):
        return None
    return host


def _same_happening(event: Event, kept: list[Event], text: str) -> Event | None:
    """The happening a later sentence tells again with its parties named another way ("Russia's invasion of Georgia" ...
    "Putin's invasion of Georgia"; "Seafarers' union endorses Ruiz" ... "the union endorsed Ana Ruiz"; "Lee is set to
    veto the bill" ... "the president's reasons to veto it"): the latest earlier event of the same type, polarity, place
    and written date, both told as done or both as not done yet (``_in_mood_of``), whose every side told in both is one
    party (``_side_fit``), one side at least told in both. Unless both sides are told in both and one of them is the
    same named party (its identity, a shared proper name, a state and its government or leader), the triggers must share
    a word of one root ("veto", "veto"; "embargo", "imposed an embargo"): one speaker's "criticized X" and "attacked"
    are often two statements. Sides told only by descriptions ("Iraqi forces" and "the rebels" twice; "the council
    approved" twice, "Police" and "Avon Police" with no target) are often two deeds, unless both sides of a statement
    (``_statement_retold``); a pronoun asks for the same root too, and stands only for a party told just before
    (``_far_pronoun``) unless the other side is the same named party ("Park admitted he shot Ana Ruiz ... *He* shot
    *her* by the bus stop": the named doer's victim told again, however far). The victim of an attack or arrest
    must be told in both, the same party or a pronoun for it (``_victim_fits``): one doer's deeds on two victims stay
    two. A sentence that tells another one ("another", "a separate", ``_words_up_to_deed``) keeps its own; a
    description set apart ("other unions") is another party."""
    if _told_as_another(_words_up_to_deed(event, text)):
        return None
    for host in _told_before(event, kept):
        if not _same_telling(_in_mood_of(event, host), host):
            continue
        fits = [_side_fit(a, b) for a, b in ((event.actor1, host.actor1), (event.actor2, host.actor2))]
        if "none" in fits or fits.count("missing") == 2:
            continue
        if not {"strong", "pronoun"} & set(fits) and not _statement_retold(event, host):
            continue  # descriptions only ("council approved" twice, "Police" and "Avon Police"): often two deeds
        if "pronoun" in fits and _far_pronoun(event, host) and "strong" not in fits:
            continue
        if event.event_type in VICTIM_TYPES and not _victim_fits(fits, event.actor2, host.actor2):
            continue
        if "strong" not in fits or "missing" in fits or "pronoun" in fits:
            if not _one_root(event.trigger.text, host.trigger.text):
                continue
        return host
    return None


GROUP_TYPES = frozenset({"COERCE", "ASSAULT", "SANCTION", "ACCUSE"})
"""Types whose deed a story tells on a group first and then person by person: arrests, shootings, sentences and
charges ("police arrested 13 people ... Four people were arrested: Ana Ruiz, 23; ...")."""


def _part_of_group(event: Event, kept: list[Event], text: str) -> Event | None:
    """The deed on a group that a later sentence tells again on some of its members ("Police arrested 13 people in
    raids on Thursday ... *Four people* were arrested at one house: *Ana Ruiz*, 23; ..."; "A court sentenced five
    men to life ... the judge also sentenced *Lee Park*"; "Ruiz and Mora were charged with theft ... *Mora* was also
    charged with ..."): the latest earlier event of the same type and mode told in an earlier sentence, of the same
    telling, whose target is a counted group of people ("13 people", "two men from the area") or a list; the later
    target one named person, a smaller or equal counted group, or a member of that list; the doers one party, two
    of one kind ("a court", "the judge") or one told in one report only.  A sentence that tells another deed
    ("another", "separately") keeps its own, and so does a deed between them on another target (only the latest
    deed of its kind with a target is taken)."""
    if event.event_type not in GROUP_TYPES or event.actor2 is None:
        return None
    host = next((k for k in _told_before(event, kept) if k.actor2 is not None), None)
    if host is None or host.actor2 is None or not _same_telling(event, host):
        return None
    if event.mode and host.mode and event.mode != host.mode:
        return None
    if _told_as_another(_words_up_to_deed(event, text)):
        return None
    part, whole = _titled_one(event.actor2), host.actor2
    if whole.members:
        if part.members or not any(_same_party(part, m) for m in whole.members):
            return None
    else:
        size = _group_size(whole)
        if size is None or size < 2:
            return None
        told = _group_size(part) if not _named_person(part) else 1
        if told is None or told > size:
            return None
    doers = (event.actor1, host.actor1)
    if None not in doers and not (_compatible_party(*doers) or _same_kind(*doers)):  # type: ignore[arg-type]
        return None
    return host


def _group_size(actor: Actor) -> int | None:
    """The number of people a description counts ("13 people", "the four officers", "two men from the area"): a
    number word or figure at its start (after "the", "all" or "some") followed by a noun of people; none for a
    name, a list, an age ("25-year-old") or things ("1,248 bags of heroin")."""
    if actor.name or actor.members:
        return None
    words = actor.text.lower().replace(",", "").split()
    while words and words[0] in COUNT_DETERMINERS:
        words = words[1:]
    if len(words) < 2:
        return None
    count = int(words[0]) if words[0].isdigit() else word_map("number_words").get(words[0])
    noun = words[1]
    if count is None or "-" in noun:
        return None
    people = vocabulary("person_nouns") | vocabulary("victim_nouns") | vocabulary("private_people")
    people |= vocabulary("counted_people_nouns")
    if not (actor.party or noun in people or noun.removesuffix("s") in people):
        return None
    return count


COUNT_DETERMINERS = frozenset({"the", "all", "some", "those", "these"})


def _words_up_to_deed(event: Event, text: str) -> list[str]:
    """The lower-case words of the event's sentence up to its trigger, and those of whom it was done to: where a
    sentence tells a new deed ("in a separate raid, police arrested", "launched another invasion", "arrested another
    man"), not a remark after it ("endorsed Ruiz on Friday, another sign of labour's support")."""
    before = text[event.sentence.start : max(event.sentence.start, event.trigger.end)]
    target = event.actor2.text if event.actor2 is not None else ""
    return re.findall(r"[a-z]+", f"{before} {target}".lower())


def _far_pronoun(event: Event, host: Event) -> bool:
    """A personal pronoun on either side told far after the host's sentence: it stands for someone told nearer.
    "We" speaks for the quoted speaker's side wherever the quote is."""
    if event.sentence.start - host.sentence.end <= NEAR_CHARS:
        return False
    sides = (event.actor1, event.actor2, host.actor1, host.actor2)
    return any(a is not None and a.text.lower() in PERSONAL_PRONOUNS for a in sides)


def _statement_retold(event: Event, host: Event) -> bool:
    """A statement whose two sides are each described, in both reports, as one party named two ways (``_one_party``:
    "the state government" twice, "the apex court" and "the Supreme Court"): a story retells one statement so; two
    meetings or attacks between described parties, or "Convict" and "A convicted killer", are often two."""
    if event.event_type not in STATEMENT_TYPES:
        return False
    sides = ((event.actor1, host.actor1), (event.actor2, host.actor2))
    return all(a is not None and b is not None and _one_party(a, b) for a, b in sides)


def _one_root(a: str, b: str) -> bool:
    """Two triggers that share a word of one root ("embargo", "imposed an embargo"; "asks", "asked")."""
    return any(_stem(x) == _stem(y) or _same_root(x, y) for x in a.split() for y in b.split())


UNREAL_MODALITIES = frozenset({"future", "hypothetical"})
"""Modalities of a deed not (yet) done: a story tells one plan as intended and as a condition ("Lee is set to veto
the bill ... her reasons to veto it")."""


def _in_mood_of(event: Event, host: Event) -> Event:
    """``event`` in the host's modality when both tell a deed not done (planned or supposed), else unchanged."""
    if event.modality != host.modality and {event.modality, host.modality} <= UNREAL_MODALITIES:
        return replace(event, modality=host.modality)
    return event


VICTIM_TYPES = frozenset({"ASSAULT", "COERCE"})
"""Types whose happening is known by whom it was done to: one doer's deeds on two victims are two."""


def _victim_fits(fits: list[str], victim: Actor | None, earlier: Actor | None) -> bool:
    """Whether two reports of an attack or arrest name one victim: the same party or a pronoun for it; a state
    attacked again ("troops attacked Ukraine ... forces attacked Ukraine": a war's deeds, often two) only when the
    doer is the same named party too."""
    if fits[1] not in ("strong", "pronoun"):
        return False
    states = [v for v in (victim, earlier) if v is not None and _state_named(v)]
    return not states or fits[0] == "strong"


def _side_fit(a: Actor | None, b: Actor | None) -> str:
    """How one side of two reports names one party: "missing" (told in one only), "strong" (the same named party: its
    identity, a shared proper name, a state and its government or leader), "pronoun" (a pronoun, "we" included,
    that may stand for the other), "weak" (two descriptions of one kind, or a description and a named party of its
    kind) or "none" (two parties, or a list against another party)."""
    if a is None or b is None:
        return "missing"
    a, b = _titled_one(a), _titled_one(b)
    if a.members or b.members:
        return "strong" if actor_key(a) == actor_key(b) else "none"
    if actor_key(a) == actor_key(b):
        return "strong" if a.name or (_name_headed(a) and _proper_names(a)) else "weak"
    if {a.text.lower(), b.text.lower()} & (PERSONAL_PRONOUNS | FIRST_PLURAL):
        return "pronoun" if _stands_for(a, b) or _stands_for(b, a) else "none"
    if _same_party(a, b) or _state_and_agent(a, b) or _state_and_agent(b, a) or _leads(a, b) or _leads(b, a):
        return "strong"
    if not (a.party and b.party):
        return "none"
    if _one_party(a, b) or _described_alike(a, b) or _implied_alike(a, b) or _of_its_kind(a, b) or _of_its_kind(b, a):
        return "weak"
    return "none"


def _leads(person: Actor, state: Actor) -> bool:
    """A named member of a state's government and the state named by its country's name ("Putin", "Russia")."""
    if not _named_person(person) or person.sector != "GOV" or person.country is None:
        return False
    if state.members or state.country != person.country:
        return False
    return _state_named(state) or (state.name or "").lower() in _country_names().get(state.country, ())


def _stands_for(pronoun: Actor, other: Actor) -> bool:
    """A personal pronoun that may stand for the other party: resolved to none or to the same name, of no other
    country."""
    pronouns = PERSONAL_PRONOUNS | FIRST_PLURAL
    if pronoun.text.lower() not in pronouns or other.text.lower() in pronouns:
        return False
    if pronoun.country and other.country and pronoun.country != other.country:
        return False
    if pronoun.name:
        return bool(_proper_names(pronoun) & _proper_names(other)) or actor_key(pronoun) == actor_key(other)
    return True


def _of_its_kind(described: Actor, named: Actor) -> bool:
    """A description with no name ("the union", "police") and a named party of its sector and country."""
    if not _unnamed(described) or _unnamed(named) or described.members or named.members:
        return False
    if any(actor.text.lower().split()[0] in CONTRAST_STARTS for actor in (described, named)):
        return False
    if _indefinite(described) or described.sector is None or described.sector != named.sector:
        return False
    return described.country is None or named.country is None or described.country == named.country


def _sentence_words(event: Event, text: str) -> list[str]:
    """The lower-case words of the event's sentence."""
    return re.findall(r"[a-z]+", text[event.sentence.start : event.sentence.end].lower())


def _told_as_another(words: list[str]) -> bool:
    """Whether a sentence tells a new happening of its kind ("in a separate attack", "another loan")."""
    return bool(set(words) & vocabulary("new_incident_words"))


POINTING_BACK = frozenset({"the", "these", "those", "this", "his", "her", "their", "its"})
"""Words before a deed noun by which a later sentence points back to a deed already told ("to make *the* arrests",
"*his* endorsement of Trump"); "that" is left out, as it also starts a clause ("the blast *that* targeted")."""


def _deed_noun_again(event: Event, kept: list[Event], text: str) -> Event | None:
    """The deed a later sentence names again by its noun, introduced as known ("Police arrested 13 people in raids on
    Thursday ... detectives worked with the narcotics unit to make *the arrests*", "The bank signed a loan with
    Nordia ... *The loan* was made possible by the fund", "Cruz endorsed Trump ... *his endorsement* of Trump"): the
    latest earlier event of the same type and polarity told by a word of the same root ("arrested", "arrests"), whose
    parties do not contradict the later one's: each side missing in one of them, or one party named or described
    two ways.  The clause around the noun may be a wish or a condition ("could be imperiled with his endorsement"):
    the noun still names the deed told.  Attacks are left to ``_same_attack``, and a noun told as a new one
    ("another loan", "a second arrest") or under another determiner ("a loan") is a deed of its own, and so is a noun
    whose complement names a target that is not the earlier deed's ("her support of the raid" after "her support of
    the war")."""
    if event.event_type in ATTACK_TYPES or not _points_back(event, text):
        return None
    if _told_as_another(_sentence_words(event, text)):
        return None
    for host in _told_before(event, kept):
        if not _same_root(event.trigger.text, host.trigger.text):
            continue
        if not (_compatible_party(event.actor1, host.actor1) and _compatible_party(event.actor2, host.actor2)):
            continue
        if _has_complement(event, text) and not (
            event.actor2 is not None and host.actor2 is not None and _one_party(event.actor2, host.actor2)
        ):
            continue  # "her support *of the raid*" after "her support of the war": the complement names another
        return host
    return None


def _told_before(event: Event, kept: list[Event]) -> Iterator[Event]:
    """The kept events of the same type and polarity told in an earlier sentence, latest first: the deeds a later
    mention may name again."""
    for host in reversed(kept):
        if host.event_type == event.event_type and host.negated == event.negated:
            if host.sentence.start < event.sentence.start:
                yield host


RELATIVE_LINK = re.compile(r"^\s*,?\s*(?:who|that)(?:\s+(?:was|were|is|are|had|has|have|been))*\s*$", re.IGNORECASE)
"""The words between a definite description and a deed told in its relative clause ("the officer *who* shot",
"the man *who was* shot")."""


def _known_by_relative(event: Event, kept: list[Event], text: str) -> Event | None:
    """The deed a definite description names as known by a relative clause ("police shot a man in his car ... *The
    officer who shot Scott* was not wearing a camera", "the gunman killed their pastor ... *the man who killed Dr.
    Winters*"): the clause tells no new deed, it says which party it means by the deed told.  The latest earlier event
    of the same type and polarity (a clause's wish or plan does not matter) whose parties do not contradict it: each
    side missing in one, one party or two of one kind, or a person told without a name before and named now, and
    one side told in both (the secretary "who has been criticized" after lawmakers denounced the bonuses is none).  A
    description told as another ("another officer who") stays its own, as does a relative clause on an indefinite
    ("a man who shot")."""
    spans = (event.actor1, event.actor2)
    described = [(a.text, a.end) for a in spans if a is not None and a.end is not None and a.start is not None]
    if not any(
        words.lower().split()[0] in DEFINITE_STARTS
        and end <= event.trigger.start
        and RELATIVE_LINK.match(text[end : event.trigger.start])
        for words, end in described
        if words.split()
    ):
        return None
    if _told_as_another(_sentence_words(event, text)):
        return None
    host = next(_told_before(event, kept), None)
    if host is None:
        return None
    sides = ((event.actor1, host.actor1), (event.actor2, host.actor2))
    told_in_both = [(a, b) for a, b in sides if a is not None and b is not None]
    return host if told_in_both and all(_known_party_fits(a, b) for a, b in told_in_both) else None


def _known_party_fits(later: Actor | None, told: Actor | None) -> bool:
    """One side of a deed named as known and of the deed told: missing in one, one party or two of one kind, or a
    person told with no name before ("a man", "their pastor") and named now."""
    if later is None or told is None or _compatible_party(later, told) or _same_kind(later, told):
        return True
    return _named_person(later) and not told.name and not _proper_names(told) and not told.members


NOUN_COMPLEMENT_STARTS = frozenset({"of", "for", "to", "with", "against", "on", "by"})


def _has_complement(event: Event, text: str) -> bool:
    """Whether the deed noun goes on with what or whom it was done to ("his endorsement *of Trump*", "the loan *to
    Nordia*"): then that target, not the determiner, says which deed it is."""
    after = re.findall(r"[A-Za-z]+", text[event.trigger.end : min(event.sentence.end, event.trigger.end + 12)])
    return bool(after) and after[0].lower() in NOUN_COMPLEMENT_STARTS


def _points_back(event: Event, text: str) -> bool:
    """Whether the event's trigger is a noun the text introduces as known: "the", "these", "his" right before it, or
    before the name that says whose deed it is ("*the* ICC indictment of Bashir", "*the* UN sanctions on Iran": one
    or two capitalised words between).  Only a noun goes on with its complement ("of", "on"): "the Security Council
    condemned" is a subject and its verb, not a deed noun (nor is any "-ed" word)."""
    if len(event.trigger.text.split()) != 1:
        return False
    before = re.findall(
        r"[A-Za-z][A-Za-z.'-]*", text[max(event.sentence.start, event.trigger.start - 40) : event.trigger.start]
    )
    if not before:
        return False
    if before[-1].lower() in POINTING_BACK:
        return True
    if event.trigger.text.lower().endswith("ed") or not _has_complement(event, text):
        return False
    named = 0
    while named < min(2, len(before) - 1) and before[-1 - named][:1].isupper():
        named += 1
    return named > 0 and before[-1 - named].lower() in POINTING_BACK


def _same_root(a: str, b: str) -> bool:
    """Two trigger words of one root: the shorter stem begins the other word ("arrest", "arrests", "arrested";
    "endorses", "endorsement")."""
    shorter = min(_stem(a), _stem(b), key=len)
    firsts = [(w.split() or [""])[0].lower() for w in (a, b)]
    return len(shorter) >= 4 and all(w.startswith(shorter) for w in firsts)


def _compatible_party(a: Actor | None, b: Actor | None) -> bool:
    """One side of two reports of one deed: told in one report only, or one party named or described two ways."""
    if a is None or b is None:
        return True
    return _same_party(a, b) or _one_party(a, b) or _described_alike(a, b) or _implied_alike(a, b)


def _state_hit_apart(event: Event, host: Event) -> bool:
    """A state force hit in a later sentence keeps its own record when the attack it would join has none ("A bomb
    hit a market. A policeman was wounded"), so that no side of the attack goes unrecorded."""
    if event.event_type not in ATTACK_TYPES or host.sentence.start == event.sentence.start:
        return False
    if event.actor2 is None or event.actor2.sector not in STATE_SECTORS:
        return False
    return not any(a is not None and a.sector in STATE_SECTORS for a in (host.actor1, host.actor2))


def _victim_again(victim: Actor | None, earlier: Actor | None) -> bool:
    """The victim told again by the same description, not introduced anew ("a man was shot ... striking *the
    man*"; not "a man ... a man")."""
    if victim is None or earlier is None or _indefinite(victim) or _state_named(victim):
        return False
    return actor_key(victim) == actor_key(earlier) or (_named_person(victim) and _same_party(victim, earlier))


def _told_apart(victim: Actor | None, earlier: Actor | None) -> bool:
    """Victims that make two attacks of two reports unless the later points back to the first: two people named
    differently ("police shot Lee ... Park was shot"), or a state attacked ("troops attacked Ukraine ... forces
    attacked Ukraine" tells a war's deeds, often two)."""
    if victim is None or earlier is None:
        return False
    if _named_person(victim) and _named_person(earlier) and not _same_party(victim, earlier):
        return True
    return _state_named(victim) and _state_named(earlier)


def _state_named(actor: Actor) -> bool:
    """A party named by a country's name ("Ukraine", "Turkey")."""
    names = _proper_names(actor)
    return _name_headed(actor) and bool(names) and names <= _country_name_words()


def _larger(a: Magnitude | None, b: Magnitude | None) -> Magnitude | None:
    if a is None or b is None:
        return a or b
    return b if b.value > a.value else a


def _deed_on_thing(event: Event, earlier: Event) -> bool:
    """One deed told on a thing and on a party in one sentence ("in a police raid at *their home*, *the couple*
    were arrested", "assailants exploded *crude bombs*, injuring *three people*"): same type, doer, polarity and
    modality, and one target a thing (no name, country or sector) where the other is a party."""
    if earlier.sentence.start != event.sentence.start or None in (event.actor1, earlier.actor1):
        return False
    if event.actor2 is None or event.event_id == earlier.event_id:
        return False
    if (event.event_type, event.negated, event.modality) != (earlier.event_type, earlier.negated, earlier.modality):
        return False
    if actor_key(event.actor1) != actor_key(earlier.actor1):
        return False
    return _thing(event.actor2) != _thing(earlier.actor2)


def _thing(actor: Actor | None) -> bool:
    """A target that is no party: none told ("in a police raid at their home"), or one the knowledge base knows as
    none ("vetoed a resolution")."""
    return actor is None or not actor.party


def _retells_dyad(event: Event, earlier: Event) -> bool:
    """Whether the dyad ``event`` tells ``earlier`` again: a trip, or a meeting whose one side is told once by a
    pronoun (dyads named again are ``_same_happening``'s)."""
    return _retold_visit(event, earlier) or _meeting_by_pronoun(event, earlier)


MEETING_TYPES = frozenset({"CONSULT"})
"""Types whose happening is a meeting, which a story tells by several words ("met", "talks", "meeting")."""


def _meeting_by_pronoun(event: Event, earlier: Event) -> bool:
    """One meeting told in two sentences, one side named in one and told by a pronoun in the other ("Wang told
    reporters after *his* talks with Foreign Minister Sergei Lavrov ... Foreign Minister Wang Yi met Lavrov in
    Moscow"): a meeting type, same polarity, modality, place and date, one side the same named party in both, and
    on the other side a pronoun that stands for no other named party (it names none, or the same one) of no other
    country.  A pronoun that stands for another person ("his" = Kerry) or two named parties ("met Lavrov ... met
    Putin") keep two meetings."""
    if event.event_type not in MEETING_TYPES or earlier.sentence.start >= event.sentence.start:
        return False
    if None in (event.actor1, event.actor2, earlier.actor1, earlier.actor2) or not _same_telling(event, earlier):
        return False
    assert event.actor1 and event.actor2 and earlier.actor1 and earlier.actor2  # for the type checker
    sides = ((event.actor1, earlier.actor1), (event.actor2, earlier.actor2))
    named = [_named_person(a) and _named_person(b) and _same_party(a, b) for a, b in sides]
    by_pronoun = [_pronoun_for(a, b) or _pronoun_for(b, a) for a, b in sides]
    return (named[0] and by_pronoun[1]) or (named[1] and by_pronoun[0])


def _pronoun_for(pronoun: Actor, named: Actor) -> bool:
    """Whether ``pronoun`` is a personal pronoun ("we" aside) that may stand for the named person (``_stands_for``):
    resolved to no named party, or to the same one, and not to another country."""
    named = _titled_one(named)
    return pronoun.text.lower() in PERSONAL_PRONOUNS and _named_person(named) and _stands_for(pronoun, named)


def _toll_of_partyless(event: Event, kept: list[Event]) -> Event | None:
    """The partyless deed a victim-only event goes on telling: "Two bombs went off in a market. *Several people
    were injured*": the latest earlier event of the same telling with no party at all, in a sentence just before,
    takes the victims (one happening, one event)."""
    if event.actor1 is not None or event.actor2 is None:
        return None
    earlier = next((k for k in reversed(kept) if k.event_type == event.event_type), None)
    if earlier is None or earlier.actor1 is not None or earlier.actor2 is not None:
        return None
    if earlier.sentence.start >= event.sentence.start or event.sentence.start - earlier.sentence.end > NEAR_CHARS:
        return None
    return earlier if _same_telling(event, earlier) else None


def _same_telling(event: Event, earlier: Event, same_dates: bool = True) -> bool:
    """Same type, polarity and modality, compatible place, and (``same_dates``) no two different dates written in
    the text."""
    if (event.event_type, event.negated, event.modality) != (earlier.event_type, earlier.negated, earlier.modality):
        return False
    if not _compatible_places(event.location, earlier.location):
        return False
    if not same_dates:
        return True
    return not (event.date_source == "text" and earlier.date_source == "text" and event.date != earlier.date)


def _restates(event: Event, earlier: Event) -> bool:
    """Whether ``event`` (one actor at most) tells again part of ``earlier``."""
    if not _same_telling(event, earlier):
        return False
    own = [a for a in (event.actor1, event.actor2) if a is not None]
    theirs = [a for a in (earlier.actor1, earlier.actor2) if a is not None]
    if not own:  # no actor at all: only within one sentence ("were convicted and sentenced")
        return earlier.sentence.start == event.sentence.start
    if earlier.sentence.start == event.sentence.start:
        return any(actor_key(own[0]) == actor_key(a) for a in theirs)
    return any(_same_party(own[0], a) for a in theirs)


ANAPHORS = frozenset({"he", "she", "they", "him", "her", "them"})
PERSONAL_PRONOUNS = ANAPHORS | frozenset({"his", "their"})
"""The anaphors and the possessives by which a story tells one side of a meeting again ("after *his* talks with X")."""
DEFINITE_STARTS = frozenset({"the", "this", "that", "these", "those"})
NEAR_CHARS = 400
"""How far back (characters between the sentences) a victim referred to by "he" or "the deceased" is looked for."""


def _told_of_anaphor(event: Event, kept: list[Event]) -> Event | None:
    """The event a sourceless one goes on telling when its only party points back ("A journalist was stabbed in
    Khulna. *He* succumbed to his injuries", "... *the injured leader* died on Wednesday"): the latest earlier
    event of the same telling with a target, in a sentence just before.  Its toll and reports join that event."""
    if event.actor1 is not None or event.actor2 is None:
        return None
    words = event.actor2.text.lower().split()
    if not words or not (
        (len(words) == 1 and words[0] in ANAPHORS) or (words[0] in DEFINITE_STARTS and not _name_headed(event.actor2))
    ):
        return None
    earlier = next((k for k in reversed(kept) if k.event_type == event.event_type), None)
    if earlier is None or earlier.actor2 is None or earlier.sentence.start >= event.sentence.start:
        return None
    if event.sentence.start - earlier.sentence.end > NEAR_CHARS:
        return None
    # the victim may die days later ("stabbed on Tuesday ... succumbed on Wednesday"): the dates need not agree
    return earlier if _same_telling(event, earlier, same_dates=False) else None


def _titled_one(actor: Actor) -> Actor:
    """One person with two titles that the parser read as a list ("Chinese State Councilor and Foreign Minister
    Wang Yi", "Deputy Prime Minister and Finance Minister Ana Ruiz"): a list whose members but the last name no one
    (only titles and nationality words) is its last member, the named person; other lists stay lists."""
    if len(actor.members) < 2 or not _name_headed(actor.members[-1]) or not _proper_names(actor.members[-1]):
        return actor
    for member in actor.members[:-1]:
        if _proper_names(replace(member, name=None)) - _demonym_words() - _country_name_words():
            return actor
    return actor.members[-1]


STATEMENT_TYPES = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT", "AGREE"})
"""Types whose deed is a statement: a story tells it in its headline, its lead and the quote itself."""


def _headline_in_lead(event: Event, earlier: Event, text: str) -> bool:
    """The headline's deed told again in the lead, the sentence right after it, each party described anew ("Convict
    asks Texas court to halt execution" / "A convicted murderer has asked the Texas Supreme Court to halt his
    execution"): headlines drop articles and names, so each side need only be one party or of one kind (same sector,
    no two countries); the same verb, polarity, modality, place and date.  Only the title the text opens with and
    the sentence after it (the caller asks only then): later sentences, or the two first sentences of a text with no
    title (a short note), may tell another deed of the same kind."""
    if earlier.sentence.start != 0 or earlier.actor1 is None or earlier.actor2 is None:
        return False
    if text[earlier.sentence.end : event.sentence.start].strip() or not _same_telling(event, earlier):
        return False
    if _stem(event.trigger.text) != _stem(earlier.trigger.text):
        return False
    assert event.actor1 is not None and event.actor2 is not None  # _fold_partial asks only of dyads
    return _of_a_kind(event.actor1, earlier.actor1) and _of_a_kind(event.actor2, earlier.actor2)


def _of_a_kind(a: Actor, b: Actor) -> bool:
    """One party named two ways (``_one_party``), or two of one sector and no two countries ("Convict", "a convicted
    murderer"; "Texas court", "the Texas Supreme Court")."""
    return _one_party(a, b) or _same_kind(a, b)


def _same_kind(a: Actor, b: Actor) -> bool:
    """Two single parties of one sector and not of two different countries."""
    if a.members or b.members or a.sector is None or a.sector != b.sector:
        return False
    return a.country is None or b.country is None or a.country == b.country


def _stem(trigger: str) -> str:
    """The first word of a trigger without its inflection ("urges", "urged", "urging" -> "urg")."""
    words = trigger.lower().split()
    word = words[0] if words else ""
    for suffix in ("ing", "ed", "es", "s", "e", "d"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _one_party(a: Actor, b: Actor) -> bool:
    """One party named two ways in one story: the same party, a state and its government or spokesperson
    (``_state_and_agent``), or two definite descriptions of one kind ("the apex court", "the Supreme Court")."""
    if _same_party(a, b) or _state_and_agent(a, b) or _state_and_agent(b, a):
        return True
    return _same_kind(a, b) and any(_unnamed(x) and x.text.lower().split()[0] in DEFINITE_STARTS for x in (a, b))


def _state_and_agent(state: Actor, agent: Actor) -> bool:
    """A state named by its country's name ("Chile") and an organ of its government or someone speaking for it in
    the first person ("the Chilean government", "We" said by its spokeswoman): same country, and the agent a "we"
    of no other sector or country, or of the government sector named by no other name than the country's ("Chile's
    opposition", "Chilean miners" and "Minister Rosa Vidal" are not the state itself)."""
    if (
        state.country is None
        or agent.members
        or (state.name or "").lower() not in _country_names().get(state.country, ())
    ):
        return False
    if agent.text.lower() in FIRST_PLURAL:  # the quote's speaker is told after the merge: "we" has no country yet
        return agent.country in (None, state.country) and agent.sector in (None, "GOV")
    if agent.country != state.country:
        return False
    own = {w.lower() for w in (state.name or "").split()} | _demonym_words()
    return agent.sector == "GOV" and not agent.name and not (_proper_names(agent) - own)


FIRST_PLURAL = frozenset({"we", "us"})


def _names_indefinite(event: Event, kept: list[Event]) -> Event | None:
    """The event a later report goes on telling when it names the person an earlier one introduced as "a man"
    ("Police arrested a Coral Gables man on Monday ... *Martello, 64,* was arrested"): the latest earlier event of
    the same type, in a sentence just before, whose only victim was one unnamed person, done by the same party, an
    unnamed one of the same kind, or by no one told."""
    if event.actor2 is None or not _named_person(event.actor2):
        return None
    earlier = next((k for k in reversed(kept) if k.event_type == event.event_type), None)
    if earlier is None or not _indefinite(earlier.actor2) or earlier.sentence.start >= event.sentence.start:
        return None
    if event.sentence.start - earlier.sentence.end > NEAR_CHARS:
        return None
    doers = (event.actor1, earlier.actor1)
    if None not in doers and not (
        _same_party(*doers) or _described_alike(*doers) or _implied_alike(*doers)  # type: ignore[arg-type]
    ):
        return None
    return earlier if _same_telling(event, earlier) else None


def _names_indefinite_doer(event: Event, kept: list[Event], text: str) -> Event | None:
    """The deed a later sentence tells again naming the doer an earlier one introduced by its role only ("*A federal
    judge* has dismissed the lawsuit against the city ... *Judge Ana Ruiz* dismissed the claims on Friday"; "an
    officer shot a man ... Officer Tom Mora shot him"): the latest earlier event of the same type told in a sentence
    just before, of the same telling, whose doer was one unnamed party ("a judge", "an officer") and whose sector the
    named doer has; the triggers of one root; the targets one party, or told in one report only.  A sentence that
    tells another deed ("another", "a similar") keeps its own."""
    if event.actor1 is None or not _named_person(event.actor1) or event.actor1.sector is None:
        return None
    host = next(_told_before(event, kept), None)
    if host is None or host.actor1 is None or not _indefinite(host.actor1) or host.actor1.members:
        return None
    if host.actor1.sector != event.actor1.sector or not _same_telling(event, host):
        return None
    if event.sentence.start - host.sentence.end > NEAR_CHARS or not _one_root(event.trigger.text, host.trigger.text):
        return None
    if _told_as_another(_sentence_words(event, text)) or not _compatible_party(event.actor2, host.actor2):
        return None
    return host


INDEFINITE_STARTS = frozenset({"a", "an"})


HEAD_ENDS = frozenset({"in", "of", "near", "from", "at", "on", "outside", "with"})
"""Prepositions that end a noun phrase's head ("a city *in* northeastern Syria" is a city, not Syria)."""


def _indefinite(actor: Actor | None) -> bool:
    """One person or place introduced without a name ("a man", "A 27-year-old city man", "a city in northeastern
    Syria")."""
    if actor is None or actor.name or actor.members:
        return False
    words = actor.text.split()
    head = next((i for i, w in enumerate(words) if i and w.lower() in HEAD_ENDS), len(words))
    return bool(words) and words[0].lower() in INDEFINITE_STARTS and not words[head - 1][:1].isupper()


def _named_person(actor: Actor | None) -> bool:
    """A party named by a proper name that is not a country's ("Scott", "Hillary Clinton"; not "Ukraine")."""
    if actor is None or not _name_headed(actor):
        return False
    names = _proper_names(actor)
    return bool(names) and not names <= _country_name_words()


@cache
def _country_rows() -> tuple[dict, ...]:
    """The shipped country table (data/actors/countries.json), read once for the name sets below."""
    return tuple(json.loads(resources.files("eventscope").joinpath("data/actors/countries.json").read_text("utf-8")))


@cache
def _country_names() -> dict[str, frozenset[str]]:
    """Each country's names and aliases, lower case, by its code ("USA": "united states", "u.s.", ...)."""
    return {
        row["iso3"]: frozenset(n.lower() for n in [row["name"], *row.get("aliases", [])]) for row in _country_rows()
    }


@cache
def _demonym_words() -> frozenset[str]:
    return frozenset(
        word.lower() for row in _country_rows() for name in row.get("demonyms", []) for word in name.split()
    )


@cache
def _country_name_words() -> frozenset[str]:
    return frozenset(
        word.lower()
        for row in _country_rows()
        for name in [row["name"], *row.get("aliases", [])]
        for word in name.split()
    )


CONTRAST_STARTS = frozenset({"other", "another"})


def _unnamed_alike(a: Actor, b: Actor) -> bool:
    """Two descriptions of one kind of party, no name in either ("police", "a black police officer"): same sector
    and country.  "Other unions" contrasts itself with the first."""
    if not (_unnamed(a) and _unnamed(b)):
        return False
    if any(actor.text.lower().split()[0] in CONTRAST_STARTS for actor in (a, b)):
        return False
    return a.sector is not None and (a.sector, a.country) == (b.sector, b.country)


def _described_alike(a: Actor, b: Actor) -> bool:
    """Two descriptions of one kind of party, one of them with no name at all ("New York City police",
    "officers"): same sector and country, neither named, neither a contrast ("other unions")."""
    if a.name or b.name or a.members or b.members or not (_unnamed(a) or _unnamed(b)):
        return False
    if any(actor.text.lower().split()[0] in CONTRAST_STARTS for actor in (a, b) if actor.text.split()):
        return False
    return a.sector is not None and (a.sector, a.country) == (b.sector, b.country)


def _implied_alike(a: Actor, b: Actor) -> bool:
    """A doer the text does not name and the party that did it named or described: the arrester the pipeline
    supplies to a passive arrest ("Marcus Hill was arrested without incident": police of the place, no words in the
    text) is whoever the story said made the arrest ("The Dayton Police Department arrested a 29-year-old man"), a
    party of its sector.  Its country is only inferred from a place, so it tells nothing against the other's; a
    doer of another sector ("soldiers detained ...") stays another party."""
    implied = [x for x in (a, b) if x.start is None and not x.members]
    if not implied:
        return False
    other = b if implied[0] is a else a
    if other.members or implied[0].sector is None or other.sector != implied[0].sector:
        return False
    return len(implied) == 2 or implied[0].country_inferred or implied[0].country in (None, other.country)


def _unnamed(actor: Actor) -> bool:
    """A party described, not named: no name, and no capitalised word but the first ("Soldiers", "Tulsa police"
    start a sentence or name a place; "Officer Reyes" is named)."""
    words = actor.text.split()
    if actor.name or actor.members or not words:
        return False
    return not any(w[:1].isupper() for w in words[1:])


def _retold_visit(event: Event, earlier: Event) -> bool:
    """A meeting abroad told again as a visit to the country ("Wang Yi met Sergei Lavrov in Moscow on April 5 ...
    said Wang, who is visiting Russia"): a later CONSULT by the same named party whose other side is the country
    itself, where the earlier meeting's other side or place lies, is the same trip.  Two meetings with two people
    of one country ("met Lavrov ... met Putin") stay two."""
    if event.event_type != "CONSULT" or earlier.event_type != "CONSULT":
        return False
    if None in (event.actor1, event.actor2, earlier.actor1, earlier.actor2):
        return False
    assert event.actor1 and event.actor2 and earlier.actor1 and earlier.actor2  # for the type checker
    if earlier.sentence.start >= event.sentence.start or not _same_telling(event, earlier):
        return False
    if not _same_party(event.actor1, earlier.actor1):
        return False
    place = event.location
    country = event.actor2.country
    if place is None or not (place.feature_code or "").startswith("PCL") or country is None:
        return False  # the other side is the country named as the place visited, not a party of it
    if (place.text or "").lower() != event.actor2.text.lower() or place.country != country:
        return False
    there = earlier.location.country if earlier.location is not None else None
    return country in (earlier.actor2.country, there)


def _purpose_of_partnerless(event: Event, deed: Event) -> bool:
    """The purpose told after a deed that names no other side ("European ministers met in Brussels on Monday *to
    discuss Iran*", "the trustees are meeting Tuesday *to discuss* how to replace President Ruiz"): a future event
    of the same type, doer and polarity later in the sentence, the deed before it with no target and not a wish or
    condition.  It is the deed told with its purpose (``_merge_same`` folds it when both name the same other side);
    the record keeps the one target told.  A purpose of another doer ("met so that the unions could discuss") or a
    deed with a target of its own stays apart."""
    if event.modality != "future" or deed.sentence.start != event.sentence.start:
        return False
    if deed.actor2 is not None or deed.actor1 is None or event.actor1 is None:
        return False
    if (deed.event_type, deed.negated) != (event.event_type, event.negated) or deed.modality == "hypothetical":
        return False
    return deed.trigger.start < event.trigger.start and actor_key(deed.actor1) == actor_key(event.actor1)


def _visit_and_meeting(event: Event, other: Event) -> bool:
    """A visit to a country and a meeting on it told in one sentence ("During his visit to Russia, Wang met Lavrov",
    "Wang, who is on a visit to Russia, met Lavrov"): two CONSULTs of one sentence, one to the state itself
    (``_visited_state``), the other with a party of that country, by the same doer or the visit's told by none.
    Two meetings, or a meeting with a party of another country, stay apart."""
    if event.event_type != "CONSULT" or other.event_type != "CONSULT":
        return False
    if event.sentence.start != other.sentence.start or (event.negated, event.modality) != (
        other.negated,
        other.modality,
    ):
        return False
    if _visited_state(event) == _visited_state(other):
        return False
    visit, meeting = (event, other) if _visited_state(event) else (other, event)
    assert visit.actor2 is not None  # a visited state
    if meeting.actor1 is None or meeting.actor2 is None or meeting.actor2.members:
        return False
    if meeting.actor2.country != visit.actor2.country or _visited_state(meeting):
        return False
    return visit.actor1 is None or _same_party(visit.actor1, meeting.actor1)


def _visited_state(event: Event) -> bool:
    """A CONSULT whose other side is a state named by its country's name ("a visit to Russia")."""
    target = event.actor2
    if target is None or target.country is None or target.members:
        return False
    return (target.name or "").lower() in _country_names().get(target.country, ())


def _compatible_places(a: EventLocation | None, b: EventLocation | None) -> bool:
    if a is None or b is None or a.precision != "exact" or b.precision != "exact":
        return True
    return (a.geonames_id or a.name) == (b.geonames_id or b.name)


def _same_party(a: Actor, b: Actor) -> bool:
    """One actor named twice: the same identity, or a shared proper name that is not a title ("Petrenko")."""
    if actor_key(a) == actor_key(b):
        return True
    a, b = _titled_one(a), _titled_one(b)
    if not (_name_headed(a) and _name_headed(b)):  # "Iraqi forces" and "Iraqi officials" are two parties
        return False
    return bool(_proper_names(a) & _proper_names(b))


def _name_headed(actor: Actor) -> bool:
    if actor.members:  # a list of parties is no one named party
        return False
    words = actor.text.split()
    return bool(words) and _without_article(words[-1])[:1].isupper()


def _proper_names(actor: Actor) -> set[str]:
    titles = vocabulary("open_titles") | vocabulary("name_titles")
    found = set()
    for word in (actor.name or actor.text).replace("\u2019", "'").split():
        word = word.removesuffix("'s").strip(".,'\"()")
        word = _without_article(word)
        if len(word) > 2 and word[0].isupper() and not word.isupper() and word.lower() not in titles:
            found.add(word.lower())
    return found


ARTICLE_PREFIXES = ("al-", "el-")
"""The Arabic article written onto a name, which news writes with or without it ("President al-Bashir", "Bashir";
"Bashar al-Assad", "Assad")."""


def _without_article(word: str) -> str:
    """A name word without an Arabic article prefix ("al-Bashir", "Al-Bashir" -> "Bashir"); other words unchanged."""
    for prefix in ARTICLE_PREFIXES:
        if word.lower().startswith(prefix) and len(word) > len(prefix) + 2:
            return word[len(prefix) :]
    return word


def _sentence_happening(event: Event) -> tuple | None:
    """Type, actors, polarity and modality within one sentence; None for events without both actors."""
    if event.actor1 is None or event.actor2 is None:
        return None
    return (
        event.sentence.start,
        event.event_type,
        actor_key(event.actor1),
        actor_key(event.actor2),
        event.negated,
        event.modality,
    )


def _combined(kept: Event, event: Event, add_mentions: bool) -> Event:
    better_place = _precision_rank(event.location) < _precision_rank(kept.location)
    return replace(
        kept,
        mentions=kept.mentions + event.mentions if add_mentions else kept.mentions,
        reports=kept.reports + tuple(r for r in event.reports if r not in kept.reports),
        confidence=max(kept.confidence, event.confidence),
        claimed_by=kept.claimed_by or event.claimed_by,
        location=event.location if better_place else kept.location,
        mode=kept.mode or event.mode,
        dead=kept.dead or event.dead,
        injured=kept.injured or event.injured,
        size=kept.size or event.size,
        rules=kept.rules + tuple(r for r in event.rules if r not in kept.rules),
    )


_PRECISION_ORDER = ("exact", "sentence", "document", "country")


def _precision_rank(location: EventLocation | None) -> int:
    if location is None or location.precision not in _PRECISION_ORDER:
        return len(_PRECISION_ORDER)
    return _PRECISION_ORDER.index(location.precision)


def collapse_appositions(actors: list[Actor], text: str, offset: int = 0) -> list[Actor]:
    """Actors whose spans touch with only blanks between are one party named twice, title and name ("founding
    president Kenji Mori"): one actor spanning both, so that no event pairs a person with himself and no
    expansion repeats his deed.  Coordinated actors ("Iran and Syria", "Iran, Syria") are kept apart.  ``text``
    starts at document offset ``offset`` (a sentence's text and its ``start_char``)."""
    ordered = sorted((a for a in actors if a.start is not None), key=_placed_start)
    merged: list[Actor] = []
    for actor in ordered:
        last = merged[-1] if merged else None
        if last is None:
            merged.append(actor)
            continue
        # ordered actors have a start, and so has each one merged from them; an actor with a start has an end
        assert actor.start is not None and last.start is not None and last.end is not None
        between = text[last.end - offset : actor.start - offset]
        if last.end <= actor.start and not between.strip() and actor.start - last.end < 3:
            assert actor.end is not None
            merged[-1] = Actor(
                start=last.start,
                end=actor.end,
                text=text[last.start - offset : actor.end - offset],
                name=last.name or actor.name,
                country=last.country or actor.country,
                sector=last.sector or actor.sector,
                country_inferred=last.country_inferred if last.country else actor.country_inferred,
            )
            continue
        merged.append(actor)
    if len(merged) == len(ordered):
        return actors
    return merged + [a for a in actors if a.start is None]


def collapse_lists(actors: list[Actor], text: str, offset: int = 0) -> list[Actor]:
    """A list of three or more actors of which at most a third have an identity (a name, country or sector) is a
    tally or a description ("12 farmers, six traders and four teachers were admitted"):
    one actor spanning the list, so that one happening gives one event, not one per item.  Lists of parties
    ("the president, prime minister and foreign minister of the Czech Republic") keep one event per party."""
    placed = sorted((a for a in actors if a.start is not None), key=_placed_start)
    if len(placed) < 3:
        return actors
    known = [a for a in placed if a.name or a.country or a.sector]
    if len(known) * 3 > len(placed):
        return actors
    first, last = placed[0], placed[-1]
    lead = known[0] if known else first
    assert first.start is not None and last.end is not None  # placed actors have a start, and so an end
    whole = Actor(
        start=first.start,
        end=last.end,
        text=text[first.start - offset : last.end - offset],
        name=None,
        country=lead.country,
        sector=lead.sector,
        country_inferred=lead.country_inferred,
    )
    return [whole] + [a for a in actors if a.start is None]


def actor_list(actors: list[Actor], text: str, offset: int = 0) -> Actor | None:
    """One actor for the parties that do or undergo one deed together (PLOVER's compound actor): "Iran and Syria
    condemned the strike" is one ACCUSE whose actor lists both, not two events.  The list spans its members' words,
    and has the country and sector they all share (none where they differ); ``members`` keeps each identity."""
    if len(actors) <= 1:
        return actors[0] if actors else None
    placed = sorted((a for a in actors if a.start is not None and a.end is not None), key=_placed_start)
    if len(placed) < len(actors):  # an implied party has no words to span: keep the first named one
        return placed[0] if placed else actors[0]
    first, last = placed[0], placed[-1]
    assert first.start is not None and last.end is not None
    sectors = {a.sector for a in placed}
    country = shared_country(placed)
    return Actor(
        start=first.start,
        end=last.end,
        text=text[first.start - offset : last.end - offset],
        name=None,
        country=country,
        sector=sectors.pop() if len(sectors) == 1 else None,
        country_inferred=country is not None and all(a.country_inferred for a in placed),
        party=any(a.party for a in placed),
        members=tuple(placed),
    )


def member_pairs(event: Event) -> list[Event]:
    """The event once per (actor1 member, actor2 member), and for a reciprocal event once more each way: the dyadic
    rows CAMEO-style scoring and users who want single-entity codes expect (PLOVER manual, "Compound and Reciprocal
    Actors")."""
    sources = event.actor1.constituents() if event.actor1 is not None else (None,)
    targets = event.actor2.constituents() if event.actor2 is not None else (None,)
    pairs = [(a, b) for a in sources for b in targets]
    if event.reciprocal:  # both sides did it to each other: a row each way
        pairs += [(b, a) for a, b in pairs]
    if len(pairs) == 1:
        return [event]
    return [replace(event, actor1=a, actor2=b) for a, b in pairs]


LIST_JOINERS = frozenset(
    {"and", "or", "as", "well", "also", "along", "together", "with", "plus", "both", "&", "including", "among", "them"}
)
"""Words that may stand between two members of one list ("X, Y as well as Z", "X along with Y", "75 people,
including 22 activists")."""


def _listed(gap: str) -> bool:
    """Whether the words between two actors only join a list: commas, semicolons, joiners and the ages or numbers
    written after names ("Kenneth Bonilla, 23; Edwin Luciano, 18")."""
    words = gap.replace(",", " ").replace(";", " ").replace("(", " ").replace(")", " ").lower().split()
    return all(w in LIST_JOINERS or w.isdigit() for w in words)


def coordinated(actors: list[Actor], text: str, offset: int = 0) -> bool:
    """Whether the actors are one list in the text, only joined by commas and list words, not parties found in
    different places of the sentence (a subject and an apposition after the verb)."""
    placed = sorted((a for a in actors if a.start is not None and a.end is not None), key=_placed_start)
    if len(placed) < len(actors):
        return False
    return all(_listed(text[(a.end or 0) - offset : (b.start or 0) - offset]) for a, b in pairwise(placed))


def _placed_start(actor: Actor) -> int:
    """Sort key of an actor that has a span (callers sort only those)."""
    assert actor.start is not None
    return actor.start


def actor_key(actor: Actor | None) -> str:
    """An actor's identity: canonical name, else country/sector, else its words."""
    if actor is None:
        return ""
    if actor.name:
        return actor.name.lower()
    words = [w for w in actor.text.lower().split() if w not in vocabulary("actor_key_determiners")]
    # unnamed actors keep their words: two rebel groups in one sentence are two actors
    return f"{actor.country or ''}/{actor.sector or ''}/{' '.join(words)}"


def count_duplicate_reports(events: list[Event], paragraphs: list[Paragraph], doc_id: str) -> list[Event]:
    """An event stated in a paragraph that is repeated later counts one more report per copy (moved out of
    ``pipeline.py``)."""
    copies: dict[int, list[Paragraph]] = {}
    for paragraph in paragraphs:
        if paragraph.duplicate_of is not None:
            copies.setdefault(paragraph.duplicate_of, []).append(paragraph)
    if not copies:
        return events
    counted = []
    for event in events:
        extra: list[Report] = []
        for report in event.reports:
            for index, original in enumerate(paragraphs):
                if original.start <= report.start < original.end + 1 and index in copies:
                    for copy in copies[index]:
                        shift = copy.start - original.start
                        exact = (copy.end - copy.start) == (original.end - original.start)
                        start, end = (report.start + shift, report.end + shift) if exact else (copy.start, copy.end)
                        extra.append(Report(doc_id, start, min(end, copy.end)))
        if extra:
            event = replace(event, mentions=event.mentions + len(extra), reports=event.reports + tuple(extra))
        counted.append(event)
    return counted
