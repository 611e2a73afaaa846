"""The coder on sentences written for it: voice, control, coordination, modality, attribution."""

from eventscope.events.merge import member_pairs


def _one(events, event_type):
    found = [e for e in events if e.event_type == event_type]
    assert len(found) == 1, [(e.event_type, e.trigger.text) for e in events]
    return found[0]


def test_passive_voice_swaps_source_and_target(code):
    event = _one(code("Government troops were attacked by rebels near Goma on Sunday."), "ASSAULT")
    assert event.actor1.sector == "REB" and event.actor2.sector == "MIL"
    assert event.location.name == "Goma" and event.date == "2024-05-05"


def test_negation_and_denial_mark_the_deed_negated(code):
    assert _one(code("Russia did not attack Ukrainian ports on Monday."), "ASSAULT").negated
    denial = code("Iran denied sending weapons to the rebels.")
    assert [e.event_type for e in denial] == ["AID"]
    assert denial[0].negated and denial[0].actor1.country == "IRN"


def test_future_and_hypothetical_modality(code):
    # PLOVER codes a future AID as AGREE (the promise); coding the deed is right only if marked future
    sent = [e for e in code("Germany will send troops to Lithuania next year.") if e.event_type in ("AID", "AGREE")]
    assert len(sent) == 1 and (sent[0].event_type == "AGREE" or sent[0].modality == "future"), sent
    strike = _one(code("Israel could strike Iranian nuclear sites if talks fail."), "ASSAULT")
    assert strike.modality == "hypothetical" and strike.actor1.country == "ISR"


def test_a_necessity_told_in_the_past_was_met_and_the_deed_is_asserted(code):
    """ "had to intervene": the police intervened; "have to" and "would have to" stay hypothetical."""
    protest = _one(code("Residents protested the decision; police had to intervene to pacify them."), "PROTEST")
    assert protest.modality == "asserted"
    assert _one(code("The army had to attack the rebel camp at dawn."), "ASSAULT").modality == "asserted"
    assert _one(code("The army would have to attack the rebel camp."), "ASSAULT").modality == "hypothetical"
    assert _one(code("The army has to attack the rebel camp."), "ASSAULT").modality == "hypothetical"


def test_threat_is_coded_as_the_threat_not_the_attack(code):
    events = code("North Korea threatened to attack South Korea.")
    assert [e.event_type for e in events] == ["THREATEN"]
    assert (events[0].actor1.country, events[0].actor2.country) == ("PRK", "KOR")


def test_a_pledge_or_threat_that_was_made_is_asserted_and_its_promised_deed_is_not(code):
    # PLOVER: AGREE and THREATEN are the intent itself, never "category + future"; the promise was made
    pledge = _one(code("The rebels agreed to release the hostages."), "AGREE")
    assert pledge.modality == "asserted" and not pledge.negated
    threat = _one(code("Hamas threatened to attack Israeli towns."), "THREATEN")
    assert threat.modality == "asserted"
    # a pledge still to be made keeps the mood of its own clause
    assert _one(code("The rebels will agree to a ceasefire."), "AGREE").modality == "future"


def test_coordinated_subjects_are_one_event_with_a_list_of_actors(code):
    """PLOVER: "Iran and Syria condemned" is one event whose actor lists both; its dyadic rows are one per member."""
    events = [e for e in code("Iran and Syria condemned the Israeli strike.") if e.event_type == "ACCUSE"]
    assert len(events) == 1
    actor = events[0].actor1
    assert actor.text == "Iran and Syria" and actor.country is None  # the members differ
    assert [m.country for m in actor.members] == ["IRN", "SYR"]
    assert sorted(e.actor1.country for e in member_pairs(events[0])) == ["IRN", "SYR"]


def test_coordinated_modifiers_are_two_actors(code):
    events = code("Turkish and Iraqi troops attacked Kurdish rebels in the mountains.")
    rows = [row for e in events if e.event_type == "ASSAULT" for row in member_pairs(e)]
    assert sorted(row.actor1.country for row in rows) == ["IRQ", "TUR"]


def test_nominal_event_takes_its_outcome_and_casualties(code):
    event = _one(code("The Israeli strike on Gaza killed 23 people."), "ASSAULT")
    assert event.actor1.country == "ISR" and event.dead.value == 23
    assert event.location.name == "Gaza"


def test_control_verb_passes_its_object_to_the_deed(code):
    event = _one(code("The president ordered the army to seize the airport in Tripoli."), "COERCE")
    assert event.actor1.sector == "MIL" and event.location.country == "LBY"


def test_reported_event_is_claimed_by_the_speaker(code):
    event = _one(code("The United Nations said Russian forces shelled Kharkiv."), "ASSAULT")
    assert event.claimed_by.sector == "IGO"
    assert event.actor1.country == "RUS" and event.location.name == "Kharkiv"


def test_crowd_size_for_protests(code):
    event = _one(code("Thousands of protesters marched in Nairobi to demand lower taxes."), "PROTEST")
    assert event.size is not None and event.size.value >= 1000 and event.location.country == "KEN"


