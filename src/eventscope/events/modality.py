"""Negation, modality (asserted / future / hypothetical) and attribution read off the parse."""

from __future__ import annotations

from spacy.tokens import Token

from eventscope.vocabulary import words

FUTURE_AUX = words("future_auxiliaries")
HYPOTHETICAL_AUX = words("hypothetical_auxiliaries")
CONDITIONAL_MARKS = words("conditional_marks")
INTENT_HEADS = words("intent_heads")
"""Heads whose complement has not happened yet ("pledged to help", "plans to deploy")."""
HYPOTHETICAL_HEADS = words("hypothetical_heads")
DENIAL_HEADS = words("negating_heads")
"""Heads that negate their complement ("denied sending weapons")."""
CHOICE_VERBS = words("choice_verbs")
"""Verbs whose "against" + gerund is a deed not done ("decided against filing charges")."""
REPORTING_VERBS = words("reporting_verbs")
PLAN_NOUNS = words("plan_nouns")
"""Nouns whose infinitive has not happened ("plans to visit", "efforts to get X to")."""
PROSPECTIVE_MODIFIERS = words("prospective_modifiers")
NEGATING_NOUNS = words("negating_nouns")
AVOIDANCE_PHRASES = frozenset(tuple(phrase.split()) for phrase in words("avoidance_phrases"))
"""(verb, particle) pairs that keep the subject from the deed after them ("stopped short of", "held off on")."""
CANCELLING_VERBS = words("cancelling_verbs")
PLAN_VERBS = words("plan_verbs")
"""Verbs whose object or infinitive is planned, not done ("scheduled a meeting", "is preparing to visit")."""
REQUEST_NOUNS = words("request_nouns")
CLAIM_NOUNS = words("claim_nouns")
"""Nouns whose clause is alleged, not asserted by the report ("accusations that X harassed Y")."""
"""Nouns whose infinitive is asked for ("a call for X to accept refugees")."""
"""(Word classes from ``data/vocabulary.json``.)"""
MEANS_VERBS = words("means_verbs")
"""Verbs of using a means, whose purpose infinitive is what was done ("used batons to disperse the crowd")."""


def is_negated(trigger: Token) -> bool:
    """A ``neg`` child ("did not attack", "no attack"), a passive subject that denies any ("*no one* was hurt",
    "*no security personnel* were injured"), or a denial head over the trigger."""
    if any(
        child.dep_ == "neg" or child.lower_ in ("no", "never") and child.dep_ == "det" for child in trigger.children
    ):
        return True
    if _denied_auxiliary(trigger):
        return True
    if any(
        child.dep_ == "nsubjpass"
        and (child.lower_ in ("nobody", "none") or any(g.lower_ == "no" and g.dep_ == "det" for g in child.children))
        for child in trigger.children
    ):
        return True
    if _denied_complement(trigger):
        return True
    if _avoided(trigger) or _denied_by_subject(trigger) or _negated_conjunct(trigger):
        return True
    # a deed noun is done by the verb that takes it: "failed to attend *the meeting*", "declined to join *talks*"
    if (
        trigger.dep_ == "dobj"
        and trigger.pos_ == "NOUN"
        and (trigger.head.pos_ == "VERB" or trigger.head.dep_ == "pcomp")
    ):
        if _denied_complement(trigger.head) and not _named_doer(trigger):
            return True
    return embedded_negation(trigger)


def _denied_auxiliary(verb: Token) -> bool:
    """ "Seoul does not, and never will, accept X": the negation sits on the auxiliaries, the first of them the
    head of a conjunction whose second member is the verb ("never will" / "does not")."""
    if any(c.dep_ == "aux" and any(g.dep_ == "neg" for g in c.children) for c in verb.children):
        return True
    head = verb.head
    return (
        verb.dep_ == "conj"
        and head is not verb
        and head.lemma_.lower() == "do"
        and not any(c.dep_ in ("dobj", "xcomp", "ccomp") for c in head.children)
        and any(c.dep_ == "neg" for c in head.children)
    )


