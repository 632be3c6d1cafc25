"""The app draws its window at once and opens the database beside it: nobody edits before the file's verdict."""

from __future__ import annotations

import hashlib

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox


@pytest.fixture
def waiting_window(qtbot, qapp, gui_settings):
    from coordinator.gui.app import install_translators
    from coordinator.gui.context import AppContext
    from coordinator.gui.main_window import MainWindow

    install_translators("en")
    context = AppContext(None, gui_settings)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    yield window
    if context.desk is not None:
        window.guard.release(backup=False)
        context.desk.close()


def test_the_window_is_drawn_with_its_navigation_but_no_workspace_can_be_used_before_the_verdict(
        waiting_window, small_db, qtbot):
    from coordinator.gui.startup import DeskOpener

    assert waiting_window.navigation.count() > 10 and waiting_window.navigation.isEnabled()
    assert not waiting_window.stack.isEnabled() and waiting_window.workspaces == {}
    opener = DeskOpener(waiting_window, str(small_db))
    assert waiting_window.statusBar().currentMessage() == "Checking the file…"
    qtbot.waitUntil(lambda: waiting_window.context.desk is not None, timeout=30_000)
    opener.finish()
    assert waiting_window.stack.isEnabled()
    assert "overview" in waiting_window.workspaces  # the workspace that was chosen opens with the database
    assert small_db.name in waiting_window.windowTitle()


def test_a_damaged_file_is_refused_untouched_and_no_workspace_opens(waiting_window, small_db, qtbot, monkeypatch):
    from coordinator.gui.dialogs import first_launch
    from coordinator.gui.startup import DeskOpener

    data = bytearray(small_db.read_bytes())
    data[0:16] = b"not a database!!"
    small_db.write_bytes(bytes(data))
    before = hashlib.sha256(small_db.read_bytes()).hexdigest()
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: warnings.append(text))
    monkeypatch.setattr(first_launch.FirstLaunchDialog, "exec", lambda self: 0)  # the person closes it
    exits: list[int] = []
    monkeypatch.setattr(QApplication, "exit", staticmethod(lambda code=0: exits.append(code)))
    opener = DeskOpener(waiting_window, str(small_db))
    qtbot.waitUntil(lambda: bool(exits), timeout=30_000)
    opener.finish()
    assert small_db.name in warnings[0]
    assert exits == [0]
    assert waiting_window.context.desk is None and not waiting_window.stack.isEnabled()
    assert waiting_window.workspaces == {}
    assert hashlib.sha256(small_db.read_bytes()).hexdigest() == before


def test_a_draft_left_by_a_crash_is_offered_once_the_file_is_opened_beside_the_window(
        waiting_window, small_db, qtbot, unsaved_answers):
    from coordinator.desk.drafts import DraftStore
    from coordinator.gui.startup import DeskOpener

    DraftStore(small_db).save("organisations", None, {"name": "Bageriet i Falun"})
    unsaved_answers.next = [True]  # "bring it back"
    opener = DeskOpener(waiting_window, str(small_db))
    qtbot.waitUntil(lambda: unsaved_answers.asked == ["Organisation"], timeout=30_000)
    opener.finish()
    panel = waiting_window.workspace("organisations").panel
    assert panel.form.editor("name").text() == "Bageriet i Falun" and panel.is_dirty()


def test_after_the_database_layer_loaded_beside_the_window_the_interpreter_is_as_before(
        waiting_window, small_db, qtbot):
    """Memory is still collected (a long day's session does not grow without end), and PySide sees new modules."""
    import gc
    import sys

    from coordinator.gui.startup import DeskOpener

    scan = sys.modules["shibokensupport.feature"]._mod_uses_pyside
    opener = DeskOpener(waiting_window, str(small_db))
    qtbot.waitUntil(lambda: waiting_window.context.desk is not None, timeout=30_000)
    opener.finish()
    assert gc.isenabled()
    assert sys.modules["shibokensupport.feature"]._mod_uses_pyside is scan
