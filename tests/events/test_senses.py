"""Word senses (events/senses.py) and embedded modality (events/modality.py): the political sense is kept where the
object is an actor, the other sense is dropped; plans, wishes and failures are flagged, not asserted.

The rule examples in ``events/rules.py`` show each veto firing; these tests show where it must *not* fire, and the
modality each construction gets."""

from __future__ import annotations

import pytest

SENSE_VETOES = {
    "rescue_pull",
    "non_political_object",
    "non_political_compound",
    "natural_adversary",
    "sport_sense",
    "figurative_adjective",
    "speech_sense",
    "question_sense",
    "court_plea",
    "speech_to_audience",
    "campaign_rally",
    "road_accident",
    "natural_force",
    "private_parties",
    "private_deal",
    "citation",
    "opinion_agreement",
    "campaign_contest",
    "habitual_present",
    "free_choice_party",
    "recognition_sense",
    "alternative_choice",
    "naming_call",
    "no_comment",
    "figurative_fight",
    "poll_sense",
    "figurative_seizure",
    "adopted_measure",
    "intangible_gift",
    "discourse_tell",
    "danger_sense",
    "return_journey",
    "reception_sense",
    "object_not_victim",
    "committed_deed",
    "attempt_sense",
    "delivered_words",
    "press_release",
    "figure_decline",
    "shared_view",
    "remembered_person",
    "price_charge",
    "public_advisory",
    "forecast_warning",
    "permission_sense",
    "support_description",
    "contact_number",
    "membership_join",
    "policy_target",
    "legal_defence",
    "meeting_as_setting",
    "war_as_time",
    "emergency_call",
    "social_invitation",
    "generic_situation",
    "evaluated_deed",
    "shown_quality",
    "first_acquaintance",
    "imperative_notice",
    "press_interview",
    "taken_for_granted",
    "interrupted_speaker",
    "policy_giver",
    "scene_dispatch",
    "responder_summons",
    "hired_person",
    "wrong_object_kind",
    "own_staff",
}


def _on(doc, events, word: str):
    token = next(t for t in doc if t.text == word)
    return [e for e in events if e.trigger.i == token.i], token


def _assert_kept_as(doc, events, word: str, kept_type: str | None) -> None:
    """The events on ``word``: none when ``kept_type`` is None, else one of that type."""
    on_trigger, _ = _on(doc, events, word)
    if kept_type is None:
        assert not on_trigger, [(e.entry.event_type, e.rules) for e in on_trigger]
    else:
        assert kept_type in {e.entry.event_type for e in on_trigger}, [
            (e.entry.event_type, e.rules) for e in on_trigger
        ]


