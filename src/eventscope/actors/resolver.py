"""Resolve argument noun phrases to actors (name, country, sector), with light coreference.

The resolver reads the dependency structure of one noun phrase: the head (or the named
entity around it) gives the actor's identity or sector, modifiers ("Iraqi", "U.S.", "Iraq's"),
"of/in" complements and appositions give the country and the sector.  Pronouns, bare
surnames and short definite mentions ("the group") take the identity of a compatible earlier
mention in the document (pronouns: ``actors/coreference.py`` picks it; the pronoun keeps its own
span as the evidence).  Everything is dict lookups on the KB indexes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, cast

from spacy.tokens import Doc, Span, Token

from eventscope.actors.coreference import (
    FEMALE_WORDS,
    MALE_WORDS,
    PRONOUN_GENDER,
    MentionLike,
    compatible,
    fronted_clause_subject,
    mention_gender,
    name_gender,
    nearest_first,
    pronoun_antecedent,
)
from eventscope.actors.kb import KBEntry, KnowledgeBase, is_acronym, name_key, name_pieces
from eventscope.actors.sectors import STATE_SECTORS
from eventscope.nlp.parser import document_text
from eventscope.records import Actor
from eventscope.vocabulary import word_map, words

NON_ACTOR_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY", "LAW", "WORK_OF_ART"}
NON_ACTOR_POS = {"NUM", "PUNCT", "SPACE", "SYM", "ADP", "VERB", "AUX", "CCONJ", "SCONJ", "PART", "ADV", "X"}
DEFINITE = {"the", "this", "that", "these", "those"}
SHORT_PREPS = {"in", "for", "from", "at"}
NAME_PARTICLES = {"al", "el", "bin", "ibn", "abu", "van", "von", "de", "da", "di", "le", "la", "du"}
#: sectors for which an "in X" complement names where the actor *is*, not whose it is ("U.S. forces in Iraq")
IN_NOT_COUNTRY = {"MIL", "IGO", "NGO", "REB", "MILITIA", "UAF", "MED"}
#: sectors a short mention like "the ministry" may take from its antecedent
GOV_COLLECTIVES = words("government_collectives")  # data/vocabulary.json
OPEN_TITLES = words("open_titles")
NAME_DEPS = {"compound", "flat"}
GOV_FAMILY = {"GOV", "POL", "MIL", "LEG", "JUD"}
BOUND_PREFIXES = frozenset({"intra", "inter", "pan", "pro", "anti", "non", "post", "pre", "ex", "neo", "multi"})
"""Prefixes the tokenizer splits off a hyphenated word ("intra-Syrian", "anti-government"): never a party alone."""
FORMER_WORDS = words("former_words")
RULING_WORDS = words("ruling_words")
"""Words that put a party in power ("the ruling party", "the governing coalition"): the government's, not OPP."""
"""Words that put an office in the past: a former president or a retired general holds no state office now; the
Phoenix convention codes such people ELI (elites), not GOV or MIL."""
PRIVATE_ROLE_SECTORS = frozenset({"CVL", "REF", "EDU", "LAB", "MED", "HLH"})
"""Sectors of a private person's role (immigrant, student, worker, journalist, doctor): no state office."""
ROLE_NOUNS: dict[str, str] = word_map("role_antecedent_nouns")
"""Role nouns offered to pronouns as antecedents, with the sector a role takes when the KB gives the noun none."""
MALE_ROLE_NOUNS = words("male_role_nouns")
FEMALE_ROLE_NOUNS = words("female_role_nouns")
SHARED_RANKS = words("shared_ranks")
"""Ranks of police forces and armies alike: MIL in the KB, a police officer's in a police story (``_rank_sector``)."""
ARMED_SERVICES = frozenset({"MIL", "REB", "MILITIA", "UAF"})
"""Sectors of armed forces other than the police: a story that names one may use a rank for a soldier."""
HONORIFICS = MALE_WORDS | FEMALE_WORDS | {"dr", "doctor", "president", "general", "senator", "minister"}


@dataclass(frozen=True)
class _Res:
    """Resolution before it is tied to a span."""

    name: str | None
    country: str | None
    sector: str | None
    kind: str  # person | org | country | group
    plural: bool = False
    titles: tuple[str, ...] = ()
    role: bool = False  # an unnamed person in a definite role ("the suspect"), offered to pronouns as such
    gender: str | None = None  # "m"/"f" when the role noun says it ("the man", "the mother")


@dataclass(frozen=True)
class _Mention:
    """An actor mention in the document, an antecedent candidate for coreference."""

    token_i: int
    start_char: int
    end_char: int
    res: _Res


_QUOTES = str.maketrans({"’": "'", "‘": "'", ".": None})


HYPHENS = frozenset({"-", "‐", "‑", "–"})


def _clean_piece(text: str) -> str:
    """A word as the KB's generic and title tables key it: lower case, straight apostrophes, no dots."""
    return text.translate(_QUOTES).lower()


class ActorResolver:
    """Holds the KB; cheap to keep for the life of the process, one per pipeline."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    def entity_ruler_patterns(self) -> list[dict[str, Any]]:
        """EntityRuler patterns for KB organisations (ORG) and multi-word people (PERSON).

        Acronyms match on exact text (so "IS" never matches the verb "is"); other names are phrase
        patterns for a ruler whose ``phrase_matcher_attr`` is LOWER.  Names of two characters or fewer
        are left out.
        """
        patterns: list[dict[str, Any]] = []
        seen: set[tuple[str, str]] = set()
        for entry, surfaces in self.kb.aliases.items():
            label = "ORG" if entry.kind == "org" else "PERSON"
            for surface in surfaces:
                tokens = _pattern_tokens(surface)
                if len(surface) <= 2 or not tokens:
                    continue
                if label == "PERSON" and len(tokens) < 2:
                    continue  # the model finds single surnames; a bare "Maliki" rule would do little good
                acronym = is_acronym(surface)
                # names become phrase patterns (the fast PhraseMatcher, matched on lower case); acronyms keep
                # exact-text token patterns so "IS" never matches the verb "is"
                pat: Any = [{"ORTH": t} for t in tokens] if acronym else " ".join(tokens).lower()
                key = (label, repr(pat))
                if key in seen:
                    continue
                seen.add(key)
                patterns.append({"label": label, "pattern": pat, "id": entry.name})
        return patterns

    def for_document(self, doc: Doc, date: str | None = None) -> DocumentActors:
        """Per-document resolver; its coreference index is built lazily on first need.

        ``date`` (the publication date) picks the dated role of a known person ("Maliki" is IRQ GOV in 2008).
        """
        return DocumentActors(self.kb, doc, date)


def _pattern_tokens(surface: str) -> list[str]:
    """Approximate spaCy's English tokenisation of a name: hyphens and "'s" split off."""
    out: list[str] = []
    for word in surface.replace("’", "'").split():
        parts = word.replace("-", " - ").split()
        for p in parts:
            if p.endswith("'s") and len(p) > 2:
                out += [p[:-2], "'s"]
            else:
                out.append(p)
    return out


