"""The keyboard alone: every workspace reached, a record opened, edited and saved with key events only."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTabWidget

from tests.gui.test_record_workspaces import CASES, wait_loaded

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def focused():
    return QApplication.focusWidget()


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(focused(), key, modifier)


def tab_until(qtbot, found, limit: int = 40) -> None:
    for _ in range(limit):
        if found(focused()):
            return
        press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached it; the focus is on {focused()!r}")


def activate(qtbot, window) -> None:
    """The window has the keyboard (shortcuts act only in the active window)."""
    window.activateWindow()
    qtbot.waitActive(window)


def go_to_workspace(qtbot, window, key: str):
    """From the navigation list: Home, then Down to the workspace, then Tab into it."""
    activate(qtbot, window)
    window.navigation.setFocus()
    press(qtbot, Qt.Key.Key_Home)
    for _ in range(window.keys.index(key)):
        press(qtbot, Qt.Key.Key_Down)
    assert window.current_key() == key
    press(qtbot, Qt.Key.Key_Tab)
    workspace = window.workspace(key)
    assert workspace.isAncestorOf(focused()), f"Tab from the navigation went to {focused()!r}"
    return workspace


@pytest.mark.parametrize(("workspace_key", "kind", "name_field"),
                         [*CASES, ("placements", "placements", "notes")])
def test_walk_to_a_record_and_save_it_with_the_keyboard(qtbot, main_window, workspace_key, kind, name_field):
    workspace = go_to_workspace(qtbot, main_window, workspace_key)
    panels = [p.kind.key for p in workspace.panels]
    for _ in range(panels.index(kind)):
        press(qtbot, Qt.Key.Key_Tab, CTRL)  # the next tab of Schools & classes, Trainings & meetings
    panel = workspace.panel
    assert panel.kind.key == kind
    wait_loaded(qtbot, panel)
    assert focused() in (panel.filter, panel.choice, panel.table) or isinstance(focused().parent(), QTabWidget)
    tab_until(qtbot, lambda w: w is panel.table)

    press(qtbot, Qt.Key.Key_Down)  # the first row: its record is in the form
    chosen = panel.form.record_id
    assert chosen is not None
    press(qtbot, Qt.Key.Key_Tab)  # leaves the table, the row stays
    assert focused() is not panel.table and panel.form.isAncestorOf(focused())
    assert panel.form.record_id == chosen
    press(qtbot, Qt.Key.Key_Tab, SHIFT)
    assert focused() is panel.table
    press(qtbot, Qt.Key.Key_Return)  # Enter opens the record: the cursor in the form
    assert panel.form.isAncestorOf(focused())

    editor = panel.form.editor(name_field)
    tab_until(qtbot, lambda w: w is editor)
    press(qtbot, Qt.Key.Key_End)
    if isinstance(editor, QPlainTextEdit):
        qtbot.keyClicks(editor, " Kvitto")
    else:
        qtbot.keyClicks(editor, " K")
    typed = "Kvitto" if isinstance(editor, QPlainTextEdit) else " K"
    press(qtbot, Qt.Key.Key_S, CTRL)  # the Save button's shortcut: it clicks itself a moment later
    desk = main_window.context.desk
    qtbot.waitUntil(lambda: (desk.record(kind, chosen).values[name_field] or "").endswith(typed), timeout=5000)
    assert not any(row.message.text() for row in panel.form.rows.values())


@pytest.mark.parametrize("number", range(1, 10))
def test_ctrl_number_shows_the_workspace(qtbot, main_window, number):
    activate(qtbot, main_window)
    main_window.navigation.setFocus()
    press(qtbot, getattr(Qt.Key, f"Key_{number}"), CTRL)
    assert main_window.current_key() == main_window.keys[number - 1]
    assert main_window.stack.currentIndex() == number - 1


def test_every_other_workspace_takes_the_focus_from_the_navigation(qtbot, main_window):
    for key in main_window.keys:
        go_to_workspace(qtbot, main_window, key)


def test_ctrl_n_is_a_new_record_and_ctrl_shift_n_a_new_database(qtbot, main_window):
    workspace = main_window.show_workspace("organisations")
    panel = workspace.panel
    wait_loaded(qtbot, panel)
    activate(qtbot, main_window)
    panel.table.setFocus()
    press(qtbot, Qt.Key.Key_Down)
    assert panel.form.record_id is not None
    press(qtbot, Qt.Key.Key_N, CTRL)
    assert panel.form.record_id is None
    assert panel.form.isAncestorOf(focused())  # ready to type the name
    assert main_window.actionNew.shortcut().toString() == "Ctrl+Shift+N"
    assert main_window.actionNewRecord.shortcut().toString() == "Ctrl+N"


def test_escape_gives_up_the_edit(qtbot, main_window):
    panel = main_window.show_workspace("organisations").panel
    wait_loaded(qtbot, panel)
    activate(qtbot, main_window)
    panel.table.setFocus()
    press(qtbot, Qt.Key.Key_Down)
    name = panel.form.editor("name")
    before = name.text()
    press(qtbot, Qt.Key.Key_Return)
    tab_until(qtbot, lambda w: w is name)
    press(qtbot, Qt.Key.Key_End)
    qtbot.keyClicks(name, " typo")
    assert panel.is_dirty()
    press(qtbot, Qt.Key.Key_Escape)
    assert name.text() == before and not panel.is_dirty()


def test_ctrl_y_redoes(qtbot, main_window):
    panel = main_window.show_workspace("organisations").panel
    wait_loaded(qtbot, panel)
    activate(qtbot, main_window)
    panel.table.setFocus()
    press(qtbot, Qt.Key.Key_Down)
    record = panel.form.record_id
    name = panel.form.editor("name")
    before = name.text()
    name.setFocus()
    press(qtbot, Qt.Key.Key_End)
    qtbot.keyClicks(name, " Y")
    press(qtbot, Qt.Key.Key_S, CTRL)
    desk = main_window.context.desk
    qtbot.waitUntil(lambda: desk.record("organisations", record).values["name"] == before + " Y", timeout=5000)
    panel.table.setFocus()  # Ctrl+Z in a text field undoes the typing there, as in every program
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert desk.record("organisations", record).values["name"] == before
    press(qtbot, Qt.Key.Key_Y, CTRL)
    assert desk.record("organisations", record).values["name"] == before + " Y"