def _named_doer(noun: Token) -> bool:
    """Whether a deed noun names a doer of its own ("Israel's attacks", "the Russian strikes"): the verb over it
    only talks about that deed ("refused to condemn Israel's attacks"), and the verb's negation is not the deed's.
    A pronoun owner is the subject's own deed ("declined to join their talks"), and an organisation before a meeting
    noun its host ("failed to attend the OAS meeting")."""
    return any(
        (child.dep_ == "poss" and child.pos_ != "PRON")
        or (child.dep_ in ("amod", "compound") and child.ent_type_ == "NORP")
        for child in noun.children
    )


def _denied_complement(clause: Token) -> bool:
    """Whether ``clause`` is the complement of a denial head ("refused *to sign*", "balked at *meeting*", "decided
    against *filing*"): only a complement that follows the denial ("denied sending"), not a fronted clause ("X
    accused Y, a charge Z denied", where the accusation itself happened)."""
    head = clause.head
    complement = clause.dep_ in ("xcomp", "ccomp", "pcomp", "pobj") or clause.dep_ == "advcl" and _infinitive(clause)
    if not complement or head is clause or clause.i < head.i:
        return False
    if clause.dep_ == "pcomp" and head.lower_ == "against" and head.head.lemma_.lower() in CHOICE_VERBS:
        return True  # "decided against filing charges", "voted against imposing sanctions": the deed is not done
    return head.lemma_.lower() in DENIAL_HEADS or (head.dep_ == "prep" and head.head.lemma_.lower() in DENIAL_HEADS)


AVOIDANCE_PREPOSITIONS = frozenset({"of", "from", "on"})
DENYING_SUBJECTS = frozenset({"nobody", "none", "neither", "noone"})


def _avoidance_verb(verb: Token) -> bool:
    """Whether ``verb`` and one of its particles form an avoidance phrase ("stopped *short*", "shied *away*")."""
    lemma = verb.lemma_.lower()
    return any(
        child.dep_ in ("prt", "advmod", "acomp") and (lemma, child.lower_) in AVOIDANCE_PHRASES
        for child in verb.children
    )


def _avoided(trigger: Token) -> bool:
    """A deed the subject keeps from, told by a verb and its particle: "the council *stopped short of* imposing
    sanctions", "the senator *shied away from* endorsing the plan", "Washington *held off on* sending troops",
    "the premier *steered clear of* blaming the army", "held off sending troops" (a bare gerund).  The
    preposition hangs on the verb or on the particle; the deed is what follows it (a gerund or a deed noun).
    One-word avoidance verbs ("refrained from", "avoided") are ``negating_heads``."""
    head = trigger.head
    if head is trigger or trigger.i < head.i:
        return False
    if trigger.dep_ in ("pcomp", "pobj") and head.dep_ == "prep" and head.lower_ in AVOIDANCE_PREPOSITIONS:
        holder = head.head
        if holder.dep_ in ("advmod", "prt", "acomp") and holder.head is not holder:
            holder = holder.head
        return holder.pos_ in ("VERB", "AUX") and _avoidance_verb(holder)
    if trigger.dep_ in ("advcl", "xcomp") and trigger.tag_ == "VBG":
        # the gerund right after the particle: "held off sending troops", not a participle set off by a comma
        # ("steered away from the issue, declining to comment": the declining happened)
        return _avoidance_verb(head) and any(
            c.dep_ in ("prt", "advmod") and c.i == trigger.i - 1 for c in head.children
        )
    return False


def _denied_by_subject(trigger: Token) -> bool:
    """A subject that denies any doer: "*Neither* Paris *nor* Berlin condemned the coup", "*neither* side has
    attacked", "*no one* has claimed the bombing", "*none* of the parties signed" (the passive "no one was hurt"
    is read in ``is_negated``)."""
    for child in trigger.children:
        if child.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if child.lower_ in DENYING_SUBJECTS:
            return True
        if any(g.dep_ in ("det", "preconj") and g.lower_ in ("neither", "no") for g in child.children):
            return True
    return False


