"""The learned part of the event coder: does a clause state an event, of which PLOVER type, with what
modality, and how sure can we be.

Three small heads over features of one candidate trigger token in its sentence:

* **type**: multinomial logistic regression over sparse syntax (the lemma, its lexicon entry,
  dependency label, head lemma, children's labels, voice, negation, auxiliaries, object and subject
  lemmas and entity types, prepositions) and dense meaning (static word vectors distilled from
  all-MiniLM-L6-v2 for the trigger, its subject, object, head and the whole sentence). Class ``NONE``
  means "no event here": background, generic or non-political senses ("the striker attacked the
  goal", "it's striking that", "X beat Y 3-1").
* **modality**: multinomial logistic regression over the clause's modal cues (auxiliaries, negation,
  conditional marks, the chain of governing verbs: "would like to see X accept", "balking at
  signing") -> ``asserted`` / ``future`` / ``hypothetical`` / ``negated``.
* **calibration**: a Platt-style logistic map from (type probability, event probability, actors
  found, lexicon agreement) to the probability that the coded event is right, fitted on
  out-of-fold predictions of the tune split, so ``Judgement.confidence`` is a calibrated probability.

Training lives in ``scripts/train_event_classifier.py`` (``make train``); the artefacts are plain
arrays (``data/models/static_vectors.npz``, ``event_classifier.npz`` + ``.json`` card carrying
``version``), so the runtime needs numpy only (no torch, no pickles): one judgement costs ~0.1 ms.
``EventClassifier.judge`` is the one entry point the pipeline's scoring step calls; ``vet`` applies
the veto / modality / confidence / type-override policy to a list of coded events.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Token

from eventscope.events.lexicon import Lexicon, TriggerEntry, load_lexicon

NONE_LABEL = "NONE"
ARTEFACT_NAME = "event_classifier"
VECTORS_NAME = "static_vectors"
ARTEFACT_VERSION = "2.2"
"""Bumped whenever features or the artefact layout change; a mismatching artefact refuses to load."""
MODALITIES = ("asserted", "future", "hypothetical", "negated")
MODAL_AUX = {"will", "would", "could", "may", "might", "can", "should", "must", "shall"}
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
OBJECT_DEPS = ("dobj", "dative", "attr", "oprd")
SCORE = re.compile(r"(?<![\d.,/-])\d{1,2} ?[-\u2013] ?\d{1,2}(?![\d.,])")
DENSE_SLOTS = ("trigger", "subject", "object", "head", "sentence")
DERIVED_RULES = frozenset(
    {
        "joint_deed",
        "party_word",
        "feeling",
        "hyphen_war_sides",
        "protest_sense",
        "material_support_is_aid",
        "bladed_hacking",
        "granted_concession",
        "fire_exchange",
        "deadly_outcome",
    }
)
"""Coder rules (events/rules.py) whose event type is derived from the arguments or the relation, not the trigger
word's sense (co-agents COOPERATE, workers' strike PROTEST): the model does not retype them, and the calibration
knows them apart (``calibration_features`` ``derived``): "X and Y agreed to ..." also yields a COOPERATE of the
pair, which is rarely the sentence's event, while two actors alone would rate it highly."""
REFUSAL = "refusal"
"""``CodedEvent.rules`` of a cooperative deed the source says it will not do ("X will not lift the ban"), coded as
the refusal it states: REJECT, asserted (events/scoring.py ``commitment_stance``)."""
WILLINGNESS = "willingness"
"""``CodedEvent.rules`` of a cooperative deed the source says it is willing or ready to do ("X is ready to send
troops"), coded as the offer it states: AGREE, asserted (events/scoring.py ``commitment_stance``)."""
STANCE_RULES = frozenset({REFUSAL, WILLINGNESS})
"""The words whose static vectors make the dense features, in order (each ``dim`` wide)."""


def model_dir() -> Path:
    return Path(str(resources.files("eventscope") / "data" / "models"))


# -- features (shared by training and runtime: keep them identical) ------------------------------


def is_candidate(token: Token, lexicon: Lexicon) -> bool:
    """A token worth classifying: the lexicon knows it, or it is a verb."""
    return token.pos_ == "VERB" or lexicon.lookup(token) is not None


