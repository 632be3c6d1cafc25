"""The lifecycle the report workspaces share: year and school filters, a computation on a worker, a redraw.

Scorecards and Statistics differ in what they compute and how they draw it; when they load, when they
recompute (shown: now; hidden: on the next show), how a newer filter choice cancels an older run, and how
a failure is shown are the same, so they live here once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from coordinator.changes import Changes, Kind
from coordinator.gui.context import AppContext
from coordinator.gui.workers import run_task
from coordinator.gui.workspaces.base import Workspace
from coordinator.gui.workspaces.scope_choices import load_choices, refill_filters
from coordinator.i18n import _


class ReportWorkspace(Workspace):
    """Subclasses build their widgets, then call `_watch_filters()`; they implement `computation` and `_show`.

    `relevant` names the change kinds that make the report stale (empty: any change does).
    """

    relevant: tuple[Kind, ...] = ()

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self._result: Any = None
        self._task = None
        self._loaded = False
        self._stale = False
        self.year_combo = QComboBox()
        self.school_combo = QComboBox()
        self.school_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.status_label = QLabel()

    def _watch_filters(self) -> None:
        self.year_combo.currentIndexChanged.connect(self._filters_changed)
        self.school_combo.currentIndexChanged.connect(self._filters_changed)
        self.context.changes_applied.connect(self.refresh)

    # -- what a subclass says ----------------------------------------------------------------------

    def all_schools_text(self) -> str:
        """The first entry of the school filter: the whole municipality."""
        raise NotImplementedError

    def computation(self, year: str, school: str | None) -> Callable[..., Any]:
        """`fn(progress)` run on a worker (calling the desk); returns plain data for `_show`."""
        raise NotImplementedError

    def _show(self) -> None:
        raise NotImplementedError

    # -- the contract ------------------------------------------------------------------------------

    def activated(self) -> None:
        if not self._loaded or self._stale:
            self.reload()

    def refresh(self, changes: Changes | None = None) -> None:
        if changes is not None and self.relevant and not changes.touches(*self.relevant):
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    @property
    def busy(self) -> bool:
        return self._task is not None

    # -- loading -----------------------------------------------------------------------------------

    def reload(self) -> None:
        """Re-read the filters' choices and recompute for the chosen filters."""
        self._loaded = True
        self._stale = False
        desk = self.context.desk
        if desk is None:
            return
        refill_filters(load_choices(desk), self.year_combo, self.school_combo, self.all_schools_text())
        self._compute()

    def _filters_changed(self) -> None:
        if self._loaded:
            self._compute()

    def _compute(self) -> None:
        year = self.year_combo.currentData()
        if self.context.desk is None or not year:
            return
        if self._task is not None:
            self._task.cancel()
        self.status_label.setText(_("Computing…"))
        self._computing()
        self._task = run_task(self.context, self.computation(year, self.school_combo.currentData()),
                              session=False, on_done=self._computed, on_error=self._failed)

    def _computing(self) -> None:
        """A computation has started (e.g. disable what needs its result)."""

    def _computed(self, result: Any) -> None:
        self._task = None
        self._result = result
        self.status_label.setText("")
        self._show()

    def _failed(self, message: str) -> None:
        self._task = None
        self.status_label.setText(message)
