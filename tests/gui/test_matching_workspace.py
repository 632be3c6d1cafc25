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


def test_a_long_list_fills_every_row_and_its_columns_still_fit_their_contents(workspace, qtbot):
    from PySide6.QtWidgets import QHeaderView

    from coordinator.gui.workspaces.matching import _fill

    table = workspace.offers_table
    rows = [[f"Arbetsplats {n}", str(n % 4 + 1), "", "", "", ""] for n in range(3000)]
    rows[10][0] = "Ett mycket långt namn på en arbetsplats som behöver en bred kolumn"
    _fill(table, rows)
    assert table.rowCount() == 3000 and table.item(2999, 0).text() == "Arbetsplats 2999"
    header = table.horizontalHeader()
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.ResizeToContents
    assert table.updatesEnabled()
    qtbot.waitUntil(lambda: header.sectionSize(0) >= table.fontMetrics().horizontalAdvance(rows[10][0]))
    assert header.sectionSize(0) >= table.fontMetrics().horizontalAdvance(rows[10][0])


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


def _run(workspace, qtbot) -> None:
    workspace.outcome = None
    qtbot.mouseClick(workspace.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: workspace.outcome is not None)


def _row_of(workspace, pupil: int) -> int:
    return next(r for r in range(workspace.results_table.rowCount())
                if workspace.results_table.item(r, 0).text() == str(pupil))


def test_a_pupil_moved_to_another_offer_stays_there_when_run_again(workspace, qtbot, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    _run(workspace, qtbot)
    row = next(r for r in workspace.outcome.rows if r.organisation is not None)
    offers, _wishes = workspace.context.desk.match_inputs(first_day=workspace.outcome.first_day,
                                                          last_day=workspace.outcome.last_day)
    target = next(o for o in offers if o.id != row.offer and o.places > 0)
    workspace.results_table.selectRow(_row_of(workspace, row.pupil))
    assert workspace.move_button.isEnabled() and not workspace.release_button.isEnabled()
    monkeypatch.setattr(QInputDialog, "getItem",
                        lambda _p, _t, _l, items, *_a: (next(i for i in items if i.startswith(target.organisation)),
                                                        True))
    workspace.outcome = None
    qtbot.mouseClick(workspace.move_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: workspace.outcome is not None)
    line = _row_of(workspace, row.pupil)
    assert workspace.results_table.item(line, 3).text() == target.organisation
    assert workspace.results_table.item(line, 5).text() == "locked"
    assert "1 pupil placed by hand" in workspace.hand_status.text()
    workspace.results_table.selectRow(line)
    assert workspace.explanation.toPlainText() == f"Placed by hand by the coordinator: {target.organisation}."
    workspace.seed_spin.setValue(workspace.seed_spin.value() + 7)  # another draw: the lock still holds
    _run(workspace, qtbot)
    assert workspace.results_table.item(_row_of(workspace, row.pupil), 3).text() == target.organisation
    qtbot.mouseClick(workspace.release_button, Qt.MouseButton.LeftButton)
    assert workspace.locks == {} and workspace.results_table.item(_row_of(workspace, row.pupil), 5).text() == ""


def test_lock_keeps_a_pupils_place_through_another_draw(workspace, qtbot):
    _run(workspace, qtbot)
    row = next(r for r in workspace.outcome.rows if r.organisation is not None and r.rank != 1)
    workspace.results_table.selectRow(_row_of(workspace, row.pupil))
    qtbot.mouseClick(workspace.lock_button, Qt.MouseButton.LeftButton)
    assert workspace.locks == {row.pupil: row.offer}
    for seed in (11, 12):
        workspace.seed_spin.setValue(seed)
        _run(workspace, qtbot)
        again = next(r for r in workspace.outcome.rows if r.pupil == row.pupil)
        assert (again.offer, again.locked) == (row.offer, True)


def test_letters_for_the_applied_match_come_out_as_one_pdf(workspace, qtbot, monkeypatch, tmp_path):
    from pypdf import PdfReader
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    _run(workspace, qtbot)
    placed = [r for r in workspace.outcome.rows if r.organisation is not None]
    qtbot.mouseClick(workspace.apply_button, Qt.MouseButton.LeftButton)
    wait_for_tasks()
    out = tmp_path / "brev.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(out), ""))
    qtbot.mouseClick(workspace.letters_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "brev.pdf" in workspace.hand_status.text(), timeout=60_000)
    pages = PdfReader(str(out)).pages
    text = " ".join(page.extract_text() or "" for page in pages)
    # One letter to each pupil the match placed (no one else's placement that week), then the hosts'.
    assert text.count("Your work placement") == len(placed)
    assert len(pages) == len(placed) + len({r.organisation for r in placed})


def test_the_offer_form_is_written_from_the_app(workspace, tmp_path):
    import openpyxl

    from coordinator.gui.workspaces.matching_hand import OfferFormDialog

    first, last = workspace.period_combo.currentData()
    dialog = OfferFormDialog(workspace.context, first, last, workspace)
    dialog.last_edit.setDate(dialog.first_edit.date().addDays(-1))
    assert not dialog.write_to(tmp_path / "none.xlsx") and "before the first day" in dialog.message.text()
    dialog.last_edit.setDate(dialog.first_edit.date().addDays(4))
    dialog.organisation.setCurrentIndex(0)
    name = dialog.organisation.currentText()
    dialog.language.setCurrentIndex(dialog.language.findData("sv"))
    assert dialog.write_to(tmp_path / "form.xlsx"), dialog.message.text()
    sheet = openpyxl.load_workbook(tmp_path / "form.xlsx").worksheets[0]
    assert "Platser" in [c.value for c in sheet[1]] and sheet["A2"].value == name
    assert "form.xlsx (Svenska)" in dialog.message.text()
