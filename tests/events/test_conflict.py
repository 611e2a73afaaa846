"""Conflict reporting as it is written (events/conflict.py): unnamed attackers and victims, victim-only casualty
reports, responsibility claims, misparsed "shot dead", coordinated casualty verbs.  The coder alone on parsed
sentences (no classifier), with the real actor resolver; one end-to-end check runs the precision-mode pipeline."""

from __future__ import annotations

import pytest

from eventscope.actors.lookup import ARMED_SECTORS
from eventscope.events.coder import EventCoder
from eventscope.events.conflict import claimants, is_victim_noun, no_attack
from eventscope.events.context import contexts_for
from eventscope.events.lexicon import load_lexicon
from eventscope.events.rules import ARMED_OR_STATE_SECTORS


@pytest.fixture(scope="module")
def code(nlp, pipeline):
    """code(text) -> (doc, events of every sentence) with the precision-mode coder."""
    coder = EventCoder(load_lexicon())

    def run(text: str):
        doc = nlp(text)
        actors = pipeline.resolver.for_document(doc)
        events = [e for sentence in doc.sents for e in coder.code_sentence(sentence, actors).events]
        return doc, events

    return run


def _assaults(events):
    return [e for e in events if e.entry.event_type == "ASSAULT"]


def _text(actor) -> str:
    return actor.text.lower() if actor is not None else ""


def test_unidentified_armed_group_is_an_armed_sector(nlp) -> None:
    assert "UAF" in ARMED_SECTORS
    assert "UAF" in ARMED_OR_STATE_SECTORS
    from eventscope.records import Actor

    doc = nlp("They met.")
    gunmen = Actor(0, 4, "gunmen", None, None, "UAF")
    assert "military" in contexts_for(doc[:], [gunmen])


@pytest.mark.parametrize(
    ("text", "word", "sector"),
    [
        ("Armed men attacked the checkpoint in Parwan.", "men", "UAF"),
        ("Unknown assailants attacked a bus carrying passengers.", "assailants", "UAF"),
        ("Gunmen attacked the villagers near Kunduz.", "villagers", "CVL"),
    ],
)
def test_generic_agents_resolve_in_argument_positions(code, text: str, word: str, sector: str) -> None:
    _, events = code(text)
    actors = [a for e in _assaults(events) for a in (e.actor1, e.actor2) if a is not None]
    assert any(word in _text(a) and a.sector == sector for a in actors), [(a.text, a.sector) for a in actors]


def test_coordinated_casualty_verbs_give_both_targets(code) -> None:
    _, events = code("Gunmen killed a shopkeeper and wounded two policemen in Peshawar.")
    hits = [e for e in _assaults(events) if e.actor2 is not None]
    assert any("shopkeeper" in _text(e.actor2) for e in hits)
    assert any("policemen" in _text(e.actor2) for e in hits)
    assert all("gunmen" in _text(e.actor1) for e in hits)


def test_victim_only_passive_has_target_and_no_source(code) -> None:
    _, events = code("Four villagers were wounded in a grenade attack in Kunar. No group claimed responsibility.")
    hits = [e for e in _assaults(events) if "villagers" in _text(e.actor2)]
    assert hits and all(e.actor1 is None for e in hits)


def test_responsibility_claim_in_the_next_sentence_is_the_source(code) -> None:
    _, events = code("A roadside bomb killed three soldiers in Helmand. The Taliban claimed responsibility.")
    hits = [e for e in _assaults(events) if "soldiers" in _text(e.actor2)]
    assert hits and any("taliban" in _text(e.actor1) for e in hits)


def test_denied_claim_names_nobody(nlp) -> None:
    doc = nlp("A bomb exploded in the market. No group claimed responsibility.")
    assert claimants(next(iter(doc.sents))) == []
    doc = nlp("A bomb exploded in the market on Sunday.")
    assert claimants(next(iter(doc.sents))) is None


