"""A deed named again by its noun, introduced as known ("the loan", "his endorsement"), is the deed already told."""

from __future__ import annotations

from dataclasses import replace

from eventscope.events.merge import merge_events
from eventscope.records import Actor, Event
from stand_ins import told_event


def _event(text: str, sentence: str, trigger: str, event_type: str, actor1: str | None, actor2: str | None) -> Event:
    """An event of ``text`` told in ``sentence`` by ``trigger`` (its last occurrence in the sentence), between the
    named parties (words of that sentence, each one named person or organisation)."""
    start = text.index(sentence)
    at = start + sentence.rindex(trigger)

    def party(words: str | None) -> Actor | None:
        if words is None:
            return None
        begin = start + sentence.index(words)
        return Actor(begin, begin + len(words), words, words.split()[-1], None, None)

    return told_event(event_type, start, sentence, at, trigger, party(actor1), party(actor2))


LOAN = "The Nordic Bank signed a loan with Kestrel Mining on Monday."


def test_a_loan_named_again_as_the_loan_is_the_loan_told():
    """ "The bank signed a loan with Kestrel ... The loan was made possible by the Arctic Fund": one loan, whoever
    the second sentence says helped; "a loan" or "another loan" later are loans of their own."""
    later = "The loan was made possible by the Arctic Fund."
    text = f"{LOAN} {later}"
    first = _event(text, LOAN, "loan", "AID", None, "Kestrel Mining")
    again = _event(text, later, "loan", "AID", "the Arctic Fund", None)
    (only,) = merge_events([first, again], text)
    assert only.mentions == 2 and only.actor2 is not None and only.actor2.text == "Kestrel Mining"

    for other in ("A loan was made possible by the Arctic Fund.", "Another loan was made possible by the Arctic Fund."):
        text = f"{LOAN} {other}"
        first = _event(text, LOAN, "loan", "AID", None, "Kestrel Mining")
        new = _event(text, other, "loan", "AID", "the Arctic Fund", None)
        assert len(merge_events([first, new], text)) == 2


ENDORSED = "Senator Ana Ruiz endorsed Governor Tom Blake on Friday."


def test_an_endorsement_named_again_under_a_condition_is_the_endorsement_told():
    """ "Ruiz endorsed Blake ... stances that could be imperiled by her endorsement of Blake": the clause is a
    condition, the noun names the endorsement told; "her endorsement of Lee Park" names another, and a deed of
    another root ("her support") or by another party stays its own."""
    later = "Her stances could be imperiled by her endorsement of Tom Blake."
    text = f"{ENDORSED} {later}"
    first = _event(text, ENDORSED, "endorsed", "SUPPORT", "Senator Ana Ruiz", "Governor Tom Blake")
    again = replace(_event(text, later, "endorsement", "SUPPORT", "her", "Tom Blake"), modality="hypothetical")
    again = replace(again, actor1=replace(again.actor1, name="Ruiz"))
    (only,) = merge_events([first, again], text)
    assert only.mentions == 2 and only.modality == "asserted"

    other = later.replace("Tom Blake", "Lee Park")
    text = f"{ENDORSED} {other}"
    first = _event(text, ENDORSED, "endorsed", "SUPPORT", "Senator Ana Ruiz", "Governor Tom Blake")
    new = replace(_event(text, other, "endorsement", "SUPPORT", "her", "Lee Park"), modality="hypothetical")
    assert len(merge_events([first, new], text)) == 2

    support = later.replace("endorsement of", "support for")
    text = f"{ENDORSED} {support}"
    first = _event(text, ENDORSED, "endorsed", "SUPPORT", "Senator Ana Ruiz", "Governor Tom Blake")
    new = replace(_event(text, support, "support", "SUPPORT", "her", "Tom Blake"), modality="hypothetical")
    assert len(merge_events([first, new], text)) == 2

    by_other = "Her rival Omar Diaz said the endorsement came too late."
    text = f"{ENDORSED} {by_other}"
    first = _event(text, ENDORSED, "endorsed", "SUPPORT", "Senator Ana Ruiz", "Governor Tom Blake")
    new = _event(text, by_other, "endorsement", "SUPPORT", "Her rival Omar Diaz", None)
    assert len(merge_events([first, new], text)) == 2


INDICTED = "The ICT approved an indictment of President Idris al-Mahdi on Monday."


def test_a_deed_noun_pointed_back_past_its_doers_name_is_the_deed_told():
    """ "an indictment of President Idris al-Mahdi ... the ICT indictment of Mahdi": "the" points back past the name
    that says whose deed it is, and "al-Mahdi" and "Mahdi" are one person (the Arabic article written or not); "an
    ICT indictment" or the ICT indictment of another person are indictments of their own."""
    later = "Weeks after the ICT indictment of Mahdi, the currency fell."
    text = f"{INDICTED} {later}"
    first = _event(text, INDICTED, "indictment", "ACCUSE", "ICT", "President Idris al-Mahdi")
    again = replace(_event(text, later, "indictment", "ACCUSE", "ICT", "Mahdi"), modality="hypothetical")
    (only,) = merge_events([first, again], text)
    assert only.mentions == 2 and only.actor2 is not None and only.actor2.text == "President Idris al-Mahdi"

    for other in (later.replace("the ICT", "an ICT"), later.replace("Mahdi", "Omar Haddad")):
        text = f"{INDICTED} {other}"
        first = _event(text, INDICTED, "indictment", "ACCUSE", "ICT", "President Idris al-Mahdi")
        person = "Omar Haddad" if "Haddad" in other else "Mahdi"
        new = replace(_event(text, other, "indictment", "ACCUSE", "ICT", person), modality="hypothetical")
        assert len(merge_events([first, new], text)) == 2
