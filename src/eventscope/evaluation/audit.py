"""Real-news audit: a human reads a fixed sample of coded events and says which are right.

Gold sets measure what their annotators chose to mark; they say little about what eventscope
*emits* on ordinary news. The audit does: ``sample`` runs the pipeline on news articles of the
report split of GeoWebNews, LGL and PolNeAR (articles drawn with a fixed seed; each coded with its date, title and
publisher where the set carries them, as an analyst codes news), draws events from
them (spread evenly over the articles) and writes a sheet, one event a line, with an empty
``verdict``; a reader fills each verdict with one of ``VERDICTS``; ``score`` turns the filled
sheet into audited precision and a table of error kinds.

Run::

    python -m eventscope.evaluation.audit sample --n 150 --articles 30 [--split tune] [-o quality/audit/sheet.jsonl]
    python -m eventscope.evaluation.audit score quality/audit/sheet.jsonl
    python -m eventscope.evaluation.audit strip sheet.jsonl -o quality/audit/DATE-what.jsonl

``--split tune`` draws from the tune split, for work on the coder; published audits use the report split
(the default) with a fresh seed.  Each row carries the event's ``confidence`` (``score`` reports precision by
confidence band) and ``mentions``; ``strip`` drops the sentences (shared data) before a sheet is committed.

``sample`` also writes a Markdown copy (same name, ``.md``) that reads better than JSONL; the
verdicts are taken from the JSONL.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Collection, Iterable
from pathlib import Path
from typing import Any

from eventscope.evaluation.splits import GEOWEBNEWS, LGL, POLNEAR, in_split
from eventscope.ingest.readers import make_document, parse_date

SHARED = Path(__file__).resolve().parents[4] / "shared" / "data"
SEED = 20261204
VERDICTS: dict[str, str] = {
    "right": "a real event the sentence reports, with the right type and actors",
    "wrong_type": "a real event, but another PLOVER type (or a mode that changes the meaning)",
    "not_event": "nothing political happened: a word sense, a description, a name, a metaphor",
    "hypothetical_as_deed": "a hypothetical, wished, planned or negated act coded as a deed (flags not set)",
    "duplicate": "the same event as an earlier row of the same article",
    "wrong_actor": "a real event of the right type, but actor1 or actor2 is wrong or missing where the text names it",
}
SHEETS = Path("quality") / "audit"
DEFAULT_SHEET = SHEETS / "unfilled.jsonl"


def news_articles(shared: Path = SHARED, split: str = "report") -> list[dict[str, Any]]:
    """Articles of the three news sets (report split by default).

    Each is ``{"source", "id", "text", "title", "date", "publisher", "url"}``: ``source`` names the data set; ``date``
    (ISO day), ``publisher`` and ``url`` are None where the set does not carry them.  LGL has a download time
    (``dltime``, the day it was fetched from the feed), a domain and a URL; GeoWebNews a link but no date; PolNeAR
    a publication date, title and publisher in ``metadata.tsv`` (its ``filename`` is the text file's stem).
    """
    articles: list[dict[str, Any]] = []
    for name, dataset in (("GeoWebNews.xml", GEOWEBNEWS), ("lgl.xml", LGL)):
        path = shared / "geo-dev" / name
        if not path.exists():
            continue
        for n, article in enumerate(ET.parse(path).getroot().findall("article")):
            doc_id = article.get("docid") or article.get("file") or str(n)
            if in_split(doc_id, dataset, split):
                articles.append(
                    {
                        "source": dataset,
                        "id": doc_id,
                        "text": article.findtext("text") or "",
                        "title": article.findtext("title") or "",
                        "date": parse_date(article.findtext("dltime")),
                        "publisher": (article.findtext("domain") or "").strip() or None,
                        "url": (article.findtext("url") or article.findtext("link") or "").strip() or None,
                    }
                )
    text_dir = shared / "polnear-dev" / "text"
    metadata = _polnear_metadata(shared / "polnear-dev" / "metadata.tsv")
    for path in sorted(text_dir.glob("*.txt")) if text_dir.exists() else []:
        if in_split(path.stem, POLNEAR, split):
            meta = metadata.get(path.stem, {})
            articles.append(
                {
                    "source": POLNEAR,
                    "id": path.stem,
                    "text": path.read_text(encoding="utf-8"),
                    "title": meta.get("title") or "",
                    "date": parse_date(meta.get("publication_date")),
                    "publisher": meta.get("publisher") or None,
                    "url": None,
                }
            )
    return [a for a in articles if a["text"].strip()]


def _polnear_metadata(path: Path) -> dict[str, dict[str, str]]:
    """PolNeAR's metadata rows by file stem; the file's "None" means missing. No file, no metadata."""
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as f:
        rows = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        return {
            row["filename"]: {k: v for k, v in row.items() if k and v and v != "None"}
            for row in rows
            if row.get("filename")
        }


def article_document(article: dict[str, Any]):
    """The document an audit article is coded as: its text with its title, date, publisher and URL."""
    return make_document(
        article["text"],
        doc_id=article["id"],
        title=article.get("title") or None,
        date=article.get("date"),
        url=article.get("url"),
        source=article.get("publisher"),
    )


def sample_events(
    articles: list[dict[str, str]],
    records: dict[str, Any],
    n: int,
    seed: int = SEED,
    extra: Callable[[dict[str, str], Any], dict[str, Any]] | None = None,
) -> list[dict]:
    """``n`` events spread evenly over the articles: round-robin, a random unused event of each in turn
    (``extra(article, event)``: more fields for each row)."""
    rng = random.Random(seed)
    pools: list[tuple[dict[str, str], list]] = []
    for article in articles:
        events = list(records[article["id"]].events)
        rng.shuffle(events)
        if events:
            pools.append((article, events))
    chosen: list[tuple[dict[str, str], Any]] = []
    while len(chosen) < n and any(events for _, events in pools):
        for article, events in pools:
            if events and len(chosen) < n:
                chosen.append((article, events.pop()))
    order = {a["id"]: i for i, a in enumerate(articles)}
    chosen.sort(key=lambda pair: (order[pair[0]["id"]], pair[1].sentence.start, pair[1].trigger.start))
    return [
        _row(number, article, records[article["id"]].text, event) | (extra(article, event) if extra else {})
        for number, (article, event) in enumerate(chosen, 1)
    ]


def _row(number: int, article: dict[str, str], text: str, event) -> dict[str, Any]:
    def actor(a) -> str | None:
        if a is None:
            return None
        extra = "/".join(x for x in (a.country, a.sector) if x)
        # the reader judges who the record says acted: a pronoun or short mention shows the name it resolved to
        named = a.name and not set(a.name.lower().split()) & set(a.text.lower().split())
        shown = f"{a.text} (= {a.name})" if named else a.text
        return f"{shown} [{extra}]" if extra else shown

    location = event.location
    return {
        "row": number,
        "source": article["source"],
        "article": article["id"],
        "event_type": event.event_type,
        "mode": event.mode,
        "actor1": actor(event.actor1),
        "actor2": actor(event.actor2),
        "trigger": event.trigger.text,
        "negated": event.negated,
        "modality": event.modality,
        "reciprocal": event.reciprocal,
        "place": location.name if location is not None else None,
        "dead": event.dead.value if event.dead is not None else None,
        "confidence": round(event.confidence, 3),
        "mentions": event.mentions,
        "sentence": " ".join(text[event.sentence.start : event.sentence.end].split()),
        "verdict": "",
        "note": "",
    }


def choose_articles(articles: list[dict[str, str]], count: int, seed: int = SEED) -> list[dict[str, str]]:
    """``count`` articles drawn with a fixed seed, as evenly as possible from each source."""
    rng = random.Random(seed)
    by_source: dict[str, list[dict[str, str]]] = {}
    for article in articles:
        by_source.setdefault(article["source"], []).append(article)
    for items in by_source.values():
        rng.shuffle(items)
    chosen: list[dict[str, str]] = []
    while len(chosen) < count and any(by_source.values()):
        for items in by_source.values():
            if items and len(chosen) < count:
                chosen.append(items.pop())
    return chosen


def read_articles(sheets: Iterable[Path]) -> set[tuple[str, str]]:
    """The (source, article) pairs that the given sheets hold: articles a reader has seen, and that rules may have
    been fitted to since."""
    return {(row["source"], row["article"]) for path in sheets for row in read_sheet(path)}


def make_sheet(
    n: int,
    article_count: int,
    shared: Path = SHARED,
    pipeline=None,
    seed: int = SEED,
    split: str = "report",
    skip: Collection[tuple[str, str]] = (),
) -> list[dict]:
    """Run the pipeline on the drawn articles and sample ``n`` events (articles with no event are replaced).

    ``split`` picks the articles: "report" for published audits, "tune" for work on the coder; ``skip`` leaves out
    (source, article) pairs, such as those read on earlier sheets (``read_articles``)."""
    if pipeline is None:
        from eventscope.pipeline import Pipeline

        pipeline = Pipeline()
    pool = [a for a in news_articles(shared, split) if (a["source"], a["id"]) not in skip]
    candidates = choose_articles(pool, article_count * 3, seed)
    records: dict[str, Any] = {}
    used: list[dict[str, str]] = []
    for article in candidates:
        record = next(pipeline.annotate([article_document(article)]))
        if record.events:
            records[article["id"]] = record
            used.append(article)
        if len(used) == article_count:
            break
    extra = _filter_fields(records, pipeline) if _unfiltered(pipeline) else None
    return sample_events(used, records, n, seed, extra)


def _unfiltered(pipeline) -> bool:
    settings = getattr(pipeline, "settings", None)
    return settings is not None and settings.favor == "precision" and settings.min_eventness == 0


def _filter_fields(records: dict[str, Any], pipeline) -> Callable[[dict[str, str], Any], dict[str, Any]]:
    """For a sheet drawn with the eventness filter off: each row's eventness and whether the default filter keeps
    it, so ``score`` gives the precision of the kept rows too (one reading scores the tool with and without it)."""
    model = pipeline.eventness

    def fields(article: dict[str, str], event) -> dict[str, Any]:
        text = records[article["id"]].text
        return {"eventness": round(model.probability(event, text), 3), "filter_keeps": model.keeps(event, text)}

    return fields


def write_sheet(rows: list[dict], path: Path) -> None:
    """The JSONL sheet (verdicts go here) and a Markdown copy for reading."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    lines = ["# eventscope audit sheet", "", "Verdicts: " + "; ".join(f"`{k}`: {v}" for k, v in VERDICTS.items()), ""]
    article = None
    for r in rows:
        if r["article"] != article:
            article = r["article"]
            lines += [f"## {r['source']} {article}", ""]
        flags = ", ".join(
            f for f in ("negated" if r["negated"] else "", r["modality"] if r["modality"] != "asserted" else "") if f
        )
        lines.append(
            f"{r['row']}. **{r['event_type']}**{'/' + r['mode'] if r['mode'] else ''}"
            f" ({r['actor1'] or '-'} -> {r['actor2'] or '-'}) [{r['trigger']}]"
            f"{' {' + flags + '}' if flags else ''}{' @' + r['place'] if r['place'] else ''}"
            f" — verdict: `{r['verdict']}` {r['note']}"
        )
        lines.append(f"   > {r['sentence']}")
    path.with_suffix(".md").write_text("\n".join(lines) + "\n", encoding="utf-8")


SHARED_TEXT_FIELDS = ("sentence",)


def strip_sheet(rows: Iterable[dict]) -> list[dict]:
    """The rows without the text of the shared data sets: only coded fields, verdicts and notes are committed."""
    return [{k: v for k, v in r.items() if k not in SHARED_TEXT_FIELDS} for r in rows]


def read_sheet(path: Path) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def score_sheet(rows: Iterable[dict]) -> dict[str, Any]:
    """Audited precision and error kinds over the rows with a verdict; unknown verdicts are an error."""
    rows = list(rows)
    judged = [r for r in rows if str(r.get("verdict", "")).strip()]
    unknown = sorted({r["verdict"] for r in judged if r["verdict"] not in VERDICTS})
    if unknown:
        raise ValueError(f"unknown verdicts {unknown}; use one of {', '.join(VERDICTS)}")
    kinds = Counter(r["verdict"] for r in judged)
    by_type: dict[str, Counter[str]] = {}
    for r in judged:
        by_type.setdefault(r["event_type"], Counter())[r["verdict"]] += 1
    by_source: dict[str, Counter[str]] = {}
    for r in judged:
        by_source.setdefault(r["source"], Counter())[r["verdict"]] += 1

    by_band: dict[str, Counter[str]] = {}
    for r in judged:
        if r.get("confidence") is not None:
            by_band.setdefault(confidence_band(float(r["confidence"])), Counter())[r["verdict"]] += 1

    def precision(counts: Counter[str]) -> float:
        total = sum(counts.values())
        return round(counts["right"] / total, 4) if total else 0.0

    real_typed = kinds["right"] + kinds["wrong_actor"]
    counted = [r for r in judged if r.get("modality", "asserted") == "asserted" and not r.get("negated")]
    counted_kinds = Counter(r["verdict"] for r in counted)
    return {
        "events": len(rows),
        "judged": len(judged),
        "articles": len({r["article"] for r in judged}),
        "precision": precision(kinds),
        "precision_95ci": wilson_interval(kinds["right"], len(judged)),
        # the reading: a real event of the right type, whatever its actors
        "real_right_type": round(real_typed / len(judged), 4) if judged else 0.0,
        "real_right_type_95ci": wilson_interval(real_typed, len(judged)),
        # only the events counted as happened (asserted, not negated): what a table of events counts
        "counted": {
            "n": len(counted),
            "precision": precision(counted_kinds),
            "real_right_type": round((counted_kinds["right"] + counted_kinds["wrong_actor"]) / len(counted), 4)
            if counted
            else 0.0,
        },
        "kinds": {k: {"n": kinds[k], "share": round(kinds[k] / len(judged), 4) if judged else 0.0} for k in VERDICTS},
        **_kept_by_filter(judged),
        "by_type": {t: {"n": sum(c.values()), "precision": precision(c)} for t, c in sorted(by_type.items())},
        "by_source": {s: {"n": sum(c.values()), "precision": precision(c)} for s, c in sorted(by_source.items())},
        "by_confidence": {b: {"n": sum(c.values()), "precision": precision(c)} for b, c in sorted(by_band.items())},
    }


def _kept_by_filter(judged: list[dict]) -> dict[str, Any]:
    """On a sheet drawn with ``--unfiltered``: the scores of the rows the eventness filter keeps, and of those it
    leaves out (empty for other sheets)."""
    if not judged or any("filter_keeps" not in r for r in judged):
        return {}

    def scores(rows: list[dict]) -> dict[str, Any]:
        kinds = Counter(r["verdict"] for r in rows)
        real = kinds["right"] + kinds["wrong_actor"]
        return {
            "n": len(rows),
            "precision": round(kinds["right"] / len(rows), 4) if rows else 0.0,
            "precision_95ci": wilson_interval(kinds["right"], len(rows)),
            "real_right_type": round(real / len(rows), 4) if rows else 0.0,
            "kinds": dict(kinds),
        }

    return {
        "kept_by_filter": scores([r for r in judged if r["filter_keeps"]]),
        "left_out_by_filter": scores([r for r in judged if not r["filter_keeps"]]),
    }


CONFIDENCE_BANDS = (0.5, 0.7, 0.85)


def confidence_band(confidence: float) -> str:
    """The band a confidence falls in: "<0.50", "0.50-0.70", "0.70-0.85", ">=0.85"."""
    edges = CONFIDENCE_BANDS
    if confidence < edges[0]:
        return f"<{edges[0]:.2f}"
    for low, high in zip(edges, edges[1:], strict=False):
        if confidence < high:
            return f"{low:.2f}-{high:.2f}"
    return f">={edges[-1]:.2f}"


def wilson_interval(successes: int, total: int, z: float = 1.96) -> list[float]:
    """95% Wilson score interval: 150 verdicts leave about +-7 points of doubt, and it should be shown."""
    if not total:
        return [0.0, 0.0]
    p = successes / total
    centre = (p + z * z / (2 * total)) / (1 + z * z / total)
    half = z * ((p * (1 - p) / total + z * z / (4 * total * total)) ** 0.5) / (1 + z * z / total)
    return [round(max(0.0, centre - half), 4), round(min(1.0, centre + half), 4)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="real-news audit of coded events")
    commands = parser.add_subparsers(dest="command", required=True)
    sample = commands.add_parser("sample", help="write a sheet of sampled events for a human reader")
    sample.add_argument("--n", type=int, default=150, help="events to sample")
    sample.add_argument("--articles", type=int, default=30, help="articles to draw them from")
    sample.add_argument("--seed", type=int, default=SEED)
    sample.add_argument("-o", "--output", type=Path, default=DEFAULT_SHEET)
    sample.add_argument("--shared", type=Path, default=SHARED, help="the shared data folder")
    sample.add_argument(
        "--split", choices=("tune", "report"), default="report", help="articles to draw from (tune for development)"
    )
    sample.add_argument(
        "--unread",
        action="store_true",
        help="draw only articles that no sheet of the split in --sheets holds: the tune articles read before are "
        "the ones the rules were fitted to, so a fresh tune sheet must leave them out",
    )
    sample.add_argument("--sheets", type=Path, default=SHEETS, help="the folder of filled sheets (for --unread)")
    sample.add_argument(
        "--unfiltered",
        action="store_true",
        help="sample with the eventness filter off; each row says whether the filter keeps it (`filter_keeps`), "
        "so one sheet scores the tool with and without the filter",
    )
    score = commands.add_parser("score", help="precision and error kinds from a filled sheet")
    score.add_argument("sheet", type=Path)
    strip = commands.add_parser("strip", help="drop the sentences from a filled sheet, for committing it")
    strip.add_argument("sheet", type=Path)
    strip.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args(argv)
    if args.command == "strip":
        stripped = strip_sheet(read_sheet(args.sheet))
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in stripped), encoding="utf-8")
        return 0
    if args.command == "sample":
        pipeline = None
        if args.unfiltered:
            from eventscope.pipeline import Pipeline
            from eventscope.settings import Settings

            pipeline = Pipeline(Settings(min_eventness=0.0))
        skip = read_articles(sorted(args.sheets.glob(f"*{args.split}*.jsonl"))) if args.unread else set()
        rows = make_sheet(
            args.n, args.articles, shared=args.shared, pipeline=pipeline, seed=args.seed, split=args.split, skip=skip
        )
        write_sheet(rows, args.output)
        print(
            f"wrote {len(rows)} events from {len({r['article'] for r in rows})} articles to {args.output} "
            f"(and {args.output.with_suffix('.md')})",
            file=sys.stderr,
        )
        return 0
    print(json.dumps(score_sheet(read_sheet(args.sheet)), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
