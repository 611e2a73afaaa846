"""Evaluation: every stage scored against gold data (``eventscope eval``)."""
