"""The pipeline: ingest -> dedup -> nlp -> quotes -> actors -> events -> geo -> merge.

Stages never import each other; they meet here.  ``Pipeline.annotate`` is the library's main
entry point; the CLI and the HTTP API are thin layers over it.
"""

from __future__ import annotations

import os
import time
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from functools import cached_property

from spacy.tokens import Doc, Span

from eventscope.actors import ActorResolver, load_knowledge_base
from eventscope.actors.inference import (
    OutletCountries,
    country_evidence,
    document_country,
    place_rereadings,
    with_place_country,
    with_place_rereading,
)
from eventscope.actors.sectors import STATE_SECTORS
from eventscope.dedup import DocumentIndex, find_duplicate_paragraphs
from eventscope.errors import OverBudget, ProcessingError
from eventscope.events import CodedEvent, EventCoder, happening_id, load_lexicon, merge_events
from eventscope.events.attribution import link_quotes_and_events
from eventscope.events.classifier import EventClassifier
from eventscope.events.coded import with_recipient_thing
from eventscope.events.conflict import by_air_strike, fold_casualties, in_security_operation
from eventscope.events.context import contexts_for
from eventscope.events.eventness import EventnessModel, load_eventness
from eventscope.events.merge import count_duplicate_reports as _count_duplicate_reports
from eventscope.events.ontology import load_ontology
from eventscope.events.relevance import home_destination, political_events
from eventscope.events.scoring import add_fallback_events, score_events
from eventscope.geo import Geoparser
from eventscope.geo.locate import qualifies_a_national_symbol, scene_candidates
from eventscope.ingest import SourceDocument
from eventscope.ingest.readers import make_document
from eventscope.nlp import DateResolver, load_nlp
from eventscope.nlp.parser import document_text
from eventscope.quotes import extract_quotes, speaker_head_span
from eventscope.records import (
    Actor,
    AnnotatedDocument,
    Entity,
    Event,
    Paragraph,
    Quote,
    Report,
    SentenceSpan,
    TextSpan,
)
from eventscope.settings import Settings
from eventscope.vocabulary import words

NAMED_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"}


NAMED_GROUP_LABELS = frozenset({"ORG", "NORP"})
"""Entity labels of the named groups whose country says the story's when no place does."""


IMPLIED_ARRESTER = Actor(None, None, "police", None, None, "POL")
"""Who arrests when the text does not say ("was arrested in Dhaka", "were detained"): the police of the state where
it happened (``with_place_country`` gives the country, marked inferred).  ACLED codes such notes with the country's
police as actor 1; the actor has no span, as nothing in the text names it."""
IMPLIED_AIR_FORCE = Actor(None, None, "air force", None, None, "MIL")
"""Who carried out an air strike the text names no doer of ("ten militants were killed in air strikes in North
Waziristan", "airstrikes pounded hideouts"): the air force of the state where it happened (``with_place_country``),
as ACLED codes such notes ("Military Forces of Pakistan").  A named or modified doer ("Israeli airstrikes", "a
coalition air strike") is resolved by the coder first and kept; drone strikes are not air strikes here
(data/vocabulary.json ``air_strike_nouns``)."""
IMPLIED_SECURITY_FORCES = Actor(None, None, "security forces", None, None, "MIL")
"""Who hit a non-state victim "in an operation", "in an encounter", "during a crackdown" when the text names no doer
("five militants were killed in a search operation in Kurram"): the security forces of the state where it happened
(``with_place_country``), as ACLED codes such notes.  A state victim ("a soldier killed in an encounter") was hit by
the other side and gets none (``conflict.in_security_operation``)."""


def _names_a_group(entity: Span) -> bool:
    """An ORG, or a NORP that stands for people ("the Pakistanis", "Indian troops"), not for a national thing
    ("Indian *currency*", "American *flags*": ``national_symbols``)."""
    if entity.label_ not in NAMED_GROUP_LABELS:
        return False
    return not (entity.label_ == "NORP" and qualifies_a_national_symbol(entity.root))


