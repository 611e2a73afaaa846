"""The classifier hook (``events/scoring.py``) keeps ``CodedEvent`` frozen while the model edits drafts."""

from __future__ import annotations

from dataclasses import replace

import pytest

from eventscope.events.coder import EventCoder
from eventscope.events.lexicon import load_lexicon
from eventscope.events.scoring import CLASSIFIER_RETYPE, score_events


class _EditingModel:
    """Drops events without a target, retypes every event to COERCE, sets a confidence; in place (as ``vet``)."""

    def vet(self, coded: list, favor: str = "precision") -> list:
        kept = []
        for item in coded:
            if favor == "precision" and item.actor2 is None:
                continue
            if item.entry.event_type != "COERCE":
                item.entry = replace(item.entry, event_type="COERCE")
            item.confidence = 0.42
            kept.append(item)
        return kept


class _ProbabilityModel:
    """A model without ``vet``: only P(no event) per trigger."""

    def type_probabilities(self, token) -> dict[str, float]:
        return {"NONE": 0.7 if token.lower_ == "protested" else 0.1}


@pytest.fixture(scope="module")
def coded(nlp, pipeline):
    doc = nlp("Russia attacked Ukrainian ports. Students protested.")
    return EventCoder(load_lexicon()).code(doc, pipeline.resolver.for_document(doc))


def test_model_edits_come_back_frozen_and_a_retype_is_named(coded) -> None:
    assert {e.entry.event_type for e in coded} == {"ASSAULT", "PROTEST"}
    scored = score_events(coded, _EditingModel())
    assert [(e.entry.event_type, e.confidence) for e in scored] == [("COERCE", 0.42)]
    assert scored[0].rules[-1] == CLASSIFIER_RETYPE and CLASSIFIER_RETYPE not in coded[0].rules
    assert coded[0].entry.event_type == "ASSAULT"  # the coder's event itself is untouched


def test_types_derived_by_coder_rules_are_not_retyped(nlp, pipeline) -> None:
    doc = nlp("Iraqi forces and Kurdish fighters attacked the town.")
    coded = EventCoder(load_lexicon()).code(doc, pipeline.resolver.for_document(doc))
    joint = [e for e in coded if "joint_deed" in e.rules]
    assert joint and joint[0].entry.event_type == "COOPERATE"
    scored = score_events(coded, _EditingModel())
    assert {e.entry.event_type for e in scored if "joint_deed" in e.rules} == {"COOPERATE"}
    assert {e.entry.event_type for e in scored if "each_pair" in e.rules} == {"COERCE"}


def test_model_without_vet_drops_one_actor_events_it_doubts(coded) -> None:
    scored = score_events(coded, _ProbabilityModel())
    assert [e.entry.event_type for e in scored] == ["ASSAULT"]
    assert scored[0].confidence <= 0.9
    assert len(score_events(coded, _ProbabilityModel(), favor="recall")) == 2


class _FallbackModel:
    """The model reads a COERCE event on the sentence's first verb, with a 0.6 sentence probability."""

    fallback_min = 0.5

    def fallback_candidate(self, sentence, min_probability=0.0):
        verb = next((t for t in sentence if t.pos_ == "VERB"), None)
        if verb is None:
            return None
        return verb, "COERCE", {"COERCE": 0.7, "NONE": 0.2}, {"COERCE": 0.6, "NONE": 0.3}

    def entry_for(self, token, event_type):
        from eventscope.events.lexicon import TriggerEntry

        return TriggerEntry(lemma=token.lemma_.lower(), pos="VERB", event_type=event_type, mode=None, cameo=None)

    def modality_probabilities(self, token):
        return {"asserted": 1.0, "future": 0.0, "hypothetical": 0.0, "negated": 0.0}

    def calibrated(self, probabilities, event_type, actors, fallback=False, sentence_probs=None):
        assert fallback and sentence_probs is not None
        return 0.55


