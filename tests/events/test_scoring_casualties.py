"""Casualty reports are victim-only by nature: the model types and calibrates them but never vetoes them."""

from __future__ import annotations

from eventscope.events.coder import EventCoder
from eventscope.events.lexicon import load_lexicon
from eventscope.events.scoring import CASUALTY_RULES, score_events


class _NoSourceNoEvent:
    """Vetoes every event without a source in precision mode (what a strict model would do)."""

    def vet(self, coded: list, favor: str = "precision") -> list:
        kept = []
        for item in coded:
            if favor == "precision" and item.actor1 is None:
                continue
            item.confidence = 0.5
            kept.append(item)
        return kept


def test_a_casualty_report_survives_a_model_that_vetoes_sourceless_events(nlp, pipeline) -> None:
    doc = nlp("Two members of a village security team were injured in a gun attack. Two policemen were attacked.")
    coded = EventCoder(load_lexicon()).code(doc, pipeline.resolver.for_document(doc))
    casualty = [e for e in coded if CASUALTY_RULES & set(e.rules)]
    assert casualty, [(e.entry.event_type, e.rules) for e in coded]
    scored = score_events(coded, _NoSourceNoEvent())
    assert any(CASUALTY_RULES & set(e.rules) for e in scored)
    assert all(e.confidence == 0.5 for e in scored)  # still calibrated by the model
    others = [e for e in coded if not CASUALTY_RULES & set(e.rules) and e.actor1 is None]
    assert others, [(e.entry.event_type, e.rules) for e in coded]
    assert not any(e.trigger.i == o.trigger.i for e in scored for o in others)  # the veto holds for the rest


def test_casualty_reports_fold_into_the_attack_of_their_sentence(nlp, pipeline) -> None:
    from eventscope.events.conflict import fold_casualties

    doc = nlp("A man was killed and ten others were injured in a clash between police and the protesters.")
    coded = EventCoder(load_lexicon()).code(doc, pipeline.resolver.for_document(doc))
    folded = fold_casualties(coded)
    attacks = [e for e in folded if e.entry.event_type == "ASSAULT"]
    assert attacks and not any(CASUALTY_RULES & set(e.rules) for e in attacks if len(attacks) > 1)
    assert max(e.dead.value for e in attacks if e.dead) == 1
    assert max(e.injured.value for e in attacks if e.injured) == 10


def test_a_raised_toll_updates_the_attack_told_before(nlp, pipeline) -> None:
    from eventscope.events.conflict import fold_casualties

    doc = nlp("Three passengers were killed when assailants torched a bus. The death toll rose to five on Friday.")
    coded = EventCoder(load_lexicon()).code(doc, pipeline.resolver.for_document(doc))
    assert max(e.dead.value for e in fold_casualties(coded) if e.dead) == 5
