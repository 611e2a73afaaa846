"""One sentence stating the same type between the same actors twice is one happening."""

from __future__ import annotations

from dataclasses import replace

from eventscope.events.merge import merge_events
from eventscope.records import Actor, Event, EventLocation, Magnitude, Report, SentenceSpan, TextSpan


def _event(event_id: str, trigger: str, start: int, precision: str, actor2: str = "Pakistani officials") -> Event:
    place = EventLocation(40, 49, "Islamabad", 1176615, "Islamabad", 33.7, 73.0, "PAK", "08", "PPLC", 0.8, precision)
    return Event(
        event_id=event_id,
        event_type="CONSULT",
        mode=None,
        context=(),
        cameo="040",
        actor1=Actor(0, 16, "Afghan officials", None, "AFG", "GOV"),
        actor2=Actor(21, 40, actor2, None, "PAK", "GOV"),
        claimed_by=None,
        location=place,
        date="2024-03-11",
        date_precision="day",
        date_source="text",
        sentence=SentenceSpan(0, 90),
        trigger=TextSpan(start, start + len(trigger), trigger),
        negated=False,
        modality="asserted",
        confidence=0.5,
        reports=(Report("d1", 0, 90),),
    )


def test_two_triggers_of_one_meeting_in_one_sentence_are_one_event():
    met, discuss = _event("a", "met", 41, "sentence"), _event("b", "discuss", 60, "exact")
    merged = merge_events([met, replace(discuss, confidence=0.9)])
    assert len(merged) == 1
    only = merged[0]
    assert only.event_id == "a" and only.mentions == 1  # the same report, not a second mention
    assert only.confidence == 0.9 and only.location.precision == "exact"


def test_the_purpose_of_a_meeting_told_in_its_sentence_is_that_meeting():
    """ "met in Islamabad to discuss a ceasefire": the purpose infinitive is flagged future, the meeting happened."""
    met, discuss = _event("a", "met", 41, "sentence"), replace(_event("b", "discuss", 60, "exact"), modality="future")
    (only,) = merge_events([met, discuss])
    assert only.event_id == "a" and only.modality == "asserted"
    # a deed told as future before any asserted one stays apart, and so does a hypothetical
    wished = replace(_event("c", "meet", 70, "exact"), modality="hypothetical")
    assert len(merge_events([met, wished])) == 2
    assert len(merge_events([discuss, replace(met, event_id="d")])) == 2


def test_the_purpose_of_a_meeting_that_names_no_partner_is_that_meeting():
    """ "Afghan officials met in Islamabad on Monday to discuss Pakistani officials' offer": the deed names no other
    side, its purpose does; one meeting, recorded with the side told.  A purpose of another doer, a deed with a
    partner of its own, or a deed that is only wished stay apart."""
    met = replace(_event("a", "met", 41, "sentence"), actor2=None)
    discuss = replace(_event("b", "discuss", 60, "exact"), modality="future")
    (only,) = merge_events([met, discuss])
    assert only.event_id == "a" and only.mentions == 1 and only.modality == "asserted"
    assert only.actor2 is not None and only.actor2.text == "Pakistani officials"

    by_other = replace(discuss, actor1=Actor(0, 12, "Afghan envoy", None, "AFG", "GOV"))
    with_partner = replace(met, actor2=Actor(21, 40, "Chinese envoys", None, "CHN", "GOV"))
    wished = replace(met, modality="hypothetical")
    for deed, purpose in ((met, by_other), (with_partner, discuss), (wished, discuss)):
        assert len(merge_events([deed, purpose])) == 2


def test_different_recipients_or_sentences_stay_apart():
    first = _event("a", "met", 41, "exact")
    other_actor = _event("b", "met", 41, "exact", actor2="Chinese envoys")
    other_sentence = replace(_event("c", "met", 141, "exact"), sentence=SentenceSpan(100, 190))
    assert len(merge_events([first, other_actor, other_sentence])) == 3


