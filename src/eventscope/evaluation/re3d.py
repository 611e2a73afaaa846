"""re3d (dstl): names F1 and dyads (who acts against / with whom) against gold relations.

Names: gold Person/Organisation/Location/Nationality mentions that are capitalised with
confidence >= 0.5, matched by overlapping span against predicted PERSON/ORG/GPE/LOC/NORP/FAC.
Dyads: a gold FightingAgainst/Dislikes/Likes/AlliesOf/CommWith relation is recovered when an
event's actor1 overlaps the gold source and actor2 the gold target (either order for AlliesOf
and CommWith) and the event's type is in the compatible PLOVER family.  Precision is the share of
two-actor events whose actors match some gold relation (``precision``), and, stricter, whose
type family matches too (``precision_typed``).  A two-actor event is one between two parties: an
actor2 that is a thing (``Actor.party`` False, "vetoed *a resolution*") states no relation between
entities and is not counted.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from eventscope.evaluation.common import Counts, overlaps
from eventscope.events.merge import member_pairs
from eventscope.events.ontology import load_ontology
from eventscope.ingest.normalize import normalize_text, offset_map
from eventscope.ingest.readers import make_document
from eventscope.records import AnnotatedDocument, Event

NAME_TYPES = {
    "Person": {"PERSON"},
    "Organisation": {"ORG", "NORP", "GPE"},
    "Location": {"GPE", "LOC", "FAC"},
    "Nationality": {"NORP", "GPE"},
}
"""Which predicted labels count as the same kind of name (GPE names both places and states)."""
PREDICTED_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
FAMILIES = {
    "FightingAgainst": {"verbal_conflict", "material_conflict"},
    "Dislikes": {"verbal_conflict", "material_conflict"},
    "Likes": {"verbal_cooperation", "material_cooperation"},
    "AlliesOf": {"verbal_cooperation", "material_cooperation"},
    "CommWith": {"verbal_cooperation", "verbal_conflict", "material_cooperation"},
}
SYMMETRIC = {"AlliesOf", "CommWith"}
MIN_CONFIDENCE = 0.5


@dataclass(frozen=True)
class GoldDocument:
    doc_id: str
    text: str
    names: list[tuple[int, int, str, str]]  # start, end, type, value (offsets in normalised text)
    relations: list[dict]  # type, source (start, end, text), target (start, end, text)


def load_re3d(root: Path) -> Iterator[GoldDocument]:
    """Every document under ``root`` (one folder per source) with offsets mapped to normalised text."""
    for folder in sorted(p for p in root.iterdir() if (p / "documents.json").exists()):
        entities = _by_doc(folder / "entities.json")
        relations = _by_doc(folder / "relations.json")
        for doc in _read_lines(folder / "documents.json"):
            text = doc["text"]
            normalized = normalize_text(text)
            mapping = offset_map(text, normalized)

            def span(start: int, end: int, mapping: list[int] = mapping) -> tuple[int, int]:
                return mapping[start], mapping[min(end, len(mapping) - 1)]

            names = []
            for entity in entities.get(doc["_id"], []):
                value = entity.get("value") or ""
                if (
                    entity["type"] in NAME_TYPES
                    and entity.get("confidence", 0) >= MIN_CONFIDENCE
                    and value[:1].isupper()
                ):
                    names.append((*span(entity["begin"], entity["end"]), entity["type"], value))
            gold_relations = []
            for relation in relations.get(doc["_id"], []):
                if relation["type"] in FAMILIES and relation.get("confidence", 0) >= MIN_CONFIDENCE:
                    gold_relations.append(
                        {
                            "type": relation["type"],
                            "source": (*span(relation["sourceBegin"], relation["sourceEnd"]), relation["source"]),
                            "target": (*span(relation["targetBegin"], relation["targetEnd"]), relation["target"]),
                            "value": relation.get("value"),
                        }
                    )
            yield GoldDocument(doc["_id"], text, _unique(names), gold_relations)


def evaluate_re3d(root: Path, pipeline=None, limit: int | None = None, split: str | None = None) -> dict:
    """Names and dyad scores over the re3d folders (one split); ``errors`` lists misses with their sentence."""
    from eventscope.evaluation.splits import RE3D, in_split
    from eventscope.pipeline import Pipeline

    pipeline = pipeline or Pipeline()
    golds = [g for g in load_re3d(Path(root)) if in_split(g.doc_id, RE3D, split)][:limit]
    sources = [make_document(g.text, doc_id=g.doc_id) for g in golds]
    records = {r.doc_id: r for r in pipeline.annotate(sources)}
    names_all = Counts()
    names_by_type: dict[str, Counts] = {t: Counts() for t in NAME_TYPES}
    dyads = Counts()
    dyads_typed = Counts()
    by_relation: dict[str, Counts] = {t: Counts() for t in FAMILIES}
    by_rule: dict[str, list[int]] = {}
    errors: list[dict] = []
    for gold in golds:
        record = records[gold.doc_id]
        _score_names(gold, record, names_all, names_by_type)
        _score_dyads(gold, record, dyads, dyads_typed, by_relation, errors, by_rule)
    return {
        "dataset": "re3d",
        "split": split or "all",
        "documents": len(golds),
        "names": names_all.scores(),
        "names_by_type": {t: c.scores() for t, c in names_by_type.items()},
        "dyads": dyads.scores() | {"precision_typed": dyads_typed.scores()["precision"]},
        "dyads_by_relation": {t: c.scores() for t, c in by_relation.items()},
        "precision_by_rule": rule_precision(by_rule),
        "errors": errors,
    }


def _score_names(gold: GoldDocument, record: AnnotatedDocument, total: Counts, by_type: dict[str, Counts]) -> None:
    predicted = [(e.start, e.end, e.label) for e in record.entities if e.label in PREDICTED_LABELS]
    counts = Counts(gold=len(gold.names), predicted=len(predicted))
    counts.gold_found = sum(any(overlaps(s, e, ps, pe) for ps, pe, _ in predicted) for s, e, _, _ in gold.names)
    counts.predicted_correct = sum(any(overlaps(s, e, ps, pe) for s, e, _, _ in gold.names) for ps, pe, _ in predicted)
    total.add(counts)
    for kind, labels in NAME_TYPES.items():
        gold_kind = [(s, e) for s, e, t, _ in gold.names if t == kind]
        own = [(ps, pe) for ps, pe, label in predicted if label in labels]
        by_type[kind].add(
            Counts(
                gold=len(gold_kind),
                gold_found=sum(any(overlaps(s, e, ps, pe) for ps, pe in own) for s, e in gold_kind),
                predicted=len(own),
                predicted_correct=sum(any(overlaps(s, e, ps, pe) for s, e in gold_kind) for ps, pe in own),
            )
        )


def _score_dyads(
    gold: GoldDocument,
    record: AnnotatedDocument,
    dyads: Counts,
    typed: Counts,
    by_relation: dict[str, Counts],
    errors: list[dict],
    by_rule: dict[str, list[int]] | None = None,
) -> None:
    ontology = load_ontology()
    events = [
        e
        for listed in record.events
        for e in dyads_of(listed, ontology.family(listed.event_type))
        if e.actor1 is not None
        and e.actor2 is not None
        and e.actor1.start is not None
        and e.actor2.start is not None
        and e.actor2.party  # a deed directed at a thing ("vetoed a resolution") is no relation between two parties
    ]
    dyads.predicted += len(events)
    typed.predicted += len(events)
    for event in events:
        matching = [r for r in gold.relations if _actors_match(event, r)]
        for rule in event.rules if by_rule is not None else ():
            tally = by_rule.setdefault(rule, [0, 0])
            tally[0] += 1
            tally[1] += bool(matching)
        if not matching:  # a wrong dyad: the rules behind it say where to look
            errors.append(
                {
                    "kind": "false_positive",
                    "doc_id": gold.doc_id,
                    "event": _describe(event),
                    "rules": list(event.rules),
                    "sentence": record.text[event.sentence.start : event.sentence.end],
                }
            )
        if matching:
            dyads.predicted_correct += 1
            family = ontology.family(event.event_type)
            if any(family in FAMILIES[r["type"]] for r in matching):
                typed.predicted_correct += 1
    for relation in gold.relations:
        found = any(
            _actors_match(e, relation) and ontology.family(e.event_type) in FAMILIES[relation["type"]] for e in events
        )
        dyads.gold += 1
        dyads.gold_found += found
        by_relation[relation["type"]].add(Counts(gold=1, gold_found=int(found)))
        if not found:
            errors.append(
                {
                    "kind": "missed",
                    "doc_id": gold.doc_id,
                    "relation": relation["type"],
                    "source": relation["source"][2],
                    "target": relation["target"][2],
                    "sentence": _sentence(record.text, relation),
                    "events": [_describe(e) for e in record.events if _in_sentence(e, relation, record.text)],
                }
            )


def dyads_of(event: Event, family: str) -> list[Event]:
    """The dyads an event states: one per member of a compound actor; a reciprocal fight two, one each way (each
    side fights the other), a reciprocal meeting or agreement one, matched either way (both sides do one thing)."""
    if event.reciprocal and not family.endswith("conflict"):
        return [replace(row, reciprocal=True) for row in member_pairs(replace(event, reciprocal=False))]
    return [replace(row, reciprocal=False) for row in member_pairs(event)]


def _actors_match(event: Event, relation: dict) -> bool:
    (ss, se, _), (ts, te, _) = relation["source"], relation["target"]
    a1, a2 = event.actor1, event.actor2
    forward = overlaps(a1.start, a1.end, ss, se) and overlaps(a2.start, a2.end, ts, te)
    if forward:
        return True
    if relation["type"] in SYMMETRIC or event.reciprocal:  # a reciprocal event: both sides did it
        return overlaps(a1.start, a1.end, ts, te) and overlaps(a2.start, a2.end, ss, se)
    return False


def _sentence(text: str, relation: dict) -> str:
    start = min(relation["source"][0], relation["target"][0])
    end = max(relation["source"][1], relation["target"][1])
    left = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1, 0)
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    return text[left:right].strip()


def _in_sentence(event: Event, relation: dict, text: str) -> bool:
    start = min(relation["source"][0], relation["target"][0])
    return event.sentence.start <= start < event.sentence.end + 1


def _describe(event: Event) -> str:
    def name(actor):
        return actor.text if actor else "-"

    rules = f" {{{', '.join(event.rules)}}}" if event.rules else ""
    return f"{event.event_type}({name(event.actor1)} -> {name(event.actor2)}) [{event.trigger.text}]{rules}"


def rule_precision(by_rule: dict[str, list[int]]) -> dict[str, dict[str, float | int]]:
    """Per coder rule (``events/rules.py``): events it took part in, how many were correct, the precision;
    most used rules first."""
    return {
        rule: {"events": n, "correct": ok, "precision": round(ok / n, 4) if n else 0.0}
        for rule, (n, ok) in sorted(by_rule.items(), key=lambda item: (-item[1][0], item[0]))
    }


def _by_doc(path: Path) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    if path.exists():
        for item in _read_lines(path):
            grouped.setdefault(item["documentId"], []).append(item)
    return grouped


def _read_lines(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8-sig") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def _unique(names: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """re3d often labels one span twice (Organisation and Location): keep one per span and type."""
    return sorted(set(names))
