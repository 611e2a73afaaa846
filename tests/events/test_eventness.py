"""The eventness filter: features of a finished event, the shipped logistic map, and its use in precision mode."""

from __future__ import annotations

import json

import pytest

from eventscope.events.eventness import (
    ARTEFACT,
    EventnessModel,
    Head,
    eventness_features,
    kept_as_dyad,
    load_eventness,
    trigger_vector,
)
from eventscope.records import Actor, Event, SentenceSpan, TextSpan
from stand_ins import event_stand_in

TEXT = 'Troops shelled the village. "We will talk to them," he said.'


def _event(**changes) -> Event:
    base = {
        "actor1": Actor(0, 6, "Troops", None, "RUR", "MIL"),
        "trigger": TextSpan(7, 14, "shelled"),
        "confidence": 0.8,
    }
    return event_stand_in(**(base | changes))


def test_features_say_what_kind_of_party_each_side_is():
    features = eventness_features(_event(), TEXT)
    assert features["actor1_state"] == features["actor1_country"] == 1.0
    assert features["actor2_none"] == 1.0
    assert features["type=ASSAULT"] == 1.0
    assert "quoted" not in features and "not_asserted" not in features

    thing = Actor(15, 26, "the village", None, None, None, party=False)
    assert eventness_features(_event(actor2=thing), TEXT)["actor2_thing"] == 1.0
    inferred = Actor(0, 6, "Troops", None, "RUR", "MIL", country_inferred=True)
    assert "actor1_country" not in eventness_features(_event(actor1=inferred), TEXT)


def test_features_read_the_quotation_and_the_flags():
    pronoun = Actor(47, 49, "he", None, None, None)
    quoted = _event(
        event_type="CONSULT",
        actor1=pronoun,
        sentence=SentenceSpan(28, len(TEXT)),
        trigger=TextSpan(37, 41, "talk"),
        modality="future",
    )
    features = eventness_features(quoted, TEXT)
    assert features["quoted"] == features["not_asserted"] == features["actor1_pronoun"] == 1.0
    assert features["actor1_no_sector"] == 1.0


LONG_TEXT = (
    "Rebels shelled the town on Monday. Officials met. Aid arrived. Roads closed. "
    "Will we ever talk to them? Troops raided the camp."
)


def test_features_say_where_and_how_the_event_is_told():
    lead = eventness_features(_event(sentence=SentenceSpan(0, 34), trigger=TextSpan(7, 14, "shelled")), LONG_TEXT)
    assert lead["lead"] == 1.0 and "later" not in lead
    assert "question" not in lead and "first_person" not in lead  # a plain report in the third person
    assert lead["long"] == 6 / 30
    assert "v0" in lead and len([k for k in lead if k.startswith("v") and k[1:].isdigit()]) == 64
    asked = _event(
        event_type="CONSULT",
        sentence=SentenceSpan(77, 103),
        trigger=TextSpan(90, 94, "talk"),
        rules=("trigger_word", "classifier_fallback", "suffered_casualty"),
        date_source="text",
    )
    features = eventness_features(asked, LONG_TEXT)
    assert features["question"] == features["first_person"] == features["later"] == 1.0
    assert features["rule_fallback"] == features["rule_conflict"] == features["dated"] == 1.0
    assert "lead" not in features and "rule_retype" not in features  # rules outside the groups weigh nothing


def test_an_unknown_trigger_word_has_no_vector():
    features = eventness_features(_event(trigger=TextSpan(7, 14, "xqzzvbw")), TEXT)
    assert not any(k.startswith("v") and k[1:].isdigit() for k in features)
    assert trigger_vector("shelled") is not None and trigger_vector("shelled").shape == (64,)


def _model(weights: dict[str, float], threshold: float = 0.5, right: Head | None = None) -> EventnessModel:
    return EventnessModel(Head(weights, 0.0), right or Head(weights, 0.0), threshold, card={})


def test_probability_follows_the_weights():
    model = _model({"confidence": 1.0, "actor2_thing": -2.0})
    sure, unsure = _event(confidence=0.9), _event(confidence=0.2)
    assert model.probability(sure, TEXT) > 0.5 > model.probability(unsure, TEXT)
    thing = Actor(15, 26, "the village", None, None, None, party=False)
    assert model.probability(_event(confidence=0.9, actor2=thing), TEXT) < model.probability(sure, TEXT)


def test_shipped_model_is_fitted_on_tune_sheets_only_and_rejects_another_version(tmp_path):
    model = load_eventness()
    assert 0.0 < model.threshold < 1.0
    assert model.card["trained_on"] and all("tune" in name for name in model.card["trained_on"])
    assert model.card["cross_validated"]["auc"] > 0.6
    right = json.loads(ARTEFACT.read_text(encoding="utf-8"))["right"]["cross_validated"]
    assert right["auc"] > 0.6
    # calibrated out of fold: in each band with enough events the share right is near the mean confidence
    for band in right["reliability"].values():
        if band["n"] >= 50:
            assert abs(band["right"] - band["mean_confidence"]) < 0.1
    data = json.loads(ARTEFACT.read_text(encoding="utf-8"))
    data["version"] = -1
    stale = tmp_path / "eventness.json"
    stale.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="make train-eventness"):
        EventnessModel.from_file(stale)


