"""One happening told again in a later sentence with its parties named another way is one event."""

from __future__ import annotations

from dataclasses import replace

from eventscope.events.merge import merge_events
from eventscope.records import Actor, Event
from stand_ins import told_event


def _party(text: str, sentence: str, words: str, name: str | None, country: str | None, sector: str | None) -> Actor:
    begin = text.index(sentence) + sentence.index(words)
    return Actor(begin, begin + len(words), words, name, country, sector)


def _event(text: str, sentence: str, trigger: str, kind: str, actor1: tuple | None, actor2: tuple | None) -> Event:
    """An event of ``text`` told in ``sentence`` by ``trigger``; each actor (words, name, country, sector)."""
    start = text.index(sentence)
    at = start + sentence.index(trigger)
    parties = [_party(text, sentence, *a) if a else None for a in (actor1, actor2)]
    return told_event(kind, start, sentence, at, trigger, *parties)


INVADED = "Moscow's neighbours fear a repeat of Russia's invasion of Georgia."
RUSSIA = ("Russia's", "Russia", "RUS", "GOV")
GEORGIA = ("Georgia", "Georgia", "GEO", "GOV")


def test_a_deed_of_a_state_told_again_as_its_leaders_is_one_event():
    """ "Russia's invasion of Georgia ... Vladimir Putin ordered the invasion of Georgia": the state and its leader
    are one side, the victim is the same state: one invasion told twice."""
    later = "In 2008 Vladimir Putin sent troops to invade Georgia."
    text = f"{INVADED} {later}"
    first = _event(text, INVADED, "invasion", "ASSAULT", RUSSIA, GEORGIA)
    again = _event(text, later, "invade", "ASSAULT", ("Vladimir Putin", "Vladimir Putin", "RUS", "GOV"), GEORGIA)
    (only,) = merge_events([first, again], text)
    assert only.mentions == 2 and only.actor1 is not None and only.actor1.text == "Russia's"


def test_a_statement_told_again_with_a_generic_doer_is_one_event():
    """ "Seafarers' union endorses Ruiz" / "The union endorsed Ana Ruiz on Friday": the same named party on one
    side, a description of the other's kind on the other."""
    head = "Seafarers' union endorses Ruiz."
    lead = "The union endorsed Ana Ruiz on Friday."
    text = f"{head} {lead}"
    union = ("Seafarers' union", None, None, "LAB")
    first = _event(text, head, "endorses", "SUPPORT", union, ("Ruiz", None, None, None))
    again = _event(text, lead, "endorsed", "SUPPORT", ("The union", None, None, "LAB"), ("Ana Ruiz", None, None, None))
    (only,) = merge_events([first, again], text)
    assert only.mentions == 2


def test_two_parties_or_two_victims_keep_two_events():
    """Another party on one side ("other unions" set themselves apart, "the Farmers League" is another sector),
    another victim of one doer ("police shot Lee ... police shot Park"), or a sentence that tells another one stay
    apart."""
    head = "Seafarers' union endorses Ruiz."
    for words, sector in (("Other unions", "LAB"), ("The Farmers League", "AGR")):
        lead = f"{words} endorsed Ana Ruiz on Friday."
        text = f"{head} {lead}"
        union = ("Seafarers' union", None, None, "LAB")
        first = _event(text, head, "endorses", "SUPPORT", union, ("Ruiz", None, None, None))
        other = _event(text, lead, "endorsed", "SUPPORT", (words, None, None, sector), ("Ana Ruiz", None, None, None))
        assert len(merge_events([first, other], text)) == 2

    shot = "Police shot Tom Lee on Monday."
    again = "Police shot Omar Park near the station."
    text = f"{shot} {again}"
    first = _event(text, shot, "shot", "ASSAULT", ("Police", None, "USA", "POL"), ("Tom Lee", None, None, None))
    second = _event(text, again, "shot", "ASSAULT", ("Police", None, "USA", "POL"), ("Omar Park", None, None, None))
    assert len(merge_events([first, second], text)) == 2

    ukraine = "In 2014 Vladimir Putin sent troops to invade Ukraine."
    text = f"{INVADED} {ukraine}"
    first = _event(text, INVADED, "invasion", "ASSAULT", RUSSIA, GEORGIA)
    putin = ("Vladimir Putin", "Vladimir Putin", "RUS", "GOV")
    new = _event(text, ukraine, "invade", "ASSAULT", putin, ("Ukraine", "Ukraine", "UKR", "GOV"))
    assert len(merge_events([first, new], text)) == 2


