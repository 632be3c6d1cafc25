"""Warnings where the eye is: on the field concerned, and a question before a rule-breaking confirmed placement."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt

from coordinator.changes import Kind
from tests.gui.test_record_workspaces import open_panel


def rule_breaking_placement(qtbot, window):
    """A confirmed placement of 9 hours a day until 21:00 without a risk assessment, as in the issue."""
    panel = open_panel(qtbot, window, "placements", "placements")
    panel.new_record()
    form = panel.form
    for name in ("pupil_id", "host_id"):
        form.editor(name).ensure_choices()
        form.editor(name).setCurrentIndex(0)
    form.editor("start_date").setDate(QDate(2027, 2, 1))
    form.editor("end_date").setDate(QDate(2027, 2, 5))
    form.editor("hours_per_day").clear()
    qtbot.keyClicks(form.editor("hours_per_day"), "9")
    qtbot.keyClicks(form.editor("daily_start"), "12")
    qtbot.keyClicks(form.editor("daily_end"), "21")
    status = form.editor("status")
    status.setCurrentIndex(status.findData("confirmed"))
    panel.update_warnings()
    return panel


def test_each_warning_is_on_its_field(qtbot, main_window):
    panel = rule_breaking_placement(qtbot, main_window)
    rows = panel.form.rows
    hours = rows["hours_per_day"]
    assert hours.warning.isVisible() and "9 h" in hours.warning.text()
    tip = hours.editor.toolTip()  # on hover
    assert tip and all(line in hours.warning.text() for line in tip.splitlines())
    assert hours.editor.statusTip() == hours.editor.toolTip()  # in the window's status bar
    assert "9 h" in hours.editor.accessibleDescription()  # to a screen reader
    assert "no work between" in rows["daily_end"].warning.text()
    assert "risk assessment" in rows["risk_assessment_received"].warning.text()
    assert not rows["notes"].warning.isVisible()
    assert "warnings" in panel.status.text()

    rows["risk_assessment_received"].editor.setChecked(True)
    panel.update_warnings()
    assert not rows["risk_assessment_received"].warning.isVisible()
    assert not rows["risk_assessment_received"].editor.toolTip()


def test_confirmed_rule_breaking_placement_asks_and_no_keeps_it_unsaved(qtbot, main_window, unsaved_answers):
    panel = rule_breaking_placement(qtbot, main_window)
    count = main_window.context.undo_stack.count()
    unsaved_answers.next = [False]
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert len(unsaved_answers.asked) == 1 and "9 h" in unsaved_answers.asked[0]
    assert panel.form.record_id is None
    assert main_window.context.undo_stack.count() == count


def test_confirmed_anyway_is_saved_and_the_audit_log_says_so(qtbot, main_window, unsaved_answers):
    panel = rule_breaking_placement(qtbot, main_window)
    unsaved_answers.next = [True]
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert panel.status.text() in ("Created.", "") or "warning" in panel.status.text()
    placement = panel.form.record_id
    assert placement is not None
    history = main_window.context.desk.history(Kind.PLACEMENTS, placement)
    confirmed = [entry for entry in history if entry.action == "rules-confirmed"]
    assert confirmed and {"hours_per_day", "daily_end", "risk_assessment_received"} <= set(confirmed[0].fields)


def test_a_requested_placement_is_saved_without_a_question(qtbot, main_window, unsaved_answers):
    panel = rule_breaking_placement(qtbot, main_window)
    status = panel.form.editor("status")
    status.setCurrentIndex(status.findData("requested"))
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert unsaved_answers.asked == []
    assert panel.form.record_id is not None


def test_the_list_marks_warned_placements_and_filters_to_them(qtbot, main_window, unsaved_answers):
    from PySide6.QtCore import Qt as _Qt

    from tests.gui.test_record_workspaces import wait_loaded

    panel = rule_breaking_placement(qtbot, main_window)
    qtbot.mouseClick(panel.save_button, _Qt.MouseButton.LeftButton)  # confirmed all the same
    placement = panel.form.record_id
    qtbot.waitUntil(lambda: placement in panel.model.warned, timeout=20_000)
    wait_loaded(qtbot, panel)
    total = panel.model.rowCount()
    row = panel.model.row_of(placement)
    index = panel.model.index(row, 0)
    assert panel.model.data(index, _Qt.ItemDataRole.DecorationRole) is not None
    assert "9 h" in panel.model.data(index, _Qt.ItemDataRole.ToolTipRole)

    panel.with_warnings.setChecked(True)
    qtbot.waitUntil(lambda: not panel.model.loading and panel.model.rowCount() == len(panel.model.warned),
                    timeout=10_000)
    assert 0 < panel.model.rowCount() < total
    assert panel.model.row_of(placement) >= 0
    panel.with_warnings.setChecked(False)
    qtbot.waitUntil(lambda: not panel.model.loading and panel.model.rowCount() == total, timeout=10_000)