def test_same_id_in_another_report_still_adds_a_mention():
    first, again = (
        _event("a", "met", 41, "exact"),
        replace(_event("a", "met", 41, "exact"), reports=(Report("d2", 0, 90),)),
    )
    merged = merge_events([first, again])
    assert len(merged) == 1 and merged[0].mentions == 2 and len(merged[0].reports) == 2


def _one_sided(event_id: str, start: int, actor1: Actor | None, actor2: Actor | None, trigger: str = "visit") -> Event:
    event = _event(event_id, trigger, start + 10, "exact")
    return replace(
        event,
        actor1=actor1,
        actor2=actor2,
        sentence=SentenceSpan(start, start + 90),
        reports=(Report("d1", start, start + 90),),
    )


def test_a_later_partial_restatement_folds_into_the_first_report():
    """One visit told twice ("Minister Ivan Petrenko visited Vientiane ... Petrenko's visit"): the first report
    is the evidence."""
    visitor = Actor(0, 37, "Russian Defence Minister Ivan Petrenko", None, "RUS", "GOV")
    hosts = Actor(50, 54, "Laos", "Laos", "LAO", "GOV")
    again = Actor(140, 164, "Minister Ivan Petrenko's", None, None, "GOV")
    first = _one_sided("a", 0, visitor, hosts)
    later = _one_sided("b", 100, again, None)
    merged = merge_events([first, later])
    assert len(merged) == 1
    assert merged[0].event_id == "a" and merged[0].mentions == 2 and len(merged[0].reports) == 2
    assert merged[0].sentence == first.sentence


def test_unnamed_parties_and_other_types_are_not_folded():
    forces = Actor(0, 12, "Iraqi forces", None, "IRQ", "MIL")
    officials = Actor(100, 115, "Iraqi officials", None, "IRQ", "GOV")
    first = _one_sided("a", 0, forces, None, trigger="attack")
    other_party = _one_sided("b", 100, officials, None, trigger="attack")
    other_type = replace(_one_sided("c", 200, forces, None), event_type="PROTEST")
    assert len(merge_events([first, other_party, other_type])) == 3


def test_a_headline_dyad_told_again_in_the_lead_is_one_event():
    first = _one_sided("a", 0, Actor(0, 6, "Calder", None, None, None), Actor(16, 22, "Brandt", None, None, None))
    lead = _one_sided(
        "b", 100, Actor(100, 111, "Ruth Calder", None, None, None), Actor(130, 141, "Tom Brandt", None, None, None)
    )
    other = _one_sided(
        "c", 200, Actor(200, 211, "Ruth Calder", None, None, None), Actor(230, 240, "Mr. Olsen", None, None, None)
    )
    merged = merge_events([first, lead, other])
    assert [e.event_id for e in merged] == ["a", "c"]
    assert merged[0].mentions == 2


def test_one_sentence_restating_a_one_sided_deed_adds_no_mention():
    lawyers = Actor(30, 46, "prominent lawyers", None, "CHN", "JUD")
    convicted = replace(_one_sided("a", 0, None, lawyers, trigger="convicted"), event_type="SANCTION")
    sentenced = replace(_one_sided("b", 0, None, lawyers, trigger="sentenced"), event_type="SANCTION")
    merged = merge_events([convicted, sentenced])
    assert len(merged) == 1 and merged[0].mentions == 1


def test_title_and_name_touching_are_one_actor():
    from eventscope.events.merge import collapse_appositions

    text = "founding president Kenji Mori and Iran, Syria"
    title = Actor(0, 18, "founding president", None, None, "BUS")
    name = Actor(19, 29, "Kenji Mori", None, None, None)
    iran, syria = Actor(34, 38, "Iran", "Iran", "IRN", "GOV"), Actor(40, 45, "Syria", "Syria", "SYR", "GOV")
    collapsed = collapse_appositions([title, name, iran, syria], text)
    assert [a.text for a in collapsed] == ["founding president Kenji Mori", "Iran", "Syria"]
    assert collapsed[0].sector == "BUS"


