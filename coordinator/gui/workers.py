"""Long work off the GUI thread: one helper that runs a function on a QThreadPool with its own session.

Usage from any widget that holds the AppContext (`self.context`)::

    from coordinator.gui.workers import run_task

    def build(desk, progress):                    # runs on a worker thread: NO widget access here
        rows = []
        for i, item in enumerate(items):
            progress.check()                      # raises Cancelled if the person pressed Cancel
            progress.report(i, len(items), _("Reading {name}").format(name=item))
            rows.append(desk.compute(item))
        return rows                               # plain data only (dataclasses), never ORM objects

    task = run_task(self.context, build,
                    on_done=self.show_rows,          # called on the GUI thread with the result
                    on_error=self.show_error,        # called on the GUI thread with a translated line
                    on_progress=None,                # (done, total, text) on the GUI thread, optional
                    session=True,                    # False: fn(progress) without the desk
                    progress_dialog=self, title=_("Computing…"))  # optional modal progress + Cancel
    task.cancel()                                    # ask it to stop (it stops at its next check())

Each desk call is one transaction (the desk owns sessions; none is opened here); a
`UserError` raised inside `fn` reaches `on_error` as its message; any other exception reaches it
as one translated line (the traceback goes to the log). `on_done` is not called after a cancel;
`on_cancelled` is. Results come back through queued signals, so they always arrive on the GUI
thread. `wait_for_tasks()` blocks until the pool is idle (tests, closing the window).

A task belongs to its owner (`owner=`, else the widget whose method receives its result): when
the owner is deleted (a closed window, a switched workspace or database), the task is cancelled
and nothing of it reaches the deleted widget, however late the worker finishes.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from coordinator.errors import UserError
from coordinator.i18n import _, get_language, use_language

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """Raised inside a task by `Progress.check()` once the task has been cancelled."""


class Progress:
    """What a running task uses to report progress and to notice a cancel; thread-safe."""

    def __init__(self, signals: _TaskSignals):
        self._signals = signals
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()

    def report(self, done: int, total: int, text: str = "") -> None:
        self.check()
        self._signals.progressed.emit(int(done), int(total), text)

    def cancel(self) -> None:
        self._cancel.set()


class _TaskSignals(QObject):
    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()


class _Runnable(QRunnable):
    def __init__(self, task: Task):
        super().__init__()
        self.setAutoDelete(True)
        self._task = task

    def run(self) -> None:  # worker thread
        self._task._execute()


_live_tasks: set[Task] = set()


class Task(QObject):
    """One piece of background work; created by `run_task`. Keep it to cancel it."""

    finished = Signal()

    def __init__(self, context, fn: Callable[..., Any], *, session: bool = True, parent: QObject | None = None):
        super().__init__(parent)
        self._context = context
        self._fn = fn
        self._with_session = session
        self._language = get_language()
        self.signals = _TaskSignals()
        self.progress = Progress(self.signals)
        self.done = False
        self.on_done: Callable[[Any], None] | None = None
        self.on_error: Callable[[str], None] | None = None
        self.on_progress: Callable[[int, int, str], None] | None = None
        self.on_cancelled: Callable[[], None] | None = None
        self.dialog_progress: Callable[[int, int, str], None] | None = None
        self._owner: QObject | None = None
        # Slots of this GUI-thread object: the signals cross threads as queued calls.
        self.signals.succeeded.connect(self._succeeded)
        self.signals.failed.connect(self._failed)
        self.signals.cancelled.connect(self._cancelled)
        self.signals.progressed.connect(self._progressed)

    def cancel(self) -> None:
        self.progress.cancel()

    def belong_to(self, owner: QObject | None) -> None:
        """Tie the task to `owner`'s lifetime: cancelled when it is deleted, and silent from then on."""
        self._owner = owner
        if owner is not None:
            owner.destroyed.connect(self._owner_deleted)

    def _owner_deleted(self) -> None:
        self.progress.cancel()
        self.on_done = self.on_error = self.on_progress = self.on_cancelled = self.dialog_progress = None

    def _receiver_alive(self) -> bool:
        if self._owner is not None and not shiboken6.isValid(self._owner):
            self._owner_deleted()  # deleted before its destroyed signal could be delivered
            return False
        return True

    def _succeeded(self, result: object) -> None:
        if self._receiver_alive() and self.on_done is not None:
            self.on_done(result)
        self._finish()

    def _failed(self, message: str) -> None:
        if self._receiver_alive() and self.on_error is not None:
            self.on_error(message)
        self._finish()

    def _cancelled(self) -> None:
        if self._receiver_alive() and self.on_cancelled is not None:
            self.on_cancelled()
        self._finish()

    def _progressed(self, done: int, total: int, text: str) -> None:
        if not self._receiver_alive():
            return
        if self.on_progress is not None:
            self.on_progress(done, total, text)
        if self.dialog_progress is not None:
            self.dialog_progress(done, total, text)

    def _finish(self) -> None:
        self.done = True
        self.finished.emit()
        _live_tasks.discard(self)

    def _execute(self) -> None:  # worker thread
        try:
            self._execute_in_language()
        except RuntimeError:  # the app shut down while this ran: nobody is left to tell
            log.debug("task finished after its receiver was deleted")

    def _execute_in_language(self) -> None:
        with use_language(self._language):
            try:
                if self._with_session:
                    desk = self._context.desk
                    if desk is None:
                        raise UserError(_("No database is open."))
                    result = self._fn(desk, self.progress)
                    self.progress.check()
                else:
                    result = self._fn(self.progress)
            except Cancelled:
                self.signals.cancelled.emit()
            except UserError as exc:
                self.signals.failed.emit(str(exc))
            except Exception as exc:  # a person sees one line; the log keeps the traceback
                log.exception("background task failed")
                self.signals.failed.emit(
                    _("Something went wrong: {error}. Nothing was changed.").format(error=type(exc).__name__))
            else:
                if self.progress.cancelled:
                    self.signals.cancelled.emit()
                else:
                    self.signals.succeeded.emit(result)


