"""Store: the embedded DuckDB database (documents, events, mentions) and exports."""

from eventscope.store.database import DEFAULT_DB_PATH, EventStore, open_store
from eventscope.store.export import EXPORT_FORMATS, export

__all__ = ["DEFAULT_DB_PATH", "EXPORT_FORMATS", "EventStore", "export", "open_store"]
