"""Shared fixtures: paths to ../shared, one loaded pipeline per session (spaCy and the other models load
once for the whole run), and the rule that shared data may be missing only outside CI."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "seeds" / "000_05fc813fda878262.txt"


def _require_shared(path: Path) -> Path:
    """Return ``path`` if it exists.  Missing data skips the test on a developer's machine, but fails it
    when the ``CI`` environment variable is set: there a skip would silently switch off a gate."""
    if not path.exists():
        message = f"shared data not present at {path}"
        if os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
            pytest.fail(f"{message} (CI is set, so the gate must run)")
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def require_shared():
    """``require_shared(path)``: the path to data under ../shared, or a skip (a failure under CI)."""
    return _require_shared


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The shared seed report (Amarah, Bergner's quotes, repeated paragraphs)."""
    return _require_shared(SEED).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def pipeline():
    """The one default pipeline of the test session; every test that needs models borrows it."""
    from eventscope.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def nlp(pipeline):
    """The pipeline's spaCy model (with the actor entity ruler and paragraph sentence breaks)."""
    return pipeline.nlp


def _borrowing_models(settings, loaded_pipeline):
    """A Pipeline with ``settings`` that reuses the loaded models of ``loaded_pipeline`` wherever the settings
    do not change them (``model`` and ``actor_kb`` change spaCy and the resolver; ``geoparse`` the geoparser)."""
    from eventscope.pipeline import Pipeline

    fresh = Pipeline(settings)
    shared = loaded_pipeline.settings
    loaded = fresh.__dict__  # functools.cached_property keeps each loaded resource here
    if (settings.model, settings.actor_kb) == (shared.model, shared.actor_kb):
        loaded.update(resolver=loaded_pipeline.resolver, nlp=loaded_pipeline.nlp)
    loaded.update(classifier=loaded_pipeline.classifier, ontology=loaded_pipeline.ontology)
    if settings.geoparse and shared.geoparse:
        loaded["geoparser"] = loaded_pipeline.geoparser
    return fresh


@pytest.fixture(scope="session")
def pipeline_with(pipeline):
    """``pipeline_with(favor="recall", geoparse=False)``: a Pipeline with other settings that borrows the
    session's loaded models (use it instead of ``Pipeline(Settings(...))`` in tests)."""
    from eventscope.settings import Settings

    return lambda **settings: _borrowing_models(Settings(**settings), pipeline)


@pytest.fixture()
def shared_models(pipeline, monkeypatch):
    """Pipelines the CLI builds (``eventscope code``) borrow the session's loaded models instead of loading
    spaCy again for every command."""
    from eventscope import runner

    monkeypatch.setattr(runner, "Pipeline", lambda settings: _borrowing_models(settings, pipeline))


@pytest.fixture(scope="session")
def seed_record(pipeline):
    from eventscope.ingest import read_inputs

    source = next(read_inputs([str(_require_shared(SEED))], default_date="2008-06-20"))
    return next(pipeline.annotate([source]))