def test_a_tally_of_unnamed_groups_is_one_actor_and_parties_stay_apart():
    from eventscope.events.merge import collapse_lists

    text = "12 farmers, six traders and four teachers"
    tally = [Actor(0, 10, "12 farmers", None, None, None), Actor(12, 23, "six traders", None, None, None)]
    tally.append(Actor(28, 41, "four teachers", None, None, None))
    assert [a.text for a in collapse_lists(tally, text)] == [text]
    parties = [Actor(0, 4, "Iran", "Iran", "IRN", "GOV"), Actor(6, 11, "Syria", "Syria", "SYR", "GOV")]
    parties.append(Actor(16, 20, "Iraq", "Iraq", "IRQ", "GOV"))
    assert collapse_lists(parties, "Iran, Syria and Iraq") == parties


def _casualty(event_id: str, sentence: SentenceSpan, actor1: Actor | None, actor2: Actor, dead: int | None) -> Event:
    base = _event(event_id, "stabbed", sentence.start + 2, "sentence")
    return replace(
        base,
        event_type="ASSAULT",
        actor1=actor1,
        actor2=actor2,
        sentence=sentence,
        dead=Magnitude(dead, sentence.start, sentence.start + 1, str(dead)) if dead else None,
    )


def test_a_victim_named_again_by_a_pronoun_is_the_earlier_attack_told_on():
    attackers = Actor(0, 10, "gunmen", None, None, "UAF")
    stabbed = _casualty("a", SentenceSpan(0, 60), attackers, Actor(20, 32, "A journalist", None, None, "MED"), None)
    died = replace(_casualty("b", SentenceSpan(61, 120), None, Actor(61, 63, "He", None, None, None), 1))
    merged = merge_events([stabbed, replace(died, date="2024-03-12")])
    assert len(merged) == 1
    assert merged[0].event_id == "a" and merged[0].dead is not None and merged[0].dead.value == 1


def test_a_named_or_distant_later_victim_stays_its_own_event():
    """Another name than the victim's, or a pronoun far away, points to no earlier attack."""
    attackers = Actor(0, 10, "gunmen", None, None, "UAF")
    stabbed = _casualty("a", SentenceSpan(0, 60), attackers, Actor(20, 35, "Rafiq Hasan", None, None, "MED"), None)
    named = _casualty("b", SentenceSpan(61, 120), None, Actor(61, 72, "Abdul Karim", None, None, None), 1)
    far = _casualty("c", SentenceSpan(900, 960), None, Actor(900, 902, "He", None, None, None), 1)
    assert len(merge_events([stabbed, named, far])) == 3


def _arrest(event_id: str, sentence: SentenceSpan, actor1: Actor | None, actor2: Actor) -> Event:
    return replace(_casualty(event_id, sentence, actor1, actor2, None), event_type="COERCE", date_source=None)


def test_a_person_introduced_unnamed_and_named_in_the_next_sentence_is_one_arrest():
    """ "Police detained a local trader on Monday. Ahmed Farouk, 41, was detained at his shop": one arrest, told
    twice, recorded with the name; the same name after a distant unnamed one, or arrested by another party, stays
    its own."""
    police = Actor(0, 6, "Police", None, "EGY", "POL")
    trader = Actor(16, 32, "a local trader", None, None, "BUS")
    first = _arrest("a", SentenceSpan(0, 50), police, trader)
    named = _arrest("b", SentenceSpan(51, 110), None, Actor(51, 62, "Ahmed Farouk", None, None, None))
    merged = merge_events([first, named])
    assert len(merged) == 1 and merged[0].mentions == 2
    assert merged[0].actor1 == police and merged[0].actor2 is not None and merged[0].actor2.text == "Ahmed Farouk"

    far = _arrest("c", SentenceSpan(900, 960), None, Actor(900, 911, "Ahmed Farouk", None, None, None))
    army = Actor(51, 55, "army", None, "EGY", "MIL")
    by_other = _arrest("d", SentenceSpan(51, 110), army, Actor(60, 71, "Ahmed Farouk", None, None, None))
    assert len(merge_events([first, far])) == 2
    assert len(merge_events([first, by_other])) == 2