def _implied_doer(item) -> tuple[Actor, str] | None:
    """The doer the text leaves unnamed and the rule that implies it: an agentless arrest is by the police
    (``IMPLIED_ARRESTER``), an agentless air strike by the air force (``IMPLIED_AIR_FORCE``), a non-state victim hit
    in a security operation by the security forces (``IMPLIED_SECURITY_FORCES``); each takes the country of the
    place later (``with_place_country``)."""
    entry = item.entry
    if item.actor1 is not None:
        return None
    if entry.event_type == "COERCE" and entry.mode == "arrest":
        return IMPLIED_ARRESTER, "implied_arrester"
    if entry.event_type != "ASSAULT":
        return None
    if by_air_strike(item.trigger):
        return IMPLIED_AIR_FORCE, "implied_air_force"
    victims = item.actor2.constituents() if item.actor2 else ()
    if not any(m.sector in STATE_SECTORS for m in victims) and in_security_operation(item.trigger):
        return IMPLIED_SECURITY_FORCES, "implied_security_forces"
    return None


class Pipeline:
    """Loads every resource once (lazily) and annotates documents in batches."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()

    @cached_property
    def resolver(self) -> ActorResolver:
        return ActorResolver(load_knowledge_base(extra_paths=list(self.settings.actor_kb)))

    @cached_property
    def nlp(self):
        return load_nlp(
            self.resolver.entity_ruler_patterns(),
            model=self.settings.model,
            max_sentence_chars=self.settings.max_sentence_chars,
        )

    @cached_property
    def coder(self) -> EventCoder:
        return EventCoder(load_lexicon(with_cameo_verbs=self.settings.favor == "recall"), favor=self.settings.favor)

    @cached_property
    def classifier(self) -> EventClassifier:
        shipped = EventClassifier.load()
        if self.settings.event_model != "accurate":
            return shipped
        from eventscope.events.sentence_model import SentenceTypeModel

        model = SentenceTypeModel()
        return shipped.with_sentence_reader(model.reading, model.policy)

    @cached_property
    def eventness(self) -> EventnessModel:
        return load_eventness()

    @cached_property
    def outlets(self) -> OutletCountries:
        """The home countries this pipeline has learned of outlets from their stories (``actors/inference.py``)."""
        return OutletCountries()

    @cached_property
    def geoparser(self) -> Geoparser | None:
        return Geoparser() if self.settings.geoparse else None

    @cached_property
    def ontology(self):
        return load_ontology()

    # -- public API -------------------------------------------------------------------------

    def annotate_text(self, text: str, **metadata: str) -> AnnotatedDocument:
        """Annotate one text (metadata: doc_id, title, date, url, source)."""
        source = make_document(text, **metadata)
        return next(self.annotate(iter([source])))

    def annotate(
        self, sources: Iterable[SourceDocument], index: DocumentIndex | None = None
    ) -> Iterator[AnnotatedDocument]:
        """Annotate documents in input order; bad ones come back with ``error`` set."""
        index = index if index is not None else DocumentIndex()
        batches = _batched(sources, self.settings.batch_size)
        if self._workers() > 1:
            yield from self._annotate_parallel(batches, index)
            return
        for batch in batches:
            yield from self.annotate_batch(_mark_duplicates(batch, index))

    def annotate_batch(self, batch: list[tuple[SourceDocument, str | None]]) -> list[AnnotatedDocument]:
        """One batch: (document, id of the earlier document it copies or None)."""
        results: list[AnnotatedDocument | None] = [None] * len(batch)
        to_parse: list[tuple[int, SourceDocument, list[Paragraph], str]] = []
        for position, (source, duplicate_of) in enumerate(batch):
            if source.error:
                results[position] = _error_record(source, source.error)
                continue
            paragraphs = find_duplicate_paragraphs(source.text)
            if duplicate_of is not None:
                results[position] = _base_record(source, paragraphs, duplicate_of=duplicate_of)
                continue
            to_parse.append((position, source, paragraphs, _blank_duplicates(source.text, paragraphs)))
        parsed = self.nlp.pipe((item[3] for item in to_parse), batch_size=self.settings.batch_size)
        if to_parse:
            self._load_models()
        for (position, source, paragraphs, _), doc in zip(to_parse, parsed, strict=True):
            try:
                results[position] = self._annotate_doc(source, paragraphs, doc, _Deadline(self.settings, source))
            except OverBudget as exc:
                results[position] = _error_record(source, str(exc))
            except Exception as exc:  # a bug in a stage must not sink the batch
                message = str(ProcessingError(f"{type(exc).__name__}: {exc} in {source.origin}"))
                results[position] = _error_record(source, message)
        return [r for r in results if r is not None]

    def _load_models(self) -> None:
        """Load the lazily built models before any document's time budget starts: a first run on a fresh
        machine builds the gazetteer cache (~9 s), which is no document's cost."""
        _ = self.coder, self.classifier, self.ontology
        _ = self.eventness
        if self.geoparser is not None:
            _ = self.geoparser.gazetteer

    # -- stages -----------------------------------------------------------------------------

    def _annotate_doc(
        self, source: SourceDocument, paragraphs: list[Paragraph], doc: Doc, deadline: _Deadline | None = None
    ) -> AnnotatedDocument:
        deadline = deadline or _Deadline(self.settings, source)
        skip = [(p.start, p.end) for p in paragraphs if p.duplicate_of is not None]
        doc_actors = self.resolver.for_document(doc, source.date)
        quotes = [self._resolve_speaker(doc, quote, doc_actors) for quote in extract_quotes(doc, skip)]
        deadline.check("quotes")
        # one happening of a sentence, one event: casualty reports fold into the sentence's attack
        coded = fold_casualties(self._score(self.coder.code(doc, doc_actors, quotes, skip)))
        argument_actors = self.coder.argument_actors(doc_actors)
        coded = add_fallback_events(doc, coded, self.classifier, argument_actors, skip)
        deadline.check("event coding")
        # the actors' country stands for the story's when no place names it ("clashes in the capital")
        actors = [a for item in coded for a in (item.actor1, item.actor2)]
        # named groups the story mentions outside any event count too ("directed at SSA-N factions")
        actors += [doc_actors.resolve_token(e.root) for e in doc.ents if _names_a_group(e)]
        # ... and with neither, the outlet's home country: its name's ("Bangkok Post"), else its other stories'
        home = (self.geoparser.home_country(source.source) if self.geoparser else None) or self.outlets.home(
            source.source
        )
        actor_country = document_country((), actors, source.text, home)
        places = self.geoparser.find_places(doc, actor_country) if self.geoparser else []
        deadline.check("geoparsing")
        # "a Paris man" in a story the geoparser places in Paris, Tennessee is American, not French
        rereadings = place_rereadings(actors, places, self._place_word_country)
        if rereadings:
            coded = [
                replace(
                    item,
                    actor1=with_place_rereading(item.actor1, rereadings),
                    actor2=with_place_rereading(item.actor2, rereadings),
                )
                for item in coded
            ]
        dates = DateResolver(source.date)
        sources_by_sentence: dict[int, list] = {}
        for item in coded:
            sources_by_sentence.setdefault(item.sentence.start, []).extend(
                a for a in (item.actor1, item.claimed_by) if a is not None and a.start is not None
            )
        # a source's own place ("U.S. forces", "Russia did not attack") is not where anything happened
        text = document_text(doc)
        free_places = {start: _free_places(places, busy, text) for start, busy in sources_by_sentence.items()}
        # unnamed state agents of an event with no located country take the document's country
        scene = scene_candidates(doc, places)
        own_country, spoken = country_evidence(scene, actors, text)
        self.outlets.add(source.source, own_country)
        country = own_country if spoken else home
        events = [
            deadline.check(
                "locating",
                self._event(source, doc, item, dates, free_places[item.sentence.start], places, country),
            )
            for item in coded
        ]
        if self.settings.favor == "precision":
            events = political_events(events)  # a cooperative deed between private parties is no political event
        events = _count_duplicate_reports(merge_events(events, text, source.title), paragraphs, source.doc_id)
        events = [with_recipient_thing(event, doc, argument_actors) for event in events]
        # precision mode leaves out what a reader would least likely count; every record's confidence is then what
        # analysts' verdicts on ordinary news say of such a record (events/eventness.py)
        events = self.eventness.judged(events, source.text, self._eventness_threshold())
        entities = tuple(
            Entity(start=e.start_char, end=e.end_char, text=e.text, label=e.label_)
            for e in doc.ents
            if e.label_ in NAMED_LABELS
        )
        quotes, events = link_quotes_and_events(quotes, events)
        warnings = source.warnings
        if doc._.forced_splits:
            warnings += (
                f"{doc._.forced_splits} overlong sentence(s) split at {self.settings.max_sentence_chars} characters",
            )
        return replace(
            _base_record(source, paragraphs),
            entities=entities,
            places=tuple(places),
            quotes=tuple(quotes),
            events=tuple(events),
            warnings=warnings,
        )

    def _place_word_country(self, text: str) -> str | None:
        """The knowledge base's country for a place word it knows as a country or a capital ("Paris": FRA), the
        reading the actors stage gave it (``place_rereadings``)."""
        entry = self.resolver.kb.lookup(text.lower(), text)
        return entry.country if entry is not None and entry.kind in ("country", "capital") else None

    def _eventness_threshold(self) -> float:
        """The eventness under which precision mode leaves an event out (events/eventness.py); 0 keeps all. A deed
        between two parties is kept whatever it reads, as the event model's veto keeps it: the syntax found the
        dyad; a verbal event between two parties is not (``eventness.kept_as_dyad``)."""
        if self.settings.favor != "precision":
            return 0.0
        threshold = self.settings.min_eventness
        return self.eventness.threshold if threshold < 0 else max(threshold, 0.0)

    def _score(self, coded: list[CodedEvent]) -> list[CodedEvent]:
        """The learned event model vets each syntactic event (``EventClassifier.vet``): vetoes one-actor events
        it says state no event (precision mode), marks non-asserted ones, retypes an event when confident, and
        sets the confidence to its calibrated probability of being right (docs/model.md)."""
        return score_events(coded, self.classifier, self.settings.favor)

    def _resolve_speaker(self, doc: Doc, quote: Quote, doc_actors) -> Quote:
        if quote.speaker is None:
            return quote
        span = speaker_head_span(doc, quote)
        # the head token's whole phrase carries the cues ("U.S. Major General ...", appositions)
        resolved = doc_actors.resolve_token(span.root) if span is not None else None
        if resolved is None:
            return quote
        speaker = replace(
            quote.speaker, country=resolved.country, sector=resolved.sector, name=quote.speaker.name or resolved.name
        )
        return replace(quote, speaker=speaker)

    def _event(
        self, source: SourceDocument, doc: Doc, item, dates: DateResolver, candidates, places=None, country=None
    ) -> Event:
        entry = item.entry
        sentence = item.sentence
        trigger = TextSpan(item.trigger.idx, item.trigger_end, source.text[item.trigger.idx : item.trigger_end])
        location = None
        if self.geoparser:
            location = self.geoparser.locate(doc, item.trigger.i, candidates, places)
        when = dates.for_sentence(sentence)
        implied = _implied_doer(item)
        if implied is not None:
            item = replace(item, actor1=implied[0], rules=(*item.rules, implied[1]))
        visit = entry.event_type == "CONSULT" and entry.mode == "visit"  # a visitor is not from where it went
        item = replace(
            item,
            actor1=item.actor1 if visit else with_place_country(item.actor1, location, country, places),
            actor2=with_place_country(item.actor2, location, country, places),
        )
        if home_destination(entry.event_type, item.actor1, item.actor2, location):
            item = replace(item, actor2=None, rules=(*item.rules, "home_destination"))
        mode = entry.mode if entry.mode and self._valid_mode(entry.event_type, entry.mode) else None
        cameo = entry.cameo or self.ontology.cameo_for(entry.event_type, mode)
        sentence_span = SentenceSpan(sentence.start_char, sentence.start_char + len(sentence.text.rstrip()))
        return Event(
            event_id=happening_id(
                entry.event_type,
                mode,
                item.actor1,
                item.actor2,
                location,
                when.date if when else None,
                item.negated,
                item.modality,
                item.theme,
                sentence.text,
            ),
            event_type=entry.event_type,
            mode=mode,
            context=contexts_for(sentence, [item.actor1, item.actor2]),
            cameo=cameo,
            actor1=item.actor1,
            actor2=item.actor2,
            claimed_by=item.claimed_by,
            location=location,
            date=when.date if when else None,
            date_precision=when.precision if when else None,
            date_source=("text" if when.text else "document") if when else None,
            sentence=sentence_span,
            trigger=trigger,
            negated=item.negated,
            modality=item.modality,
            confidence=item.confidence,
            mentions=1,
            reports=(Report(source.doc_id, sentence_span.start, sentence_span.end),),
            dead=item.dead,
            injured=item.injured,
            size=item.size,
            rules=item.rules,
            reciprocal=item.reciprocal,
        )

    def _valid_mode(self, event_type: str, mode: str) -> bool:
        return mode in self.ontology.modes(event_type)

    # -- parallelism ------------------------------------------------------------------------

    def _workers(self) -> int:
        n = self.settings.n_process
        return (os.cpu_count() or 1) if n == 0 else max(1, n)

    def _annotate_parallel(self, batches: Iterator[list[SourceDocument]], index: DocumentIndex):
        workers = self._workers()
        with ProcessPoolExecutor(
            max_workers=workers, initializer=_init_worker, initargs=(replace(self.settings, n_process=1),)
        ) as pool:
            pending = []
            for batch in batches:
                pending.append(pool.submit(_worker_batch, _mark_duplicates(batch, index)))
                if len(pending) >= workers * 2:
                    yield from pending.pop(0).result()
            for future in pending:
                yield from future.result()


