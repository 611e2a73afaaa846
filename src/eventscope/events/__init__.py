"""Events: PLOVER coding (types, modes, contexts, CAMEO), modality, attribution and merging."""

from eventscope.events.coder import CodedEvent, EventCoder
from eventscope.events.lexicon import Lexicon, load_lexicon
from eventscope.events.merge import happening_id, merge_events

__all__ = ["CodedEvent", "EventCoder", "Lexicon", "happening_id", "load_lexicon", "merge_events"]
