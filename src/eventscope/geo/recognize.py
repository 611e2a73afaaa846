"""Toponym recognition: which spans of a spaCy Doc name places.

spaCy's small model labels many places GPE/LOC/FAC, but it also calls unfamiliar towns PERSON or ORG
("Amarah" in the seed report).  So besides the entities we look up capitalised proper-noun runs in the
gazetteer and accept them only with a context cue ("the city of X", "X province", "in X") or when the same
name is a place elsewhere in the document (one sense per discourse).  Demonyms ("Iraqi") stay out.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from eventscope.geo.gazetteer import Gazetteer
from eventscope.geo.normalize import name_key
from eventscope.vocabulary import words

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels under which a proper-noun run may still be a misread place.
# PRODUCT, EVENT, WORK_OF_ART and LANGUAGE: the small model calls unfamiliar towns these too ("fighting in Gwadar",
# "in Sangrur, Punjab").
OVERRIDABLE_LABELS = frozenset({"", "PERSON", "ORG", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LANGUAGE"})
PLACE_NOUNS = words("place_name_heads")  # data/vocabulary.json
# Nouns that follow a name and make it a place ("Maysan province").
PLACE_SUFFIXES = frozenset(
    {
        "crossing",
        "province",
        "governorate",
        "district",
        "county",
        "parish",
        "region",
        "city",
        "town",
        "village",
        "state",
        "township",
        "borough",
        "prefecture",
        "oblast",
        # plural kind words: "Paba and Tanore upazilas", "Awaran and Khuzdar districts"
        "districts",
        "provinces",
        "villages",
        "towns",
        "areas",
        # "the Shabqadar area", "Kazipara area": news of local events names neighbourhoods this way
        "area",
        # General administrative words of South and Southeast Asia, where small conflict events are reported
        # by their sub-district: upazila/zila (Bangladesh), tehsil/taluka/taluk/mandal/block (India,
        # Pakistan), agency (Pakistan's tribal areas), division, municipality.
        "upazila",
        "upazilas",
        "upazilla",
        "zila",
        "zilla",
        "tehsil",
        "tehsils",
        "taluka",
        "taluk",
        "mandal",
        "block",
        "agency",
        "division",
        "subdivision",
        "municipality",
    }
)
# Nouns before "of" that make the following name a place ("residents of Kota", "the outskirts of Quetta").
# People nouns are a weaker cue than kind nouns ("supporters of Khan"), so they need a sizeable place.
OF_PLACE_NOUNS = frozenset(
    {"area", "areas", "outskirts", "suburbs", "parts", "part", "section", "heart", "vicinity", "streets"}
)
# Lower-case nouns after a name that make it the place whose institution they are ("the Hyderabad police").
# ("the Bush administration" is a person's, so "administration" is not one of them.)
LOCAL_BODY_NOUNS = frozenset({"police", "authorities", "municipality", "university"})
# Words between a preposition and a name that keep the preposition's cue: "in Old Dhaka", "in central Kolkata".
SCENE_MODIFIERS = frozenset(
    {
        "old",
        "central",
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
        "upper",
        "lower",
        "greater",
        "downtown",
        "neighbouring",
        "neighboring",
        "nearby",
    }
)
# Kind words before "of" that make the following name the place that holds it: "Wazirpur upazila of Barisal",
# "ward 33 of Bhatpara" ("a division of", "a block of", "the agency of" are as often no places).
OF_KIND_WORDS = (PLACE_SUFFIXES - {"division", "subdivision", "block", "agency", "crossing", "state"}) | {"ward"}
OF_PEOPLE_NOUNS = frozenset({"residents", "people", "villagers", "inhabitants", "citizens", "natives", "locals"})
LOCATIVE_PREPS = words("place_cue_prepositions")  # data/vocabulary.json
BARE_LOCATIVE_PREPS = LOCATIVE_PREPS - {"of", "to", "from", "between"}
"""Prepositions that say "here" on their own ("in X", "near X"); "of", "to", "from", "between" need more context."""
# A run after a locative preposition alone is accepted only for well-known places (population of its best
# candidate); 20k was chosen on GeoWebNews+LGL dev (evaluate_geo): lower let in surnames, higher lost towns.
MIN_POPULATION_PREP_CUE = 20_000
PERSON_TITLES = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "general",
        "president",
        "minister",
        "sen",
        "senator",
        "rep",
        "gov",
        "governor",
        "mayor",
        "judge",
        "officer",
        "col",
        "lt",
        "sgt",
        "capt",
        "maj",
        "prof",
        "king",
        "queen",
        "prince",
        "sheikh",
        "ayatollah",
        "pope",
        "saint",
        "st",
        "lord",
        "lady",
        "sir",
        "chief",
        "coach",
    }
)


# Heads of facility and feature names: "Royal Street", "Lake Manassas", "Alder Hey Children's Hospital" are
# not the town they contain, so such entities are never split into sub-names.
FEATURE_HEADS = frozenset(
    {
        "street",
        "st",
        "avenue",
        "ave",
        "road",
        "rd",
        "boulevard",
        "blvd",
        "drive",
        "lane",
        "way",
        "highway",
        "square",
        "park",
        "hall",
        "hospital",
        "stadium",
        "arena",
        "centre",
        "center",
        "church",
        "cathedral",
        "basilica",
        "chapel",
        "mosque",
        "temple",
        "school",
        "university",
        "college",
        "airport",
        "station",
        "bridge",
        "canal",
        "river",
        "lake",
        "creek",
        "bay",
        "island",
        "islands",
        "mountain",
        "mountains",
        "mount",
        "hill",
        "hills",
        "valley",
        "tower",
        "building",
        "house",
        "palace",
        "museum",
        "library",
        "market",
        "mall",
        "hotel",
        "restaurant",
        "prison",
        "base",
        "port",
        "harbour",
        "harbor",
        "beach",
        "forest",
        "dam",
        "estate",
        "court",
        "gardens",
        "garden",
        "plaza",
        "parade",
        "theatre",
        "theater",
        "club",
        "cemetery",
        "zoo",
    }
)
# Words that are names only as part of a longer name ("West Wales", "City Hall", "North Korea").
GENERIC_WORDS = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "upper",
        "lower",
        "new",
        "old",
        "city",
        "town",
        "county",
        "state",
        "centre",
        "center",
        "hall",
        "street",
        "road",
        "way",
        "ridge",
        "day",
        "star",
        "mid",
        "greater",
        "inner",
    }
)
# An entity whose name matches only alternate names of small places is more often a person or firm
# ("Kristina" is an alternate name of a Finnish village); chosen on LGL dev (evaluate_geo, spurious list).
MIN_POPULATION_ALTERNATE_ONLY = 10_000


@dataclass
class Mention:
    """A candidate toponym span (character offsets into ``doc.text``) and why it was taken."""

    start: int
    end: int
    text: str
    key: str
    cue: str  # "entity" | "cue" | "prep" | "discourse" | "org" | "capital"
    label: str


COMPASS_WORDS = words("compass_words")


def compass_only(span: Span) -> bool:
    """A span of compass words alone ("the North", "Northern", "the West"), which names no place: news says "the
    North's peace process" or "a Northern policeman" for a part of the story's own country, and "talks with the
    West" for a bloc, while the gazetteer's regions of that name lie in one far country (Cameroon's North region,
    Israel's Northern District).  With a name ("North Waziristan", "South Africa") the span is no compass word."""
    named = [t for t in span if not t.is_punct and t.lower_ not in {"the", "-"}]
    return bool(named) and all(t.lower_ in COMPASS_WORDS for t in named)


