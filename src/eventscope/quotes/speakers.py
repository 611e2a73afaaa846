"""Resolve a speaker mention ("he", "Bergner", "Major General Bergner") to its fullest name in the doc.

Only token-level work: PERSON entities are grouped by surname, the longest member of a group is the
canonical name, and pronouns go to the last compatible speaker seen before them.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from eventscope.vocabulary import words

TITLES = frozenset(
    """mr mr. mrs mrs. ms ms. miss dr dr. sir dame lord lady president vice prime minister secretary
    gen gen. general maj maj. major lt lt. lieutenant col col. colonel capt capt. captain sgt sgt. sergeant
    adm adm. admiral cmdr commander brig brig. brigadier sen sen. senator rep rep. representative gov gov.
    governor mayor judge justice rev rev. reverend pope king queen prince princess sheikh ayatollah
    chairman chairwoman chancellor ambassador spokesman spokeswoman former retired u.s. us""".split()
)
PERSON_PRONOUNS = words("speaker_person_pronouns")  # data/vocabulary.json
GROUP_PRONOUNS = words("speaker_group_pronouns")
_NAMED = ("PERSON", "ORG", "GPE", "NORP")
_RELATIVE = frozenset({"who", "that", "which"})


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker: ``mention`` is the local span, ``head`` the fullest mention in the doc."""

    mention: Span
    head: Span
    name: str | None
    kind: str  # PERSON | ORG | GPE | NORP | NOUN


def _strip_titles(span: Span) -> Span:
    """Drop leading titles and possessive endings so "Major General Bergner's" keys as "Bergner"."""
    start, end = span.start, span.end
    while end - start > 1 and span.doc[end - 1].text in ("'s", "’s", "'", "’"):
        end -= 1
    while end - start > 1 and span.doc[start].lower_ in TITLES:
        start += 1
    return span.doc[start:end]


class SpeakerIndex:
    """Per-doc index of named mentions, built once so each lookup is a dict hit."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.person_by_surname: dict[str, Span] = {}
        self.org_by_text: dict[str, Span] = {}
        self.persons: list[Span] = []
        self.ent_at: dict[int, Span] = {}
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                self.ent_at[i] = ent
            if ent.label_ == "PERSON":
                core = _strip_titles(ent)
                if not core.text[:1].isupper():
                    continue
                self.persons.append(core)
                key = core[-1].lower_
                best = self.person_by_surname.get(key)
                if best is None or len(core) > len(best):
                    self.person_by_surname[key] = core
            elif ent.label_ in ("ORG", "GPE", "NORP"):
                core = _strip_titles(ent)
                self.org_by_text.setdefault(core.text.lower(), core)

    def mention_for(self, token: Token) -> tuple[Span, str]:
        """The mention a subject token stands for: its entity, else its noun phrase."""
        doc = self.doc
        if token.ent_type_ in _NAMED:
            ent = self.ent_at.get(token.i)
            if ent is not None:
                return ent, ent.label_
        if token.pos_ == "PROPN":
            start = token.i
            while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound":
                start -= 1
            return doc[start : token.i + 1], "PERSON" if token.lower_ in self.person_by_surname else "PROPN"
        if token.pos_ == "PRON":
            return doc[token.i : token.i + 1], "PRON"
        left = min(
            (t.i for t in token.lefts if t.dep_ in ("det", "amod", "compound", "poss", "nummod")),
            default=token.i,
        )
        return doc[left : token.i + 1], "NOUN"

    def resolve(self, token: Token, history: list[Speaker]) -> Speaker | None:
        """Resolve a subject token; ``history`` holds earlier speakers, newest last, for pronouns."""
        if token.lower_ in _RELATIVE and token.head.dep_ == "relcl" and token.head.head.i != token.i:
            # "the senator who said ...": the speaker is the relative clause's antecedent.
            found = self.resolve(token.head.head, history)
            if found is not None:
                return Speaker(token.doc[token.i : token.i + 1], found.head, found.name, found.kind)
        mention, kind = self.mention_for(token)
        if kind == "PRON":
            return self._pronoun(mention, history)
        core = _strip_titles(mention)
        if kind in ("PERSON", "PROPN", "ORG", "GPE", "NORP"):
            # NER often labels a bare surname ORG; a surname seen on a PERSON entity wins.
            full = self.person_by_surname.get(core[-1].lower_)
            if full is not None and core[-1].text[:1].isupper():
                return Speaker(mention, full, full.text, "PERSON")
            if kind == "PERSON":
                return Speaker(mention, core, core.text, "PERSON")
            return Speaker(mention, core, core.text, "ORG")
        if kind in ("ORG", "GPE", "NORP"):
            first = self.org_by_text.get(core.text.lower(), core)
            return Speaker(mention, first, core.text, kind)
        if token.lower_ in TITLES or token.lower_ in ("official", "officer", "aide"):
            named = self._apposed_name(token)
            if named is not None:
                return named
        return Speaker(mention, mention, None, "NOUN")

    def _apposed_name(self, token: Token) -> Speaker | None:
        """ "the spokesman, John Smith," -> John Smith."""
        for child in token.children:
            if child.dep_ == "appos" and child.ent_type_ == "PERSON":
                mention, _ = self.mention_for(child)
                full = self.person_by_surname.get(_strip_titles(mention)[-1].lower_, mention)
                return Speaker(mention, full, full.text, "PERSON")
        return None

    def _pronoun(self, mention: Span, history: list[Speaker]) -> Speaker | None:
        """He/she go to the last person speaker, else the last PERSON named before; they/it to groups."""
        word = mention[0].lower_
        if word in ("i", "we", "you"):
            return None
        want_person = word in PERSON_PRONOUNS
        for prev in reversed(history):
            if (prev.kind == "PERSON") == want_person:
                return Speaker(mention, prev.head, prev.name, prev.kind)
        if want_person:
            before = [p for p in self.persons if p.end <= mention.start]
            if before:
                last = before[-1]
                full = self.person_by_surname.get(last[-1].lower_, last)
                return Speaker(mention, full, full.text, "PERSON")
        return None