def test_a_plan_told_as_intended_and_as_a_condition_is_one_plan():
    """ "President Lee is set to veto the bill ... the president's reasons to veto it": one veto not yet done, told
    as a plan and as a supposition, the same named doer and the same verb; a plan of another verb stays its own."""
    plan = "President Lee is set to veto the bill on Friday."
    again = "Critics said the president's reasons to veto it were weak."
    text = f"{plan} {again}"
    lee = ("President Lee", "Ana Lee", "KOR", "GOV")
    first = replace(_event(text, plan, "veto", "REJECT", lee, None), modality="future")
    second = _event(text, again, "veto", "REJECT", ("the president's", "Ana Lee", "KOR", "GOV"), None)
    (only,) = merge_events([first, replace(second, modality="hypothetical")], text)
    assert only.mentions == 2

    other = "Critics said the president's reasons to shelve it were weak."
    text = f"{plan} {other}"
    first = replace(_event(text, plan, "veto", "REJECT", lee, None), modality="future")
    second = _event(text, other, "shelve", "REJECT", ("the president's", "Ana Lee", "KOR", "GOV"), None)
    assert len(merge_events([first, replace(second, modality="hypothetical")], text)) == 2


def test_another_after_the_deed_is_a_remark_not_a_new_deed():
    """ "A union of seafarers endorsed Ana Ruiz on Friday, another sign of labour's support": "another" comes after
    the deed and remarks on it, the endorsement is the headline's; "Another union endorsed Ana Ruiz" is a new one."""
    head = "Seafarers' union endorses Ruiz."
    union = ("Seafarers' union", None, None, "LAB")
    lead = "A union of seafarers endorsed Ana Ruiz on Friday, another sign of labour's support."
    text = f"{head} {lead}"
    first = _event(text, head, "endorses", "SUPPORT", union, ("Ruiz", None, None, None))
    again = _event(
        text, lead, "endorsed", "SUPPORT", ("A union of seafarers", None, None, "LAB"), ("Ana Ruiz", None, None, None)
    )
    (only,) = merge_events([first, again], text)
    assert only.mentions == 2

    new = "Another union endorsed Ana Ruiz on Friday."
    text = f"{head} {new}"
    first = _event(text, head, "endorses", "SUPPORT", union, ("Ruiz", None, None, None))
    other = _event(
        text, new, "endorsed", "SUPPORT", ("Another union", None, None, "LAB"), ("Ana Ruiz", None, None, None)
    )
    assert len(merge_events([first, other], text)) == 2


def test_deeds_of_a_described_party_with_no_other_side_stay_apart():
    """ "The Town Council approved the budget ... Later, council approved a parking plan": a body told only by
    descriptions and no other side in one of the reports names no one happening; two approvals stay two."""
    first_vote = "The Town Council approved the budget on Monday."
    second_vote = "Later, council approved a parking plan."
    text = f"{first_vote} {second_vote}"
    first = _event(text, first_vote, "approved", "SUPPORT", ("The Town Council", None, None, "GOV"), None)
    second = _event(text, second_vote, "approved", "SUPPORT", ("council", None, None, "GOV"), None)
    assert len(merge_events([first, second], text)) == 2


SHOT = "Lee Park admitted that he shot Ana Ruiz outside a diner in May."
FILLER = " ".join(["The court heard from neighbours, the diner's staff and two officers over three days."] * 6)


def test_a_far_pronoun_for_the_victim_of_the_same_named_doer_is_the_deed_told():
    """ "Park admitted that he shot Ana Ruiz ... [much later] He shot her by the bus stop": the doer is the same
    named party (the pronoun resolved to Park), so "her" far after the first telling is still Park's victim, one
    shooting; with no named doer on both sides ("Police shot a man ... they shot him") the far pronoun may stand
    for someone told nearer, and stays its own."""
    later = "He shot her by the bus stop."
    text = f"{SHOT} {FILLER} {later}"
    park = ("he", "Lee Park", None, None)
    first = _event(text, SHOT, "shot", "ASSAULT", park, ("Ana Ruiz", "Ana Ruiz", None, None))
    again = _event(text, later, "shot", "ASSAULT", ("He", "Lee Park", None, None), ("her", None, None, None))
    (only,) = merge_events([first, again], text)
    assert only.mentions == 2 and only.actor2 is not None and only.actor2.text == "Ana Ruiz"

    police = "Police shot a man outside a diner in May."
    later = "They shot him by the bus stop."
    text = f"{police} {FILLER} {later}"
    first = _event(text, police, "shot", "ASSAULT", ("Police", None, "USA", "POL"), ("a man", None, None, None))
    again = _event(text, later, "shot", "ASSAULT", ("They", None, "USA", "POL"), ("him", None, None, None))
    assert len(merge_events([first, again], text)) == 2
