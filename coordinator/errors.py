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