@pytest.mark.parametrize(
    ("text", "trigger", "event_type"),
    [
        ("Israel released 20 Palestinian prisoners on Monday.", "released", "RETREAT"),
        ("Kenya has been at war with Al-Shabaab since 2011.", "war", "ASSAULT"),
        ("The Kenyan governor called the police to the scene of the riot.", "called", "CONSULT"),
        ("The Kenyan opposition party allied itself with the ruling coalition in 2013.", "allied", "COOPERATE"),
        ("The Moroccan speaker informed the Kenyan delegation of the talks.", "informed", "CONSULT"),
        ("Rebels attacked the army base during the war with Ethiopia.", "attacked", "ASSAULT"),
        ("Hamas released the Israeli soldier after talks in Cairo.", "released", "RETREAT"),
        ("Russia recalled its ambassador from Kiev.", "recalled", "SANCTION"),
        ("Iran asked the United Nations to intervene.", "asked", "REQUEST"),
        ("Kenyan police arrest 40 opposition activists in Nairobi.", "arrest", "COERCE"),
        ("The Kenyan ambassador was summoned by the Ugandan foreign ministry.", "summoned", "ACCUSE"),
        ("Kenya sought the release of the hostages from Al-Shabaab.", "sought", "REQUEST"),
        ("The deal, hailed by the Kenyan president as historic, was signed in Nairobi.", "hailed", "SUPPORT"),
        ("The Kenyan mayor made a plea to the governor for more police.", "plea", "REQUEST"),
        ("The Syrian minister told the Russian envoy in a phone call that the army would stay.", "told", "CONSULT"),
        ("Russia launched an attack on Ukraine.", "attack", "ASSAULT"),
        ("Israeli jets struck Hezbollah positions in southern Lebanon.", "struck", "ASSAULT"),
        ("The United States offered Iraq $5 million in aid.", "offered", "AGREE"),
        ("Venezuela releases dozens of political activists.", "releases", "RETREAT"),
        ("Rebels exploded 2-3 crude bombs near the Syrian army post.", "exploded", "ASSAULT"),
        ("Taliban fighters opened fire on the Afghan police post.", "opened", "ASSAULT"),
        ("The gang leader said he was asked by the PPP to attack rivals.", "asked", "REQUEST"),
        ("The Peruvian army returned the seized weapons to the police.", "returned", "RETREAT"),
        ("Chinese hackers hacked into the Indian ministry's computer network.", "hacked", "COERCE"),
        ("Russian hackers hacked the Ukrainian ministry's website on Monday.", "hacked", "COERCE"),
        ("Unknown assailants hacked the Bangladeshi blogger to death.", "hacked", "ASSAULT"),
        ("Turkey committed more troops to the NATO mission in Kosovo.", "committed", "AGREE"),
        ("The Iraqi minister met with the Turkish envoy in Ankara.", "met", "CONSULT"),
        ("The Iraqi minister met the Turkish envoy for the first time on Friday.", "met", "CONSULT"),
        ("Iran agreed with Iraq on a new border crossing.", "agreed", "AGREE"),
        ("Saudi Arabia executed three Yemeni prisoners on Monday.", "executed", "ASSAULT"),
        ("North Korean hackers hacked the Japanese bank Coincheck in January.", "hacked", "COERCE"),
        ("Bangladeshi police rounded up 40 opposition activists in Dhaka.", "rounded", "COERCE"),
        ("The UN delivered food aid to the refugees in Darfur.", "delivered", "AID"),
        ("The Iranian government admitted UN nuclear inspectors to the site.", "admitted", "RETREAT"),
        ("The Iraqi president spoke with the Turkish envoy on Monday.", "spoke", "CONSULT"),
        (
            "At their meeting the Turkish general told the Iraqi defence minister that the border was closed.",
            "told",
            "CONSULT",
        ),
        ("The Turkish general briefed the Iraqi defence minister on Monday.", "briefed", "CONSULT"),
        ("The Taliban issued a threat against the Afghan election commission.", "threat", "THREATEN"),
        ("Pakistan repeated its threat to close the border with Afghanistan.", "threat", "THREATEN"),
        ("The Kenyan judges received death threats from the militia.", "threats", "THREATEN"),
        ("Opposition supporters held a rally against the Kenyan government in Nairobi.", "rally", "PROTEST"),
        ("Taliban gunmen shot dead a Pakistani police officer on the highway near the truck.", "shot", "ASSAULT"),
        ("Striking workers blocked the road to the Egyptian ministry.", "blocked", "PROTEST"),
        ("Iran agreed with Iraq on a ceasefire along the border.", "agreed", "AGREE"),
        ("The Syrian army defeated the rebels near Aleppo after the election campaign.", "defeated", "ASSAULT"),
        ("Iran and Iraq agreed on Monday to open the border.", "agreed", "AGREE"),
        ("The Syrian army seized the airport on Monday.", "seized", "COERCE"),
        ("The Kenyan opposition party endorsed the candidate on Monday.", "endorsed", "SUPPORT"),
        ("Norway sent more weapons to the Kurdish fighters.", "sent", "AID"),
        ("The Kenyan army shared intelligence with the Ugandan army.", "shared", "COOPERATE"),
        ("The United Nations provided food to Syrian refugees.", "provided", "AID"),
        ("Germany provided $5 million to the Iraqi government.", "provided", "AID"),
        ("Iran provided fake passports, safe houses and rifles to the Syrian rebels.", "provided", "AID"),
        ("The Kenyan president thanked Uganda for its support to the army.", "support", "SUPPORT"),
        ("The Red Cross sent its doctors to the Syrian refugees.", "sent", "AID"),
        # guards of the thirteenth session's vetoes: the same words in their political sense
        ("Iran sought the release of its diplomats held in Iraq.", "sought", "REQUEST"),
        ("Kenyan prosecutors charged the opposition leader with treason.", "charged", "ACCUSE"),
        ("Kenyan prosecutors charged three opposition activists on Monday.", "charged", "ACCUSE"),
        ("Iraq declined the Iranian offer of talks.", "declined", "REJECT"),
        ("The Iraqi minister declined to attend the summit in Tehran.", "declined", "REJECT"),
        ("The Taliban warned the Afghan government against holding the election.", "warned", "THREATEN"),
        ("Israel announced the release of 20 Palestinian prisoners from its jails.", "release", "RETREAT"),
        ("The Turkish president said at a meeting with the Iraqi envoy that it was open.", "meeting", "CONSULT"),
        ("Ukraine recalled its envoy from Moscow after the attack.", "recalled", "SANCTION"),
        ("The Somali militia recruited 300 young men to fight the government.", "recruited", "MOBILIZE"),
        ("Fulani gunmen killed the Nigerian herders and their cattle.", "killed", "ASSAULT"),
        ("Houthi rebels seized control of the Yemeni parliament in Sanaa.", "seized", "COERCE"),
        ("Syrian rebels took control of the town of Idlib on Monday.", "took", "COERCE"),
        ("Kenya dispatched 500 police officers to the border town after the clashes.", "dispatched", "MOBILIZE"),
        ("The Kenyan government cut aid to the Somali region by half.", "cut", "SANCTION"),
        ("The World Food Programme sent food aid to the Kenyan refugees.", "sent", "AID"),
        ("Egypt cut off gas supplies to Israel in 2012.", "cut", "SANCTION"),
        ("Germany granted asylum to the Syrian activist in 2015.", "granted", "AID"),
        ("Israeli forces detained the Palestinian activist and released him on Friday.", "released", "RETREAT"),
        ("Arsonists set fire to the Kenyan mosque and destroyed it.", "destroyed", "ASSAULT"),
        ("The storm hit the camp as Syrian jets attacked the rebels.", "attacked", "ASSAULT"),
        ("Rebels were hit by an air strike and killed near the Syrian border.", "killed", "ASSAULT"),
        ("A roadside bomb struck the Afghan army truck near Kandahar.", "struck", "ASSAULT"),
        ("Rebels fought a battle with the Kenyan army near the border.", "fought", "ASSAULT"),
        ("The Kenyan president ruled out a coalition with the opposition.", "ruled", "REJECT"),
        ("The Kenyan governor called the police chief at home on Sunday.", "called", "CONSULT"),
        ("Heavy fighting between Kenyan troops and rebels killed ten near the border.", "fighting", "ASSAULT"),
        ("Israel pulled out its troops from the Gaza Strip in 2005.", "pulled", "RETREAT"),
        ("The kidnappers freed the Nigerian victim on Monday.", "freed", "RETREAT"),
        ("The US embassy pulled out its people from Juba on Monday.", "pulled", "RETREAT"),
        ("The Kenyan gang leader struck the driver of the minister's car in Nairobi.", "struck", "ASSAULT"),
        ("The Kenyan army called for reinforcements after rebels attacked the base.", "called", "REQUEST"),
        ("Tensions rose. The Kenyan government did not provide aid to the Somali refugees.", "provide", "AID"),
        ("The Syrian guards shot anyone who tried to flee the prison in Aleppo.", "shot", "ASSAULT"),
        ("Bangladeshi police fired blank shots but failed to arrest anyone in Dhaka.", "arrest", "COERCE"),
        ("Kenyan police arrested or detained 40 opposition activists in Nairobi on Monday.", "arrested", "COERCE"),
        ("Russia recognized Abkhazia as an independent state in 2008.", "recognized", "SUPPORT"),
        ("The United States recognized Jerusalem as the capital of Israel on Wednesday.", "recognized", "SUPPORT"),
        ("Kenya recognized the new government of Somalia on Monday.", "recognized", "SUPPORT"),
        ("Tensions rose. Kenyan police investigate the killing of three refugees on Monday.", "investigate", "ACCUSE"),
        ("The United Nations sent a team of investigators to Syria on Monday.", "sent", "AID"),
    ],
)
def test_political_sense_is_kept(run_coder, text: str, trigger: str, event_type: str) -> None:
    doc, events, vetoed = run_coder(text)
    on_trigger, token = _on(doc, events, trigger)
    assert event_type in {e.entry.event_type for e in on_trigger}, (vetoed, on_trigger)
    assert not [name for i, name in vetoed if i == token.i and name in SENSE_VETOES]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Apple released the iPhone for its business customers in 2007.", "released"),
        ("The Kenyan family sent flowers to the hospital in Nairobi.", "sent"),
        ("The first Nigerian officers at the scene called for backup because of the size of the crowd.", "called"),
        ("The Kenyan police commander called in paramedics from a nearby county.", "called"),
        ("The ranger station sent out a search party for the lost climbers.", "sent"),
        ("Tensions rose. The Nigerian government does not recognize the status of the refugees.", "recognize"),
        ("The Iranian ministry released a report on the talks with Iraq.", "released"),
        ("A 22-year-old Iraqi soldier committed suicide in June 2015.", "committed"),
        ("The Syrian minister told Capital Download that the army would stay.", "told"),
        ("Croatia beat Ukraine 3-1 in Zagreb.", "beat"),
        ("The Liberian senator told the crowd that the plant would stay open.", "told"),
        ("The Iraqi minister told the Turkish envoy that the border was closed.", "told"),
        ('"The border is closed," the Iraqi minister told the Turkish envoy.', "told"),
        ("North Korea remains a threat to Japan and South Korea.", "threat"),
        ("The Colombian police issued a press release on the case.", "release"),
        ("The Peruvian chef shares tips for cooking rice.", "shares"),
        ("The Iraqi minister's wife shares her top tips of how to cook rice.", "shares"),
        ("The Kenyan president's support among young voters still lags.", "support"),
        ("Our hope is that together we may provide a better tomorrow for mothers in need.", "provide"),
        ("The Afghan volunteer shared what it is like to work on the hotline.", "shared"),
        ('"Let me tell you, the Syrian army is strong," the Russian minister said.', "tell"),
        ("The Afghan president returned to Kabul after talks in Doha.", "returned"),
        ("The Virginia senator struggles to deliver a sound bite.", "deliver"),
        ("The American magazine rounded up a sampling of the reviews.", "rounded"),
        ("The Chinese minister told a news conference after his talks with Lavrov that the war must end.", "told"),
        ("The Turkish columnist agreed with the Greek envoy about the winner of the debate.", "agreed"),
        ("Peace in the region, both Iranian and Saudi diplomats agree, is still far away.", "agree"),
        ("The Peruvian senator did not return calls seeking comment.", "return"),
        ("The Iraqi militia committed war crimes in the province, the UN said.", "committed"),
        ("The Kenyan broadcaster receives some government funding.", "receives"),
        ("The Ghanaian senator cut off the interviewer when asked about the loan.", "cut"),
        ("The Nigerian senator said the ruling party took the northern states for granted.", "granted"),
        ("Lawyers for the Kenyan family obtained the video and released it to the press.", "released"),
    ],
)
def test_other_sense_is_dropped(run_coder, text: str, trigger: str) -> None:
    doc, events, vetoed = run_coder(text)
    on_trigger, token = _on(doc, events, trigger)
    assert not on_trigger, [(e.entry.event_type, e.rules) for e in on_trigger]