# A dateline opens a report or a paragraph: a place in capitals, maybe a region, maybe a date, maybe an
# agency in brackets, then a dash: "HANOI, Vietnam (AP) —", "KABUL, May 2 (Reuters) -", "WASHINGTON —".  Texts
# decoded from Windows-1252 as Latin-1 carry the dash as the control character U+0097 (U+0096 for the en dash).
_DATELINE_BODY = (
    r"([A-Z][A-Z.'\-]+(?:[ \t]+[A-Z][A-Z.'\-]+)*(?:,[ \t]*[A-Z][\w.'\-]*(?:[ \t]+[A-Z][\w.'\-]*)*)?"
    r"(?:,[ \t]*[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2})?)[ \t]*(?:\((?P<agency>[A-Za-z][\w .&'\-]{1,40})\))?[ \t]*"
    r"(?:—|–|--|-|\x97|\x96)[ \t]"
)
_DATELINE = re.compile(r"(?m)^[ \t]*" + _DATELINE_BODY)
# A text that opens with its headline on the dateline's line ("Pay cuts, fewer police. MOUNT GILEAD (AP) -- A city
# court ..."): the dateline follows a sentence end; with no line start to go by, it needs a region or an agency.
_HEADLINE_DATELINE = re.compile(r"(?<=[.!?] )" + _DATELINE_BODY)


# Datelines in title case need a date or an agency to tell them from a sentence: "Tehran, March 15, IRNA -",
# "New York, May 17 (Xinhua) --", "Harare, Zimbabwe, June 3 -"; and "KABUL (Pajhwok) :" ends in a colon.
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_TITLED_DATELINE = re.compile(
    r"(?m)^[ \t]*([A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2}(?:,[ \t]*[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2})?"
    rf"(?:,[ \t]*{_MONTH}[ \t]+\d{{1,2}}(?:,[ \t]*[A-Z]{{2,6}})?|,[ \t]*[A-Z]{{2,6}}))"
    r"[ \t]*(?:\([A-Za-z][\w .&'\-]{1,40}\))?[ \t]*(?:—|–|--|-)[ \t]"
)
_COLON_DATELINE = re.compile(
    r"(?m)^[ \t]*([A-Z][A-Z.'\-]{2,}(?:[ \t]+[A-Z][A-Z.'\-]+)*)[ \t]*\([A-Za-z][\w .&'\-]{1,40}\)[ \t]*:[ \t]"
)


def dateline_spans(text: str, with_agency: bool = False) -> list[tuple[int, int]]:
    """Character spans of datelines at the start of the text or of a paragraph, or right after the headline the
    text opens with on the same line; ``with_agency`` adds the span of the agency in brackets ("(AP)"), which is
    no more the story's actor than the place is."""
    spans = []
    agencies = []
    for m in _DATELINE.finditer(text):
        place = m.group(1)
        # a bare capitalised word before a dash may be an acronym actor ("NATO — the alliance ..."): a dateline
        # has a region, an agency in brackets, or a name of five letters or more
        if "," in place or "(" in m.group(0) or sum(c.isalpha() for c in place) >= 5:
            spans.append(m.span(1))
            agencies.append(m.span("agency"))
    for m in _HEADLINE_DATELINE.finditer(text):
        if ("," in m.group(1) or "(" in m.group(0)) and not any(s <= m.start(1) < e for s, e in spans):
            spans.append(m.span(1))
            agencies.append(m.span("agency"))
    for pattern in (_TITLED_DATELINE, _COLON_DATELINE):
        spans += [m.span(1) for m in pattern.finditer(text) if not any(s <= m.start(1) < e for s, e in spans)]
    if with_agency:
        spans += [span for span in agencies if span[0] >= 0]
    return sorted(spans)


