"""What the desktop app's record panels need beyond the desk's record operations (desk/records_ops).

The kind a record kind's changes are announced under, and what a kind's second filter offers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from coordinator.changes import Kind
from coordinator.desk.core import DeskCore

if TYPE_CHECKING:
    from coordinator.services.records import RecordKind


def kind(kind_key: str) -> RecordKind:
    """The record kind of a key, its registry imported when first used (not while the app starts)."""
    from coordinator.services.records import KINDS

    return KINDS[kind_key]


def change_kind(kind_key: str) -> Kind:
    """The kind a record kind's writes are announced under (its table: the current classes are classes)."""
    found = Kind.of_table(kind(kind_key).model.__tablename__)
    if found is None:
        raise KeyError(kind_key)
    return found


class GuiRecords(DeskCore):
    """Record kinds are named by their key ("organisations", "pupils", …)."""

    def choice_filter_options(self, kind_key: str) -> list[tuple[Any, str]]:
        """What a kind's second filter (status, school, …) offers: (value, label)."""
        spec = kind(kind_key).choice_filter
        return [] if spec is None else self._read(lambda s: list(spec[2](s)))