_WORKER: Pipeline | None = None


def _init_worker(settings: Settings) -> None:
    """Each worker loads the models once and computes on one thread (no oversubscription of the cores)."""
    global _WORKER
    import signal

    from threadpoolctl import threadpool_limits

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's: it lets the batches in hand finish
    threadpool_limits(1)
    _WORKER = Pipeline(settings)
    _WORKER.nlp  # noqa: B018 - load models once per worker


def _worker_batch(batch: list[tuple[SourceDocument, str | None]]) -> list[AnnotatedDocument]:
    assert _WORKER is not None
    return _WORKER.annotate_batch(batch)


def _mark_duplicates(batch: list[SourceDocument], index: DocumentIndex) -> list[tuple[SourceDocument, str | None]]:
    return [(doc, None if doc.error else index.check_and_add(doc.doc_id, doc.text)) for doc in batch]


MAX_BATCH_CHARS = 64_000
"""A batch closes at this much text even before ``batch_size`` documents: parsing 32 long reports at once
peaked at 1.36 GB RSS against 0.86 GB in batches of 8, at the same speed (make bench, long documents)."""


def _batched(items: Iterable[SourceDocument], size: int) -> Iterator[list[SourceDocument]]:
    batch: list[SourceDocument] = []
    chars = 0
    for item in items:
        batch.append(item)
        chars += len(item.text)
        if len(batch) >= size or chars >= MAX_BATCH_CHARS:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


