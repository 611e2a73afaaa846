"""Acts said not to happen: avoidance phrases, a denying subject, and a negation shared by joined verbs
(events/modality.py: _avoided, _denied_by_subject, _negated_conjunct)."""


def _flags(events):
    return {(e.event_type, e.trigger.text): e.negated for e in events}


def test_avoidance_phrase_negates_the_deed_after_it(code):
    for text in (
        "The council stopped short of imposing sanctions on Iran.",
        "The senator shied away from endorsing the treaty.",
        "Washington held off on sending more troops to Syria.",
    ):
        events = code(text)
        assert events and all(e.negated for e in events), (text, _flags(events))


def test_denying_subject_and_neither_nor_negate(code):
    coup = code("Neither France nor Germany condemned the coup.")
    assert coup and all(e.negated for e in coup), _flags(coup)
    talks = code("The minister neither met the rebels nor spoke with their envoy.")
    assert len(talks) == 2 and all(e.negated for e in talks), _flags(talks)


def test_or_shares_the_negation_of_the_first_verb(code):
    events = code("The army did not attack the village or arrest its leaders.")
    assert _flags(events) == {("ASSAULT", "attack"): True, ("COERCE", "arrest"): True}


def test_asserted_deeds_stay_asserted(code):
    # "but" does not carry the negation; the plain deeds and a particle verb of no avoidance are not negated
    shelled = code("The army did not attack the town but shelled its outskirts.")
    assert _flags(shelled) == {("ASSAULT", "attack"): True, ("ASSAULT", "shelled"): False}
    for text in (
        "The council imposed sanctions on Iran.",
        "The minister met the rebels and spoke with their envoy.",
        "France and Germany condemned the coup.",
    ):
        events = code(text)
        assert events and not any(e.negated for e in events), (text, _flags(events))


def _parsed(nlp, words, heads, deps, tags, pos):
    from spacy.tokens import Doc

    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos)


def test_denial_verb_read_as_a_noun_still_negates(nlp):
    from eventscope.events.modality import is_negated

    # the parse a headline gets: "avoids" taken for a plural noun, the object of the name before it
    doc = _parsed(
        nlp,
        ["Bishop", "avoids", "condemning", "the", "raid"],
        [0, 0, 1, 4, 2],
        ["ROOT", "dobj", "acl", "det", "dobj"],
        ["NNP", "NNS", "VBG", "DT", "NN"],
        ["PROPN", "NOUN", "VERB", "DET", "NOUN"],
    )
    assert is_negated(doc[2])
    # a real plural noun with a modifier of its own ("sharp declines prompting a sell-off") negates nothing
    doc = _parsed(
        nlp,
        ["sharp", "declines", "prompting", "a", "sell-off"],
        [1, 1, 1, 4, 2],
        ["amod", "ROOT", "acl", "det", "dobj"],
        ["JJ", "NNS", "VBG", "DT", "NN"],
        ["ADJ", "NOUN", "VERB", "DET", "NOUN"],
    )
    assert not is_negated(doc[2])


def test_deed_noun_after_without_is_negated(code):
    talks = [
        e
        for e in code("The talks in Geneva ended without an agreement between Iran and Iraq.")
        if e.trigger.text == "agreement"
    ]
    assert talks and all(e.negated for e in talks)
    # "with" tells a deed that happened
    done = [
        e
        for e in code("The talks in Geneva ended with an agreement between Iran and Iraq.")
        if e.trigger.text == "agreement"
    ]
    assert done and not any(e.negated for e in done)
