"""Creating, editing and deleting one record from a detail form: desk operations with their undo steps.

Undo re-creates a deleted record under its old id, so that later steps in the history still point
at the right row.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from coordinator.desk.gui_records import change_kind
from coordinator.gui.context import AppContext
from coordinator.gui.operations import Outcome, created_id, run_op
from coordinator.i18n import _
from coordinator.services.records import RecordKind

Failure = Callable[[str], None]


def _kind_name(kind: RecordKind) -> str:
    return _(kind.singular).lower()


def create_record(context: AppContext, kind: RecordKind, values: dict[str, Any], *,
                  on_failure: Failure | None = None) -> Outcome[int]:
    """Create a record (ValidationError propagates to the form); its id is the outcome's value."""
    key, table = kind.key, change_kind(kind.key)

    def create(desk) -> int:
        return created_id(desk.create_record(key, values), table)

    return run_op(context, create, text=_("Create {kind}").format(kind=_kind_name(kind)),
                  undo=lambda desk, record_id: desk.delete_record(key, record_id),
                  redo=lambda desk, record_id: desk.create_record(key, values, record_id=record_id),
                  on_failure=on_failure)


def update_record(context: AppContext, kind: RecordKind, record_id: int, values: dict[str, Any], *,
                  on_failure: Failure | None = None, version: int | None = None) -> Outcome[Any]:
    """Save a form; with the `version` the form was read at, refused (EditConflict) if someone saved since."""
    key = kind.key
    desk = context.desk
    old = desk.record(key, record_id).values if desk is not None else {}
    return run_op(context, lambda desk: desk.update_record(key, record_id, values, version=version),
                  text=_("Edit {kind}").format(kind=_kind_name(kind)),
                  undo=lambda desk, _result: desk.update_record(key, record_id, old),
                  # the person's own steps replayed: the version the form was read at is long past by then
                  redo=lambda desk, _result: desk.update_record(key, record_id, values), on_failure=on_failure)


def delete_record(context: AppContext, kind: RecordKind, record_id: int, *,
                  on_failure: Failure | None = None) -> Outcome[Any]:
    key = kind.key
    desk = context.desk
    old = desk.record(key, record_id).values if desk is not None else {}
    return run_op(context, lambda desk: desk.delete_record(key, record_id),
                  text=_("Delete {kind}").format(kind=_kind_name(kind)),
                  undo=lambda desk, _result: desk.create_record(key, old, record_id=record_id),
                  on_failure=on_failure)