def test_counted_unknown_victims_survive_the_anonymity_veto(code) -> None:
    doc, events = code("Two members of a village defence team were injured in a gun attack.")
    hits = [e for e in _assaults(events) if e.trigger.lower_ == "injured"]
    assert hits and "members" in _text(hits[0].actor2) and hits[0].actor1 is None
    assert "casualty_report" in hits[0].rules


def test_a_casualty_verb_read_in_another_sense_is_not_revived(code) -> None:
    """A headline crash or storm that kills is vetoed as an accident beside its missing attacker: the casualty
    report must not code it again.  A blast that kills is an attack with no actor and keeps its casualty report."""
    _, events = code("Highway crash kills four near Nakuru.")
    assert not _assaults(events)
    _, events = code("Blast kills four near Quetta.")
    assert any("casualty_report" in e.rules for e in _assaults(events))


def test_misparsed_shot_dead_is_an_assault_on_the_object(code) -> None:
    doc, events = code("Two gunmen on a motorbike shot dead a police officer in Quetta.")
    shot = [e for e in _assaults(events) if e.trigger.lower_ == "shot"]
    assert shot and "gunmen" in _text(shot[0].actor1) and "officer" in _text(shot[0].actor2)
    if doc[[t.lower_ for t in doc].index("shot")].pos_ == "VERB":  # parsed right: no second event on it
        assert all("misparsed_resultative" not in e.rules for e in shot)


def test_death_result_makes_a_killing_but_not_a_sentence(code) -> None:
    _, events = code("Armed men hacked to death a farmer in Sylhet.")
    assert any(e.trigger.lower_ == "hacked" and "farmer" in _text(e.actor2) for e in _assaults(events))
    _, events = code("The court sentenced the former minister to death.")
    assert not _assaults(events)
    assert any(e.entry.event_type == "SANCTION" for e in events)


def test_suffered_injuries_name_the_victim(code) -> None:
    _, events = code("Three people received burn injuries when a petrol bomb hit their bus in Rajshahi.")
    hits = [e for e in _assaults(events) if "suffered_casualty" in e.rules]
    assert hits and "people" in _text(hits[0].actor2)
    assert hits[0].injured is not None and hits[0].injured.value == 3


@pytest.mark.parametrize(
    "text",
    [
        "The striker received injuries during the match in Lahore.",
        "Five passengers received injuries in a bus collision near Quetta.",
    ],
)
def test_harm_that_is_no_attack_is_no_event(code, text: str) -> None:
    _, events = code(text)
    assert not _assaults(events)


def test_victim_nouns_and_no_attack_helpers(nlp) -> None:
    doc = nlp("Two members were hurt in a crash during the tournament.")
    assert is_victim_noun(doc[1])
    assert not is_victim_noun(doc[7])
    assert no_attack(doc[3])


def test_precision_pipeline_keeps_victim_only_casualty_reports(pipeline) -> None:
    from eventscope.ingest.readers import make_document

    texts = [
        "Three passengers were killed when a bomb exploded on a bus in Quetta.",
        "Two members of a village defence team were injured in a gun attack in Yala.",
    ]
    records = pipeline.annotate([make_document(t, doc_id=f"c{i}") for i, t in enumerate(texts)])
    for record in records:
        assert any(e.event_type == "ASSAULT" and e.actor2 is not None for e in record.events), record.events


@pytest.mark.parametrize(
    ("text", "suspect"),
    [
        ("Gunmen killed two guards at the port. Al Shabaab was suspected.", "shabaab"),
        ("A bomb killed four traders in the market. The blast was blamed on the Taliban.", "taliban"),
    ],
)
def test_suspect_named_later_is_the_claimant(nlp, text: str, suspect: str) -> None:
    doc = nlp(text)
    found = claimants(next(iter(doc.sents)))
    assert found and suspect in " ".join(t.text.lower() for t in found)


