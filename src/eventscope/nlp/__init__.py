"""NLP: spaCy parsing (sentences, tokens, entities) plus date resolution."""

from eventscope.nlp.dates import DateResolver, ResolvedDate
from eventscope.nlp.parser import MODEL_NAME, load_nlp

__all__ = ["MODEL_NAME", "DateResolver", "ResolvedDate", "load_nlp"]
