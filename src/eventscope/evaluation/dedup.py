"""Duplicate-detection evaluation on synthetic copies (``eventscope.dedup``'s thresholds are chosen here).

Why synthetic: the kinds of copy a news feed carries are known (verbatim reposts, re-wrapped text,
light copy-edits, the same story inside a site's boilerplate) and so are the hard negatives (the same
wire template about another day, place and toll), so the set is generated, with its gold, from
``eventscope.evaluation.synthetic`` story plans.  Two levels, as the pipeline uses them:

* paragraphs: long stories whose later paragraphs repeat earlier ones (each kind of copy) or only look
  like them (the same sentence templates rendered with other slot values: ``similar``), scored with
  ``find_duplicate_paragraphs`` on the normalised text, as the pipeline calls it;
* documents: a stream where some documents copy earlier ones, scored with ``DocumentIndex.check_and_add``
  in stream order.

Hard negatives (``hard``) are the reports a careless detector merges and so loses events: the same text
with its numbers and a name or place swapped ("Militants killed 5 villagers near Kidal" / "... 7 villagers
near Gao"), at both levels, plus one-sentence wire reports written here.  They draw from their own random
stream, so the rest of the set is the same as before they were added.

A detection counts when a gold copy is flagged at all; ``pointer_accuracy`` says how often it points at
the right original.  Per copy kind, P/R/F1 pit that kind's copies against every negative.

Run: ``python -m eventscope.evaluation.dedup [--seed S] [--errors] [--json OUT]``
"""

from __future__ import annotations

import argparse
import json
import random
import re
import textwrap
import time
from dataclasses import dataclass, field
from typing import Any

from eventscope.dedup import DocumentIndex, find_duplicate_paragraphs
from eventscope.dedup.detector import DOCUMENT_THRESHOLD, PARAGRAPH_THRESHOLD, fingerprint
from eventscope.evaluation.common import Counts
from eventscope.evaluation.synthetic import make_plan, relead, render
from eventscope.ingest.normalize import normalize_text

COPY_KINDS = ("verbatim", "rewrapped", "edited", "boilerplate")
NEGATIVE_KINDS = ("original", "similar", "hard")

SWAPS = {
    "said": "stated",
    "killing": "leaving dead",
    "people": "persons",
    "attacked": "assaulted",
    "government": "administration",
    "demonstrators": "protesters",
    "officials": "authorities",
    "about": "around",
    "on": "on",
    "troops": "soldiers",
    "talks": "negotiations",
    "told": "informed",
}
INSERTS = ("also", "reportedly", "again", "now", "officially", "later")
PUNCTUATION = ((",", ";"), (",", ""), (".", ";"), ('"', "'"), (" - ", " -- "))
PARAGRAPH_BOILERPLATE = ("Read more: ", "ADVERTISEMENT ", "UPDATED: ")
PARAGRAPH_TAILS = (" Continue reading.", " (Story continues below.)", " Click here to read more.")
SHORT_REPORTS = (
    "Militants killed {n} villagers near {place} on {day}, local officials said.",
    "Police arrested {n} protesters in {place} on {day} after a march against fuel prices.",
    "Gunmen abducted {n} students from a school in {place} on {day}, a local official said.",
    "Soldiers shelled {n} villages outside {place} on {day}, residents told reporters.",
    "A roadside bomb killed {n} soldiers near {place} on {day}, the army said in a statement.",
)
HARD_PLACES = ("Kidal", "Gao", "Mopti", "Maiduguri", "Kunduz", "Mosul", "Goma", "Beni", "Marawi", "Idlib")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_NUMBER = re.compile(r"\b\d+\b")
_NAME = re.compile(r"(?<=[a-z,] )[A-Z][a-z]{2,}\b")


@dataclass(frozen=True)
class ParagraphCase:
    """One document's paragraphs (one a line) with, per paragraph, the gold earlier index and its kind."""

    text: str
    gold: tuple[int | None, ...]
    kinds: tuple[str, ...]


@dataclass(frozen=True)
class DocumentCase:
    """One document of the stream: the gold id of the earlier document it copies, and its kind."""

    doc_id: str
    text: str
    gold: str | None
    kind: str


@dataclass
class DedupSet:
    paragraph_cases: list[ParagraphCase] = field(default_factory=list)
    documents: list[DocumentCase] = field(default_factory=list)


@dataclass(frozen=True)
class Decision:
    level: str
    kind: str
    gold: int | str | None
    predicted: int | str | None
    text: str
    original: str | None


# -- copies ---------------------------------------------------------------------------------------


