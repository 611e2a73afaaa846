"""An actor's identity must not depend on the interpreter's string hash seed (``PYTHONHASHSEED``).

The generic-phrase look-up once iterated a set of a head word's forms ("authorities", "authority"): which form
matched first, and so whether "the authorities" took the country of an earlier "Hungary's supreme court", changed
from run to run of the same text."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

TEXT = (
    "Hungary's supreme court upheld the verdict against the editor Anton Varga. Police arrested Varga in May, "
    "and a court sentenced him to 30 days. Hours before his detention expired, the authorities charged him with "
    "tax evasion."
)
PROBE = f"""
from eventscope.pipeline import Pipeline
pipeline = Pipeline()
doc = pipeline.nlp({TEXT!r})
actors = pipeline.resolver.for_document(doc)
token = next(t for t in doc if t.lower_ == "authorities")
actor = actors.resolve_token(token)
print(actor.name, actor.country, actor.sector)
"""


@pytest.mark.slow
def test_the_authorities_resolve_alike_under_every_hash_seed():
    seen = set()
    for seed in ("1", "2", "3", "4"):
        done = subprocess.run(
            [sys.executable, "-c", PROBE],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        )
        seen.add(done.stdout.strip().splitlines()[-1])
    assert seen == {"None HUN GOV"}
