"""Scale: the pipeline over a Ray cluster (``eventscope code --engine ray``), sharded inputs and outputs."""

from eventscope.scale.engine import RayRun
from eventscope.scale.shards import read_records
from eventscope.scale.sources import count_documents, iter_sources

__all__ = ["RayRun", "count_documents", "iter_sources", "read_records"]
