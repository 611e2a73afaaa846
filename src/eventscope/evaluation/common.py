"""Shared scoring helpers: precision/recall/F1 and span overlap."""

from __future__ import annotations

from dataclasses import dataclass


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