def _clean_entity(span: Span) -> Span:
    """Drop a leading "the" and a trailing possessive, which are not part of the name."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].lower_ in {"the", "a", "an"}:
        start += 1
    while end > start and doc[end - 1].lower_ in {"'s", "’s", "'", "’"}:
        end -= 1
    return doc[start:end]


def _is_name_token(tok) -> bool:
    return tok.pos_ == "PROPN" and (tok.is_title or (tok.is_upper and len(tok) > 1)) and tok.is_alpha


def _strip_suffix_key(tokens: Span) -> str | None:
    """Key without a trailing kind word, for "Maysan Governorate" when only "Maysan" is indexed."""
    if len(tokens) > 1 and tokens[-1].lower_ in PLACE_SUFFIXES:
        return name_key(tokens[:-1].text)
    return None


def lookup_key(gaz: Gazetteer, span: Span) -> str | None:
    """The gazetteer key under which this span's name is found, or None."""
    key = name_key(span.text)
    if gaz.candidates(key):
        return key
    alt = _strip_suffix_key(span)
    if alt and gaz.candidates(alt):
        return alt
    return None


def _norp_place(gaz: Gazetteer, key: str | None) -> bool:
    """A NORP span is a place only when it is itself a country or region name, never a demonym."""
    return (
        key is not None
        and key not in gaz.demonyms
        and any(gaz.fc[i] in {"PCLI", "ADM1", "RGN"} and name_key(gaz.name[i]) == key for i in gaz.candidates(key))
    )


