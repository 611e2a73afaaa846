"""A person named with an office of an international organisation acts for it (IGO, no country), whatever the
dictionary's dated roles say of the offices the person held at home; a state's diplomat with the same title does
not ("the British High Commissioner")."""

from __future__ import annotations

import pytest


@pytest.fixture()
def resolve_on(nlp, resolver):
    def run(text: str, head: str, date: str | None):
        doc = nlp(text)
        token = next(t for t in doc if t.text == head)
        return resolver.for_document(doc, date=date).resolve_token(token)

    return run


@pytest.mark.parametrize("date", [None, "2015-03-02"])
@pytest.mark.parametrize(
    ("text", "head"),
    [
        ("Secretary General Ban Ki-moon deplored the shelling of the camp.", "moon"),
        ("UN Secretary-General Antonio Guterres called for a ceasefire in Yemen.", "Guterres"),
        ("NATO Secretary General Jens Stoltenberg warned Moscow on Tuesday.", "Stoltenberg"),
    ],
)
def test_international_officer_is_igo_without_a_country(resolve_on, text, head, date):
    actor = resolve_on(text, head, date)
    assert actor is not None and (actor.country, actor.sector) == (None, "IGO")


def test_a_states_own_minister_keeps_his_country(resolve_on):
    actor = resolve_on("Prime Minister Shinzo Abe called for a ceasefire in Yemen.", "Abe", "2015-03-02")
    assert actor is not None and (actor.country, actor.sector) == ("JPN", "GOV")


def test_a_country_naming_the_office_is_no_international_office(resolve_on):
    actor = resolve_on("British High Commissioner Dominick Chilcott met the minister.", "Chilcott", None)
    assert actor is not None and actor.country == "GBR"