def test_attacking_an_idea_is_criticism_of_its_author(run_coder) -> None:
    doc, events, _ = run_coder("The French president attacked the policy of the German government.")
    on_trigger, _ = _on(doc, events, "attacked")
    assert [(e.entry.event_type, e.entry.mode) for e in on_trigger] == [("ACCUSE", "disapprove")]
    assert "German" in on_trigger[0].actor2.text


def test_attacking_people_stays_assault(run_coder) -> None:
    doc, events, _ = run_coder("The French army attacked the rebels near Gao.")
    on_trigger, _ = _on(doc, events, "attacked")
    assert {e.entry.event_type for e in on_trigger} == {"ASSAULT"}


@pytest.mark.parametrize(
    ("text", "trigger", "modality", "negated"),
    [
        ("Obama plans to visit Cuba next month.", "visit", "future", False),
        ("The Iranian prisoner asked the court to delay his execution.", "execution", "future", False),
        ("Kenya postponed the withdrawal of its troops from Somalia.", "withdrawal", "future", False),
        ("The Indian president is due to visit China next week.", "visit", "future", False),
        ("France is likely to attack the rebels in Mali.", "attack", "future", False),
        ("The United States would like to meet Iranian officials.", "meet", "future", False),
        ("Clinton kept her options open concerning future talks with Syria.", "talks", "future", False),
        ("The American envoy has to convince Germany to support Ukraine.", "support", "hypothetical", False),
        ("Egypt's efforts to get Hamas to accept the Israeli offer continued.", "accept", "future", False),
        ("Washington would not act without consulting Israeli officials.", "consulting", None, True),
        ("The Russian president cancelled plans to visit Ukraine.", "visit", None, True),
        ("China balked at sanctioning North Korea.", "sanctioning", None, True),
        ("The senator said he would go to Baghdad to meet the Iraqi president.", "meet", "hypothetical", False),
        ("The Kenyan delegation has scheduled a meeting with the Ugandan president.", "meeting", "future", False),
        # a deed promised or threatened as an object, or planned in a present passive, is still to come
        ("The Kenyan president has promised a visit to Uganda.", "visit", "future", False),
        ("The Kenyan president vowed a crackdown on the protesters.", "crackdown", "future", False),
        ("The Kenyan president's meeting with the Ugandan president is scheduled for May.", "meeting", "future", False),
        ("The attack on the Kenyan police station was planned by the rebels.", "attack", "asserted", False),
        (
            "The Iraqi minister looks forward to continue working with the Turkish government.",
            "working",
            "future",
            False,
        ),
        ("The deal did not require Iraqi officials to cooperate with the UN.", "cooperate", "hypothetical", False),
        ("The president sounded a call for Canada to accept more Syrian refugees.", "accept", "hypothetical", False),
        (
            "The Kremlin dismissed accusations that a Russian deputy had harassed journalists.",
            "harassed",
            "hypothetical",
            False,
        ),
        ("NATO stressed its eagerness to support the Tunisian army.", "support", "future", False),
        # purposes and infinitives of nouns are intended or possible deeds, not reported ones
        ("The Turkish envoy met Kurdish leaders to discuss the ceasefire.", "discuss", "future", False),
        ("The army sent two brigades north to retake the border town.", "retake", "future", False),
        # ... except the purpose of a means of force, a ranked noun's infinitive, and the deed itself
        ("Kenyan police fired tear gas to disperse the protesters in Nairobi.", "disperse", "asserted", False),
        ("Moon was the first South Korean leader to visit Pyongyang.", "visit", "asserted", False),
        ("The Turkish envoy met Kurdish leaders to discuss the ceasefire.", "met", "asserted", False),
        ("The new law requires Kenyan police to inform the ministry of every arrest.", "inform", "hypothetical", False),
        ("North Korea is capable of attacking the American bases in Japan.", "attacking", "hypothetical", False),
        # foiling or preventing a deed negates it
        ("The Syrian army foiled a plot to attack the airport.", "attack", None, True),
        ("Indian troops prevented the rebels from attacking the border post.", "attacking", None, True),
        # a deed noun takes the mood of the verb that does it: "failed to attend *the meeting*"
        ("Trinidad failed to attend the preparatory meeting at the OAS.", "meeting", None, True),
        ("The rebels declined to join the peace talks in Geneva.", "talks", None, True),
        ("The rebels agreed to join the peace talks in Geneva.", "talks", "future", False),
        # deciding or voting against a deed is not doing it; doing it after a decision is
        ("The Kenyan Senate voted against imposing sanctions on Uganda.", "imposing", None, True),
        ("The prosecutor decided against filing charges against the Kenyan minister.", "charges", None, True),
        ("The Kenyan Senate voted for imposing sanctions on Uganda.", "imposing", None, False),
        # ... but a deed noun that names its own doer is someone else's deed, only talked about
        ("The Kenyan minister refused to condemn Israel's attacks on Gaza.", "attacks", None, False),
        ("The Kenyan minister avoided condemning the Russian strikes on Kharkiv.", "strikes", None, False),
        ("The rebels declined to join their peace talks in Geneva.", "talks", None, True),
        # "be to" arranges a deed; a time clause in the present tense tells a time still to come (past the
        # headline), in the past tense a deed done; negation on coordinated auxiliaries negates the verb
        ("The Kenyan and Ugandan ministers are to sign a border pact next month.", "sign", "future", False),
        ("The Kenyan envoy was to meet the rebel leaders on Friday.", "meet", "future", False),
        (
            "Strikes went on in Nairobi. The strikes will go on until the troops are withdrawn from the city.",
            "withdrawn",
            "hypothetical",
            False,
        ),
        (
            "Strikes went on in Nairobi. The strike went on until the troops were withdrawn from the city.",
            "withdrawn",
            "asserted",
            False,
        ),
        ("Kenyan troops withdrawn after rebels attack the town", "attack", "asserted", False),
        ("Kenya does not, and never will, accept the Somali claim to the island.", "accept", None, True),
    ],
)
def test_embedded_modality(run_coder, text: str, trigger: str, modality: str | None, negated: bool) -> None:
    doc, events, vetoed = run_coder(text)
    on_trigger, _ = _on(doc, events, trigger)
    assert on_trigger, vetoed
    for event in on_trigger:
        assert event.negated is negated
        if modality is not None:
            assert event.modality == modality


