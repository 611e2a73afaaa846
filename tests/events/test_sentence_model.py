"""The accurate mode: its sentence head replaces the static one's reading, a missing model is a clear error,
and (where torch and the trained model are present) the fine-tuned transformer reads sentence types."""

from __future__ import annotations

import json
import os

import pytest

from eventscope.events.classifier import NONE_LABEL, EventClassifier
from eventscope.events.sentence_model import (
    ARTEFACT_VERSION,
    CARD_NAME,
    AccurateModeUnavailable,
    SentenceTypeModel,
    default_model_dir,
)
from eventscope.settings import Settings
from stand_ins import coded_stand_in


@pytest.fixture(scope="module")
def nlp():
    from eventscope.pipeline import Pipeline

    return Pipeline().nlp


def _fixed_reading(event_type: str, classes: list[str]):
    """A sentence reader sure of one type, to show which head the classifier listens to."""
    return lambda sentence: {label: (0.96 if label == event_type else 0.0025) for label in classes}


def test_a_sentence_reader_replaces_the_static_heads_reading_and_leaves_the_shipped_model_alone(nlp):
    shipped = EventClassifier.load()
    sentence = next(nlp("The two foreign ministers held talks in Vienna on Monday.").sents)
    static = shipped.sentence_probabilities(sentence)
    assert max(static, key=static.get) == "CONSULT"
    accurate = shipped.with_sentence_reader(_fixed_reading("SANCTION", shipped.sentence_classes))
    read = accurate.sentence_probabilities(sentence)
    assert max(read, key=read.get) == "SANCTION"
    assert shipped.sentence_probabilities(sentence) == static  # the process-wide instance is unchanged
    assert EventClassifier.load() is shipped and shipped.sentence_reader is None


def test_the_reader_drives_the_fallback_event(nlp):
    shipped = EventClassifier.load()
    sentence = next(nlp("The opposition party filed a lawsuit against the election commission.").sents)
    accurate = shipped.with_sentence_reader(_fixed_reading("PROTEST", shipped.sentence_classes))
    found = accurate.fallback_candidate(sentence)
    assert found is not None and found[1] == "PROTEST"
    assert shipped.fallback_candidate(sentence)[1] != "PROTEST"


def test_the_accurate_policy_lets_a_sure_sentence_reading_retype_an_event(nlp):
    """The fast policy never retypes to the sentence head; with the accurate policy (retype at >= 0.5) the event
    whose trigger is likeliest to evoke the sentence's type takes it, and its confidence is recomputed."""
    shipped = EventClassifier.load()
    text = "The foreign ministry summoned the ambassador over the border incident."
    sure_reject = _fixed_reading("REJECT", shipped.sentence_classes)
    without_retype = shipped.with_sentence_reader(sure_reject)
    kept = without_retype.vet([coded_stand_in(nlp, text, "summoned", actors=2)])
    assert kept and kept[0].entry.event_type != "REJECT"
    retyping = shipped.with_sentence_reader(sure_reject, {"sentence_retype_min": 0.5})
    assert shipped.sentence_retype_min > 1.0 and retyping.sentence_retype_min == 0.5
    kept = retyping.vet([coded_stand_in(nlp, text, "summoned", actors=2)])
    assert kept and kept[0].entry.event_type == "REJECT"
    with pytest.raises(ValueError, match="unknown"):
        shipped.with_sentence_reader(sure_reject, {"override_min": 0.1})


def test_a_sure_reading_codes_no_event_on_a_dash(nlp):
    """A photo credit's dash, which the parser tags as a verb, is no trigger even when the sentence reader is sure
    (the accurate mode's transformer read "― Krystal Correa" as a PROTEST)."""
    shipped = EventClassifier.load()
    doc = nlp("Protesters marched through the city.\n\n― Krystal Correa")
    credit = list(doc.sents)[-1]
    assert any(t.text == "―" and t.pos_ == "VERB" for t in credit)
    sure = shipped.with_sentence_reader(_fixed_reading("PROTEST", shipped.sentence_classes))
    assert sure.fallback_candidate(credit) is None


def test_a_missing_model_says_what_to_run(tmp_path):
    with pytest.raises(AccurateModeUnavailable, match="make train-accurate"):
        SentenceTypeModel(tmp_path)


def test_a_stale_model_refuses_to_load(tmp_path):
    (tmp_path / CARD_NAME).write_text(json.dumps({"version": "0", "classes": ["NONE"]}), encoding="utf-8")
    with pytest.raises(AccurateModeUnavailable, match="does not match"):
        SentenceTypeModel(tmp_path)


def test_the_model_folder_lives_in_the_eventscope_cache(monkeypatch, tmp_path):
    monkeypatch.setenv("EVENTSCOPE_CACHE", str(tmp_path))
    assert default_model_dir() == tmp_path / "models" / f"sentence-minilm-v{ARTEFACT_VERSION}"


def test_event_model_is_fast_or_accurate():
    assert Settings().event_model == "fast"
    assert Settings(event_model="accurate").event_model == "accurate"
    with pytest.raises(ValueError, match="event_model"):
        Settings(event_model="slow")


def _trained_model() -> SentenceTypeModel:
    """The model `make test` trains (`make train-accurate`); CI must have it, a bare checkout may not."""
    try:
        return SentenceTypeModel()
    except AccurateModeUnavailable as exc:
        if os.environ.get("CI"):
            raise
        pytest.skip(str(exc))


@pytest.mark.slow
def test_the_trained_model_reads_sentence_types(nlp):
    model = _trained_model()
    assert model.classes == EventClassifier.load().sentence_classes
    rows = model.probabilities(
        [
            "Army artillery shelled the rebel-held village overnight, killing four civilians.",
            "Thousands of workers marched through the capital demanding higher wages.",
            "The two foreign ministers held talks in Vienna on Monday.",
        ]
    )
    assert rows.shape == (3, len(model.classes))
    assert [model.classes[i] for i in rows.argmax(axis=1)] == ["ASSAULT", "PROTEST", "CONSULT"]
    doc = nlp("Soldiers opened fire on the convoy. The weather was mild.")
    first, second = list(doc.sents)
    assert model.reading(first)["ASSAULT"] > model.reading(second)["ASSAULT"]
    assert sum(model.reading(second).values()) == pytest.approx(1.0, abs=1e-4)
    assert set(model.reading(second)) == set(model.classes) and NONE_LABEL in model.classes


@pytest.mark.slow
def test_the_accurate_pipeline_codes_with_the_transformers_reading():
    _trained_model()
    from eventscope.pipeline import Pipeline

    pipeline = Pipeline(Settings(event_model="accurate"))
    assert pipeline.classifier.sentence_reader is not None
    record = pipeline.annotate_text("Rebels attacked an army post near the border on Tuesday, killing two soldiers.")
    assert any(event.event_type == "ASSAULT" for event in record.events)