class DocumentActors:
    """Resolves spans of one document; keeps the mentions seen so far for coreference."""

    def __init__(self, kb: KnowledgeBase, doc: Doc, date: str | None = None) -> None:
        self.kb = kb
        self.doc = doc
        self.date = date
        self._pieces: dict[int, list[tuple[str, str]]] = {}
        self._ent_of: dict[int, Span] = {}
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                self._ent_of[i] = ent
        self._mentions: list[_Mention] | None = None
        self._building = False
        self._token_cache: dict[int, _Res | None] = {}
        self._dateline_tokens: set[int] | None = None
        self._police: bool | None = None  # whether the story's only armed service is the police
        # every token's table key, made once: the generic and title look-ups try many phrases at each head
        self._clean = [_clean_piece(token.text) for token in doc]

    def in_dateline(self, i: int) -> bool:
        """Whether token ``i`` is part of a dateline (see ``dateline_spans``)."""
        return self._in_dateline(i)

    def _in_dateline(self, i: int) -> bool:
        """A dateline ("HANOI, Vietnam (AP) —") says where a report was filed: its place is never an actor."""
        if self._dateline_tokens is None:
            self._dateline_tokens = set()
            for start, end in dateline_spans(document_text(self.doc), with_agency=True):
                span = self.doc.char_span(start, end, alignment_mode="expand")
                if span is not None:
                    self._dateline_tokens.update(range(span.start, span.end))
        return i in self._dateline_tokens

    # ------------------------------------------------------------------ public API
    def resolve(self, span: Span) -> Actor | None:
        """Actor for an argument span, or None when the span is not an actor ("weapons", "the city")."""
        if len(span) == 0 or self._in_dateline(span.root.i):
            return None
        res = self._resolve(span, span, coref=True)
        return self._actor(span, res)

    def resolve_token(self, token: Token) -> Actor | None:
        """Actor for the noun phrase headed by ``token`` (see :meth:`argument_span`)."""
        if self._in_dateline(token.i):
            return None
        core, cues = self._arg_spans(token)
        if token.i in self._token_cache:
            res = self._token_cache[token.i]
        else:
            res = self._resolve(core, cues, coref=True)
            self._token_cache[token.i] = res
        return self._actor(core, res)

    def argument_span(self, token: Token) -> Span:
        """The noun phrase headed by ``token``: its subtree without relative clauses or long preps."""
        return self._arg_spans(token)[0]

    # ------------------------------------------------------------------ spans
    def _arg_spans(self, token: Token) -> tuple[Span, Span]:
        """(core span for offsets, cue span = core + appositions) for a head token."""
        doc = self.doc
        ent = self._ent_of.get(token.i)
        heads = list(range(ent.start, ent.end)) if ent is not None and ent.label_ != "NORP" else [token.i]
        lo, hi = min(heads), max(heads)
        cue_hi = hi
        for hi_i in heads:
            h = doc[hi_i]
            for child in h.lefts:
                lo = min(lo, child.left_edge.i)
            for child in h.rights:
                if child.i <= hi:
                    continue
                dep = child.dep_
                size = child.right_edge.i - child.i + 1
                if (
                    dep in ("compound", "flat", "nn", "case", "nummod")
                    or (dep == "prep" and child.lower_ == "of" and size <= 12)
                    or (dep == "prep" and child.lower_ in SHORT_PREPS and size <= 5)
                ):
                    hi = max(hi, child.right_edge.i)
                elif dep == "appos" and size <= 14:
                    cue_hi = max(cue_hi, child.right_edge.i)
        cue_hi = max(cue_hi, hi)
        while hi > lo and doc[hi].is_punct:
            hi -= 1
        while lo < hi and (doc[lo].is_punct or self._in_dateline(lo)) and not self._in_dateline(token.i):
            lo += 1  # "IRNA - *the spokesman*": a dateline the parser hung on the phrase is no part of it
        return doc[lo : hi + 1], doc[lo : cue_hi + 1]

    def _piece_list(self, token: Token) -> list[tuple[str, str]]:
        got = self._pieces.get(token.i)
        if got is None:
            got = [(p.lower(), p) for p in name_pieces(token.text)]
            self._pieces[token.i] = got
        return got

    def _names(self, start: int, end: int) -> list[tuple[int, int, KBEntry]]:
        """Greedy longest KB name matches in tokens [start, end): (first token, last token, entry)."""
        flat: list[tuple[str, str, int]] = []
        for i in range(start, end):
            for low, exact in self._piece_list(self.doc[i]):
                flat.append((low, exact, i))
        out = []
        p, n, max_len = 0, len(flat), self.kb.max_name_len
        while p < n:
            found = None
            if flat[p][0] not in ("'s", "the", "of", "and"):
                for length in range(min(max_len, n - p), 0, -1):
                    seg = flat[p : p + length]
                    entry = self.kb.lookup(" ".join(s[0] for s in seg), " ".join(s[1] for s in seg))
                    if entry is not None:
                        found = (seg[0][2], seg[-1][2], entry, length)
                        break
            if found is not None and self._other_first_name(found[0], found[2]):
                found = None
            if found is None:
                p += 1
                continue
            if found[2].kind == "demonym" or found[2].kind == "country" or self.doc[found[0]].pos_ != "PRON":
                out.append(found[:3])
            p += found[3]
        return out

    def _other_first_name(self, first: int, entry: KBEntry) -> bool:
        """A known person's surname inside a PERSON name with another first name ("Keron Blair" is not Tony
        Blair): the name before the match is a capitalised word, not a title or an honorific ("Mr. Blair",
        "Prime Minister Blair")."""
        if entry.kind != "person" or first == 0:
            return False
        ent = self._ent_of.get(first)
        if ent is None or ent.label_ != "PERSON" or ent.start >= first:
            return False
        before = self.doc[first - 1]
        if not (before.is_alpha and before.is_title and len(before) > 1):
            return False  # "George W. Bush", "Mr. Blair"
        key = self._clean[before.i]
        return key not in self.kb.titles and key not in HONORIFICS

    def _generic(self, root: Token, table: dict[str, str | None]) -> tuple[str, str | None] | None:
        """Longest generic phrase ("security forces", "Prime Minister", "ministry of interior")."""
        doc = self.doc
        clean = self._clean
        # an ordered choice, surface form first: iterating a set of strings made the key (and so the actor)
        # depend on the interpreter's hash seed when two forms are both in the table ("authorities", "authority")
        forms = [clean[root.i], root.lemma_.lower()]
        if root.lower_.endswith("s") and len(root.text) > 3:
            forms.append(root.lower_[:-1])
        last_forms = list(dict.fromkeys(forms))
        best: tuple[str, str | None] | None = None
        best_len = 0
        max_len = self.kb.max_generic_len
        for back in range(max_len - 1, -1, -1):  # phrases ending at the head
            if root.i - back < 0:
                continue
            prefix = clean[root.i - back : root.i]
            for form in last_forms:
                key = " ".join([*prefix, form])
                if key in table and back + 1 > best_len:
                    best, best_len = (key, table[key]), back + 1
        for fwd in range(1, max_len):  # phrases starting at the head ("ministry of the interior")
            if root.i + fwd >= len(doc):
                break
            suffix = clean[root.i + 1 : root.i + fwd + 1]
            for form in last_forms:
                key = " ".join([form, *suffix])
                if key in table and fwd + 1 > best_len:
                    best, best_len = (key, table[key]), fwd + 1
        return best

    def _force_of_part(self, root: Token, cues: Span) -> tuple[str, str | None] | None:
        """ "army personnel", "an army convoy", "the police station": a unit, member, vehicle or post
        (``agent_part_nouns``) stands for the force its noun modifier names."""
        if root.lemma_.lower() not in words("agent_part_nouns"):
            return None
        for child in reversed([c for c in root.lefts if c.dep_ == "compound" and c.i >= cues.start]):
            found = self._generic(child, self.kb.groups)
            if found is not None and found[1] is not None:
                return found
        return None

    def _kind_of_group(self, root: Token, cues: Span) -> str | None:
        """The sector a modifier gives a noun that names no kind of group by itself: "separatist groups" (REB),
        "opposition factions" (OPP), "business organisations" (BUS); the nearest modifier that is a group noun.
        A name before the noun says whose group it is, not what kind ("Congress members" may be a party's)."""
        for child in sorted(root.lefts, key=lambda c: -c.i):
            if child.dep_ in ("compound", "amod") and child.i >= cues.start:
                if child.pos_ == "PROPN" and child.ent_type_ != "NORP":
                    continue
                found = self._generic(child, self.kb.groups)
                if found is not None and found[1] is not None:
                    return found[1]
        return None

    def _titles(self, start: int, end: int) -> list[tuple[str, str | None]]:
        """Titles/ranks among tokens [start, end), longest first at each position."""
        out = []
        i = start
        while i < end:
            hit = None
            for length in range(min(self.kb.max_generic_len, end - i), 0, -1):
                # "Secretary-General" is three tokens; the tables key "secretary general" (``name_key``)
                key = " ".join(p for p in self._clean[i : i + length] if p not in HYPHENS)
                if key in self.kb.titles:
                    hit = (key, self.kb.titles[key], length)
                    break
            if hit and not self._title_inside_name(i, hit[2]):
                out.append(hit[:2])
                i += hit[2]
            else:
                i += 1
        return out

    def _title_inside_name(self, start: int, length: int) -> bool:
        """Whether a title word at tokens [start, start + length) is a piece of a name, not an office: in a person's
        name after its first word ("Jaime *King*", "Stephen *Major*"), a person named by it alone with no article
        ("police said *King* was hurt"; "the King" is the office), in an organisation's name before a plural
        ("*General* Motors"), or in the name of a place or an event ("*General* Hospital")."""
        ent = self._ent_of.get(start)
        if ent is None:
            return False
        if ent.label_ == "PERSON":
            if start + length >= ent.end and start == ent.start:  # the whole name is the title word
                return start == 0 or self.doc[start - 1].lower_ not in DEFINITE | {"a", "an"}
            named_before = range(ent.start, start)
            return any(not self.doc[j].is_punct and self._clean[j] not in self.kb.titles for j in named_before)
        after = start + length
        if ent.label_ == "ORG" and after < ent.end:
            # a title before a plural is no one person's ("General Motors", "General Dynamics"); before a singular
            # the tagger's ORG may be a titled person ("Major Smith") or an organ named for its field ("the Justice
            # Department")
            return self.doc[after].tag_ == "NNPS"
        return ent.label_ in ("FAC", "EVENT") and after < ent.end

    # ------------------------------------------------------------------ resolution
    def _resolve(self, span: Span, cues: Span, coref: bool, depth: int = 0) -> _Res | None:  # noqa: C901 (one decision list)
        root = span.root
        if root.ent_type_ in NON_ACTOR_ENTS or root.pos_ in NON_ACTOR_POS and root.pos_ != "PRON":
            if root.ent_type_ not in ("PERSON", "ORG", "GPE", "NORP"):
                return None
        low = root.lower_
        if low in BOUND_PREFIXES and root.i + 1 < len(self.doc) and self.doc[root.i + 1].text in ("-", "–"):
            return None  # "intra-Syrian talks", "pro-Russian rebels": a prefix split off by the tokenizer is no party
        role = None if _capital_name(root) else self.kb.pronouns.get(low)
        if root.pos_ == "PRON" or root.tag_ in ("PRP", "PRP$") or role:
            return self._pronoun(span, root, role) if coref and role else None
        ent = self._ent_of.get(root.i)
        if ent is not None and ent.label_ in NON_ACTOR_ENTS:
            return None
        if coref and self._title_word_alone(root, ent):
            # "Evan P. King ... King then struck a car": a title word that is the surname of a person named
            # earlier is that person, not a king
            person = self._surname_antecedent(root.text, span.start_char, earlier_only=True)
            if person is not None:
                return person
        h0, h1 = (ent.start, ent.end) if ent is not None and ent.label_ != "NORP" else (root.i, root.i + 1)
        h0, h1 = max(h0, cues.start), min(h1, cues.end)
        names = self._names(cues.start, cues.end)

        identity: tuple[int, int, KBEntry] | None = None
        for m in names:
            if m[0] <= root.i <= m[1] or (ent is not None and ent.label_ != "NORP" and m[0] <= h0 and m[1] >= h1 - 1):
                if ent is not None and ent.label_ == "PERSON" and m[2].kind != "person":
                    if not (m[0] <= ent.start and m[1] >= ent.end - 1):
                        continue
                identity = m
                break
        left_names = [m for m in names if m[1] < h0]
        plural = root.tag_ in ("NNS", "NNPS")

        if identity is not None:
            entry = identity[2]
            if entry.kind == "person":
                entry = self._gendered_namesake(entry, cues)
            if entry.kind in ("org", "person"):
                country, sector = entry.at(self.date)
                res = _Res(entry.name, country, sector, entry.kind, plural)
                if res.sector is None or res.country is None:
                    country, sector, titles = self._cue_values(span, cues, h0, h1, left_names, root, depth)
                    res = replace(res, country=res.country or country, sector=res.sector or sector, titles=titles)
                elif entry.kind == "person":
                    res = replace(res, titles=tuple(t for t, _ in self._titles(cues.start, h0)))
                if self._international_office(cues.start, h0, left_names):
                    res = replace(res, country=None, sector="IGO")
                elif entry.kind == "person" and res.sector in STATE_SECTORS and self._former(cues.start, h0):
                    res = replace(res, sector="ELI")  # the text says the office is past, whatever the role dates say
                elif entry.kind == "person" and res.sector in STATE_SECTORS:
                    role = self._private_role(cues.start, h0)
                    if role is not None:  # "Guinea immigrant Amadou Diallo" is no namesake minister
                        res = replace(res, sector=role)
                return res
            if entry.kind in ("country", "capital"):
                if coref and identity[0] == identity[1]:
                    # "Melton Lewis Paris ... Paris had been shot": a one-word place that is the surname of a person
                    # named earlier in the story is that person
                    person = self._surname_antecedent(self.doc[identity[0]].text, span.start_char, earlier_only=True)
                    if person is not None:
                        return person
                return _Res(entry.name, entry.country, "GOV", "country")
            # a demonym as the head: "Iraqis", "the Iranians"
            sector = None
            generic = self._generic(root, self.kb.groups)
            if generic is not None and generic[1] is not None:
                sector = generic[1]
            return _Res(None, entry.country, sector, "group", True)

        if ent is not None and ent.label_ == "PERSON":
            return self._person(span, cues, ent, h0, h1, left_names, root, coref, depth)
        if coref and ent is not None and ent.label_ in ("ORG", "GPE"):
            person = self._surname_tagged_name(ent, span.start_char)
            if person is not None:
                return person
        if ent is not None and ent.label_ == "ORG":
            return self._org(span, cues, ent, h0, h1, left_names, root, depth)

        generic = self._generic(root, self.kb.groups)
        is_title = False
        if generic is None:
            generic = self._generic(root, self.kb.titles)
            is_title = generic is not None
        if generic is None:
            generic = self._force_of_part(root, cues)
        bare_part = generic is None or generic[0] == root.lemma_.lower()  # "officer" alone says no service
        if bare_part and depth < 2 and root.lemma_.lower() in words("agent_part_nouns"):
            # "Levies personnel", "a Frontier Corps convoy": a part of the named force before it is that force
            force = next((m[2] for m in reversed(left_names) if m[2].kind == "org" and m[1] == root.i - 1), None)
            if force is not None:
                country, sector = force.at(self.date)
                if sector in STATE_SECTORS:
                    return _Res(force.name, country, sector, "org", plural)
            # "the personnel of 24 Assam Rifles", "officers of the Pakistan Army": a part of a named force is it
            whole = self._complement(root, cues, depth, of_only=True)
            if whole is not None and whole.kind != "country" and whole.name and whole.sector is not None:
                return replace(whole, kind="org", plural=plural)
        if generic is None:
            if root.pos_ == "PROPN" and ent is None:
                return self._unlabelled_name(span, cues, root, left_names, coref, depth)
            if ent is not None and ent.label_ == "NORP" and (plural or len(span) <= 2):
                return _Res(ent.text, None, None, "group", True)
            return None
        key, sector = generic
        sector = self._rank_sector(key, sector)
        kind = "person" if is_title or (not plural and key in self.kb.titles) else "group"
        if sector is None and kind == "group":
            sector = self._kind_of_group(root, cues)
        # an organisation or person named in a modifier lends its identity: "Hezbollah fighters"
        for m in reversed(left_names):
            if m[2].kind == "org":
                return _Res(m[2].name, m[2].country, m[2].sector or sector, "org", plural)
        poss_country = None
        if coref:  # "its fighters", "his government"
            for child in root.lefts:
                role = self.kb.pronouns.get(child.lower_)
                if child.dep_ == "poss" and role in ("thing", "group", "person"):
                    ante = self._pronoun(self.doc[child.i : child.i + 1], child, role)
                    if ante is not None and ante.kind == "org" and kind != "person":
                        return _Res(ante.name, ante.country, sector or ante.sector, "org", plural)
                    if ante is not None:
                        poss_country = ante.country
        country, cue_sector, titles = self._cue_values(span, cues, h0, h1, left_names, root, depth)
        country = country or poss_country
        has_cue = country is not None or bool(left_names)
        if coref and not has_cue and self._definite(root):
            ante = self._short_mention(span, root, key, sector, kind)
            if ante is not None:
                return ante
        elif coref and kind == "person" and country and any(c.lower_ in DEFINITE for c in root.lefts):
            ante = self._short_mention(span, root, key, sector, kind, country=country)  # "the Israeli leader"
            if ante is not None:
                return ante
        if sector is None:
            inherited = self._complement(root, cues, depth, of_only=True)
            if inherited is None:
                inherited = self._complement(root, cues, depth, of_only=False)
                if inherited is not None and inherited.kind == "country":
                    inherited = None  # "groups in New York": a place where they are, not the state they speak for
            if inherited is not None and inherited.kind in ("org", "country", "person"):
                return replace(inherited, kind=kind if kind == "person" else inherited.kind, plural=plural)
            sector = cue_sector
        if country is None and sector is None and kind != "person" and key in ("source", "side", "member"):
            return None
        if kind == "person" and sector in STATE_SECTORS and self._former(cues.start, root.i):
            sector = "ELI"  # "the former minister", "a retired general"
        if sector == "OPP" and self._ruling(cues.start, root.i):
            sector = "GOV"  # "China's ruling Communist party"
        return _Res(None, country, sector, kind, plural, titles=(key,) if kind == "person" else ())

    def _title_word_alone(self, root: Token, ent: Span | None) -> bool:
        """A capitalised title word standing alone as a name: no article, possessive or other word of a name with it
        ("*King* then struck a car", "*Major* was held on bond", "*Bishop* sentenced him"), as people with such
        surnames are named after their first mention.  "the King", "King Abdullah" and "Major General Ali" are
        offices.  The caller takes it for a person only when the story named one with that surname before."""
        if root.pos_ != "PROPN" or not root.is_title or self._clean[root.i] not in self.kb.titles:
            return False
        if root.dep_ in ("compound", "flat"):
            return False  # "*Judge* Ann Roe": a title before a name
        if ent is not None and (ent.start != root.i or ent.end != root.i + 1):
            return False
        return not any(c.dep_ in ("det", "poss", "compound", "flat", "amod", "nmod") for c in root.children)

    def _rank_sector(self, key: str, sector: str | None) -> str | None:
        """A rank that police forces share with armies ("Sgt.", "Lt.", "Capt.": ``SHARED_RANKS``) is a police
        officer's in a story whose only armed service is the police (``_police_story``): "Lt. Dana Reyes of the
        city police said" names no soldier.  Any other title keeps its sector."""
        if sector == "MIL" and key in SHARED_RANKS and self._police_story():
            return "POL"
        return sector

    def _police_story(self) -> bool:
        """Whether the document names police ("police", "officer", "sheriff", "patrolman": words the KB files under
        POL) and no armed force ("army", "soldiers", "rebels", "militia": group words of MIL, REB, MILITIA, UAF).
        Ranks are evidence of neither: the shared ones are in question, and a general's rank also names courts
        and hospitals ("General Sessions Court"); nor is the singular "force", which police stories use of their
        own ("use of force", "a task force").  Once per document."""
        if self._police is None:
            police = armed = False
            for token in self.doc:
                if token.pos_ not in ("NOUN", "PROPN"):
                    continue
                forms = {self._clean[token.i], token.lemma_.lower()}
                if forms & SHARED_RANKS:
                    continue
                for form in forms:
                    police = police or (self.kb.groups.get(form) or self.kb.titles.get(form)) == "POL"
                    armed = armed or (self.kb.groups.get(form) in ARMED_SERVICES and self._clean[token.i] != "force")
            self._police = police and not armed
        return self._police

    def _stance_prefixed(self, i: int) -> bool:
        """ "pro-Russian rebels", "anti-American protesters": a country named after "pro-" or "anti-" is the side
        they take or oppose, not their own."""
        return i >= 2 and self.doc[i - 1].text in ("-", "–") and self.doc[i - 2].lower_ in ("pro", "anti")

    def _private_role(self, start: int, end: int) -> str | None:
        """The sector of a private person's role word just before a name (tokens [start, end)): "immigrant", "student",
        "worker", "journalist". The text's own word for the person beats a state office a dictionary namesake held."""
        i = end - 1
        while i >= start and self.doc[i].is_punct:
            i -= 1
        if i < start:
            return None
        key = self._clean[i]
        sector = self.kb.titles.get(key) or self.kb.groups.get(key) or self.kb.groups.get(self.doc[i].lemma_.lower())
        return sector if sector in PRIVATE_ROLE_SECTORS else None

    def _international_office(self, start: int, end: int, left_names: list) -> bool:
        """Whether the title before a known person's name (tokens [start, end)) is an office of an international
        organisation held now: "Secretary-General Ban Ki-moon", "UN Secretary General Antonio Guterres", "NATO
        Secretary General Jens Stoltenberg".  Such a person acts for the organisation (IGO, no country), whatever
        the dictionary's dated roles say of the offices he held at home before.  Not so when a country names the
        office ("Pakistan's High Commissioner": a diplomat of that state) or when it is past ("former
        Secretary-General")."""
        if self._former(start, end) or not any(sector == "IGO" for _, sector in self._titles(start, end)):
            return False
        return not any(m[2].kind in ("country", "capital", "demonym") for m in left_names)

    def _ruling(self, start: int, end: int) -> bool:
        """Whether a word among tokens [start, end) puts the party named there in power ("ruling", "governing")."""
        return any(self.doc[i].lower_ in RULING_WORDS for i in range(start, end))

    def _former(self, start: int, end: int) -> bool:
        """Whether a word among tokens [start, end) puts the office named there in the past ("former", "ex-")."""
        return any(self.doc[i].lower_ in FORMER_WORDS for i in range(start, end))

    def _honorific_gender(self, cues: Span) -> str | None:
        """ "f"/"m" when an honorific in or just before the phrase says so ("Mrs. Clinton", "Mr. Xi")."""
        before = [self.doc[cues.start - 1].lower_] if cues.start > 0 else []
        words_here = before + [t.lower_ for t in cues]
        if any(w in FEMALE_WORDS for w in words_here):
            return "f"
        return "m" if any(w in MALE_WORDS for w in words_here) else None

    def _gendered_namesake(self, entry: KBEntry, cues: Span) -> KBEntry:
        """ "*Mrs.* Clinton" is not Bill Clinton: when an honorific before the mention contradicts the known
        person's first name, the namesake of the other gender with the same surname (if the KB has one)."""
        said = self._honorific_gender(cues)
        if said is None or name_gender(entry.name) in (None, said):
            return entry
        surname = entry.name.split()[-1].lower()
        for other in self.kb.aliases:
            if other.kind == "person" and other.name.split()[-1].lower() == surname and name_gender(other.name) == said:
                return other
        return entry

    def _cue_values(
        self, span: Span, cues: Span, h0: int, h1: int, left_names: list, root: Token, depth: int
    ) -> tuple[str | None, str | None, tuple[str, ...]]:
        """Country and title-sector from modifiers, "of/in" complements and appositions."""
        country = None
        for m in left_names:
            if m[2].country and not self._stance_prefixed(m[0]):
                country = m[2].country
                break
        titles = self._titles(cues.start, h1)
        sector = None
        for key, s in reversed(titles):
            if s is not None:
                sector = self._rank_sector(key, s)
                break
        if sector in STATE_SECTORS and self._former(cues.start, h1):
            sector = "ELI"
        if depth < 2 and (country is None or sector is None):
            base = self._generic(root, self.kb.groups)
            base_sector = base[1] if base else sector
            if base is not None and base_sector is None:
                base_sector = self._kind_of_group(root, cues)  # "separatist groups in Algiers" are not Algeria's
            comp = self._complement(root, cues, depth, of_only=base_sector in IN_NOT_COUNTRY, h0=h0, h1=h1)
            if comp is not None:
                country = country or comp.country
                if sector is None and comp.kind != "country":
                    sector = comp.sector
        return country, sector, tuple(t for t, _ in titles)

    def _complement(
        self, root: Token, cues: Span, depth: int, of_only: bool, h0: int | None = None, h1: int | None = None
    ) -> _Res | None:
        """Resolve "of/in/for X" complements and appositions of the head, in that order."""
        heads = range(h0, h1) if h0 is not None and h1 is not None else [root.i]
        comps: list[Token] = []
        appos: list[Token] = []
        for i in heads:
            for child in self.doc[i].rights:
                if not (cues.start <= child.i < cues.end) or child.i < heads[-1]:
                    continue
                if child.dep_ == "prep" and (child.lower_ == "of" or (not of_only and child.lower_ in SHORT_PREPS)):
                    comps += [c for c in child.children if c.dep_ == "pobj"]
                elif child.dep_ == "prep" and child.lower_ == "for":
                    comps += [c for c in child.children if c.dep_ == "pobj"]
                elif child.dep_ == "appos":
                    appos.append(child)
        for tok in comps + appos:
            if tok.i >= cues.end:
                continue
            sub = self.doc[tok.left_edge.i : min(tok.right_edge.i + 1, cues.end)]
            res = self._resolve(sub, sub, coref=False, depth=depth + 1)
            if res is not None:
                return res
        return None

    def _person(
        self,
        span: Span,
        cues: Span,
        ent: Span,
        h0: int,
        h1: int,
        left_names: list,
        root: Token,
        coref: bool,
        depth: int,
    ) -> _Res:
        """A PERSON entity not in the KB: a surname of an earlier mention, or an unknown person."""
        # titles the model put inside the entity ("Prime Minister Nouri al-Maliki") are not the name
        start = ent.start
        titles_in = self._titles(ent.start, ent.end)
        while start < ent.end - 1 and (
            self._clean[start] in self.kb.titles
            or any(self._clean[start] in t.split() for t, _ in titles_in)
            or self.doc[start].is_punct
        ):
            start += 1
        name_span = self.doc[start : ent.end]
        name = name_span.text
        country, sector, titles = self._cue_values(span, cues, h0, h1, left_names, root, depth)
        if coref:
            ante = self._surname_antecedent(name, span.start_char, self._honorific_gender(cues))
            if ante is not None:
                return replace(
                    ante,
                    country=ante.country or country,
                    sector=ante.sector or sector,
                    titles=ante.titles + titles,
                )
        return _Res(name, country, sector, "person", False, titles)

    def _unlabelled_name(
        self, span: Span, cues: Span, root: Token, left_names: list, coref: bool, depth: int
    ) -> _Res | None:
        """A proper noun the NER missed: a known surname, or a name after a title ("General Smith")."""
        first = root.i
        while first > cues.start and self.doc[first - 1].pos_ == "PROPN" and self.doc[first - 1].dep_ in NAME_DEPS:
            if self._clean[first - 1] in self.kb.titles:
                break
            first -= 1
        name = self.doc[first : root.i + 1].text
        if coref:
            ante = self._surname_antecedent(name, span.start_char, self._honorific_gender(cues))
            if ante is not None:
                return ante
        titles = self._titles(cues.start, first)
        if not titles or _title_case(root.sent):
            return None  # in a headline every word is capitalised: "Major Islamic Holiday" names no major
        country, sector, title_keys = self._cue_values(span, cues, first, root.i + 1, left_names, root, depth)
        return _Res(name, country, sector, "person", False, title_keys)

    def _surname_tagged_name(self, ent: Span, start_char: int) -> _Res | None:
        """The person named earlier whose surname a one-word ORG or GPE entity is: the NER often tags a bare
        surname as an organisation or a place, above all one that is also a firm's or a town's name ("Rep. Tom Ford
        ... *Ford* said he would vote", "Jane Denton, 41, ... *Denton* was released"), and the story's later
        mentions of its people are such bare surnames (a place in the knowledge base is handled with its entry).
        Only an earlier full name counts (the story introduces a person before it shortens the name), and an
        acronym ("CIA", "NATO") is never a surname.  The tagger may call such a word a common noun (an
        apostrophe name such as "O'Neill" written with a curly quote), so a capitalised noun counts too."""
        pieces = [t for t in ent if t.lower_ != "the" and not t.is_punct and t.tag_ != "POS"]
        if len(pieces) != 1 or len(ent) > 2 or ent[0].lower_ == "the":
            return None
        word = pieces[0]
        if word.pos_ not in ("PROPN", "NOUN") or not word.is_title or is_acronym(word.text):
            return None
        return self._surname_antecedent(word.text, ent.start_char, earlier_only=True)

    def _org(
        self, span: Span, cues: Span, ent: Span, h0: int, h1: int, left_names: list, root: Token, depth: int
    ) -> _Res:
        """An ORG entity not in the KB: sector from its nouns ("Interior Ministry"), country inside."""
        text = ent.text
        if ent[0].lower_ == "the":
            text = ent[1:].text
        sector = None
        generic = self._generic(ent.root, self.kb.groups)
        if generic is not None:
            sector = generic[1]
        if sector is None:
            for tok in ent:
                g = self.kb.groups.get(tok.lemma_.lower())
                if g is not None:
                    sector = g
                    break
        country = None
        for m in self._names(ent.start, ent.end):
            if m[2].country:
                country = m[2].country
                break
        if country is None or sector is None:
            c2, s2, _ = self._cue_values(span, cues, h0, h1, left_names, root, depth)
            country, sector = country or c2, sector or s2
        if sector == "OPP" and self._ruling(cues.start, ent.start):
            sector = "GOV"  # "the ruling Labour Party"
        return _Res(text, country, sector, "org", root.tag_ == "NNPS")

    def _definite(self, root: Token) -> bool:
        """A short definite mention: "the group", "the general" (determiner, no other modifiers)."""
        det = False
        for child in root.lefts:
            if child.dep_ == "det" and child.lower_ in DEFINITE:
                det = True
            elif child.dep_ in ("compound", "poss", "nmod") or child.ent_type_:
                return False
        return det

    # ------------------------------------------------------------------ coreference
    def _mention_list(self) -> list[_Mention]:
        """Actor mentions in document order, built once (each resolved against the earlier ones)."""
        if self._mentions is not None:
            return self._mentions
        self._mentions = []
        self._building = True
        doc = self.doc
        roots: set[int] = set()
        for ent in doc.ents:
            if ent.label_ in ("PERSON", "ORG", "GPE", "NORP"):
                roots.add(ent.root.i)
        if doc.has_annotation("DEP"):
            for chunk in doc.noun_chunks:
                # resolved pronouns are mentions too, so a chain ("Obama ... He met Putin. He said") keeps its party
                if chunk.root.pos_ != "PRON" or self.kb.pronouns.get(chunk.root.lower_) in ("person", "group", "thing"):
                    roots.add(chunk.root.i)
        try:
            for i in sorted(roots):
                tok = doc[i]
                if tok.dep_ in ("amod", "compound", "poss") and tok.head.i in roots:
                    continue  # a modifier of a bigger mention ("Iraqi" in "Iraqi forces")
                core, cues = self._arg_spans(tok)
                res = self._token_cache.get(i)
                if i not in self._token_cache:
                    res = self._resolve(core, cues, coref=True)
                    self._token_cache[i] = res
                res = self._role_mention(tok, res) or res
                if res is not None:
                    self._mentions.append(_Mention(i, core.start_char, core.end_char, res))
        finally:
            self._building = False
        return self._mentions

    def _role_mention(self, root: Token, res: _Res | None) -> _Res | None:
        """The antecedent an unnamed person in a definite role offers a later pronoun: "*The suspect* fled on foot.
        Police said *he* ...", "*the driver* told officers *she* ...", "*the young man* ... *He* was released".
        Local news names the officer, the prosecutor or a spokesman and keeps the other party to a role noun
        (``role_antecedent_nouns``), so without this the pronoun took the named person, who is often the other
        side of the deed.  A singular common noun with "the"/"this"/"that" and no person's name in its phrase
        ("the man, John Smith": the name is offered instead); the role keeps the noun's country and sector
        (police for "the officer") and the gender a gendered noun says ("the woman").  Only the mention list sees
        this: the phrase's own actor is unchanged, and a pronoun that takes the role gets its sector (an arrested
        suspect is CRM, a driver CVL), so "police said *he* was arrested" keeps an informative party.  None when
        the phrase is no such role."""
        if res is not None and (res.name or res.plural or res.kind == "country"):
            return None
        if root.pos_ != "NOUN" or root.tag_ != "NN" or root.lemma_.lower() not in ROLE_NOUNS:
            return None
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in root.children):
            return None
        if any(t.ent_type_ == "PERSON" for t in root.subtree):
            return None
        lemma = root.lemma_.lower()
        gender = "m" if lemma in MALE_ROLE_NOUNS else "f" if lemma in FEMALE_ROLE_NOUNS else None
        country, sector = (res.country, res.sector) if res is not None else (None, None)
        return _Res(None, country, sector or ROLE_NOUNS[lemma], "person", False, (lemma,), role=True, gender=gender)

    def _before(self, start_char: int) -> list[_Mention]:
        """Mentions that end before ``start_char``, most recent first."""
        # a frozen _Mention has read-only fields, which mypy does not match to MentionLike's plain attributes
        mentions = cast("list[MentionLike]", self._mention_list())
        return cast("list[_Mention]", nearest_first(mentions, start_char))

    def _pronoun(self, span: Span, root: Token, role: str | None) -> _Res | None:
        """The antecedent's resolution for a personal pronoun (``actors/coreference.py`` chooses it)."""
        if role == "thing" and root.head.lemma_ == "be" and root.dep_ in ("nsubj", "expl"):
            return None  # "It is a province that ..." is rarely an actor
        if role == "person":
            named = fronted_clause_subject(root)
            res = self._forward_antecedent(named, root) if named is not None else None
            if res is not None:
                return res
        return pronoun_antecedent(self.doc, root, role or "", cast("list[MentionLike]", self._mention_list()))

    def _forward_antecedent(self, named: Token, pronoun: Token) -> _Res | None:
        """The person a pronoun in a fronted clause points forward to (``coreference.fronted_clause_subject``), when
        that later name is a person whose known gender does not contradict the pronoun's."""
        core, cues = self._arg_spans(named)
        res = self._token_cache.get(named.i) if named.i in self._token_cache else self._resolve(core, cues, True)
        if res is None or not compatible("person", res):
            return None
        gender = PRONOUN_GENDER.get(pronoun.lower_)
        mention = _Mention(named.i, core.start_char, core.end_char, res)
        said = mention_gender(self.doc, cast("MentionLike", mention)) or name_gender(res.name)
        return res if gender is None or said in (None, gender) else None

    def _short_mention(
        self, span: Span, root: Token, key: str, sector: str | None, kind: str, country: str | None = None
    ) -> _Res | None:
        """Antecedent for "the group", "the ministry", "the general", "the Israeli leader"."""
        for m in self._before(span.start_char):
            r = m.res
            if kind == "person":
                if r.kind != "person" or (country and r.country != country):
                    continue
                if any(key == t or key in t.split() for t in r.titles) or (country and key in OPEN_TITLES):
                    return r
                continue
            if r.kind == "person":
                continue
            if sector is None:  # "the group", "the organisation": a named organisation
                if r.kind == "org" and r.name:
                    return r
            elif sector in GOV_FAMILY and r.sector in GOV_FAMILY and r.country:
                if r.sector == sector or key in GOV_COLLECTIVES:  # "the authorities" after "the supreme court":
                    named = r.kind == "org" and r.sector == sector  # the same state, not the same organ
                    return _Res(r.name if named else None, r.country, sector, "org", r.plural)
            elif r.sector == sector and (r.name or r.country):
                return r
        return None

    def _surname_antecedent(
        self, name: str, start_char: int, gender: str | None = None, earlier_only: bool = False
    ) -> _Res | None:
        """The full name an earlier (else a later) mention gave this surname; ``gender`` from an honorific rules
        out a namesake of the other gender ("Mrs. Clinton" after "Bill Clinton")."""
        key = name_key(name)
        if not key:
            return None
        mentions = self._mention_list()
        later: _Res | None = None
        earlier: list[_Res] = []
        for m in reversed(mentions):
            r = m.res
            if r.kind != "person" or not r.name or name_key(r.name) == key:
                continue
            if gender is not None and name_gender(r.name) not in (None, gender):
                continue
            if key in _surname_keys(r.name):
                if m.end_char <= start_char:
                    earlier.append(r)
                else:
                    later = r
        if earlier:
            return self._principal_namesake(earlier, start_char)
        return None if self._building or earlier_only else later

    def _principal_namesake(self, namesakes: list[_Res], start_char: int) -> _Res:
        """Of several earlier people who share a surname ("Ted Cruz", "Heidi Cruz"), the one a bare surname means:
        news names a relative by full or first name and keeps the bare surname for the story's principal, so the
        one mentioned most so far wins, the most recent on a tie.  ``namesakes`` come most recent first."""
        names = list(dict.fromkeys(r.name for r in namesakes))
        if len(names) == 1:
            return namesakes[0]
        counts = dict.fromkeys(names, 0)
        for m in self._mention_list():
            if m.end_char <= start_char and m.res.name in counts:
                counts[m.res.name] += 1
        best = max(names, key=lambda name: counts[name])  # max keeps the first (most recent) on a tie
        return next(r for r in namesakes if r.name == best)

    def _actor(self, span: Span, res: _Res | None) -> Actor | None:
        if res is None:
            return None
        return Actor(span.start_char, span.end_char, span.text, res.name, res.country, res.sector)


