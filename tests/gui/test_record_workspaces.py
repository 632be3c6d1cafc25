"""Each record workspace driven as a person would: filter, create through the form, edit, delete, undo, redo."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit

from coordinator.gui.widgets.date_fields import DateField, DateTimeField
from coordinator.gui.widgets.ref_picker import MultiRefPicker, RefPicker
from coordinator.services.records import DATE, DATETIME, INT, REF, TEXT

# (workspace, record kind, the text field that names the record)
CASES = [
    ("organisations", "organisations", "name"),
    ("contacts", "contacts", "last_name"),
    ("schools", "schools", "name"),
    ("schools", "classes", "name"),
    ("schools", "teachers", "last_name"),
    ("schools", "school_forms", "name"),
    ("schools", "programmes", "name"),
    ("pupils", "pupils", "last_name"),
    ("study_visits", "study_visits", "title"),
    ("encounters", "encounters", "title"),
    ("trainings_meetings", "trainings", "title"),
    ("trainings_meetings", "meetings", "title"),
    ("clusters", "networks", "name"),
    ("clusters", "projects", "name"),
    ("clusters", "funding_sources", "name"),
    ("clusters", "member_roles", "name"),
]


def wait_loaded(qtbot, panel) -> None:
    qtbot.waitUntil(lambda: not panel.model.loading, timeout=10_000)


def open_panel(qtbot, window, workspace_key: str, kind: str):
    workspace = window.show_workspace(workspace_key)
    assert workspace.show_record(kind, -1) in (True, False)  # brings the tab forward
    panel = next(p for p in workspace.panels if p.kind.key == kind)
    panel.ensure_loaded()
    wait_loaded(qtbot, panel)
    return panel


def type_filter(qtbot, panel, text: str) -> None:
    panel.filter.selectAll()
    panel.filter.del_() if panel.filter.text() else None
    qtbot.keyClicks(panel.filter, text)
    qtbot.waitUntil(lambda: panel.model.query.text == text and not panel.model.loading, timeout=10_000)


def fill_required(qtbot, form, name_field: str, name: str) -> None:
    for spec in form.kind.fields:
        editor = form.editor(spec.name)
        if spec.name == name_field:
            editor.clear()
            qtbot.keyClicks(editor, name)
        elif not spec.required:
            continue
        elif spec.type == TEXT and isinstance(editor, QLineEdit) and not editor.text():
            qtbot.keyClicks(editor, "1" if spec.name == "grade" else "Testvalue")
        elif spec.type == INT and isinstance(editor, QLineEdit) and not editor.text():
            qtbot.keyClicks(editor, "3")
        elif spec.type == REF and isinstance(editor, RefPicker) and editor.value() is None:
            editor.ensure_choices()  # what opening the list does
            editor.setCurrentIndex(1 if editor.optional else 0)
        elif spec.type == DATE and isinstance(editor, DateField):
            editor.setDate(QDate(2026, 12, 7))
        elif spec.type == DATETIME and isinstance(editor, DateTimeField):
            editor.setDateTime(QDateTime(QDate(2026, 12, 7), QTime(9, 0)))


@pytest.mark.parametrize(("workspace_key", "kind", "name_field"), CASES)
def test_create_edit_delete_undo_redo(qtbot, main_window, workspace_key, kind, name_field):
    panel = open_panel(qtbot, main_window, workspace_key, kind)
    total = panel.model.rowCount()
    assert panel.count_label.text().startswith(str(total))

    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    fill_required(qtbot, panel.form, name_field, "Zebrafink")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert panel.status.text() == "Created.", panel.form.rows and {
        n: r.message.text() for n, r in panel.form.rows.items() if r.message.text()}
    wait_loaded(qtbot, panel)
    assert panel.model.rowCount() == total + 1

    type_filter(qtbot, panel, "zebraf")
    assert panel.model.rowCount() == 1
    column = next(i for i, c in enumerate(panel.kind.columns()) if c.searchable)
    assert "Zebrafink" in panel.model.index(0, column).data() or panel.model.rowCount() == 1

    panel.table.selectRow(0)
    name_editor = panel.form.editor(name_field)
    assert name_editor.text() == "Zebrafink"
    name_editor.clear()
    qtbot.keyClicks(name_editor, "Zebrafinken")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert panel.status.text() == "Saved."
    wait_loaded(qtbot, panel)
    texts = [panel.model.index(0, c).data() for c in range(panel.model.columnCount())]
    assert any("Zebrafinken" in (t or "") for t in texts) or kind in ("contacts", "teachers", "pupils")

    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, panel)
    assert panel.model.rowCount() == 0

    main_window.actionUndo.trigger()  # Ctrl+Z: the record comes back, as it was last saved
    wait_loaded(qtbot, panel)
    assert panel.model.rowCount() == 1
    panel.table.selectRow(0)
    assert panel.form.editor(name_field).text() == "Zebrafinken"

    main_window.actionUndo.trigger()  # the edit is undone
    main_window.actionUndo.trigger()  # and the creation
    type_filter(qtbot, panel, "")
    assert panel.model.rowCount() == total

    main_window.actionRedo.trigger()  # Ctrl+Shift+Z
    wait_loaded(qtbot, panel)
    assert panel.model.rowCount() == total + 1


def test_validation_message_shows_at_the_field(qtbot, main_window):
    panel = open_panel(qtbot, main_window, "organisations", "organisations")
    panel.new_record()
    qtbot.keyClicks(panel.form.editor("org_number"), "12345")
    qtbot.keyClicks(panel.form.editor("phone"), "abc")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    rows = panel.form.rows
    assert rows["name"].message.text() == "Name is required."
    assert "not a valid Swedish organisation number" in rows["org_number"].message.text()
    assert "not a phone number" in rows["phone"].message.text()
    assert not rows["town"].message.text()
    assert main_window.context.undo_stack.count() == 0


def test_placement_form_warns_but_saves(qtbot, main_window):
    """A confirmed placement without a risk assessment is warned about, and still saved."""
    panel = open_panel(qtbot, main_window, "placements", "placements")
    panel.new_record()
    form = panel.form
    for name in ("pupil_id", "host_id"):
        form.editor(name).ensure_choices()
        form.editor(name).setCurrentIndex(0)
    form.editor("start_date").setDate(QDate(2027, 2, 1))
    form.editor("end_date").setDate(QDate(2027, 2, 12))
    assert form.editor("days").text() == "10"  # the weekdays of the period, until typed over
    form.editor("hours_per_day").clear()
    qtbot.keyClicks(form.editor("hours_per_day"), "9")
    status: QComboBox = form.editor("status")
    status.setCurrentIndex(status.findData("confirmed"))
    assert isinstance(form.editor("risk_assessment_received"), QCheckBox)
    rows = form.rows
    qtbot.waitUntil(lambda: rows["risk_assessment_received"].warning.isVisible(), timeout=3000)
    assert "risk assessment" in rows["risk_assessment_received"].warning.text().lower()
    assert "a working day of 9 h" in rows["hours_per_day"].warning.text().lower()
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert panel.status.text() == "Created."


def test_study_visit_on_a_weekend_is_warned_about(qtbot, main_window):
    panel = open_panel(qtbot, main_window, "study_visits", "study_visits")
    panel.new_record()
    panel.form.editor("host_id").ensure_choices()
    panel.form.editor("host_id").setCurrentIndex(0)
    panel.form.editor("starts_at").setDateTime(QDateTime(QDate(2026, 12, 12), QTime(10, 0)))  # a Saturday
    panel.update_warnings()
    assert panel.form.rows["starts_at"].warning.isVisible()
    assert dt.date(2026, 12, 12).weekday() == 5


def test_pupils_lacking_placement_days_are_listed(qtbot, main_window):
    workspace = main_window.show_workspace("placements")
    workspace.tabs.setCurrentIndex(1)
    lacking = workspace.lacking
    assert lacking.grade.count() > 0
    assert lacking.table.rowCount() > 0
    assert "lack" in lacking.summary.text()


def test_study_visit_participants_default_to_the_classes_pupils(qtbot, main_window):
    panel = open_panel(qtbot, main_window, "study_visits", "study_visits")
    panel.new_record()
    form = panel.form
    fill_required(qtbot, form, "title", "Besok pa bruket")
    classes: MultiRefPicker = form.editor("class_ids")
    classes.picker.ensure_choices()
    classes.picker.setCurrentIndex(1)
    classes.add_button.click()
    assert len(classes.value()) == 1
    panel.update_warnings()
    assert "of the chosen classes take" in panel.warnings.text()
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert panel.status.text() == "Created."
    wait_loaded(qtbot, panel)
    type_filter(qtbot, panel, "bruket")
    pupils_column = next(i for i, c in enumerate(panel.kind.columns()) if c.name == "participants")
    assert int(panel.model.index(0, pupils_column).data()) > 0


def test_the_second_filter_narrows_the_table(qtbot, main_window):
    panel = open_panel(qtbot, main_window, "placements", "placements")
    total = panel.model.rowCount()
    panel.choice.setCurrentIndex(panel.choice.findData("confirmed"))
    panel.choice.activated.emit(panel.choice.currentIndex())
    wait_loaded(qtbot, panel)
    status_column = next(i for i, c in enumerate(panel.kind.columns()) if c.name == "status")
    assert 0 < panel.model.rowCount() < total
    assert {panel.model.index(r, status_column).data() for r in range(panel.model.rowCount())} == {"Confirmed"}
    type_filter(qtbot, panel, "a")
    assert panel.model.query.filters == (("status", "confirmed"),)


def test_history_shows_what_was_done_to_a_record(qtbot, main_window):
    from coordinator.gui.app import install_translators

    panel = open_panel(qtbot, main_window, "organisations", "organisations")
    assert not panel.history_button.isEnabled()  # nothing chosen yet
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    fill_required(qtbot, panel.form, "name", "Historik AB")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    panel.form.editor("name").clear()
    qtbot.keyClicks(panel.form.editor("name"), "Historik och Soner AB")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert panel.history_button.isEnabled()

    install_translators("sv")
    qtbot.mouseClick(panel.history_button, Qt.MouseButton.LeftButton)
    dialog = panel.history_dialog
    qtbot.waitUntil(dialog.isVisible)
    rows = [[dialog.table.item(r, c).text() for c in range(3)] for r in range(dialog.table.rowCount())]
    assert len(rows) == 2
    assert "Namn" in rows[1][2]  # the changed field, by its label, never its value
    assert not any("Historik" in cell for row in rows for cell in row)
    dialog.close()
    install_translators("en")