def test_asserted_deed_stays_asserted(run_coder) -> None:
    doc, events, _ = run_coder("Obama visited Cuba last month after talks with Raul Castro.")
    on_trigger, _ = _on(doc, events, "visited")
    assert on_trigger and all(e.modality == "asserted" and not e.negated for e in on_trigger)


def test_campaign_attack_is_criticism(run_coder) -> None:
    text = "In the election campaign, the Republican candidate attacked Senator Miller on Monday."
    doc, events, _ = run_coder(text)
    on_trigger, _ = _on(doc, events, "attacked")
    assert [(e.entry.event_type, e.entry.mode) for e in on_trigger] == [("ACCUSE", "disapprove")]


def test_campaign_story_violence_stays_assault(run_coder) -> None:
    text = "During the election campaign, party workers attacked the candidate with sticks, injuring three."
    doc, events, _ = run_coder(text)
    on_trigger, _ = _on(doc, events, "attacked")
    assert {e.entry.event_type for e in on_trigger} == {"ASSAULT"}


def test_purpose_clause_of_a_past_deed_stays_asserted(run_coder) -> None:
    doc, events, _ = run_coder("The Iraqi army attacked the town to punish the rebels.")
    on_trigger, _ = _on(doc, events, "attacked")
    assert on_trigger and all(e.modality == "asserted" for e in on_trigger)


def test_a_rally_against_something_is_a_protest_even_when_against_hangs_on_the_verb(pipeline) -> None:
    events = pipeline.annotate_text("Lawmakers held a rally in Dhaka against the new tax.", date="2015-03-01").events
    assert any(e.event_type == "PROTEST" for e in events)