def test_phrase_trigger_and_its_target(code):
    event = _one(code("The European Union imposed sanctions on Belarus."), "SANCTION")
    assert event.actor1.sector == "IGO" and event.actor2.country == "BLR"


def test_background_and_generic_sentences_give_no_events(code):
    assert code("The river has long been an important trade route for the region.") == []
    assert code("Stock markets rose slightly on Tuesday as investors awaited inflation data.") == []


def test_precision_mode_drops_actorless_triggers_that_recall_mode_keeps():
    from eventscope.pipeline import Pipeline
    from eventscope.settings import Settings

    text = "Fighting broke out and several buildings were attacked overnight."
    precise = Pipeline(Settings(favor="precision", geoparse=False)).annotate_text(text)
    loose = Pipeline(Settings(favor="recall", geoparse=False)).annotate_text(text)
    assert len(loose.events) > len(precise.events)


def test_participants_in_event_nouns_are_their_sources(code):
    cases = {
        "Residents of Jalalabad staged a protest outside the consulate on Sunday.": "Residents",
        "Dock workers went on strike in Rotterdam on Tuesday.": "Dock workers",
        "Thousands of people joined protests in Tbilisi against the new law.": "people",
    }
    for sentence, source in cases.items():
        protests = [e for e in code(sentence) if e.event_type == "PROTEST"]
        assert protests and protests[0].actor1 and source in protests[0].actor1.text, sentence


def test_workers_strike_is_a_protest_and_missiles_strike_is_an_assault(code):
    assert _one(code("Dock workers went on strike in Rotterdam on Tuesday."), "PROTEST").mode == "strike"
    assault = _one(code("Russian missiles struck a power plant near Lviv."), "ASSAULT")
    assert (assault.actor1.country, assault.actor1.sector) == ("RUS", "MIL")


def test_we_in_a_quote_is_the_speaker(code):
    events = code('"We will not allow foreign troops on our soil," the Iranian foreign ministry said on Monday.')
    assert events and events[0].actor1.text == "We"
    assert (events[0].actor1.country, events[0].actor1.sector) == ("IRN", "GOV")


def test_speaking_to_a_named_news_outlet_is_no_consult(code):
    """ "told The Moscow Times", "spoke to Fox News": a newspaper or broadcaster named as the recipient is the press,
    even when the resolver does not know it as a party of the media; a capitalised outlet word ends its name."""
    for text in (
        "The new route opens next spring, the airline's chief executive told The Kenyan Times.",
        "The Kenyan foreign minister spoke to Fox News on Tuesday.",
        "The Ugandan president spoke to Reuters on Monday.",
    ):
        assert [e for e in code(text) if e.event_type == "CONSULT"] == [], text
    # a state's envoy is no outlet; nor is a lower-case "post"
    assert _one(code("The Kenyan foreign minister spoke to the Ugandan president on Tuesday."), "CONSULT")
    assert _one(code("The Kenyan general spoke to the commander of the border post on Tuesday."), "CONSULT")


def test_carrying_on_and_talking_to_the_press_are_not_events(code):
    assert [
        e.event_type
        for e in code("The army will press on with the offensive, a general told reporters.")
        if e.event_type in ("REQUEST", "CONSULT")
    ] == []
    # what was said is the news, not a meeting; a call or a meeting named with it makes it one
    told = code("The general told the defence minister that the offensive had stalled.")
    assert [e for e in told if e.event_type == "CONSULT"] == []
    assert _one(
        code("In a phone call, the general told the defence minister that the offensive had stalled."), "CONSULT"
    )


def test_cutting_aid_is_a_sanction_and_the_aid_word_is_no_second_trigger(code):
    """CAMEO 162 "reduce or stop aid": the verb and its object are one trigger, SANCTION against the recipient."""
    events = code("Britain will reduce its military assistance to Ethiopia.")
    assert [(e.event_type, e.actor1.country, e.actor2.country) for e in events] == [("SANCTION", "GBR", "ETH")]
    assert _one(code("The Kenyan government cut funding to the Somali militia."), "SANCTION").actor1.country == "KEN"


def test_a_deed_under_an_adjective_of_intent_has_not_happened(code):
    """ "remain committed to welcoming refugees", "is determined to warn": a stance toward a deed, not the deed."""
    welcome = _one(code("The Kenyan government remains committed to welcoming Somali refugees."), "SUPPORT")
    assert welcome.modality == "future"


def test_a_name_the_knowledge_base_lacks_is_the_party_addressed(code):
    """ "accused the Centre of", "called on the Verkhovna Rada to": the addressee is a party even when no
    knowledge places it, not a party named deeper in the clause."""
    accused = _one(code("Tamil Nadu accused the Centre of refusing to act."), "ACCUSE")
    assert accused.actor2 is not None and accused.actor2.text == "the Centre"
    request = _one(code("Poroshenko called on the Verkhovna Rada to repeal the rule for civil activists."), "REQUEST")
    assert request.actor2 is not None and request.actor2.text == "the Verkhovna Rada"