def test_the_model_codes_an_event_only_where_the_coder_kept_none(nlp, pipeline) -> None:
    from eventscope.events.scoring import CLASSIFIER_FALLBACK, add_fallback_events

    doc = nlp("Russia attacked Ukrainian ports. French police detained the German activists. It rained.")
    coder = EventCoder(load_lexicon())
    actors = coder.argument_actors(pipeline.resolver.for_document(doc))
    kept = [e for e in coder.code(doc, actors) if e.entry.event_type == "ASSAULT"]  # as if "detained" were unknown
    events = add_fallback_events(doc, kept, _FallbackModel(), actors)
    added = [e for e in events if CLASSIFIER_FALLBACK in e.rules]
    assert len(added) == 1 and events[0] is kept[0]  # sentence order; the coder's sentence gets nothing more
    event = added[0]
    assert (event.entry.event_type, event.trigger.text, event.confidence) == ("COERCE", "detained", 0.55)
    assert "police" in event.actor1.text and "activists" in event.actor2.text
    # "It rained": no actor in the clause, no event; a model whose policy has no fallback adds nothing
    model = _FallbackModel()
    model.fallback_min = 1.01
    assert add_fallback_events(doc, kept, model, actors) == kept


def test_no_fallback_event_under_the_policy_threshold(nlp, pipeline) -> None:
    from eventscope.events.scoring import add_fallback_events

    doc = nlp("French police detained the German activists.")
    actors = EventCoder(load_lexicon()).argument_actors(pipeline.resolver.for_document(doc))
    model = _FallbackModel()
    model.fallback_min = 0.61
    assert add_fallback_events(doc, [], model, actors) == []


def test_no_fallback_event_on_a_word_a_sense_veto_dropped(nlp, pipeline) -> None:
    from eventscope.events.scoring import add_fallback_events

    # the coder reads "agreed ... about" as an opinion (opinion_agreement); the model must not code it again
    doc = nlp("The Turkish columnist agreed with the Greek envoy about the winner of the debate.")
    coder = EventCoder(load_lexicon())
    actors = coder.argument_actors(pipeline.resolver.for_document(doc))
    assert coder.code(doc, actors) == []
    assert add_fallback_events(doc, [], _FallbackModel(), actors) == []
    # a word dropped for want of actors (a structural veto) stays open to the model
    other = nlp("French police detained the German activists.")
    other_actors = coder.argument_actors(pipeline.resolver.for_document(other))
    assert add_fallback_events(other, [], _FallbackModel(), other_actors)


def test_a_match_report_codes_nothing_however_the_sentence_reads(code) -> None:
    story = (
        "The striker scored twice before the break. The midfielder was sent off after an hour. "
        "The manager said he was really pleased with the Brazilian players."
    )
    assert code(story) == []


def test_a_workers_strike_keeps_its_protest_type_whatever_the_model_reads(pipeline) -> None:
    text = "Lawyers in 18 districts went on strike, demanding a new bench of the High Court."
    events = pipeline.annotate_text(text, date="2015-02-18").events
    strikes = [e for e in events if e.trigger.text == "strike"]
    assert strikes and all(e.event_type == "PROTEST" for e in strikes)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("U.S. detained the German activists.", "U.S."),  # a name with no word of letters only is no pronoun
        ("Colombia is ready to contribute troops.", "Colombia"),  # the subject through the adjective
        ("It detained the German activists, the Israeli military said.", "military"),  # the speaker of "it"
    ],
)
def test_the_model_s_event_finds_its_source_in_the_clause(nlp, pipeline, text: str, source: str) -> None:
    from eventscope.events.scoring import add_fallback_events

    doc = nlp(text)
    actors = EventCoder(load_lexicon()).argument_actors(pipeline.resolver.for_document(doc))
    (event,) = add_fallback_events(doc, [], _FallbackModel(), actors)
    assert source in event.actor1.text


def test_a_pronoun_the_speaker_does_not_stand_for_gives_the_model_no_source(nlp, pipeline) -> None:
    from eventscope.events.scoring import add_fallback_events

    doc = nlp("It detained the German activists.")  # no one reports it: whose deed is unknown
    actors = EventCoder(load_lexicon()).argument_actors(pipeline.resolver.for_document(doc))
    assert add_fallback_events(doc, [], _FallbackModel(), actors) == []


def test_the_cooperation_read_off_a_joint_deed_is_less_sure_than_the_deed(code) -> None:
    """PLV and the PLOVER manual type "India and Pakistan agreed to a cease-fire" by its deed, AGREE: the event
    model is surer of the deed's type (``type_confidence``, what a sentence's events are ranked by)."""
    events = code("India and Pakistan agreed to a cease-fire along their border.")
    (deed,) = [e for e in events if e.event_type == "AGREE"]
    joint = [e for e in events if e.event_type == "COOPERATE"]
    assert joint and all(e.type_confidence < deed.type_confidence for e in joint)
    assert max(events, key=lambda e: e.type_confidence) is deed


