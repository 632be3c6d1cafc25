"""The Scorecards workspace as a coordinator uses it: pick a scope and year, edit a target, add an indicator."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog

from coordinator.gui.context import AppContext
from coordinator.gui.workspaces.scorecards import ManualIndicatorDialog, ScorecardsWorkspace
from coordinator.stats.scorecard import compute_scorecard


@pytest.fixture
def workspace(qtbot, small_store, tmp_path):
    from PySide6.QtCore import QSettings

    context = AppContext(small_store, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    ws = ScorecardsWorkspace(context)
    qtbot.addWidget(ws)
    ws.resize(1100, 700)
    ws.show()
    ws.activated()
    qtbot.waitUntil(lambda: not ws.busy and ws.tree.topLevelItemCount() > 0, timeout=15000)
    return ws


def _wait_for(qtbot, ws, name, predicate):
    def ready():
        item = ws.item_for(name)
        return not ws.busy and item is not None and predicate(item)
    qtbot.waitUntil(ready, timeout=15000)
    return ws.item_for(name)


def _set_spin(qtbot, spin, value: str) -> None:
    spin.selectAll()
    qtbot.keyClicks(spin, value)
    spin.interpretText()


def test_indicators_grouped_by_perspective_with_values_of_the_data(workspace, small_store):
    ws = workspace
    groups = [ws.tree.topLevelItem(i).text(0) for i in range(ws.tree.topLevelItemCount())]
    assert groups == ["Pupils", "Working life", "Staff", "Process"]
    with small_store.session() as s:
        card = compute_scorecard(s, year=ws.year_combo.currentData())
    line = next(l for l in card.lines if l.key == "encounter_rate")
    item = ws.item_for(line.name)
    assert item is not None
    assert item.text(2) == (f"{round(line.value * 100)} %" if line.value is not None else "–")
    # Status reads without colour: a symbol and a word.
    assert item.text(4)[0] in "●▲✖–" and len(item.text(4)) > 2


def test_editing_a_target_changes_the_status(qtbot, workspace, small_store):
    ws = workspace
    with small_store.session() as s:
        card = compute_scorecard(s, year=ws.year_combo.currentData())
    line = next(l for l in card.lines if l.key == "encounter_rate")
    assert line.value is not None and 0 < line.value < 1, "the demo should have a partial encounter rate"
    item = ws.item_for(line.name)
    assert "On target" not in item.text(4)
    ws.tree.setCurrentItem(item)
    assert ws.editor.isEnabled()
    below = max(0, int(line.value * 100) - 1)
    _set_spin(qtbot, ws.target_spin, str(below))
    _set_spin(qtbot, ws.amber_spin, "0")
    qtbot.mouseClick(ws.save_button, Qt.MouseButton.LeftButton)
    item = _wait_for(qtbot, ws, line.name, lambda it: "On target" in it.text(4))
    assert item.text(1) == f"≥ {below} %"
    # The target was saved in the database, not only on screen.
    with small_store.session() as s:
        again = compute_scorecard(s, year=ws.year_combo.currentData())
    saved = next(l for l in again.lines if l.key == "encounter_rate")
    assert saved.target == pytest.approx(below / 100) and saved.status == "green"


def test_manual_indicator_added_and_valued_for_one_school(qtbot, workspace, small_store, monkeypatch):
    ws = workspace
    ws.scope_combo.setCurrentIndex(1)
    school = ws.scope_combo.currentData()
    qtbot.waitUntil(lambda: not ws.busy, timeout=15000)

    def fill_and_accept(dialog: ManualIndicatorDialog) -> int:
        dialog.name_edit.setText("Föräldramöten om arbetslivet")
        dialog.unit_combo.setCurrentIndex(dialog.unit_combo.findData("number"))
        dialog.target_spin.setValue(3)
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ManualIndicatorDialog, "exec", fill_and_accept)
    qtbot.mouseClick(ws.add_button, Qt.MouseButton.LeftButton)
    name = "Föräldramöten om arbetslivet"
    item = _wait_for(qtbot, ws, name, lambda it: "No value" in it.text(4))  # a target of 3, no value yet
    ws.tree.setCurrentItem(item)
    assert ws.value_spin.isVisible()
    _set_spin(qtbot, ws.value_spin, "4")
    qtbot.mouseClick(ws.value_button, Qt.MouseButton.LeftButton)
    item = _wait_for(qtbot, ws, name, lambda it: "On target" in it.text(4))
    assert item.text(2) == "4"
    # Only on that school's card, not the municipality's.
    with small_store.session() as s:
        municipality = compute_scorecard(s, year=ws.year_combo.currentData())
        own = compute_scorecard(s, year=ws.year_combo.currentData(), school=school)
    assert name not in [l.name for l in municipality.lines]
    assert name in [l.name for l in own.lines]


def test_computed_indicator_cannot_be_typed_in_or_deleted(workspace):
    ws = workspace
    group = ws.tree.topLevelItem(0)
    ws.tree.setCurrentItem(group.child(0))
    assert not ws.value_spin.isVisible() and not ws.delete_button.isVisible()
    assert ws.target_spin.isVisible()


def test_switching_language_retranslates_labels_and_indicator_names(qtbot, workspace):
    from coordinator.i18n import set_language

    ws = workspace
    set_language("sv")
    ws.retranslate()
    assert ws.add_button.text() == "&Lägg till manuell indikator…"
    assert ws.tree.headerItem().text(0) == "Indikator"
    qtbot.waitUntil(lambda: not ws.busy and ws.tree.topLevelItem(0).text(0) == "Elever", timeout=15000)
    assert ws.scope_combo.itemText(0) == "Kommun"


def test_an_indicator_without_target_gets_one(qtbot, workspace, small_store):
    ws = workspace
    with small_store.session() as s:
        card = compute_scorecard(s, year=ws.year_combo.currentData())
    line = next(l for l in card.lines if l.key == "active_partners")
    assert line.target is None and line.value is not None and line.value > 0
    item = ws.item_for(line.name)
    assert "No target" in item.text(4) and item.text(1) == "–"
    ws.tree.setCurrentItem(item)
    assert not ws.has_target_box.isChecked() and not ws.target_spin.isEnabled()
    box = ws.has_target_box
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert ws.target_spin.isEnabled()
    _set_spin(qtbot, ws.target_spin, str(int(line.value) + 10))
    qtbot.mouseClick(ws.save_button, Qt.MouseButton.LeftButton)
    item = _wait_for(qtbot, ws, line.name, lambda it: "Off target" in it.text(4))
    assert item.text(1) == f"≥ {int(line.value) + 10}"
    # And the target can be taken away again.
    ws.tree.setCurrentItem(item)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    qtbot.mouseClick(ws.save_button, Qt.MouseButton.LeftButton)
    _wait_for(qtbot, ws, line.name, lambda it: "No target" in it.text(4) and it.text(1) == "–")