def test_casualty_is_anchored_on_the_attack_that_caused_it(code) -> None:
    _, events = code("Four people suffered injuries as gunmen exploded two bombs near the market in Khulna.")
    hits = [e for e in _assaults(events) if "suffered_casualty" in e.rules]
    assert hits and hits[0].trigger.lower_ == "exploded"
    assert "gunmen" in _text(hits[0].actor1) and hits[0].actor1.sector == "UAF"
    assert "people" in _text(hits[0].actor2)


# -- unnamed parties, devices, property, one event per happening (issue 11) ---------------------------------------


def _of_type(events, event_type: str):
    return [e for e in events if e.entry.event_type == event_type]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Congress workers staged a protest against the new road toll.", "workers"),
        ("Nurses at the district hospital staged a demonstration against a pay cut.", "nurses"),
        ("Students of the college brought out a procession in the town.", "students"),
        ("The union formed a human chain along the highway.", "union"),
        ("Farmers staged a dharna in front of the collectorate.", "farmers"),
        ("Shopkeepers went on strike over the new tax.", "shopkeepers"),
    ],
)
def test_unnamed_groups_protest(code, text: str, source: str) -> None:
    _, events = code(text)
    protests = _of_type(events, "PROTEST")
    assert protests, [(e.entry.event_type, e.trigger.text) for e in events]
    assert source in _text(protests[0].actor1)


def test_agentless_protests_and_circumstance(code) -> None:
    _, events = code("Protest demonstrations were held in several towns on Friday.")
    assert len(_of_type(events, "PROTEST")) == 1  # "protest demonstrations": one happening
    _, events = code("The 40th day of the countrywide blockade enforced by the opposition alliance passed quietly.")
    protests = _of_type(events, "PROTEST")
    assert protests and "alliance" in _text(protests[0].actor1)


def test_a_protest_that_is_only_the_setting_of_an_attack_is_not_coded(code) -> None:
    _, events = code("On the third day of the blockade enforced by the alliance, two bombs went off near the court.")
    assert not _of_type(events, "PROTEST"), [(e.entry.event_type, e.trigger.text) for e in events]
    assert _of_type(events, "ASSAULT")


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Two bombs went off near the mosque in the evening.", "", ""),
        ("Several crude bombs were exploded in front of the court.", "", ""),
        ("Pickets hurled crude bombs at a bus near the station.", "pickets", "bus"),
        ("Militants threw grenades at two shops in the market.", "militants", "shops"),
    ],
)
def test_devices_that_go_off_are_attacks(code, text: str, source: str, target: str) -> None:
    _, events = code(text)
    attacks = _assaults(events)
    assert len(attacks) == 1, [(e.trigger.text, e.rules) for e in attacks]
    assert source in _text(attacks[0].actor1) and target in _text(attacks[0].actor2)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Five buses were torched in the city on Monday.", "buses"),
        ("Alleged blockaders set alight five vehicles in the district.", "vehicles"),
        ("Unidentified assailants vandalised a number of vehicles in the town.", "vehicles"),
    ],
)
def test_burnt_and_wrecked_property(code, text: str, target: str) -> None:
    _, events = code(text)
    hits = [e for e in events if e.entry.event_type in ("ASSAULT", "PROTEST")]
    assert hits, [(e.trigger.text, e.rules) for e in events]
    assert target in _text(hits[0].actor2) or hits[0].theme == "number"  # "a number of vehicles": the theme


def test_two_communities_clash(code) -> None:
    _, events = code("Two communities clashed over the road in the town.")
    assert "communities" in _text(_assaults(events)[0].actor1)


def test_no_fallback_event_beside_a_casualty_report(code) -> None:
    _, events = code("Two workers were injured as assailants hurled a crude bomb at their bus.")
    assert len(_assaults(events)) == 1, [(e.trigger.text, e.rules) for e in events]


