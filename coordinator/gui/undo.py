"""Undo and redo of record changes: QUndoCommands that call the record services.

A command is pushed after its first run has succeeded (so a refused change never enters the
stack); undo and redo then replay the service calls, and announce the ChangeSet like any change.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand

from coordinator.errors import UserError
from coordinator.gui.context import AppContext
from coordinator.i18n import _
from coordinator.services.changes import ChangeSet
from coordinator.services.records import RecordKind


class _RecordCommand(QUndoCommand):
    def __init__(self, context: AppContext, kind: RecordKind, text: str):
        super().__init__(text)
        self.context = context
        self.kind = kind
        self._first = True
        self.failed: str | None = None

    def _run(self, fn) -> Any:
        try:
            with self.context.store.session() as session:
                changes, result = fn(session)
        except UserError as exc:  # the record changed under us; tell the person, keep the stack
            self.failed = str(exc)
            self.setObsolete(True)
            self.context.status_message.emit(str(exc))
            return None
        self.context.announce(changes)
        return result

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._redo()

    def _redo(self) -> None:
        raise NotImplementedError


class CreateRecordCommand(_RecordCommand):
    def __init__(self, context, kind, record_id: int, values: dict[str, Any]):
        super().__init__(context, kind, _("Create {kind}").format(kind=_(kind.singular).lower()))
        self.record_id, self.values = record_id, values

    def _redo(self) -> None:
        def create(session):
            changes = self.kind.create(session, self.values, record_id=self.record_id)
            return changes, next(iter(changes.created[self.kind.model.__tablename__]))
        self.record_id = self._run(create) or self.record_id

    def undo(self) -> None:
        self._run(lambda session: (self.kind.delete(session, self.record_id), None))


class UpdateRecordCommand(_RecordCommand):
    def __init__(self, context, kind, record_id: int, old: dict[str, Any], new: dict[str, Any]):
        super().__init__(context, kind, _("Edit {kind}").format(kind=_(kind.singular).lower()))
        self.record_id, self.old, self.new = record_id, old, new

    def _redo(self) -> None:
        self._run(lambda session: (self.kind.update(session, self.record_id, self.new), None))

    def undo(self) -> None:
        self._run(lambda session: (self.kind.update(session, self.record_id, self.old), None))


class DeleteRecordCommand(_RecordCommand):
    def __init__(self, context, kind, record_id: int, values: dict[str, Any]):
        super().__init__(context, kind, _("Delete {kind}").format(kind=_(kind.singular).lower()))
        self.record_id, self.values = record_id, values

    def _redo(self) -> None:
        self._run(lambda session: (self.kind.delete(session, self.record_id), None))

    def undo(self) -> None:
        def create(session):
            changes = self.kind.create(session, self.values, record_id=self.record_id)
            return changes, next(iter(changes.created[self.kind.model.__tablename__]))
        self.record_id = self._run(create) or self.record_id


def create_record(context: AppContext, kind: RecordKind, values: dict[str, Any]) -> int:
    """Create through the service (ValidationError/UserError propagate) and push the undo command."""
    with context.store.session() as session:
        changes = kind.create(session, values)
    record_id = next(iter(changes.created[kind.model.__tablename__]))
    context.announce(changes)
    context.undo_stack.push(CreateRecordCommand(context, kind, record_id, values))
    return record_id


def update_record(context: AppContext, kind: RecordKind, record_id: int, values: dict[str, Any]) -> None:
    with context.store.session() as session:
        old = kind.get(session, record_id).values
        changes: ChangeSet = kind.update(session, record_id, values)
    context.announce(changes)
    context.undo_stack.push(UpdateRecordCommand(context, kind, record_id, old, values))


def delete_record(context: AppContext, kind: RecordKind, record_id: int) -> None:
    with context.store.session() as session:
        old = kind.get(session, record_id).values
        changes = kind.delete(session, record_id)
    context.announce(changes)
    context.undo_stack.push(DeleteRecordCommand(context, kind, record_id, old))
