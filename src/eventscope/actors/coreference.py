"""Rule-based coreference for actor mentions: pronouns and short definite mentions to their antecedents.

"Russia said on Friday *it* had expelled three diplomats", "Obama met Putin in Paris. *He* said ...": the actor
of a pronoun is the mention it stands for.  The mention that proves the actor stays the pronoun (its span is the
evidence); the antecedent gives the identity (name, country, sector).  The choice is a small, documented order
(a simplified Hobbs/centering search), not a learned model:

1. only mentions before the pronoun, of a compatible kind and number: he/she -> a person (named, titled with a
   country: "the Iraqi prime minister", or an unnamed one in a definite role: "the suspect", "the driver": the
   resolver marks these ``role``), not one whose honorific, title, common first name or role noun ("the woman")
   says the other gender (anywhere in the text: "Mrs. Clinton" marks every mention of her); they -> an
   organisation or a plural group; it -> an organisation or a country;
2. the pronoun's own sentence first, nearest mention first ("Russia said *it*", "the parties and *their*
   supporters"), then each earlier sentence, its subjects first, then its other mentions in reading order (the
   first-named party of a sentence is the one it is about: "Obama met Putin. *He* said" is Obama);
3. "it" looks back at most ``THING_WINDOW`` sentences, "they" ``GROUP_WINDOW`` and he/she ``PERSON_WINDOW``:
   farther back a guess is more often wrong than right, and an unresolved pronoun keeps its span without an
   identity;
4. "they"/"them"/"their" try a list of persons first (``plural_order``), before a nearer singular body; the
   patient of a charging verb ("*they* were charged") skips the party that arrested and takes the arrested; a
   list of persons has no identity of its own, so a pronoun that takes it stays unresolved.

Resolved pronouns are mentions themselves, so a chain ("Obama ... He met Putin. He said") keeps to its party.
The module knows nothing of the knowledge base: mentions carry a resolution with ``kind``, ``plural``, ``name``,
``country``, ``sector`` and ``titles`` (``resolver._Res``), and the resolver asks here which one to use.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from spacy.tokens import Doc, Token

from eventscope.vocabulary import words

PERSON_WINDOW = 4
"""Sentences a he/she pronoun looks back (its own sentence is 0)."""
THING_WINDOW = 2
"""Sentences an "it" looks back: "it" is often a thing or a clause, so only a near party counts."""
GROUP_WINDOW = 2
"""Sentences a "they" looks back: news uses a plural pronoun for the party just named; past two sentences the
nearest plural party is more often an unnamed one ("they can seize your house", "ticketed boaters ... they") than
an organisation named in the dateline or the opening paragraph."""
CHARGING_LEMMAS = frozenset(words("charging_verbs"))
"""Verbs (and nouns: "the charges against them", "their arrest") of the law whose patient is the arrested or
charged party: see ``charged_patient``."""

MALE_WORDS = frozenset({"mr", "mr.", "sir", "king", "prince", "lord", "sheikh", "emir", "sultan", "father", "brother"})
FEMALE_WORDS = frozenset(
    {"mrs", "mrs.", "ms", "ms.", "miss", "madam", "madame", "queen", "princess", "lady", "dame", "mother", "sister"}
)
FEMALE_NAMES = frozenset(
    {
        "angela", "anne", "ann", "barbara", "betty", "carly", "catherine", "christine", "condoleezza", "dilma",
        "elizabeth", "emily", "hillary", "indira", "jacinda", "jane", "janet", "jennifer", "julia", "julie", "karen",
        "kamala", "laura", "linda", "margaret", "maria", "marine", "mary", "melania", "michelle", "nancy", "nicola",
        "nikki", "patricia", "sarah", "sheikh hasina", "susan", "theresa", "ursula", "yulia", "aung", "benazir",
        "golda", "ellen", "sonia", "tsai", "ivanka", "chelsea", "leslie", "samantha", "sheila", "kristalina",
        # common English given names (unambiguous ones only)
        "abigail", "alice", "alison", "amanda", "amy", "andrea", "angelina", "anna", "barbra", "becky", "beth",
        "betsy", "beverly", "brenda", "bridget", "caroline", "carol", "carolyn", "cheryl", "cindy", "claire",
        "cynthia", "debbie", "deborah", "denise", "diana", "diane", "donna", "doris", "dorothy", "elaine", "elena",
        "eleanor", "elise", "emma", "erin", "eva", "evelyn", "gloria", "grace", "hannah", "heather",
        "heidi", "helen", "irene", "jacqueline", "jana", "jeanne", "jessica", "jill", "joan", "joanne", "joyce",
        "judith", "judy", "katherine", "kathleen", "kathryn", "kathy", "katie", "kimberly", "kirsten", "kristen",
        "lauren", "lisa", "lori", "louise", "lucy", "lydia", "lynn", "marcia", "margarita", "marie", "marilyn",
        "marjorie", "martha", "megan", "melissa", "michele", "monica", "natalie", "nina", "olivia", "pamela",
        "paula", "pauline", "penny", "rachel", "rebecca", "rita", "rosa", "rose", "ruth", "sabrina", "sally",
        "sandra", "sara", "sharon", "shirley", "sophia", "stephanie", "sue", "susanne", "suzanne", "sylvia",
        "tamara", "teresa", "tiffany", "tina", "valerie", "vanessa", "victoria", "virginia", "wendy", "yvonne",
    }
)  # fmt: skip
"""First names that say "she" in news text (a short list of common ones; an unknown name says nothing)."""
MALE_NAMES = frozenset(
    {
        "barack", "bill", "boris", "david", "donald", "emmanuel", "francois", "george", "jacob", "james", "joe",
        "john", "justin", "mahmoud", "michael", "mike", "mohammed", "muhammad", "narendra", "nicolas", "recep",
        "robert", "sergei", "tony", "vladimir", "xi", "ashraf", "benjamin", "bashar", "hassan", "ali", "ahmed",
        "abdel", "kim", "shinzo", "paul", "peter", "richard", "ronald", "thomas", "william", "tim", "ted", "bernie",
        "chris", "mitch", "keith", "terence", "jeb", "marco", "rand", "ben", "gary", "mark", "steve", "scott",
        # common English given names (unambiguous ones only)
        "aaron", "adam", "alan", "albert", "alexander", "andrew", "anthony", "arthur", "brandon", "brett",
        "brian", "bruce", "bryan", "carl", "charles", "christopher", "craig", "daniel", "dennis", "derek", "dick",
        "donovan", "douglas", "edward", "eric", "eugene", "frank", "fred", "gerald", "gordon", "graham", "gregory",
        "harold", "harry", "henry", "howard", "jack", "jason", "jeffrey", "jeremy", "jerry", "jim", "jimmy",
        "joel", "jonathan", "joseph", "joshua", "juan", "kenneth", "kevin", "larry", "lawrence", "louis",
        "luke", "martin", "matthew", "nathan", "neil", "nicholas", "oliver", "patrick", "philip", "ralph",
        "randy", "raymond", "roger", "roy", "russell", "ryan", "samuel", "sean", "stephen", "steven", "stuart",
        "todd", "travis", "victor", "walter", "wayne", "zachary", "dmitry", "igor", "viktor",
    }
)  # fmt: skip
"""First names that say "he"."""
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
OBJECT_DEPS = frozenset({"dobj", "pobj", "dative", "iobj", "obj"})
"""Dependencies of an object pronoun, which binding keeps apart from its clause's subject."""
RELATIVE_PRONOUNS = frozenset({"who", "whom", "that", "which"})
CONTROLLED_DEPS = frozenset({"xcomp", "pcomp", "advcl", "conj", "prep", "acomp"})
"""Links through which a clause with no subject of its own takes the subject of the clause above ("Obama wants to
meet him", "met Putin and praised him", "for accusing him")."""
REPORTING_LEMMAS = frozenset(words("reporting_verbs")) | frozenset(words("speech_verbs"))
"""Verbs whose subject says the clause they take ("said", "told", "insisted"): see ``reported_speaker``."""
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f"}
PRONOUN_GENDER["herself"] = "f"


