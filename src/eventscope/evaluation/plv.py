"""plv-train (PLV, ACL 2024): one labelled news sentence at a time, type and dyad.

Each row of ``plv_train.tsv`` is a sentence with one gold PLOVER type and a gold source (``<s>``)
and target (``<t>``, absent when the data set writes "a recipient"). The full pipeline codes the
sentence and we score:

* ``type_top1``: the highest-confidence coded event has the gold type (a sentence with no event is
  wrong). ``YIELD`` is PLV's older name for PLOVER 2.0's CONCEDE and RETREAT, so both count as it.
* ``type_any``: the gold type is among the coded events' types.
* ``dyad``: some coded event's actor1 *covers* the gold source and its actor2 covers the gold target
  (when there is one). An actor covers a gold span when its span overlaps the gold span's *head*:
  the last word of the gold phrase before any post-modifier ("of", "in", a comma, a relative
  clause), e.g. ``Zarif`` in "Iranian Foreign Minister Mohammad Javad Zarif", ``Forces`` in
  "Police Forces of India". Actors with no span in the sentence are compared by their text; a
  personal pronoun resolved to a named actor ("Hungary says *it* will not accept ...": name Hungary)
  is compared by that name, since the record says whom the pronoun stands for.
  The event's type does not need to be right: the dyad is scored on its own.
* ``dyad_typed``: the same, on an event of the gold type; ``source``: only the source is asked for.

Negated events ("did not agree") are left out: the sentence does not report them as deeds.

Rows are split into tune/report by ``split_of(sentence_id, "plv")``; ``--split report`` is the default.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventscope.evaluation.common import overlaps
from eventscope.evaluation.splits import PLV, in_split, split_bucket
from eventscope.events.merge import member_pairs
from eventscope.ingest.normalize import normalize_text, offset_map
from eventscope.records import Actor, AnnotatedDocument, Event

DEFAULT_PATH = Path("..") / "shared" / "data" / "plv-train" / "plv_train.tsv"
ALIASES = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}
"""Our types renamed to PLV's labels before comparison."""
NO_TARGET = "a recipient"
_TAG = re.compile(r"</?[st]>")
_POST_MODIFIER = re.compile(r",|\(|\s(?:of|in|for|from|at|on|who|which|that|with|under|led by)\s", re.IGNORECASE)
_WORD = re.compile(r"\w[\w'.-]*")
PERSONAL_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "him", "her", "them", "us"})

Span = tuple[int, int]


@dataclass(frozen=True)
class GoldSentence:
    """One plv-train row; spans are offsets into ``text`` (the sentence as eventscope normalises it)."""

    sentence_id: str
    text: str
    event_type: str
    source: Span | None
    source_text: str
    targets: tuple[Span, ...]
    target_text: str


def load_plv(path: Path, split: str | None = "report", limit: int | None = None) -> list[GoldSentence]:
    """The rows of one split (``"all"``: every row), with gold spans located in the normalised text.

    ``limit`` keeps a fixed subset of that size, chosen by hash so that every type is represented."""
    with Path(path).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    golds = [_gold(row) for row in rows if in_split(row["sentence_id"], PLV, split)]
    if limit:  # the file is sorted by type: take a fixed hash-ordered subset, not the first rows
        keep = set(sorted((g.sentence_id for g in golds), key=lambda i: split_bucket(i, "plv-limit"))[:limit])
        golds = [g for g in golds if g.sentence_id in keep]
    return golds


def _gold(row: dict[str, str]) -> GoldSentence:
    """Gold spans come from the ``<s>``/``<t>`` marks; every ``<t>`` occurrence is an acceptable target."""
    marked = row["marked_sentence"]
    plain, spans = _strip_marks(marked)
    text = normalize_text(plain)
    mapping = offset_map(plain, text)

    def mapped(span: Span) -> Span:
        return mapping[span[0]], mapping[span[1]]

    sources = [mapped(s) for tag, s in spans if tag == "s"]
    targets = tuple(mapped(s) for tag, s in spans if tag == "t")
    target_text = row["target"] if targets and row["target"] != NO_TARGET else ""
    return GoldSentence(
        row["sentence_id"],
        text,
        row["plover_type"],
        sources[0] if sources else None,
        row["source"],
        targets if target_text else (),
        target_text,
    )


def _strip_marks(marked: str) -> tuple[str, list[tuple[str, Span]]]:
    """The sentence without ``<s>``/``<t>`` marks, and each marked span (whitespace trimmed)."""
    pieces: list[str] = []
    raw: list[tuple[str, Span]] = []
    opened: dict[str, int] = {}
    position = length = 0
    for match in _TAG.finditer(marked):
        pieces.append(marked[position : match.start()])
        length += match.start() - position
        kind = match.group().strip("</>")
        if match.group().startswith("</"):
            if kind in opened:
                raw.append((kind, (opened.pop(kind), length)))
        else:
            opened[kind] = length
        position = match.end()
    pieces.append(marked[position:])
    plain = "".join(pieces)
    spans = []
    for kind, (start, end) in raw:
        while start < end and plain[start].isspace():
            start += 1
        while end > start and plain[end - 1].isspace():
            end -= 1
        spans.append((kind, (start, end)))
    return plain, spans


def head_span(text: str, span: Span) -> Span:
    """The gold phrase's head word: its last word before a post-modifier (see module docstring)."""
    phrase = text[span[0] : span[1]]
    cut = _POST_MODIFIER.search(phrase)
    core = phrase[: cut.start()] if cut and cut.start() > 0 else phrase
    words = list(_WORD.finditer(core))
    if not words:
        return span
    last = words[-1]
    if last.group().lower() in {"'s", "s"} and len(words) > 1:
        last = words[-2]
    word_end = span[0] + last.end()
    while word_end > span[0] + last.start() + 1 and text[word_end - 1] in ".'":  # "U.S." keeps its dots
        if text[span[0] + last.start() : word_end].count(".") > 1:
            break
        word_end -= 1
    return span[0] + last.start(), word_end


