"""Actor lookup for event arguments (``actors/lookup.py``): the resolver's answer plus the coder's fallbacks."""

from __future__ import annotations

import pytest

from eventscope.actors.lookup import ArgumentActors, same_actor, same_span
from stand_ins import token_named


@pytest.fixture()
def lookup(nlp, resolver):
    """lookup(text) -> (doc, ArgumentActors) with a toy event-noun test ("strike", "raid") and no clause syntax."""

    def run(text: str):
        doc = nlp(text)
        actors = ArgumentActors(
            resolver.for_document(doc),
            is_event_noun=lambda t: t.lemma_ in ("strike", "raid"),
            subjects=lambda verb: [c for c in verb.children if c.dep_ == "nsubj"],
        )
        return doc, actors

    return run


def test_weapon_stands_for_the_force_of_its_modifier(lookup) -> None:
    doc, actors = lookup("Israeli jets struck the port.")
    actor = actors.actor_for(token_named(doc, "jets"))
    assert (actor.country, actor.sector, actor.text) == ("ISR", "MIL", "Israeli jets")


def test_weapon_without_owner_is_no_actor_unless_it_acts(lookup) -> None:
    doc, actors = lookup("The army sent drones to the border.")
    assert actors.actor_for(token_named(doc, "drones")) is None
    doc, actors = lookup("One jet bombed the school.")
    assert actors.actor_for(token_named(doc, "jet")).text == "One jet"


def test_coordinated_modifiers_are_one_actor_each(lookup) -> None:
    doc, actors = lookup("Turkish and Iraqi troops attacked the rebels.")
    found = actors.resolve_argument(token_named(doc, "troops"))
    assert sorted(a.country for a in found) == ["IRQ", "TUR"]
    assert not same_span(found[0], found[1]) and not same_actor(found[0], found[1])
    # each member its own words; the last carries the shared head
    assert [a.text for a in found] == ["Turkish", "Iraqi troops"]


def test_possessive_binds_to_the_clause_subject(lookup) -> None:
    doc, actors = lookup("Germany is working with its partners.")
    assert actors.actor_for(token_named(doc, "its")).country == "DEU"


def test_his_or_her_never_binds_to_an_institution(lookup) -> None:
    doc, actors = lookup("The Kenyan Supreme Court rejected his appeal.")
    bound = actors.actor_for(token_named(doc, "his"))
    assert bound is None or "Court" not in bound.text
    doc, actors = lookup("The Kenyan Supreme Court rejected its own ruling.")
    assert "Court" in actors.actor_for(token_named(doc, "its")).text


def test_unknown_person_noun_keeps_its_span_and_event_noun_yields_its_actor(lookup) -> None:
    doc, actors = lookup("Their counterparts left after the coalition strike.")
    kept = actors.actor_for(token_named(doc, "counterparts"))
    assert kept is not None and (kept.start, kept.text) == (0, "Their counterparts")
    inside = actors.actor_for(token_named(doc, "strike"))
    assert inside is not None and "coalition" in inside.text.lower()


# --- wrong-actor fixes: datelines, weapons' users, national parties, named appositions -------------------------


def test_dateline_place_gives_way_to_the_subject_hung_on_it(lookup) -> None:
    doc, actors = lookup("MOGADISHU, Somalia -- A Kenyan military airstrike has killed three herders.")
    actor = actors.actor_for(token_named(doc, "MOGADISHU"))
    assert actor is None or "MOGADISHU" not in actor.text


def test_title_case_dateline_with_date_and_agency_is_no_actor(lookup) -> None:
    doc, actors = lookup("Tehran, March 15, IRNA - The Iranian foreign minister condemned the attacks.")
    actor = actors.actor_for(token_named(doc, "Tehran"))
    assert actor is None or actor.country != "IRN" or "Tehran" not in actor.text


def test_weapon_fired_by_a_force_stands_for_that_force(lookup) -> None:
    doc, actors = lookup("The rockets fired by the Turkish army hit a depot.")
    actor = actors.actor_for(token_named(doc, "rockets"))
    assert actor is not None and actor.country == "TUR" and "army" in actor.text


def test_unknown_person_noun_with_a_nationality_is_a_party(lookup) -> None:
    doc, actors = lookup("Police arrested a Chinese actor and two Kuwaiti nationals.")
    assert actors.actor_for(token_named(doc, "actor")).country == "CHN"
    assert actors.actor_for(token_named(doc, "nationals")).country == "KWT"


def test_national_things_are_no_parties(lookup) -> None:
    doc, actors = lookup("The leaders discussed UK-France cooperation and the Syrian border.")
    assert actors.actor_for(token_named(doc, "border")) is None
    assert actors.actor_for(token_named(doc, "cooperation")) is None


def test_organisation_named_beside_a_common_noun_joins_its_span(lookup) -> None:
    doc, actors = lookup("The Islamist group al Shabaab attacked a base.")
    found = actors.resolve_argument(token_named(doc, "group"))
    assert found and found[0].text.endswith("Shabaab")


@pytest.mark.parametrize(
    ("text", "word", "sector"),
    [
        ("Law enforcers detained 30 people.", "enforcers", "POL"),
        ("Two jawans were hurt in the blast.", "jawans", "MIL"),
    ],
)
def test_regional_names_of_state_agents_have_their_sector(lookup, text, word, sector) -> None:
    doc, actors = lookup(text)
    actor = actors.actor_for(token_named(doc, word))
    assert actor is not None and actor.sector == sector


def test_a_name_left_with_its_and_is_coordinated_with_the_next_modifier(lookup) -> None:
    # the small model reads "the KIA and government troops" here as one phrase, "KIA" (with the "and") a modifier
    doc, actors = lookup("Fighting continued for a third day between the KIA and government troops near Hpakant.")
    kia, troops = token_named(doc, "KIA"), token_named(doc, "troops")
    assert kia.head == troops and not any(c.dep_ == "conj" for c in kia.children)  # the misparse this is about
    found = actors.resolve_argument(troops)
    assert [a.sector for a in found] == ["REB", "MIL"]
    assert found[1].name is None  # the state's own troops: no name, so the place may give their country


def test_a_demonym_member_takes_the_shared_head_sector(lookup) -> None:
    doc, actors = lookup("Nigerian and British armed forces held a joint exercise.")
    found = actors.resolve_argument(token_named(doc, "forces"))
    assert [(a.country, a.sector) for a in found] == [("NGA", "MIL"), ("GBR", "MIL")]


def test_a_member_that_names_no_party_is_a_kind_of_the_group(lookup) -> None:
    doc, actors = lookup("Six militants surrendered to civil and military forces in Sibi.")
    found = actors.resolve_argument(token_named(doc, "forces"))
    assert len(found) == 1 and found[0].sector == "MIL"


def test_a_body_word_after_a_known_organisation_is_that_organisation(lookup) -> None:
    doc, actors = lookup("The NATO alliance attacked the rebels.")
    alliance = actors.actor_for(token_named(doc, "alliance"))
    assert alliance is not None and alliance.text == "The NATO alliance" and alliance.sector == "IGO"
    doc, actors = lookup("The rebel alliance attacked the town.")  # no organisation named: no such party
    found = actors.actor_for(token_named(doc, "alliance"))
    assert found is None or found.name is None