def find_mentions(doc: Doc, gaz: Gazetteer, story_country: str | None = None) -> list[Mention]:  # noqa: C901
    """All toponym mentions in document order; see the module docstring for the rules.  ``story_country``
    (ISO alpha-2, e.g. from the story's actors) lowers the bar for small towns of that country
    (``_story_town``); without it, the country the document's surer places agree on does."""
    mentions: list[Mention] = []
    taken = [False] * len(doc)

    def take(span: Span, key: str, cue: str, label: str) -> None:
        if not compass_only(span):
            mentions.append(Mention(span.start_char, span.end_char, span.text, key, cue, label))
        for t in range(span.start, span.end):
            taken[t] = True  # a compass word stays taken: no later cue makes "the North" a place either

    surnames = _person_name_words(doc)
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS and ent.label_ != "NORP":
            continue
        span = _clean_entity(ent)
        if not len(span):
            continue
        if _titled(doc, span):
            continue
        span = _extend_to_known_name(gaz, span)
        whole = lookup_key(gaz, span)
        is_feature = span[-1].lower_.rstrip(".") in FEATURE_HEADS and len(span) > 1
        parts = [span] if whole is not None or is_feature else _sub_names(gaz, span)
        for part in parts:
            if not any(t.text[:1].isupper() for t in part):
                continue  # "outside all metro stations": a place name has a capital letter
            key = lookup_key(gaz, part)
            if ent.label_ == "NORP" and not _norp_place(gaz, key):
                continue
            if key is not None and key in gaz.demonyms and not _has_exact_country(gaz, key):
                continue
            if key is not None and (is_feature or not _plausible(gaz, key)) and not _main_name_feature(gaz, key):
                key = None  # a facility named after a place, or a personal name that is an alternate spelling
                if not is_feature:
                    continue
            if key is not None and _false_acronym(gaz, part, key):
                continue
            if key is not None and _persons_surname_not_a_known_place(doc, gaz, part, key, surnames):
                continue
            take(part, key or name_key(part.text), "entity", ent.label_)

    known = {m.key for m in mentions if gaz.candidates(m.key)}
    place_tokens = frozenset(i for i, t in enumerate(taken) if t)
    runs = _proper_noun_runs(doc, taken)
    deferred: list[tuple[Span, str]] = []
    for run in runs:
        label = run[0].ent_type_
        if label not in OVERRIDABLE_LABELS and not (
            label in ("NORP", "DATE")
            and _misread_date(run)
            and (_before_kind_word(doc, run.end) or _dated_scene(doc, run))
        ):
            continue  # a nationality is no place, but "Shopian district" is one whatever the model says
        found = _run_name(gaz, run)
        cut = _name_before_kind_word(gaz, run) if found is None else None
        chosen = found or cut
        if chosen is None:
            continue
        run, key = chosen
        cue = "cue" if cut is not None and not _titled(doc, run) else _context_cue(doc, run, gaz, key, place_tokens)
        if cue:
            run, key = _with_crossing(doc, run, gaz, key)
            take(run, key, cue, label)
            known.add(key)
        else:
            deferred.append((run, key))
    towns, deferred = _story_towns(doc, gaz, deferred, story_country, mentions)
    for run, key in towns:
        take(run, key, "prep", run[0].ent_type_)
        known.add(key)
    person_votes: dict[str, int] = {}
    for run, key in deferred:
        if run[0].ent_type_ == "PERSON":
            person_votes[key] = person_votes.get(key, 0) + 1
    place_votes: dict[str, int] = {}
    for m in mentions:
        place_votes[m.key] = place_votes.get(m.key, 0) + 1
    for run, key in deferred:
        # One sense per discourse, unless the name is more often a person's in this document.
        if key in known and not _titled(doc, run) and place_votes.get(key, 0) >= person_votes.get(key, 0):
            take(run, key, "discourse", run[0].ent_type_)
    mentions.extend(_org_place_mentions(doc, gaz, taken))
    mentions.extend(_qualifier_mentions(doc, gaz, mentions, taken))
    mentions.extend(_capital_mentions(doc, taken))
    # the model sometimes labels a bare "capital" a place of its own: it is "the capital" all the same
    mentions = [
        Mention(m.start, m.end, m.text, "", "capital", m.label) if m.key in {"capital", "the capital"} else m
        for m in mentions
    ]
    mentions.sort(key=lambda m: m.start)
    return mentions


MIN_POPULATION_STORY_TOWN = 5_000
"""Population from which a town of the story's own country is taken after a bare locative preposition ("in Tak
Bai", "in Shopian"): a surname that is also a town of the very country the story is about is rare."""


def _agreed_country(gaz: Gazetteer, mentions: list[Mention]) -> str | None:
    """The one country (alpha-2) of the document's well-known places (regions, countries, towns of
    ``MIN_POPULATION_PREP_CUE``), when they name only one."""
    found = set()
    for m in mentions:
        best = max(gaz.candidates(m.key), key=lambda i: (gaz.fc[i] in {"PCLI", "ADM1"}, gaz.pop[i]), default=None)
        if best is not None and (gaz.fc[best] in {"PCLI", "ADM1"} or gaz.pop[best] >= MIN_POPULATION_PREP_CUE):
            found.add(gaz.cc[best])
    return found.pop() if len(found) == 1 else None