def covers(actor: Actor | None, text: str, gold: Span) -> bool:
    """Whether a coded actor stands for the gold participant (overlap with the gold head word)."""
    if actor is None:
        return False
    head = head_span(text, gold)
    head_word = text[head[0] : head[1]].lower()
    if actor.start is None or actor.end is None:
        return _has_word(actor.text or "", head_word)
    if overlaps(actor.start, actor.end, *head):
        return True
    return (actor.text or "").lower() in PERSONAL_PRONOUNS and _has_word(actor.name or "", head_word)


def _has_word(text: str, word: str) -> bool:
    return bool(word) and word in {w.group().lower() for w in _WORD.finditer(text)}


def plv_type(event: Event) -> str:
    return ALIASES.get(event.event_type, event.event_type)


def dyad_found(gold: GoldSentence, events: list[Event]) -> tuple[bool, bool, bool]:
    """(some event covers the gold dyad, some event of the gold type does, some event covers the source)."""
    if gold.source is None:
        return False, False, False
    found = typed = source = False
    for event in events:
        if not covers(event.actor1, gold.text, gold.source):
            continue
        source = True
        if gold.targets and not any(covers(event.actor2, gold.text, t) for t in gold.targets):
            continue
        found = True
        typed = typed or plv_type(event) == gold.event_type
    return found, typed, source


def evaluate_plv(
    path: Path = DEFAULT_PATH,
    split: str | None = "report",
    limit: int | None = None,
    pipeline=None,
    errors: bool = False,
) -> dict[str, Any]:
    """Type and dyad scores of the full pipeline on one split of plv-train."""
    from eventscope.ingest.readers import make_document

    if pipeline is None:
        from eventscope.pipeline import Pipeline

        pipeline = Pipeline()
    golds = load_plv(Path(path), split, limit)
    sources = [make_document(g.text, doc_id=f"plv-{g.sentence_id}") for g in golds]
    records = {r.doc_id: r for r in pipeline.annotate(sources)}
    return score_plv(golds, [records[f"plv-{g.sentence_id}"] for g in golds], split, errors)


def score_plv(
    golds: list[GoldSentence], records: list[AnnotatedDocument], split: str | None, errors: bool = False
) -> dict[str, Any]:
    """The metrics for pipeline records that answer ``golds`` one for one."""
    per_type: dict[str, dict[str, int]] = {}
    totals = {"top1": 0, "any": 0, "dyad": 0, "dyad_typed": 0, "source": 0, "no_event": 0, "events": 0}
    error_list: list[dict] = []
    for gold, record in zip(golds, records, strict=True):
        events = [e for e in record.events if not e.negated]
        best = max(events, key=lambda e: e.type_confidence, default=None)
        top1 = best is not None and plv_type(best) == gold.event_type
        any_type = any(plv_type(e) == gold.event_type for e in events)
        dyad, dyad_typed, source = dyad_found(gold, [pair for e in events for pair in member_pairs(e)])
        row = per_type.setdefault(gold.event_type, {"n": 0, "top1": 0, "any": 0, "dyad": 0, "predicted_top1": 0})
        row["n"] += 1
        row["top1"] += top1
        row["any"] += any_type
        row["dyad"] += dyad
        if best is not None:
            per_type.setdefault(plv_type(best), {"n": 0, "top1": 0, "any": 0, "dyad": 0, "predicted_top1": 0})[
                "predicted_top1"
            ] += 1
        for key, value in (
            ("top1", top1),
            ("any", any_type),
            ("dyad", dyad),
            ("dyad_typed", dyad_typed),
            ("source", source),
            ("no_event", best is None),
        ):
            totals[key] += value
        totals["events"] += len(record.events)
        if errors and not (top1 and dyad):
            error_list.append(
                {
                    "sentence_id": gold.sentence_id,
                    "gold_type": gold.event_type,
                    "gold_source": gold.source_text,
                    "gold_target": gold.target_text or None,
                    "type_top1": top1,
                    "dyad": dyad,
                    "sentence": gold.text,
                    "events": [
                        f"{e.event_type}({_name(e.actor1)} -> {_name(e.actor2)}) [{e.trigger.text}] {e.confidence:.2f}"
                        for e in record.events
                    ],
                }
            )
    n = len(golds)

    def share(count: int, total: int) -> float:
        return round(count / total, 4) if total else 0.0

    result: dict[str, Any] = {
        "dataset": "plv",
        "split": split or "all",
        "sentences": n,
        "type_top1": share(totals["top1"], n),
        "type_any": share(totals["any"], n),
        "dyad": share(totals["dyad"], n),
        "dyad_typed": share(totals["dyad_typed"], n),
        "source": share(totals["source"], n),
        "no_event": share(totals["no_event"], n),
        "events_per_sentence": share(totals["events"], n),
        "by_type": {
            t: {
                "n": c["n"],
                "top1": share(c["top1"], c["n"]),
                "any": share(c["any"], c["n"]),
                "dyad": share(c["dyad"], c["n"]),
                "top1_precision": share(c["top1"], c["predicted_top1"]),
                "predicted": c["predicted_top1"],
            }
            for t, c in sorted(per_type.items())
        },
    }
    if errors:
        result["errors"] = error_list
    return result


def _name(actor: Actor | None) -> str:
    return actor.text if actor else "-"
