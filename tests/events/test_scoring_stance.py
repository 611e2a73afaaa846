"""A clause that states the source's stance on a cooperative deed codes the stance (events/scoring.py
``commitment_stance``): "will not lift the ban" is a refusal, REJECT; "is ready to send troops" an offer, AGREE."""

from __future__ import annotations

import pytest

from eventscope.events.scoring import REFUSAL, WILLINGNESS, commitment_stance
from stand_ins import token_named


def _token(nlp, text: str, word: str):
    return token_named(nlp(text), word)


@pytest.mark.parametrize(
    ("text", "word", "coded", "expected"),
    [
        ("Spain will not lift the embargo on Venezuelan oil.", "lift", "CONCEDE", (REFUSAL, "REJECT")),
        (
            "The minister said Ankara would not withdraw its soldiers from the border.",
            "withdraw",
            "RETREAT",
            (REFUSAL, "REJECT"),
        ),
        ("The union won't end the strike until wages rise.", "end", "CONCEDE", (REFUSAL, "REJECT")),
        ("Norway is ready to send more doctors to the refugee camps.", "send", "AID", (WILLINGNESS, "AGREE")),
        ("The rebels are willing to release the hostages.", "release", "CONCEDE", (WILLINGNESS, "AGREE")),
        ("The junta is not willing to hand over power.", "hand", "CONCEDE", (REFUSAL, "REJECT")),
    ],
)
def test_a_stated_refusal_or_offer_is_coded_as_the_stance(nlp, text, word, coded, expected) -> None:
    assert commitment_stance(_token(nlp, text, word), coded) == expected


@pytest.mark.parametrize(
    ("text", "word", "coded"),
    [
        ("Spain did not lift the embargo on Venezuelan oil.", "lift", "CONCEDE"),  # a deed that did not happen
        ("The court could not release the activists.", "release", "CONCEDE"),  # inability, not refusal
        ("The army will not attack the town, the general said.", "attack", "ASSAULT"),  # no cooperative deed
        ("Norway will send more doctors to the refugee camps.", "send", "AID"),  # a plan, not a stance
        ("The rebels are ready to fight the army.", "fight", "ASSAULT"),
    ],
)
def test_deeds_without_a_stated_stance_keep_their_type(nlp, text, word, coded) -> None:
    assert commitment_stance(_token(nlp, text, word), coded) is None


def test_the_pipeline_codes_a_refusal_as_an_asserted_reject(pipeline) -> None:
    events = pipeline.annotate_text("France will not lift the ban on British beef, the minister said.").events
    rejects = [e for e in events if e.event_type == "REJECT"]
    assert rejects and not rejects[0].negated and rejects[0].modality == "asserted"
    assert "France" in rejects[0].actor1.text and REFUSAL in rejects[0].rules
    did_not = pipeline.annotate_text("France did not lift the ban on British beef.").events
    assert not any(REFUSAL in e.rules for e in did_not)  # a deed that did not happen states no refusal
