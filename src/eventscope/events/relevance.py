"""Political relevance: which coded events are political event data at all.

A cooperative deed between private parties ("American Airlines offered a fare", "investors lent the company
millions", "students must speak with the counsellor") is business or private life, not a political event.  On the
seven *tune* audit sheets (``quality/audit/*tune*``, 1,047 judged rows; report sheets were not used) cooperative
events with a party of a private sector and none of a state or political sector were right once in 69 rows, against
26% for the same types with a state or political party and 27-40% for the other types.  In precision mode they
are left out.
"""

from __future__ import annotations

from collections.abc import Iterable

from eventscope.actors.sectors import ORGANISED_POLITICAL_SECTORS
from eventscope.records import Actor, Event, EventLocation

COOPERATIVE_TYPES = frozenset({"AGREE", "AID", "SUPPORT", "CONSULT", "COOPERATE"})
"""Types whose deed is everyday between private parties (offers, loans, meetings, praise)."""
POLITICAL_SECTORS = ORGANISED_POLITICAL_SECTORS | frozenset({"ELI", "LAB"})
"""Sectors that make a party political whatever its country (a party, an armed group, a court, the UN), and for a
cooperative deed also elites and unions: a union's or a tycoon's agreement is political news. The coder's
``senses.POLITICAL_SECTORS`` instead adds insurgents and criminal gangs and counts unions as private parties: it
vetoes events before actors are resolved, this filter judges resolved cooperative events."""
HUMANITARIAN_SECTORS = frozenset({"REF"})
"""Parties whose help is humanitarian and so political news: refugees and the displaced."""


def political_party(actor: Actor | None) -> bool:
    """A party of some state (a country, named or inferred) or of a political sector."""
    return actor is not None and (actor.country is not None or actor.sector in POLITICAL_SECTORS)


def is_political(event: Event) -> bool:
    """False for a cooperative deed between private parties: some party of a private sector (business, civilians,
    schools, hospitals, media ...), none of a state or a political sector.  A party the knowledge base does not
    place at all (an unknown name, "he") says nothing either way, and the event stays."""
    if event.event_type not in COOPERATIVE_TYPES:
        return True
    parties = [m for a in (event.actor1, event.actor2) if a is not None for m in a.constituents()]
    if any(political_party(a) or a.sector in HUMANITARIAN_SECTORS for a in parties):
        return True
    return not any(a.sector for a in parties)


def political_events(events: Iterable[Event]) -> list[Event]:
    """The events that are political event data (see module docstring)."""
    return [event for event in events if is_political(event)]


def home_destination(
    event_type: str, actor1: Actor | None, actor2: Actor | None, location: EventLocation | None
) -> bool:
    """Whether a meeting's target is only the place visited, at home: "Obama visited Charlotte", "will visit Florida"
    name no host, the visitor's own country's town is where the trip went (a visit abroad, "visited Cuba", names the
    host government)."""
    return (
        event_type == "CONSULT"
        and actor1 is not None
        and actor2 is not None
        and location is not None
        and actor1.country is not None
        and not actor1.country_inferred  # a visitor given the country of where it went says nothing of home
        and location.country == actor1.country
        and actor2.start is not None
        and actor2.start == location.start
        and actor2.country in (None, actor1.country)
        and actor2.sector in (None, "GOV")
    )