class _RefusalModel(_FallbackModel):
    def fallback_candidate(self, sentence, min_probability=0.0):
        verb = next(t for t in sentence if t.lemma_ == "end")
        return verb, "REJECT", {"REJECT": 0.7, "NONE": 0.2}, {"REJECT": 0.6, "NONE": 0.3}


def test_a_refusal_the_model_reads_in_will_not_is_stated_not_negated(nlp, pipeline) -> None:
    from eventscope.events.scoring import add_fallback_events

    for text, negated in (
        ("French unions will not end the strike before Friday.", False),  # a refusal stated
        ("French unions did not end the strike on Friday.", True),  # a deed that did not happen
    ):
        doc = nlp(text)
        actors = EventCoder(load_lexicon()).argument_actors(pipeline.resolver.for_document(doc))
        (event,) = add_fallback_events(doc, [], _RefusalModel(), actors)
        assert event.negated is negated and (negated or event.modality == "asserted")


class _ChargesModel(_FallbackModel):
    def fallback_candidate(self, sentence, min_probability=0.0):
        noun = next(t for t in sentence if t.lemma_ == "charge")
        return noun, "ACCUSE", {"ACCUSE": 0.7, "NONE": 0.2}, {"ACCUSE": 0.6, "NONE": 0.3}


def test_who_faces_charges_is_not_who_brings_them(nlp, pipeline) -> None:
    from eventscope.events.scoring import add_fallback_events

    doc = nlp("The Russian minister is facing charges over the contracts.")
    actors = EventCoder(load_lexicon()).argument_actors(pipeline.resolver.for_document(doc))
    events = add_fallback_events(doc, [], _ChargesModel(), actors)
    assert all(e.actor1 is None or "minister" not in e.actor1.text for e in events)
    assert all(e.actor2 is None or "minister" in e.actor2.text for e in events)


def test_a_cooperative_deed_done_together_makes_no_partnership_of_its_own(code) -> None:
    """Giving aid together is already the cooperation: no second COOPERATE event between the givers."""
    events = code("Canada and Mexico sent food aid to the flood victims in Haiti.")
    assert any(e.event_type == "AID" for e in events)
    assert not any(e.event_type == "COOPERATE" for e in events)


def test_a_refusal_is_one_event_not_also_the_refused_deed(code) -> None:
    """ "refused to endorse": the REJECT is the happening; the endorsement it negates is not a second record of it."""
    events = code("The Kenyan senator refused to endorse the president.")
    assert [e.event_type for e in events] == ["REJECT"]


def test_calling_someone_names_stays_disapproval_whatever_the_model_reads(pipeline_with) -> None:
    unfiltered = pipeline_with(min_eventness=0.0)
    events = unfiltered.annotate_text("The Kenyan governor calls the senator a disgrace.", date="2024-05-10").events
    on_calls = [e for e in events if e.trigger.text == "calls"]
    assert [(e.event_type, e.mode) for e in on_calls] == [("ACCUSE", "disapprove")]


class _AccusingModel:
    """Reads every event as an ACCUSE (as the model reads "called for" after PLV's "called for sanctions")."""

    def vet(self, coded: list, favor: str = "precision") -> list:
        for item in coded:
            item.entry = replace(item.entry, event_type="ACCUSE")
        return list(coded)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Kenyan opposition called for more school funding in a statement.", "REQUEST"),
        ("The Kenyan senator has called for cutting taxes on fuel.", "REQUEST"),
        ("The Kenyan opposition called for sanctions against Uganda.", "ACCUSE"),
        ("The Kenyan opposition called for an inquiry into the shooting.", "ACCUSE"),
    ],
)
def test_a_call_for_a_policy_stays_a_request(nlp, pipeline, text: str, expected: str) -> None:
    doc = nlp(text)
    coded = EventCoder(load_lexicon()).code(doc, pipeline.resolver.for_document(doc))
    calls = [e for e in coded if e.trigger.lemma_ == "call"]
    assert calls and calls[0].entry.event_type == "REQUEST"
    scored = score_events(coded, _AccusingModel())
    assert {e.entry.event_type for e in scored if e.trigger.lemma_ == "call"} == {expected}
