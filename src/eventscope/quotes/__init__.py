"""Quotes stage: direct quotes and attributed claims with speaker and cue.

Public surface: ``extract_quotes(doc, skip_ranges=None) -> list[Quote]`` and
``speaker_head_span(doc, quote) -> Span | None`` (the fullest speaker mention, for the actor resolver).
"""

from eventscope.quotes.extract import Attribution, extract_quotes, find_attributions, speaker_head_span

__all__ = ["Attribution", "extract_quotes", "find_attributions", "speaker_head_span"]
