"""PLOVER dev set (``data/plover_dev/sentences.jsonl``): the team's own labelled sentences.

``evaluate_plover`` runs the full pipeline on the held-out split and scores events: a predicted
event matches a gold one when its trigger overlaps the gold trigger and the type is equal (events
repeated for coordinated actors count once per trigger and type).  Reported: per-type and
micro/macro precision/recall/F1; on matched events mode, actor1/actor2 (span overlap; both null
also counts), negation and modality accuracy; events coded in sentences without gold events.

``evaluate_classifier`` scores the learned classifier alone on candidate triggers (lexicon hits
and every verb), and ``evaluate_lexicon`` the lexicon's default type on the same candidates, so
the two show what the model adds before the coder's argument rules.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from eventscope.evaluation.common import Counts, overlaps


def load_sentences(path: Path, split: str | None = "test") -> list[dict]:
    """The labelled sentences, optionally only one split (``None`` or ``"all"``: every sentence).

    ``"train"``/``"test"`` are the file's own split; ``"tune"``/``"report"`` the fixed hash split of
    ``eventscope.evaluation.splits`` (by sentence id)."""
    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    if split in (None, "all"):
        return rows
    if split in ("tune", "report"):
        from eventscope.evaluation.splits import PLOVER_DEV, in_split

        return [row for row in rows if in_split(row["id"], PLOVER_DEV, split)]
    return [row for row in rows if row.get("split") == split]


def find_span(text: str, phrase: str | None, near: int | None = None) -> tuple[int, int] | None:
    """Character span of ``phrase`` in ``text`` (whole words preferred; the occurrence nearest ``near``)."""
    if not phrase:
        return None
    matches = [m.span() for m in re.finditer(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", text)]
    if not matches:
        start = text.find(phrase)
        return (start, start + len(phrase)) if start >= 0 else None
    if near is None or len(matches) == 1:
        return matches[0]
    return min(matches, key=lambda span: abs(span[0] - near))


def gold_events(row: dict) -> list[dict]:
    """Gold events with character spans for trigger and actors added (``_trigger``, ``_actor1``...)."""
    events = []
    for event in row["events"]:
        trigger = find_span(row["text"], event.get("trigger"))
        anchor = trigger[0] if trigger else None
        events.append(
            {
                **event,
                "_trigger": trigger,
                "_actor1": find_span(row["text"], event.get("actor1"), anchor),
                "_actor2": find_span(row["text"], event.get("actor2"), anchor),
            }
        )
    return events


def _scores(per_type: dict[str, Counts]) -> dict[str, Any]:
    by_type = {name: counts.scores() for name, counts in sorted(per_type.items())}
    total = Counts()
    for counts in per_type.values():
        total.add(counts)
    gold_types = [name for name, counts in per_type.items() if counts.gold]
    macro = {
        metric: round(sum(by_type[t][metric] for t in gold_types) / len(gold_types), 4) if gold_types else 0.0
        for metric in ("precision", "recall", "f1")
    }
    return {"micro": total.scores(), "macro": macro, "by_type": by_type}


def _match(predictions: list[tuple[int, int, str, Any]], gold: list[dict]):
    """Group predictions by (gold event matched | own trigger, type); pair gold events with groups.

    Returns (groups, matched) where groups maps a key to its predictions and matched maps a gold
    index to the key of the group that found it.
    """
    groups: dict[tuple, list] = {}
    matched: dict[int, tuple] = {}
    for start, end, event_type, payload in predictions:
        key: tuple = ("pred", start, end, event_type)
        for index, event in enumerate(gold):
            span = event["_trigger"]
            if span and event["event_type"] == event_type and overlaps(start, end, *span):
                key = ("gold", index)
                matched.setdefault(index, key)
                break
        groups.setdefault(key, []).append((start, end, event_type, payload))
    return groups, matched


def _count(
    rows: Iterable[dict],
    predict: Callable[[dict], list[tuple[int, int, str, Any]]],
    errors: list[dict] | None = None,
    details: dict | None = None,
) -> dict[str, Any]:
    per_type: dict[str, Counts] = {}
    negatives = negatives_with_events = negative_events = 0
    for row in rows:
        gold = gold_events(row)
        predictions = predict(row)
        groups, matched = _match(predictions, gold)
        for index, event in enumerate(gold):
            counts = per_type.setdefault(event["event_type"], Counts())
            counts.gold += 1
            if index in matched:
                counts.gold_found += 1
                if details is not None:
                    _score_details(details, event, groups[matched[index]], row["text"])
            elif errors is not None:
                found = sorted(
                    {p[2] for p in predictions if event["_trigger"] and overlaps(p[0], p[1], *event["_trigger"])}
                )
                errors.append(
                    {
                        "kind": "missed",
                        "id": row["id"],
                        "event_type": event["event_type"],
                        "trigger": event["trigger"],
                        "predicted_types_on_trigger": found,
                        "sentence": row["text"],
                    }
                )
        for key, group in groups.items():
            event_type = group[0][2]
            counts = per_type.setdefault(event_type, Counts())
            counts.predicted += 1
            if key[0] == "gold":
                counts.predicted_correct += 1
            elif errors is not None:
                start, end = group[0][0], group[0][1]
                errors.append(
                    {
                        "kind": "false_alarm",
                        "id": row["id"],
                        "event_type": event_type,
                        "trigger": row["text"][start:end],
                        "gold_types": sorted({e["event_type"] for e in gold}),
                        "sentence": row["text"],
                        "rules": sorted({r for *_, p in group for r in getattr(p, "rules", ())}),
                    }
                )
        if not gold:
            negatives += 1
            negative_events += len(groups)
            negatives_with_events += bool(groups)
    result = _scores(per_type)
    result["negative_sentences"] = {
        "sentences": negatives,
        "with_events": negatives_with_events,
        "false_events": negative_events,
        "clean_rate": round(1 - negatives_with_events / negatives, 4) if negatives else 1.0,
    }
    return result


def _score_details(details: dict, event: dict, group: list, text: str) -> None:
    predicted = [payload for *_, payload in group if payload is not None]
    if not predicted:
        return

    def agree(field: str, predicate) -> None:
        tally = details.setdefault(field, [0, 0])
        tally[1] += 1
        tally[0] += any(predicate(p) for p in predicted)

    agree("mode", lambda p: (p.mode or None) == (event.get("mode") or None))
    for slot in ("actor1", "actor2"):
        span = event[f"_{slot}"]

        def same_actor(p, slot=slot, span=span) -> bool:
            actor = getattr(p, slot)
            if span is None:
                return actor is None and not event.get(slot)
            return actor is not None and actor.start is not None and overlaps(actor.start, actor.end, *span)

        agree(slot, same_actor)
    agree("negated", lambda p: bool(p.negated) == bool(event.get("negated")))
    agree("modality", lambda p: p.modality == (event.get("modality") or "asserted"))


def _run_pipeline(rows: list[dict], pipeline) -> dict[str, list]:
    if pipeline is None:
        from eventscope.pipeline import Pipeline

        pipeline = Pipeline()
    predicted: dict[str, list] = {}
    for row in rows:
        document = pipeline.annotate_text(row["text"], doc_id=row["id"])
        predicted[row["id"]] = [(e.trigger.start, e.trigger.end, e.event_type, e) for e in document.events]
    return predicted


def evaluate_plover(path: Path, split: str = "test", pipeline=None, errors: bool = False) -> dict[str, Any]:
    """Score the full pipeline on one split of the labelled sentences (default: the held-out test split)."""
    rows = load_sentences(path, split)
    predicted = _run_pipeline(rows, pipeline)
    details: dict[str, list[int]] = {}
    error_list: list[dict] | None = [] if errors else None
    result = _count(rows, lambda row: predicted[row["id"]], error_list, details)
    result = {"split": split, "sentences": len(rows), **result}
    result["matched"] = {
        field: {"accuracy": round(ok / n, 4) if n else 0.0, "n": n} for field, (ok, n) in details.items()
    }
    result["precision_by_rule"] = _rule_precision(rows, predicted)
    if error_list is not None:
        result["errors"] = error_list
    return result


def _rule_precision(rows: list[dict], predicted: dict[str, list]) -> dict[str, dict[str, float | int]]:
    """Per coder rule (``events/rules.py``): predicted events it took part in, how many matched a gold event
    (trigger and type, as in the scores above), the precision."""
    from eventscope.evaluation.re3d import rule_precision

    by_rule: dict[str, list[int]] = {}
    for row in rows:
        groups, _ = _match(predicted[row["id"]], gold_events(row))
        for key, group in groups.items():
            for *_, event in group:
                for rule in getattr(event, "rules", ()):
                    tally = by_rule.setdefault(rule, [0, 0])
                    tally[0] += 1
                    tally[1] += key[0] == "gold"
    return rule_precision(by_rule)


def plover_errors(path: Path, split: str = "test", pipeline=None) -> list[dict]:
    """Misses and false alarms of the full pipeline, each with its sentence."""
    return evaluate_plover(path, split, pipeline, errors=True)["errors"]


# -- the classifier alone, and the lexicon baseline, on candidate triggers -----------------------


def _candidate_predictions(rows: list[dict], nlp, label: Callable) -> dict[str, list]:
    from eventscope.events.classifier import candidate_tokens
    from eventscope.events.lexicon import load_lexicon

    lexicon = load_lexicon()
    predicted: dict[str, list] = {}
    for row, doc in zip(rows, nlp.pipe(row["text"] for row in rows), strict=True):
        predictions = []
        for token in candidate_tokens(doc, lexicon):
            event_type = label(token, lexicon)
            if event_type is not None:
                predictions.append((token.idx, token.idx + len(token.text), event_type, None))
        predicted[row["id"]] = predictions
    return predicted


def _default_nlp():
    from eventscope.pipeline import Pipeline

    return Pipeline().nlp


def evaluate_classifier(
    path: Path, split: str = "test", classifier=None, nlp=None, threshold: float = 0.0, errors: bool = False
) -> dict[str, Any]:
    """The classifier alone: every candidate trigger labelled with its most probable type.

    ``threshold``: a type is kept only when its probability reaches it (otherwise "no event").
    """
    from eventscope.events.classifier import EventClassifier

    classifier = classifier or EventClassifier.load()
    rows = load_sentences(path, split)

    def label(token, lexicon):
        event_type, probability = classifier.classify(token)
        return event_type if probability >= threshold else None

    predicted = _candidate_predictions(rows, nlp or _default_nlp(), label)
    error_list: list[dict] | None = [] if errors else None
    result = _count(rows, lambda row: predicted[row["id"]], error_list)
    result = {"split": split, "sentences": len(rows), **result}
    if error_list is not None:
        result["errors"] = error_list
    return result


def evaluate_lexicon(path: Path, split: str = "test", nlp=None) -> dict[str, Any]:
    """Baseline: every candidate that the lexicon knows gets the lexicon's (first-row) type."""
    rows = load_sentences(path, split)

    def label(token, lexicon):
        hit = lexicon.lookup(token)
        return hit[0].event_type if hit is not None else None

    predicted = _candidate_predictions(rows, nlp or _default_nlp(), label)
    return {"split": split, "sentences": len(rows), **_count(rows, lambda row: predicted[row["id"]])}
