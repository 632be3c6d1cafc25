"""The main window as a person meets it: the navigation, the language switch, undo in the Edit menu."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from coordinator.gui.workspaces import WORKSPACES


def nav_texts(window) -> list[str]:
    return [window.navigation.item(i).text() for i in range(window.navigation.count())]


def test_navigation_lists_the_fifteen_workspaces_and_opens_each(qtbot, main_window):
    texts = nav_texts(main_window)
    assert len(texts) == len(WORKSPACES) == 15
    assert texts[:5] == ["Overview", "Organisations", "Contacts", "Schools & classes", "Pupils"]
    for row in range(15):
        main_window.navigation.setCurrentRow(row)
        assert main_window.stack.currentIndex() == row
        assert main_window.stack.currentWidget().isVisible()


def test_language_switch_changes_every_visible_text_at_once(qtbot, main_window):
    main_window.show_workspace("organisations")
    panel = main_window.workspace("organisations").panel
    assert panel.new_button.text() == "New"
    assert main_window.menuFile.title() == "&File"

    main_window.switch_language("sv")
    assert nav_texts(main_window)[1] == "Organisationer"
    assert panel.new_button.text() == "Ny"
    assert panel.model.headerData(0, Qt.Orientation.Horizontal) == "Namn"
    assert main_window.menuFile.title() == "&Arkiv"
    assert main_window.actionUndo.text() == "&Ångra"

    main_window.switch_language("ru")
    assert nav_texts(main_window)[1] == "Организации"
    assert panel.new_button.text() == "Создать"
    assert main_window.menuFile.title() == "&Файл"
    assert main_window.context.settings.value("language") == "ru"

    main_window.switch_language("en")
    assert nav_texts(main_window)[1] == "Organisations"
    assert main_window.menuFile.title() == "&File"


def test_window_state_and_last_workspace_are_remembered(qtbot, app_context):
    from coordinator.gui.main_window import MainWindow

    first = MainWindow(app_context)
    qtbot.addWidget(first)
    first.show_workspace("pupils")
    first.resize(720, 500)
    first.close()
    second = MainWindow(app_context)
    qtbot.addWidget(second)
    assert second.current_key() == "pupils"
    assert second.size().width() == 720


def test_a_search_hit_opens_its_record_in_its_workspace(qtbot, main_window):
    from sqlalchemy import select

    from coordinator.models import Pupil, Teacher

    with main_window.context.store.session() as session:
        pupil = session.execute(select(Pupil.id, Pupil.last_name).order_by(Pupil.id.desc()).limit(1)).one()
        teacher = session.scalar(select(Teacher.id).limit(1))
    main_window.show_record("pupil", pupil.id)
    assert main_window.current_key() == "pupils"
    panel = main_window.workspace("pupils").panel
    assert panel.form.editor("last_name").text() == pupil.last_name
    qtbot.waitUntil(lambda: not panel.model.loading, timeout=10_000)
    assert panel.model.id_at(panel.table.currentIndex().row()) == pupil.id

    main_window.show_record("teacher", teacher)
    workspace = main_window.workspace("schools")
    assert main_window.current_key() == "schools"
    assert workspace.panel.kind.key == "teachers"
    assert workspace.panel.form.record_id == teacher


def test_ctrl_z_and_ctrl_shift_z_undo_and_redo_from_the_keyboard(qtbot, main_window):
    main_window.activateWindow()
    qtbot.waitActive(main_window)
    main_window.show_workspace("contacts")
    panel = main_window.workspace("contacts").panel
    qtbot.waitUntil(lambda: not panel.model.loading, timeout=10_000)
    total = panel.model.rowCount()
    panel.new_button.click()
    qtbot.keyClicks(panel.form.editor("first_name"), "Kim")
    qtbot.keyClicks(panel.form.editor("last_name"), "Keyboardsson")
    qtbot.keyClick(panel.form.editor("last_name"), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Ctrl+S
    qtbot.waitUntil(lambda: panel.model.rowCount() == total + 1 and not panel.model.loading, timeout=10_000)
    qtbot.keyClick(panel.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: panel.model.rowCount() == total and not panel.model.loading, timeout=10_000)
    qtbot.keyClick(panel.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: panel.model.rowCount() == total + 1 and not panel.model.loading, timeout=10_000)


def test_a_workspace_that_crashes_while_opening_is_reported_as_an_error(qtbot, main_window, monkeypatch, caplog):
    from coordinator.gui.workspaces import statistics

    def broken(self, context, parent=None):
        raise RuntimeError("boom")

    monkeypatch.setattr(statistics.StatisticsWorkspace, "__init__", broken)
    main_window.show_workspace("statistics")
    shown = main_window.stack.currentWidget().findChild(QLabel, "workspace_error")
    assert shown is not None and shown.isVisible()
    assert "“Statistics” could not be opened because of an error (RuntimeError)" in shown.text()
    assert "not available" not in shown.text()
    assert "could not be opened" in main_window.statusBar().currentMessage()
    assert any(r.exc_info and "boom" in str(r.exc_info[1]) for r in caplog.records)  # the details are in the log

    main_window.switch_language("ru")
    assert "Раздел «Статистика» не удалось открыть из-за ошибки (RuntimeError)" in shown.text()
