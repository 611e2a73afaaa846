"""The learned model vets the coder's events (moved out of ``Pipeline._score``).

``CodedEvent`` is frozen, while ``EventClassifier.vet`` (owned with the model) edits the events it is given in
place; the classifier therefore works on mutable drafts, and frozen events come back.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from eventscope.events.classifier import NO_EVENT_THRESHOLD  # the model's own "no event" line, for the fallback
from eventscope.events.coded import CodedEvent

DERIVED_TYPES = frozenset(
    {"joint_deed", "party_word", "feeling", "hyphen_war_sides", "protest_sense", "material_support_is_aid"}
)
"""Rules (events/rules.py) whose event type is not the trigger word's sense but derived from the arguments or
the relation (co-agents COOPERATE, workers' strike PROTEST, support with weapons AID): the model, which picks
among a word's senses, does not retype those events ("Kenyan troops and their allies attacked": the allies'
COOPERATE must not become a second ASSAULT)."""
CASUALTY_RULES = frozenset({"casualty_report", "suffered_casualty"})
"""Rules (events/conflict.py) whose events are victim-only by construction: never vetoed for a missing source."""
CLASSIFIER_RETYPE = "classifier_retype"
"""Added to ``CodedEvent.rules`` when the learned model replaced the coder's type (a diagnostic, not a rule)."""


@dataclass
class _Draft:
    """A mutable copy of a ``CodedEvent`` for the classifier to edit (same fields)."""

    values: dict[str, Any]

    def __getattr__(self, name: str) -> Any:
        try:
            return self.__dict__["values"][name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "values":
            super().__setattr__(name, value)
        else:
            self.values[name] = value


def score_events(coded: list[CodedEvent], classifier, favor: str = "precision") -> list[CodedEvent]:
    """Events the classifier keeps, with its type, modality, negation and confidence (``EventClassifier.vet``).

    A classifier without ``vet`` gets the older rule: P(no event) >= 0.5 drops an event lacking a source or a
    target in precision mode, and bounds the confidence of the rest."""
    if not hasattr(classifier, "vet"):
        return _bound_by_no_event(coded, classifier, favor)
    drafts = [_Draft(_shallow(item)) for item in coded]
    before = {id(draft): item.entry for draft, item in zip(drafts, coded, strict=True)}
    # a casualty report ("two policemen were killed") has a victim and no named attacker by nature: the model
    # still types, marks and calibrates it, but does not veto it for lacking a source
    protected = {id(d) for d in drafts if CASUALTY_RULES & set(d.rules)}
    vetted = {id(d) for d in classifier.vet([d for d in drafts if id(d) not in protected], favor)}
    vetted |= {id(d) for d in classifier.vet([d for d in drafts if id(d) in protected], "recall")}
    kept = []
    for draft in (d for d in drafts if id(d) in vetted):
        values = dict(draft.values)
        if values["entry"] != before[id(draft)]:
            if DERIVED_TYPES & set(values["rules"]):  # not a sense of the word: the coder's type stands
                values["entry"] = before[id(draft)]
            else:  # the model chose another sense of the word: say so
                values["rules"] = (*values["rules"], CLASSIFIER_RETYPE)
        kept.append(CodedEvent(**values))
    return kept


def _bound_by_no_event(coded: list[CodedEvent], classifier, favor: str) -> list[CodedEvent]:
    kept = []
    for item in coded:
        p_none = classifier.type_probabilities(item.trigger).get("NONE", 0.0)
        dyadic = item.actor1 is not None and item.actor2 is not None
        if favor == "precision" and p_none >= NO_EVENT_THRESHOLD and not dyadic:
            continue
        kept.append(CodedEvent(**{**_shallow(item), "confidence": round(min(item.confidence, 1.0 - p_none), 3)}))
    return kept


def _shallow(item: CodedEvent) -> dict[str, Any]:
    return {f.name: getattr(item, f.name) for f in fields(CodedEvent)}


__all__ = ["CASUALTY_RULES", "CLASSIFIER_RETYPE", "DERIVED_TYPES", "NO_EVENT_THRESHOLD", "score_events"]
