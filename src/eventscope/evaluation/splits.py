"""Fixed hash splits of every development set into a *tune* part and a *report* part.

eventscope's rules and models were fitted while looking at its dev sets, so numbers on the whole
of a set overstate what it does on unseen text. Each item (a document, an article, a sentence, an
ACLED note) is assigned once and for all to ``tune`` (look at it, fit to it, train on it) or
``report`` (only score on it) by a hash of ``dataset + ":" + key``. The assignment depends on
nothing but that string: no seed, no ordering, no Python hash randomisation, so every engineer,
every run and CI agree on it.

Keys per data set (see ``docs/quality.md``): the document id for re3d, the article stem for
PolNeAR, the article id for GeoWebNews and LGL, ``sentence_id`` for plv-train, the sentence id of
``data/plover_dev`` and ``event_id_cnty`` for ACLED.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import Literal, TypeVar

Split = Literal["tune", "report", "all"]
SPLITS: tuple[str, ...] = ("tune", "report", "all")

#: Share of every data set held out for reporting. Under a half, so tuning still sees most of the data.
REPORT_FRACTION = 0.45

# Data set names used as the hash prefix. Changing one reshuffles that set's split: never do it.
RE3D = "re3d"
POLNEAR = "polnear"
GEOWEBNEWS = "geowebnews"
LGL = "lgl"
PLV = "plv"
PLOVER_DEV = "plover_dev"
ACLED = "acled"
DATASETS: tuple[str, ...] = (RE3D, POLNEAR, GEOWEBNEWS, LGL, PLV, PLOVER_DEV, ACLED)

T = TypeVar("T")


def split_bucket(key: str, dataset: str) -> float:
    """Where ``key`` falls in [0, 1): the first 8 bytes of sha256(``dataset:key``) as a fraction."""
    digest = hashlib.sha256(f"{dataset}:{key}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def split_of(key: str, dataset: str) -> Literal["tune", "report"]:
    """The fixed split of one item: ``"report"`` for about 45% of keys, ``"tune"`` for the rest."""
    if not dataset:
        raise ValueError("split_of needs a data set name: the same key in two sets must split independently")
    return "report" if split_bucket(str(key).strip(), dataset) < REPORT_FRACTION else "tune"


def in_split(key: str, dataset: str, split: str | None) -> bool:
    """Whether an item belongs to the requested split; ``"all"`` and ``None`` keep everything."""
    if split in (None, "all"):
        return True
    if split not in ("tune", "report"):
        raise ValueError(f"unknown split {split!r}; expected one of {', '.join(SPLITS)}")
    return split_of(key, dataset) == split


def filter_split(items: Iterable[T], dataset: str, split: str | None, key: Callable[[T], str]) -> list[T]:
    """The items of ``items`` in ``split``, in their original order."""
    return [item for item in items if in_split(key(item), dataset, split)]
