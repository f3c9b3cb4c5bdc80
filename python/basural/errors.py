"""The exceptions of the basural module: the library's errors, with the same messages as the
command line (docs/errors.md)."""


class Error(Exception):
    """Root of every error basural raises."""


class UsageError(Error, ValueError):
    """Something was asked that cannot be done as asked: a bad option or combination of options.
    The command line exits with code 2 for these."""


class InputError(Error):
    """Bad input data. ``file``, ``record`` (1-based, None when not about one record), ``field``,
    ``value`` and ``reason`` say where and what; the message says it all in one line."""

    def __init__(self, message, file="", record=None, field="", value="", reason=""):
        super().__init__(message)
        self.file = file
        self.record = record
        self.field = field
        self.value = value
        self.reason = reason


class BackendError(Error):
    """A GDAL, GEOS or PROJ call failed; the message carries that library's own message."""


class NoResultError(Error):
    """The analysis has nothing to report: no receiving dump, every tonnage unknown... The message
    says why and how to mend it, as the command line's "no result:", "no estimate:" or "no ranking:"
    line; the command exits with code 1 there. Never an empty table that reads as "nothing to do"."""


class DataWarning(UserWarning):
    """What the command line prints as "note:" or "warning:": about an inventory (an encoding
    assumed, a header row recognised, a field that drives results mostly unknown) and about the
    results of an analysis that rest on unknowns (tonnages that stay unknown, implausible estimates)."""