def test_an_arrest_told_again_in_the_passive_by_the_police_it_names_is_one_arrest(code):
    """ "The Dayton Police Department arrested a 29-year-old man ... Marcus Hill was arrested without incident": the
    passive names no arrester, so the pipeline supplies the police of the place; that implied doer is the department
    the story named, and the two reports are one arrest recorded with the name.  Soldiers who detained someone are
    not the police a later passive arrest implies: two deeds stay two."""
    told = code(
        "The Dayton Police Department arrested a 29-year-old man on Friday on a charge of robbery. He was held at "
        "the Montgomery County Jail. Detective Sgt. Ann Cole said Marcus Hill was arrested without incident."
    )
    arrests = [e for e in told if e.event_type == "COERCE"]
    assert len(arrests) == 1 and arrests[0].mentions == 2
    assert arrests[0].actor2 is not None and arrests[0].actor2.text == "Marcus Hill"

    by_troops = code(
        "Troops detained a 29-year-old man on Friday in Kandahar. He was held at a base. Officials said Ahmad Wali "
        "was arrested without incident."
    )
    assert len([e for e in by_troops if e.event_type == "COERCE"]) == 2


def test_an_implied_arrester_agrees_with_a_police_doer_of_any_country_but_no_other_sector():
    """The implied arrester's country is only inferred from a place ("Lebanon, Missouri" read as the country):
    it does not set it against the police the story names; a doer of another sector stays another party."""
    named = _arrest("a", SentenceSpan(0, 50), Actor(0, 6, "Police", None, "EGY", "POL"), _farouk(20))
    implied = Actor(None, None, "police", None, "LBN", "POL", country_inferred=True)
    again = _arrest("b", SentenceSpan(51, 110), implied, _farouk(60))
    assert len(merge_events([named, again])) == 1
    by_army = replace(named, event_id="c", actor1=Actor(0, 4, "Army", None, "EGY", "MIL"))
    assert len(merge_events([by_army, again])) == 2


def _farouk(start: int) -> Actor:
    return Actor(start, start + 12, "Ahmed Farouk", None, None, None)


def test_a_named_victim_told_again_with_its_doer_described_anew_is_one_attack():
    """ "Soldiers shot Maria Lopez ... Lopez was shot by an army sniper": one shooting of one named person; a
    state attacked twice, or "other" doers, stay two."""
    soldiers = Actor(0, 8, "Soldiers", None, "COL", "MIL")
    sniper = Actor(130, 145, "an army sniper", None, "COL", "MIL")
    first = _casualty("a", SentenceSpan(0, 60), soldiers, Actor(14, 25, "Maria Lopez", None, None, None), None)
    again = _casualty("b", SentenceSpan(100, 160), sniper, Actor(100, 105, "Lopez", None, None, None), None)
    merged = merge_events([first, again])
    assert len(merged) == 1 and merged[0].mentions == 2

    others = replace(again, event_id="c", actor1=Actor(130, 144, "other soldiers", None, "COL", "MIL"))
    assert len(merge_events([first, others])) == 2
    troops, forces = (
        Actor(0, 13, "Russian troops", None, "RUS", "MIL"),
        Actor(100, 114, "Russian forces", None, "RUS", "MIL"),
    )
    ukraine, again_ukraine = (
        Actor(30, 37, "Ukraine", "Ukraine", "UKR", "GOV"),
        Actor(130, 137, "Ukraine", "Ukraine", "UKR", "GOV"),
    )
    state_first = _casualty("d", SentenceSpan(0, 60), troops, ukraine, None)
    state_again = _casualty("e", SentenceSpan(100, 160), forces, again_ukraine, None)
    assert len(merge_events([state_first, state_again])) == 2