def rewrap(text: str, rng: random.Random) -> str:
    """Line breaks moved and whitespace changed; the words are untouched."""
    width = rng.randint(55, 80)
    blocks = [textwrap.fill(block, width=width) for block in text.split("\n") if block.strip()]
    separator = rng.choice(["\n\n", "\n", "\r\n\r\n", "\n \n"])
    return separator.join(blocks).replace(". ", rng.choice([".  ", ". ", ".\t"]))


def respace(paragraph: str, rng: random.Random) -> str:
    """A paragraph's spacing changed (double spaces, tabs, no-break spaces) without touching its words."""
    words = paragraph.split(" ")
    return "".join(word + rng.choice([" ", "  ", "\t", "\u00a0", " "]) for word in words).rstrip() + "  "


def light_edit(text: str, rng: random.Random, edits: int) -> str:
    """A few words changed, inserted or deleted and some punctuation changed, as a copy-editor would."""
    words = text.split(" ")
    for _ in range(edits):
        operation = rng.choice(("swap", "insert", "delete", "punctuation"))
        position = rng.randrange(1, len(words)) if len(words) > 2 else 0
        if operation == "swap":
            options = [i for i, w in enumerate(words) if w.strip(',."') in SWAPS]
            if options:
                i = rng.choice(options)
                core = words[i].strip(',."')
                words[i] = words[i].replace(core, SWAPS[core])
                continue
            operation = "insert"
        if operation == "insert":
            words.insert(position, rng.choice(INSERTS))
        elif operation == "delete" and len(words) > 6:
            del words[position]
        else:
            old, new = rng.choice(PUNCTUATION)
            joined = " ".join(words)
            places = [i for i in range(len(joined)) if joined.startswith(old, i)]
            if places:
                cut = rng.choice(places)
                joined = joined[:cut] + new + joined[cut + len(old) :]
            words = joined.split(" ")
    return " ".join(words)


def wrap_in_boilerplate(text: str, rng: random.Random, wire: str, title: str) -> str:
    """The story as a site republishes it: byline, related links, read-more and copyright lines."""
    reporter = rng.choice(["Amara Okonkwo", "Felix Duval", "Priya Rahimi", "Tomas Varga"])
    paragraphs = text.split("\n\n")
    top = [f"By {reporter}, {wire}", rng.choice(["Share this article", "Listen to this article", "3 min read"])]
    middle = rng.choice([f"Read more: {title}", "Related: Live updates from the region", "ADVERTISEMENT"])
    cut = rng.randint(1, max(1, len(paragraphs) - 1))
    bottom = [
        f"Copyright {rng.choice([2023, 2024])} {wire}. All rights reserved.",
        rng.choice(
            [
                "Related links: World | Politics | Conflict",
                "Read more stories like this",
                "Sign up for our daily newsletter.",
            ]
        ),
    ]
    return "\n\n".join(top + paragraphs[:cut] + [middle] + paragraphs[cut:] + bottom)


def swap_facts(text: str, rng: random.Random) -> str | None:
    """The same report about another event: every number changed and one name or place replaced.

    None when the text has neither a number nor a mid-sentence name to change."""
    changed = _NUMBER.sub(lambda m: str(int(m.group()) + rng.randint(1, 9)), text)
    names = [m for m in _NAME.finditer(changed) if m.group() not in DAYS]
    if names:
        name = rng.choice(names)
        other = rng.choice([p for p in HARD_PLACES if p != name.group()])
        changed = changed[: name.start()] + other + changed[name.end() :]
    return changed if changed != text else None


def short_report_pair(rng: random.Random) -> tuple[str, str]:
    """One-sentence wire reports from one template: other place and toll, same day."""
    template, day = rng.choice(SHORT_REPORTS), rng.choice(DAYS)
    first, second = rng.sample(HARD_PLACES, 2)
    tolls = rng.sample(range(2, 60), 2)
    return (template.format(n=tolls[0], place=first, day=day), template.format(n=tolls[1], place=second, day=day))


# -- the set --------------------------------------------------------------------------------------