class MentionLike(Protocol):
    """What coreference needs of a mention: its head token, its character span and its resolution."""

    token_i: int
    start_char: int
    end_char: int
    res: Any


def compatible(role: str, res: Any) -> bool:
    """Whether a resolution can be what a pronoun of ``role`` ("person", "group", "thing") refers to."""
    if res is None:
        return False
    known = bool(res.name or res.country or res.sector)
    if role == "person":
        named = bool(res.name) or bool(res.titles and res.country)
        return res.kind == "person" and (named or bool(getattr(res, "role", False)))
    if role == "group":
        return res.kind not in ("person", "country") and (res.plural or res.kind == "org") and known
    if role == "thing":
        return res.kind in ("org", "country") and not res.plural
    return False


def mention_gender(doc: Doc, mention: MentionLike) -> str | None:
    """ "m"/"f" when an honorific or title in or just before the mention says so ("Mrs May", "Queen Rania"), or
    when the mention is a resolved pronoun ("Desmond Clark pleaded guilty, saying *he* shot Lisa Gray": the "he"
    says Clark is a man, so a later "her" is not Clark; ``name_genders`` carries it to every mention of him)."""
    own = PRONOUN_GENDER.get(doc[mention.token_i].lower_) if 0 <= mention.token_i < len(doc) else None
    if own is not None:  # a first name the lists know beats a pronoun that may have been resolved wrongly
        return name_gender(getattr(mention.res, "name", None)) or own
    cache = doc.user_data.setdefault("coref_honorifics", {})
    key = (mention.start_char, mention.end_char)
    if key not in cache:
        cache[key] = _honorific_gender(doc, mention.start_char, mention.end_char)
    said = cache[key]
    if said == "":
        return None
    return said or getattr(mention.res, "gender", None) or name_gender(getattr(mention.res, "name", None))


