"""Stand-ins shared by the tests.

``StandInPipeline`` replaces ``Pipeline`` in the fault tests: fast, deterministic, free of the models. It codes the
first sentence of each document as one event and marks copies with the real ``DocumentIndex``, so the runner's
commit, resume and duplicate paths run as they do with the real pipeline. ``CodedStandIn`` / ``coded_stand_in``
carry the fields of a coded event that ``EventClassifier.vet`` reads and edits; ``event_stand_in`` is a finished
``Event`` with plain defaults for the fields a test does not care about; ``token_named`` finds a word of a parsed
sentence.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from eventscope.records import AnnotatedDocument, Event, Report, SentenceSpan, TextSpan
from eventscope.settings import Settings


class StandInPipeline:
    """Codes the first sentence of each document as one event; ``fail_after`` raises mid-run (a crash)."""

    def __init__(self, settings: Settings | None = None, fail_after: int | None = None) -> None:
        self.settings = settings or Settings()
        self.fail_after = fail_after
        self.coded: list[str] = []

    def annotate(self, sources, index=None):
        for source in sources:
            if self.fail_after is not None and len(self.coded) >= self.fail_after:
                raise RuntimeError("simulated crash")
            self.coded.append(source.doc_id)
            base = dict(
                doc_id=source.doc_id,
                title=source.title,
                date=source.date,
                url=source.url,
                source=source.source,
                text=source.text,
            )
            if source.error:
                yield AnnotatedDocument(**base, error=source.error)
                continue
            original = index.check_and_add(source.doc_id, source.text) if index is not None else None
            if original is not None:
                yield AnnotatedDocument(**base, duplicate_of=original)
                continue
            end = source.text.find(".") + 1 or len(source.text)
            event = assault_event(
                hashlib.sha1(source.text[:end].encode()).hexdigest()[:16],
                source.doc_id,
                date=source.date,
                sentence=(0, end),
                trigger=(0, 5, source.text[:5]),
            )
            yield AnnotatedDocument(**base, events=(event,))


def assault_event(
    event_id: str,
    doc_id: str,
    date: str | None,
    sentence: tuple[int, int],
    trigger: tuple[int, int, str],
) -> Event:
    """One asserted ASSAULT with no actors or place, reported once by ``doc_id``: the event the fault tests store."""
    return Event(
        event_id=event_id,
        event_type="ASSAULT",
        mode=None,
        context=(),
        cameo="190",
        actor1=None,
        actor2=None,
        claimed_by=None,
        location=None,
        date=date,
        date_precision=None,
        date_source=None,
        sentence=SentenceSpan(*sentence),
        trigger=TextSpan(*trigger),
        negated=False,
        modality="asserted",
        confidence=0.9,
        reports=(Report(doc_id, *sentence),),
    )


@dataclass
class CodedStandIn:
    """The fields of a coded event that ``EventClassifier.vet`` reads and edits."""

    entry: object
    trigger: object
    sentence: object
    actor1: object | None
    actor2: object | None
    negated: bool = False
    modality: str = "asserted"
    confidence: float = 0.95


def coded_stand_in(nlp, text: str, word: str, actors: int) -> CodedStandIn:
    """The lexicon's event on ``word`` of ``text`` with 0, 1 or 2 (opaque) actors."""
    from eventscope.events.lexicon import load_lexicon

    token = next(t for t in nlp(text) if t.text == word)
    hit = load_lexicon().lookup(token)
    assert hit is not None, word
    return CodedStandIn(hit[0], token, token.sent, object() if actors >= 1 else None, object() if actors == 2 else None)


def event_stand_in(**fields) -> Event:
    """A finished event: an asserted ASSAULT in the first 27 characters, no parties, confidence 0.5, overridden by
    ``fields``."""
    defaults = dict(
        event_id="e",
        event_type="ASSAULT",
        mode=None,
        context=(),
        cameo=None,
        actor1=None,
        actor2=None,
        claimed_by=None,
        location=None,
        date=None,
        date_precision=None,
        date_source=None,
        sentence=SentenceSpan(0, 27),
        trigger=TextSpan(0, 4, "text"),
        negated=False,
        modality="asserted",
        confidence=0.5,
    )
    return Event(**(defaults | fields))


def told_event(event_type: str, start: int, sentence: str, at: int, trigger: str, actor1=None, actor2=None) -> Event:
    """An asserted event told once, in ``sentence`` (starting at ``start`` of its text), by ``trigger`` at ``at``."""
    return event_stand_in(
        event_id=f"{event_type}-{at}",
        event_type=event_type,
        actor1=actor1,
        actor2=actor2,
        sentence=SentenceSpan(start, start + len(sentence)),
        trigger=TextSpan(at, at + len(trigger), trigger),
        reports=(Report("d", start, start + len(sentence)),),
    )


def token_named(doc, word: str):
    """The first token of a parsed text whose text is ``word``."""
    return next(t for t in doc if t.text == word)
