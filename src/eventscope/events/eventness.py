"""Eventness: how likely a reader of ordinary news is to count a coded event as a real event of its type.

The event model's confidence is fitted on sentences chosen because they report an event (plover_dev, PLV), so on
ordinary news it hardly separates the events a reader counts from the rest: on the report audit sheet of
2026-12-05 events under 0.5 were right 14% of the time and those above 0.7 only about 30%.  What does separate
them on real news is the *shape* of the coded event: a deed whose parties are states, parties or armed groups, with
a death toll or told several times, is nearly always real; a cooperative or consultative act between pronouns and
unplaced names, or a flagged plan, mostly is not.

How and where it is told adds to that: the lead of an article states its news, a question or a first-person
sentence is talk, a deed the model coded alone or retyped is less sure than one the coder found, and the trigger word
itself ("shelled", "hopes", "talks") says more about whether a deed was done than its PLOVER type does.

``EventnessModel`` is a logistic map from those features (``eventness_features``) to the probability that a
reader counts the event as a real event of the coded type (audit verdicts ``right`` or ``wrong_actor``).  With the
placement, sentence, rule-group and trigger-vector features its grouped-CV AUC on the tune sheets is 0.792 against
0.768 for the coarse features alone (same 694 rows), and on the two measuring sheets, which it was not fitted on,
0.770 against 0.715; at its threshold 0.35 it keeps 88.8% of the events, 66.4% of them real (the coarse features,
at their 0.30: 90.8%, 64.9%, at the same real recall, 97.8%).  Reading them costs no model inference: the vector is
a row of the event model's table, the rest is in the event record and its sentence.  It is
fitted by ``scripts/train_eventness.py`` on the *tune* audit sheets only (``quality/audit/*tune*``); the report
sheets are never read.  The pipeline uses it in precision mode to leave out the events a reader would least likely
count (``Settings.min_eventness``), except deeds between two parties: those it keeps, as the event model's veto
does (on the tune audit rows dyads were real 53% of the time against 47% for the rest, and re3d's dyads are all of
that kind).  A verbal event (``ontology.verbal_types``) between two parties is no such deed and is judged like the rest
(``kept_as_dyad``).

A second head over the same features, ``right``, gives the probability that the whole record is right (real, of
its type, with the right parties, not a repeat): the pipeline's last step makes it the record's ``confidence`` and
keeps the event model's own number in ``model_confidence`` (``news_confidence``), because the event model's number,
fitted on sentences that report an event, said 0.85 where ordinary news was right half the time (docs/model.md).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, replace
from functools import cache
from itertools import islice
from pathlib import Path

from eventscope.actors.sectors import ORGANISED_POLITICAL_SECTORS, STATE_SECTORS
from eventscope.events.classifier import EventClassifier, logit
from eventscope.events.ontology import verbal_types
from eventscope.records import Actor, Event

ARTEFACT = Path(__file__).resolve().parents[1] / "data" / "models" / "eventness.json"
ARTEFACT_VERSION = 3
PERSONAL_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "him", "her", "them", "us", "you"})
QUOTE_MARKS = ('"', "\u201c", "\u201d")
RULE_GROUPS = {
    "classifier_fallback": "rule_fallback",
    "classifier_retype": "rule_retype",
    "promised_deed_object": "rule_promised",
    "recipient_thing": "rule_thing",
    **dict.fromkeys(
        (
            "verbal_attack",
            "suffered_casualty",
            "name_calling",
            "attacked_place",
            "implied_arrester",
            "implied_air_force",
            "implied_security_forces",
            "casualty_report",
            "burnt_property",
            "explosion",
            "mutual_fight",
            "weapons_test",
        ),
        "rule_conflict",
    ),
}
"""The coder rules (``Event.rules``) that say something about eventness, grouped (most rules are too rare to weigh
alone): an event the model coded by itself where the coder kept none ("The ceasefire talks resumed" with no coded
deed) or retyped against the trigger word; a deed promised rather than done ("vowed to punish the attackers"); a
deed done to a thing, not a party ("approved the budget"); and the conflict constructions (a casualty report, an
attack on a place, a verbal attack, an arrest told by its arrested), which are nearly always real."""
SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s")
FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|[Oo]ur|[Mm]y|us)\b")
VECTOR_SCALE = 2.0
"""The trigger's static word vector (unit length, 64 wide) enters multiplied by this, so that its weights are
penalised about as much as the binary features' (the fit's grouped CV log-loss is lowest near 2)."""


def _actor_features(actor: Actor | None, prefix: str) -> dict[str, float]:
    """What kind of party this is: none, a thing, a pronoun, named, of a known country, of the state, of an organised
    political sector, of a private sector, or of no known sector."""
    if actor is None:
        return {f"{prefix}none": 1.0}
    if actor.members:  # a list of parties is each kind its members are
        return {name: 1.0 for member in actor.members for name in _actor_features(member, prefix)}
    if not actor.party:
        return {f"{prefix}thing": 1.0}
    features: dict[str, float] = {}
    if actor.country and not actor.country_inferred:
        features[f"{prefix}country"] = 1.0
    if actor.sector in STATE_SECTORS:
        features[f"{prefix}state"] = 1.0
    elif actor.sector in ORGANISED_POLITICAL_SECTORS:
        features[f"{prefix}political"] = 1.0
    elif actor.sector:
        features[f"{prefix}private"] = 1.0
    else:
        features[f"{prefix}no_sector"] = 1.0
    if actor.text.lower() in PERSONAL_PRONOUNS:
        features[f"{prefix}pronoun"] = 1.0
    if actor.name:
        features[f"{prefix}named"] = 1.0
    return features


def eventness_features(event: Event, text: str) -> dict[str, float]:
    """The features of one coded event of a document whose text is ``text`` (binary unless named otherwise):
    ``confidence`` (the event model's, as a logit), its type, whether it is flagged non-asserted or negated, its
    two parties' kinds, whether it has a place, a death toll, a claimant, several reports, and whether its sentence
    holds a quotation mark (rhetoric is quoted).

    Then where and how it is told: the groups of coder rules that made it (``RULE_GROUPS``); whether its sentence is
    the article's first (the lead states the news) or comes after the fourth (background, reactions); whether the
    sentence asks a question or speaks in the first person (an interview, an opinion piece: "We will never accept
    ..."), and its length in words (``long``, words / 30, at most 2: a long sentence of news tells a deed with its
    circumstances, a short one is often a slogan or a caption); whether the sentence dates it (``dated``: "on
    Tuesday"), whether it has a PLOVER mode or context (coded from the arguments: "arrested", "crime"), an injured
    count, a crowd size, or is reciprocal; and the static word vector of its trigger (the event model's own table,
    ``trigger_vector``): what kind of word it is ("shelled" against "hopes"), which the type alone does not say."""
    features: dict[str, float] = {"confidence": logit(event.type_confidence), f"type={event.event_type}": 1.0}
    if event.modality != "asserted":
        features["not_asserted"] = 1.0
    if event.negated:
        features["negated"] = 1.0
    features.update(_actor_features(event.actor1, "actor1_"))
    features.update(_actor_features(event.actor2, "actor2_"))
    if event.location is not None:
        features["located"] = 1.0
    if event.dead is not None:
        features["dead"] = 1.0
    if event.claimed_by is not None:
        features["claimed"] = 1.0
    if event.mentions > 1:
        features["mentioned_again"] = 1.0
    sentence = text[event.sentence.start : event.sentence.end]
    if any(mark in sentence for mark in QUOTE_MARKS):
        features["quoted"] = 1.0
    features.update(dict.fromkeys({RULE_GROUPS[r] for r in event.rules if r in RULE_GROUPS}, 1.0))
    # only "first" or "fifth on" matters: count at most four sentence ends before this one, not all of them
    index = sum(1 for _ in islice(SENTENCE_END.finditer(text, 0, event.sentence.start), 4))
    if index == 0:
        features["lead"] = 1.0
    elif index >= 4:
        features["later"] = 1.0
    if "?" in sentence:
        features["question"] = 1.0
    if FIRST_PERSON.search(sentence):
        features["first_person"] = 1.0
    features["long"] = min(len(sentence.split()), 60) / 30.0
    if event.date_source == "text":
        features["dated"] = 1.0
    if event.mode:
        features["mode"] = 1.0
    if event.context:
        features["context"] = 1.0
    if event.injured is not None:
        features["injured"] = 1.0
    if event.size is not None:
        features["size"] = 1.0
    if event.reciprocal:
        features["reciprocal"] = 1.0
    vector = trigger_vector(event.trigger.text)
    if vector is not None:
        features.update({f"v{k}": float(value) * VECTOR_SCALE for k, value in enumerate(vector)})
    return features


def trigger_vector(trigger: str):
    """The event model's static vector of the trigger word (of its first word, for a phrase), or None if unknown."""
    embeddings = EventClassifier.load().embeddings
    word = trigger.lower()
    vector = embeddings.word_vector(word)
    if vector is None and " " in word:
        vector = embeddings.word_vector(word.split()[0])
    return vector


def between_parties(event: Event) -> bool:
    """Whether both sides of the event are parties with a span in the text (a dyad, not a deed on a thing)."""
    return all(a is not None and a.party and a.start is not None for a in (event.actor1, event.actor2))


def kept_as_dyad(event: Event) -> bool:
    """Whether the filter keeps the event whatever its eventness: a deed between two parties ("the army shelled
    the rebels"), not a speech act.  A verbal event names a speaker and an addressee or a topic as readily when
    nothing was done as when something was: "they keep blaming the neighbours for every ill", "I will make this
    promise to you", "the pastor would have told her of his faith", "the crowd was asked to welcome the governor", "the
    kids will donate half of it to a shelter" (an AGREE), "he told me on Friday".  On the tune audit sheets of
    2026-12-07 (seeds 7001-8103), the verbal events between two parties that the filter would leave out were real
    2 times in 33, so those are judged by their eventness like any other event."""
    return between_parties(event) and event.event_type not in verbal_types()


@dataclass(frozen=True)
class Head:
    """One logistic map over ``eventness_features``."""

    weights: dict[str, float]
    bias: float

    def probability(self, features: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-z))


@dataclass(frozen=True)
class EventnessModel:
    """Two heads over one set of features, the threshold chosen on the tune sheets, and the card of how they were
    fitted: ``real`` (a reader counts the event as real and of its type: what the filter reads) and ``right`` (the
    whole record is right: real, of its type, with the right parties, and not a repeat of an earlier row: what the
    record's ``confidence`` says, see ``news_confidence``)."""

    real: Head
    right: Head
    threshold: float
    card: dict

    @classmethod
    def from_file(cls, path: Path = ARTEFACT) -> EventnessModel:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if data.get("version") != ARTEFACT_VERSION:
            raise ValueError(
                f"eventness artefact version {data.get('version')!r} does not match the code ({ARTEFACT_VERSION}); "
                "rebuild it with `make train-eventness`"
            )

        def head(fitted: dict) -> Head:
            return Head({str(k): float(v) for k, v in fitted["weights"].items()}, float(fitted["bias"]))

        return cls(
            head(data["real"]),
            head(data["right"]),
            float(data["threshold"]),
            {k: v for k, v in data.items() if k not in ("real", "right")},
        )

    @classmethod
    def untrained(cls) -> EventnessModel:
        """A model that knows nothing (every probability 0.5, no threshold): what the pipeline runs with while the
        heads are fitted (``scripts/train_eventness.py``), whose features read only the event model's confidence."""
        return cls(Head({}, 0.0), Head({}, 0.0), 0.0, {})

    def keeps(self, event: Event, text: str, threshold: float | None = None) -> bool:
        """Whether precision mode keeps the event at ``threshold`` (default: the fitted one): a deed between two
        parties always (``kept_as_dyad``), any other event when its probability reaches the threshold."""
        return kept_as_dyad(event) or self.probability(event, text) >= (
            self.threshold if threshold is None else threshold
        )

    def probability(self, event: Event, text: str) -> float:
        """Probability that a reader counts ``event`` (of a document with text ``text``) as real and of its type."""
        return self.real.probability(eventness_features(event, text))

    def probability_right(self, event: Event, text: str) -> float:
        """Probability that a reader counts the whole record right: real, of its type, its parties right, and no
        repeat of a happening an earlier record of the article holds."""
        return self.right.probability(eventness_features(event, text))

    def news_confidence(self, event: Event, text: str) -> Event:
        """The event with ``confidence`` set to ``probability_right`` and the event model's own probability kept in
        ``model_confidence``.  The event model is calibrated on sentences chosen because they report an event; on
        ordinary news its 0.85 meant right about half the time.  This head is fitted on what readers judged of
        ordinary news, so the number a user filters on means what it says there."""
        if event.model_confidence is not None:
            return event
        return self._told_right(event, eventness_features(event, text))

    def judged(self, events: list[Event], text: str, threshold: float = 0.0) -> list[Event]:
        """The events the filter keeps at ``threshold`` (all at 0; a deed between two parties always), each with its
        news confidence (``news_confidence``): one reading of the features serves both heads."""
        kept = []
        for event in events:
            features = eventness_features(event, text)
            if threshold > 0 and not kept_as_dyad(event) and self.real.probability(features) < threshold:
                continue
            kept.append(event if event.model_confidence is not None else self._told_right(event, features))
        return kept

    def _told_right(self, event: Event, features: dict[str, float]) -> Event:
        return replace(event, confidence=round(self.right.probability(features), 3), model_confidence=event.confidence)


@cache
def load_eventness() -> EventnessModel:
    """The shipped model (read once per process)."""
    return EventnessModel.from_file()