def _honorific_gender(doc: Doc, start_char: int, end_char: int) -> str | None:
    """What the words of a span up to its head and the word before it say of gender: "m", "f", None (nothing), or
    "" when there is no such span."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None:
        return ""
    # the head and what comes before it: a complement names someone else ("Judge Mary O'Brien of *Prince*
    # William Circuit Court", "the brother of the *queen*")
    words = [t.lower_ for t in span if t.i <= span.root.i]
    if span.start > 0:
        words.append(doc[span.start - 1].lower_)
    if any(w in FEMALE_WORDS for w in words):
        return "f"
    if any(w in MALE_WORDS for w in words):
        return "m"
    return None


def name_gender(name: str | None) -> str | None:
    """ "f"/"m" from a person's first name when it is a common one ("Hillary Clinton", "Barack Obama")."""
    first = name.split()[0].lower() if name and " " in name else None
    if first in FEMALE_NAMES:
        return "f"
    if first in MALE_NAMES:
        return "m"
    return None


def is_subject(token: Token) -> bool:
    """A clause subject, or a member coordinated with one ("Iran and *Syria* said")."""
    node = token
    while node.dep_ == "conj" and node.head is not node:
        node = node.head
    return node.dep_ in SUBJECT_DEPS


def ordered_candidates(doc: Doc, pronoun: Token, mentions: Sequence[MentionLike], window: int) -> list[MentionLike]:
    """Mentions before ``pronoun`` in the order they are tried (see the module docstring, point 2)."""
    sentence_of = sentence_numbers(doc)
    here = sentence_of[pronoun.i]
    by_sentence: dict[int, list[MentionLike]] = {}
    for mention in mentions:
        if mention.end_char > pronoun.idx or mention.token_i == pronoun.i:
            continue
        if mention.start_char <= pronoun.idx < mention.end_char:
            continue  # the pronoun sits inside the mention's phrase ("*their* supporters")
        distance = here - sentence_of[mention.token_i]
        if 0 <= distance <= window:
            by_sentence.setdefault(distance, []).append(mention)
    ordered: list[MentionLike] = sorted(by_sentence.pop(0, []), key=lambda m: -m.start_char)
    for distance in sorted(by_sentence):
        group = sorted(by_sentence[distance], key=lambda m: m.start_char)
        ordered += [m for m in group if is_subject(doc[m.token_i])]
        ordered += [m for m in group if not is_subject(doc[m.token_i])]
    return ordered