def test_no_fallback_event_for_a_retold_happening(code) -> None:
    text = "Pickets hurled bombs at a bus in the city. The bombs went off near the station."
    _, events = code(text)
    assert len(_assaults(events)) == 1, [(e.trigger.text, e.rules) for e in events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lawyers in the district courts went on strike over the new rules.", "PROTEST"),
        ("Police constables in Punjab went on strike over unpaid salaries.", "PROTEST"),
        ("The air force carried out a strike on the rebel base.", "ASSAULT"),
    ],
)
def test_labour_strike(code, text: str, expected: str) -> None:
    _, events = code(text)
    strikes = [e for e in events if e.trigger.lower_ == "strike"]
    assert strikes and strikes[0].entry.event_type == expected, [(e.entry.event_type, e.rules) for e in strikes]


def test_later_death_of_an_attack_victim(code) -> None:
    text = "A local leader suffered bullet injuries in an attack by gunmen. He died on Wednesday at the hospital."
    _, events = code(text)
    assert any(e.dead is not None and e.dead.value == 1 for e in _assaults(events))


@pytest.mark.parametrize(
    "text",
    [
        "A funeral procession for the late king passed through the capital.",
        "His close encounter with the president made headlines.",
        "Fireworks went off over the harbour at midnight.",
        "The bomb squad defused a device found near the station.",
    ],
)
def test_no_conflict_where_none_is_reported(code, text: str) -> None:
    _, events = code(text)
    assert not [e for e in events if e.entry.event_type in ("ASSAULT", "PROTEST")], [
        (e.entry.event_type, e.trigger.text, e.rules) for e in events
    ]


def test_death_in_an_encounter_is_a_casualty(code) -> None:
    _, events = code("One soldier of the Assam Rifles died in an encounter with the rebels on Friday evening.")
    assert any(e.dead is not None and e.dead.value == 1 for e in _assaults(events))


def test_a_death_far_from_the_attack_is_no_toll_of_it(code) -> None:
    """A death told next to an attack is its toll; one told many sentences later is not (``HURT_WINDOW``)."""
    near = "Gunmen attacked a bus near Quetta on Monday. The driver died on the spot."
    far = (
        "Gunmen attacked a bus near Quetta on Monday. The museum opened in 1990. Its collection grew quickly. "
        "Visitors came from all over the province. The historian Omar Baig founded it. He died in 2009."
    )
    _, near_events = code(near)
    _, far_events = code(far)
    assert any(e.trigger.lower_ == "died" and e.entry.event_type == "ASSAULT" for e in near_events)
    assert not any(e.trigger.lower_ == "died" for e in far_events)


def test_a_death_after_a_crash_is_no_toll_of_an_attack(code) -> None:
    """A death told after a road accident is the crash's: the car that struck trees attacked no one.  The same
    death after an ambush stays an attack's toll."""
    crash = (
        "The lorry left the highway near Nakuru and struck two trees before the wreck caught fire. "
        "The driver was thrown from the cab and died at the scene."
    )
    ambush = (
        "Gunmen ambushed the lorry near Nakuru and it struck two trees before the wreck caught fire. "
        "The driver died at the scene."
    )
    _, crash_events = code(crash)
    _, ambush_events = code(ambush)
    assert not any(e.trigger.lower_ == "died" for e in crash_events)
    assert any(e.entry.event_type == "ASSAULT" for e in ambush_events)


def test_an_injury_after_a_vehicle_was_struck_is_no_attack(code) -> None:
    """A car that struck a parked van names a collision, not an attack: an injury told just after it is the crash's.
    After gunmen fired on the van, the same injury stays an attack's."""
    injury = " The van's owner suffered leg injuries."
    _, crash_events = code("Late on Friday Mwangi struck a parked van near Nakuru, police said." + injury)
    _, attack_events = code("Late on Friday gunmen fired on a parked van near Nakuru, police said." + injury)
    assert not _assaults(crash_events)
    assert _assaults(attack_events)


@pytest.mark.parametrize(
    "text",
    [
        "Fighting continued for a third day between the KIA and government troops near Hpakant.",
        "Clashes erupted on Monday between Maoist rebels and the police.",
    ],
)
def test_between_after_a_time_phrase_still_names_both_parties(code, text) -> None:
    _, events = code(text)
    pairs = {(e.actor1 is not None, e.actor2 is not None) for e in _assaults(events)}
    assert (True, True) in pairs, [(_text(e.actor1), _text(e.actor2)) for e in events]


