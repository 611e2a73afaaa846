"""Pronoun and short-mention coreference (actors/coreference.py) on short texts written for these tests.

The pronoun keeps its own span (the evidence); its name, country and sector come from the antecedent."""

from __future__ import annotations

import pytest

from eventscope.actors.coreference import compatible, is_subject, mention_gender


def sig(actor):
    return None if actor is None else (actor.name, actor.country, actor.sector)


def test_pronoun_keeps_its_span_and_takes_the_identity(resolve):
    text = "Russia said on Friday it had expelled three diplomats."
    actor = resolve(text, "it")
    assert actor is not None
    assert actor.text == "it"
    assert (actor.start, actor.end) == (text.index(" it ") + 1, text.index(" it ") + 3)
    assert actor.name == "Russia" and actor.country == "RUS"


def test_he_prefers_the_subject_of_the_previous_sentence(resolve):
    text = "Barack Obama met Vladimir Putin in Paris on Monday. He said the talks had been useful."
    assert resolve(text, "He").name == "Barack Obama"


def test_pronoun_chain_keeps_its_party(resolve):
    text = (
        "Barack Obama flew to Paris on Monday. He met Vladimir Putin at the embassy. He said the meeting had gone well."
    )
    assert resolve(text, "He", occurrence=1).name == "Barack Obama"


def test_she_skips_a_man(resolve):
    text = "Mr Hassan Rouhani greeted Mrs Angela Merkel in Tehran. She said trade would grow."
    actor = resolve(text, "She")
    assert actor is not None and actor.name != "Hassan Rouhani"


def test_they_takes_a_group_not_a_person(resolve):
    text = "The Taliban attacked a checkpoint near Kandahar. They killed four police officers."
    actor = resolve(text, "They")
    assert actor is not None and actor.sector == "REB"


def test_it_takes_a_country_or_organisation_nearby(resolve):
    text = "NATO met in Brussels. It agreed to send more advisers."
    assert resolve(text, "It").name is not None


def test_it_does_not_reach_far_back(resolve):
    text = (
        "Iran condemned the vote. The debate lasted three days. Many speeches were made. "
        "Delegates left early. Later it was adjourned again."
    )
    actor = resolve(text, "it")
    assert actor is None or actor.name != "Iran"


def test_titled_person_with_a_country_is_an_antecedent(resolve):
    text = "The Iraqi prime minister visited Washington on Monday. He asked for more aid."
    actor = resolve(text, "He")
    assert actor is not None and actor.country == "IRQ"


def test_unresolvable_pronoun_has_no_identity(resolve):
    actor = resolve("He said the talks would resume.", "He")
    assert actor is None or not (actor.name or actor.country or actor.sector)


def test_the_minister_takes_the_titled_person(resolve):
    text = "Foreign Minister Sergei Lavrov arrived in Ankara. The minister said talks would go on."
    actor = resolve(text, "minister")
    assert actor is not None and actor.country == "RUS"


def test_the_group_takes_the_named_organisation(resolve):
    text = "Hezbollah fired rockets at the border. The group said it was retaliating."
    assert resolve(text, "group").name == "Hezbollah"


# --- the pieces on their own -------------------------------------------------------------------------------------


class _Res:
    def __init__(self, kind, plural=False, name=None, country=None, sector=None, titles=()):
        self.kind, self.plural, self.name, self.country, self.sector, self.titles = (
            kind,
            plural,
            name,
            country,
            sector,
            titles,
        )


@pytest.mark.parametrize(
    ("role", "res", "expected"),
    [
        ("person", _Res("person", name="Ali Khan"), True),
        ("person", _Res("person", country="IRQ", titles=("prime minister",)), True),
        ("person", _Res("person", titles=("spokesman",)), False),
        ("person", _Res("org", name="Hamas"), False),
        ("group", _Res("org", name="Hamas"), True),
        ("group", _Res("group", plural=True, country="AFG", sector="MIL"), True),
        ("group", _Res("country", name="Iran", country="IRN"), False),
        ("thing", _Res("country", name="Iran", country="IRN"), True),
        ("thing", _Res("group", plural=True, sector="REB"), False),
    ],
)
def test_compatible(role, res, expected):
    assert compatible(role, res) is expected


def test_subjects_and_gender_words(nlp):
    doc = nlp("Queen Rania and the king met the envoy.")
    rania = next(t for t in doc if t.text == "Rania")
    king = next(t for t in doc if t.text == "king")
    assert is_subject(rania) or is_subject(king)

    class M:
        def __init__(self, start, end):
            self.start_char, self.end_char, self.token_i, self.res = start, end, 0, None

    assert mention_gender(doc, M(6, 11)) == "f"
    assert mention_gender(doc, M(16, 24)) == "m"