def sentence_numbers(doc: Doc) -> list[int]:
    """The number of each token's sentence (cached on the document: a pronoun's search needs it for every
    earlier mention)."""
    numbers = doc.user_data.get("coref_sentence_numbers")
    if numbers is None or len(numbers) != len(doc):
        numbers = [0] * len(doc)
        for n, sent in enumerate(doc.sents):
            numbers[sent.start : sent.end] = [n] * (sent.end - sent.start)
        doc.user_data["coref_sentence_numbers"] = numbers
    return numbers


def pronoun_antecedent(doc: Doc, pronoun: Token, role: str, mentions: Sequence[MentionLike]) -> Any | None:
    """The resolution a personal pronoun stands for, or None (see the module docstring)."""
    if role not in ("person", "group", "thing"):
        return None
    if pronoun.dep_ in OBJECT_DEPS and pronoun.lower_.endswith(("self", "selves")):
        binder = reflexive_binder(pronoun)
        if binder is not None:
            found = next((m for m in mentions if m.token_i == binder.i), None)
            return found.res if found is not None and compatible(role, found.res) else None
    window = THING_WINDOW if role == "thing" else GROUP_WINDOW if role == "group" else PERSON_WINDOW
    gender = PRONOUN_GENDER.get(pronoun.lower_)
    genders = name_genders(doc, mentions) if gender is not None else {}
    ordered = ordered_candidates(doc, pronoun, mentions, window)
    if role == "group":
        ordered = plural_order(doc, pronoun, ordered)
    candidates = [m for m in ordered if compatible(role, m.res) or (role == "group" and in_coordination(doc, m))]
    subject = bound_subject(pronoun, mentions)
    if subject is not None:
        candidates = [m for m in candidates if not same_party(m.res, subject.res)]
    modified = relative_heads(pronoun)
    candidates = [m for m in candidates if m.token_i not in modified]
    said = {id(m): mention_gender(doc, m) or genders.get(m.res.name) for m in candidates if m.res.kind == "person"}
    if gender is not None:
        candidates = [m for m in candidates if said.get(id(m)) in (None, gender)]
    speaker = reported_speaker(pronoun, mentions) if role == "person" else None
    if speaker is not None:
        candidates = sorted(candidates, key=lambda m: not same_party(m.res, speaker.res))
    if not candidates or not compatible(role, candidates[0].res):
        return None  # a "they" whose nearest plural party is a list of persons keeps its span without an identity
    if role == "group" and unknown_plural_subject(doc, pronoun, candidates[0], mentions):
        return None
    return candidates[0].res


def unknown_plural_subject(doc: Doc, pronoun: Token, candidate: MentionLike, mentions: Sequence[MentionLike]) -> bool:
    """Whether a plural common noun that names no known party is the subject of a clause between ``candidate``
    and a "they" in the same sentence: "Director Ann Cole said *ticketed boaters* were unhappy, since *they* must
    travel to the town court" is the boaters, so the pronoun stays unresolved rather than taking the director's
    agency.  Only the pronoun's own sentence: a plural subject is the nearest party a "they" can mean."""
    known = {m.token_i for m in mentions}
    sentence = pronoun.sent
    return any(
        t.tag_ == "NNS" and t.dep_ in SUBJECT_DEPS and t.i not in known and candidate.token_i < t.i
        for t in doc[sentence.start : pronoun.i]
    )


