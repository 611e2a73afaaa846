"""One attack or arrest told clause by clause, victim by victim, or with its doer named anew, is one event."""

from __future__ import annotations

from dataclasses import replace

from eventscope.events.merge import merge_events
from eventscope.records import Actor, Event, EventLocation, Magnitude, Report, SentenceSpan, TextSpan


def _place(name: str, precision: str = "exact") -> EventLocation:
    return EventLocation(0, len(name), name, hash(name) % 100000, name, 0.0, 0.0, "XXX", None, "PPL", 0.8, precision)


def _attack(
    event_id: str,
    text: str,
    sentence: str,
    actor1: Actor | None,
    actor2: Actor | None,
    dead: int | None = None,
    injured: int | None = None,
    event_type: str = "ASSAULT",
    place: str | None = None,
) -> Event:
    """An event of the sentence ``sentence`` of ``text``."""
    start = text.index(sentence)
    return Event(
        event_id=event_id,
        event_type=event_type,
        mode=None,
        context=(),
        cameo=None,
        actor1=actor1,
        actor2=actor2,
        claimed_by=None,
        location=_place(place) if place else None,
        date=None,
        date_precision=None,
        date_source=None,
        sentence=SentenceSpan(start, start + len(sentence)),
        trigger=TextSpan(start, start + 3, sentence[:3]),
        negated=False,
        modality="asserted",
        confidence=0.5,
        reports=(Report("d1", start, start + len(sentence)),),
        dead=Magnitude(dead, start, start + 1, str(dead)) if dead else None,
        injured=Magnitude(injured, start, start + 1, str(injured)) if injured else None,
    )


def _actor(text: str, country: str | None = None, sector: str | None = None, name: str | None = None) -> Actor:
    return Actor(0, len(text), text, name, country, sector)


BLAST = "A roadside bomb killed a Kurdish fighter near the dam on Sunday."
WOUNDED = "Seven others were wounded, a medic said."
LATER = " ".join(["Residents described the area as tense."] * 12)
POINTED = "Two of the wounded later died of injuries sustained in the blast."
SEPARATE = "Three farmers were wounded in a separate bombing."


def test_victims_told_after_an_attack_fold_into_it_with_the_larger_toll():
    """ "A bomb killed a fighter. Seven others were wounded": one attack; so is a sentence far on that points back
    to it ("in the blast"), which brings its larger toll.  A far sentence that does not, and one that tells another
    attack ("in a separate bombing"), stay their own."""
    text = " ".join([BLAST, WOUNDED, LATER, POINTED, SEPARATE, LATER, WOUNDED])
    fighter = _actor("a Kurdish fighter", None, "REB")
    host = _attack("a", text, BLAST, None, fighter, dead=1)
    wounded = _attack("b", text, WOUNDED, None, _actor("Seven others"), injured=7)
    pointed = _attack("c", text, POINTED, None, _actor("Two of the wounded"), dead=3)
    separate = _attack("d", text, SEPARATE, None, _actor("Three farmers", None, "CVL"), injured=3)
    far_start = text.rindex(WOUNDED)
    far = _attack("e", text, WOUNDED, None, _actor("Seven others"), injured=7)
    far = replace(far, sentence=SentenceSpan(far_start, far_start + len(WOUNDED)))
    merged = merge_events([host, wounded, pointed, separate, far], text)
    assert [e.event_id for e in merged] == ["a", "d", "e"]
    attack = merged[0]
    assert attack.mentions == 3 and attack.actor2 == fighter
    assert attack.dead is not None and attack.dead.value == 3 and attack.injured is not None
    assert attack.injured.value == 7