def test_a_gerund_with_its_own_agent_does_not_borrow_the_clause_subject(code) -> None:
    _, events = code("Thousands of villagers fled due to relentless shelling by Pakistani security forces.")
    shelling = [e for e in _assaults(events) if e.trigger.lower_ == "shelling"]
    assert shelling and all("forces" in _text(e.actor1) for e in shelling)


@pytest.mark.parametrize(
    ("text", "attacker", "victim"),
    [
        ("A rebel leader was killed in an encounter with security forces on Saturday.", "forces", "leader"),
        ("Two soldiers were killed in a gunfight with militants.", "militants", "soldiers"),
        ("Ram Jha died in a clash with the police.", "police", "jha"),
    ],
)
def test_a_victim_of_a_fight_was_hurt_by_its_other_side(code, text, attacker, victim) -> None:
    _, events = code(text)
    assert any(attacker in _text(e.actor1) and victim in _text(e.actor2) for e in _assaults(events)), [
        (_text(e.actor1), _text(e.actor2)) for e in events
    ]


def test_a_fight_with_things_names_no_attacker(code) -> None:
    _, events = code("Five people were killed in a clash with stones and sticks.")
    assert all(e.actor1 is None for e in _assaults(events))


@pytest.mark.parametrize(
    ("text", "attacker", "victim"),
    [
        ("Three militants were killed when security forces raided a hideout in Quetta.", "forces", "militants"),
        ("Four rebels were killed as the army launched an operation near the border.", "army", "rebels"),
    ],
)
def test_a_passive_casualty_takes_the_attacker_of_its_when_clause(code, text, attacker, victim) -> None:
    _, events = code(text)
    assert any(attacker in _text(e.actor1) and victim in _text(e.actor2) for e in _assaults(events)), [
        (_text(e.actor1), _text(e.actor2)) for e in events
    ]


def test_a_when_clause_of_no_attack_names_no_attacker(code) -> None:
    _, events = code("A man was killed when he was hit by a falling tree.")
    assert all(e.actor1 is None for e in _assaults(events))


def test_a_bomb_going_off_with_no_party_named_is_an_attack_and_its_victims_follow(pipeline) -> None:
    text = "Two bombs went off near a mosque in Dhaka on Monday. Several people were slightly injured."
    assaults = [e for e in pipeline.annotate_text(text, date="2015-01-20").events if e.event_type == "ASSAULT"]
    assert len(assaults) == 1  # one happening: the explosion takes the victims told next
    assert assaults[0].mode == "explosives" and assaults[0].trigger.text == "went"
    assert assaults[0].actor2 is not None and "people" in assaults[0].actor2.text


def test_nobody_hurt_is_no_victim(code) -> None:
    _, events = code("Pickets blasted crude bombs in the area. No one was injured.")
    assert not any(e.actor2 is not None and "one" in _text(e.actor2) for e in events)
    _, events = code("No security personnel were injured in the clash.")
    assert all(e.negated for e in _assaults(events))


@pytest.mark.parametrize(
    "text",
    [
        "The army prevented an attack on the base.",  # a deed held back, not people
        "Police stopped the work on the bridge.",  # a thing
        "Villagers stopped the protesters at the gate.",  # no force of order
        "Police did not stop the marchers.",  # denied
    ],
)
def test_a_restraint_needs_a_force_of_order_holding_people_back(code, text: str) -> None:
    _, events = code(text)
    assert not [e for e in events if "crowd_restraint" in e.rules]


def test_protesters_stopped_by_the_police_are_restricted_by_them(code) -> None:
    _, events = code("The marchers were stopped by police near the bridge.")
    (event,) = [e for e in events if "crowd_restraint" in e.rules]
    assert (event.entry.event_type, event.entry.mode) == ("COERCE", "restrict")
    assert event.actor1.sector == "POL" and "marchers" in event.actor2.text
