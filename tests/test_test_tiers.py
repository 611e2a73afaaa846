"""The test suite's own rules: shared gold data may be missing on a laptop, never in CI."""

import pytest


def test_missing_shared_data_fails_under_ci_and_skips_elsewhere(require_shared, tmp_path, monkeypatch):
    missing = tmp_path / "re3d-dev"
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI is set"):
        require_shared(missing)
    for value in ("", "false", "0"):
        monkeypatch.setenv("CI", value)
        with pytest.raises(pytest.skip.Exception):
            require_shared(missing)
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception):
        require_shared(missing)
    missing.mkdir()
    monkeypatch.setenv("CI", "true")
    assert require_shared(missing) == missing


def test_pipeline_with_borrows_loaded_models_but_keeps_its_settings(pipeline, pipeline_with):
    recall = pipeline_with(favor="recall", geoparse=False)
    assert recall.settings.favor == "recall" and pipeline.settings.favor == "precision"
    assert recall.nlp is pipeline.nlp and recall.resolver is pipeline.resolver
    assert recall.geoparser is None and pipeline.geoparser is not None
    assert recall.coder is not pipeline.coder  # the coder depends on `favor`, so it is never borrowed