def _story_towns(
    doc: Doc, gaz: Gazetteer, deferred: list[tuple[Span, str]], country: str | None, mentions: list[Mention]
) -> tuple[list[tuple[Span, str]], list[tuple[Span, str]]]:
    """(towns of the story's country among the deferred runs, the other runs); with no country given, the one
    the surer places agree on."""
    if not deferred:
        return [], deferred
    country = country or _agreed_country(gaz, mentions)
    towns = [(run, key) for run, key in deferred if country is not None and _story_town(doc, run, gaz, key, country)]
    return towns, [d for d in deferred if d not in towns]


# Lower-case nouns after a town's name that make it the town whose people or local bodies they are, in local
# reports: "Rameswaram fishermen", "the Chettipalayam panchayat office", "the Tinsukia unit of the union".
LOCAL_PEOPLE_NOUNS = LOCAL_BODY_NOUNS | frozenset(
    {"fishermen", "farmers", "villagers", "residents", "traders", "unit", "panchayat", "corporation", "council"}
)


def _story_town(doc: Doc, run: Span, gaz: Gazetteer, key: str, country: str) -> bool:
    """A town of the story's country (``MIN_POPULATION_STORY_TOWN``, or a seat of unknown size) right after a
    locative preposition, or right before a noun of its people or local bodies (``LOCAL_PEOPLE_NOUNS``)."""
    if _titled(doc, run) or (run[0].ent_type_ == "PERSON" and len(run) == 1):
        return False  # "trust in Jackson": a one-word name the model calls a person stays one
    prev = _word_before_scene(doc, run)
    after = doc[run.end] if run.end < len(doc) else None
    local = after is not None and after.is_lower and after.lower_ in LOCAL_PEOPLE_NOUNS
    if not local and (prev is None or prev.lower_ not in BARE_LOCATIVE_PREPS):
        return False
    return any(gaz.cc[i] == country and _town_size_known_or_seat(gaz, i, key) for i in gaz.candidates(key))


def _town_size_known_or_seat(gaz: Gazetteer, i: int, key: str) -> bool:
    """A town of ``MIN_POPULATION_STORY_TOWN``, or a town under its own name whose population GeoNames leaves
    unknown (0): in cities500 those are mostly district seats ("Gaibandha", "Nilphamari", "Panjgur", "Chandel",
    "Powhatan"), which local reports name bare ("In Gaibandha, a bus was torched")."""
    if gaz.pop[i] >= MIN_POPULATION_STORY_TOWN:
        return True
    return gaz.pop[i] == 0 and gaz.fc[i] == "PPL" and name_key(gaz.name[i]) == key


CALENDAR_WORDS = frozenset(
    w.lower() for w in (*calendar.month_name[1:], *calendar.month_abbr[1:], *calendar.day_name, *calendar.day_abbr)
)


def _dated_scene(doc: Doc, run: Span) -> bool:
    """A run the model calls a date right after a locative preposition ("In Gaibandha, a bus was torched"): with no
    month, weekday or number in it (``_misread_date``) it is a place the model did not know."""
    prev = _word_before_scene(doc, run)
    return run[0].ent_type_ == "DATE" and prev is not None and prev.lower_ in BARE_LOCATIVE_PREPS


def _misread_date(run: Span) -> bool:
    """Capitalised words with no month, weekday or number among them: before a kind word, a name the model took
    for a date or a nationality ("in Surkhet district", "Shopian town")."""
    return all(t.is_alpha and t.is_title and t.lower_.rstrip(".") not in CALENDAR_WORDS for t in run)


def _run_name(gaz: Gazetteer, run: Span) -> tuple[Span, str] | None:
    """The run (or the run without a leading "Old"/"Central") and its key when it may name a place."""
    key = lookup_key(gaz, run)
    if key is None and len(run) > 1 and run[0].lower_ in SCENE_MODIFIERS:
        run = run[1:]  # "Old Dhaka", "Central Kolkata" when the gazetteer lacks the whole
        key = lookup_key(gaz, run)
    if key is None or key in gaz.demonyms:
        return None
    if not _plausible(gaz, key) and not _held_by_following_region(run.doc, run, gaz, key):
        return None  # an alternate spelling of a small town is taken only where its region follows it
    if len(run) == 1 and run[0].lower_ in GENERIC_WORDS:
        return None
    if _false_acronym(gaz, run, key):
        return None
    return run, key


# Words after a name that say it is the main town's unit, not a town of its own name: "Lakshmipur Sadar upazila"
# is the headquarters sub-district of Lakshmipur.
UNIT_QUALIFIERS = frozenset({"sadar", "sadr"})


def _before_kind_word(doc: Doc, i: int) -> bool:
    return i < len(doc) and doc[i].lower_ in PLACE_SUFFIXES