def _paragraph_case(rng: random.Random, case: int) -> ParagraphCase:
    plan = make_plan(rng, "long")
    story = render(plan, rng.getrandbits(32), f"p{case}")
    twin = render(plan, rng.getrandbits(32), f"p{case}-twin")  # same templates, other slot values
    paragraphs = [normalize_text(p) for p in story["text"].split("\n\n")]
    twins = [normalize_text(p) for p in twin["text"].split("\n\n")]
    gold: list[int | None] = [None] * len(paragraphs)
    kinds = ["original"] * len(paragraphs)
    seen = {p.lower() for p in paragraphs}
    additions: list[tuple[str, int | None, str]] = []
    for kind in COPY_KINDS:
        for _ in range(2):
            source = rng.randrange(len(paragraphs))
            original = paragraphs[source]
            if kind == "verbatim":
                copy = original
            elif kind == "rewrapped":
                copy = respace(original, rng)
            elif kind == "edited":
                copy = light_edit(original, rng, rng.randint(1, 2))
            else:
                copy = (
                    rng.choice(PARAGRAPH_BOILERPLATE) + original
                    if rng.random() < 0.5
                    else original + rng.choice(PARAGRAPH_TAILS)
                )
            additions.append((copy, source, kind))
    for index in rng.sample(range(1, len(twins) - 1), min(4, len(twins) - 2)):
        if twins[index].lower() not in seen:
            additions.append((twins[index], None, "similar"))
    rng.shuffle(additions)
    for copy, source, kind in additions:
        paragraphs.append(copy)
        gold.append(source)
        kinds.append(kind)
    _add_hard_paragraphs(paragraphs, gold, kinds, random.Random(f"hard/{case}/{paragraphs[0]}"))
    return ParagraphCase(text="\n".join(paragraphs), gold=tuple(gold), kinds=tuple(kinds))


def _add_hard_paragraphs(paragraphs: list[str], gold: list[int | None], kinds: list[str], rng: random.Random) -> None:
    """Two originals with swapped facts, and a short report followed by its twin about another event."""
    seen = {p.lower() for p in paragraphs}
    for source in rng.sample(range(len(paragraphs)), min(2, len(paragraphs))):
        twin = swap_facts(paragraphs[source], rng)
        if twin is not None and twin.lower() not in seen:
            paragraphs.append(twin)
            seen.add(twin.lower())
            gold.append(None)
            kinds.append("hard")
    first, second = short_report_pair(rng)
    paragraphs.extend([first, second])
    gold.extend([None, None])
    kinds.extend(["original", "hard"])


def _document_stream(rng: random.Random, originals: int, seed: int = 0) -> list[DocumentCase]:
    stream: list[DocumentCase] = []
    published: list[tuple[str, dict, object]] = []
    hard = random.Random(f"eventscope-dedup-hard/{seed}")
    hard_cases: list[DocumentCase] = []  # after the stream: copy kinds follow the stream's length
    for number in range(originals):
        if hard.random() < 0.15:
            hard_cases.extend(_hard_documents(hard, number, published))
        length = "long" if rng.random() < 0.2 else "short"
        plan = make_plan(rng, length)
        story = render(plan, rng.getrandbits(32), f"d{number:04d}")
        stream.append(DocumentCase(story["id"], story["text"], None, "original"))
        published.append((story["id"], story, plan))
        if number < 5:
            continue
        roll = rng.random()
        if roll < 0.5:
            original_id, original, _ = rng.choice(published)
            kind = COPY_KINDS[len(stream) % len(COPY_KINDS)]
            text = original["text"]
            if kind == "rewrapped":
                text = rewrap(text, rng)
            elif kind == "edited":
                text = "\n\n".join(light_edit(p, rng, 1) if rng.random() < 0.35 else p for p in text.split("\n\n"))
                while fingerprint(text) == fingerprint(original["text"]):  # punctuation alone: edit a word too
                    text = light_edit(text, rng, 1)
            elif kind == "boilerplate":
                text = wrap_in_boilerplate(text, rng, original["source"], original["title"])
            stream.append(DocumentCase(f"{original_id}-{kind}-{number}", text, original_id, kind))
        elif roll < 0.75:
            _, _, plan = rng.choice(published)
            variant = relead(plan, rng) if rng.random() < 0.5 else plan
            twin = render(variant, rng.getrandbits(32), f"d{number:04d}-similar")
            stream.append(DocumentCase(twin["id"], twin["text"], None, "similar"))
    return stream + hard_cases


def _hard_documents(rng: random.Random, number: int, published: list) -> list[DocumentCase]:
    """A published story with swapped facts, or two one-sentence reports of different events."""
    if published and rng.random() < 0.5:
        _, story, _ = rng.choice(published)
        twin = swap_facts(story["text"], rng)
        return [DocumentCase(f"hard-{number}", twin, None, "hard")] if twin else []
    first, second = short_report_pair(rng)
    return [
        DocumentCase(f"short-{number}", first, None, "original"),
        DocumentCase(f"short-{number}-twin", second, None, "hard"),
    ]


def build_dedup_set(seed: int = 0, paragraph_cases: int = 40, documents: int = 300) -> DedupSet:
    """Paragraph cases and a document stream with gold copies; the same seed gives the same set."""
    rng = random.Random(f"eventscope-dedup/{seed}")
    return DedupSet(
        paragraph_cases=[_paragraph_case(rng, case) for case in range(paragraph_cases)],
        documents=_document_stream(rng, documents, seed),
    )


