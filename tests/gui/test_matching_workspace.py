"""The Matching workspace on the demo's grade 8: offers and wishes side by side, run, explain, apply."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from coordinator.gui.workers import wait_for_tasks


@pytest.fixture
def workspace(main_window, qtbot):
    found = main_window.show_workspace("matching")
    qtbot.waitUntil(lambda: found.period_combo.count() == 1)
    return found


def test_offers_and_wishes_show_side_by_side(workspace):
    assert workspace.offers_table.rowCount() > 0
    assert workspace.wishes_table.rowCount() > 0
    headers = [
        workspace.wishes_table.horizontalHeaderItem(c).text()
        for c in range(workspace.wishes_table.columnCount())
    ]
    assert headers[:3] == ["Pupil id", "Class", "Wish 1"]
    assert not workspace.apply_button.isEnabled()


def test_run_shows_every_pupil_and_explains_the_selected_one(workspace, qtbot):
    qtbot.mouseClick(workspace.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: workspace.outcome is not None)
    assert workspace.results_table.rowCount() == workspace.wishes_table.rowCount()
    assert "pupils placed" in workspace.summary.text() and "Non-traditional share" in workspace.summary.text()
    workspace.results_table.selectRow(workspace.results_table.rowCount() - 1)
    assert workspace.explanation.toPlainText().startswith(("Placed", "Not placed"))
    assert workspace.apply_button.isEnabled()


def test_apply_writes_the_placements_and_undo_takes_them_back(workspace, qtbot, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    desk = workspace.context.desk
    before = len(desk.record_ids("placements"))
    qtbot.mouseClick(workspace.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: workspace.outcome is not None)
    placed = workspace.outcome.result["summary"]["placed"]
    qtbot.mouseClick(workspace.apply_button, Qt.MouseButton.LeftButton)
    wait_for_tasks()
    assert len(desk.record_ids("placements")) == before + placed
    workspace.context.undo_stack.undo()
    assert len(desk.record_ids("placements")) == before
