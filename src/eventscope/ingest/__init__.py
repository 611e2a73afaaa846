"""Ingest: turn files, folders, globs and stdin into ``SourceDocument`` records."""

from eventscope.ingest.readers import SourceDocument, read_inputs

__all__ = ["SourceDocument", "read_inputs"]
