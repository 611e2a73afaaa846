"""Negation, modality (asserted / future / hypothetical) and attribution read off the parse."""

from __future__ import annotations

from spacy.tokens import Token

FUTURE_AUX = {"will", "shall", "'ll", "wo"}
HYPOTHETICAL_AUX = {"could", "might", "may", "would", "should", "can", "ca", "must"}
CONDITIONAL_MARKS = {"if", "unless", "whether"}
INTENT_HEADS = {
    "plan", "intend", "pledge", "promise", "vow", "threaten", "expect", "prepare", "agree", "offer",
    "aim", "seek", "hope", "want", "decide", "propose", "consider", "ready", "set", "schedule",
}
"""Heads whose complement has not happened yet ("pledged to help", "plans to deploy")."""
HYPOTHETICAL_HEADS = {"consider", "propose", "suggest", "could", "ask", "urge", "demand", "call"}
DENIAL_HEADS = {"deny", "refuse", "fail", "reject", "decline", "dismiss"}
"""Heads that negate their complement ("denied sending weapons")."""
REPORTING_VERBS = {
    "say", "tell", "claim", "report", "state", "add", "announce", "allege", "assert", "insist",
    "explain", "note", "write", "accord", "confirm", "argue", "believe", "suggest", "indicate",
    "acknowledge", "maintain", "warn",
}


def is_negated(trigger: Token) -> bool:
    """A ``neg`` child ("did not attack", "no attack"), or a denial head over the trigger."""
    if any(child.dep_ == "neg" or child.lower_ in ("no", "never") and child.dep_ == "det"
           for child in trigger.children):
        return True
    head = trigger.head
    # only a complement that follows the denial ("denied sending"), not a fronted clause ("X accused Y, a
    # charge Z denied", where the accusation itself happened)
    if trigger.dep_ in ("xcomp", "ccomp", "pcomp", "pobj") and head is not trigger and trigger.i > head.i:
        if head.lemma_.lower() in DENIAL_HEADS:
            return True
        if head.dep_ == "prep" and head.head.lemma_.lower() in DENIAL_HEADS:
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
    while clause.dep_ in ("xcomp", "conj", "ccomp") and clause.head is not clause:
        head = clause.head
        lemma = head.lemma_.lower()
        if clause.dep_ == "xcomp" and lemma in INTENT_HEADS:
            return "future"
        if clause.dep_ == "ccomp" and any(
            c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in clause.children
        ):
            return "hypothetical"
        clause = head
    if clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in clause.children):
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
