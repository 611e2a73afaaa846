"""A direct question about a deed the story told ("Did you shoot him?") is that deed, not a new one."""

from __future__ import annotations

from dataclasses import replace

from eventscope.events.merge import merge_events
from eventscope.records import Actor, Event, Report, SentenceSpan, TextSpan


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

    return Event(
        event_id=f"{event_type}-{at}",
        event_type=event_type,
        mode=None,
        context=(),
        cameo=None,
        actor1=party(actor1),
        actor2=party(actor2),
        claimed_by=None,
        location=None,
        date=None,
        date_precision=None,
        date_source=None,
        sentence=SentenceSpan(start, start + len(sentence)),
        trigger=TextSpan(at, at + len(trigger), trigger),
        negated=False,
        modality="asserted",
        confidence=0.5,
        reports=(Report("d", start, start + len(sentence)),),
    )


SHOT = "Police shot a man outside a bakery in Dunmore on Friday."


def test_a_question_about_the_shooting_told_is_that_shooting():
    """ "Police shot a man ... 'Did you shoot him?' his sister shouted": one shooting, asked about again."""
    asked = '"Did you shoot him?" his sister shouted.'
    text = f"{SHOT} {asked}"
    told = _event(text, SHOT, "shot", "ASSAULT", "Police", "a man")
    again = _event(text, asked, "shoot", "ASSAULT", "you", "him")
    (only,) = merge_events([told, again], text)
    assert only.actor1 is not None and only.actor1.text == "Police"
    assert only.actor2 is not None and only.actor2.text == "a man"


def test_a_question_about_another_named_party_or_a_statement_stays_its_own():
    """ "Police shot Omar Haddad ... Did police also shoot Lee Park?" asks about another victim; the same words told
    as a statement, not asked, are left to the other merges (two named victims: two shootings)."""
    first = "Police shot Omar Haddad outside a bakery in Dunmore on Friday."
    for later in ("Did police also shoot Lee Park?", "Police also shot Lee Park."):
        text = f"{first} {later}"
        told = _event(text, first, "shot", "ASSAULT", "Police", "Omar Haddad")
        trigger = "shoot" if later.endswith("?") else "shot"
        again = _event(text, later, trigger, "ASSAULT", "police" if "?" in later else "Police", "Lee Park")
        assert len(merge_events([told, again], text)) == 2


def test_a_question_with_a_doer_described_anew_stays_its_own():
    """ "Parliament approved the treaty ... Why say it was approved by the voters?": the voters are no pronoun for
    Parliament, so the question is not taken for the approval told."""
    first = "Parliament approved the treaty on Monday."
    later = "Why say it was approved by the voters?"
    text = f"{first} {later}"
    told = _event(text, first, "approved", "SUPPORT", "Parliament", "the treaty")
    asked = _event(text, later, "approved", "SUPPORT", "the voters", "it")
    assert len(merge_events([told, asked], text)) == 2


GRANTED = "The Justice Department granted immunity to Cheryl Mills in May."


def test_an_indirect_question_about_the_deed_told_is_that_deed():
    """ "Justice granted immunity to Mills ... Critics asked why Justice granted immunity to so many people": a
    clause opened by "why", "how" or "whether" asks about the deed, it tells no new one; the same words told as a
    statement ("Critics said Justice granted immunity to ...") are left to the other merges."""
    asked = "Critics asked why Justice granted immunity to so many people."
    text = f"{GRANTED} {asked}"
    told = _event(text, GRANTED, "granted", "AID", "The Justice Department", "Cheryl Mills")
    again = _event(text, asked, "granted", "AID", "Justice", "so many people")
    again = replace(again, actor1=replace(again.actor1, sector="JUD"), actor2=replace(again.actor2, name=None))
    told = replace(told, actor1=replace(told.actor1, sector="JUD"))
    (only,) = merge_events([told, again], text)
    assert only.mentions == 2 and only.actor2 is not None and only.actor2.text == "Cheryl Mills"

    stated = asked.replace("asked why", "said")
    text = f"{GRANTED} {stated}"
    told = _event(text, GRANTED, "granted", "AID", "The Justice Department", "Cheryl Mills")
    told = replace(told, actor1=replace(told.actor1, sector="JUD"))
    again = _event(text, stated, "granted", "AID", "Justice", "so many people")
    again = replace(again, actor1=replace(again.actor1, sector="JUD"), actor2=replace(again.actor2, name=None))
    assert len(merge_events([told, again], text)) == 2