def _name_before_kind_word(gaz: Gazetteer, run: Span) -> tuple[Span, str] | None:
    """A known name that opens a longer run of names, cut at a kind word inside it: "Manikganj District Children
    Affairs Officer" names Manikganj district, "Lakshmipur Sadar upazila" lies in Lakshmipur."""
    for k in range(len(run) - 1, 0, -1):
        if run[k].lower_ in PLACE_SUFFIXES:
            found = _run_name(gaz, run[: k + 1])
        elif run[k].lower_ in UNIT_QUALIFIERS:
            found = _run_name(gaz, run[:k])
        else:
            continue
        if found is not None:
            return found
    return None


def _extend_to_known_name(gaz: Gazetteer, span: Span) -> Span:
    """A place entity cut short inside a longer known name grows to it: spaCy often labels only the first
    word of a multi-word town ("Dera" of "Dera Murad Jamali", "Kot" of "Kot Addu")."""
    doc = span.doc
    end = span.end
    while end < len(doc) and end - span.start < 4 and doc[end].pos_ == "PROPN" and doc[end].is_title:
        end += 1
    for stop in range(end, span.end, -1):
        longer = doc[span.start : stop]
        key = lookup_key(gaz, longer)
        if key is not None and key not in gaz.demonyms and _plausible(gaz, key):
            return longer
    return span


MAX_ACRONYM_LETTERS = 3


def _false_acronym(gaz: Gazetteer, span: Span, key: str) -> bool:
    """A short all-capital word is an organisation's initials far more often than a place ("BNP", "the FE",
    "DC office"): it is a place only as a country code ("UK", "UAE"), or as a state abbreviation written
    with periods ("B.C."), after a comma ("Washington, DC") or after a locative preposition ("in WA")."""
    text = span.text.replace(".", "")
    if len(span) != 1 or not text.isupper() or len(text) > MAX_ACRONYM_LETTERS:
        return False
    cands = gaz.candidates(key)
    if any(gaz.fc[i] == "PCLI" for i in cands):
        return False
    if not any(gaz.fc[i] == "ADM1" for i in cands):
        return True
    prev = _previous_word(span.doc, span.start)
    return not ("." in span.text or (prev is not None and (prev.text == "," or prev.lower_ in LOCATIVE_PREPS)))


def _plausible(gaz: Gazetteer, key: str) -> bool:
    """A main name of something, or an alternate name of a sizeable place."""
    return any(
        gaz.fc[i] not in {"PPL", "PPLC"} or gaz.pop[i] >= MIN_POPULATION_ALTERNATE_ONLY or name_key(gaz.name[i]) == key
        for i in gaz.candidates(key)
    )


def _main_name_feature(gaz: Gazetteer, key: str) -> bool:
    """The key is the main name of a non-settlement entry (a river, sea or region in the extras)."""
    return any(
        gaz.fc[i] not in {"PPL", "PPLC", "PCLI", "ADM1", "ADM2"} and name_key(gaz.name[i]) == key
        for i in gaz.candidates(key)
    )


def _has_exact_country(gaz: Gazetteer, key: str) -> bool:
    return any(gaz.fc[i] == "PCLI" for i in gaz.candidates(key))


def _sub_names(gaz: Gazetteer, span: Span) -> list[Span]:
    """Known names inside an entity the gazetteer lacks as a whole, longest first, left to right.

    spaCy joins "Paris, Texas", "Greece Italy", "Asia-Pacific" and "north west London" into one entity;
    each known name inside becomes its own mention (a following one may qualify the previous one).
    When nothing inside is known the whole entity stays one (unresolved) mention.
    """
    parts: list[Span] = []
    i, end = span.start, span.end
    doc = span.doc
    while i < end:
        for length in range(min(4, end - i), 0, -1):
            sub = doc[i : i + length]
            if not (sub[0].is_title or sub[0].is_upper) or not sub[-1].is_alpha:
                continue
            key = lookup_key(gaz, sub)
            if (
                key is not None
                and key not in gaz.demonyms
                and len(key) > 2
                and (length > 1 or (sub[0].lower_ not in GENERIC_WORDS and _well_known(gaz, key)))
            ):
                parts.append(sub)
                i += length
                break
        else:
            i += 1
    return parts or [span]


def _well_known(gaz: Gazetteer, key: str, min_population: int | None = None) -> bool:
    """A single word inside a longer name is a place of its own only when it is well known: the main name of a
    country, region or feature, or of a city of ``MIN_POPULATION_IN_NAME``.  Small namesakes are the common
    words of names ("Line" of "Line of Control" is a Chinese village, "Port" of "Benapole Port Thana" a town in
    Reunion, "Par" of "Siha Par Halt" an old name of Paris)."""
    for i in gaz.candidates(key):
        if name_key(gaz.name[i]) != key:
            continue
        if gaz.fc[i] not in {"PPL", "PPLC"} or gaz.pop[i] >= (min_population or MIN_POPULATION_IN_NAME):
            return True
    return False


