"""The trigger lexicon (``data/triggers.tsv``): lemmas and two-word phrases that can evoke a PLOVER event."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from spacy.tokens import Token


@dataclass(frozen=True)
class TriggerEntry:
    """One lexicon row: a (lemma, part of speech) that evokes a type and mode, with its CAMEO code."""

    lemma: str
    pos: str
    event_type: str
    mode: str | None
    cameo: str | None


_PHRASE_DEPS = {"dobj", "prt", "prep", "acomp", "attr", "advmod"}
_COMPOUND_DEPS = {"compound", "amod", "nmod"}
"""Modifiers that make a two-word noun trigger with their head ("*hunger* strike", "*human* chain")."""
_OTHER_SENSE_COMPOUNDS = {
    ("funeral", "procession"),
    ("religious", "procession"),
    ("wedding", "procession"),
    ("torch", "procession"),
    ("torch", "relay"),
    ("victory", "procession"),
    ("victory", "rally"),
    ("car", "rally"),
    ("stock", "rally"),
    ("market", "rally"),
}
"""Modifiers that give a protest noun another sense: a funeral or wedding procession, a car or stock-market rally."""
_WEAPON_HEADS = frozenset(
    {"bomb", "mine", "grenade", "rocket", "missile", "shell", "device", "gas", "bullet", "cannon", "spray"}
)
"""Heads of listed phrases that name a weapon ("roadside bomb", "tear gas"): the weapon is no event by itself;
its use is ("a roadside bomb killed five": the killing)."""


class Lexicon:
    """Lookup of single-word and two-word triggers by lemma."""

    def __init__(self, entries: list[TriggerEntry]) -> None:
        self.words: dict[tuple[str, str], TriggerEntry] = {}
        self.senses: dict[tuple[str, str], list[TriggerEntry]] = {}
        self.phrases: dict[tuple[str, str, str], TriggerEntry] = {}
        for entry in entries:
            parts = entry.lemma.lower().split()
            if len(parts) == 1:
                self.words.setdefault((parts[0], entry.pos), entry)
                self.senses.setdefault((parts[0], entry.pos), []).append(entry)
            elif len(parts) == 2:
                self.phrases.setdefault((parts[0], parts[1], entry.pos), entry)
        self.phrase_heads = {(head, pos) for head, _, pos in self.phrases}
        self.noun_compounds = {(first, last) for first, last, pos in self.phrases if pos == "NOUN"}

    def alternatives(self, entry: TriggerEntry) -> list[TriggerEntry]:
        """Every sense the lexicon lists for the entry's word (the first row is the main sense)."""
        return self.senses.get((entry.lemma.lower(), entry.pos), [entry])

    def __len__(self) -> int:
        return len(self.words) + len(self.phrases)

    def lookup(self, token: Token) -> tuple[TriggerEntry, Token | None] | None:
        """The entry a token evokes and the phrase partner token (``take`` + ``control``), if any."""
        pos = "VERB" if token.pos_ in ("VERB", "AUX") else "NOUN" if token.pos_ == "NOUN" else None
        if pos is None:
            return None
        lemma = token.lemma_.lower()
        doc = token.doc
        if token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].head == token:
            # "test-fired", "air-dropped": the tokenizer splits the hyphenated verb, the lexicon lists it whole
            whole = self.words.get((f"{doc[token.i - 2].lower_}-{lemma}", pos))
            if whole is not None:
                return whole, None
        if (lemma, pos) in self.phrase_heads:
            for child in token.children:
                if child.dep_ in _PHRASE_DEPS and not _time_adjunct(child):
                    entry = self.phrases.get((lemma, child.lemma_.lower(), pos))
                    if entry is not None:
                        return entry, child
        if pos == "NOUN" and any(
            c.dep_ in _COMPOUND_DEPS and (c.lemma_.lower(), lemma) in _OTHER_SENSE_COMPOUNDS for c in token.children
        ):
            return None  # "a funeral procession", "a torch rally": a march that demands nothing
        if pos == "NOUN" and lemma not in _WEAPON_HEADS:  # "hunger strike", "human chain": modifier first
            for child in token.children:
                if child.dep_ in _COMPOUND_DEPS and child.i < token.i:
                    key = (child.lemma_.lower(), lemma)
                    if key in self.noun_compounds:
                        return self.phrases[(key[0], key[1], "NOUN")], None
        if pos == "VERB" and any(c.dep_ == "prt" and c.lower_ in CONTINUATION_PARTICLES for c in token.children):
            return None  # "press on", "carry on", "push ahead": carrying on, not the verb's event
        entry = self.words.get((lemma, pos))
        if entry is None and _bare_gerund(token):
            entry = self.words.get((token.lower_, "NOUN"))
        return (entry, None) if entry is not None else None