def test_an_attack_said_where_words_are_said_is_criticism_in_any_story(code):
    """ "attacked X, saying ...", "in a speech", "on Twitter", "over her remarks": ACCUSE, whatever the story; an
    attack with nothing said around it, or at a rally, stays an ASSAULT."""
    for text in (
        "The union attacked the governor, saying he had broken his promise.",
        "The mayor attacked her rival in a speech on Monday.",
        "The senator attacked the minister on Twitter early Friday.",
    ):
        types = {e.event_type for e in code(text) if e.trigger.text == "attacked"}
        assert types == {"ACCUSE"}, (text, types)
    for text in ("Police attacked protesters at the rally in Dhaka.", "Rebels attacked the army post in Kunar."):
        assert "ASSAULT" in {e.event_type for e in code(text) if e.trigger.text == "attacked"}, text


@pytest.mark.parametrize(
    ("text", "word", "kept_type"),
    [
        ("The new defence minister hails from Amarah, a city in southern Iraq.", "hails", None),
        ("Oil prices shot up after the attack on the refinery.", "shot", None),
        ("The minister hailed the ceasefire agreement with the rebels.", "hailed", "SUPPORT"),
        ("Gunmen shot up a police checkpoint in Kunar.", "shot", "ASSAULT"),  # an object: the shooting stays
    ],
)
def test_a_particle_without_an_object_gives_a_word_another_sense(run_coder, text: str, word: str, kept_type) -> None:
    doc, events, _ = run_coder(text)
    on_trigger, _ = _on(doc, events, word)
    assert {e.entry.event_type for e in on_trigger} == ({kept_type} if kept_type else set())


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("She said she received an SMS in August saying that the case was withdrawn.", False),
        ("The governor received the UN delegation in Juba on Monday.", True),
    ],
)
def test_a_common_noun_the_ner_calls_an_organisation_is_no_visitor(run_coder, text: str, kept: bool) -> None:
    """ "received an *SMS*": the NER's ORG label on a common noun makes no party of it without a sector or country."""
    doc, events, _ = run_coder(text)
    on_trigger, _ = _on(doc, events, "received")
    assert bool(on_trigger) is kept


@pytest.mark.parametrize(
    ("text", "word", "kept"),
    [
        # an election story (two campaign words): a candidate's policy promise is campaign talk
        ("On the campaign trail before the election, the senator vowed to cut taxes for every family.", "vowed", False),
        # a promise made to a party stays, and so does a pledge in a story that is no campaign's
        ("On the campaign trail before the election, the senator pledged support to Ukraine.", "pledged", True),
        ("The Iraqi government pledged to rebuild the damaged schools in Mosul.", "pledged", True),
    ],
)
def test_a_candidate_s_policy_promise_is_no_agreement(run_coder, text: str, word: str, kept: bool) -> None:
    doc, events, _ = run_coder(text)
    on_trigger, _ = _on(doc, events, word)
    assert bool(on_trigger) is kept, [(e.entry.event_type, e.actor2) for e in on_trigger]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # "in the event (that)", "in case": a condition told with a noun, as with "if"
        ("In the event that Iran attacks Israel, the United States will respond.", "attacks"),
        ("In case the rebels attack the town, the Iraqi army will respond.", "attack"),
    ],
)
def test_a_condition_told_with_a_noun_is_hypothetical(run_coder, text: str, word: str) -> None:
    doc, events, _ = run_coder(text)
    on_trigger, _ = _on(doc, events, word)
    assert on_trigger and {e.modality for e in on_trigger} == {"hypothetical"}


def test_an_event_noun_in_the_event_of_stays_asserted(run_coder) -> None:
    """ "In the event of an attack" is no clause; a deed told after it is not conditioned by a noun phrase alone."""
    doc, events, _ = run_coder("In a rare event, the Iraqi army attacked the rebels near Mosul.")
    on_trigger, _ = _on(doc, events, "attacked")
    assert on_trigger and {e.modality for e in on_trigger} == {"asserted"}


@pytest.mark.parametrize(
    ("text", "word", "kept_type"),
    [
        # asking an addressee *whether* or *if*, or with nothing asked for, is a question
        ("The Russian envoy asked the Ukrainian minister whether the talks would resume.", "asked", None),
        ("The Iraqi general asked the reporters if they had seen the convoy.", "asked", None),
        # asked *to do* something, or *for* something, is a request
        ("The Iraqi general asked the Turkish envoy to close the border.", "asked", "REQUEST"),
        ("The Kenyan government asked the United Nations for food aid.", "asked", "REQUEST"),
    ],
)
def test_a_question_to_an_addressee_is_no_request(run_coder, text: str, word: str, kept_type) -> None:
    doc, events, _ = run_coder(text)
    on_trigger, _ = _on(doc, events, word)
    assert {e.entry.event_type for e in on_trigger} == ({kept_type} if kept_type else set())


@pytest.mark.parametrize(
    ("text", "word", "kept_type"),
    [
        ("The Afghan soldier who opened fire on his comrades later killed himself.", "killed", None),
        ("The Kenyan minister spent the hearing defending himself.", "defending", None),
        # a bomber who blew himself up attacked those around him
        ("A suicide bomber blew himself up at the Kabul rally, killing 12 people.", "blew", "ASSAULT"),
        ("The Kenyan minister spent the hearing defending the army.", "defending", "SUPPORT"),
    ],
)
def test_a_deed_done_to_oneself_is_no_event_between_parties(run_coder, text: str, word: str, kept_type) -> None:
    doc, events, _ = run_coder(text)
    on_trigger, _ = _on(doc, events, word)
    assert {e.entry.event_type for e in on_trigger} == ({kept_type} if kept_type else set())


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a relative clause with its own subject: its antecedent is what was released
        ("The files which the Iraqi ministry released were old.", False),
        ("The prisoners that Israel released on Monday were flown to Gaza.", True),
    ],
)
def test_the_antecedent_of_a_relative_clause_is_its_object(run_coder, text: str, kept: bool) -> None:
    doc, events, _ = run_coder(text)
    on_trigger, _ = _on(doc, events, "released")
    assert bool(on_trigger) is kept


