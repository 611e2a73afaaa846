"""A request that someone rejects, grants or ignores in the same clause was made to that one ("the court rejected a
request from the opposition"); a request denied is refused, not a deed said untrue ("denied requests from X")."""

from __future__ import annotations


def _events(run_coder, text, word):
    _, events, _ = run_coder(text)
    return [e for e in events if e.trigger.lower_ == word]


def test_rejected_request_is_addressed_to_the_rejecter(run_coder) -> None:
    found = _events(run_coder, "The High Court rejected a request from the ruling party to delay the vote.", "request")
    assert found and found[0].actor2 is not None and "Court" in found[0].actor2.text
    assert "answered_request" in found[0].rules


def test_denied_request_stays_a_refusal(run_coder) -> None:
    found = _events(run_coder, "The junta denied requests from the United Nations to reopen the schools.", "denied")
    assert found and found[0].entry.event_type == "REJECT"
    assert found[0].actor2 is not None and "United Nations" in found[0].actor2.text


def test_a_request_made_names_no_responder(run_coder) -> None:
    found = _events(run_coder, "The ruling party made a request to the High Court on Monday.", "request")
    assert found and all("answered_request" not in e.rules for e in found)


def test_turned_into_is_no_answer(run_coder) -> None:
    found = _events(run_coder, "The council turned the request into a formal motion.", "request")
    assert all("answered_request" not in e.rules for e in found)
