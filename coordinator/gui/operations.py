"""One way to run an operation in the desktop app: on the desk, with one undo history and one failure message.

    run_op(context, lambda desk: desk.update_record("pupils", 7, values), text=_("Edit pupil"),
           undo=lambda desk, _result: desk.update_record("pupils", 7, old), parent=self)

The call runs on the desk, which commits it as one transaction and announces what changed (the
context re-emits that on `changes_applied`; no caller announces anything). A refused input
(`ValidationError`) goes back to the form that marks its fields; any other `UserError` is shown as
one translated message (`on_failure`, or a warning box). With `undo`, one `OpCommand` goes on the
window's undo stack: undo and redo replay through the desk like any operation, and a step that can
no longer be undone or redone is said on the status bar and dropped. Long work goes to
`run_op_in_background` (a worker with progress and cancel).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QMessageBox, QWidget

from coordinator.desk import Changes, Desk
from coordinator.errors import UserError, ValidationError
from coordinator.gui.context import AppContext
from coordinator.gui.workers import Task, run_task
from coordinator.i18n import _

T = TypeVar("T")


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """How an operation ended: `ok` and its result (None when it failed)."""

    ok: bool
    value: T | None = None


class OpCommand(QUndoCommand):
    """One step of the undo history; pushed after the operation itself succeeded, so redo skips once."""

    def __init__(self, context: AppContext, text: str, undo: Callable[[Desk], object],
                 redo: Callable[[Desk], object]):
        super().__init__(text)
        self.context, self._undo, self._redo = context, undo, redo
        self._first = True
        self.failed: str | None = None

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._replay(self._redo)

    def undo(self) -> None:
        self._replay(self._undo)

    def _replay(self, fn: Callable[[Desk], object]) -> None:
        desk = self.context.desk
        try:
            if desk is None:
                raise UserError(_("No database is open."))
            fn(desk)
        except UserError as exc:  # the record changed under us: say so, and drop this step
            self.failed = str(exc)
            self.setObsolete(True)
            self.context.status_message.emit(str(exc))


def created_id(changes: Changes, kind: str) -> int:
    """The id of the one record of `kind` (a table name or Kind) that an operation created."""
    return next(iter(changes.created[kind]))


def run_op(context: AppContext, do: Callable[[Desk], T], *, text: str = "",
           undo: Callable[[Desk, T], object] | None = None, redo: Callable[[Desk, T], object] | None = None,
           parent: QWidget | None = None, on_failure: Callable[[str], None] | None = None,
           title: str = "") -> Outcome[T]:
    """Run `do(desk)` now (a short write); push its undo step; show a refusal. ValidationError propagates."""
    try:
        desk = context.desk
        if desk is None:
            raise UserError(_("No database is open."))
        result = do(desk)
    except ValidationError:
        raise
    except UserError as exc:
        _tell(str(exc), parent, on_failure, title)
        return Outcome(False)
    if undo is not None:
        again = redo or (lambda d, _r: do(d))
        context.undo_stack.push(OpCommand(context, text, lambda d: undo(d, result), lambda d: again(d, result)))
    return Outcome(True, result)


def run_op_in_background(context: AppContext, do: Callable[[Desk, Any], T], *,
                         on_done: Callable[[T], None] | None = None, parent: QWidget | None = None,
                         on_failure: Callable[[str], None] | None = None, title: str = "",
                         on_progress: Callable[[int, int, str], None] | None = None,
                         on_cancelled: Callable[[], None] | None = None, progress_dialog: bool = False) -> Task:
    """Run `do(desk, progress)` on a worker (a long write: an import); keep the task to cancel it.

    No widget access inside `do`; `progress.report(done, total)` feeds `on_progress` (or a progress
    dialog over `parent`) and raises once the person cancelled. Results, failures and the cancel come
    back on the GUI thread; the desk announces what the write changed once it committed.
    """
    return run_task(context, do, on_done=on_done, on_progress=on_progress, on_cancelled=on_cancelled,
                    on_error=lambda message: _tell(message, parent, on_failure, title),
                    progress_dialog=parent if progress_dialog else None, title=title)


def _tell(message: str, parent: QWidget | None, on_failure: Callable[[str], None] | None, title: str) -> None:
    if on_failure is not None:
        on_failure(message)
    else:
        QMessageBox.warning(parent, title or _("The coordinator's desk"), message)