def test_casualties_at_another_place_or_a_state_force_hit_stay_apart():
    """A toll at another exact place is another attack; a policeman hit, when the attack has no state party, keeps
    his own record (the attack's other side)."""
    text = " ".join([BLAST, WOUNDED])
    host = _attack("a", text, BLAST, None, _actor("a Kurdish fighter", None, "REB"), place="Tabqa")
    elsewhere = _attack("b", text, WOUNDED, None, _actor("Seven others"), injured=7, place="Raqqa")
    police = _attack("c", text, WOUNDED, None, _actor("Seven policemen", "SYR", "POL"), injured=7)
    assert len(merge_events([host, elsewhere], text)) == 2
    assert len(merge_events([host, police], text)) == 2


def test_a_doer_told_later_of_the_same_victim_names_who_did_it():
    """ "The shopkeeper was stabbed ... Police say a robber stabbed the shopkeeper": one attack, whose record now
    names the doer; a doer told of another victim in the next sentence is another attack."""
    first = "The shopkeeper was stabbed on Friday night."
    again = "Police say a robber stabbed the shopkeeper before fleeing."
    text = " ".join([first, LATER, again])
    shopkeeper = _actor("The shopkeeper", None, "BUS")
    robber = _actor("a robber", None, "CRM")
    host = _attack("a", text, first, None, shopkeeper)
    told = _attack("b", text, again, robber, _actor("the shopkeeper", None, "BUS"))
    (only,) = merge_events([host, told], text)
    assert only.event_id == "a" and only.actor1 == robber and only.mentions == 2
    other = _attack("c", text, again, robber, _actor("a customer", None, "CVL"))
    assert len(merge_events([host, other], text)) == 2


def test_a_place_or_person_introduced_unnamed_and_named_next_by_a_doer_described_anew_is_one_deed():
    """ "Los Angeles police shot a teenager ... officers shot Darnell Price": one shooting, whatever the doer's
    description, and "a town in eastern Ukraine ... shelled Kramatorsk" one shelling; other doers stay apart."""
    first = "Los Angeles police shot a teenager late on Monday."
    named = "Witnesses said officers shot Darnell Price twice."
    text = " ".join([first, named])
    police = _actor("Los Angeles police", "USA", "POL")
    host = _attack("a", text, first, police, _actor("a teenager", None, "CVL"))
    told = _attack("b", text, named, _actor("officers", "USA", "POL"), _actor("Darnell Price"))
    (only,) = merge_events([host, told], text)
    assert only.actor1 == police and only.actor2 is not None and only.actor2.text == "Darnell Price"
    gang = _attack("c", text, named, _actor("gang members", None, "CRM"), _actor("Darnell Price"))
    assert len(merge_events([host, gang], text)) == 2

    shelled = "Russia shelled a town in eastern Ukraine overnight."
    fired = "Russia also fired on Kramatorsk with rockets."
    text = " ".join([shelled, fired])
    russia = _actor("Russia", "RUS", "GOV", name="Russia")
    town = _attack("d", text, shelled, russia, _actor("a town in eastern Ukraine"))
    city = _attack("e", text, fired, russia, _actor("Kramatorsk"))
    (only,) = merge_events([town, city], text)
    assert only.actor2 is not None and only.actor2.text == "Kramatorsk"


def test_a_raid_and_the_arrest_of_one_sentence_are_one_coercion():
    """ "In a police raid on Friday, the Okafors were arrested": the raid with no party targeted is the arrest, whose
    record (and trigger) stays; another doer's deed stays its own."""
    sentence = "In a police raid on Friday, the Okafors were arrested on drug charges."
    police = _actor("police", "USA", "POL")
    raid = _attack("a", sentence, sentence, police, None, event_type="COERCE")
    arrest = _attack("b", sentence, sentence, police, _actor("the Okafors"), event_type="COERCE")
    (only,) = merge_events([raid, arrest], sentence)
    assert only.event_id == "b" and only.mentions == 1
    army = _attack("c", sentence, sentence, _actor("soldiers", "USA", "MIL"), None, event_type="COERCE")
    assert len(merge_events([army, arrest], sentence)) == 2