STRIKE = "Thousands of workers went on strike in the capital."
BRIEFING = "The police chief briefed the mayor on the fighting."
SHELLING = "Government troops shelled the rebels of the Ruritanian Liberation Front on Monday."
PROMISE = "The mayor made a promise to the governor at the dinner."


def _with_model(pipeline_with, **settings):
    """A pipeline whose eventness model finds every PROTEST, CONSULT, AGREE and ASSAULT unlikely (threshold 0.5)."""
    borrowed = pipeline_with(**settings)
    unlikely = {f"type={kind}": -10.0 for kind in ("PROTEST", "CONSULT", "AGREE", "ASSAULT")}
    borrowed.eventness = _model(unlikely)
    return borrowed


def _types(pipeline, text):
    return {e.event_type for e in pipeline.annotate_text(text, date="2024-05-10").events}


def test_precision_mode_leaves_out_unlikely_events_but_keeps_deeds_between_parties(pipeline_with):
    filtered = _with_model(pipeline_with)
    assert "PROTEST" not in _types(filtered, STRIKE)
    assert "ASSAULT" in _types(filtered, SHELLING)  # two parties: the syntax found the dyad, the deed stays
    assert "PROTEST" in _types(_with_model(pipeline_with, min_eventness=0.0), STRIKE)
    assert "PROTEST" in _types(_with_model(pipeline_with, favor="recall"), STRIKE)


def test_a_speech_act_between_two_parties_is_judged_by_its_eventness(pipeline_with):
    """A verbal event names a speaker and an addressee whether or not anything was done: no dyad keeps it."""
    filtered = _with_model(pipeline_with)
    assert "CONSULT" in _types(_with_model(pipeline_with, min_eventness=0.0), BRIEFING)
    assert "CONSULT" not in _types(filtered, BRIEFING)
    assert "AGREE" in _types(_with_model(pipeline_with, min_eventness=0.0), PROMISE)
    assert "AGREE" not in _types(filtered, PROMISE)


def test_kept_as_dyad_holds_for_deeds_between_parties_only():
    rebels = Actor(19, 29, "the rebels", None, "RUR", "REB")
    mayor = Actor(19, 28, "the mayor", None, "RUR", "GOV")
    assert kept_as_dyad(_event(actor2=rebels))
    assert not kept_as_dyad(_event(event_type="CONSULT", actor2=mayor))
    assert not kept_as_dyad(_event(event_type="ACCUSE", actor2=mayor))
    assert not kept_as_dyad(_event())  # one side only


def test_the_shipped_model_keeps_a_deadly_assault_on_named_rebels(pipeline):
    assault = "Government troops killed twelve rebels of the Ruritanian Liberation Front in an attack on Monday."
    assert "ASSAULT" in _types(pipeline, assault)


def test_shipped_model_was_fitted_on_the_shipped_event_model():
    """It reads the event model's confidence: after `make train` it must be refitted (the Makefile does both)."""
    import hashlib

    npz = ARTEFACT.parent / "event_classifier.npz"
    assert load_eventness().card["event_model"] == hashlib.sha256(npz.read_bytes()).hexdigest()
    vectors = ARTEFACT.parent / "static_vectors.npz"  # the trigger's word vector is one of its features
    assert load_eventness().card["vectors"] == hashlib.sha256(vectors.read_bytes()).hexdigest()


def test_news_confidence_replaces_the_confidence_and_keeps_the_model_s():
    """The record's confidence is the right head's probability; the event model's own number is kept, and the
    features keep reading it, so judging a finished record again gives the same answer."""
    model = _model({"confidence": 1.0}, right=Head({"confidence": -1.0, "type=ASSAULT": 0.5}, 0.0))
    event = _event(confidence=0.8)
    told = model.news_confidence(event, TEXT)
    assert told.model_confidence == 0.8
    assert told.confidence == round(model.probability_right(event, TEXT), 3) != 0.8
    assert eventness_features(told, TEXT) == eventness_features(event, TEXT)
    assert model.news_confidence(told, TEXT) is told  # set once


def test_the_right_head_sets_every_record_s_confidence_in_either_mode(pipeline_with):
    """Both modes and an unfiltered run give records whose confidence is the right head's (here 1 / (1 + e))."""
    for settings in ({}, {"favor": "recall"}, {"min_eventness": 0.0}):
        borrowed = pipeline_with(**settings)
        borrowed.eventness = EventnessModel(Head({}, 5.0), Head({}, -1.0), 0.5, card={})
        events = borrowed.annotate_text(SHELLING, date="2024-05-10").events
        assert events and all(e.confidence == 0.269 and e.model_confidence is not None for e in events)


def test_untrained_model_keeps_all_and_says_nothing():
    model = EventnessModel.untrained()
    assert model.probability(_event(), TEXT) == model.probability_right(_event(), TEXT) == 0.5
    assert model.threshold == 0.0