def test_an_honorific_elsewhere_in_the_text_gives_the_gender(resolve):
    text = (
        "Mrs. Angela Merkel spoke in Berlin. Later Merkel and Mr. Recep Tayyip Erdogan met in Ankara. "
        "Erdogan praised Merkel. She said the talks went well."
    )
    actor = resolve(text, "She")
    assert actor is not None and actor.name == "Angela Merkel"


def test_a_common_first_name_gives_the_gender(resolve):
    text = "Hillary Clinton met Barack Obama in Chicago. She said the campaign was going well."
    assert resolve(text, "She").name == "Hillary Clinton"


def test_an_honorific_rules_out_a_namesake_of_the_other_gender(resolve):
    text = "Bill Clinton spoke in Ohio. Mrs. Clinton has embraced the plan."
    assert resolve(text, "Clinton", occurrence=1).name != "Bill Clinton"
    text = "Bill Clinton spoke in Ohio. Mr. Clinton left early."
    assert resolve(text, "Clinton", occurrence=1).name == "Bill Clinton"


def test_a_known_surname_with_another_first_name_is_another_person(resolve):
    text = "Keron Blair, a teachers' union organiser, called for more school funding."
    assert sig(resolve(text, "Keron Blair")) == ("Keron Blair", None, None)
    text = "Prime Minister Blair met the Iraqi president in London."
    assert sig(resolve(text, "Blair"))[:2] == ("Tony Blair", "GBR")


def test_a_place_name_that_is_an_earlier_persons_surname_is_that_person(resolve):
    text = "Melton Lewis Paris, 51, was found dead at his home. Paris had been shot once, the sheriff said."
    assert sig(resolve(text, "Paris", occurrence=1))[:2] == ("Melton Lewis Paris", None)
    # with no such person the capital stands for its government
    assert sig(resolve("Paris condemned the attack on Monday.", "Paris"))[:3] == ("France", "FRA", "GOV")


@pytest.mark.parametrize(
    ("text", "pronoun", "name"),
    [
        (
            "Senator Rebecca Holt met Governor Andrew Pike in Dayton. He said the budget would pass.",
            "He",
            "Andrew Pike",
        ),
        (
            "Governor Andrew Pike met Mayor Rebecca Stone on Monday. She said the budget would pass.",
            "She",
            "Rebecca Stone",
        ),
    ],
)
def test_a_common_first_name_says_which_pronoun_fits(resolve, text, pronoun, name):
    actor = resolve(text, pronoun)
    assert actor is not None and actor.name == name


def test_bare_surname_means_the_principal_of_a_family(resolve):
    """A relative named once in full ("Nora Vandal") does not take over the bare surname that already stood for
    the story's principal: the one mentioned most so far."""
    text = (
        "Governor Peter Vandal visited Lyon on Monday. Vandal said the visit went well. Vandal met workers. "
        "Nora Vandal, his sister, joined him. Later Vandal gave a speech."
    )
    assert resolve(text, "Vandal", occurrence=4).name == "Peter Vandal"


def test_object_pronoun_is_not_its_clause_subject(resolve):
    """Binding: "X met Y and praised him": "him" is never the subject X (nor the subject controlling the clause)."""
    text = "Prime Minister John Harlow arrived in Lima. President Carlos Ruiz met Harlow and praised him."
    assert resolve(text, "him").name == "John Harlow"
    text = "Senator Mark Dole spoke on Monday. Governor Tom Hume wants to meet him soon."
    assert resolve(text, "him").name == "Mark Dole"


def test_a_surname_tagged_as_an_organisation_is_the_person_named_before(resolve):
    # the NER tags the bare "Ford" as an organisation (a firm's name); the story named the senator first
    text = "State Sen. Robert Ford spoke to voters in Charleston on Monday. Ford said he would vote for the budget."
    assert resolve(text, "Ford", occurrence=1).name == "Robert Ford"
    assert resolve(text, "he").name == "Robert Ford"


def test_a_one_word_organisation_with_no_earlier_namesake_stays_an_organisation(resolve):
    text = "Ford said on Tuesday it would cut 500 jobs in Ohio."
    actor = resolve(text, "Ford")
    assert actor is not None and actor.name == "Ford" and actor.sector != "LEG"


