"""The import dialog as a coordinator uses it: pick a class list, see what was found, map, import."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from sqlalchemy import func, select

from coordinator.gui.context import AppContext
from coordinator.gui.dialogs.import_dialog import ImportDialog
from coordinator.models import Pupil

CLASS_LIST = "Förnamn;Efternamn;Klass;Kön\nÅsa;Öberg;8A;Flicka\nÖrjan;Ström;8A;Pojke\nEbba;Ängström;8B;\n"


@pytest.fixture
def context(small_store, tmp_path):
    return AppContext(small_store, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def _pupils(store) -> int:
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(Pupil))


def _compulsory_school(store) -> str:
    from coordinator.models import School, SchoolType

    with store.session() as s:
        return next(name for name, grades in s.execute(select(School.name, SchoolType.grades).join(SchoolType))
                    if "8" in grades.split(";"))


def _open(qtbot, context, path) -> ImportDialog:
    dialog = ImportDialog(context, path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.busy and dialog.plan is not None, timeout=15000)
    return dialog


def test_class_list_is_previewed_and_imported(qtbot, context, small_store, tmp_path):
    path = tmp_path / "klasslista.csv"
    path.write_text(CLASS_LIST, encoding="cp1252")
    before = _pupils(small_store)
    changes: list = []
    context.changes_applied.connect(changes.append)
    dialog = _open(qtbot, context, path)
    assert "cp1252" in dialog.detected_label.text() and "semicolon" in dialog.detected_label.text()
    assert dialog.preview.rowCount() == 3
    assert dialog.preview.item(0, 0).text() == "Åsa" and dialog.preview.item(2, 1).text() == "Ängström"
    assert dialog.preview.horizontalHeaderItem(0).text() == "Förnamn\n→ First name"
    assert dialog.problems.rowCount() == 0 and not dialog.mapping_box.isVisible()
    dialog.school_combo.setCurrentIndex(dialog.school_combo.findData(_compulsory_school(small_store)))
    assert dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy and dialog.result is not None, timeout=15000)
    assert dialog.result.imported, dialog.status_label.text()
    assert "3 records created" in dialog.status_label.text()
    assert _pupils(small_store) == before + 3
    assert changes and changes[0].touches("pupils")
    assert dialog.cancel_button.text() == "Close"


def test_unknown_column_is_mapped_and_remembered_and_bad_rows_reported(qtbot, context, small_store, tmp_path):
    path = tmp_path / "elever.csv"
    path.write_text("Förnamn;Efternamn;Hemklass;Födelsedatum\n"
                    "Maja;Lind;8A;2012-03-04\n"
                    "Noah;Ek;8A;den fjärde\n", encoding="utf-8")
    dialog = _open(qtbot, context, path)
    assert dialog.mapping_box.isVisible() and list(dialog.mapping_combos) == ["Hemklass"]
    problems = [dialog.problems.item(r, 2).text() for r in range(dialog.problems.rowCount())]
    assert any("Class" in p for p in problems), problems
    combo = dialog.mapping_combos["Hemklass"]
    combo.setCurrentIndex(combo.findData("class_name"))
    qtbot.waitUntil(lambda: not dialog.busy and dialog.plan.mapping.get("Hemklass") == "class_name",
                    timeout=15000)
    assert dialog.mapping_box.isVisible(), "a mapped column can still be changed"
    # The bad date is reported with the row the spreadsheet shows (header = row 1).
    assert dialog.problems.rowCount() == 1
    assert [dialog.problems.item(0, c).text() for c in (0, 1)] == ["3", "Födelsedatum"]
    assert not dialog.import_button.isEnabled()
    assert dialog.good_rows_box.isEnabled(), dialog.status_label.text()
    box = dialog.good_rows_box
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert dialog.good_rows_box.isChecked()
    assert dialog.import_button.isEnabled()
    dialog.school_combo.setCurrentIndex(dialog.school_combo.findData(_compulsory_school(small_store)))
    before = _pupils(small_store)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy and dialog.result is not None, timeout=15000)
    assert "1 record created" in dialog.status_label.text() and "1 row skipped" in dialog.status_label.text()
    assert _pupils(small_store) == before + 1
    dialog.close()

    # The same layout again: the mapping is remembered.
    again = _open(qtbot, context, path)
    assert again.plan.mapping.get("Hemklass") == "class_name"
    assert again.mapping_combos["Hemklass"].currentData() == "class_name"


def test_an_encoding_that_cannot_be_told_is_asked_for(qtbot, context, tmp_path):
    path = tmp_path / "lista.csv"
    path.write_bytes("Imię;Nazwisko;Klasa\nŁucja;Żółć;8A\nŚwiętosław;Źrebię;8A\n".encode("cp1250"))
    dialog = _open(qtbot, context, path)
    assert dialog.encoding_hint.isVisible() and dialog.encoding_combo.isEnabled()
    assert not dialog.import_button.isEnabled()
    dialog.encoding_combo.setCurrentIndex(dialog.encoding_combo.findData("cp1250"))
    qtbot.waitUntil(lambda: not dialog.busy and dialog.plan.encoding == "cp1250", timeout=15000)
    assert not dialog.encoding_hint.isVisible()
    assert [dialog.preview.item(r, 0).text() for r in range(2)] == ["Łucja", "Świętosław"]
    assert dialog.preview.item(0, 1).text() == "Żółć"
    assert "cp1250" in dialog.detected_label.text()


def test_an_excel_class_list_is_read_without_asking_for_an_encoding(qtbot, context, small_store, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Förnamn", "Efternamn", "Klass", "Kön"])
    sheet.append(["Дарья", "Смирнова", "8A", "Flicka"])
    sheet.append(["Paweł", "Żółkowski", "8A", "Pojke"])
    path = tmp_path / "klasslista.xlsx"
    book.save(path)
    dialog = _open(qtbot, context, path)
    assert "Excel" in dialog.detected_label.text() and "2 rows" in dialog.detected_label.text()
    assert not dialog.encoding_combo.isEnabled() and not dialog.encoding_hint.isVisible()
    assert dialog.preview.item(0, 0).text() == "Дарья" and dialog.preview.item(1, 1).text() == "Żółkowski"


def test_cancelling_an_import_imports_nothing(qtbot, context, small_store, tmp_path, monkeypatch):
    from coordinator import transfer
    from coordinator.models import Pupil as PupilRow

    started: list[bool] = []

    def slow_apply(session, plan, *, progress=None, cancelled=None, **kwargs):
        # Writes a row, reports progress, then waits (on the worker thread) for the person to cancel.
        session.add(PupilRow(first_name="Halv", last_name="Import"))
        session.flush()
        progress(1, 10_000)
        started.append(True)
        pause = threading.Event()
        while not cancelled():
            pause.wait(0.005)
        progress(2, 10_000)  # the next report stops the import
        raise AssertionError("the import went on after Cancel")

    monkeypatch.setattr(transfer, "apply_import", slow_apply)
    path = tmp_path / "klasslista.csv"
    path.write_text(CLASS_LIST, encoding="utf-8")
    before = _pupils(small_store)
    dialog = _open(qtbot, context, path)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(started) and dialog.progress.maximum() == 10_000, timeout=15000)
    assert dialog.cancel_button.text() == "Cancel"
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=15000)
    assert "cancelled" in dialog.status_label.text() and dialog.result is None
    assert dialog.isVisible(), "Cancel stops the import; it does not close the dialog"
    assert _pupils(small_store) == before


def test_wishes_are_imported_for_the_period_chosen_in_the_dialog(qtbot, context, small_store, tmp_path):
    import datetime as dt

    from PySide6.QtCore import QDate

    from coordinator.models import Organisation, Wish

    with small_store.session() as s:
        first, last = s.execute(select(Wish.first_day, Wish.last_day)).first()
        wished = select(Wish.pupil_id).distinct().scalar_subquery()
        found = s.execute(select(Pupil.id, Pupil.external_id).where(Pupil.id.in_(wished),
                                                                    Pupil.external_id.is_not(None)).limit(3)).all()
        names = list(s.scalars(select(Organisation.name).order_by(Organisation.id).limit(2)))
    assert len(found) == 3
    pupils = [pupil_id for pupil_id, _external in found]
    path = tmp_path / "onskemal.csv"
    rows = ["Elev-id;Önskemål 1;Önskemål 2"] + [f"{external};{names[0]};{names[1]}" for _p, external in found]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    dialog = ImportDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.period_first.isVisible()
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("wishes"))
    assert dialog.period_first.isVisible() and dialog.kind_combo.findData("offers") >= 0
    assert dialog.period_first.date().toPython() == first  # the latest period with wishes, to start from
    later = (first + dt.timedelta(days=14), last + dt.timedelta(days=14))
    dialog.period_first.setDate(QDate(later[0].year, later[0].month, later[0].day))
    dialog.period_last.setDate(QDate(later[1].year, later[1].month, later[1].day))
    dialog.set_path(path)
    qtbot.waitUntil(lambda: not dialog.busy and dialog.plan is not None, timeout=15000)
    assert dialog.problems.rowCount() == 0 and dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy and dialog.result is not None, timeout=15000)
    assert dialog.result.imported, dialog.status_label.text()
    with small_store.session() as s:
        stored = s.execute(select(Wish.pupil_id, Wish.rank).where(Wish.first_day == later[0],
                                                                   Wish.last_day == later[1])).all()
    assert sorted(stored) == sorted((p, r) for p in pupils for r in (1, 2))
