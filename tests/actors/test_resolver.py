"""Behaviour of the actor resolver on sentences written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventscope.actors import load_knowledge_base

SEED = Path("/work/shared/seeds/000_05fc813fda878262.txt")


def sig(actor):
    return None if actor is None else (actor.name, actor.country, actor.sector)


# --- countries by name, demonym, capital, possessive -------------------------------------------
@pytest.mark.parametrize(
    ("text", "phrase", "country", "sector"),
    [
        ("Syria rejected the proposal on Monday.", "Syria", "SYR", "GOV"),
        ("Officials said Tehran would retaliate against any strike.", "Tehran", "IRN", "GOV"),
        ("The regime in Damascus arrested dozens of activists.", "regime", "SYR", "GOV"),
        ("Kenyan security forces raided the camp overnight.", "forces", "KEN", "POL"),
        ("Russian troops shelled the town.", "troops", "RUS", "MIL"),
        ("U.S. forces withdrew from the base.", "forces", "USA", "MIL"),
        ("Egyptian citizens queued to vote.", "citizens", "EGY", "CVL"),
        ("The Turkish government summoned the ambassador.", "government", "TUR", "GOV"),
        ("Somalia's army recaptured the port.", "army", "SOM", "MIL"),
        ("The government of Peru declared an emergency.", "government", "PER", "GOV"),
        ("The Chinese Foreign Ministry protested the sale.", "Ministry", "CHN", "GOV"),
        # a member of a named state force is that force
        ("A Levies personnel was killed by militants near Ziarat.", "personnel", "PAK", "POL"),
        ("Two Khasadar personnel were wounded in the blast.", "personnel", "PAK", "POL"),
        ("Indian armed personnel fired on the crowd.", "personnel", "IND", "MIL"),
    ],
)
def test_country_actors(resolve, text, phrase, country, sector):
    actor = resolve(text, phrase)
    assert actor is not None
    assert (actor.country, actor.sector) == (country, sector)


def test_offsets_are_the_noun_phrase(resolve):
    text = "Yesterday the Iraqi government ordered a curfew."
    actor = resolve(text, "government")
    assert actor.text == "the Iraqi government"
    assert text[actor.start : actor.end] == actor.text


# --- people ------------------------------------------------------------------------------------
def test_kb_person_with_title(resolve):
    actor = resolve("Iraqi Prime Minister Nouri al-Maliki visited Basra.", "Maliki")
    assert sig(actor) == ("Nouri al-Maliki", "IRQ", "GOV")
    assert actor.text.startswith("Iraqi Prime Minister")


@pytest.mark.parametrize(
    ("text", "phrase", "country"),
    [
        ("Former Prime Minister Nouri al-Maliki visited Basra.", "Maliki", "IRQ"),  # a known person, past office
        ("The former Iraqi minister accused the government.", "minister", "IRQ"),
        ("A retired Kenyan general criticized the army.", "general", "KEN"),
        ("Former senator Mark Tolliver criticized the court.", "Tolliver", None),
    ],
)
def test_a_past_office_makes_an_elite_not_the_state(resolve, text, phrase, country):
    """Phoenix codes former office holders ELI: a former minister speaks for no government."""
    actor = resolve(text, phrase)
    assert (actor.country, actor.sector) == (country, "ELI")


def test_unknown_person_with_rank_and_apposition(resolve):
    text = "British Brigadier General Alan Pike, commander of the task force, met the governor."
    assert sig(resolve(text, "Pike")) == ("Alan Pike", "GBR", "MIL")


def test_apposition_gives_sector(resolve):
    text = "Ahmed Karimi, a spokesman for the Afghan Interior Ministry, denied the report."
    actor = resolve(text, "Karimi")
    assert actor.name == "Ahmed Karimi"
    assert (actor.country, actor.sector) == ("AFG", "POL")


def test_unknown_person_without_cues(resolve):
    assert sig(resolve("John Hartley arrived in the capital.", "Hartley")) == ("John Hartley", None, None)


# --- organisations -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "phrase", "name", "country", "sector"),
    [
        ("Hezbollah fired rockets across the border.", "Hezbollah", "Hezbollah", "LBN", "REB"),
        ("ISIS claimed the bombing.", "ISIS", "Islamic State", None, "REB"),
        ("Daesh fighters stormed the village.", "fighters", "Islamic State", None, "REB"),
        ("The United Nations condemned the attack.", "Nations", "United Nations", None, "IGO"),
        ("The UN Security Council met on Friday.", "Council", "UN Security Council", None, "IGO"),
        ("NATO deployed more jets.", "NATO", "NATO", None, "IGO"),
        ("The Red Cross delivered aid.", "Cross", "International Committee of the Red Cross", None, "NGO"),
        (
            "He said the Quds Force of the Islamic Revolutionary Guard Corps armed the militants.",
            "Force",
            "Qods Force",
            "IRN",
            "MIL",
        ),
    ],
)
def test_kb_organisations(resolve, text, phrase, name, country, sector):
    assert sig(resolve(text, phrase)) == (name, country, sector)


def test_militia_without_country(resolve):
    actor = resolve("Extremist Sunni militias attacked the convoy.", "militias")
    assert sig(actor) == (None, None, "MILITIA")


def test_militia_with_country(resolve):
    assert sig(resolve("Iraqi militias attacked the convoy.", "militias")) == (None, "IRQ", "MILITIA")


# --- coreference --------------------------------------------------------------------------------
def test_pronoun_he_takes_person(resolve):
    text = "French President Emmanuel Macron visited Kyiv. He promised more weapons."
    actor = resolve(text, "He")
    assert actor.text == "He"
    assert sig(actor) == ("Emmanuel Macron", "FRA", "GOV")


def test_pronoun_they_takes_group(resolve):
    text = "Nigerian soldiers entered the forest, but they found no weapons."
    assert sig(resolve(text, "they")) == (None, "NGA", "MIL")


def test_surname_takes_first_full_mention(resolve):
    text = (
        "Canadian Lieutenant General Paul Wynnick, the deputy commander, spoke to reporters. "
        "Later Wynnick said the operation had ended."
    )
    actor = resolve(text, "Wynnick", occurrence=1)
    assert actor.text == "Wynnick"
    assert sig(actor) == ("Paul Wynnick", "CAN", "MIL")


def test_the_group_takes_organisation(resolve):
    text = "Al-Shabaab attacked a hotel in Mogadishu. The group said it had killed soldiers."
    assert sig(resolve(text, "group")) == ("al-Shabaab", "SOM", "REB")


def test_the_general_takes_titled_person(resolve):
    text = "Major General Jan Kowalski toured the base. The general praised the troops."
    assert resolve(text, "general", occurrence=0, head="general") is not None
    actor = resolve(text, "The general", head="general")
    assert actor.name == "Jan Kowalski"
    assert actor.sector == "MIL"


def test_pleonastic_it_is_not_an_actor(resolve):
    assert resolve("Iran denied it. It is a difficult time.", "It") is None


# --- not actors ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Police found weapons in the house.", "weapons"),
        ("The rebels took control of the city.", "control"),
        ("The rebels took control of the city.", "city"),
        ("The talks aim to restore stability.", "stability"),
        ("Troops seized 300 rifles on Tuesday.", "Tuesday"),
        ("Troops seized 300 rifles on Tuesday.", "300"),
        ("Troops found large caches of ammunition.", "caches"),
    ],
)
def test_non_actors(resolve, text, phrase):
    assert resolve(text, phrase) is None


def test_resolve_span_directly(nlp, resolver):
    doc = nlp("Pakistani police arrested the suspects.")
    actor = resolver.for_document(doc).resolve(doc[0:2])
    assert (actor.start, actor.end, actor.text) == (0, 16, "Pakistani police")
    assert (actor.country, actor.sector) == ("PAK", "POL")


# --- the seed document --------------------------------------------------------------------------
@pytest.mark.skipif(not SEED.exists(), reason="seed corpus not available")
def test_seed_document(nlp, resolver):
    text = SEED.read_text(encoding="utf-8")
    doc = nlp(text)
    actors = resolver.for_document(doc)

    def at(phrase: str, head: str, occurrence: int = 0):
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(phrase, start + 1)
        span = doc.char_span(start, start + len(phrase), alignment_mode="expand")
        return actors.resolve_token(next(t for t in span if t.text == head))

    assert sig(at("Iraqi Prime Minister Nouri al-Maliki", "Maliki")) == ("Nouri al-Maliki", "IRQ", "GOV")
    assert at("Iraq’s security forces", "forces").country == "IRQ"
    assert sig(at("the Qods Force of the Iranian Revolutionary Guard Corps", "Force"))[1:] == ("IRN", "MIL")
    assert at("Iran has repeatedly", "Iran").country == "IRN"
    assert sig(at("U.S. forces", "forces"))[1:] == ("USA", "MIL")
    assert sig(at("Major General Bergner said the Qods", "Bergner")) == ("Kevin Bergner", "USA", "MIL")
    assert at("the regime in Tehran", "regime").country == "IRN"
    assert at("Iraqi citizens", "citizens").sector == "CVL"
    assert at("large caches", "caches") is None


# --- KB breadth (load time and resolution speed are measured by `make bench`, not asserted here) ---
def test_kb_has_breadth():
    kb = load_knowledge_base()
    stats = kb.stats()
    assert stats["countries"] >= 195
    assert stats["people"] >= 80
    assert stats["armed_groups"] >= 50
    assert stats["igos_ngos"] >= 35


def test_user_kb_merged_on_top(tmp_path, nlp):
    from eventscope.actors import ActorResolver

    extra = tmp_path / "mine.json"
    org = {"name": "Zorblax Front", "aliases": ["ZF"], "country": "MLI", "sector": "REB"}
    extra.write_text(json.dumps({"organizations": [org]}), encoding="utf-8")
    resolver = ActorResolver(load_knowledge_base(extra_paths=[extra]))
    doc = nlp("The ZF ambushed a patrol.")
    actor = resolver.for_document(doc).resolve_token(doc[1])
    assert sig(actor) == ("Zorblax Front", "MLI", "REB")


def test_user_kb_rejects_unknown_sector(tmp_path):
    extra = tmp_path / "bad.json"
    extra.write_text('{"organizations": [{"name": "X Group", "sector": "NOPE"}]}', encoding="utf-8")
    with pytest.raises(ValueError):
        load_knowledge_base(extra_paths=[extra])


def test_entity_ruler_patterns(resolver):
    patterns = resolver.entity_ruler_patterns()
    labels = {p["label"] for p in patterns}
    assert labels <= {"ORG", "PERSON", "NORP", "GPE"}
    as_text = {
        p["pattern"] if isinstance(p["pattern"], str) else " ".join(t["ORTH"] for t in p["pattern"]) for p in patterns
    }
    assert "qods force" in as_text
    assert "hezbollah" in as_text
    assert "is" not in as_text  # acronyms match exact text only: "IS" never matches the verb
    assert all(t.keys() == {"ORTH"} for p in patterns if not isinstance(p["pattern"], str) for t in p["pattern"])


def test_entity_ruler_finds_names_in_any_case_and_acronyms_only_exactly(nlp):
    doc = nlp("Fighters of the qods force met ISIS commanders, and the rebel group is growing.")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels.get("qods force") == "ORG"
    assert "is" not in labels


def test_possessive_pronoun_lends_identity(resolve):
    text = "Boko Haram raided a school, and its fighters abducted pupils."
    assert sig(resolve(text, "fighters")) == ("Boko Haram", "NGA", "REB")


def test_definite_title_with_country_takes_leader(resolve):
    text = "Erdogan met Macron in Paris. The Turkish leader said talks went well."
    assert sig(resolve(text, "leader")) == ("Recep Tayyip Erdogan", "TUR", "GOV")


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Exxon Mobil Corp. signed a supply deal with the ministry.", "Exxon Mobil Corp."),
        ("Orbital Holdings agreed to buy the port operator.", "Orbital Holdings"),
    ],
)
def test_a_company_designator_makes_a_business(resolve, text, phrase):
    assert resolve(text, phrase).sector == "BUS"


@pytest.mark.parametrize(
    ("text", "phrase", "sector"),
    [
        ("Militants attacked Deputy Superintendent Imran Shah near the market.", "Imran Shah", "POL"),
        ("A havildar was wounded in the ambush.", "havildar", "MIL"),
        ("The deputy commissioner ordered a curfew.", "deputy commissioner", "GOV"),
    ],
)
def test_police_army_and_district_ranks_name_the_sector(resolve, text, phrase, sector):
    assert resolve(text, phrase).sector == sector


def test_a_school_superintendent_is_no_police_officer(resolve):
    actor = resolve("The superintendent of the school resigned.", "superintendent")
    assert actor is None or actor.sector != "POL"


# --- officers: the service decides, and a bare "Officer" before a name is the police's title -----------------------
@pytest.mark.parametrize(
    ("text", "phrase", "sector"),
    [
        ("Officer Dana Reyes was charged with manslaughter on Thursday.", "Reyes", "POL"),
        ("Harbor City police officer Dana Reyes fired two shots.", "Reyes", "POL"),
        ("An army officer was wounded when the convoy was ambushed.", "officer", "MIL"),
        ("Senior officers of the Pakistan Army met the delegation.", "officers", "MIL"),
        ("A naval officer inspected the harbour.", "officer", "MIL"),
        ("The parks task force met with the mayor.", "force", "GOV"),
        # a carrier is an airline unless it carries aircraft
        ("The national carrier suspended flights to the capital.", "carrier", "BUS"),
        ("A US aircraft carrier sailed into the gulf.", "carrier", "MIL"),
    ],
)
def test_an_officer_belongs_to_the_service_named_around_the_word(resolve, text, phrase, sector):
    actor = resolve(text, phrase)
    assert actor is not None
    assert actor.sector == sector


def test_a_prefix_split_off_a_hyphenated_word_is_no_party(resolve):
    assert resolve("The envoy called for a renewal of intra-Syrian talks.", "intra") is None


def test_the_country_a_group_is_for_or_against_is_not_its_own(resolve):
    """ "pro-Russian rebels" are not Russian; "Russian troops" are."""
    assert resolve("Pro-Russian rebels attacked the town.", "rebels").country is None
    assert resolve("Anti-American militants attacked the base.", "militants").country is None
    assert resolve("Russian troops attacked the town.", "troops").country == "RUS"


# --- a title word tags a person only in title position, not as a name or a headline's capital --------------------
@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        # the surname of a person, not a king or a major
        ("Singer Ellie King thanked her fans after the show.", "King"),
        ("Police said King was injured in the crash.", "King"),
        # a title before a plural names an organisation, no officer
        ("General Motors recalled thousands of trucks.", "Motors"),
    ],
)
def test_a_title_word_inside_a_name_is_no_office(resolve, text, phrase):
    actor = resolve(text, phrase)
    assert actor is None or actor.sector is None


def test_a_title_case_headline_capital_is_no_rank(resolve):
    actor = resolve("Senator Welcomes Major Cultural Festival", "Festival")
    assert actor is None or actor.sector != "MIL"


@pytest.mark.parametrize(
    ("text", "phrase", "sector"),
    [
        ("The King addressed parliament on Monday.", "King", "GOV"),
        ("The senator praised Major Smith.", "Smith", "MIL"),
        ("The Justice Department opened an inquiry.", "Department", "JUD"),
        ("Prince Charles visited the hospital.", "Charles", "GOV"),
    ],
)
def test_a_title_before_a_name_or_as_the_head_still_tags(resolve, text, phrase, sector):
    actor = resolve(text, phrase)
    assert actor is not None
    assert actor.sector == sector


# --- "groups in X": a place where a group is is not the state it speaks for; its modifier says its kind ------------
@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Muslim organisations in Chicago criticised the mayor.", "organisations"),
        ("The group in Lebanon claimed the bombing.", "group"),
    ],
)
def test_a_group_in_a_place_is_not_that_state(resolve, text, phrase):
    actor = resolve(text, phrase)
    assert actor is not None
    assert actor.sector != "GOV"
    assert actor.name is None


@pytest.mark.parametrize(
    ("text", "phrase", "sector"),
    [
        ("Separatist groups in the north rejected the ceasefire.", "groups", "REB"),
        ("Opposition factions walked out of the talks.", "factions", "OPP"),
        ("Muslim organisations in Chicago criticised the mayor.", "organisations", "REL"),
    ],
)
def test_a_modifier_names_the_kind_of_group(resolve, text, phrase, sector):
    actor = resolve(text, phrase)
    assert actor is not None
    assert actor.sector == sector


def test_the_leaders_of_a_state_are_still_its_government(resolve):
    actor = resolve("Leaders of Iran met in Geneva.", "Leaders")
    assert (actor.country, actor.sector) == ("IRN", "GOV")


# --- a ruling party is the government's, not the opposition --------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "phrase", "sector"),
    [
        ("Vietnam's ruling Communist party promised new reforms.", "party", "GOV"),
        ("The governing party lost its majority in the vote.", "party", "GOV"),
        ("The opposition party boycotted the vote.", "party", "OPP"),
    ],
)
def test_a_ruling_party_is_the_governments(resolve, text, phrase, sector):
    actor = resolve(text, phrase)
    assert actor is not None
    assert actor.sector == sector


# --- a private person's role word before a name beats a dictionary namesake's state office -------------------------
def test_a_private_role_before_a_known_name_is_no_office(resolve):
    # the dictionaries know a namesake who held a state office; the text says this one is a student
    actor = resolve("Student Barack Obama wrote the prize-winning essay.", "Obama")
    assert actor is not None
    assert actor.sector == "EDU"


def test_an_office_before_a_known_name_still_tags(resolve):
    actor = resolve("Iraqi Prime Minister Nouri al-Maliki visited Basra.", "Maliki")
    assert (actor.country, actor.sector) == ("IRQ", "GOV")


# --- "US" in capitals is the country, not the pronoun "us" ------------------------------------------
@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The minister praised US assistance to Jordan.", "US"),
        ("During a visit to the US last year, the king met senators.", "US"),
        ("Cuba accused the US of spying on its diplomats.", "US"),
    ],
)
def test_us_in_capitals_is_the_united_states(resolve, text, phrase):
    actor = resolve(text, phrase)
    assert actor is not None and actor.country == "USA"


@pytest.mark.parametrize(
    "text",
    [
        "The protesters told us that the police had beaten them.",
        "THE REBELS TOLD US THEY WOULD FIGHT ON.",
    ],
)
def test_the_pronoun_us_is_no_country(resolve, text):
    actor = resolve(text, "us" if "us" in text.split() else "US")
    assert actor is None or actor.country != "USA"