def test_the_speaker_binds_the_subject_of_the_reported_clause(resolve):
    text = "John Smith, who met Robert Jones on Monday, said he would back the bill."
    assert resolve(text, "he").name == "John Smith"
    text = "Robert Jones told John Smith that he had seen the stolen car."
    assert resolve(text, "he").name == "Robert Jones"


def test_a_passive_reported_subject_is_not_bound_to_the_speaker(nlp):
    from types import SimpleNamespace

    from eventscope.actors.coreference import reported_speaker

    def speaker(text: str):
        doc = nlp(text)
        smith = next(t for t in doc if t.text == "Smith")
        mention = SimpleNamespace(token_i=smith.i, start_char=doc[0].idx, end_char=smith.idx + 5, res=None)
        return reported_speaker(next(t for t in doc if t.lower_ == "he"), [mention])

    assert speaker("Sheriff Smith said he would stay in office.") is not None
    assert speaker("Sheriff Smith said he was arrested at his home.") is None


def test_a_pronoun_in_a_fronted_clause_points_to_the_main_clause_subject(resolve):
    text = (
        "Judge Mary Hale heard the case of Elizabeth Doyle on Monday. "
        "If she is convicted, Doyle could spend ten years in prison."
    )
    assert resolve(text, "she").name == "Elizabeth Doyle"


def test_a_pronoun_after_a_name_in_its_sentence_does_not_point_forward(resolve):
    text = "John Smith said that when he arrived, Robert Jones had gone."
    actor = resolve(text, "he")
    assert actor is None or actor.name != "Robert Jones"


def test_a_reflexive_object_is_its_clause_subject_or_nobody(resolve):
    text = "Sgt. David Collins talked to the suspect for three hours. The suspect agreed to hand himself over."
    actor = resolve(text, "himself")
    assert actor is None or actor.name != "David Collins"
    text = "Governor John Smith met reporters on Monday. Mayor Robert Jones defended himself against the charges."
    assert resolve(text, "himself").name == "Robert Jones"


def test_a_surname_the_tagger_calls_a_noun_is_still_the_person_named_before(nlp, resolver):
    # with a curly apostrophe the tagger reads "O’Connor" as a common noun; the NER may call it an organisation
    from spacy.tokens import Span

    doc = nlp("The driver, Sean O’Connor, 45, was calm. A witness told officers that O’Connor had pushed him.")
    later = [t for t in doc if t.text == "O’Connor"][1]
    doc.set_ents([Span(doc, later.i, later.i + 1, label="ORG")], default="unmodified")
    assert later.pos_ == "NOUN"
    assert resolver.for_document(doc).resolve_token(later).name == "Sean O’Connor"


def test_a_pronoun_takes_an_unnamed_role_before_a_named_officer(resolve):
    # the driver is never named; the officer is, and is the other side of the arrest
    text = "Officer Dan Miller stopped a car on Main Street. The driver fled on foot. Police said he was caught later."
    actor = resolve(text, " he ", head="he")
    assert actor is not None and actor.name is None and actor.sector == "CVL"


def test_a_role_noun_says_the_gender(resolve):
    # "the woman" cannot be "he": the pronoun goes on to the named man
    text = "John Carter called police on Friday. The woman left the house. He said she had taken his car."
    assert resolve(text, "He").name == "John Carter"
    assert resolve(text, "she").sector == "CVL"


def test_a_suspect_is_a_criminal_antecedent(resolve):
    text = "Sheriff Tom Baker said deputies surrounded the house. The suspect surrendered after he was wounded."
    assert sig(resolve(text, " he ", head="he")) == (None, None, "CRM")


def test_a_role_with_a_name_offers_no_role(resolve):
    # "the man, Jim Cole": the phrase names him, so no nameless role stands in for him
    text = "Jim Cole was stopped on Friday. Police said the man, Jim Cole, 34, had fled before he was caught."
    assert resolve(text, " he ", head="he").name == "Jim Cole"


def test_an_indefinite_role_noun_is_no_antecedent(resolve):
    text = "Mayor Ann Price met residents on Monday. A man asked about taxes, and she said they would fall."
    assert resolve(text, "she").name == "Ann Price"


def test_a_pronoun_in_a_relative_clause_is_not_the_noun_it_modifies(resolve):
    text = "John Brown runs a shelter in Detroit. But the young man he met on this street now says he wants to go."
    first = resolve(text, " he ", head="he")
    assert first is not None and first.name == "John Brown"