def fallback_trigger(token: Token, lexicon: Lexicon) -> bool:
    """A token the model may code an event on by itself: a candidate word that is not a reporting verb ("said",
    "told": the reported clause holds the event, not the speech) nor a verb of being or having ("belonged to the
    group", "was born in", "was founded by": a description, however eventful its sentence reads). A word has a
    letter: the parser tags the dash of a photo credit ("― Krystal Correa") as a verb."""
    from eventscope.vocabulary import words

    lemma = token.lemma_.lower()
    return (
        is_candidate(token, lexicon)
        and any(character.isalpha() for character in token.text)
        and lemma not in words("reporting_verbs")
        and lemma not in words("stative_verbs")
    )


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
    """The grammatical subject, through coordination and control ("X is ready to contribute": through the
    adjective too); the agent of a passive."""
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
        if node.dep_ in ("conj", "xcomp", "advcl", "acomp") and node.head is not node:
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
    features = [
        f"lemma={lemma}",
        f"pos={token.pos_}",
        f"tag={token.tag_}",
        f"dep={token.dep_}",
        f"lemma_pos={lemma}_{token.pos_}",
        f"head={token.head.lemma_.lower()}",
        f"head_pos={token.head.pos_}",
        f"head_dep={token.dep_}_{token.head.pos_}",
        f"voice={_voice(token)}",
        f"ent={token.ent_type_ or '-'}",
    ]
    hit = lexicon.lookup(token)
    if hit is not None:
        entry, partner = hit
        features += [
            f"lex={entry.event_type}",
            f"lex_mode={entry.mode or '-'}",
            f"lex_lemma={lemma}_{entry.event_type}",
        ]
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
    if SCORE.search(token.doc[token.i + 1 : min(token.sent.end, token.i + 10)].text):
        features.append("score_after")  # "beat Valencia 4-0": a match result, not an assault
    return features


class StaticEmbeddings:
    """Word -> vector table (float16 on disk, float32 in use); unknown words get zeros."""

    def __init__(self, words: list[str], vectors: np.ndarray) -> None:
        self.index = {word: i for i, word in enumerate(words)}
        self.vectors = vectors.astype(np.float32)
        self.dim = int(vectors.shape[1])
        self._zero = np.zeros(self.dim, dtype=np.float32)

    def word_vector(self, word: str) -> np.ndarray | None:
        """The vector of a lower-case word, or None when the table lacks it."""
        index = self.index.get(word)
        return None if index is None else self.vectors[index]

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
    return np.concatenate(
        [
            embeddings.vector(token),
            embeddings.vector(subject_of(token)),
            embeddings.vector(object_of(token)),
            embeddings.vector(head),
            embeddings.mean(token.sent),
        ]
    )


SENTENCE_DENSE_SCALE = 2.0
"""The sentence head's mean vector enters scaled by this (it has few sparse features per class to compete with)."""


def sentence_features(sentence, lexicon: Lexicon) -> list[str]:
    """Binary features of a whole sentence for the sentence head: its content lemmas, the lexicon's types and
    entries that it holds, and the root's lemma."""
    features: set[str] = set()
    for token in sentence:
        lemma = token.lemma_.lower()
        if token.is_alpha and not token.is_stop:
            features.add(f"w={lemma}")
        hit = lexicon.lookup(token)
        if hit is not None:
            features.update((f"lex={hit[0].event_type}", f"lex_entry={hit[0].lemma}_{hit[0].event_type}"))
        if token.dep_ == "ROOT":
            features.add(f"root={lemma}")
    return sorted(features)


MODAL_CUES = MODAL_AUX | {"'ll", "wo", "ca", "going"}
CONDITIONAL_WORDS = {"if", "unless", "whether"}


def _governors(token: Token, depth: int = 3) -> list[tuple[str, Token]]:
    """The chain of (dependency, head) above a token: what its clause hangs under ("would like to see X accept")."""
    chain = []
    node = token
    for _ in range(depth):
        if node.head.i == node.i:  # the root (spaCy makes a new Token object per access: compare indices)
            break
        chain.append((node.dep_, node.head))
        node = node.head
    return chain