# A name before a possessive that the model calls a person is a place only when it is this big (or a region):
# "Kolkata's", not "Lincoln's".
MIN_POPULATION_POSSESSIVE = 1_000_000


def _proper_noun_runs(doc: Doc, taken: list[bool]) -> list[Span]:
    """Maximal runs of capitalised proper nouns not already claimed by a place entity (max 4 tokens)."""
    runs, i, n = [], 0, len(doc)
    while i < n:
        if taken[i] or not _is_name_token(doc[i]):
            if not taken[i] and _titled_word(doc[i]) and _before_kind_word(doc, i + 1):
                runs.append(doc[i : i + 1])  # "Pabna district", "Shopian town": the tagger says ADJ or NOUN
            i += 1
            continue
        j = i
        while j < n and not taken[j] and _is_name_token(doc[j]) and j - i < 4:
            j += 1
        runs.append(doc[i:j])
        i = j
    return runs


def _titled_word(tok) -> bool:
    """A capitalised word inside a sentence (not its first word), whatever its part of speech."""
    return tok.is_title and tok.is_alpha and not tok.is_sent_start and tok.pos_ in {"ADJ", "NOUN", "PROPN", "VERB"}


def _titled(doc: Doc, run: Span) -> bool:
    """A person's title right before the name ("General Bergner", "Mr. Paris") makes it a person."""
    prev = doc[run.start - 1] if run.start > 0 else None
    if prev is not None and prev.text == "." and run.start > 1:
        prev = doc[run.start - 2]
    return prev is not None and prev.lower_.rstrip(".") in PERSON_TITLES


CROSSING_WORDS = frozenset({"crossing", "checkpoint", "bridge", "corridor"})
"""Words after a name that make a border crossing ("the Rafah crossing"), listed in extra_places.tsv."""


def _with_crossing(doc: Doc, run: Span, gaz: Gazetteer, key: str) -> tuple[Span, str]:
    """Extend "Rafah" to "Rafah crossing" (or "Torkham border crossing") when the gazetteer knows the crossing."""
    for width in (1, 2):
        if run.end + width <= len(doc) and doc[run.end + width - 1].lower_ in CROSSING_WORDS:
            longer = doc[run.start : run.end + width]
            longer_key = name_key(longer.text)
            if gaz.candidates(longer_key):
                return longer, longer_key
    return run, key


def _context_cue(
    doc: Doc, run: Span, gaz: Gazetteer, key: str, places_before: frozenset[int] = frozenset()
) -> str | None:
    """Why a non-entity run is a place: kind noun before/after, or a locative preposition."""
    if _titled(doc, run):
        return None
    if run.end < len(doc) and doc[run.end].lower_ in PLACE_SUFFIXES:
        return "cue"
    if _held_by_following_region(doc, run, gaz, key):
        return "cue"
    if run.end + 1 < len(doc) and doc[run.end].lower_ == "border" and doc[run.end + 1].lower_ in CROSSING_WORDS:
        return "cue"
    if _holds_a_district(doc, run):
        return "cue"  # "in Pattani's Nongchik district": a name that holds a named district is a region
    person = run[0].ent_type_ == "PERSON"
    if run.end < len(doc) and doc[run.end].lower_ in {"'s", "’s"} and person:
        # "Kolkata's municipal corporation", "Kampong Speu's provincial hall": a region or big city is a place
        # whatever the model says; a smaller name before a possessive is a person's ("Khan's")
        return "prep" if _well_known(gaz, key, MIN_POPULATION_POSSESSIVE) else None
    if run.end < len(doc) and doc[run.end].lower_ in LOCAL_BODY_NOUNS and _org_worthy(gaz, key) and not person:
        return "org"  # "the Hyderabad police", "Karachi university": a big city's own institution
    prev = _word_before_scene(doc, run)
    before = _previous_word(doc, prev.i) if prev is not None else None
    if prev is not None and prev.text == "," and before is not None and _is_name_token(before):
        if any(gaz.fc[i] in {"ADM1", "PCLI"} and name_key(gaz.name[i]) == key for i in gaz.candidates(key)):
            if not (person and _named_persons_surname(doc, run)):
                return "cue"  # a region or country qualifying the name before it: "Ghizer, Gilgit Baltistan"
    if prev is not None and prev.lower_ in {"'s", "’s"} and before is not None and before.i in places_before:
        return "cue"  # "Meghalaya's South Garo Hills", "south Kashmir's Anantnag": a place inside a place
    if prev is not None and prev.text == "(" and before is not None and _in_parentheses(doc, run):
        if (_is_name_token(before) or before.lower_ in PLACE_SUFFIXES) and _sizeable(gaz, key):
            return "cue"  # "In Topkhana (Dhaka)", "Khanapara area (Guwahati)": the town that holds the place
    if prev is not None and prev.lower_ == "of" and before is not None:
        if before.lower_ in PLACE_NOUNS or before.lower_ in OF_PLACE_NOUNS or before.lower_ in OF_KIND_WORDS:
            return "cue"
        if before.lower_ in OF_PEOPLE_NOUNS and _sizeable(gaz, key):
            return "prep"
    if prev is not None and prev.lower_ in BARE_LOCATIVE_PREPS and _sizeable(gaz, key):
        return "prep"
    return None


NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _person_name_words(doc: Doc) -> frozenset[str]:
    """The words after the first of the document's full personal names ("Servance" of "Tony Servance Jr.")."""
    found = set()
    for ent in doc.ents:
        if ent.label_ != "PERSON" or len(ent) < 2:
            continue
        for tok in ent[1:]:
            if tok.is_alpha and tok.is_title and tok.lower_ not in NAME_SUFFIXES:
                found.add(tok.lower_)
    return frozenset(found)


def _persons_surname_not_a_known_place(
    doc: Doc, gaz: Gazetteer, part: Span, key: str, surnames: frozenset[str]
) -> bool:
    """A one-word name that a full personal name of the document ends with ("Tony Servance Jr." ... "Servance was
    alone with the boy"), and that names no well-known place (``_well_known``: no country, region or city of
    ``MIN_POPULATION_IN_NAME``), is that person, whatever the model labels it: local crime and court reports name
    people by their surname after the first mention, and many surnames are also a village somewhere ("Servance"
    in France).  A kind word after it ("Servance village") or a preposition of place before it keeps it a place;
    a famous namesake ("Washington", "Jackson") is left to the resolver."""
    if len(part) != 1 or part[0].lower_ not in surnames or _well_known(gaz, key):
        return False
    if _before_kind_word(doc, part.end):
        return False
    prev = _previous_word(doc, part.start)
    return not (prev is not None and prev.lower_ in BARE_LOCATIVE_PREPS)


def _named_persons_surname(doc: Doc, run: Span) -> bool:
    """A one-word run that is the last word of a person's full name in the document ("Capt. Roy A. Nelson" ...
    "advancing on the officer, *Nelson* said"): after a comma it is that person speaking, not a region qualifying
    the name before it, though New Zealand has a Nelson region."""
    if len(run) != 1:
        return False
    word = run[0].lower_
    return any(
        ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].lower_ == word and ent.start != run.start
        for ent in doc.ents
    )


def _held_by_following_region(doc: Doc, run: Span, gaz: Gazetteer, key: str) -> bool:
    """ "in Pir Koh, Dera Bugti, Balochistan", "Mirpur Bathoro, Sindh": a name followed by a comma and a region or
    country that holds one of the name's gazetteer entries is that place, however small, and whatever the model
    labelled it: the qualifier says both that it is a place and which one."""
    if run.end + 1 >= len(doc) or doc[run.end].text != ",":
        return False
    entries = gaz.candidates(key)
    for length in (3, 2, 1):
        qualifier = doc[run.end + 1 : run.end + 1 + length]
        if len(qualifier) < length or not qualifier[0].text[:1].isupper():
            continue
        regions = [r for r in gaz.candidates(name_key(qualifier.text)) if gaz.fc[r] in {"ADM1", "PCLI"}]
        if any(gaz.contains(r, i) for r in regions for i in entries):
            return True
    return False


def _in_parentheses(doc: Doc, run: Span) -> bool:
    return run.end < len(doc) and doc[run.end].text == ")"


def _holds_a_district(doc: Doc, run: Span) -> bool:
    """ "X's Y district": a possessive name followed by up to three names and a kind word."""
    if run.end + 2 >= len(doc) or doc[run.end].lower_ not in {"'s", "’s"}:
        return False
    j = run.end + 1
    while j < len(doc) and j - run.end <= 3 and _is_name_token(doc[j]):
        j += 1
    return j > run.end + 1 and j < len(doc) and doc[j].lower_ in PLACE_SUFFIXES


def _sizeable(gaz: Gazetteer, key: str) -> bool:
    """A region, or a place big enough to be named after a bare preposition (MIN_POPULATION_PREP_CUE)."""
    best = max((gaz.pop[i] for i in gaz.candidates(key)), default=0)
    top_is_region = any(gaz.fc[i] in {"PCLI", "ADM1", "CONT"} for i in gaz.candidates(key))
    return top_is_region or best >= MIN_POPULATION_PREP_CUE


def _word_before_scene(doc: Doc, run: Span):
    """The word before the run, past a scene modifier ("in Old Dhaka", "in central Kolkata")."""
    prev = _previous_word(doc, run.start)
    if prev is not None and prev.lower_ in SCENE_MODIFIERS:
        prev = _previous_word(doc, prev.i)
    return prev


