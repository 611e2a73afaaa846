"""The learned event classifier: artefact, API, senses, held-out quality, train/test hygiene."""

from __future__ import annotations

import importlib.util
import json
import time
from pathlib import Path

import pytest

from eventscope.events.classifier import NONE_LABEL, EventClassifier, candidate_tokens, model_dir
from eventscope.events.lexicon import load_lexicon
from eventscope.events.ontology import load_ontology

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "data" / "plover_dev" / "sentences.jsonl"
HELD_OUT_MACRO_F1_FLOOR = 0.55
"""Classifier alone on the test split's candidate triggers measured macro-F1 0.602 (micro 0.613) when
trained; the lexicon-only baseline is 0.576.  The floor sits a little under the measurement."""


@pytest.fixture(scope="module")
def nlp():
    from eventscope.pipeline import Pipeline

    return Pipeline().nlp


@pytest.fixture(scope="module")
def classifier() -> EventClassifier:
    return EventClassifier.load()


def _token(nlp, text: str, word: str):
    return next(t for t in nlp(text) if t.text == word)


def test_artefact_is_small_and_loads_fast():
    size = sum(p.stat().st_size for p in model_dir().glob("event_classifier.*"))
    assert size < 8_000_000
    started = time.perf_counter()
    model = EventClassifier.from_dir(model_dir())
    assert time.perf_counter() - started < 1.0
    assert NONE_LABEL in model.classes
    card = json.loads((model_dir() / "event_classifier.json").read_text(encoding="utf-8"))
    assert card["training_data"]["split"] == "train" and len(card["training_data"]["sha256"]) == 64


def test_classify_returns_valid_plover_types(nlp, classifier):
    valid = set(load_ontology().types) if hasattr(load_ontology(), "types") else None
    doc = nlp("Russian forces shelled the town while officials met in Geneva and protesters marched.")
    for token in candidate_tokens(doc, load_lexicon()):
        label, probability = classifier.classify(token)
        assert label is None or label in classifier.classes
        assert label != NONE_LABEL
        assert 0.0 <= probability <= 1.0
        if valid is not None and label is not None:
            assert label in valid
        probabilities = classifier.type_probabilities(token)
        assert abs(sum(probabilities.values()) - 1.0) < 1e-4
        assert set(probabilities) == set(classifier.classes)


def test_types_are_the_plover_sixteen(classifier):
    assert len(set(classifier.classes) - {NONE_LABEL}) == 16


def test_distinguishes_senses(nlp, classifier):
    rebels = classifier.type_probabilities(_token(nlp, "Rebels attacked the army base.", "attacked"))
    striker = classifier.type_probabilities(_token(nlp, "The striker attacked the goal.", "attacked"))
    assert max(rebels, key=rebels.get) == "ASSAULT"
    assert rebels["ASSAULT"] > striker["ASSAULT"]
    lightning = classifier.classify(_token(nlp, "Lightning strikes killed 12 people.", "strikes"))
    assert lightning[0] is None


def test_types_in_context(nlp, classifier):
    assert classifier.classify(_token(nlp, "Russian forces bombarded the town overnight.", "bombarded"))[0] == "ASSAULT"
    assert classifier.classify(_token(nlp, "Police detained dozens of protesters in Tbilisi.", "detained"))[0] \
        == "COERCE"
    assert classifier.classify(_token(nlp, "The government said the economy grew.", "grew"))[0] is None


def test_candidate_speed(nlp, classifier):
    doc = nlp("Russian forces shelled the town on Tuesday, and Ukraine said it would retaliate against Moscow.")
    tokens = candidate_tokens(doc, load_lexicon())
    started = time.perf_counter()
    for _ in range(50):
        for token in tokens:
            classifier.classify(token)
    per_candidate = (time.perf_counter() - started) / (50 * len(tokens))
    assert per_candidate < 0.001  # measured ~0.05 ms; generous for slow CI machines


def test_held_out_macro_f1_above_floor(nlp, classifier):
    from eventscope.evaluation.plover import evaluate_classifier

    result = evaluate_classifier(DATA, "test", classifier=classifier, nlp=nlp)
    assert result["sentences"] > 100
    assert result["macro"]["f1"] >= HELD_OUT_MACRO_F1_FLOOR


def _training_module():
    spec = importlib.util.spec_from_file_location("train_event_classifier",
                                                  REPO / "scripts" / "train_event_classifier.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_example_builder_never_uses_test_sentences(nlp):
    train = _training_module()
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    test_ids = {row["id"] for row in rows if row["split"] == "test"}
    assert test_ids
    examples = train.build_examples(rows, nlp, load_lexicon())
    used = {sentence for sentence, _, _ in examples}
    assert used and not used & test_ids
    test_only = [row for row in rows if row["split"] == "test"]
    assert train.build_examples(test_only, nlp, load_lexicon()) == []
