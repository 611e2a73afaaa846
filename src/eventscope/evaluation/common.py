"""Shared scoring helpers: precision/recall/F1 and span overlap."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


@dataclass
class Counts:
    """True positives counted separately on the gold side (recall) and the predicted side (precision)."""

    gold: int = 0
    gold_found: int = 0
    predicted: int = 0
    predicted_correct: int = 0

    def add(self, other: Counts) -> None:
        self.gold += other.gold
        self.gold_found += other.gold_found
        self.predicted += other.predicted
        self.predicted_correct += other.predicted_correct

    def scores(self) -> dict[str, float | int]:
        precision = self.predicted_correct / self.predicted if self.predicted else 0.0
        recall = self.gold_found / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "gold": self.gold,
            "predicted": self.predicted,
        }


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def records_by_document(records: Iterable[Any]) -> dict[str, Any]:
    """Pipeline records by document id, where a document the pipeline found to repeat an earlier one is answered
    by that one's record. Gold sets repeat a text for several gold items (ACLED writes one note for the events of
    several days); the pipeline codes the text once, and each repeat is scored with what that coding found."""
    by_id = {r.doc_id: r for r in records}
    for doc_id, record in list(by_id.items()):
        seen = {doc_id}
        while record.duplicate_of is not None and record.duplicate_of in by_id and record.duplicate_of not in seen:
            seen.add(record.duplicate_of)
            record = by_id[record.duplicate_of]
        by_id[doc_id] = record
    return by_id