def _previous_word(doc: Doc, i: int):
    """The token before ``doc[i]``, skipping whitespace tokens (a doubled space: "in  Chuadanga")."""
    j = i - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    return doc[j] if j >= 0 else None


ORG_LABELS = frozenset({"ORG", "FAC"})


def _org_place_mentions(doc: Doc, gaz: Gazetteer, taken: list[bool]) -> list[Mention]:
    """A sizeable place that opens or closes an organisation's or building's name: "the Peshawar Press Club",
    "Chennai Corporation", "University of Dhaka".  Local news names the scene through such names ("protested
    outside the Hyderabad Press Club") and they tell the story's country; cue "org" (least sure)."""
    out = []
    for ent in doc.ents:
        if ent.label_ not in ORG_LABELS:
            continue
        span = _clean_entity(ent)
        if len(span) < 2 or any(taken[t.i] for t in span) or _titled(doc, span):
            continue
        for sub in _org_place_parts(span):
            key = lookup_key(gaz, sub)
            if key is None or key in gaz.demonyms or not _org_worthy(gaz, key):
                continue
            if len(sub) == 1 and (sub[0].lower_ in GENERIC_WORDS or _false_acronym(gaz, sub, key)):
                continue
            out.append(Mention(sub.start_char, sub.end_char, sub.text, key, "org", ent.label_))
            for t in sub:
                taken[t.i] = True
            break
    return out


# A name inside an organisation's name is taken only when it is the main name of a city this big, of a
# country or of an admin1 region: words that start names ("National", "Union", "Air") are small towns too.
MIN_POPULATION_IN_NAME = 100_000


def _org_worthy(gaz: Gazetteer, key: str) -> bool:
    for i in gaz.candidates(key):
        if name_key(gaz.name[i]) != key:
            continue
        if gaz.fc[i] in {"PCLI", "ADM1"} or gaz.pop[i] >= MIN_POPULATION_IN_NAME:
            return True
    return False


def _org_place_parts(span: Span) -> list[Span]:
    """Candidate place names in a name: its first 3/2/1 words, and what follows its last "of"."""
    parts = [span[:n] for n in (3, 2, 1) if n < len(span) and all(_is_name_token(t) for t in span[:n])]
    ofs = [t.i for t in span if t.lower_ == "of"]
    if ofs and ofs[-1] + 1 < span.end:
        tail = span.doc[ofs[-1] + 1 : span.end]
        if all(_is_name_token(t) for t in tail) and len(tail) <= 3:
            parts.append(tail)
    return parts


def _qualifier_mentions(doc: Doc, gaz: Gazetteer, mentions: list[Mention], taken: list[bool]) -> list[Mention]:
    """A state or country right after "<place>," ("Slidell, La.", "Amarah, Iraq") even when unlabelled."""
    by_start = {t.idx: t.i for t in doc}
    out = []
    for m in list(mentions):
        i = by_start.get(m.end)
        if i is None or i + 1 >= len(doc) or doc[i].text != "," or taken[i + 1]:
            continue
        for length in (3, 2, 1):
            sub = doc[i + 1 : i + 1 + length]
            if len(sub) < length or any(taken[t.i] for t in sub) or not sub[0].text[:1].isupper():
                continue
            key = name_key(sub.text)
            if any(gaz.fc[c] in {"ADM1", "PCLI"} for c in gaz.candidates(key)):
                out.append(Mention(sub.start_char, sub.end_char, sub.text, key, "cue", sub[0].ent_type_))
                for t in sub:
                    taken[t.i] = True
                break
    return out


def _capital_mentions(doc: Doc, taken: list[bool]) -> list[Mention]:
    """ "the capital" used on its own (or a bare "capital's Banani area") refers to the capital of the story's
    country (resolved later).  "the city" is left alone: gold toponym sets do not count it a place name, and
    short reports that use it rarely name a city or a country to refer it to."""
    out = []
    for tok in doc:
        if tok.lower_ != "capital" or taken[tok.i] or tok.i == 0:
            continue
        prev = doc[tok.i - 1]
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        possessive = nxt is not None and nxt.lower_ in {"'s", "’s"}
        if prev.lower_ != "the" and not (possessive and not prev.text[:1].isupper()):
            continue
        if not possessive and nxt is not None and (nxt.lower_ in {"of", ",", "city"} or nxt.pos_ in {"PROPN", "NOUN"}):
            continue
        if tok.dep_ == "compound" or tok.pos_ != "NOUN":
            continue
        span = doc[tok.i - 1 : tok.i + 1] if prev.lower_ == "the" else doc[tok.i : tok.i + 1]
        out.append(Mention(span.start_char, span.end_char, span.text, "", "capital", ""))
    return out