def modality_features(token: Token) -> list[str]:
    """Binary cues of the clause's modality, as ``name=value`` strings (the rule-based reading included)."""
    from eventscope.events.modality import is_negated, modality_of

    features = [
        f"rule_mod={modality_of(token)}",
        f"rule_neg={is_negated(token)}",
        f"tag={token.tag_}",
        f"dep={token.dep_}",
        f"lemma={token.lemma_.lower()}",
    ]
    for child in token.children:
        if child.dep_ in ("aux", "auxpass") and child.lower_ in MODAL_CUES:
            features.append(f"aux={child.lower_}")
        elif child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ in ("no", "never")):
            features.append("neg")
        elif child.dep_ == "mark":
            features.append(f"mark={child.lower_}")
    for depth, (dep, head) in enumerate(_governors(token), start=1):
        lemma = head.lemma_.lower()
        features += [f"up{depth}={dep}<{lemma}", f"up_lemma={lemma}", f"up_dep={dep}"]
        for child in head.children:
            if child.dep_ in ("aux", "auxpass") and child.lower_ in MODAL_CUES:
                features.append(f"up_aux={child.lower_}")
            elif child.dep_ == "neg":
                features.append(f"up{depth}_neg")
            elif child.dep_ == "mark" and child.lower_ in CONDITIONAL_WORDS:
                features.append("up_conditional")
    before = [t.lower_ for t in token.sent if t.i < token.i]
    if any(word in CONDITIONAL_WORDS for word in before):
        features.append("sent_conditional")
    if any(word in MODAL_AUX for word in before):
        features.append("sent_modal_before")
    return features


def modality_dense(token: Token, embeddings: StaticEmbeddings) -> np.ndarray:
    """Vectors of the trigger and its first two governors ("balk" sits near "refuse", "hope" near "want")."""
    chain: list[Token | None] = [head for _, head in _governors(token, 2)]
    chain += [None] * (2 - len(chain))
    return np.concatenate([embeddings.vector(token)] + [embeddings.vector(head) for head in chain])


def logit(p: float) -> float:
    """log(p / (1 - p)), with p clamped to [1e-4, 1 - 1e-4] so that a certain reading stays finite."""
    p = min(max(p, 1e-4), 1 - 1e-4)
    return float(np.log(p / (1 - p)))


def calibration_features(
    p_type: float,
    p_event: float,
    actors: int,
    agrees: bool,
    fallback: bool = False,
    p_sentence: float = 0.5,
    rules: tuple[str, ...] = (),
) -> np.ndarray:
    """What the calibrated confidence is a function of: the trigger head's belief in this type and in any event,
    how many actors the syntax found (0, 1, 2), whether the model's top type is this one, whether the model
    coded the event itself (``fallback``: the coder kept nothing in the sentence), the sentence head's belief
    in this type (``p_sentence``: what the whole sentence reports), and whether the coder's ``rules`` derived the
    type from the arguments (``DERIVED_RULES``) or from the stance the clause states (``STANCE_RULES``: the
    trigger head judges the deed's word, not the refusal or offer)."""
    return np.array(
        [
            logit(p_type),
            logit(p_event),
            float(actors == 2),
            float(actors == 1),
            float(agrees),
            float(fallback),
            logit(p_sentence),
            float(bool(DERIVED_RULES.intersection(rules))),
            float(bool(STANCE_RULES.intersection(rules))),
        ],
        dtype=np.float64,
    )


# -- the runtime model -----------------------------------------------------------------------------

NO_EVENT_THRESHOLD = 0.5
"""P(NONE) at or above which a clause states no event: an event without both actors is then vetoed
(precision mode). Events with both actors resolved are kept: the syntax is strong evidence there."""
OVERRIDE_MIN = 1.01
"""Default: no override. The artefact's ``policy`` (chosen by training on the tune split) sets the probability
at which the model's type replaces the coder's, and whether only a sense the lexicon lists for the trigger
word may replace it (``override_scope`` "senses": an ambiguous entry, "strike" ASSAULT / PROTEST) or any type."""
FALLBACK_MIN = 1.01
"""Default: no fallback. The artefact's ``policy.fallback_min`` (chosen by training on the tune split) is the
sentence head's probability of its best type at which the model codes an event itself where the coder kept none
(``fallback_candidate``; events/scoring.py ``add_fallback_events`` builds it)."""
MODALITY_MIN = 0.9
"""The model marks an asserted event future / hypothetical / negated only when that reading is this probable.
On the plover_dev tune split 0.7, 0.8 and 0.9 gave the same matched-modality accuracy (0.874 against 0.854 for the
rules alone); 0.9 leaves deeds under an order or a plan ("ordered the forces to take control", P(future) 0.75)
as the coder reads them."""


