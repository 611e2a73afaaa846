"""An event's sentence-level place is not taken from another clause of the sentence, which tells another happening
("the treaty signed between India and China", "since agents died in a raid in Waco")."""

from __future__ import annotations

import pytest

from eventscope.geo import Geoparser


@pytest.fixture(scope="module")
def geo():
    return Geoparser()


def _where(nlp, geo, text: str, trigger: str):
    doc = nlp(text)
    places = geo.find_places(doc)
    return geo.locate(doc, next(t.i for t in doc if t.text == trigger), places)


def test_a_place_of_a_participial_clause_on_another_noun_is_not_the_scene(nlp, geo):
    text = (
        "Police rounded up activists in Kathmandu while they were staging a protest seeking the repeal "
        "of the treaty signed between India and China."
    )
    loc = _where(nlp, geo, text, "protest")
    assert loc is not None and loc.name == "Kathmandu"


def test_a_place_of_the_clause_that_compares_the_event_is_not_its_scene(nlp, geo):
    text = (
        "Hundreds gathered in Tacoma on Friday. The two deputies were shot while on patrol Sunday, the worst day "
        "for the county since three agents died 20 years ago during a siege of a ranch in Waco, Texas."
    )
    loc = _where(nlp, geo, text, "shot")
    assert loc is not None and loc.name == "Tacoma"


def test_a_later_or_earlier_happening_has_its_own_scene(nlp, geo):
    text = "Students marched in Lahore on Monday. They rallied after police beat a boy in Multan."
    loc = _where(nlp, geo, text, "rallied")
    assert loc is not None and loc.name == "Lahore"


def test_a_clause_describing_the_event_or_its_participants_keeps_its_place(nlp, geo):
    loc = _where(nlp, geo, "The attack, which took place in Peshawar, killed five people.", "attack")
    assert loc is not None and loc.name == "Peshawar" and loc.precision == "sentence"
    text = "Farmers who lost their land near Multan staged a demonstration on Monday."
    loc = _where(nlp, geo, text, "demonstration")
    assert loc is not None and loc.name == "Multan" and loc.precision in {"exact", "sentence"}


def test_the_reporters_own_place_stays(nlp, geo):
    text = "Senators met in Juneau on Monday. On Thursday, Alaska Gov. Ann Pike said she would reject the grant."
    loc = _where(nlp, geo, text, "reject")
    assert loc is not None and loc.name == "Alaska"


def test_clauses_of_the_same_moment_share_the_scene(nlp, geo):
    loc = _where(nlp, geo, "Two soldiers were killed when militants attacked a post in Kupwara.", "killed")
    assert loc is not None and loc.name.startswith("Kupw") and loc.precision == "sentence"
    loc = _where(nlp, geo, "Hundreds took to the streets in Lahore to protest the new tax.", "protest")
    assert loc is not None and loc.name == "Lahore" and loc.precision == "sentence"
