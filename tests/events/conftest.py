"""Shared fixture: code a sentence with the real pipeline (models loaded once per session)."""

import pytest


@pytest.fixture(scope="module")
def code(pipeline):
    def run(text: str):
        return list(pipeline.annotate_text(text, date="2024-05-10").events)

    return run
