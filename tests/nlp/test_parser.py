"""The spaCy pipeline as eventscope loads it (``nlp/parser.py``): known mistags of the small model are mended."""

from __future__ import annotations


def test_law_enforcers_are_a_noun_phrase_not_a_verb(nlp) -> None:
    doc = nlp("Besides, the law enforcers in a special crackdown also detained 900 people.")
    enforcers = next(t for t in doc if t.lower_ == "enforcers")
    assert (enforcers.pos_, enforcers.lemma_) == ("NOUN", "enforcer")
    assert enforcers.dep_ == "nsubj"
    assert doc[enforcers.i - 1].dep_ == "compound"


def test_the_verb_enforce_is_left_alone(nlp) -> None:
    doc = nlp("The police enforce the law, and the court enforces its rulings.")
    assert all(t.pos_ == "VERB" for t in doc if t.lower_ in ("enforce", "enforces"))
