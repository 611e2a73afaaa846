"""A deed told on a counted group or a list, then again on some of its members, is one happening."""

from __future__ import annotations

from dataclasses import replace

from eventscope.events.merge import merge_events
from eventscope.records import Actor, Event
from stand_ins import told_event


def _event(text: str, sentence: str, trigger: str, kind: str, actor1: Actor | None, actor2: Actor | None) -> Event:
    """An event of ``text`` told in ``sentence`` by ``trigger`` (its last occurrence in the sentence)."""
    start = text.index(sentence)
    return told_event(kind, start, sentence, start + sentence.rindex(trigger), trigger, actor1, actor2)


def _party(text: str, words: str, name: str | None = None, sector: str | None = None, after: int = 0) -> Actor:
    begin = text.index(words, after)
    return Actor(begin, begin + len(words), words, name, "USA" if sector else None, sector)


RAIDS = "Dover police arrested 11 people in drug raids on Tuesday."


def test_named_arrestees_after_a_counted_group_are_its_arrests():
    """ "Police arrested 11 people in raids ... Three people were arrested at one house: Ana Ruiz, 31; Tom Mora, 24":
    the three and each name are some of the eleven, one happening."""
    later = "Three people were arrested at one house on Elm Street: Ana Ruiz, 31, and Tom Mora, 24."
    text = f"{RAIDS} Officers also seized two rifles. {later}"
    police = _party(text, "Dover police", sector="POL")
    first = _event(text, RAIDS, "arrested", "COERCE", police, _party(text, "11 people"))
    first = replace(first, mode="arrest")
    implied = Actor(None, None, "police", None, "USA", "POL")
    group = _event(text, later, "arrested", "COERCE", implied, _party(text, "Three people"))
    ruiz = _event(text, later, "arrested", "COERCE", implied, _party(text, "Ana Ruiz", name="Ana Ruiz"))
    mora = _event(text, later, "arrested", "COERCE", implied, _party(text, "Tom Mora", name="Tom Mora"))
    (only,) = merge_events([first, group, ruiz, mora], text)
    assert only.actor2 is not None and only.actor2.text == "11 people" and only.mentions == 4


def test_one_of_a_listed_pair_charged_again_is_the_charge_told():
    """ "Ruiz and Mora were charged with theft ... Mora was also charged with ...": Mora is one of the pair."""
    first_sentence = "Ruiz and Mora were charged with theft."
    later = "Mora was also charged with resisting an officer."
    text = f"{first_sentence} {later}"
    ruiz, mora = _party(text, "Ruiz", name="Ruiz"), _party(text, "Mora", name="Mora")
    pair = Actor(ruiz.start, mora.end, "Ruiz and Mora", None, None, None, members=(ruiz, mora))
    first = _event(text, first_sentence, "charged", "ACCUSE", None, pair)
    again = _event(text, later, "charged", "ACCUSE", None, _party(text, "Mora", name="Mora", after=len(first_sentence)))
    assert len(merge_events([first, again], text)) == 1


def test_a_larger_group_another_arrest_or_another_arrester_stays_its_own():
    """More people than the group counted, a deed told as another ("in a separate raid"), a doer of another kind
    (soldiers after police) or a group of things ("40 bags of heroin") are other happenings."""
    implied = Actor(None, None, "police", None, "USA", "POL")
    for later, doer in (
        ("Twelve people were arrested at one house.", implied),
        ("In a separate raid, Ana Ruiz was arrested.", implied),
        ("Soldiers arrested Ana Ruiz at the border.", "Soldiers"),
    ):
        text = f"{RAIDS} {later}"
        police = _party(text, "Dover police", sector="POL")
        first = replace(_event(text, RAIDS, "arrested", "COERCE", police, _party(text, "11 people")), mode="arrest")
        target = _party(text, "Twelve people") if later.startswith("Twelve") else _party(text, "Ana Ruiz", "Ana Ruiz")
        actor1 = _party(text, doer, sector="MIL") if isinstance(doer, str) else doer
        again = _event(text, later, "arrested", "COERCE", actor1, target)
        assert len(merge_events([first, again], text)) == 2, later

    seized = "Officers seized 40 bags of heroin."
    later = "Ana Ruiz was seized at the house."
    text = f"{seized} {later}"
    officers = _party(text, "Officers", sector="POL")
    bags = replace(_party(text, "40 bags of heroin"), party=False)
    first = _event(text, seized, "seized", "COERCE", officers, bags)
    again = _event(text, later, "seized", "COERCE", officers, _party(text, "Ana Ruiz", name="Ana Ruiz"))
    assert len(merge_events([first, again], text)) == 2