def _negated_conjunct(trigger: Token) -> bool:
    """A deed negated with the verb it is joined to: "*neither* met the rebels *nor* spoke to them" (both),
    "did not sign *or* ratify the treaty", "refused to meet *or* call the envoy" (the second verb shares the
    first one's negation when joined by "or"/"nor" and has no subject or auxiliary of its own).  "And"/"but" do
    not carry it: "did not attack the town but shelled its outskirts" tells a shelling."""
    if any(c.dep_ == "preconj" and c.lower_ == "neither" for c in trigger.children):
        return True
    head = trigger.head
    if trigger.dep_ != "conj" or head is trigger or head.i > trigger.i:
        return False
    joins = [c.lower_ for c in head.children if c.dep_ == "cc" and head.i < c.i < trigger.i]
    if not joins:
        return False
    if joins[-1] == "nor":
        return True
    if joins[-1] != "or" or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in trigger.children):
        return False
    if head.pos_ not in ("VERB", "AUX") or trigger.pos_ not in ("VERB", "AUX"):
        return False
    return is_negated(head)


def _denial_verb_read_as_noun(head: Token) -> bool:
    """A denial verb in the present tense that the parser read as a plural noun, as it does in headlines and
    short leads ("Mayor *avoids* criticising the police", "Minister *refuses* to sign the deal": "avoids" taken
    for the object of "Mayor").  Only the bare "-s" form with no determiner of its own: a noun "the declines"
    has one."""
    word = head.lower_
    if not word.endswith("s") or head.tag_ != "NNS" or any(c.dep_ in ("det", "poss", "amod") for c in head.children):
        return False
    return word[:-1] in DENIAL_HEADS or (word.endswith("es") and word[:-2] in DENIAL_HEADS)


def embedded_negation(trigger: Token) -> bool:
    """Deeds negated by what embeds them: "without consulting", "without an agreement", "failure to prevent",
    "cancelled plans to visit", "balked at meeting" (the last through ``negating_heads``)."""
    head = trigger.head
    if head is trigger:
        return False
    if trigger.dep_ == "pcomp" and head.lower_ == "without":
        return True
    if trigger.dep_ == "pobj" and trigger.pos_ == "NOUN" and head.lower_ == "without":
        # a deed noun after "without" did not happen, as a gerund there does not: "the talks ended *without an
        # agreement*", "left *without a meeting* with the minister", "the march passed off *without clashes*"
        return True
    if trigger.dep_ in ("acl", "relcl") and trigger.i > head.i and head.pos_ == "NOUN":
        if head.lemma_.lower() in NEGATING_NOUNS:
            return True
        if _denial_verb_read_as_noun(head) and (trigger.tag_ == "VBG" or _infinitive(trigger)):
            return True
        if (
            head.lemma_.lower() in PLAN_NOUNS
            and head.dep_ in ("dobj", "nsubjpass")
            and head.head.lemma_.lower() in CANCELLING_VERBS
        ):
            return True
    return False


def modality_of(trigger: Token) -> str:
    """``future`` for will/pledge-to, ``hypothetical`` for could/if, else ``asserted``."""
    clause = trigger
    # the trigger's own auxiliaries, and those of the verb it is conjoined to
    for verb in (trigger, trigger.head if trigger.dep_ == "conj" else None):
        if verb is None:
            continue
        for child in verb.children:
            word = child.lower_
            if child.dep_ in ("aux", "auxpass"):
                if word in FUTURE_AUX:
                    return "future"
                if word in HYPOTHETICAL_AUX:
                    return "hypothetical"
            if child.dep_ == "mark" and word in CONDITIONAL_MARKS:
                return "hypothetical"
    if any(t.lower_ == "going" for t in trigger.children if t.dep_ == "aux"):
        return "future"
    if misparsed_main_verb(trigger):
        return "asserted"  # the sentence's main verb, whatever noun the parser hung it under
    while clause.dep_ in ("xcomp", "conj", "ccomp") and clause.head is not clause:
        head = clause.head
        lemma = head.lemma_.lower()
        if clause.dep_ == "xcomp" and lemma in INTENT_HEADS:
            return "future"
        if clause.dep_ == "xcomp" and lemma == "be" and _infinitive(clause):
            return "future"  # "the ministers are to sign a pact", "he was to meet the rebels": an arrangement
        if clause.dep_ in ("xcomp", "ccomp") and lemma in HYPOTHETICAL_HEADS and not _past_necessity(head):
            return "hypothetical"
        if clause.dep_ == "ccomp" and any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in clause.children):
            return "hypothetical"
        if clause.dep_ == "xcomp" or (clause.dep_ == "ccomp" and (_infinitive(clause) or _gerund_complement(clause))):
            # the mood of the verb that governs the infinitive: "legislation that *would* allow families to sue",
            # "the bill *will* force the banks to pay", "the office *would* have meant agencies sharing records"
            moods = {c.lower_ for c in head.children if c.dep_ == "aux"}
            if moods & HYPOTHETICAL_AUX:
                return "hypothetical"
            if moods & FUTURE_AUX:
                return "future"
        clause = head
    if clause.dep_ == "advcl" and (
        any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in clause.children)
        or _in_the_event(clause)
        or _time_still_to_come(clause)
    ):
        return "hypothetical"
    found = embedded_modality(trigger, clause)
    if found == "asserted":
        found = governing_modality(trigger)
    if found == "asserted" and _purpose(clause):
        return "future"  # a purpose: "met the students to discuss the plan", "sent troops to retake the town"
    if found == "asserted" and _infinitival_relative(clause):
        return "hypothetical"  # "lessons to offer", "ways to attack the plan"
    return found


