"""Countries the text implies but does not name: unnamed state agents act where the event happened.

"Police arrested 12 protesters in Jalalabad" names no country for the police, but police in Jalalabad
are Afghan police. Only unnamed agents of a state (police, troops, officials, courts) take the place's
country; named actors, armed groups and civilians never do (militants in Peshawar need not be Pakistani).
The record marks such a country with ``country_inferred``.
"""

from __future__ import annotations

from dataclasses import replace

from eventscope.records import Actor, EventLocation

#: Sectors whose unnamed members belong to the state of the place where they act.
STATE_SECTORS = frozenset({"GOV", "MIL", "POL", "JUD", "LEG"})


def with_place_country(actor: Actor | None, location: EventLocation | None) -> Actor | None:
    """The actor with the event location's country when it is an unnamed state agent without one."""
    if actor is None or location is None or not location.country:
        return actor
    if actor.country is not None or actor.name or actor.sector not in STATE_SECTORS:
        return actor
    return replace(actor, country=location.country, country_inferred=True)
