"""Events: PLOVER coding (types, modes, contexts, CAMEO), modality, attribution and merging."""

from eventscope.events.coder import CodedEvent, EventCoder
from eventscope.events.lexicon import Lexicon, load_lexicon
from eventscope.events.merge import event_id_for, merge_events, merge_key

__all__ = ["CodedEvent", "EventCoder", "Lexicon", "event_id_for", "load_lexicon", "merge_events", "merge_key"]