@pytest.mark.parametrize(
    ("text", "word", "kept_type"),
    [
        ("Syrian troops pressed into the rebel-held enclave for a fourth day.", "pressed", None),
        ("The Iraqi army pressed ahead with the offensive.", "pressed", None),
        ("The United States pressed Iraq to hold the election on time.", "pressed", "REQUEST"),
    ],
)
def test_pressing_into_a_place_is_an_advance_no_request(run_coder, text: str, word: str, kept_type) -> None:
    doc, events, _ = run_coder(text)
    on_trigger, _ = _on(doc, events, word)
    assert {e.entry.event_type for e in on_trigger} == ({kept_type} if kept_type else set())


def test_telling_someone_to_do_something_is_a_request(run_coder) -> None:
    """ "told the leaders to withdraw": a directive (REQUEST); the deed asked for is its content, not a deed done."""
    doc, events, vetoed = run_coder("The Iraqi president told the Kurdish leaders to withdraw their forces.")
    told, _ = _on(doc, events, "told")
    assert {e.entry.event_type for e in told} == {"REQUEST"}
    withdraw, token = _on(doc, events, "withdraw")
    assert not withdraw and (token.i, "deed_under_commitment") in vetoed
    # telling someone *that* something is so stays a CONSULT
    doc, events, _ = run_coder(
        "At their meeting the Turkish general told the Iraqi defence minister that the border was closed."
    )
    told, _ = _on(doc, events, "told")
    assert {e.entry.event_type for e in told} == {"CONSULT"}


@pytest.mark.parametrize(
    ("text", "word", "modality"),
    [
        # the infinitive takes the mood of the verb that governs it
        ("The Kenyan parliament passed a bill that would allow farmers to sue the government.", "sue", "hypothetical"),
        ("The new law will force Iran to release the prisoners.", "release", "future"),
        # a governing verb with no auxiliary leaves the deed asserted
        ("The Iraqi army tried to attack the rebels near Mosul.", "attack", "asserted"),
        # so does a gerund complement: "would have meant agencies sharing"
        (
            "The task force would have involved civilian and military agencies sharing intelligence with the navy.",
            "sharing",
            "hypothetical",
        ),
        # a backshifted time clause under "should" / "would" is still to come; a past one under a plain verb is done
        (
            "The Mexican senator said Mexico should end cooperation until the Guard was withdrawn.",
            "withdrawn",
            "hypothetical",
        ),
        ("The Syrian rebels said they would fight until the army withdrew from Idlib.", "withdrew", "hypothetical"),
        ("The Syrian rebels fought until the army withdrew from Idlib.", "withdrew", "asserted"),
        ("The Syrian rebels could not leave until the army withdrew from Idlib.", "withdrew", "asserted"),
    ],
)
def test_an_infinitive_takes_the_mood_of_its_governing_verb(run_coder, text: str, word: str, modality: str) -> None:
    doc, events, _ = run_coder(text)
    on_trigger, _ = _on(doc, events, word)
    assert on_trigger and {e.modality for e in on_trigger} == {modality}


def test_an_adverb_of_repetition_is_no_habit(run_coder) -> None:
    """ "repeatedly shelled" tells real, repeated deeds; only adverbs of habit ("routinely") describe."""
    doc, events, _ = run_coder("The Syrian army repeatedly shelled the rebel-held town on Monday.")
    on_trigger, _ = _on(doc, events, "shelled")
    assert {e.entry.event_type for e in on_trigger} == {"ASSAULT"}


def test_an_attack_coordinated_with_blame_is_said(code) -> None:
    """ "attacked the officers and blamed the shootings on bias": words, ACCUSE, even in a sentence about shootings;
    a weapon in the sentence keeps the attack."""
    text = "The senator attacked the Kenyan police officers and blamed the shootings on their training."
    assert {e.event_type for e in code(text) if e.trigger.text == "attacked"} == {"ACCUSE"}
    text = "The gunmen attacked the Kenyan police officers with rifles and blamed the army."
    assert "ASSAULT" in {e.event_type for e in code(text) if e.trigger.text == "attacked"}


def test_a_deed_noun_that_a_plan_noun_names_is_planned(run_coder) -> None:
    """ "plans for security cooperation with NATO": the cooperation is planned (future), not done."""
    doc, events, _ = run_coder("Tunisia announced plans for security cooperation with NATO.")
    on_trigger, _ = _on(doc, events, "cooperation")
    assert on_trigger and {e.modality for e in on_trigger} == {"future"}


@pytest.mark.parametrize(
    "text",
    [
        "The Iranian army warned that it will retaliate against any attack.",  # the speaker acts
        "The Kenyan president warned that the rebels would face consequences.",  # a consequence named
        "Turkey warned that its troops would enter the town unless the militia withdrew.",  # a condition
        "Russia warned of a military response to the deployment.",  # the warning names its object
    ],
)
def test_a_warning_with_a_condition_a_consequence_or_the_speaker_acting_stays_a_threat(code, text) -> None:
    assert any(e.event_type == "THREATEN" for e in code(text))


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # an invitation to a seat, a show, a meal, or of an audience, is hospitality
        ("The Iraqi ambassador invited the Syrian actor to sit in the front row at the debate.", False),
        ("The Kenyan senator invited the American singer to the premiere of the film.", False),
        ("Guards removed the two men because they were not invited members of the audience.", False),
        ("The Indian minister's invitation to perform a concerto surprised the Pakistani pianist.", False),
        # an invitation to talks, a meeting or a visit stays
        ("Mexico invited Trump to a meeting in Mexico City.", True),
        ("China invited the Indian foreign minister to visit Beijing.", True),
        ("The Kenyan president invited the Ugandan president to attend the summit in Nairobi.", True),
    ],
)
def test_a_social_invitation_is_no_agreement(run_coder, text: str, kept: bool) -> None:
    doc, events, _ = run_coder(text)
    on_trigger = [e for e in events if e.trigger.lemma_ in ("invite", "invitation")]
    assert bool(on_trigger) is kept, [(e.entry.event_type, e.rules) for e in on_trigger]


