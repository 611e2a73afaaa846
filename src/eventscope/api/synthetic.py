"""A synthetic store for API tests and the load benchmark: records built directly, no text parsed.

The sentences are written from templates so every span is a real offset into the document text, and
ids are content hashes like the pipeline's, so the store treats them like coded documents.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta

from eventscope.ids import content_id
from eventscope.records import Actor, AnnotatedDocument, Event, EventLocation, Paragraph, Report, SentenceSpan, TextSpan

ACTORS = [  # (name, country, sector)
    ("Iraqi forces", "IRQ", "MIL"),
    ("Iran", "IRN", "GOV"),
    ("Malian troops", "MLI", "MIL"),
    ("Militants", None, "REB"),
    ("United Nations", None, "IGO"),
    ("Poland", "POL", "GOV"),
    ("Ukraine", "UKR", "GOV"),
    ("Farmers", "POL", "CVL"),
    ("Taliban", "AFG", "REB"),
    ("Pakistani officials", "PAK", "GOV"),
]
PLACES = [  # (name, lat, lon, country, admin1)
    ("Amarah", 31.83561, 47.14483, "IRQ", "Maysan"),
    ("Basrah", 30.50852, 47.7804, "IRQ", "Basra"),
    ("Gao", 16.27167, -0.04472, "MLI", "Gao"),
    ("Timbuktu", 16.77348, -3.00742, "MLI", "Tombouctou"),
    ("Warsaw", 52.22977, 21.01178, "POL", "Mazovia"),
    ("Kabul", 34.52813, 69.17233, "AFG", "Kabul"),
    ("Islamabad", 33.72148, 73.04329, "PAK", "Islamabad"),
    ("Caracas", 10.48801, -66.87919, "VEN", "Capital"),
]
VERBS = [  # (event type, mode, trigger, context)
    ("ASSAULT", None, "attacked", "military"),
    ("COERCE", "seize", "seized", "military"),
    ("CONSULT", None, "met", "diplomatic"),
    ("SUPPORT", None, "praised", "diplomatic"),
    ("ACCUSE", "allege", "accused", "human_rights"),
    ("AID", None, "sent aid to", "humanitarian"),
    ("PROTEST", "demo", "protested against", "economic"),
    ("THREATEN", None, "threatened", "military"),
]


def synthetic_documents(
    n_events: int, seed: int = 7, events_per_doc: int = 5, start: date = date(2024, 1, 1)
) -> Iterator[AnnotatedDocument]:
    """Documents carrying ``n_events`` distinct events in total (each doc ``events_per_doc`` sentences)."""
    rng = random.Random(seed)
    made = 0
    doc_number = 0
    while made < n_events:
        doc_number += 1
        day = start + timedelta(days=rng.randrange(120))
        sentences: list[str] = []
        pieces: list[tuple[tuple, tuple, tuple, tuple, int, int, int, int, int, int]] = []
        offset = 0
        for _ in range(min(events_per_doc, n_events - made)):
            a1, a2 = rng.sample(ACTORS, 2)
            place = rng.choice(PLACES)
            verb = rng.choice(VERBS)
            head = f"{a1[0]} {verb[2]} "
            sentence = f"{head}{a2[0]} near {place[0]} on day {rng.randrange(10_000)}."
            a1_span = (offset, offset + len(a1[0]))
            trig = (offset + len(a1[0]) + 1, offset + len(a1[0]) + 1 + len(verb[2]))
            a2_start = offset + len(head)
            place_start = a2_start + len(a2[0]) + len(" near ")
            pieces.append((a1, a2, place, verb, *a1_span, *trig, a2_start, place_start))
            sentences.append(sentence)
            offset += len(sentence) + 1
        text = " ".join(sentences)
        body_end = len(text)
        repeats: dict[int, list[tuple[int, int]]] = {}  # sentence index -> later copies (extra reports)
        for index, sentence in enumerate(sentences):
            for _ in range(rng.randrange(1, 4) if rng.random() < 0.2 else 0):
                text += "\n"
                repeats.setdefault(index, []).append((len(text), len(text) + len(sentence)))
                text += sentence
        doc_id = content_id(text, "doc")
        events = []
        sent_start = 0
        for index, ((a1, a2, place, verb, a1s, a1e, ts, te, a2s, ps), sentence) in enumerate(
            zip(pieces, sentences, strict=True)
        ):
            sent = SentenceSpan(sent_start, sent_start + len(sentence))
            sent_start += len(sentence) + 1
            reports = (
                Report(doc_id, sent.start, sent.end),
                *(Report(doc_id, start, end) for start, end in repeats.get(index, ())),
            )
            event = Event(
                event_id=content_id(f"{doc_id}:{sent.start}", "event"),
                event_type=verb[0],
                mode=verb[1],
                context=(verb[3],),
                cameo=None,
                actor1=Actor(a1s, a1e, a1[0], a1[0], a1[1], a1[2]),
                actor2=Actor(a2s, a2s + len(a2[0]), a2[0], a2[0], a2[1], a2[2]),
                claimed_by=None,
                location=EventLocation(
                    ps,
                    ps + len(place[0]),
                    place[0],
                    None,
                    place[0],
                    place[1] + rng.uniform(-0.3, 0.3),
                    place[2] + rng.uniform(-0.3, 0.3),
                    place[3],
                    place[4],
                    None,
                    0.8,
                    "exact",
                ),
                date=day.isoformat(),
                date_precision="day",
                date_source="document",
                sentence=sent,
                trigger=TextSpan(ts, te, verb[2]),
                negated=rng.random() < 0.05,
                modality=rng.choice(("asserted",) * 8 + ("future", "hypothetical")),
                confidence=round(rng.uniform(0.2, 1.0), 2),
                mentions=len(reports),
                reports=reports,
            )
            events.append(event)
        made += len(events)
        yield AnnotatedDocument(
            doc_id=doc_id,
            title=f"Synthetic report {doc_number}",
            date=day.isoformat(),
            url=f"https://example.org/reports/{doc_number}",
            source="synthetic",
            text=text,
            paragraphs=(
                Paragraph(0, body_end),
                *(Paragraph(start, end, 0) for copies in repeats.values() for start, end in copies),
            ),
            events=tuple(events),
        )


def build_store(path: str, n_events: int, seed: int = 7, batch: int = 2000) -> int:
    """Write a synthetic store of ``n_events`` events at ``path``; returns how many documents it holds."""
    from eventscope.store.database import EventStore

    stored = 0
    pending: list[AnnotatedDocument] = []
    with EventStore(path) as store:
        for record in synthetic_documents(n_events, seed=seed):
            pending.append(record)
            if len(pending) >= batch:
                stored += store.add(pending)
                pending = []
        if pending:
            stored += store.add(pending)
    return stored


__all__ = ["build_store", "synthetic_documents"]
