"""Countries the text implies but does not name: unnamed state agents act where the event happened.

"Police arrested 12 protesters in Jalalabad" names no country for the police, but police in Jalalabad
are Afghan police. Only unnamed agents of a state (police, troops, officials, courts) and named police forces
take the place's country; other named actors, armed groups and civilians never do (militants in Peshawar need
not be Pakistani), nor do agents the text calls foreign ("Western diplomats", "foreign troops").
The record marks such a country with ``country_inferred``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace

from eventscope.actors.sectors import STATE_SECTORS
from eventscope.records import Actor, EventLocation, Place
from eventscope.vocabulary import words

#: Sectors whose unnamed members belong to the state of the place where they act: ``STATE_SECTORS``.
#: A *named* actor of this sector without a country still takes one: a police force or station is always some
#: state's ("Khulna Metropolitan Police", "Shahbag Police Station"), while named armies, parties and officials
#: may be foreign or non-state ("National Santhal Liberation Army" is coded MIL too).
NAMED_LOCAL_SECTOR = "POL"
#: Share of the document's country evidence that one country needs to be "the document's country".
DOMINANT_SHARE = 0.6
#: Words for administrative units and offices that exist in one country only: a report that speaks of an
#: upazila is about Bangladesh even when it names no place the gazetteer knows ("in Jugni village in Sadar
#: upazila").  Only official terms of one state's administration, not words shared across a region
#: ("district", "tehsil", "hartal", "bandh" are used in several countries).
COUNTRY_WORDS = {
    "upazila": "BGD",
    "upazilas": "BGD",
    "upazilla": "BGD",
    "pourashava": "BGD",
    "union parishad": "BGD",
    "panchayat": "IND",
    "gram panchayat": "IND",
    "collectorate": "IND",
    "taluk": "IND",
    "tambon": "THA",
    "amphoe": "THA",
    "changwat": "THA",
    "village development committee": "NPL",
    "khasadar": "PAK",
    "khasadars": "PAK",
}
_COUNTRY_WORD = re.compile(r"\b(" + "|".join(sorted(COUNTRY_WORDS, key=len, reverse=True)) + r")\b", re.IGNORECASE)


def shared_country(actors: Iterable[Actor]) -> str | None:
    """The country all the actors have, or none where they differ: a list actor's country ("Iran and Syria": none;
    "Syrian and Russian jets": none; "the army and police" of one state: that state)."""
    countries = {a.country for a in actors}
    return countries.pop() if len(countries) == 1 else None


def with_place_country(
    actor: Actor | None,
    location: EventLocation | None,
    document_country: str | None = None,
    places: Iterable[Place] | None = (),
) -> Actor | None:
    """The actor with a country when it is an unnamed state agent without one: the country of a place named
    inside its own words ("Sindh police", "the Chittagong district police"), else of the event location,
    else the document's dominant country (``document_country``)."""
    if actor is not None and actor.members:  # a list: each member on its own, then what they share
        members = tuple(with_place_country(m, location, document_country, places) or m for m in actor.members)
        country = shared_country(members)
        inferred = country is not None and all(m.country_inferred for m in members)
        return replace(actor, members=members, country=country, country_inferred=inferred)
    if actor is None or actor.country is not None or actor.sector not in STATE_SECTORS:
        return actor
    if actor.name and actor.sector != NAMED_LOCAL_SECTOR:
        return actor
    if any(word in words("foreign_words") for word in actor.text.lower().split()):
        return actor  # "Western diplomats" expelled from Moscow, "foreign troops" in Kabul: not the place's
    own = _own_place_country(actor, places or ())
    country = own or (location.country if location is not None and location.country else document_country)
    if not country:
        return actor
    return replace(actor, country=country, country_inferred=True)


def place_rereadings(
    actors: Iterable[Actor | None], places: Iterable[Place], word_country: Callable[[str], str | None]
) -> dict[tuple[str | None, str], str]:
    """Countries the actors took from a place word that the story's geoparser reads as another country's place.

    The actors stage reads a place word in a phrase by the knowledge base, which knows one place of each name: the
    country or its capital ("a Paris man", "Mr. Ortiz of Athens", "a Georgia teacher" are FRA, GRC, GEO).  The
    geoparser reads the same word in the story's context ("Paris, Tenn.", the story's other towns, its dateline), so
    when it puts the place in another country, that is the actor's country too.  ``word_country`` is the knowledge
    base's country for a place word (None for words it knows as no country or capital).  Only an actor whose own
    country is that word's, stated and not inferred, with no other place of that country inside it, is reread.
    Returns {(name, old country): new country} for named actors and {(span text, old country): ...} for the
    others: a person named "of Athens" once is the same person when named again."""
    located = [p for p in places if p.country and p.lat is not None and p.geonames_id is not None]
    found: dict[tuple[str | None, str], str] = {}
    for actor in (member for party in actors if party is not None for member in party.constituents()):
        if actor.start is None or actor.end is None or not actor.country or actor.country_inferred:
            continue
        inside = [p for p in located if actor.start <= p.start and p.end <= actor.end]
        if any(p.country == actor.country for p in inside):
            continue  # "Paris, France" or a second place of that country: the word is read right
        for place in inside:
            if word_country(place.text) == actor.country:
                found[(actor.name or actor.text, actor.country)] = place.country or actor.country
                break
    return found