def _in_the_event(clause: Token) -> bool:
    """ "In the event she was injured, ...", "in case the talks fail": a condition told with a noun, not "if"."""
    return any(
        p.dep_ == "prep"
        and p.lower_ == "in"
        and p.i < clause.i
        and any(
            o.dep_ == "pobj" and o.lemma_.lower() in ("event", "case") and not any(d.dep_ == "amod" for d in o.children)
            for o in p.children
        )
        for p in clause.children
    )


TIME_MARKS = frozenset({"until", "till", "before", "after", "once", "when", "whenever"})
"""Subordinators of a time clause; in the present tense the clause tells a time still to come or any time."""


def _gerund_complement(clause: Token) -> bool:
    """ "would have meant agencies *sharing* records", "will mean troops *patrolling* the border": a gerund
    with no auxiliary of its own is the complement of its verb, not a report (a report is a finite clause), so it
    takes that verb's mood."""
    return clause.tag_ == "VBG" and not any(c.dep_ in ("aux", "auxpass", "mark") for c in clause.children)


UNTIL_MARKS = frozenset({"until", "till", "before", "once"})
"""Time subordinators whose clause tells a time not yet reached when the main clause is still to come."""
BOUND_AUX = FUTURE_AUX | frozenset({"should", "would", "must"})
"""Auxiliaries of a main clause still to come or required; not "can"/"could"/"may", often a past ability."""


def _backshifted_time(clause: Token) -> bool:
    """ "Mexico should limit cooperation until the Guard *was withdrawn*", "he said he would stay until the troops
    *were withdrawn*", "vowed they would not leave before the prisoners *were freed*": in reported speech the time
    clause takes the past tense, but under a main clause that should, would or will happen it tells a condition still
    to come, no deed done."""
    if not any(c.dep_ == "mark" and c.lower_ in UNTIL_MARKS for c in clause.children):
        return False
    head = clause.head
    return head is not clause and any(c.dep_ == "aux" and c.lower_ in BOUND_AUX for c in head.children)


def _time_still_to_come(clause: Token) -> bool:
    """ "The protests will go on until the troops *are withdrawn*", "before we *strike* back", "once the talks
    *resume*": a time clause in the present tense sets a condition or a time still to come, no deed done (in the
    past tense it tells one: "held the men until officers *arrived*").  The first sentence keeps its present: a
    headline tells past news in the present ("Police arrest man after he attacks officer")."""
    if not any(c.dep_ == "mark" and c.lower_ in TIME_MARKS for c in clause.children):
        return False
    if _backshifted_time(clause):
        return True
    if clause.sent.start == 0:
        return False
    auxiliaries = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    if auxiliaries:
        return auxiliaries[0].tag_ in ("VBP", "VBZ")
    return clause.tag_ in ("VBP", "VBZ")


PRESENT_PASSIVE = frozenset({"is", "are", "am", "'s", "'re"})


