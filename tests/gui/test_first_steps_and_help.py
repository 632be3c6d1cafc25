"""First run and help: a new database shows a checklist until its three steps are done; F1 opens the user
guide in the app's language at the workspace the user is in, with the keyboard shortcuts the app has."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from coordinator.changes import Kind
from coordinator.gui.workspaces import WORKSPACES
from coordinator.resources import resource_path


@pytest.fixture
def empty_window(qtbot, empty_store, gui_settings):
    from coordinator.gui.app import install_translators
    from coordinator.gui.context import AppContext
    from coordinator.gui.main_window import MainWindow

    install_translators("en")
    window = MainWindow(AppContext(empty_store, gui_settings))
    qtbot.addWidget(window)
    window.show()
    yield window
    install_translators("en")


def test_the_checklist_leads_through_the_first_steps_and_goes_away(qtbot, empty_window):
    window = empty_window
    checklist = window.show_workspace("overview").first_steps
    assert checklist.isVisible()
    assert [checklist.marks[s].text() for s in ("classes", "organisations", "visit")] == ["○", "○", "○"]
    qtbot.mouseClick(checklist.buttons["organisations"][0], Qt.MouseButton.LeftButton)
    assert window.current_key() == "organisations"
    desk = window.context.desk
    desk.create_record("organisations", {**desk.new_record("organisations").values, "name": "Verkstad AB"})
    assert checklist.marks["organisations"].text() == "✓"
    assert not checklist.buttons["organisations"][0].isVisibleTo(checklist)
    school = desk.create_record("schools", {**desk.new_record("schools").values, "name": "Norra skolan"})
    school_id = next(iter(school.created[Kind.SCHOOLS]))
    desk.create_record("classes", {**desk.new_record("classes").values, "name": "8A", "grade": "8",
                                   "school_id": school_id})
    host = desk.ref_choices("organisations", "Verkstad")[0][0]
    desk.create_record("study_visits", {**desk.new_record("study_visits").values, "host_id": host,
                                        "starts_at": dt.datetime(2026, 12, 3, 9, 0), "title": "Visit"})
    assert not checklist.isVisibleTo(window)


def test_f1_opens_the_guide_at_the_current_workspace_with_the_shortcuts(qtbot, main_window):
    main_window.switch_language("sv")
    main_window.show_workspace("placements")
    main_window.activateWindow()
    main_window.actionGuide.trigger()
    dialog = main_window.help_dialog
    assert dialog.isVisible()
    text = dialog.browser.toPlainText()
    assert "Praktik" in text and "Säkerhetskopior" in text
    assert "Ctrl+K" in text and "F1" in text  # from the window's own actions
    assert dialog.browser.verticalScrollBar().value() > 0  # scrolled down to "Praktik"
    assert main_window.actionGuide.shortcut().toString() == "F1"
    dialog.close()
    QApplication.processEvents()


@pytest.mark.parametrize("language", ["en", "sv", "pl", "ru"])
def test_the_guide_has_a_section_for_every_workspace_in_every_language(language):
    text = resource_path(f"help/guide.{language}.html").read_text(encoding="utf-8")
    for key, _path in WORKSPACES:
        assert f'<a name="{key}"></a>' in text
    for section in ("keyboard", "files", "backups"):
        assert f'<a name="{section}"></a>' in text
    assert "<!-- shortcuts -->" in text