def in_coordination(doc: Doc, mention: MentionLike) -> bool:
    """Whether a person mention is one of a coordination of persons ("Tom Reed and Ann Hale", "both Ms. Sears, of
    Elm Street, and Mr. Bowers", "A, B and C"): together they are a plural party that a later "they"/"them" stands
    for, though none of them alone can be."""
    token = doc[mention.token_i]
    if mention.res.kind != "person":
        return False
    linked = [token.head] if token.dep_ == "conj" else []
    linked += [c for c in token.children if c.dep_ == "conj"]
    if token.dep_ in SUBJECT_DEPS | OBJECT_DEPS and token.head is not token:
        # a list broken by a long first member ("Ms. Dunn, of Elm Street, and Mr. Holt appeared"): the parser
        # makes each member its own subject of the one verb
        linked += [c for c in token.head.children if c.dep_ == token.dep_ and c.i != token.i]
    return any(t.pos_ in ("PROPN", "NOUN") and (t.ent_type_ == "PERSON" or t.pos_ == "PROPN") for t in linked)


def plural_order(doc: Doc, pronoun: Token, ordered: Sequence[MentionLike]) -> list[MentionLike]:
    """The candidates of a "they"/"them"/"their" with lists of persons (``in_coordination``) and plural groups
    before singular bodies when the window holds such a list: "On Monday Ms. Sears and Mr. Bowers faced
    Magistrate Judge Lee to hear the charges against *them*" is the pair, not the court.  Without a list the
    usual order stands: a plural group noun ("125 soldiers") is not put before a nearer body, as news says "they"
    of an army or a militia ("training for the Iraqi Army, helping *them* clear territory").  When the pronoun
    is the patient of a charging verb ("*They* were charged with burglary", "the charges against *them*",
    "*their* arrest": ``charged_patient``), the party that did an earlier arrest or charge is dropped and its
    patient comes first: "Police arrested Tom Reed and Ann Hale. *They* were charged" is the two arrested, never
    the police who arrested them; "Agents detained 300 workers. Twenty of *them* were charged" is the workers."""
    ordered = list(ordered)
    if any(in_coordination(doc, m) for m in ordered):
        # a list of persons comes before a singular body, not before a nearer plural group ("officers warned
        # residents and helped *them* out" is the residents whoever was named before)
        ordered = sorted(ordered, key=lambda m: not (in_coordination(doc, m) or getattr(m.res, "plural", False)))
    if charged_patient(pronoun):
        # nor is it a singular body: an office, a court or an agency is not what "they were arrested" means
        # ("hours after *their* arrest", said of the people on a list an office published)
        ordered = [m for m in ordered if not charging_agent(doc[m.token_i]) and not singular_body(m.res)]
        ordered = sorted(ordered, key=lambda m: not charging_patient_token(doc[m.token_i]))
    return ordered


def singular_body(res: Any) -> bool:
    """Whether a resolution is one organisation or one country, not a plural group ("police", "the rebels")."""
    return res.kind in ("org", "country") and not res.plural


def _clause_head(token: Token) -> Token:
    """The word whose argument ``token`` is, through a coordination ("arrested Reed and *Hale*")."""
    node = token
    while node.dep_ == "conj" and node.head is not node:
        node = node.head
    return node


