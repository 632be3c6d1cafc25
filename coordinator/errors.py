"""Errors a person can act on: refused input or state, with a translated message and no traceback."""

from __future__ import annotations


class UserError(Exception):
    """A refused input or state. `str(error)` is one translated line, ready for a person."""


class NotFoundError(UserError):
    """The record, file or name asked for does not exist."""


class ValidationError(UserError):
    """One or more fields are wrong. `problems` maps a field name to its translated message."""

    def __init__(self, problems: dict[str, str]):
        self.problems = dict(problems)
        super().__init__("; ".join(self.problems.values()))


class EditConflict(UserError):
    """Someone else saved the record after it was read here: this save was refused, nothing overwritten.

    `theirs` is the version now stored (a number, or None when only the database noticed), `yours` the
    one the edit started from; the person reloads, sees the other's changes and decides.
    """

    def __init__(self, message: str, *, theirs: int | None = None, yours: int | None = None):
        self.theirs, self.yours = theirs, yours
        super().__init__(message)


def edit_conflict(*, theirs: int | None = None, yours: int | None = None) -> EditConflict:
    """The refusal of a save that came second: translated, naming both versions when they are known."""
    from coordinator.i18n import _

    if theirs is not None and yours is not None:
        message = _("Someone else saved this record while you were editing it (their version {theirs}, yours "
                    "{yours}); your changes were not saved. Reload it to see theirs, then decide what to keep.") \
            .format(theirs=theirs, yours=yours)
    else:
        message = _("Someone else saved this record at the same moment; your changes were not saved. Reload it "
                    "to see theirs, then decide what to keep.")
    return EditConflict(message, theirs=theirs, yours=yours)