@dataclass(frozen=True)
class Judgement:
    """The model's view of one coded event: is there an event, which type, which modality, how sure."""

    is_event: bool
    event_type: str | None
    """The model's most probable PLOVER type (None: no event)."""
    type_probs: dict[str, float]
    modality: str
    modality_probs: dict[str, float]
    confidence: float
    """Calibrated probability that the coded event (with the type judged) is right."""
    sentence_probs: dict[str, float] | None = None
    """The sentence head's probabilities for the trigger's sentence (PLOVER types and ``NONE``)."""


class EventClassifier:
    """Scores candidate triggers: ``classify(token)``, ``type_probabilities(token)``, ``judge(...)``, ``vet(...)``."""

    def __init__(self, arrays: dict[str, np.ndarray], card: dict, lexicon: Lexicon | None = None) -> None:
        if card.get("version") != ARTEFACT_VERSION:
            raise ValueError(
                f"event model artefact version {card.get('version')!r} does not match the code "
                f"({ARTEFACT_VERSION}); rebuild it with `make train`"
            )
        self.card = card
        self.classes: list[str] = list(card["classes"])
        self.features = {name: i for i, name in enumerate(card["features"])}
        words = [str(w) for w in arrays["words"]]
        self.embeddings = StaticEmbeddings(words, arrays["vectors"])
        self.sparse_weights = arrays["sparse_weights"].astype(np.float32)  # (n_features, n_classes)
        self.dense_weights = arrays["dense_weights"].astype(np.float32)  # (n_dense, n_classes)
        self.bias = arrays["bias"].astype(np.float32)
        self.modalities: list[str] = list(card["modality"]["classes"])
        self.modality_features = {name: i for i, name in enumerate(card["modality"]["features"])}
        self.modality_sparse = arrays["modality_sparse"].astype(np.float32)
        self.modality_dense = arrays["modality_dense"].astype(np.float32)
        self.modality_bias = arrays["modality_bias"].astype(np.float32)
        self.sentence_classes: list[str] = list(card["sentence"]["classes"])
        self.sentence_features = {name: i for i, name in enumerate(card["sentence"]["features"])}
        self.sentence_sparse = arrays["sentence_sparse"].astype(np.float32)
        self.sentence_dense = arrays["sentence_dense"].astype(np.float32)
        self.sentence_bias = arrays["sentence_bias"].astype(np.float32)
        self.calibration_coef = arrays["calibration_coef"].astype(np.float64)
        self.calibration_bias = float(arrays["calibration_bias"][0])
        policy = card.get("policy", {})
        self.override_min = float(policy.get("override_min", OVERRIDE_MIN))
        self.override_any = policy.get("override_scope", "senses") == "any"
        self.fallback_min = float(policy.get("fallback_min", FALLBACK_MIN))
        self.sentence_retype_min = float(policy.get("sentence_retype_min", FALLBACK_MIN))
        self.fallback_confidence_max = float(policy.get("fallback_confidence_max", 0.5))
        self.lexicon = lexicon or load_lexicon()
        self.none_index = self.classes.index(NONE_LABEL)
        self.sentence_reader: Callable[[Any], dict[str, float]] | None = None
        """The accurate mode's sentence head (``with_sentence_reader``); None reads with the static head."""

    @classmethod
    def from_dir(cls, directory: Path, name: str = ARTEFACT_NAME) -> EventClassifier:
        card = json.loads((directory / f"{name}.json").read_text(encoding="utf-8"))
        if card.get("version") != ARTEFACT_VERSION:
            raise ValueError(
                f"event model artefact version {card.get('version')!r} does not match the code "
                f"({ARTEFACT_VERSION}); rebuild it with `make train`"
            )
        arrays: dict[str, np.ndarray] = {}
        for file_name in (f"{card.get('vectors', VECTORS_NAME)}.npz", f"{name}.npz"):
            with np.load(directory / file_name, allow_pickle=False) as data:
                arrays.update({key: data[key] for key in data.files})
        return cls(arrays, card)

    @classmethod
    def load(cls) -> EventClassifier:
        """The shipped model, loaded once per process."""
        return _load_shipped()

    # -- type -------------------------------------------------------------------------------------

    def scores(self, token: Token) -> np.ndarray:
        """Class probabilities, in ``self.classes`` order."""
        rows = [self.features[f] for f in sparse_features(token, self.lexicon) if f in self.features]
        logits = self.bias + dense_features(token, self.embeddings) @ self.dense_weights
        if rows:
            logits = logits + self.sparse_weights[rows].sum(axis=0)
        return _softmax(logits)

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

    # -- modality, calibration, judgement -----------------------------------------------------------

    def modality_probabilities(self, trigger: Token) -> dict[str, float]:
        """P(asserted / future / hypothetical / negated) of the clause the trigger heads."""
        rows = [self.modality_features[f] for f in modality_features(trigger) if f in self.modality_features]
        logits = self.modality_bias + modality_dense(trigger, self.embeddings) @ self.modality_dense
        if rows:
            logits = logits + self.modality_sparse[rows].sum(axis=0)
        return {label: float(p) for label, p in zip(self.modalities, _softmax(logits), strict=True)}

    def with_sentence_reader(
        self, reader: Callable[[Any], dict[str, float]], policy: dict[str, float] | None = None
    ) -> EventClassifier:
        """A copy whose sentence head is ``reader`` (the accurate mode's fine-tuned transformer, which has the
        same classes) and whose ``policy`` thresholds replace the card's (``sentence_retype_min``,
        ``fallback_min``); the shipped instance, shared by every pipeline of the process, is
        left as it is."""
        twin = copy.copy(self)
        twin.sentence_reader = reader
        for name, value in (policy or {}).items():
            if name not in ("sentence_retype_min", "fallback_min"):
                raise ValueError(f"unknown sentence-reader policy {name!r}")
            setattr(twin, name, float(value))
        return twin

    def sentence_probabilities(self, sentence) -> dict[str, float]:
        """The sentence head: probability that the sentence reports an event of each PLOVER type, or none."""
        if self.sentence_reader is not None:
            return self.sentence_reader(sentence)
        rows = [
            self.sentence_features[f] for f in sentence_features(sentence, self.lexicon) if f in self.sentence_features
        ]
        dense = self.embeddings.mean(sentence) * SENTENCE_DENSE_SCALE
        logits = self.sentence_bias + dense @ self.sentence_dense
        if rows:
            logits = logits + self.sentence_sparse[rows].sum(axis=0)
        return {label: float(p) for label, p in zip(self.sentence_classes, _softmax(logits), strict=True)}

    def calibrated(
        self,
        probabilities: dict[str, float],
        event_type: str,
        actors: int,
        fallback: bool = False,
        sentence_probs: dict[str, float] | None = None,
        rules: tuple[str, ...] = (),
    ) -> float:
        """Calibrated probability that an event of ``event_type`` with this many actors is right (``fallback``:
        an event the model coded itself in a sentence where the coder kept none; ``sentence_probs``: the sentence
        head's view of the event's sentence; ``rules``: the coder rules that made it)."""
        best = max((label for label in probabilities if label != NONE_LABEL), key=lambda label: probabilities[label])
        p_sentence = (sentence_probs or {}).get(event_type, 0.5)
        x = calibration_features(
            probabilities.get(event_type, 0.0),
            1.0 - probabilities[NONE_LABEL],
            actors,
            best == event_type,
            fallback,
            p_sentence,
            tuple(rules),
        )
        return float(1.0 / (1.0 + np.exp(-(x @ self.calibration_coef + self.calibration_bias))))

    def judge(
        self, sentence_span, trigger_token: Token, coded_event=None, sentence_probs: dict[str, float] | None = None
    ) -> Judgement:
        """The model's verdict on one trigger in its sentence (``sentence_span`` is the trigger's sentence;
        the features read it through ``trigger_token.sent``). With a ``coded_event`` (anything with
        ``entry.event_type``, ``actor1``, ``actor2``) the confidence is that of the coded type and actors;
        without, that of the model's own top type with no actors known."""
        probabilities = self.type_probabilities(trigger_token)
        best = max((label for label in probabilities if label != NONE_LABEL), key=lambda label: probabilities[label])
        is_event = probabilities[NONE_LABEL] < NO_EVENT_THRESHOLD
        if coded_event is not None:
            event_type = coded_event.entry.event_type
            actors = (coded_event.actor1 is not None) + (coded_event.actor2 is not None)
        else:
            event_type, actors = best, 0
        modality_probs = self.modality_probabilities(trigger_token)
        modality = max(modality_probs, key=lambda label: modality_probs[label])
        if sentence_probs is None:
            sentence_probs = self.sentence_probabilities(
                sentence_span if sentence_span is not None else trigger_token.sent
            )
        return Judgement(
            is_event=is_event,
            event_type=best if is_event else None,
            type_probs=probabilities,
            modality=modality,
            modality_probs=modality_probs,
            confidence=round(
                self.calibrated(
                    probabilities,
                    event_type,
                    actors,
                    sentence_probs=sentence_probs,
                    rules=tuple(getattr(coded_event, "rules", ()) or ()),
                ),
                3,
            ),
            sentence_probs=sentence_probs,
        )

    def vet(self, coded: list, favor: str = "precision") -> list:
        """The pipeline hook: veto, retype, mark modality and set the calibrated confidence of coded events.

        * precision mode drops an event the model says is no event, unless the syntax found both actors
          (the model vetoing dyadic events cost re3d dyad recall at no precision gain);
        * the model's type replaces the coder's when it is confident (the artefact's ``policy``, chosen on
          the tune split: a lexicon sense of the same word, or any type), taking the listed sense's mode;
        * an event the coder read as asserted is marked future / hypothetical / negated when the model
          is confident it is not asserted;
        * ``confidence`` becomes the calibrated probability that the event is right.
        Mutates and returns the kept ``CodedEvent`` items, in order."""
        kept = []
        judged: dict[tuple[int, int], Judgement] = {}  # the dyads of one trigger share its judgement
        sentences: dict[tuple[int, int], dict[str, float]] = {}  # and the events of one sentence its reading
        for item in coded:
            key = (id(item.trigger.doc), item.trigger.i)
            judgement = judged.get(key)
            if judgement is None:
                where = (id(item.trigger.doc), item.sentence.start)
                if where not in sentences:
                    sentences[where] = self.sentence_probabilities(item.sentence)
                judgement = judged[key] = self.judge(item.sentence, item.trigger, item, sentences[where])
            dyadic = item.actor1 is not None and item.actor2 is not None
            if favor == "precision" and not judgement.is_event and not dyadic:
                continue
            override = self._override(item.entry, judgement)
            if override is not None:
                item.entry = override
            if (
                item.modality == "asserted"
                and not item.negated
                and judgement.modality != "asserted"
                and judgement.modality_probs[judgement.modality] >= MODALITY_MIN
            ):
                if judgement.modality == "negated":
                    item.negated = True
                else:
                    item.modality = judgement.modality
            actors = (item.actor1 is not None) + (item.actor2 is not None)
            item.confidence = round(
                self.calibrated(
                    judgement.type_probs,
                    item.entry.event_type,
                    actors,
                    sentence_probs=judgement.sentence_probs,
                    rules=tuple(getattr(item, "rules", ()) or ()),
                ),
                3,
            )
            kept.append(item)
        self._retype_to_sentence(kept, judged, sentences)
        return kept

    def _retype_to_sentence(self, kept: list, judged: dict, sentences: dict) -> None:
        """When the sentence head is sure a sentence reports a type none of its kept events has, the event whose
        trigger the trigger head finds likeliest to evoke that type takes it ("filed charges against X": the
        coder's SUPPORT on "recommending" when the sentence reports an ACCUSE); policy ``sentence_retype_min``."""
        if self.sentence_retype_min > 1.0:
            return
        by_sentence: dict[tuple[int, int], list] = {}
        for item in kept:
            by_sentence.setdefault((id(item.trigger.doc), item.sentence.start), []).append(item)
        for where, items in by_sentence.items():
            sentence_probs = sentences.get(where)
            if not sentence_probs:
                continue
            wanted = max((c for c in sentence_probs if c != NONE_LABEL), key=sentence_probs.get)
            if sentence_probs[wanted] < self.sentence_retype_min or any(i.entry.event_type == wanted for i in items):
                continue
            judgements = [judged[(id(i.trigger.doc), i.trigger.i)] for i in items]
            chosen, judgement = max(
                zip(items, judgements, strict=True), key=lambda pair: pair[1].type_probs.get(wanted, 0.0)
            )
            chosen.entry = self.entry_for(chosen.trigger, wanted)
            actors = (chosen.actor1 is not None) + (chosen.actor2 is not None)
            chosen.confidence = round(
                self.calibrated(
                    judgement.type_probs,
                    wanted,
                    actors,
                    sentence_probs=sentence_probs,
                    rules=tuple(getattr(chosen, "rules", ()) or ()),
                ),
                3,
            )

    def fallback_candidate(
        self, sentence, min_probability: float = 0.0
    ) -> tuple[Token, str, dict[str, float], dict[str, float]] | None:
        """The event the model alone reads in a sentence: the sentence head's most probable PLOVER type, on the
        candidate trigger the trigger head finds likeliest to evoke it. Returns (trigger, type, the trigger's
        probabilities, the sentence's probabilities), None without a candidate; whether it is coded
        (``fallback_min`` on the sentence's probability of the type) and with which actors is the caller's; below
        ``min_probability`` it is None at once (the words are not scored: most sentences of real news stop here)."""
        sentence_probs = self.sentence_probabilities(sentence)
        event_type = max((c for c in sentence_probs if c != NONE_LABEL), key=sentence_probs.__getitem__)
        if sentence_probs[event_type] < min_probability:
            return None
        column = self.classes.index(event_type) if event_type in self.classes else None
        best: tuple[Token, str, dict[str, float], dict[str, float]] | None = None
        best_p = -1.0
        for token in sentence:
            if column is None or not fallback_trigger(token, self.lexicon):
                continue
            scores = self.scores(token)
            if scores[column] > best_p:
                best_p = float(scores[column])
                probabilities = {label: float(p) for label, p in zip(self.classes, scores, strict=True)}
                best = (token, event_type, probabilities, sentence_probs)
        return best

    def entry_for(self, token: Token, event_type: str) -> TriggerEntry:
        """The lexicon sense of ``event_type`` the token's word lists, else a bare entry of that type."""
        return sense_entry(self.lexicon, token, event_type)

    def _override(self, entry, judgement: Judgement):
        """The entry the model's type calls for, when it is confident: the word's lexicon sense of that type, or
        (policy scope "any") a bare entry of that type; None keeps the coder's."""
        best = judgement.event_type
        if best is None or best == entry.event_type or judgement.type_probs[best] < self.override_min:
            return None
        sense = next((alt for alt in self.lexicon.alternatives(entry) if alt.event_type == best), None)
        if sense is None and self.override_any:
            sense = TriggerEntry(lemma=entry.lemma, pos=entry.pos, event_type=best, mode=None, cameo=None)
        return sense


def sense_entry(lexicon: Lexicon, token: Token, event_type: str) -> TriggerEntry:
    """The lexicon sense of ``event_type`` the token's word lists, else a bare entry of that type."""
    hit = lexicon.lookup(token)
    if hit is not None:
        sense = next((alt for alt in lexicon.alternatives(hit[0]) if alt.event_type == event_type), None)
        if sense is not None:
            return sense
    pos = "NOUN" if token.pos_ == "NOUN" else "VERB"
    return TriggerEntry(lemma=token.lemma_.lower(), pos=pos, event_type=event_type, mode=None, cameo=None)


def _softmax(logits: np.ndarray) -> np.ndarray:
    logits = logits - logits.max()
    exp = np.exp(logits)
    return exp / exp.sum()


@lru_cache(maxsize=1)
def _load_shipped() -> EventClassifier:
    return EventClassifier.from_dir(model_dir())