def test_a_meeting_abroad_told_again_as_a_visit_to_the_country_is_one_trip(pipeline):
    """ "X met Y in Moscow ... X, who is visiting Russia": one trip, one event, told twice (two mentions), placed in
    the city of the meeting; two meetings with two people of one country stay two."""
    from eventscope.ingest.readers import make_document

    trip = (
        "Chinese Foreign Minister Wang Yi met with Russian Foreign Minister Sergei Lavrov in Moscow on Monday. "
        "The nuclear issue is closely connected to the security threat, said Wang, who is visiting Russia as the "
        "special envoy."
    )
    two = (
        "The Iraqi prime minister met Vladimir Putin in Moscow on Monday. "
        "The Iraqi prime minister later met Russian Foreign Minister Sergei Lavrov."
    )
    first, second = pipeline.annotate([make_document(trip, doc_id="trip"), make_document(two, doc_id="two")])
    consults = [e for e in first.events if e.event_type == "CONSULT"]
    assert len(consults) == 1 and consults[0].mentions == 2
    assert consults[0].location is not None and consults[0].location.name == "Moscow"
    assert len([e for e in second.events if e.event_type == "CONSULT"]) == 2


def test_coordinated_verbs_of_one_speaker_to_one_kind_of_party_are_one_utterance():
    """ "The mayor attacked city officers and blamed police": one act of speech, one ACCUSE; a named second target
    ("and blamed Chief Ortiz") is another accusation."""
    mayor = Actor(0, 9, "The mayor", "Dana Whitfield", "USA", "GOV")
    officers = Actor(19, 32, "city officers", None, "USA", "POL")
    police = Actor(44, 50, "police", None, "USA", "POL")
    chief = Actor(44, 55, "Chief Ortiz", "Ortiz", "USA", "POL")
    attacked = replace(_one_sided("a", 0, mayor, officers, trigger="attacked"), event_type="ACCUSE")
    blamed = replace(_one_sided("b", 0, mayor, police, trigger="blamed"), event_type="ACCUSE")
    merged = merge_events([attacked, blamed])
    assert len(merged) == 1 and merged[0].event_id == "a" and merged[0].mentions == 1
    assert len(merge_events([attacked, replace(blamed, actor2=chief)])) == 2


def test_a_statement_told_in_headline_lead_and_quote_with_its_parties_named_anew_is_one_event(pipeline):
    """ "Norway urges Chile ..." / "... Norway urges the Chilean government ..." / "'We urge the Chilean government
    ...,' she added": one statement, three reports; so is an application to "the apex court" told again as one to
    "the Supreme Court".  A second statement ("In a second statement"), or another speaker of the country
    ("Chilean miners"), stays apart."""
    from eventscope.ingest.readers import make_document

    texts = {
        "retold": (
            "Norway urges Chile to free jailed reporter. Foreign ministry spokeswoman Ingrid Dahl said on Tuesday "
            'that Norway urges the Chilean government to release the reporter. "We urge the Chilean government to '
            'act without delay," she added.'
        ),
        "court": (
            "The state government asked the apex court to extend the deadline. Finally, the state government asked "
            "the Supreme Court for its opinion on the scheme."
        ),
        "second": (
            "Norway urged Chile to free the jailed reporter. In a second statement, Norway urged the Chilean "
            "government to reopen the border."
        ),
        "other": "Norway urged Chile to free the jailed reporter. Chilean miners urged the Chilean government to act.",
    }
    records = pipeline.annotate([make_document(text, doc_id=key) for key, text in texts.items()])
    requests = {r.doc_id: [e for e in r.events if e.event_type == "REQUEST"] for r in records}
    assert [e.mentions for e in requests["retold"]] == [3]
    assert requests["retold"][0].actor2 is not None and requests["retold"][0].actor2.text == "Chile"
    assert [e.mentions for e in requests["court"]] == [2]
    assert len(requests["second"]) == 2 and len(requests["other"]) == 2


