"""Ages and small counts are never read as years."""

from __future__ import annotations

import pytest

from eventscope.nlp import DateResolver


@pytest.fixture(scope="module")
def parse(nlp):
    return nlp


@pytest.mark.parametrize(
    "text",
    [
        "Ahmed Khan, 45, said soldiers beat him.",
        "A 32-year-old man was arrested by police.",
        "The victim, aged 60, died in hospital.",
    ],
)
def test_ages_take_the_document_date(parse, text):
    sentence = next(parse(text).sents)
    resolved = DateResolver("2019-05-02").for_sentence(sentence)
    assert resolved is not None and resolved.date == "2019-05-02" and resolved.text is None


def test_a_real_year_still_resolves(parse):
    sentence = next(parse("Rebels seized the town in March 2015, officials said.").sents)
    resolved = DateResolver("2019-05-02").for_sentence(sentence)
    assert resolved is not None and resolved.date == "2015-03-01" and resolved.precision == "month"


def test_a_bare_number_is_no_year():
    assert DateResolver("2019-05-02").resolve("45") is None