def test_a_resolved_pronoun_gives_its_person_a_gender(nlp):
    # "Dorian" is on no name list: the "he" resolved to him says he is a man, for every mention of him
    from types import SimpleNamespace

    from eventscope.actors.coreference import name_genders

    doc = nlp("Dorian Pell pleaded guilty, saying he had struck a neighbour.")
    he = next(t for t in doc if t.text == "he")
    res = SimpleNamespace(name="Dorian Pell", kind="person")
    mention = SimpleNamespace(token_i=he.i, start_char=he.idx, end_char=he.idx + 2, res=res)
    assert mention_gender(doc, mention) == "m"
    assert name_genders(doc, [mention]) == {"Dorian Pell": "m"}


def test_a_listed_first_name_beats_a_pronoun_resolved_to_it(nlp):
    # a wrong "him" on Mary Sloan must not make her a man
    from types import SimpleNamespace

    doc = nlp("Judge Mary Sloan said she sent him to a hospital.")
    him = next(t for t in doc if t.text == "him")
    res = SimpleNamespace(name="Mary Sloan", kind="person")
    mention = SimpleNamespace(token_i=him.i, start_char=him.idx, end_char=him.idx + 3, res=res)
    assert mention_gender(doc, mention) == "f"


def test_a_participle_speaks_for_its_clause_subject(resolve):
    text = "Mona Vance sued Earl Tobin, saying she feared him."
    assert resolve(text, " she ", head="she").name == "Mona Vance"


def test_a_gender_word_in_a_complement_says_nothing_of_the_head(nlp):
    # "Prince" names the county of the court, not the judge
    from types import SimpleNamespace

    text = "Judge Mary Sloan of Prince George County Court ruled on Monday."
    doc = nlp(text)
    end = text.index(" ruled")
    res = SimpleNamespace(name="Mary Sloan", kind="person")
    judge = next(t for t in doc if t.text == "Sloan")
    mention = SimpleNamespace(token_i=judge.i, start_char=0, end_char=end, res=res)
    assert mention_gender(doc, mention) == "f"


def test_them_takes_a_coordination_of_persons_not_a_nearer_court(resolve):
    text = (
        "On Tuesday, Ms. Carol Dunn, of Elm Street, and Mr. Peter Holt appeared before Magistrate Judge Ralph Moss "
        "to hear the charges against them."
    )
    actor = resolve(text, "them")
    assert actor is None or actor.sector != "JUD"


def test_they_charged_is_the_arrested_not_the_police(resolve):
    text = "Deputies arrested four protesters outside the courthouse on Monday. They were charged with trespassing."
    actor = resolve(text, "They")
    assert actor is None or actor.sector != "POL"
    text = "Police arrested Mark Dale and Lucy Ford on Friday. They were booked into the county jail."
    actor = resolve(text, "They")
    assert actor is None or actor.sector != "POL"


def test_they_of_an_active_clause_keeps_the_police(resolve):
    text = "Police arrested two men on Friday. They said the men had stolen a car from a dealer."
    actor = resolve(text, "They", occurrence=0)
    assert actor is not None and actor.sector == "POL"


def test_they_does_not_reach_a_distant_organisation(resolve):
    text = (
        "The Associated Press reported on the fires. Rain fell all week in the valley. Crews cleared the roads. "
        "Schools reopened on Monday. They can seize your house, a neighbour said."
    )
    actor = resolve(text, "They")
    assert actor is None or actor.name != "Associated Press"


def test_them_keeps_a_nearer_army_over_a_plural_group(resolve):
    text = "Britain is sending 200 soldiers to train the Iraqi Army, helping them to clear roads of mines."
    actor = resolve(text, "them")
    assert actor is not None and actor.name == "Iraqi Army"


def test_a_list_of_persons_does_not_beat_a_nearer_plural_group(resolve):
    text = (
        "Mark Dale and Lucy Ford live on the top floor. "
        "The officers entered the building to warn residents of the fire and assist them in evacuating."
    )
    actor = resolve(text, "them")
    assert actor is not None and actor.sector == "CVL"


def test_the_arrested_are_never_a_singular_office(resolve):
    text = "The Public Defender's Office published the names on Monday, hours after their arrest."
    actor = resolve(text, "their")
    assert actor is None or actor.name != "Public Defender's Office"


def test_they_after_an_unknown_plural_subject_stays_unresolved(resolve):
    text = (
        "Harbor Commission Director Ann Cole said ticketed kayakers were unhappy, since they must drive to the "
        "county court."
    )
    actor = resolve(text, "they")
    assert actor is None or actor.name != "Harbor Commission"
