"""Never losing an edit: the Save / Discard / Cancel question on every way out, and drafts after a crash."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from coordinator.desk.drafts import DraftStore
from coordinator.gui import unsaved
from coordinator.gui.unsaved import Answer
from tests.gui.test_record_workspaces import open_panel, wait_loaded


def edit_first_organisation(qtbot, window, text: str = " AB"):
    panel = open_panel(qtbot, window, "organisations", "organisations")
    panel.table.selectRow(0)
    first = panel.form.record_id
    qtbot.keyClicks(panel.form.editor("name"), text)
    assert panel.is_dirty()
    return panel, first


def test_another_record_asks_and_cancel_keeps_the_edit(qtbot, main_window, unsaved_answers):
    panel, first = edit_first_organisation(qtbot, main_window)
    edited = panel.form.editor("name").text()
    unsaved_answers.next = [Answer.CANCEL]
    panel.table.selectRow(1)
    assert unsaved_answers.asked == ["Organisation"]
    assert panel.form.record_id == first
    assert panel.form.editor("name").text() == edited
    qtbot.waitUntil(lambda: [i.row() for i in panel.table.selectionModel().selectedRows()] == [0])


def test_another_record_with_save_saves_first(qtbot, main_window, unsaved_answers):
    panel, first = edit_first_organisation(qtbot, main_window, " Nord")
    edited = panel.form.editor("name").text()
    unsaved_answers.next = [Answer.SAVE]
    panel.table.selectRow(1)
    assert main_window.context.desk.record("organisations", first).values["name"] == edited
    assert panel.form.record_id != first


def test_discard_throws_the_edit_away(qtbot, main_window, unsaved_answers):
    panel, first = edit_first_organisation(qtbot, main_window, " Syd")
    before = main_window.context.desk.record("organisations", first).values["name"]
    unsaved_answers.next = [Answer.DISCARD]
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    assert panel.form.record_id is None
    assert main_window.context.desk.record("organisations", first).values["name"] == before


def test_workspace_switch_cancelled_stays(qtbot, main_window, unsaved_answers):
    edit_first_organisation(qtbot, main_window)
    unsaved_answers.next = [Answer.CANCEL]
    main_window.navigation.setCurrentRow(main_window.keys.index("pupils"))
    assert main_window.current_key() == "organisations"
    assert main_window.stack.currentIndex() == main_window.keys.index("organisations")


def test_close_and_quit_ask_and_cancel_keeps_the_window(qtbot, main_window, unsaved_answers):
    edit_first_organisation(qtbot, main_window)
    unsaved_answers.next = [Answer.CANCEL]
    main_window.actionQuit.trigger()  # Ctrl+Q
    assert main_window.isVisible()
    assert unsaved_answers.asked == ["Organisation"]
    unsaved_answers.next = [Answer.CANCEL]
    assert not main_window.close()
    assert main_window.isVisible()


def test_opening_another_database_asks(qtbot, main_window, unsaved_answers, tmp_path):
    edit_first_organisation(qtbot, main_window)
    desk = main_window.context.desk
    unsaved_answers.next = [Answer.CANCEL]
    assert not main_window.open_database(str(tmp_path / "other.sqlite"))
    assert main_window.context.desk is desk


def test_the_real_question_has_save_discard_cancel(qtbot, main_window, monkeypatch):
    monkeypatch.undo()  # the real modal box, answered with the keyboard
    panel, first = edit_first_organisation(qtbot, main_window)
    seen: list[str] = []

    def answer():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.extend(b.text() for b in box.buttons())
        qtbot.keyClick(box, Qt.Key.Key_Escape)  # Escape is Cancel

    QTimer.singleShot(0, answer)
    panel.table.selectRow(1)
    assert panel.form.record_id == first
    assert {"Save", "Discard", "Cancel"} <= {text.replace("&", "") for text in seen}
    panel.discard_edits()  # nothing left to ask about when the window closes


def test_a_draft_is_kept_and_offered_after_a_crash(qtbot, main_window, unsaved_answers):
    from coordinator.gui.main_window import MainWindow

    panel, first = edit_first_organisation(qtbot, main_window, " Utkast")
    edited = panel.form.editor("name").text()
    panel.keep_draft()  # what the timer does while the person types
    store = DraftStore(main_window.context.desk.path)
    assert [(d.kind, d.record_id, d.values["name"]) for d in store.drafts()] == [
        ("organisations", first, edited)]

    unsaved_answers.next = [True]  # a second window on the same file, as after a crash: "bring it back"
    main_window.guard.release()
    second = MainWindow(main_window.context)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitUntil(lambda: unsaved_answers.asked == ["Organisation"], timeout=5000)
    restored = second.workspace("organisations").panel
    assert restored.form.record_id == first
    assert restored.form.editor("name").text() == edited
    assert restored.is_dirty()  # offered, not saved
    assert main_window.context.desk.record("organisations", first).values["name"] != edited


def test_a_saved_form_leaves_no_draft(qtbot, main_window):
    panel, _first = edit_first_organisation(qtbot, main_window, " Klar")
    panel.keep_draft()
    store = DraftStore(main_window.context.desk.path)
    assert store.drafts()
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert panel.status.text() == "Saved."
    assert not store.drafts()
    wait_loaded(qtbot, panel)


def test_walking_every_workspace_and_tab_without_typing_asks_nothing(qtbot, main_window, unsaved_answers):
    """Looking around is not editing: leaving a workspace (with tabs never opened) or a tab asks nothing."""
    for row, key in enumerate(main_window.keys):
        main_window.navigation.setCurrentRow(row)
        assert main_window.current_key() == key
    for row, key in enumerate(main_window.keys):
        main_window.navigation.setCurrentRow(row)
        tabs = getattr(main_window.workspace(key), "tabs", None)
        for index in range(tabs.count() if tabs is not None else 0):
            tabs.setCurrentIndex(index)
    main_window.navigation.setCurrentRow(0)
    assert unsaved_answers.asked == []
