"""The real-news audit: events spread over articles, a sheet a person can fill, and its score."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest

from eventscope.evaluation.audit import (
    VERDICTS,
    choose_articles,
    confidence_band,
    main,
    make_sheet,
    news_articles,
    read_articles,
    read_sheet,
    sample_events,
    score_sheet,
    strip_sheet,
    write_sheet,
)
from eventscope.records import Actor, AnnotatedDocument, Event, SentenceSpan, TextSpan
from stand_ins import event_stand_in

TEXT = "Ruritania accused Elbonia. Elbonia denied it. Both sides met in Geneva. Talks resumed."


def event(number: int) -> Event:
    start = (number * 7) % (len(TEXT) - 5)
    return event_stand_in(
        event_id=f"e{number}",
        event_type="ACCUSE",
        sentence=SentenceSpan(0, 26),
        trigger=TextSpan(start, start + 5, TEXT[start : start + 5]),
    )


def corpus(sizes: dict[str, int]):
    articles = [{"source": "news", "id": name, "text": TEXT, "title": ""} for name in sizes]
    records = {
        name: AnnotatedDocument(
            doc_id=name,
            title=None,
            date=None,
            url=None,
            source=None,
            text=TEXT,
            events=tuple(event(n) for n in range(size)),
        )
        for name, size in sizes.items()
    }
    return articles, records


def test_events_are_spread_evenly_over_articles_and_fixed():
    articles, records = corpus({"a": 20, "b": 2, "c": 20})
    rows = sample_events(articles, records, 12)
    per_article = Counter(r["article"] for r in rows)
    assert per_article == {"a": 5, "b": 2, "c": 5}  # the small article gives all it has, the rest is shared
    assert rows == sample_events(articles, records, 12)
    assert [r["row"] for r in rows] == list(range(1, 13))
    assert all(r["verdict"] == "" for r in rows)


def test_article_draw_alternates_sources():
    articles = [{"source": s, "id": f"{s}{n}", "text": "x", "title": ""} for s in ("geo", "lgl") for n in range(10)]
    chosen = choose_articles(articles, 6)
    assert Counter(a["source"] for a in chosen) == {"geo": 3, "lgl": 3}


def test_sheet_round_trips_and_scores(tmp_path):
    articles, records = corpus({"a": 3, "b": 3})
    rows = sample_events(articles, records, 6)
    verdicts = ["right", "right", "not_event", "duplicate", "wrong_actor", ""]
    for row, verdict in zip(rows, verdicts, strict=True):
        row["verdict"] = verdict
    path = tmp_path / "sheet.jsonl"
    write_sheet(rows, path)
    assert path.with_suffix(".md").read_text(encoding="utf-8").count("verdict:") == 6
    result = score_sheet(read_sheet(path))
    assert result["judged"] == 5 and result["events"] == 6
    assert result["precision"] == 0.4
    assert set(result["kinds"]) == set(VERDICTS)
    assert result["kinds"]["not_event"]["n"] == 1
    # a wrong actor is still a real event of the right type (the reading)
    assert result["real_right_type"] == 0.6


def test_counted_events_leave_out_flagged_ones():
    rows = [
        {"verdict": "right", "event_type": "AID", "source": "x", "article": "a", "modality": "asserted"},
        {"verdict": "not_event", "event_type": "AID", "source": "x", "article": "a", "modality": "hypothetical"},
        {"verdict": "not_event", "event_type": "AID", "source": "x", "article": "a", "negated": True},
        {"verdict": "wrong_actor", "event_type": "AID", "source": "x", "article": "a", "modality": "asserted"},
    ]
    counted = score_sheet(rows)["counted"]
    assert counted == {"n": 2, "precision": 0.5, "real_right_type": 1.0}


def test_unknown_verdict_is_refused():
    with pytest.raises(ValueError):
        score_sheet([{"verdict": "mostly right", "event_type": "ACCUSE", "source": "x", "article": "a"}])


def test_rows_carry_confidence_and_score_by_band():
    articles, records = corpus({"a": 4})
    rows = sample_events(articles, records, 4)
    assert all(r["confidence"] == 0.5 and r["mentions"] == 1 for r in rows)
    rows[0]["verdict"], rows[1]["verdict"] = "right", "not_event"
    rows[2].update(verdict="right", confidence=0.9)
    bands = score_sheet(rows)["by_confidence"]
    assert bands == {"0.50-0.70": {"n": 2, "precision": 0.5}, ">=0.85": {"n": 1, "precision": 1.0}}
    assert [confidence_band(x) for x in (0.2, 0.5, 0.7, 0.85)] == ["<0.50", "0.50-0.70", "0.70-0.85", ">=0.85"]


def test_strip_keeps_coded_fields_and_verdicts_only(tmp_path):
    articles, records = corpus({"a": 2})
    rows = sample_events(articles, records, 2)
    rows[0]["verdict"] = "right"
    stripped = strip_sheet(rows)
    assert all("sentence" not in r for r in stripped)
    assert stripped[0]["verdict"] == "right" and stripped[0]["event_type"] == "ACCUSE"
    sheet, out = tmp_path / "sheet.jsonl", tmp_path / "committed.jsonl"
    write_sheet(rows, sheet)
    assert main(["strip", str(sheet), "-o", str(out)]) == 0
    assert all("sentence" not in r for r in read_sheet(out))


def test_tune_and_report_articles_are_disjoint(tmp_path):
    geo = tmp_path / "geo-dev"
    geo.mkdir()
    body = "".join(f'<article docid="{n}"><text>Text {n}.</text></article>' for n in range(40))
    (geo / "GeoWebNews.xml").write_text(f"<articles>{body}</articles>", encoding="utf-8")
    tune = {a["id"] for a in news_articles(tmp_path, "tune")}
    report = {a["id"] for a in news_articles(tmp_path, "report")}
    assert tune and report and not tune & report and len(tune | report) == 40


class _OneEventPipeline:
    """Codes one event in every document, so a sheet can be drawn without the real pipeline."""

    settings = None

    def annotate(self, documents):
        for document in documents:
            yield replace(corpus({document.doc_id: 1})[1][document.doc_id], text=document.text)


def test_a_fresh_sheet_leaves_out_articles_read_on_earlier_sheets(tmp_path):
    """Rules get fitted to the tune articles readers have seen: `--unread` draws only the others."""
    geo = tmp_path / "geo-dev"
    geo.mkdir()
    body = "".join(f'<article docid="{n}"><text>{TEXT}</text></article>' for n in range(60))
    (geo / "GeoWebNews.xml").write_text(f"<articles>{body}</articles>", encoding="utf-8")
    first = make_sheet(4, 4, shared=tmp_path, pipeline=_OneEventPipeline(), split="tune")
    sheet = tmp_path / "2026-01-01-tune-seed1.jsonl"
    write_sheet(first, sheet)
    seen = read_articles([sheet])
    assert len(seen) == 4
    again = make_sheet(4, 4, shared=tmp_path, pipeline=_OneEventPipeline(), split="tune")
    assert {(r["source"], r["article"]) for r in again} == seen  # the same seed draws the same articles
    fresh = make_sheet(4, 4, shared=tmp_path, pipeline=_OneEventPipeline(), split="tune", skip=seen)
    assert len(fresh) == 4 and not {(r["source"], r["article"]) for r in fresh} & seen


def test_an_unfiltered_sheet_scores_the_rows_the_filter_keeps_and_leaves_out():
    articles, records = corpus({"a": 4})
    rows = sample_events(articles, records, 4, extra=lambda article, e: {"filter_keeps": e.event_id != "e0"})
    assert [r["filter_keeps"] for r in sorted(rows, key=lambda r: r["article"])].count(False) == 1
    for row, verdict in zip(rows, ("right", "not_event", "wrong_actor", "right"), strict=True):
        row["verdict"] = verdict
    scores = score_sheet(rows)
    kept, left = scores["kept_by_filter"], scores["left_out_by_filter"]
    assert kept["n"] + left["n"] == 4 and left["n"] == 1
    left_out = next(r for r in rows if not r["filter_keeps"])
    assert left["kinds"] == {left_out["verdict"]: 1}
    kept_right = sum(r["verdict"] == "right" for r in rows if r["filter_keeps"])
    assert kept["precision"] == round(kept_right / 3, 4)
    assert "kept_by_filter" not in score_sheet([{k: v for k, v in r.items() if k != "filter_keeps"} for r in rows])


def test_a_pronoun_shows_the_name_it_resolved_to():
    """The reader judges who the record says acted: "He" resolved to a person is shown with that name."""
    articles, records = corpus({"a": 1})
    first = records["a"].events[0]
    pronoun = Actor(0, 2, "He", "Karl Marek", "ELB", "GOV")
    country = Actor(27, 34, "Elbonia", "Republic of Elbonia", "ELB", "GOV")
    records["a"] = replace(records["a"], events=(replace(first, actor1=pronoun, actor2=country),))
    row = sample_events(articles, records, 1)[0]
    assert row["actor1"] == "He (= Karl Marek) [ELB/GOV]"
    assert row["actor2"] == "Elbonia [ELB/GOV]"  # a mention that already says the name is shown as written


def test_articles_carry_their_date_title_and_publisher(tmp_path):
    """An analyst codes news with its date: PolNeAR's metadata and LGL's download day reach the coded document."""
    polnear = tmp_path / "polnear-dev"
    (polnear / "text").mkdir(parents=True)
    stems = [f"nyt_2016-10-{n:02d}_story-{n}" for n in range(1, 21)]
    for stem in stems:
        (polnear / "text" / f"{stem}.txt").write_text(TEXT, encoding="utf-8")
    header = "compartment\tfilename\tlevel\tpublisher\tpublication_date\ttitle\n"
    lines = [f"train\t{s}\tNone\tnyt\t2016-10-{n:02d}\tStory {n}\n" for n, s in enumerate(stems[:10], 1)]
    lines.append(f"train\t{stems[10]}\tNone\tNone\tNone\tNone\n")  # the file's own "None": missing
    (polnear / "metadata.tsv").write_text(header + "".join(lines), encoding="utf-8")  # stems[11:]: no row at all
    geo = tmp_path / "geo-dev"
    geo.mkdir()
    body = "".join(
        f'<article docid="{n}"><title>T{n}</title><domain>paper.com</domain><url>http://paper.com/{n}</url>'
        f"<dltime>2009-03-{n + 1:02d} 12:24:52.002364-05</dltime><text>{TEXT}</text></article>"
        for n in range(20)
    )
    (geo / "lgl.xml").write_text(f"<articles>{body}</articles>", encoding="utf-8")
    articles = {a["id"]: a for split in ("tune", "report") for a in news_articles(tmp_path, split)}
    assert len(articles) == 40
    first = articles[stems[0]]
    assert (first["source"], first["date"], first["title"]) == ("polnear", "2016-10-01", "Story 1")
    assert first["publisher"] == "nyt"
    for stem in stems[10:]:
        assert (articles[stem]["date"], articles[stem]["title"], articles[stem]["publisher"]) == (None, "", None)
    lgl = articles["3"]
    assert (lgl["date"], lgl["title"], lgl["publisher"], lgl["url"]) == (
        "2009-03-04",
        "T3",
        "paper.com",
        "http://paper.com/3",
    )

    seen = []

    class Recording(_OneEventPipeline):
        def annotate(self, documents):
            documents = list(documents)
            seen.extend(documents)
            return super().annotate(documents)

    make_sheet(40, 40, shared=tmp_path, pipeline=Recording(), split="tune")
    coded = {d.doc_id: d for d in seen}
    assert coded and all(d.date == articles[i]["date"] for i, d in coded.items())
    assert all(d.source == articles[i]["publisher"] for i, d in coded.items())
    assert all(d.title == (articles[i]["title"] or None) for i, d in coded.items())
    assert any(d.date for d in coded.values())