_SCENE_PREPS = frozenset(words("scene_prepositions"))


def _scene_phrase(text: str, actor_start: int, place_start: int) -> bool:
    """The place follows a scene preposition inside the actor's span: "police *in* Kabul", "men *near* X",
    "activists *in* Tripura's Dharmanagar area" (a possessor place on the way is part of the scene phrase)."""
    if not text or place_start <= actor_start:
        return False
    before = text[actor_start:place_start].split()
    while before and (
        before[-1].lower() in {"the", "central", "northern", "southern", "eastern", "western", "north", "south"}
        or before[-1].endswith(("'s", "\u2019s"))
    ):
        before.pop()
    return bool(before) and before[-1].lower() in _SCENE_PREPS


def _free_places(places: list, busy: list, text: str = "") -> list:
    """Places not overlapping any of a sentence's source actors, once per sentence (not per event).

    A place that names the actor ("U.S. forces") is not where the event happened, but a place in a
    locative phrase inside the actor's span is ("workers in Maharashtra staged a protest"): it stays free.
    Each actor finds the places it overlaps by bisection over their start offsets: one sentence with
    thousands of actors and places used to cost actors x places x events (64 s at 80k characters)."""
    if not busy or not places:
        return places
    order = sorted(range(len(places)), key=lambda i: places[i].start)
    starts = [places[i].start for i in order]
    longest = max(p.end - p.start for p in places)
    blocked: set[int] = set()
    for actor in busy:
        j = bisect_left(starts, actor.end) - 1
        while j >= 0 and starts[j] > actor.start - longest:
            if places[order[j]].end > actor.start and not _scene_phrase(text, actor.start, places[order[j]].start):
                blocked.add(order[j])
            j -= 1
    return [p for i, p in enumerate(places) if i not in blocked] if blocked else places