@pytest.mark.parametrize(
    ("text", "word", "kept_type"),
    [
        # a gerund clause used as a noun, with bare plural parties and no anchor, is a kind of happening
        ("Activists condemned the pattern of police officers shooting unarmed teenagers.", "shooting", None),
        ("The mayor said anger over police being attacked had grown.", "attacked", None),
        # a determiner, a place or date, an inherited subject, or a participle clause of a finite deed: one happening
        ("Video showed soldiers beating a protester.", "beating", "ASSAULT"),
        ("There were reports of troops killing civilians in Aleppo.", "killing", "ASSAULT"),
        ("A bomb exploded in the Kabul market, killing seven people.", "killing", "ASSAULT"),
        ("The Ukrainian president spoke after meeting Iranian officials in Tehran.", "meeting", "CONSULT"),
    ],
)
def test_a_generic_situation_is_no_happening(run_coder, text: str, word: str, kept_type) -> None:
    doc, events, _ = run_coder(text)
    on_trigger, _ = _on(doc, events, word)
    assert {e.entry.event_type for e in on_trigger} == ({kept_type} if kept_type else set())


@pytest.mark.parametrize(
    ("text", "word", "kept_type"),
    [
        # a speech, a phone-in or a talk to an audience is no meeting between parties
        ("The Kenyan president hosted a gala dinner in Nairobi, where the Ugandan minister also spoke.", "spoke", None),
        ("The Iraqi minister called into a radio program on Monday.", "called", None),
        ("Speaking to students at Cairo University in Giza, the Egyptian minister defended the law.", "Speaking", None),
        # a named party addressed, met or phoned stays
        ("The Iraqi president spoke with the Turkish envoy at the ministry in Ankara.", "spoke", "CONSULT"),
        ("The envoy praised the leaders he met in Cairo.", "met", "CONSULT"),
    ],
)
def test_a_speech_or_an_appearance_is_no_consultation(run_coder, text: str, word: str, kept_type) -> None:
    doc, events, _ = run_coder(text)
    on_trigger, _ = _on(doc, events, word)
    assert {e.entry.event_type for e in on_trigger} == ({kept_type} if kept_type else set())


@pytest.mark.parametrize(
    ("text", "word", "kept_type"),
    [
        # "demonstrate" with an object, a passive subject or a clause means show
        ("The loan demonstrates the Kenyan government's commitment to reform.", "demonstrates", None),
        ('"He\'s not demonstrated an ambition for higher office," the Iraqi analyst said.', "demonstrated", None),
        ("Thousands of Kenyan students demonstrated against the new fees in Nairobi.", "demonstrated", "PROTEST"),
        # a lawyer named by title defends clients; a government defending an ally stays
        ("Attorney Li Heping, who defended Chinese dissidents, was detained in 2015.", "defended", None),
        ("The Iraqi minister defended the Turkish government against the charges.", "defended", "SUPPORT"),
    ],
)
def test_other_senses_of_demonstrate_and_defend(run_coder, text: str, word: str, kept_type) -> None:
    doc, events, _ = run_coder(text)
    on_trigger, _ = _on(doc, events, word)
    assert {e.entry.event_type for e in on_trigger} == ({kept_type} if kept_type else set())


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Tensions rose. About 2,000 Kenyan troops are stationed in the region.", False),
        ("Tensions rose. Kenyan troops are being deployed to the border.", True),
        ("Tensions rose. Kenyan troops have been deployed to the border.", True),
        ("Tensions rose. Kenyan troops were deployed to the border.", True),
    ],
)
def test_a_present_passive_of_a_deployment_is_a_standing_state(run_coder, text: str, kept: bool) -> None:
    doc, events, _ = run_coder(text)
    deployed = [e for e in events if e.trigger.lower_ in ("stationed", "deployed")]
    assert bool(deployed) is kept


@pytest.mark.parametrize(
    ("text", "word", "kept_type"),
    [
        # a deed weighed in an opinion: under a way, reason, requirement or chance, or in "it is ... to"
        ("There are many good reasons to criticize the Kenyan president, the editor wrote.", "criticize", None),
        (
            "Talks should not be a condition for cooperating with the Iraqi police, the senator said.",
            "cooperating",
            None,
        ),
        ("Experts doubt there is any chance of threatening Japan with these rockets.", "threatening", None),
        ("It would be a grave mistake to attack Iran, the French minister said.", "attack", None),
        ("Critics listed many ways to attack the Chinese government.", "attack", None),
        # a purpose clause of a real deed, a deed with its own subject, or a decision: a happening or a plan
        ("Syrian rebels attacked the village to punish its residents.", "attacked", "ASSAULT"),
        ("Kenyan police arrested the protesters to clear the square.", "arrested", "COERCE"),
        ("The Iraqi minister announced the decision to expel the Turkish ambassador.", "expel", "SANCTION"),
    ],
)
def test_a_deed_weighed_in_an_opinion_is_no_event(run_coder, text: str, word: str, kept_type) -> None:
    doc, events, _ = run_coder(text)
    _assert_kept_as(doc, events, word, kept_type)


@pytest.mark.parametrize(
    ("text", "word", "sense"),
    [
        # no party, so a structural veto holds first; the sense is recorded too, for the model's fallback
        ("The bill was passed by the Kenyan parliament with wide support.", "support", "support_description"),
        # a word read in its political sense gets no sense veto
        ("The Kenyan parliament passed the bill with the support of the opposition.", "support", None),
    ],
)
def test_a_sense_behind_a_structural_veto_is_recorded(run_coder, text: str, word: str, sense) -> None:
    doc, _, vetoed = run_coder(text)
    token = next(t for t in doc if t.text == word)
    senses = {name for i, name in vetoed if i == token.i and name in SENSE_VETOES}
    assert senses == ({sense} if sense else set()), vetoed


