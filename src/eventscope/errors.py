"""One exception tree with stable, searchable error codes (``[E101]``) used in messages and records."""

from __future__ import annotations


class EventscopeError(Exception):
    """Base class; ``code`` is stable across releases so users can search for it."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")


class InputError(EventscopeError):
    """A document could not be read: empty, binary, undecodable, malformed or too large."""

    code = "E100"


class EmptyInput(InputError):
    code = "E101"


class BinaryInput(InputError):
    code = "E102"


class DecodeFailure(InputError):
    code = "E103"


class MalformedRecord(InputError):
    code = "E104"


class TooLarge(InputError):
    code = "E105"


class UnsupportedFormat(InputError):
    code = "E106"


class MissingInput(InputError):
    code = "E107"


class ProcessingError(EventscopeError):
    """A stage failed on one document; the batch goes on and the record carries the message."""

    code = "E200"


class StoreError(EventscopeError):
    code = "E300"
