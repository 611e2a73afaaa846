"""A capitalised title word standing alone ("King", "Major", "Bishop") is the person of that surname when the story
named one before; with an article or a name beside it, or with no such person, it is the office."""

from __future__ import annotations


def test_a_title_word_that_is_an_earlier_persons_surname_is_that_person(resolve):
    text = "Troy L. King, 41, was driving north on the highway, police said. King then hit a parked van."
    actor = resolve(text, "King then", head="King")
    assert actor is not None and actor.name == "Troy L. King" and actor.sector is None


def test_a_rank_that_is_an_earlier_persons_surname_is_that_person(resolve):
    text = "Deputies arrested Lena Major, 27, at her home on Friday. Major was held on a $3,000 bond."
    actor = resolve(text, "Major was", head="Major")
    assert actor is not None and actor.name == "Lena Major"


def test_the_office_stays_an_office(resolve):
    text = "Troy L. King, 41, watched the parade. The King waved to the crowd from the balcony."
    actor = resolve(text, "The King", head="King")
    assert actor is not None and actor.name != "Troy L. King" and actor.sector == "GOV"


def test_no_earlier_namesake_leaves_the_title(resolve):
    text = "Crowds gathered outside the palace. King Harald thanked them for coming."
    actor = resolve(text, "King Harald", head="Harald")
    assert actor is not None and actor.sector == "GOV"
