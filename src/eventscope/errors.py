"""One exception tree with stable, searchable error codes (``[E101]``) used in messages and records."""

from __future__ import annotations


class EventscopeError(Exception):
    """Base class; ``code`` is stable across releases so users can search for it."""

    code = "E000"

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(f"[{self.code}] {message}")

    def one_line(self) -> str:
        """What the command line prints: ``error [E301]: ...`` on one line, however the cause was worded."""
        return f"error [{self.code}]: " + " ".join(self.message.split())


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


class UnsupportedLanguage(InputError):
    """The text is confidently not English: the lexicons and the parser would code noise."""

    code = "E108"


class ProcessingError(EventscopeError):
    """A stage failed on one document; the batch goes on and the record carries the message."""

    code = "E200"


class OverBudget(ProcessingError):
    """A document took longer than its time budget (``time_budget``); the batch goes on without it."""

    code = "E201"


class StoreError(EventscopeError):
    code = "E300"


# -- running and storing (E3xx): what the command line reports, one line each ---------------------------------


class StoreUnreadable(StoreError):
    """The database file is not an eventscope database: no tables, truncated, corrupt, or another program's."""

    code = "E301"


class StoreWriteFailed(StoreError):
    """A batch could not be written (disk full, I/O error); the batch is rolled back, earlier ones are kept."""

    code = "E302"


class StoreBusy(StoreError):
    """Another process holds the database open for writing."""

    code = "E303"


class OutputError(EventscopeError):
    """The output file cannot be written: a directory, a read-only place, a missing folder, a full disk."""

    code = "E310"


class OutputNotOurs(OutputError):
    """The output exists and is not eventscope output; overwriting or appending would lose someone's data."""

    code = "E311"


class OutputIsInput(OutputError):
    """The output is one of the inputs (or inside an input folder): it would be read while being written."""

    code = "E312"


class OutputBusy(OutputError):
    """Another eventscope run is writing the same output file (it holds the lock)."""

    code = "E313"


class RecordsUnreadable(EventscopeError):
    """A JSONL file given to ``show`` is not eventscope output: malformed line, foreign object, missing field."""

    code = "E320"


class UsageError(EventscopeError):
    """Arguments that cannot work together or a value out of range."""

    code = "E330"


class Interrupted(EventscopeError):
    """The run stopped on Ctrl-C after committing its current batch; re-running resumes."""

    code = "E340"


class UnexpectedError(EventscopeError):
    """A failure nobody anticipated: one line instead of a traceback (EVENTSCOPE_DEBUG=1 shows it)."""

    code = "E399"


EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 1, 2, 130, 141


def failure_report(exc: BaseException) -> tuple[int, str | None]:
    """(exit code, the one line to print) for a failure that ends a command: the CLI's only error format.

    A closed pipe (``eventscope show | head``) is not a failure worth a line; anything unanticipated still
    gets one line with a code (``EVENTSCOPE_DEBUG=1`` makes the CLI re-raise it for the traceback)."""
    if isinstance(exc, BrokenPipeError):
        return EXIT_BROKEN_PIPE, None
    if isinstance(exc, KeyboardInterrupt) or (isinstance(exc, RuntimeError) and str(exc) == "Query interrupted"):
        # (DuckDB turns a Ctrl-C that lands inside a query into RuntimeError("Query interrupted"))
        return EXIT_INTERRUPTED, Interrupted("interrupted; re-run the same command to resume").one_line()
    if isinstance(exc, Interrupted):
        return EXIT_INTERRUPTED, exc.one_line()
    if isinstance(exc, EventscopeError):
        return EXIT_USAGE, exc.one_line()
    if isinstance(exc, FileNotFoundError):
        return EXIT_USAGE, UsageError(f"no such file: {exc.filename or exc}").one_line()
    if isinstance(exc, IsADirectoryError):
        return EXIT_USAGE, OutputError(f"{exc.filename} is a directory, a file was expected").one_line()
    if isinstance(exc, OSError):
        where = f" {exc.filename}" if exc.filename else ""
        return EXIT_FAILED, OutputError(f"cannot access{where}: {exc.strerror or exc}").one_line()
    if isinstance(exc, ValueError):
        return EXIT_USAGE, UsageError(str(exc)).one_line()
    return EXIT_FAILED, UnexpectedError(f"{type(exc).__name__}: {exc} (EVENTSCOPE_DEBUG=1 shows where)").one_line()