def _time_adjunct(child: Token) -> bool:
    """A preposition whose object is a date or a time ("fired two managers *on Monday*", "called *at noon*") says
    when, and is never the second word of a phrasal trigger ("fire on" is shooting only with a target)."""
    if child.dep_ != "prep":
        return False
    objects = [o for o in child.children if o.dep_ == "pobj"]
    return bool(objects) and all(o.ent_type_ in ("DATE", "TIME") for o in objects)


_GERUND_NOUN_DEPS = frozenset({"pcomp", "pobj", "dobj", "nsubj", "nsubjpass", "conj"})
"""Places of a gerund that names a deed as a noun does ("resorted to firing", "firing continued")."""


def _bare_gerund(token: Token) -> bool:
    """A verb form in -ing used as a noun, with no subject or object of its own ("police resorted to firing"):
    it takes the noun's sense when the verb has none ("fire" alone is no trigger, "firing" is). Not a modifier
    ("the ruling party") and not a verbal gerund ("after hearing the case")."""
    return (
        token.tag_ == "VBG"
        and token.dep_ in _GERUND_NOUN_DEPS
        and not any(c.dep_ in ("nsubj", "dobj", "nsubjpass") for c in token.children)
    )


CONTINUATION_PARTICLES = {"on", "ahead", "along"}
"""Particles that turn a verb into "keep going" unless the lexicon lists the phrase ("press on" is no demand)."""


def read_lexicon(path: Path) -> Lexicon:
    entries: list[TriggerEntry] = []
    with path.open(encoding="utf-8") as handle:
        rows = (line for line in handle if line.strip() and not line.startswith("#"))
        for row in csv.DictReader(rows, delimiter="\t"):
            if row.get("lemma") == "lemma" or not row.get("event_type"):
                continue
            entries.append(
                TriggerEntry(
                    lemma=row["lemma"].strip(),
                    pos=(row.get("pos") or "VERB").strip().upper(),
                    event_type=row["event_type"].strip(),
                    mode=(row.get("mode") or "").strip() or None,
                    cameo=(row.get("cameo") or "").strip() or None,
                )
            )
    return Lexicon(entries)


@dataclass(frozen=True)
class RelationEntry:
    """A relational word (``data/relations.tsv``): an event noun gated on a preposition, or a party noun.

    ``kind == "event"``: "operation" is a conflict only with "against" ("operations against IS").
    ``kind == "party"``: "ally", "allied" name one side of a relation whose other side is the owner.
    """

    lemma: str
    pos: str
    kind: str
    preps: frozenset[str]
    entry: TriggerEntry


def read_relations(path: Path) -> dict[tuple[str, str], RelationEntry]:
    relations: dict[tuple[str, str], RelationEntry] = {}
    with path.open(encoding="utf-8") as handle:
        rows = (line for line in handle if line.strip() and not line.startswith("#"))
        for row in csv.DictReader(rows, delimiter="\t"):
            lemma, pos = row["lemma"].strip().lower(), row["pos"].strip().upper()
            entry = TriggerEntry(
                lemma=lemma,
                pos=pos,
                event_type=row["event_type"].strip(),
                mode=None,
                cameo=(row.get("cameo") or "").strip() or None,
            )
            preps = frozenset(p.strip() for p in (row.get("preps") or "").split(",") if p.strip())
            relations.setdefault((lemma, pos), RelationEntry(lemma, pos, row["kind"].strip(), preps, entry))
    return relations


@lru_cache(maxsize=1)
def load_relations() -> dict[tuple[str, str], RelationEntry]:
    """The shipped relational nouns/adjectives, loaded once."""
    return read_relations(Path(str(resources.files("eventscope") / "data" / "relations.tsv")))


@lru_cache(maxsize=2)
def load_lexicon(with_cameo_verbs: bool = False) -> Lexicon:
    """The shipped lexicon, loaded once.

    ``with_cameo_verbs`` adds the verbs of PETRARCH2's CAMEO dictionary (``data/cameo_verbs.tsv``) that the
    curated lexicon lacks. They widen coverage but read many verbs in their rarest sense ("add" as cooperation),
    so they serve recall mode only: in precision mode they cost re3d dyad F1 0.619 -> 0.587 (measured)."""
    path = Path(str(resources.files("eventscope") / "data" / "triggers.tsv"))
    lexicon = read_lexicon(path)
    if with_cameo_verbs:
        add_cameo_verbs(lexicon, Path(str(resources.files("eventscope") / "data" / "cameo_verbs.tsv")))
    return lexicon


def add_cameo_verbs(lexicon: Lexicon, path: Path) -> int:
    """Add CAMEO dictionary verbs (verb, CAMEO code, PLOVER type, mode) missing from the lexicon; returns how many."""
    added = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        verb, cameo, event_type, mode = (line.split("\t") + ["", "", "", ""])[:4]
        key = (verb.strip().lower(), "VERB")
        if not event_type or key in lexicon.words:
            continue
        entry = TriggerEntry(key[0], "VERB", event_type.strip(), mode.strip() or None, cameo.strip() or None)
        lexicon.words[key] = entry
        lexicon.senses[key] = [entry]
        added += 1
    return added