def with_place_rereading(actor: Actor | None, rereadings: dict[tuple[str | None, str], str]) -> Actor | None:
    """The actor with the country the story's geoparser gives the place word it was named by
    (``place_rereadings``); list members each on their own."""
    if actor is None or not rereadings:
        return actor
    if actor.members:
        members = tuple(with_place_rereading(m, rereadings) or m for m in actor.members)
        return replace(actor, members=members, country=shared_country(members))
    if actor.country is None or actor.country_inferred:
        return actor
    new = rereadings.get((actor.name or actor.text, actor.country))
    return replace(actor, country=new) if new else actor


def _own_place_country(actor: Actor, places: Iterable[Place]) -> str | None:
    if actor.start is None or actor.end is None:
        return None
    inside = [p.country for p in places if p.country and p.lat is not None and actor.start <= p.start < actor.end]
    return inside[0] if inside else None


def document_country(
    places: Iterable[Place], actors: Iterable[Actor | None] = (), text: str = "", home: str | None = None
) -> str | None:
    """The country a document is about, when one clearly dominates (``DOMINANT_SHARE``).

    Its resolved places say it first ("a clash in Rajshahi ... taken to Dhaka"); with no place, the
    countries of its named actors do ("activists of the Bangladesh Nationalist Party"); with neither, the
    words of one country's administration in ``text`` (``COUNTRY_WORDS``: "... in Sadar upazila"); with none of
    these, ``home``: the country of the outlet that published it ("Bangkok Post"), which speaks only when the
    text is silent, never against it ("the Vietnam-Cambodia border" in a Vietnamese outlet's story is no vote
    for Vietnam). Inferred countries are not evidence (they came from here)."""
    country, spoken = country_evidence(places, actors, text)
    return country if spoken else home


def country_evidence(
    places: Iterable[Place], actors: Iterable[Actor | None] = (), text: str = ""
) -> tuple[str | None, bool]:
    """What the text itself says of its country (``document_country`` without the outlet): the dominant country
    or None, and whether it names any country at all (an outlet speaks only for a silent story, not for one that
    names several)."""
    votes = Counter(p.country for p in places if p.country and p.lat is not None)
    if not votes:
        votes = Counter(a.country for a in actors if a is not None and a.country and not a.country_inferred)
    if not votes:
        found = text_country(text)
        return found, found is not None
    country, n = votes.most_common(1)[0]
    return (country if n >= DOMINANT_SHARE * sum(votes.values()) else None), True


OUTLET_MIN_STORIES = 3
"""Stories of an outlet that must name a country before the run takes the outlet to be at home in it."""
MAX_OUTLETS = 10_000
"""Outlets a run keeps tallies for (a bound on memory; later outlets learn nothing)."""


class OutletCountries:
    """What a run learns of each outlet's home country from the outlet's own stories: an outlet whose stories
    that say their country mostly say one (``OUTLET_MIN_STORIES`` or more, ``DOMINANT_SHARE`` of them) is at home
    there ("My Republica": its stories name places in Nepal), and speaks for its stories that name no country,
    as an analyst who has read the paper before would. Per pipeline and in reading order: a story read before
    the outlet's others learns nothing from them."""

    def __init__(self) -> None:
        self._votes: dict[str, Counter[str]] = {}

    def add(self, outlet: str | None, country: str | None) -> None:
        """One story of ``outlet`` says ``country`` (None: it says none, and counts for nothing)."""
        if not outlet or not country:
            return
        votes = self._votes.get(outlet)
        if votes is None:
            if len(self._votes) >= MAX_OUTLETS:
                return
            votes = self._votes[outlet] = Counter()
        votes[country] += 1

    def home(self, outlet: str | None) -> str | None:
        votes = self._votes.get(outlet) if outlet else None
        if not votes:
            return None
        country, n = votes.most_common(1)[0]
        total = sum(votes.values())
        return country if total >= OUTLET_MIN_STORIES and n >= DOMINANT_SHARE * total else None


def text_country(text: str) -> str | None:
    """The one country whose administrative words (``COUNTRY_WORDS``) the text uses; None for none or several."""
    found = {COUNTRY_WORDS[m.group(1).lower()] for m in _COUNTRY_WORD.finditer(text)} if text else set()
    return found.pop() if len(found) == 1 else None
