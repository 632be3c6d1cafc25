"""The keyboard alone does everything: Ctrl+N a new record where one is, Ctrl+1…9 the workspaces, Ctrl+Y redo.

A record panel's own keys (Tab leaves the table, Enter goes into the form, Esc gives up an edit)
are set by `install_panel_keys`; the window's by `install_window_keys`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

WORKSPACE_KEYS = 9  # Ctrl+1 … Ctrl+9: the first nine workspaces of the navigation


def install_window_keys(window: Any) -> None:
    """Shortcuts of the main window (its actions come from the Designer form)."""
    window.actionRedo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    window.actionNewRecord.triggered.connect(lambda: new_record_here(window))
    for number, key in enumerate(window.keys[:WORKSPACE_KEYS], start=1):
        action = QAction(window)
        action.setObjectName(f"actionWorkspace{number}")
        action.setShortcut(QKeySequence(f"Ctrl+{number}"))
        action.triggered.connect(lambda _checked=False, k=key: window.show_workspace(k))
        window.addAction(action)


def new_record_here(window: Any) -> None:
    """Ctrl+N: a new record in the workspace shown (its current tab); nothing where there are no records."""
    panel = getattr(window.workspace(window.current_key()), "panel", None)
    if panel is not None and hasattr(panel, "start_new"):
        panel.start_new()


class _TableKeys(QObject):
    """Enter on a row opens the record: the focus goes to the form's first field."""

    def __init__(self, panel: Any):
        super().__init__(panel)
        self.panel = panel

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.panel.focus_form()
            return True
        return False


def install_panel_keys(panel: Any) -> None:
    """Tab order filter → table → form → buttons; Tab leaves the table; Enter opens; Esc reverts the form."""
    panel.table.setTabKeyNavigation(False)
    panel.table.installEventFilter(_TableKeys(panel))
    chain: list[QWidget] = [panel.filter, panel.choice, panel.table]
    first_field = _first_field(panel.form)
    if first_field is not None:
        chain.append(first_field)
    for previous, following in zip(chain, chain[1:], strict=False):
        QWidget.setTabOrder(previous, following)
    last = _last_field(panel.form)
    buttons = [panel.save_button, panel.revert_button, panel.history_button, panel.new_button, panel.delete_button]
    if last is not None:
        QWidget.setTabOrder(last, buttons[0])
    for previous, following in zip(buttons, buttons[1:], strict=False):
        QWidget.setTabOrder(previous, following)
    escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), panel.form)
    escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    escape.activated.connect(panel.cancel_edit)


def _editors(form: Any) -> list[QWidget]:
    return [row.editor for row in form.rows.values()]


def _first_field(form: Any) -> QWidget | None:
    editors = _editors(form)
    if not editors:
        return None
    first = editors[0]
    return getattr(first, "picker", first)


def _last_field(form: Any) -> QWidget | None:
    editors = _editors(form)
    if not editors:
        return None
    last = editors[-1]
    inner = getattr(last, "remove_button", None) or getattr(last, "time", None)
    return inner or last
