"""Death and injury tolls in the forms news uses, dead and injured kept apart."""

from __future__ import annotations

import pytest

from eventscope.events.magnitudes import casualties


def _tolls(nlp, text: str, trigger: str, event_type: str = "ASSAULT") -> dict[str, int]:
    doc = nlp(text)
    token = next(t for t in doc if t.text == trigger)
    return {field: m.value for field, m in casualties(token, event_type).items()}


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Militants killed 23 people in the town.", "killed", {"dead": 23}),
        (
            "A policeman was killed and a civilian injured when militants fired upon them.",
            "killed",
            {"dead": 1, "injured": 1},
        ),
        ("An army captain and two soldiers were killed in a bomb attack.", "attack", {"dead": 3}),
        (
            "Insurgents ambushed a patrol, killing a police officer and injuring two volunteers.",
            "ambushed",
            {"dead": 1, "injured": 2},
        ),
        ("Three were wounded and five killed in the fighting.", "killed", {"dead": 5, "injured": 3}),
        ("The blast left 12 dead and 30 injured.", "blast", {"dead": 12, "injured": 30}),
        ("Three bodies were found near the village.", "found", {"dead": 3}),
        ("The death toll rose to 40 after the attack.", "attack", {"dead": 40}),
        (
            "Unknown assailants gunned down a local leader and injured his two guards.",
            "gunned",
            {"dead": 1, "injured": 2},
        ),
        ("At least two people were killed in a suicide explosion.", "explosion", {"dead": 2}),
    ],
)
def test_tolls_in_common_forms(nlp, text, trigger, expected):
    assert _tolls(nlp, text, trigger) == expected


def test_a_bare_plural_gives_no_count(nlp):
    assert _tolls(nlp, "Civilians were killed in the shelling.", "shelling") == {}


def test_casualties_of_another_clause_do_not_attach_to_a_protest(nlp):
    assert _tolls(nlp, "Students protested after police killed three men.", "protested", "PROTEST") == {}
