"""Shared fixtures: paths to ../shared and one loaded pipeline per session (models load once)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "seeds" / "000_05fc813fda878262.txt"


@pytest.fixture(scope="session")
def pipeline():
    from eventscope.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def seed_record(pipeline):
    from eventscope.ingest import read_inputs

    source = next(read_inputs([str(SEED)], default_date="2008-06-20"))
    return next(pipeline.annotate([source]))
