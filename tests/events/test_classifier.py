"""The learned event model: artefact and version, API, senses, modality, calibration, veto, split hygiene."""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
from pathlib import Path

import pytest

from eventscope.evaluation.splits import split_of
from eventscope.events.classifier import (
    ARTEFACT_NAME,
    ARTEFACT_VERSION,
    NONE_LABEL,
    VECTORS_NAME,
    EventClassifier,
    Judgement,
    candidate_tokens,
    model_dir,
)
from eventscope.events.lexicon import load_lexicon
from stand_ins import coded_stand_in, token_named

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared" / "data"


@pytest.fixture(scope="module")
def nlp():
    from eventscope.pipeline import Pipeline

    return Pipeline().nlp


@pytest.fixture(scope="module")
def classifier() -> EventClassifier:
    return EventClassifier.load()


def _token(nlp, text: str, word: str):
    return token_named(nlp(text), word)


# -- artefact -----------------------------------------------------------------------------------------


def test_artefact_is_small_versioned_and_trained_on_tune_only():
    files = [
        model_dir() / f"{ARTEFACT_NAME}.npz",
        model_dir() / f"{ARTEFACT_NAME}.json",
        model_dir() / f"{VECTORS_NAME}.npz",
    ]
    assert sum(p.stat().st_size for p in files) < 10_000_000
    card = json.loads(files[1].read_text(encoding="utf-8"))
    assert card["version"] == ARTEFACT_VERSION
    assert card["training_data"]["split"] == "tune"
    assert card["training_data"]["sizes"]["type examples"] > 1000


def test_a_stale_artefact_refuses_to_load(tmp_path):
    for name in (f"{ARTEFACT_NAME}.npz", f"{VECTORS_NAME}.npz"):
        shutil.copy(model_dir() / name, tmp_path / name)
    card = json.loads((model_dir() / f"{ARTEFACT_NAME}.json").read_text(encoding="utf-8"))
    card["version"] = "1.0"
    (tmp_path / f"{ARTEFACT_NAME}.json").write_text(json.dumps(card), encoding="utf-8")
    with pytest.raises(ValueError, match="make train"):
        EventClassifier.from_dir(tmp_path)


# -- type head ----------------------------------------------------------------------------------------


def test_classify_returns_plover_types_or_none(nlp, classifier):
    doc = nlp("Russian forces shelled the town while officials met in Geneva and protesters marched.")
    tokens = candidate_tokens(doc, load_lexicon())
    assert tokens
    for token in tokens:
        label, probability = classifier.classify(token)
        assert label is None or (label in classifier.classes and label != NONE_LABEL)
        assert 0.0 <= probability <= 1.0
        probabilities = classifier.type_probabilities(token)
        assert abs(sum(probabilities.values()) - 1.0) < 1e-4
        assert set(probabilities) == set(classifier.classes)


def test_types_are_the_plover_sixteen(classifier):
    assert len(set(classifier.classes) - {NONE_LABEL}) == 16


def test_distinguishes_senses(nlp, classifier):
    rebels = classifier.type_probabilities(_token(nlp, "Insurgents attacked a military convoy on Friday.", "attacked"))
    assert max(rebels, key=rebels.get) == "ASSAULT"
    match = classifier.type_probabilities(_token(nlp, "Chelsea beat Liverpool 2-1 at Anfield.", "beat"))
    assert match["ASSAULT"] < rebels["ASSAULT"]
    criticism = classifier.classify(_token(nlp, "The senator attacked the proposal on television.", "attacked"))
    assert criticism[0] != "ASSAULT"
    quake = classifier.classify(_token(nlp, "A powerful earthquake struck the coastal town.", "struck"))
    assert quake[0] is None


def test_types_in_context(nlp, classifier):
    shelling = _token(nlp, "Artillery units bombarded the city overnight.", "bombarded")
    assert classifier.classify(shelling)[0] == "ASSAULT"
    assert (
        classifier.classify(_token(nlp, "Security forces detained dozens of students in Dhaka.", "detained"))[0]
        == "COERCE"
    )
    assert classifier.classify(_token(nlp, "The government said the economy grew.", "grew"))[0] is None


# -- judgement: modality, calibration, veto -----------------------------------------------------------


def test_judge_gives_a_complete_judgement(nlp, classifier):
    token = _token(nlp, "Soldiers raided a village near the border.", "raided")
    judgement = classifier.judge(token.sent, token)
    assert isinstance(judgement, Judgement)
    assert judgement.is_event and judgement.event_type in classifier.classes
    assert abs(sum(judgement.modality_probs.values()) - 1.0) < 1e-4
    assert judgement.modality in judgement.modality_probs
    assert 0.0 <= judgement.confidence <= 1.0


def test_modality_reads_the_clause(nlp, classifier):
    asserted = classifier.modality_probabilities(_token(nlp, "The army shelled the rebel positions.", "shelled"))
    future = classifier.modality_probabilities(_token(nlp, "The two presidents will meet in Vienna.", "meet"))
    negated = classifier.modality_probabilities(_token(nlp, "The police did not arrest the organisers.", "arrest"))
    assert max(asserted, key=asserted.get) == "asserted"
    assert future["future"] > asserted["future"]
    assert negated["negated"] > asserted["negated"]


def test_confidence_is_higher_when_syntax_and_model_agree(nlp, classifier):
    token = _token(nlp, "Rebel fighters attacked an army post near Kidal.", "attacked")
    probabilities = classifier.judge(token.sent, token).type_probs
    two = classifier.calibrated(probabilities, "ASSAULT", actors=2)
    wrong_type = classifier.calibrated(probabilities, "AID", actors=2)
    assert two > wrong_type