def test_one_person_with_two_titles_read_as_a_list_is_that_person():
    """ "Chinese State Councilor and Foreign Minister Wang Yi met Lavrov": the parser's list of two titles is Wang
    Yi, so the meeting told before ("Wang's talks with Lavrov") is the same one; a list of two named people is not
    one person."""
    lavrov = Actor(20, 50, "Foreign Minister Sergei Lavrov", "Sergei Lavrov", "RUS", "GOV")
    wang = Actor(0, 4, "Wang", "Wang", None, None)
    councilor = Actor(100, 123, "Chinese State Councilor", "Councilor", "CHN", None)
    minister = Actor(128, 152, "Foreign Minister Wang Yi", "Wang Yi", "CHN", "GOV")
    titled = Actor(
        100,
        152,
        "Chinese State Councilor and Foreign Minister Wang Yi",
        None,
        "CHN",
        None,
        members=(councilor, minister),
    )
    talks = _one_sided("a", 0, wang, lavrov, trigger="talks")
    met = _one_sided("b", 100, titled, replace(lavrov, start=160, end=190), trigger="met")
    merged = merge_events([talks, met])
    assert len(merged) == 1 and merged[0].mentions == 2
    premier = Actor(100, 123, "Premier Li Qiang", "Li Qiang", "CHN", "GOV")
    two = replace(
        met, actor1=replace(titled, text="Premier Li Qiang and Foreign Minister Wang Yi", members=(premier, minister))
    )
    assert len(merge_events([talks, two])) == 2


def test_the_headline_deed_told_again_in_the_lead_is_one_event(pipeline):
    """A title that opens the text and the lead right after it tell one deed, its parties described anew ("Convict"
    / "A convicted killer", "Texas court" / "the Texas Supreme Court"); the same two sentences with no title (a short
    note), or a lead that is not the next sentence, stay two."""
    from eventscope.ingest.readers import make_document

    title = "Convict asks Texas court to halt execution"
    lead = "A convicted killer has asked the Texas Supreme Court to halt his execution, citing new evidence."
    documents = [
        make_document(f"{title} . {lead}", doc_id="titled", title=title),
        make_document(f"{title} . {lead}", doc_id="untitled"),
        make_document(f"{title} . Lawyers said on Monday the case was urgent. {lead}", doc_id="apart", title=title),
    ]
    # one call per document: the pipeline skips a text it has just read as a copy
    records = [next(pipeline.annotate([document])) for document in documents]
    requests = {r.doc_id: [e for e in r.events if e.event_type == "REQUEST"] for r in records}
    assert [e.mentions for e in requests["titled"]] == [2]
    assert len(requests["untitled"]) == 2 and len(requests["apart"]) == 2


def test_a_visit_and_the_meeting_on_it_in_one_sentence_are_one_event():
    """ "During his visit to Russia, Wang met Lavrov": the visit to the state and the meeting with a party of it
    are one trip, recorded as the meeting; a meeting with a party of another country stays apart."""
    wang = Actor(30, 37, "Wang Yi", "Wang Yi", "CHN", "GOV")
    russia = Actor(20, 26, "Russia", "Russia", "RUS", "GOV")
    lavrov = Actor(42, 55, "Sergei Lavrov", "Sergei Lavrov", "RUS", "GOV")
    maas = Actor(42, 52, "Heiko Maas", "Heiko Maas", "DEU", "GOV")
    visit = _one_sided("a", 0, wang, russia, trigger="visit")
    met = _one_sided("b", 0, wang, lavrov, trigger="met")
    (only,) = merge_events([visit, met])
    assert only.event_id == "b" and only.actor2 is not None and only.actor2.text == "Sergei Lavrov"
    assert only.mentions == 1
    (also,) = merge_events([met, replace(visit, actor1=None)])
    assert also.actor2 is not None and also.actor2.text == "Sergei Lavrov"
    assert len(merge_events([visit, replace(met, actor2=maas)])) == 2
