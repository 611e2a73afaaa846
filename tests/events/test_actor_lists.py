"""Compound actors (PLOVER "Compound and Reciprocal Actors"): one deed by or on several parties is one event whose
actor is the list; its dyadic rows, one per member, are derived for scoring and for users who want CAMEO-style rows."""

from __future__ import annotations

from collections import defaultdict

from eventscope.actors.inference import with_place_country
from eventscope.evaluation.common import Counts
from eventscope.evaluation.re3d import GoldDocument, _score_dyads
from eventscope.events.eventness import eventness_features
from eventscope.events.merge import actor_list, member_pairs
from eventscope.events.relevance import is_political
from eventscope.records import Actor, AnnotatedDocument, EventLocation, actor_from_dict, record_to_dict
from stand_ins import event_stand_in

TEXT = "Iran and Syria condemned the strike."
IRAN = Actor(0, 4, "Iran", "Iran", "IRN", "GOV")
SYRIA = Actor(9, 14, "Syria", "Syria", "SYR", "GOV")


def test_a_list_spans_its_members_and_keeps_only_what_they_share():
    both = actor_list([SYRIA, IRAN], TEXT)
    assert both is not None
    assert (both.start, both.end, both.text) == (0, 14, "Iran and Syria")
    assert both.members == (IRAN, SYRIA)
    assert both.country is None and both.sector == "GOV"  # two countries, one sector
    assert actor_list([IRAN], TEXT) is IRAN and actor_list([], TEXT) is None


def test_the_dyadic_rows_are_one_per_member_pair():
    event = event_stand_in(actor1=actor_list([IRAN, SYRIA], TEXT), actor2=Actor(25, 35, "the strike", None, None, None))
    rows = member_pairs(event)
    assert [(r.actor1.text, r.actor2.text) for r in rows] == [("Iran", "the strike"), ("Syria", "the strike")]
    single = event_stand_in(actor1=IRAN)
    assert member_pairs(single) == [single]


def test_a_list_survives_the_json_round_trip():
    both = actor_list([IRAN, SYRIA], TEXT)
    assert actor_from_dict(record_to_dict(both)) == both


def test_unnamed_state_agents_in_a_list_each_take_the_place_country():
    police = Actor(0, 6, "Police", None, None, "POL")
    rebels = Actor(11, 17, "rebels", None, None, "REB")
    both = actor_list([police, rebels], "Police and rebels clashed.")
    kabul = EventLocation(0, 5, "Kabul", 1138958, "Kabul", 34.5, 69.2, "AFG", "13", "PPLC", 0.9, "exact")
    inferred = with_place_country(both, kabul)
    assert inferred is not None
    assert [m.country for m in inferred.members] == ["AFG", None]  # only the state agent is Afghan
    assert inferred.country is None


def test_a_list_is_political_when_one_member_is():
    ngo = Actor(0, 6, "UNICEF", "UNICEF", None, "IGO")
    firm = Actor(11, 18, "Acme Co", None, None, "BUS")
    aid = event_stand_in(event_type="AID", actor1=actor_list([ngo, firm], "UNICEF and Acme Co sent aid."))
    assert is_political(aid)
    assert eventness_features(aid, "UNICEF and Acme Co sent aid.").get("actor1_political") == 1.0


def test_a_clash_is_one_reciprocal_event_read_both_ways(code):
    """PLOVER reciprocal events: "police clashed with farmers" is one ASSAULT both sides did, not one per direction."""
    clashes = [e for e in code("Police clashed with farmers in Kolkata on Monday.") if e.event_type == "ASSAULT"]
    assert len(clashes) == 1 and clashes[0].reciprocal
    police, farmers = clashes[0].actor1.text, clashes[0].actor2.text
    assert police == "Police" and farmers.startswith("farmers")
    rows = {(r.actor1.text, r.actor2.text) for r in member_pairs(clashes[0])}
    assert rows == {(police, farmers), (farmers, police)}
    met = [e for e in code("Putin and Erdogan met in Sochi on Friday.") if e.event_type == "CONSULT"]
    assert len(met) == 1 and met[0].reciprocal


def test_re3d_scores_a_reciprocal_fight_as_two_dyads_and_a_meeting_as_one():
    """A fight both sides did is two directed dyads (each fights the other); a meeting is one, matched either way."""
    text = "Police clashed with farmers."
    police, farmers = Actor(0, 6, "Police", None, None, "POL"), Actor(20, 27, "farmers", None, None, "CVL")
    fighting = {"type": "FightingAgainst", "source": (20, 27, "farmers"), "target": (0, 6, "Police"), "value": None}
    talking = {"type": "CommWith", "source": (20, 27, "farmers"), "target": (0, 6, "Police"), "value": None}
    for event_type, relation, expected in (("ASSAULT", fighting, (2, 1, 1)), ("CONSULT", talking, (1, 1, 1))):
        event = event_stand_in(event_type=event_type, actor1=police, actor2=farmers, reciprocal=True)
        record = AnnotatedDocument(doc_id="d", title=None, date=None, url=None, source=None, text=text, events=(event,))
        dyads, typed = Counts(), Counts()
        _score_dyads(GoldDocument("d", text, [], [relation]), record, dyads, typed, defaultdict(Counts), [])
        assert (dyads.predicted, dyads.predicted_correct, dyads.gold_found) == expected, event_type


def test_a_list_left_injured_is_the_target_of_who_left_it(code):
    # the parser hangs "injured" on the last member only; "left X and Y injured" says it of both
    events = code("Militants threw a grenade at a checkpoint in Quetta and left three policemen and a boy injured.")
    harm = next(e for e in events if e.event_type == "ASSAULT")  # the throw and the wounds: one happening
    assert harm.actor1 is not None and harm.actor1.text == "Militants"
    assert harm.actor2 is not None and [m.text for m in harm.actor2.members] == ["three policemen", "a boy"]
    police = harm.actor2.members[0]
    assert (police.country, police.sector) == ("PAK", "POL")
