"""A deed named as known by a relative clause on a definite description ("the officer who shot Scott") is the deed
the story told, not a new one."""

from __future__ import annotations

from dataclasses import replace

from eventscope.events.merge import merge_events
from eventscope.records import Actor, Event
from stand_ins import told_event


def _event(text: str, sentence: str, trigger: str, event_type: str, actor1: str | None, actor2: str | None) -> Event:
    """An event of ``text`` told in ``sentence`` by ``trigger``, between parties given by their words (a word
    starting with a capital is taken as the party's name)."""
    start = text.index(sentence)
    at = start + sentence.index(trigger)

    def party(words: str | None) -> Actor | None:
        if words is None:
            return None
        begin = start + sentence.index(words)
        name = words if words[:1].isupper() and words.split()[0].lower() not in ("the", "a", "police") else None
        return Actor(begin, begin + len(words), words, name, None, None)

    return told_event(event_type, start, sentence, at, trigger, party(actor1), party(actor2))


SHOT = "Police shot a man outside a bakery in Dunmore on Friday."
FILLER = " ".join(["The street was quiet again by the evening and the bakery reopened its doors."] * 6)


def _police(event: Event) -> Event:
    """The event with its doer a police party of one country (what actor resolution gives "police", "the officer")."""
    assert event.actor1 is not None
    return replace(event, actor1=replace(event.actor1, sector="POL", country="IRL"))


def test_the_officer_who_shot_a_person_named_now_is_the_shooting_told():
    """ "Police shot a man ... The officer who shot Omar Haddad was suspended": the relative clause names the
    shooting told, far back in the story, and the record names whom it was done to."""
    later = "The officer who shot Omar Haddad was suspended."
    text = f"{SHOT} {FILLER} {later}"
    told = _police(_event(text, SHOT, "shot", "ASSAULT", "Police", "a man"))
    again = _police(_event(text, later, "shot", "ASSAULT", "The officer", "Omar Haddad"))
    (only,) = merge_events([told, again], text)
    assert only.actor2 is not None and only.actor2.text == "Omar Haddad"


def test_a_relative_clause_on_another_victim_or_an_indefinite_stays_its_own():
    """ "Police shot Ali Kim ... The officer who shot Omar Haddad" names another victim; "an officer who shot a
    man" introduces a deed, it does not point back."""
    first = "Police shot Ali Kim outside a bakery in Dunmore on Friday."
    later = "The officer who shot Omar Haddad was suspended."
    text = f"{first} {FILLER} {later}"
    told = _police(_event(text, first, "shot", "ASSAULT", "Police", "Ali Kim"))
    again = _police(_event(text, later, "shot", "ASSAULT", "The officer", "Omar Haddad"))
    assert len(merge_events([told, again], text)) == 2

    later = "An officer who shot a man was suspended."
    text = f"{SHOT} {FILLER} {later}"
    told = _police(_event(text, SHOT, "shot", "ASSAULT", "Police", "a man"))
    again = _police(_event(text, later, "shot", "ASSAULT", "An officer", "a man"))
    assert len(merge_events([told, again], text)) == 2