def run_task(context, fn: Callable[..., Any], *, on_done: Callable[[Any], None] | None = None,
             on_error: Callable[[str], None] | None = None,
             on_progress: Callable[[int, int, str], None] | None = None,
             on_cancelled: Callable[[], None] | None = None, session: bool = True,
             progress_dialog: QWidget | None = None, title: str = "", owner: QObject | None = None) -> Task:
    """Start `fn(desk, progress)` (or `fn(progress)` with session=False) on the global pool.

    Give `owner` when the callbacks are lambdas; otherwise the object of the first callback that is
    a method of a QObject (or `progress_dialog`) owns the task.
    """
    task = Task(context, fn, session=session)
    task.on_done, task.on_error, task.on_progress, task.on_cancelled = on_done, on_error, on_progress, on_cancelled
    task.belong_to(owner or _owner_of(on_done, on_error, on_progress, on_cancelled) or progress_dialog)
    if progress_dialog is not None:
        _attach_dialog(task, progress_dialog, title)
    _live_tasks.add(task)
    QThreadPool.globalInstance().start(_Runnable(task))
    return task


def _owner_of(*callbacks: Callable[..., Any] | None) -> QObject | None:
    for callback in callbacks:
        bound_to = getattr(callback, "__self__", None)
        if isinstance(bound_to, QObject):
            return bound_to
    return None


def _attach_dialog(task: Task, parent: QWidget, title: str) -> None:
    dialog = QProgressDialog(title or _("Working…"), _("Cancel"), 0, 0, parent)
    dialog.setWindowTitle(title or _("Working…"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setAccessibleName(_("Progress"))

    def progressed(done: int, total: int, text: str) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total else 0)
        if text:
            dialog.setLabelText(text)

    task.dialog_progress = progressed
    dialog.canceled.connect(task.cancel)
    task.finished.connect(dialog.deleteLater)
    task.finished.connect(dialog.close)
    task.progress_dialog = dialog  # type: ignore[attr-defined]


def wait_for_tasks(timeout_ms: int = 60_000) -> bool:
    """Block until every queued task has run (tests, closing the window)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
