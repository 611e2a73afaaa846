"""Quotes stage on sentences written for these tests, plus the seed report end to end.

``nlp`` is the session's shared pipeline model (tests/conftest.py)."""

from __future__ import annotations

import pytest

from eventscope.quotes import extract_quotes, speaker_head_span
from eventscope.quotes.marks import find_quote_marks
from eventscope.records import Quote


def _direct(quotes: list[Quote]) -> list[Quote]:
    return [q for q in quotes if q.direct]


def _one(quotes: list[Quote], fragment: str) -> Quote:
    found = [q for q in quotes if fragment in q.text]
    assert len(found) == 1, [q.text for q in quotes]
    return found[0]


# --- quotation marks -------------------------------------------------------------------------


def _marked(text: str) -> list[str]:
    return [text[m.start : m.end] for m in find_quote_marks(text)]


def test_curly_and_straight_marks():
    assert _marked('She said "we will stay" and left. He said “we will go” too.') == [
        "we will stay",
        "we will go",
    ]


def test_apostrophes_do_not_open_or_close_quotes():
    text = "The rebels’ commander said “Shi’ite fighters don’t want the farmers' land,” and left."
    assert _marked(text) == ["Shi’ite fighters don’t want the farmers' land,"]


def test_nested_quotes_stay_inside_the_outer_quote():
    text = "“The sign said ‘keep out’ and the guards said “go home” to us,” the farmer recalled."
    assert _marked(text) == ["The sign said ‘keep out’ and the guards said “go home” to us,"]


def test_quote_continued_into_next_paragraph():
    text = "The mayor spoke first.\n“We rebuilt the bridge.\n“Then we rebuilt the school,” she said."
    marked = _marked(text)
    assert marked == ["We rebuilt the bridge.\n“Then we rebuilt the school,"]


@pytest.mark.parametrize("text", ['odd " mark here', "“never closed", "closed only”", '"" “” ”“ "'])
def test_odd_marks_never_raise(text, nlp):
    find_quote_marks(text)
    extract_quotes(nlp(text))


# --- direct quotes and speakers ------------------------------------------------------------------


def test_post_posed_speaker_resolves_to_fullest_name(nlp):
    text = (
        "Colonel Amina Diallo commands the northern brigade. "
        "“The road to the border is open again,” said Diallo on Monday."
    )
    q = _one(_direct(extract_quotes(nlp(text))), "road to the border")
    assert q.speaker is not None and q.speaker.name == "Amina Diallo"
    assert q.cue is not None and q.cue.text == "said"
    # the span is the mention next to the cue (the words that prove it); the fullest name is in ``name``
    assert text[q.speaker.start : q.speaker.end] == "Diallo"


def test_pronoun_speaker_and_continued_quote(nlp):
    text = (
        "Finance Minister Rafael Ortega defended the budget on Tuesday. "
        "“We cut spending where it hurt least,” he said. “Nobody will lose a pension.”"
    )
    quotes = _direct(extract_quotes(nlp(text)))
    first = _one(quotes, "cut spending")
    second = _one(quotes, "lose a pension")
    assert first.speaker is not None and first.speaker.name == "Rafael Ortega"
    assert second.speaker is not None and second.speaker.name == "Rafael Ortega"


def test_mixed_quote_gets_the_subject_as_speaker(nlp):
    text = "Governor Lena Marsh called the evacuation “a complete success” and said the shelters were full."
    quotes = extract_quotes(nlp(text))
    q = _one(_direct(quotes), "a complete success")
    assert q.speaker is not None and q.speaker.name == "Lena Marsh"


def test_bare_quote_paragraph_takes_previous_speaker(nlp):
    text = (
        "Police chief Tomas Brandt told reporters that the suspects had fled north:\n"
        "“They crossed the river at night. We found their boat the next morning.”"
    )
    q = _one(_direct(extract_quotes(nlp(text))), "crossed the river")
    assert q.speaker is not None and q.speaker.name == "Tomas Brandt"


def test_scare_quotes_without_speaker_are_not_quotes(nlp):
    text = "The so-called “peace tax” was dropped from the bill on Friday."
    assert _direct(extract_quotes(nlp(text))) == []


# --- indirect speech ----------------------------------------------------------------------------


def test_said_that_clause_is_indirect(nlp):
    text = "Interior Minister Karim Haddad said that the curfew would be lifted on Sunday."
    q = _one(extract_quotes(nlp(text)), "curfew would be lifted")
    assert q.direct is False
    assert q.cue is not None and q.cue.text == "said"
    assert q.speaker is not None and q.speaker.name == "Karim Haddad"
    assert "Karim Haddad" not in q.text


def test_according_to(nlp):
    text = "According to Defense Minister Olga Petrova, the troops will withdraw by March."
    q = _one(extract_quotes(nlp(text)), "troops will withdraw")
    assert q.direct is False
    assert q.cue is not None and q.cue.text.lower() == "according to"
    assert q.speaker is not None and q.speaker.name == "Olga Petrova"


def test_accused_of(nlp):
    text = "Senator Paul Whitfield accused the ministry of hiding the casualty figures."
    q = _one(extract_quotes(nlp(text)), "hiding the casualty figures")
    assert q.cue is not None and q.cue.text == "accused"
    assert q.speaker is not None and q.speaker.name == "Paul Whitfield"


def test_denied(nlp):
    text = "The army spokesman denied any role in the shelling of the market."
    q = _one(extract_quotes(nlp(text)), "role in the shelling")
    assert q.direct is False and q.cue is not None and q.cue.text == "denied"


# --- duplicates and the seed --------------------------------------------------------------------


def test_skip_ranges_drop_quotes_in_duplicated_paragraphs(nlp):
    para = "“The harbour is closed,” said port director Ana Silva.\n"
    text = para + para
    doc = nlp(text)
    assert len(_direct(extract_quotes(doc))) == 2
    kept = _direct(extract_quotes(doc, skip_ranges=[(len(para), len(text))]))
    assert len(kept) == 1 and kept[0].start < len(para)


def _seed_skip_ranges(text: str) -> list[tuple[int, int]]:
    seen: set[str] = set()
    ranges, pos = [], 0
    for line in text.split("\n"):
        if line.strip() in seen:
            ranges.append((pos, pos + len(line)))
        seen.add(line.strip())
        pos += len(line) + 1
    return ranges


def test_seed_report_bergner_quotes(nlp, seed_text):
    text = seed_text
    doc = nlp(text)
    quotes = _direct(extract_quotes(doc, skip_ranges=_seed_skip_ranges(text)))
    for fragment in ("It is a province", "a key source of support", "will press on"):
        q = _one(quotes, fragment)
        assert q.speaker is not None and q.speaker.name == "Kevin Bergner"
        span = speaker_head_span(doc, q)
        assert span is not None and span.text == "Kevin Bergner"
        assert doc.text[span.start_char - 24 : span.start_char].endswith("U.S. Major General ")
    assert len(quotes) == 3
    assert len(_direct(extract_quotes(doc))) == 6


def test_relative_pronoun_speaker_is_the_antecedent(nlp):
    text = "It was Senator Maria Lopez who said that the treaty would fail in the assembly."
    q = _one(extract_quotes(nlp(text)), "treaty would fail")
    assert q.speaker is not None and q.speaker.name == "Maria Lopez"


def test_transcript_label_is_the_speaker(nlp):
    text = "Interview transcript.\nOKAFOR: We said it before. The “quiet period” is over, and for good."
    q = _one(_direct(extract_quotes(nlp(text))), "quiet period")
    assert q.speaker is not None and q.speaker.text == "OKAFOR"
