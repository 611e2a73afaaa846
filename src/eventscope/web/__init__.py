"""The analyst's desk web page: static files built by ``web/build.sh`` and served by ``eventscope serve``."""