def test_vet_drops_one_actor_non_events_but_keeps_dyads(nlp, classifier):
    text = "A powerful earthquake struck the coastal town."
    probabilities = classifier.type_probabilities(_token(nlp, text, "struck"))
    assert probabilities[NONE_LABEL] >= 0.5  # the model reads no event here ...
    assert classifier.vet([coded_stand_in(nlp, text, "struck", actors=1)]) == []  # ... so a one-actor event is vetoed
    kept = classifier.vet([coded_stand_in(nlp, text, "struck", actors=2)])
    assert len(kept) == 1 and 0.0 <= kept[0].confidence <= 1.0
    assert len(classifier.vet([coded_stand_in(nlp, text, "struck", actors=1)], favor="recall")) == 1


def test_vet_sets_a_calibrated_confidence(nlp, classifier):
    item = coded_stand_in(nlp, "Government troops attacked a rebel camp in the hills.", "attacked", actors=2)
    kept = classifier.vet([item])
    assert kept and kept[0].confidence != 0.95
    assert kept[0].confidence == round(
        classifier.calibrated(
            classifier.type_probabilities(item.trigger),
            kept[0].entry.event_type,
            2,
            sentence_probs=classifier.sentence_probabilities(item.sentence),
        ),
        3,
    )


def test_sentence_head_reads_what_the_whole_sentence_reports(nlp, classifier):
    shelling = classifier.sentence_probabilities(nlp("Army artillery shelled the rebel-held village overnight."))
    assert max(shelling, key=shelling.get) == "ASSAULT"
    talks = classifier.sentence_probabilities(nlp("The two foreign ministers held talks in Vienna on Monday."))
    assert max(talks, key=talks.get) == "CONSULT"
    assert set(shelling) == set(classifier.classes)  # the PLOVER types and NONE


def test_fallback_candidate_is_a_word_of_the_sentence_heads_type(nlp, classifier):
    sentence = next(nlp("The opposition party filed a lawsuit against the election commission.").sents)
    token, event_type, probabilities, sentence_probs = classifier.fallback_candidate(sentence)
    assert event_type == max((c for c in sentence_probs if c != NONE_LABEL), key=sentence_probs.get)
    assert token.sent == sentence and token.lemma_ not in ("say", "tell")
    assert probabilities[event_type] == max(
        classifier.type_probabilities(t)[event_type] for t in candidate_tokens(sentence, load_lexicon())
    )
    assert classifier.entry_for(token, event_type).event_type == event_type


# -- training hygiene ---------------------------------------------------------------------------------


def _training_module():
    spec = importlib.util.spec_from_file_location(
        "train_event_classifier", REPO / "scripts" / "train_event_classifier.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_training_rows_come_from_the_tune_split_only():
    train = _training_module()
    plover = train.plover_dev_rows("tune")
    assert plover and all(split_of(row["id"], "plover_dev") == "tune" for row in plover)
    assert not {row["id"] for row in plover} & {row["id"] for row in train.plover_dev_rows("report")}
    if (SHARED / "plv-train").exists():
        plv = train.plv_rows("tune")
        assert plv and all(split_of(row["sentence_id"], "plv") == "tune" for row in plv)


def test_plv_markup_gives_source_and_target_spans():
    train = _training_module()
    row = {"marked_sentence": "<s>The rebels</s> freed <t>two hostages</t> on Monday."}
    text, source, target = train.plv_spans(row)
    assert text == "The rebels freed two hostages on Monday."
    assert text[source[0] : source[1]] == "The rebels" and text[target[0] : target[1]] == "two hostages"


def test_artefact_writer_is_byte_identical(tmp_path):
    import numpy as np

    train = _training_module()
    arrays = {"b": np.arange(5, dtype=np.float32), "a": np.array(["x", "yy"])}
    train.write_npz(tmp_path / "one.npz", arrays)
    train.write_npz(tmp_path / "two.npz", dict(reversed(arrays.items())))
    assert (tmp_path / "one.npz").read_bytes() == (tmp_path / "two.npz").read_bytes()


def test_the_model_codes_no_event_on_a_reporting_verb(nlp, classifier):
    from eventscope.events.classifier import fallback_trigger

    doc = nlp("The minister said the talks would resume in Geneva.")
    lexicon = load_lexicon()
    assert not fallback_trigger(_token(nlp, doc.text, "said"), lexicon)
    assert fallback_trigger(_token(nlp, doc.text, "resume"), lexicon)
    policy = classifier.card["policy"]
    assert 0.0 < policy.get("fallback_confidence_max", 0.5) <= 1.0


@pytest.mark.parametrize(
    ("text", "word", "open_to_the_model"),
    [
        ("Some members of the society belonged to the first group of supporters.", "belonged", False),
        ("The group was founded by a cleric in 2004.", "founded", False),
        ("The book, also transliterated as Kitab al-Hikma, is one of two holy texts.", "transliterated", False),
        ("The militia, known as the Northern Brigade, holds the valley.", "known", False),
        ("The minister said the talks had failed.", "said", False),  # the reported clause holds the event
        ("The minister expelled the ambassador.", "expelled", True),
    ],
)
def test_the_model_codes_no_event_of_its_own_on_a_verb_of_being_or_saying(nlp, text, word, open_to_the_model):
    from eventscope.events.classifier import fallback_trigger

    token = next(t for t in nlp(text) if t.text == word)
    assert fallback_trigger(token, load_lexicon()) is open_to_the_model