@pytest.mark.parametrize(
    ("text", "word", "kept_type"),
    [
        # a fight against a cause or a movement with no country or sector is a struggle
        ("The Kenyan bishops pledged to fight against the New Left and moral decay.", "fight", None),
        ("The students are united to fight against racism and the far right.", "fight", None),
        # a fight with an armed party, a state or a person stays an attack
        ("The Somali army is fighting against Al Shabaab near Kismayo.", "fighting", "ASSAULT"),
        ("The man started a fight with her outside the bar in Nairobi.", "fight", "ASSAULT"),
    ],
)
def test_a_fight_against_a_cause_is_no_attack(run_coder, text: str, word: str, kept_type) -> None:
    doc, events, _ = run_coder(text)
    _assert_kept_as(doc, events, word, kept_type)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a meeting counted by "one of", "each of" is still the setting of another act
        ("At one of his first party meetings, the Kenyan senator backed the budget.", False),
        # ... unless it names the other party
        ("At one of the meetings with the Iranian envoy, the Iraqi minister raised the issue.", True),
    ],
)
def test_a_counted_meeting_is_a_setting(run_coder, text: str, kept: bool) -> None:
    doc, events, _ = run_coder(text)
    on_trigger, _ = _on(doc, events, "meetings")
    assert bool(on_trigger) is kept, [(e.entry.event_type, e.rules) for e in on_trigger]


@pytest.mark.parametrize(
    ("text", "word", "kept_type"),
    [
        # credit or a sale between firms and private people is commerce
        ("Bellamy Freight agreed to lend Ms. Ortega $2 million for the warehouse.", "agreed", None),
        ("Lenders feared the retailer could threaten to sell its stores.", "threaten", None),
        # a state or an armed group on either side keeps the deal political
        ("The World Bank agreed to lend Pakistan $2 billion on Monday.", "agreed", "AGREE"),
        ("Russia threatened to sell its stake in the Ukrainian pipeline.", "threatened", "THREATEN"),
        ("She said he asked her for money last week.", "asked", None),
        ("Governor Halloway asked for $1,200 to visit the sister city.", "asked", "REQUEST"),
        ("Nepal asked international donors for money after the earthquake.", "asked", "REQUEST"),
        # no money and no trade: the agreement stays
        ("Iran agreed with Iraq on a ceasefire along the border.", "agreed", "AGREE"),
    ],
)
def test_a_money_deal_between_private_parties_is_commerce(run_coder, text: str, word: str, kept_type) -> None:
    doc, events, _ = run_coder(text)
    on_trigger, _ = _on(doc, events, word)
    assert {e.entry.event_type for e in on_trigger} == ({kept_type} if kept_type else set())


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a speaker's own voters or followers warned are persuaded, not threatened
        ("The Kenyan governor warned voters not to believe the rumours.", False),
        ("The Kenyan candidate warned his supporters not to stay home on election day.", False),
        # a party warned stays a threat
        ("China warned North Korea against further missile tests.", True),
        ("The Kenyan army warned the rebels to surrender their weapons.", True),
    ],
)
def test_a_warning_to_voters_or_followers_is_advice(run_coder, text: str, kept: bool) -> None:
    doc, events, _ = run_coder(text)
    on_trigger, _ = _on(doc, events, "warned")
    assert any(e.entry.event_type == "THREATEN" for e in on_trigger) is kept, [
        (e.entry.event_type, e.rules) for e in on_trigger
    ]


@pytest.mark.parametrize(
    ("text", "word", "kept_type"),
    [
        # a stance named as the reason for another act, or as what a noun is of, was held, not given in the story
        ("The Kenyan senator attacked the minister for his support of the war in Somalia.", "support", None),
        ("The senator has long been a supporter of NATO and of Kenyan solidarity with Uganda.", "solidarity", None),
        # support expressed, or given in the story, stays
        ("Iraq sent messages of support to the Kenyan government.", "support", "SUPPORT"),
        ("Egypt reiterated its support for Sudan on Monday.", "support", "SUPPORT"),
        ("The Kenyan president expressed solidarity with Uganda.", "solidarity", "SUPPORT"),
    ],
)
def test_support_held_is_described_and_support_given_stays(run_coder, text: str, word: str, kept_type) -> None:
    doc, events, _ = run_coder(text)
    _assert_kept_as(doc, events, word, kept_type)


def test_a_released_it_is_not_coded_again_by_the_model(code) -> None:
    """The veto is a sense veto: the model's fallback must not read the released video as a RETREAT again."""
    events = code("The Kenyan police filmed the raid and released it to the press on Monday.")
    assert not [e for e in events if e.trigger.text == "released"], [(e.event_type, e.rules) for e in events]


@pytest.mark.parametrize(
    ("text", "word", "kept_type"),
    [
        # "what X called a Y": the wh-word is the thing named, no party called names
        ('The bill helps 31 Kenyan districts, what the Kenyan governor called a "diminishing fund."', "called", None),
        # a party named stays an accusation
        ("The Kenyan president called the Ugandan envoy a liar.", "called", "ACCUSE"),
    ],
)
def test_what_someone_called_a_thing_names_no_party(run_coder, text: str, word: str, kept_type) -> None:
    doc, events, _ = run_coder(text)
    _assert_kept_as(doc, events, word, kept_type)


@pytest.mark.parametrize(
    ("text", "word", "kept_type"),
    [
        # a verbal act aimed only at the speaker's own staff is the work of one actor
        ("The Kenyan president told his advisers to find another way to cut emissions.", "told", None),
        # another party's officials, or a counterpart, stay
        ("The Kenyan president told the Ugandan advisers to leave the country.", "told", "REQUEST"),
        ("The Kenyan president summoned the British ambassador over the remarks.", "summoned", "ACCUSE"),
    ],
)
def test_a_word_to_ones_own_staff_is_no_event_between_parties(run_coder, text: str, word: str, kept_type) -> None:
    doc, events, _ = run_coder(text)
    _assert_kept_as(doc, events, word, kept_type)
