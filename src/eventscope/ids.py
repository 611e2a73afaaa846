"""Ids from content, never from row numbers or run order (sqlite-utils' ``hash_id``): re-runs agree."""

from __future__ import annotations

import hashlib


def content_id(text: str, prefix: str = "") -> str:
    """A stable 16-hex-digit id of ``text`` within a namespace (``doc``, ``event``, ``error``)."""
    digest = hashlib.sha1(f"{prefix}\x1f{text}".encode()).hexdigest()
    return digest[:16]
