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


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("A village headman was axed to death near the market.", "axed", {"dead": 1}),
        ("Four passengers were burnt alive on the highway.", "burnt", {"dead": 4}),
        ("Gunmen shot the district leader Abdul Karim dead in his shop.", "shot", {"dead": 1}),
        ("A constable was shot and killed by militants near the bridge.", "shot", {"dead": 1}),
        (
            "A student was hacked to death and his brother injured in an attack by a gang.",
            "attack",
            {"dead": 1, "injured": 1},
        ),
        ("At least 12 rebels and other fighters were killed in the raid.", "killed", {"dead": 12}),
        ("Gunmen opened fire in the market, killing a Levies personnel on duty.", "killing", {"dead": 1}),
        ("Fifteen people were killed in the blast.", "blast", {"dead": 15}),
        ("The mob lynched a shopkeeper in the square.", "lynched", {"dead": 1}),
    ],
)
def test_killing_forms(nlp, text: str, trigger: str, expected: dict[str, int]) -> None:
    assert _tolls(nlp, text, trigger) == expected


def test_a_hyphenated_victim_counts_once(nlp) -> None:
    assert _tolls(nlp, "Sub-inspector of the city police was shot dead by gunmen.", "shot") == {"dead": 1}


def test_the_killing_of_names_the_dead(nlp) -> None:
    doc = nlp("The group claimed the killing of two masons in the town.")
    token = next(t for t in doc if t.text == "killing")
    assert {f: m.value for f, m in casualties(token, "ASSAULT").items()} == {"dead": 2}


def test_two_counts_of_one_field_add_up_and_their_evidence_is_the_text_they_span(nlp) -> None:
    text = "Gunmen killed two soldiers and killed a driver near the border on Tuesday."
    doc = nlp(text)
    token = next(t for t in doc if t.text == "killed")
    dead = casualties(token, "ASSAULT")["dead"]
    assert dead.value == 3
    assert dead.text == text[dead.start : dead.end]
