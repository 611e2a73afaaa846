"""The classifier hook (``events/scoring.py``) keeps ``CodedEvent`` frozen while the model edits drafts."""

from __future__ import annotations

from dataclasses import replace

import pytest

from eventscope.events.coder import EventCoder
from eventscope.events.lexicon import load_lexicon
from eventscope.events.scoring import CLASSIFIER_RETYPE, score_events


class _EditingModel:
    """Drops events without a target, retypes every event to COERCE, sets a confidence; in place (as ``vet``)."""

    def vet(self, coded: list, favor: str = "precision") -> list:
        kept = []
        for item in coded:
            if favor == "precision" and item.actor2 is None:
                continue
            if item.entry.event_type != "COERCE":
                item.entry = replace(item.entry, event_type="COERCE")
            item.confidence = 0.42
            kept.append(item)
        return kept


class _ProbabilityModel:
    """A model without ``vet``: only P(no event) per trigger."""

    def type_probabilities(self, token) -> dict[str, float]:
        return {"NONE": 0.7 if token.lower_ == "protested" else 0.1}


@pytest.fixture(scope="module")
def coded(nlp, pipeline):
    doc = nlp("Russia attacked Ukrainian ports. Students protested.")
    return EventCoder(load_lexicon()).code(doc, pipeline.resolver.for_document(doc))


def test_model_edits_come_back_frozen_and_a_retype_is_named(coded) -> None:
    assert {e.entry.event_type for e in coded} == {"ASSAULT", "PROTEST"}
    scored = score_events(coded, _EditingModel())
    assert [(e.entry.event_type, e.confidence) for e in scored] == [("COERCE", 0.42)]
    assert scored[0].rules[-1] == CLASSIFIER_RETYPE and CLASSIFIER_RETYPE not in coded[0].rules
    assert coded[0].entry.event_type == "ASSAULT"  # the coder's event itself is untouched


def test_types_derived_by_coder_rules_are_not_retyped(nlp, pipeline) -> None:
    doc = nlp("Iraqi forces and Kurdish fighters attacked the town.")
    coded = EventCoder(load_lexicon()).code(doc, pipeline.resolver.for_document(doc))
    joint = [e for e in coded if "joint_deed" in e.rules]
    assert joint and joint[0].entry.event_type == "COOPERATE"
    scored = score_events(coded, _EditingModel())
    assert {e.entry.event_type for e in scored if "joint_deed" in e.rules} == {"COOPERATE"}
    assert {e.entry.event_type for e in scored if "each_pair" in e.rules} == {"COERCE"}


def test_model_without_vet_drops_one_actor_events_it_doubts(coded) -> None:
    scored = score_events(coded, _ProbabilityModel())
    assert [e.entry.event_type for e in scored] == ["ASSAULT"]
    assert scored[0].confidence <= 0.9
    assert len(score_events(coded, _ProbabilityModel(), favor="recall")) == 2
