"""The Documents workspace as a coordinator uses it: choose, preview, save, print, calendar, cancel a batch."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtPrintSupport import QPrinter

from coordinator.gui.context import AppContext
from coordinator.gui.workspaces.documents import DocumentsWorkspace


@pytest.fixture
def workspace(qtbot, small_store, tmp_path):
    context = AppContext(small_store, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    ws = DocumentsWorkspace(context)
    qtbot.addWidget(ws)
    ws.resize(1200, 800)
    ws.show()
    ws.activated()
    return ws


def _choose_kind(ws, kind: str) -> None:
    ws.kind_combo.setCurrentIndex(ws.kind_combo.findData(kind))


def test_schedule_preview_save_print_and_calendar(qtbot, workspace, tmp_path):
    ws = workspace
    _choose_kind(ws, "schedule")
    # Classes and teachers are picked within a school.
    assert not ws.class_combo.isEnabled() and ws.class_combo.count() == 1
    assert not ws.save_button.isEnabled() and not ws.ics_button.isEnabled()
    ws.school_combo.setCurrentIndex(1)
    assert ws.class_combo.isEnabled() and ws.teacher_combo.isEnabled()
    assert ws.class_combo.count() > 1 and ws.teacher_combo.count() > 1
    ws.class_combo.setCurrentIndex(1)
    assert ws.scope_arguments()["class_name"] == ws.class_combo.currentText()
    qtbot.mouseClick(ws.render_button, Qt.MouseButton.LeftButton)
    assert ws.busy and ws.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: not ws.busy, timeout=30000)
    assert ws.pdf.pageCount() >= 1, ws.message.text()
    assert ws.view.isVisible() and "page" in ws.message.text()
    assert ws.save_button.isEnabled() and ws.print_button.isEnabled() and ws.ics_button.isEnabled()

    saved = ws.save_to(tmp_path / "schema.pdf")
    assert saved.read_bytes().startswith(b"%PDF")
    assert not list(tmp_path.glob(".schema.pdf.*")), "no temporary file is left behind"

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert ws.print_to(printer) == ws.pdf.pageCount()
    assert (tmp_path / "printed.pdf").stat().st_size > 1000

    calendar = ws.save_ics(tmp_path / "schema.ics")
    text = calendar.read_text(encoding="utf-8")
    assert text.startswith("BEGIN:VCALENDAR") and "BEGIN:VEVENT" in text


def test_document_in_another_language(qtbot, workspace):
    ws = workspace
    _choose_kind(ws, "gender")
    ws.language_combo.setCurrentIndex(ws.language_combo.findData("sv"))
    qtbot.mouseClick(ws.render_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not ws.busy, timeout=30000)
    assert ws.pdf.pageCount() >= 1, ws.message.text()
    from pypdf import PdfReader

    from coordinator.documents import kind_label
    from coordinator.formatting import format_date
    from coordinator.i18n import use_language

    text = PdfReader(str(ws.current_pdf)).pages[0].extract_text()
    with use_language("sv"):
        assert kind_label("gender") in text
    # Swedish month names are written in lower case; English ones are not.
    assert format_date(dt.date.today(), "MMMM", language="sv") in text
    assert not ws.ics_button.isEnabled()

    # A second preview replaces the first; old previews do not pile up in the temporary folder.
    first = ws.current_pdf
    _choose_kind(ws, "certificate")
    qtbot.mouseClick(ws.render_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not ws.busy, timeout=30000)
    assert ws.current_pdf != first and ws.pdf.pageCount() >= 1, ws.message.text()
    assert list(ws._tmpdir.glob("*.pdf")) == [ws.current_pdf]


def test_a_batch_of_letters_can_be_cancelled(qtbot, workspace):
    ws = workspace
    _choose_kind(ws, "letters")
    qtbot.mouseClick(ws.render_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(ws.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not ws.busy, timeout=30000)
    assert ws.current_pdf is None and not ws.save_button.isEnabled()
    assert "cancelled" in ws.message.text().lower()
    assert not list(ws._tmpdir.glob("*.pdf")) and not list(ws._tmpdir.glob(".*"))
    assert ws.render_button.isEnabled()


def test_letters_for_every_class_of_one_grade(qtbot, workspace):
    ws = workspace
    _choose_kind(ws, "letters")
    assert ws.grade_combo.isEnabled()
    grades = [ws.grade_combo.itemData(i) for i in range(1, ws.grade_combo.count())]
    assert grades and grades[0] in ("F", "1")  # in school order, whole municipality
    ws.grade_combo.setCurrentIndex(ws.grade_combo.findData("8"))
    assert ws.scope_arguments()["grade"] == "8" and ws.scope_arguments()["class_name"] is None
    qtbot.mouseClick(ws.render_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not ws.busy, timeout=30000)
    assert ws.pdf.pageCount() >= 2, ws.message.text()
    _choose_kind(ws, "scorecard")  # a scorecard is per school or municipality, not per grade
    assert not ws.grade_combo.isEnabled() and ws.scope_arguments()["grade"] is None