# -- scoring --------------------------------------------------------------------------------------


def decide(dedup_set: DedupSet) -> list[Decision]:
    """Run the detector over the set: one decision per paragraph (after the first) and per document."""
    decisions: list[Decision] = []
    for case in dedup_set.paragraph_cases:
        spans = find_duplicate_paragraphs(case.text)
        lines = case.text.split("\n")
        if len(spans) != len(case.gold):
            raise ValueError(f"{len(spans)} paragraphs found, {len(case.gold)} in the gold")
        for paragraph, gold, kind, line in zip(spans, case.gold, case.kinds, lines, strict=True):
            original = (
                lines[gold]
                if gold is not None
                else (lines[paragraph.duplicate_of] if paragraph.duplicate_of is not None else None)
            )
            decisions.append(Decision("paragraph", kind, gold, paragraph.duplicate_of, line, original))
    index = DocumentIndex()
    texts = {}
    for doc in dedup_set.documents:
        text = normalize_text(doc.text)
        texts[doc.doc_id] = text
        predicted = index.check_and_add(doc.doc_id, text)
        reference = doc.gold or predicted
        decisions.append(
            Decision("document", doc.kind, doc.gold, predicted, text, texts.get(reference) if reference else None)
        )
    return decisions


def _score(decisions: list[Decision]) -> dict[str, Any]:
    overall = Counts()
    per_kind: dict[str, Counts] = {kind: Counts() for kind in COPY_KINDS}
    negatives = {kind: [0, 0] for kind in NEGATIVE_KINDS}  # kind -> [count, flagged]
    pointers = [0, 0]
    for d in decisions:
        flagged = d.predicted is not None
        if d.gold is None:
            negatives[d.kind][0] += 1
            negatives[d.kind][1] += flagged
            overall.predicted += flagged
            for counts in per_kind.values():
                counts.predicted += flagged
            continue
        hit = Counts(gold=1, gold_found=int(flagged), predicted=int(flagged), predicted_correct=int(flagged))
        overall.add(hit)
        per_kind[d.kind].add(hit)
        if flagged:
            pointers[0] += 1
            pointers[1] += d.predicted == d.gold
    return {
        "overall": overall.scores(),
        "per_kind": {kind: counts.scores() for kind, counts in per_kind.items()},
        "negatives": {
            kind: {"count": n, "false_alarms": f, "false_alarm_rate": round(f / n, 4) if n else 0.0}
            for kind, (n, f) in negatives.items()
        },
        "pointer_accuracy": round(pointers[1] / pointers[0], 4) if pointers[0] else 0.0,
    }


def evaluate_dedup(seed: int = 0) -> dict[str, Any]:
    """P/R/F1 for duplicate paragraphs and duplicate documents, overall and per kind of copy."""
    start = time.perf_counter()
    dedup_set = build_dedup_set(seed)
    decisions = decide(dedup_set)
    return {
        "seed": seed,
        "thresholds": {"paragraph": PARAGRAPH_THRESHOLD, "document": DOCUMENT_THRESHOLD},
        "paragraphs": _score([d for d in decisions if d.level == "paragraph"]),
        "documents": _score([d for d in decisions if d.level == "document"]),
        "seconds": round(time.perf_counter() - start, 2),
    }


def dedup_errors(seed: int = 0, limit: int | None = None) -> list[dict[str, Any]]:
    """Misses (a gold copy not flagged) and false alarms (a non-copy flagged), with both texts."""
    errors = []
    for d in decide(build_dedup_set(seed)):
        if (d.gold is None) == (d.predicted is None):
            continue
        errors.append(
            {
                "level": d.level,
                "kind": d.kind,
                "error": "miss" if d.gold is not None else "false alarm",
                "gold": d.gold,
                "predicted": d.predicted,
                "text": d.text,
                "original": d.original,
            }
        )
    return errors[:limit] if limit is not None else errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--errors", action="store_true", help="list misses and false alarms with their text")
    parser.add_argument("--limit", type=int, default=30)
    parser.add_argument("--json", dest="json_out", help="also write the scores as JSON here")
    args = parser.parse_args(argv)
    scores = evaluate_dedup(args.seed)
    print(json.dumps(scores, indent=2))
    if args.json_out:
        with open(args.json_out, "w", encoding="utf-8") as handle:
            json.dump(scores, handle, indent=2)
    if args.errors:
        for error in dedup_errors(args.seed, args.limit):
            print(
                f"\n[{error['level']} {error['kind']} {error['error']}] gold={error['gold']} "
                f"predicted={error['predicted']}\n  {error['text'][:300]}\n  ~ {(error['original'] or '')[:300]}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
