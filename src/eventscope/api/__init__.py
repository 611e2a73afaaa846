"""HTTP API of the analyst's desk (FastAPI): ``eventscope serve``."""

from eventscope.api.app import ServerConfig, create_app

__all__ = ["ServerConfig", "create_app"]