def _present_passive(verb: Token) -> bool:
    """A passive in the present ("is expected", "are scheduled"): what it plans is still to come; a past one ("the
    attack was planned by the cell") may tell a deed that happened."""
    return any(c.dep_ == "auxpass" and c.lower_ in PRESENT_PASSIVE for c in verb.children)


def _past_necessity(head: Token) -> bool:
    """ "police had to intervene": a necessity told in the past tense was met, so the deed is told as done (unlike
    "they have to travel", "would have to pay")."""
    return head.lemma_.lower() == "have" and head.tag_ == "VBD" and not any(c.dep_ == "aux" for c in head.children)


_UPWARD = frozenset({"xcomp", "conj", "pcomp", "pobj", "prep", "dobj", "nsubjpass", "advcl", "acl"})
"""Edges through which a deed inherits the mood of what governs it; not ccomp (a report: "he said X attacked")
nor relcl (a description of a participant)."""


def _infinitive(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


ABILITY_ADJECTIVES = frozenset({"capable", "incapable"})
RESULTATIVE_MODIFIERS = frozenset({"first", "last", "only", "next", "second", "third"})
"""Modifiers of a noun whose infinitive tells a real deed: "the first leader to visit Pyongyang"."""


def _purpose(clause: Token) -> bool:
    """An infinitive of purpose: intended, not told as done; except after a means of force ("fired tear gas to
    disperse them": the dispersal is what the firing did)."""
    head = clause.head
    return (
        clause.dep_ == "advcl" and head is not clause and _infinitive(clause) and head.lemma_.lower() not in MEANS_VERBS
    )


def _infinitival_relative(clause: Token) -> bool:
    """An infinitive that modifies a noun ("ways to attack", "lessons to offer"): a possibility, not a deed,
    unless the noun is ranked ("the first leader to visit", "the largest force to enter")."""
    head = clause.head
    if clause.dep_ not in ("relcl", "acl") or head is clause or head.pos_ not in ("NOUN", "PRON") or clause.i < head.i:
        return False
    if not _infinitive(clause) or head.lemma_.lower() in PLAN_NOUNS | REQUEST_NOUNS | NEGATING_NOUNS:
        return False
    return not any(
        c.dep_ in ("amod", "advmod") and (c.lower_ in RESULTATIVE_MODIFIERS or c.tag_ == "JJS") for c in head.children
    )


PLANNED_PREPOSITIONS = frozenset({"for", "of", "toward", "towards"})
"""Prepositions by which a plan noun names what it plans ("plans *for* talks", "hopes *of* a truce")."""


def governing_modality(trigger: Token) -> str:
    """The mood a deed takes from the clause that governs it, several steps up: "he would fly to the capital to
    meet the president" (a purpose infinitive under "would"), "a pact for cooperation would be signed" (an event
    noun in the subject of "would"), "has scheduled a meeting" and "looks forward to working" (plans), "did not
    require the officials to cooperate" (a deed under a negated verb), "a call for Canada to accept refugees" (an
    infinitive of a request noun), "accusations that a deputy bribed voters" (the content of a claim), "in the
    event the talks fail".  Conditional and purpose clauses (advcl) pass the mood only as
    infinitives; reports (ccomp) and relative clauses stop the walk."""
    node = trigger
    for _ in range(8):
        head = node.head
        if head is not node and head.pos_ == "NOUN" and node.dep_ in ("acl", "relcl", "ccomp", "appos"):
            lemma = head.lemma_.lower()
            if lemma in CLAIM_NOUNS:
                return "hypothetical"  # "accusations that a deputy had bribed voters"
            if lemma in ("event", "case") and head.head.lower_ == "in":
                return "hypothetical"  # "in the event the talks fail", "in case the army attacks"
        if node.dep_ == "pcomp" and head.lower_ == "of" and head.head.lemma_.lower() in ABILITY_ADJECTIVES:
            return "hypothetical"  # "capable of delivering warheads": an ability, no deed
        if head is node or node.dep_ not in _UPWARD:
            return "asserted"
        if node.dep_ in ("advcl", "acl") and not _infinitive(node):
            return "asserted"
        lemma = head.lemma_.lower()
        if head.pos_ in ("VERB", "AUX"):
            for child in head.children:
                if child.dep_ in ("aux", "auxpass"):
                    if child.lower_ in FUTURE_AUX:
                        return "future"
                    if child.lower_ in HYPOTHETICAL_AUX:
                        return "hypothetical"
            if node.dep_ in ("xcomp", "dobj", "advcl", "pcomp") and any(c.dep_ == "neg" for c in head.children):
                return "hypothetical"  # "did not require X to cooperate", "never managed to meet"
            if node.dep_ in ("xcomp", "dobj", "advcl") and lemma in PLAN_VERBS:
                return "future"  # "scheduled a meeting", "plans to visit", "promised a veto"
            if node.dep_ == "nsubjpass" and lemma in PLAN_VERBS and _present_passive(head):
                return "future"  # "the veto is expected to come Friday", "talks are scheduled for May"
            if node.dep_ == "xcomp" and lemma in INTENT_HEADS and node is not trigger:
                return "future"  # "agreed to join *the talks*", "vowed to attend *the summit*"
            if lemma == "look" and any(c.lower_ == "forward" for c in head.children):
                return "future"
        if (
            (head.pos_ == "ADJ" or head.dep_ == "acomp")
            and lemma in INTENT_HEADS
            and (node.dep_ == "xcomp" or (node.dep_ == "prep" and node.lower_ == "to"))
        ):
            return "future"  # "is eager to sign", "remain committed to welcoming": a stance, not the deed
        if head.pos_ == "NOUN" and node.dep_ in ("acl", "advcl") and lemma in PLAN_NOUNS | REQUEST_NOUNS:
            return "hypothetical" if lemma in REQUEST_NOUNS else "future"
        elif head.pos_ == "NOUN" and node.dep_ == "prep" and node.lower_ in PLANNED_PREPOSITIONS:
            if lemma in PLAN_NOUNS:
                return "future"  # "plans for security cooperation", "a bid for talks", "hopes of a ceasefire"
        node = head
    return "asserted"


def embedded_modality(trigger: Token, clause: Token) -> str:
    """Plans and prospects that hold the trigger: "plans to visit" / "efforts to get X to support" (the clause is an
    infinitive of a plan noun), "future talks", "a planned visit", "any negotiations" (the noun trigger's own
    modifiers).  ``clause`` is the top of the trigger's xcomp/ccomp/conj chain."""
    if clause.dep_ == "acl" and clause.head.pos_ == "NOUN" and clause.head.lemma_.lower() in PLAN_NOUNS:
        return "hypothetical" if clause.head.lemma_.lower() in ("hope", "wish", "desire", "option") else "future"
    if trigger.pos_ == "NOUN":
        for child in trigger.children:
            if child.dep_ in ("amod", "compound") and child.lower_ in PROSPECTIVE_MODIFIERS:
                return "future"
            if child.dep_ == "det" and child.lower_ == "any":
                return "hypothetical"
    return "asserted"


def reporting_head(trigger: Token) -> Token | None:
    """The reporting verb whose complement holds the trigger ("Bergner *said* Iran supports ...")."""
    node = trigger
    steps = 0
    while node.head is not node and steps < 6:
        head = node.head
        if node.dep_ in ("ccomp", "parataxis") and head.lemma_.lower() in REPORTING_VERBS:
            return head
        if node.dep_ == "pobj" and head.lower_ == "to" and head.head.lemma_.lower() == "accord":
            return head.head
        node = head
        steps += 1
    return None


def misparsed_main_verb(verb: Token) -> bool:
    """A verb with its own direct object that the parser hung as a modifier ("acl") under a sentence whose root is
    a noun ("Police in a drive *arrested* 34 men": root "Police", "arrested" under "drive"): a reduced relative
    ("men arrested by police") never has a direct object, so the verb is the sentence's main verb."""
    root = verb.sent.root
    return (
        verb.dep_ == "acl"
        and verb.tag_ in ("VBD", "VBN")
        and any(c.dep_ == "dobj" for c in verb.children)
        and root.pos_ in ("NOUN", "PROPN")
        and root.i < verb.i
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )
