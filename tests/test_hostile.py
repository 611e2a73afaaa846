"""Hostile input through the whole pipeline: nothing stalls, nothing is lost, foreign text is not coded."""

import json
from dataclasses import replace

import pytest

from eventscope.evaluation.badinput import FOREIGN, check_output, generate, long_sentence
from eventscope.ingest.readers import make_document
from eventscope.nlp.language import identify

HEADLINES = (
    "Mali junta bans political parties",
    "Kenya police arrest 40 in Nairobi fuel protest",
    "Ghana, Togo ministers meet in Accra",
    "Putin, Xi hold talks in Beijing",
    "Boko Haram kills 30 in Borno raid",
    "Taliban seize Kunduz",
    "Hamas, Fatah agree unity deal in Cairo",
    "Duterte vows to end drug war",
    "Modi, Sharif to meet at SCO summit in Astana",
)
ENGLISH = (
    "Government forces shelled rebel positions outside the northern town on Friday, residents said, in the "
    "heaviest fighting since a ceasefire collapsed last month.",
    "Ouattara met Gbagbo's envoys in Abidjan and Yamoussoukro, the presidency said on Tuesday.",
)
MORE_FOREIGN = {
    "it": "I ribelli hanno attaccato una base militare vicino a Kidal martedì, uccidendo tre soldati, "
    "hanno detto i funzionari locali.",
    "nl": "Rebellen hebben dinsdag een legerbasis bij Kidal aangevallen en drie soldaten gedood, zeiden "
    "lokale functionarissen.",
}


@pytest.mark.parametrize("text", HEADLINES + ENGLISH)
def test_english_headlines_and_reports_are_english(text):
    assert identify(text) == "en"


@pytest.mark.parametrize(("code", "text"), sorted({**FOREIGN, **MORE_FOREIGN}.items()))
def test_other_languages_are_identified(code, text):
    assert identify(text) == code


def test_very_short_foreign_text_defaults_to_english():
    assert identify("Attaque près de Kidal") == "en"


def test_foreign_document_gets_its_language_and_e108_and_is_not_coded(pipeline):
    record = pipeline.annotate_text(FOREIGN["fr"])
    assert record.language == "fr" and record.events == ()
    assert record.error.startswith("[E108] language fr not supported")
    english = pipeline.annotate_text("Rebels attacked an army base near Kidal on Tuesday.", date="2024-03-12")
    assert english.language == "en" and english.error is None and english.events


def test_long_sentence_is_split_with_a_warning_and_spans_stay_true(pipeline):
    text = long_sentence(3500, seed=5)
    record = pipeline.annotate_text(text, date="2024-03-12")
    limit = pipeline.settings.max_sentence_chars
    assert record.error is None
    assert any("overlong sentence" in w for w in record.warnings)
    assert record.events, "a run-on sentence still yields its events"
    for event in record.events:
        assert event.sentence.end - event.sentence.start <= limit
        assert record.text[event.trigger.start : event.trigger.end] == event.trigger.text


def test_short_sentences_carry_no_warning(pipeline):
    record = pipeline.annotate_text("Police arrested two men in Gao. Troops left Kidal on Friday.")
    assert record.warnings == ()


def test_a_long_repeated_paragraph_is_blanked_not_split(pipeline):
    paragraph = " ".join(
        f"Troops entered the town of {place} on Monday, officials said."
        for place in ("Gao", "Kidal", "Mopti", "Segou", "Kayes", "Sikasso") * 3
    )
    assert len(paragraph) > pipeline.settings.max_sentence_chars
    record = pipeline.annotate_text(f"{paragraph}\nThe army confirmed it.\n{paragraph}")
    assert record.paragraphs[2].duplicate_of == 0
    assert record.warnings == ()


def test_document_over_its_time_budget_becomes_an_error_record_and_the_batch_goes_on(pipeline, monkeypatch):
    sources = [
        make_document("Rebels attacked an army base near Kidal on Tuesday.", doc_id="slow"),
        make_document("", doc_id="empty"),
        make_document("Police arrested two men in Gao on Monday.", doc_id="also-slow"),
    ]
    monkeypatch.setattr(pipeline, "settings", replace(pipeline.settings, time_budget=1e-9))
    records = list(pipeline.annotate(iter(sources)))
    assert [r.doc_id for r in records] == ["slow", "empty", "also-slow"]
    assert [r.error[:6] for r in records] == ["[E201]", "[E101]", "[E201]"]
    monkeypatch.setattr(pipeline, "settings", replace(pipeline.settings, time_budget=0.0))
    records = list(pipeline.annotate(iter(sources[:1])))
    assert records[0].error is None and records[0].events


@pytest.mark.slow
def test_reduced_bad_input_corpus_completes_with_a_record_for_every_input(tmp_path, pipeline):
    from eventscope.runner import CodeRun

    corpus = tmp_path / "corpus"
    generate(corpus, reduced=True)
    output = tmp_path / "coded.jsonl"
    summary = CodeRun(pipeline.settings, output=str(output), pipeline=pipeline).run([str(corpus)])
    records = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert check_output(corpus, records) == []
    assert summary.documents == len(records)
    assert summary.failed == sum(1 for r in records if r["error"])
    languages = {r["language"] for r in records if r["error"] and r["error"].startswith("[E108]")}
    assert languages == set(FOREIGN)
