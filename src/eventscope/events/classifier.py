"""The learned part of the event coder: which PLOVER type (if any) a trigger evokes in its sentence.

A multinomial logistic regression over two kinds of features of one candidate trigger token:

* sparse syntax: the lemma, its lexicon entry, dependency label, head lemma, children's labels,
  voice, negation, auxiliaries, object and subject lemmas and entity types, prepositions;
* dense meaning: static word vectors distilled from all-MiniLM-L6-v2 (every vocabulary word
  embedded once by the transformer at training time, reduced with PCA, stored as float16) for the
  trigger, its subject, its object, its head and the whole sentence (mean).

Training lives in ``scripts/train_event_classifier.py`` (``make train``); the artefact it writes
(``data/models/event_classifier.npz`` + ``.json`` card) holds the vectors and the weights as plain
arrays, so the runtime needs numpy only (no torch, no pickles) and one candidate costs ~0.1 ms.
Class ``NONE`` means "no event here": background, generic or non-political senses ("the striker
attacked the goal", "stocks rallied", "lightning strikes").
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
from spacy.tokens import Token

from eventscope.events.lexicon import Lexicon, load_lexicon

NONE_LABEL = "NONE"
ARTEFACT_NAME = "event_classifier"
MODAL_AUX = {"will", "would", "could", "may", "might", "can", "should", "must", "shall"}
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
OBJECT_DEPS = ("dobj", "dative", "attr", "oprd")
DENSE_SLOTS = ("trigger", "subject", "object", "head", "sentence")
"""The words whose static vectors make the dense features, in order (each ``dim`` wide)."""


def model_dir() -> Path:
    return Path(str(resources.files("eventscope") / "data" / "models"))


# -- features (shared by training and runtime: keep them identical) ------------------------------


def is_candidate(token: Token, lexicon: Lexicon) -> bool:
    """A token worth classifying: the lexicon knows it, or it is a verb."""
    return token.pos_ == "VERB" or lexicon.lookup(token) is not None


def candidate_tokens(doc_or_span, lexicon: Lexicon) -> list[Token]:
    return [token for token in doc_or_span if is_candidate(token, lexicon)]


def _voice(token: Token) -> str:
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children):
        return "passive"
    if token.tag_ == "VBN" and token.dep_ in ("acl", "amod"):
        return "passive"
    return "active"


def _entity(token: Token | None) -> str:
    if token is None:
        return "NONE"
    if token.ent_type_:
        return token.ent_type_
    for child in token.children:  # "Russian forces", "the Kenyan president"
        if child.dep_ in ("amod", "compound", "poss") and child.ent_type_:
            return child.ent_type_
    return "-" if token.pos_ != "PRON" else "PRON"


def subject_of(token: Token) -> Token | None:
    """The grammatical subject, through coordination and control; the agent of a passive."""
    node = token
    for _ in range(4):
        for child in node.children:
            if child.dep_ == "agent":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
        for child in node.children:
            if child.dep_ in ("nsubj", "csubj"):
                return child
        if node.dep_ in ("conj", "xcomp", "advcl") and node.head is not node:
            node = node.head
            continue
        break
    if token.dep_ in ("acl", "relcl") and token.tag_ != "VBN":
        return token.head
    if token.pos_ == "NOUN":
        for child in token.children:  # "Israeli airstrikes", "Russia's invasion"
            if child.dep_ in ("poss", "amod", "compound") and (child.ent_type_ or child.pos_ == "PROPN"):
                return child
    return None


def object_of(token: Token) -> Token | None:
    """The direct object, passive subject, or first prepositional object."""
    for child in token.children:
        if child.dep_ in OBJECT_DEPS or child.dep_ == "nsubjpass":
            return child
    if token.dep_ == "acl" and token.tag_ == "VBN":
        return token.head
    for child in token.children:
        if child.dep_ == "prep":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def sparse_features(token: Token, lexicon: Lexicon) -> list[str]:
    """Binary syntactic features of a candidate trigger, as ``name=value`` strings."""
    lemma = token.lemma_.lower()
    features = [f"lemma={lemma}", f"pos={token.pos_}", f"tag={token.tag_}", f"dep={token.dep_}",
                f"lemma_pos={lemma}_{token.pos_}", f"head={token.head.lemma_.lower()}",
                f"head_pos={token.head.pos_}", f"head_dep={token.dep_}_{token.head.pos_}",
                f"voice={_voice(token)}", f"ent={token.ent_type_ or '-'}"]
    hit = lexicon.lookup(token)
    if hit is not None:
        entry, partner = hit
        features += [f"lex={entry.event_type}", f"lex_mode={entry.mode or '-'}",
                     f"lex_lemma={lemma}_{entry.event_type}"]
        if partner is not None:
            features += ["lex_phrase", f"lex_partner={partner.lemma_.lower()}"]
    else:
        features.append("lex=NONE")
    negated = False
    for child in token.children:
        features.append(f"child={child.dep_}")
        if child.dep_ == "neg":
            negated = True
        elif child.dep_ in ("aux", "auxpass") and child.lower_ in MODAL_AUX:
            features.append(f"aux={child.lower_}")
        elif child.dep_ == "prep":
            features.append(f"prep={child.lower_}")
        elif child.dep_ == "prt":
            features.append(f"prt={child.lower_}")
        elif child.dep_ in ("amod", "compound") and token.pos_ == "NOUN":
            features.append(f"mod={child.lemma_.lower()}")
    features.append(f"neg={negated}")
    subject = subject_of(token)
    obj = object_of(token)
    features += [f"subj_ent={_entity(subject)}", f"obj_ent={_entity(obj)}"]
    if subject is not None:
        features.append(f"subj={subject.lemma_.lower()}")
    if obj is not None:
        features.append(f"obj={obj.lemma_.lower()}")
        features.append(f"lemma_obj={lemma}_{obj.lemma_.lower()}")
    if token.i > token.sent.start:
        features.append(f"prev={token.nbor(-1).lemma_.lower()}")
    return features


class StaticEmbeddings:
    """Word -> vector table (float16 on disk, float32 in use); unknown words get zeros."""

    def __init__(self, words: list[str], vectors: np.ndarray) -> None:
        self.index = {word: i for i, word in enumerate(words)}
        self.vectors = vectors.astype(np.float32)
        self.dim = int(vectors.shape[1])
        self._zero = np.zeros(self.dim, dtype=np.float32)

    def row(self, token: Token) -> int | None:
        index = self.index.get(token.lower_)
        if index is None:
            index = self.index.get(token.lemma_.lower())
        return index

    def vector(self, token: Token | None) -> np.ndarray:
        if token is None:
            return self._zero
        index = self.row(token)
        return self._zero if index is None else self.vectors[index]

    def mean(self, tokens) -> np.ndarray:
        rows = [r for r in (self.row(t) for t in tokens if t.is_alpha and not t.is_stop) if r is not None]
        return self.vectors[rows].mean(axis=0) if rows else self._zero


def dense_features(token: Token, embeddings: StaticEmbeddings) -> np.ndarray:
    """Vectors of the trigger, its subject, object, head and sentence, concatenated."""
    head = token.head if token.head is not token else None
    return np.concatenate([
        embeddings.vector(token),
        embeddings.vector(subject_of(token)),
        embeddings.vector(object_of(token)),
        embeddings.vector(head),
        embeddings.mean(token.sent),
    ])


# -- the runtime model -----------------------------------------------------------------------------


class EventClassifier:
    """Scores one candidate trigger: ``classify(token) -> (type or None, probability)``."""

    def __init__(self, arrays: dict[str, np.ndarray], card: dict, lexicon: Lexicon | None = None) -> None:
        self.card = card
        self.classes: list[str] = list(card["classes"])
        self.features = {name: i for i, name in enumerate(card["features"])}
        self.embeddings = StaticEmbeddings(card["words"], arrays["vectors"])
        self.sparse_weights = arrays["sparse_weights"].astype(np.float32)  # (n_features, n_classes)
        self.dense_weights = arrays["dense_weights"].astype(np.float32)    # (n_dense, n_classes)
        self.bias = arrays["bias"].astype(np.float32)
        self.lexicon = lexicon or load_lexicon()
        self.none_index = self.classes.index(NONE_LABEL)

    @classmethod
    def from_dir(cls, directory: Path, name: str = ARTEFACT_NAME) -> EventClassifier:
        card = json.loads((directory / f"{name}.json").read_text(encoding="utf-8"))
        with np.load(directory / f"{name}.npz", allow_pickle=False) as data:
            arrays = {key: data[key] for key in data.files}
        return cls(arrays, card)

    @classmethod
    def load(cls) -> EventClassifier:
        """The shipped model, loaded once per process."""
        return _load_shipped()

    def scores(self, token: Token) -> np.ndarray:
        """Class probabilities, in ``self.classes`` order."""
        rows = [self.features[f] for f in sparse_features(token, self.lexicon) if f in self.features]
        logits = self.bias + dense_features(token, self.embeddings) @ self.dense_weights
        if rows:
            logits = logits + self.sparse_weights[rows].sum(axis=0)
        logits = logits - logits.max()
        exp = np.exp(logits)
        return exp / exp.sum()

    def type_probabilities(self, trigger: Token) -> dict[str, float]:
        """Probability of every PLOVER type, and of ``"NONE"`` (no event evoked here)."""
        return {label: float(p) for label, p in zip(self.classes, self.scores(trigger), strict=True)}

    def classify(self, trigger: Token) -> tuple[str | None, float]:
        """The most probable type (None = no event here) and its probability."""
        probabilities = self.scores(trigger)
        best = int(probabilities.argmax())
        label = self.classes[best]
        return (None if label == NONE_LABEL else label), float(probabilities[best])

    def event_probability(self, trigger: Token) -> float:
        """1 - P(NONE): how likely the token evokes some event at all."""
        return float(1.0 - self.scores(trigger)[self.none_index])


@lru_cache(maxsize=1)
def _load_shipped() -> EventClassifier:
    return EventClassifier.from_dir(model_dir())
