"""Reporting cues: the verbs and phrases that attribute speech or a claim to someone.

The lexicon is the usual attribution-verb list (PARC/PolNeAR cue lemmas that reach a content clause);
``CONTENT_PREPS`` covers verbs whose content is a prepositional object ("accused Y of ...").  The lists
were grown from the cues missed on PolNeAR dev (``python -m eventscope.evaluation.polnear --errors``).
"""

from __future__ import annotations

SPEECH_VERBS = frozenset(
    """say tell add ask reply respond answer explain note state declare announce claim argue insist
    contend maintain assert allege report write tweet post testify confirm deny admit acknowledge concede
    warn caution predict promise pledge vow threaten urge suggest propose recommend stress emphasize
    emphasise reiterate repeat recall remark observe point comment describe call accuse blame criticize
    criticise charge complain boast brag joke quip shout yell scream whisper mutter tout praise
    reveal disclose indicate estimate conclude agree disagree dispute counter rebut retort object
    believe think feel fear hope expect know learn worry doubt question wonder
    speculate signal demand order instruct advise inform assure reassure remind continue""".split()
)
# Verbs that may introduce a direct quote on their own ("Flynn said, ...") without a clause child.
QUOTE_INTRO_VERBS = SPEECH_VERBS | frozenset({"begin", "go", "put", "conclude", "end", "open", "start"})
# Indirect-only cues: evidence and stance verbs ("polls show ...", "she cited ...", "he wants to ...").
CLAIM_VERBS = frozenset(
    """show find cite mention attack support defend oppose endorse reject slam blast back want plan refuse
    decide decline intend seek aim vow hope""".split()
)
CONTENT_PREPS = {
    "accuse": ("of",),
    "blame": ("for",),
    "criticize": ("for",),
    "criticise": ("for",),
    "charge": ("with",),
    "praise": ("for",),
    "warn": ("of", "about", "against"),
    "complain": ("about",),
    "boast": ("about", "of"),
    "call": ("for", "on"),
}
# Verbs whose direct object is the content ("denied any role", "cited the polls").
DOBJ_CONTENT = frozenset(
    """deny confirm announce admit acknowledge predict promise pledge reveal report allege dispute demand
    propose cite mention attack support defend oppose endorse reject slam blast back show note question
    criticize criticise praise tout blame accuse call urge tell ask""".split()
)
# Verbs whose infinitive complement is the content ("vowed to press on", "told aides to ...").
XCOMP_CONTENT = frozenset(
    """want plan refuse decide decline intend seek aim vow hope promise pledge agree threaten urge ask
    tell call expect continue""".split()
)