def _blank_duplicates(text: str, paragraphs: list[Paragraph]) -> str:
    """Duplicate paragraphs become spaces: offsets stay valid and the parser skips the copy."""
    chars = list(text)
    for paragraph in paragraphs:
        if paragraph.duplicate_of is not None:
            chars[paragraph.start : paragraph.end] = " " * (paragraph.end - paragraph.start)
    return "".join(chars)


def _base_record(source: SourceDocument, paragraphs: list[Paragraph], duplicate_of: str | None = None):
    return AnnotatedDocument(
        doc_id=source.doc_id,
        title=source.title,
        date=source.date,
        url=source.url,
        source=source.source,
        text=source.text,
        duplicate_of=duplicate_of,
        paragraphs=tuple(paragraphs),
        language=source.language,
        warnings=source.warnings,
        origin=source.origin or None,
    )


def _error_record(source: SourceDocument, message: str) -> AnnotatedDocument:
    return AnnotatedDocument(
        doc_id=source.doc_id,
        title=source.title,
        date=source.date,
        url=source.url,
        source=source.source,
        text=source.text,
        error=message,
        language=source.language,
        warnings=source.warnings,
        origin=source.origin or None,
    )


class _Deadline:
    """A document's time budget (``time_budget`` CPU seconds per 10,000 characters, at least one unit): one
    pathological document becomes an error record instead of holding the batch.  CPU time, so a busy
    machine does not fail documents; parsing is not counted (spaCy is linear in length and sentences are
    capped); the stages after it are checked between steps and after each event."""

    def __init__(self, settings: Settings, source: SourceDocument) -> None:
        per_10k = settings.time_budget
        self.seconds = per_10k * max(1.0, len(source.text) / 10_000) if per_10k > 0 else None
        self.started = time.process_time()
        self.origin = source.origin or source.doc_id

    def check(self, stage: str, value=None):
        """Raise ``OverBudget`` when the budget is spent; pass ``value`` through (for comprehensions)."""
        if self.seconds is not None and time.process_time() - self.started > self.seconds:
            raise OverBudget(f"over the time budget of {self.seconds:.1f} s in {stage} ({self.origin})")
        return value


__all__ = ["Pipeline"]