def charged_patient(pronoun: Token) -> bool:
    """Whether a plural pronoun is the one a charging verb or noun acts on: "*they* were charged", "*they* were
    arrested and booked", "twenty of *them* were charged", "the charges against *them*", "*their* arrest"."""
    node = pronoun
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.dep_ in SUBJECT_DEPS:
        node = node.head.head  # "twenty of them were charged"
    head = node.head
    if node.dep_ == "nsubjpass":  # "they were arrested and charged": a coordinated verb counts too
        return head.lemma_.lower() in CHARGING_LEMMAS or any(
            c.dep_ == "conj" and c.lemma_.lower() in CHARGING_LEMMAS for c in head.children
        )
    if node.dep_ == "pobj" and head.lower_ == "against":
        return head.head.lemma_.lower() in CHARGING_LEMMAS
    if node.dep_ == "poss":
        return head.lemma_.lower() in CHARGING_LEMMAS
    return False


def charging_agent(token: Token) -> bool:
    """Whether ``token`` is (in) the active subject of a charging verb ("*police* arrested two men")."""
    node = _clause_head(token)
    return node.dep_ == "nsubj" and node.head.lemma_.lower() in CHARGING_LEMMAS


def charging_patient_token(token: Token) -> bool:
    """Whether ``token`` is (in) the object or passive subject of a charging verb ("arrested *Reed* and Hale",
    "*two men* were detained")."""
    node = _clause_head(token)
    return node.dep_ in ("dobj", "nsubjpass") and node.head.lemma_.lower() in CHARGING_LEMMAS


def relative_heads(pronoun: Token) -> set[int]:
    """The nouns that relative clauses around ``pronoun`` modify: a pronoun inside such a clause is never that
    noun ("the young man *he* met years ago", "the officer *she* called": *he* met the man, so is not him)."""
    return {a.head.i for a in pronoun.ancestors if a.dep_ == "relcl"}


def reported_speaker(pronoun: Token, mentions: Sequence[MentionLike]) -> MentionLike | None:
    """The mention of the speaker whose reported clause has ``pronoun`` as its active subject: "Smith said *he*
    would run again", "Jones told the officer that *he* had seen the car", "Brown said he was tired and that *he*
    would retire" (a clause joined to the reported one).  News reports a person's own words with "said he", so the
    speaker is the first choice, over a nearer name ("Smith, who met Jones, said he ...") or the man of the
    sentence before; a participle with no subject of its own speaks for its clause's ("Brewer sued Paulk,
    saying *she* feared him").  A passive subject is left to the usual order: in "the sheriff said he was
    arrested" the speaker is seldom the one arrested."""
    if pronoun.dep_ != "nsubj":
        return None
    clause = pronoun.head
    while clause.dep_ == "conj" and clause.head is not clause:
        clause = clause.head
    verb = clause.head
    if clause.dep_ != "ccomp" or verb.lemma_.lower() not in REPORTING_LEMMAS:
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ in ("advcl", "conj") and verb.tag_ == "VBG":
        # "Brewer sued Paulk, *saying* she had been coerced": the participle says what its clause's subject says
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    if not subjects or subjects[0].i > pronoun.i:
        return None
    head = subjects[0]
    return next((m for m in mentions if m.start_char <= head.idx < m.end_char and m.token_i == head.i), None)


def name_genders(doc: Doc, mentions: Sequence[MentionLike]) -> dict[str, str]:
    """Gender of each named person that some mention of the document marks ("Mrs. Clinton" makes every mention
    of Hillary Clinton female; a "he" resolved to Desmond Clark makes him male, as the story's own pronouns are
    the gender evidence a name list lacks for most names); a name marked both ways is left out, so one wrong
    resolution cannot fix a gender.  Cached per document and mention count."""
    cached = doc.user_data.get("coref_genders")
    if cached is not None and cached[0] == len(mentions):
        return cached[1]
    found: dict[str, set[str]] = {}
    for mention in mentions:
        name = getattr(mention.res, "name", None)
        if name and mention.res.kind == "person":
            said = mention_gender(doc, mention)
            if said is not None:
                found.setdefault(name, set()).add(said)
    genders = {name: next(iter(said)) for name, said in found.items() if len(said) == 1}
    doc.user_data["coref_genders"] = (len(mentions), genders)
    return genders


