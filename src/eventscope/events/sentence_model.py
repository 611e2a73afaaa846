"""The accurate mode's sentence head: all-MiniLM-L6-v2 fine-tuned to read which PLOVER type a sentence reports.

The default (fast) pipeline reads a sentence's type with the static-vector logistic head of
``events/classifier.py``. With ``event_model="accurate"`` that reading comes from this transformer instead:
the same classes (PLOVER types and ``NONE``), trained on the same tune-split sentence examples
(``scripts/train_sentence_model.py``, ``make train-accurate``), so the classifier's sentence retype, its
fallback events and its calibration input read a sharper distribution. It costs torch at run time and about
one transformer pass per sentence (batched per document); docs/model.md has both modes' numbers.

The artefact is a folder (``sentence_model.json`` card with ``version`` and ``classes``, the tokenizer files,
``model.safetensors`` holding encoder and head) built on the user's machine, not shipped: the card's
``version`` must match ``ARTEFACT_VERSION``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import numpy as np

ARTEFACT_VERSION = "1"
"""Bumped whenever the input, pooling or head change; a mismatching artefact refuses to load."""
CARD_NAME = "sentence_model.json"
MAX_TOKENS = 128
"""Sentences are cut to this many word pieces (news sentences rarely need more)."""
BATCH_SIZE = 32
ACCURATE_POLICY = {"sentence_retype_min": 0.9}
"""How the classifier uses this sharper reading (``EventClassifier.with_sentence_reader``): a sentence whose top
type has probability >= 0.9 and is none of its events' types gives that type to the event whose trigger is likeliest
to evoke it (the fast policy leaves this off); the fallback threshold stays the static card's. Chosen on held-out
tune folds 0 and 1 (this model and the static one trained without them: 106 plover_dev sentences, 228 PLV sentences,
254 ACLED notes). Fast: plover_dev micro F1 0.694, PLV top-1 0.614, ACLED family recall 0.898. Accurate with the
retype off: 0.703 / 0.689 / 0.906; at 0.9: 0.683 / 0.728 / 0.913; at 0.8: 0.663 / 0.724 / 0.913; at 0.5: 0.634 /
0.737 / 0.917. The retype imposes PLV's sentence-level conventions ("pledged 50 million euros" AID, "test-fired a
missile" ASSAULT) on the team's trigger-level ones, so only a near-certain reading retypes."""


class AccurateModeUnavailable(RuntimeError):
    """The accurate mode was asked for but its model (or torch) is missing: the message says what to run."""


def default_model_dir() -> Path:
    """``$EVENTSCOPE_CACHE/models/sentence-minilm-v<version>`` (the cache shared by all eventscope stages)."""
    cache = Path(os.environ.get("EVENTSCOPE_CACHE") or Path.home() / ".cache" / "eventscope")
    return cache / "models" / f"sentence-minilm-v{ARTEFACT_VERSION}"


def build_network(encoder_dir: str | Path, n_classes: int, pretrained: bool = False) -> Any:
    """The encoder (mean-pooled, as all-MiniLM-L6-v2 is used) with a linear head over its 384 dimensions:
    ``pretrained`` loads the encoder's weights from ``encoder_dir`` (training), else only its configuration
    (the fine-tuned weights are loaded over it)."""
    import torch
    from transformers import AutoConfig, AutoModel

    class SentenceTypeNetwork(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            if pretrained:
                self.encoder = AutoModel.from_pretrained(str(encoder_dir))
            else:
                self.encoder = AutoModel.from_config(AutoConfig.from_pretrained(str(encoder_dir)))
            self.dropout = torch.nn.Dropout(0.1)
            self.head = torch.nn.Linear(self.encoder.config.hidden_size, n_classes)

        def forward(self, input_ids, attention_mask):
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1e-9)
            return self.head(self.dropout(pooled))

    return SentenceTypeNetwork()


class SentenceTypeModel:
    """``probabilities(texts)`` -> one row per text over ``classes``; ``reading(sentence)`` for a spaCy span,
    batching every sentence of the span's document on first use (the pipeline asks sentence by sentence)."""

    def __init__(self, directory: Path | None = None) -> None:
        directory = Path(directory) if directory is not None else default_model_dir()
        card_path = directory / CARD_NAME
        if not card_path.exists():
            raise AccurateModeUnavailable(
                f"no accurate-mode model in {directory}: run `make train-accurate` "
                "(fine-tunes all-MiniLM-L6-v2 on the tune splits, about 10 minutes on 2 CPU cores)"
            )
        card = json.loads(card_path.read_text(encoding="utf-8"))
        if card.get("version") != ARTEFACT_VERSION:
            raise AccurateModeUnavailable(
                f"accurate-mode model version {card.get('version')!r} in {directory} does not match the code "
                f"({ARTEFACT_VERSION}); rebuild it with `make train-accurate`"
            )
        try:
            import torch
            from safetensors.torch import load_model
            from transformers import AutoTokenizer
        except ImportError as exc:
            raise AccurateModeUnavailable(
                f"the accurate mode needs torch and transformers ({exc.name} is missing): "
                "run `make train-accurate` or `.venv/bin/pip install -r requirements-train.txt`"
            ) from exc
        self.card = card
        self.classes: list[str] = list(card["classes"])
        self.policy: dict[str, float] = dict(ACCURATE_POLICY)
        self._torch = torch
        self.tokenizer = AutoTokenizer.from_pretrained(str(directory))
        self.network = build_network(directory / "encoder", len(self.classes))
        load_model(self.network, str(directory / "model.safetensors"))
        self.network.eval()
        self._doc: Any = None
        self._readings: dict[int, dict[str, float]] = {}

    def probabilities(self, texts: list[str]) -> np.ndarray:
        """Softmax over ``classes`` for each text (rows in input order)."""
        torch = self._torch
        rows = []
        with torch.inference_mode():
            for start in range(0, len(texts), BATCH_SIZE):
                batch = self.tokenizer(
                    texts[start : start + BATCH_SIZE],
                    padding=True,
                    truncation=True,
                    max_length=MAX_TOKENS,
                    return_tensors="pt",
                )
                logits = self.network(batch["input_ids"], batch["attention_mask"])
                rows.append(torch.softmax(logits.float(), dim=-1).numpy())
        return np.vstack(rows) if rows else np.zeros((0, len(self.classes)), dtype=np.float32)

    def reading(self, sentence) -> dict[str, float]:
        """The type distribution of one sentence (a spaCy Span); its document's sentences are read in one go."""
        doc = sentence.doc
        if doc is not self._doc:
            sentences = list(doc.sents)
            table = self.probabilities([s.text for s in sentences])
            self._doc = doc
            self._readings = {s.start: self._labelled(row) for s, row in zip(sentences, table, strict=True)}
        found = self._readings.get(sentence.start)
        if found is None:  # a span that is not one of the parser's sentences
            found = self._labelled(self.probabilities([sentence.text])[0])
        return found

    def _labelled(self, row: np.ndarray) -> dict[str, float]:
        return {label: float(p) for label, p in zip(self.classes, row, strict=True)}