TITLE_CASE_MIN_WORDS = 4
"""Content words a sentence needs before its capitals can tell a headline in title case from prose full of names."""


def _title_case(sentence: Span) -> bool:
    """A headline in title case ("Obama Recognizes Major Islamic Holiday"): every content word is capitalised, verbs
    too, so a capital says nothing of a name."""
    content = [t for t in sentence if t.is_alpha and not t.is_stop]
    return len(content) >= TITLE_CASE_MIN_WORDS and all(t.text[0].isupper() for t in content)


def _capital_name(token: Token) -> bool:
    """A pronoun's letters written in capitals and tagged as a name is an acronym, not the pronoun: "the *US*",
    "*US* assistance to Egypt", "a visit to the *US*" name the United States, not "us" (news writes the country so
    daily).  A sentence in capitals ("WE WILL FIGHT") says nothing, and a token the tagger calls a pronoun stays one."""
    if len(token.text) < 2 or not token.text.isupper() or token.pos_ != "PROPN" or token.tag_ in ("PRP", "PRP$"):
        return False
    letters = [t for t in token.sent if t.is_alpha and t.i != token.i]
    return not letters or not all(t.text.isupper() for t in letters)


def _surname_keys(name: str) -> set[str]:
    """Keys a later short mention may use: "Bergner", "al-Maliki" and "Maliki" for "Nouri al-Maliki"."""
    pieces = [p.lower() for p in name_pieces(name)]
    keys = {pieces[-1]} if pieces else set()
    if len(pieces) >= 2 and pieces[-2] in NAME_PARTICLES:
        keys.add(" ".join(pieces[-2:]))
    if len(pieces) >= 3:
        keys.add(" ".join(pieces[1:]))
    return keys