def nearest_first(mentions: Iterable[MentionLike], start_char: int) -> list[MentionLike]:
    """Mentions that end before ``start_char``, most recent first (the order for short definite mentions:
    "the group", "the ministry", "the Israeli leader" take the nearest earlier party of their kind)."""
    return sorted((m for m in mentions if m.end_char <= start_char), key=lambda m: -m.end_char)


def bound_subject(pronoun: Token, mentions: Sequence[MentionLike]) -> MentionLike | None:
    """The mention of the subject an object pronoun may not stand for (binding: "Obama met him", "Trump wants to
    work with him": a non-reflexive object pronoun is never its clause's subject, nor the subject that controls a
    clause with none of its own).  A relative pronoun subject ("the man who met him") stands for its noun."""
    if pronoun.dep_ not in OBJECT_DEPS or pronoun.lower_.endswith(("self", "selves")):
        return None
    node = pronoun.head
    for _ in range(12):  # a short climb: the binding domain is the clause and the clauses it controls
        subjects = [c for c in node.children if c.dep_ in SUBJECT_DEPS] if node.pos_ in ("VERB", "AUX") else []
        if subjects:
            subject = subjects[0]
            if subject.lower_ in RELATIVE_PRONOUNS and node.dep_ == "relcl":
                subject = node.head
            return next((m for m in mentions if m.start_char <= subject.idx < m.end_char), None)
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in CONTROLLED_DEPS:
            return None  # a clause with no subject that nothing controls ("Asked about him, ...")
        if node.head is node:
            return None
        node = node.head
    return None


def same_party(res: Any, other: Any) -> bool:
    """Whether two resolutions are one party: the same object, or the same name."""
    return res is other or res == other or (bool(res.name) and res.name == other.name)


def fronted_clause_subject(pronoun: Token) -> Token | None:
    """The named subject of the main clause when ``pronoun`` is the subject of an adverbial clause put before it,
    at the head of the sentence: "If *she* is convicted, Jones faces ten years", "When *he* took office, Smith
    cut the budget", "Had *she* accepted the deal, Brown would be free".  News opens a sentence with such a clause
    about the person the main clause names (the pronoun points forward), so that name comes before any earlier
    one.  Only a proper noun counts, and only when the sentence names nobody before the pronoun ("Smith said
    that when he arrived, Jones had gone" is left to the usual order)."""
    if pronoun.dep_ not in SUBJECT_DEPS:
        return None
    clause = pronoun.head
    while clause.dep_ == "conj" and clause.head is not clause:
        clause = clause.head
    if clause.dep_ != "advcl" or clause.i > clause.head.i:
        return None
    main = clause.head
    subject = next((c for c in main.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or subject.pos_ != "PROPN" or subject.i < pronoun.i or subject.i < clause.i:
        return None
    if any(t.pos_ in ("PROPN", "PRON") for t in pronoun.doc[pronoun.sent.start : pronoun.i]):
        return None
    return subject


def reflexive_binder(pronoun: Token) -> Token | None:
    """The subject a reflexive object stands for: its own clause's, or that of the clause controlling one with no
    subject ("the gunman agreed to hand *himself* over", "the mayor defended *herself*").  A reflexive object is
    always bound in its clause, so when that subject is no known party ("the suspect") the pronoun is left without
    an identity rather than given a name from an earlier sentence.  None when no subject is found."""
    node = pronoun.head
    for _ in range(12):  # the same short climb as ``bound_subject``
        subjects = [c for c in node.children if c.dep_ in SUBJECT_DEPS] if node.pos_ in ("VERB", "AUX") else []
        if subjects:
            subject = subjects[0]
            if subject.lower_ in RELATIVE_PRONOUNS and node.dep_ == "relcl":
                subject = node.head
            return subject
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in CONTROLLED_DEPS:
            return None
        if node.head is node:
            return None
        node = node.head
    return None
