"""A workbook gives the same rows whether it is read at once (calamine) or streamed (openpyxl, for vast sheets)."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from coordinator.transfer import analyse_file, workbook
from coordinator.transfer.sheets import read_sheet


def _class_list(path: Path, *, epoch_1904: bool = False, title_above: bool = False) -> Path:
    book = Workbook()
    if epoch_1904:
        book.epoch = CALENDAR_MAC_1904
    cover = book.active
    cover.title = "Om listan"
    cover.append(["Klasslista för Hagaskolan, läsåret 2026/27"])
    sheet = book.create_sheet("Elever")
    if title_above:
        sheet["C2"] = "Elever"
    sheet.append([])
    first = sheet.max_row + 1
    for offset, row in enumerate([["Förnamn", "Efternamn", "Klass", "Födelsedatum", "Elevens id", "Anteckning"],
                                  ["Anna", "Berg", "8A", dt.date(2012, 3, 5), 1001, 2.5],
                                  ["Bo", "Ek", 8, dt.datetime(2011, 12, 31, 0, 0), "x-2", True],
                                  ["Cilla", "Ström", "8B", 40000, None, None]]):
        for column, value in enumerate(row, start=2):  # the table starts in column B
            sheet.cell(row=first + offset, column=column, value=value)
    book.active = 1  # the sheet the person last looked at is the one imported
    book.save(path)
    return path


def _read(path: Path, monkeypatch: pytest.MonkeyPatch, *, streamed: bool):
    monkeypatch.setattr(workbook, "AT_ONCE_CELLS", 0 if streamed else workbook.AT_ONCE_CELLS)
    return read_sheet(path, profile="se")


@pytest.mark.parametrize("epoch_1904", [False, True])
@pytest.mark.parametrize("title_above", [False, True])
def test_both_readers_give_the_same_rows_numbers_and_values(tmp_path, monkeypatch, epoch_1904, title_above):
    path = _class_list(tmp_path / "klass.xlsx", epoch_1904=epoch_1904, title_above=title_above)
    at_once, streamed = (_read(path, monkeypatch, streamed=s) for s in (False, True))
    assert at_once == streamed
    assert at_once.headers[1:4] == ["Förnamn", "Efternamn", "Klass"]
    assert at_once.rows[0] == (at_once.header_row + 1, [None, "Anna", "Berg", "8A", dt.datetime(2012, 3, 5), 1001,
                                                        2.5])
    assert at_once.rows[1][1][3] == 8 and at_once.rows[1][1][6] is True


@pytest.mark.parametrize("streamed", [False, True])
def test_the_active_sheet_is_imported_with_dates_of_the_workbooks_epoch(tmp_path, monkeypatch, streamed):
    monkeypatch.setattr(workbook, "AT_ONCE_CELLS", 0 if streamed else workbook.AT_ONCE_CELLS)
    plan = analyse_file(_class_list(tmp_path / "klass.xlsx", epoch_1904=True), "pupils", profile="se")
    assert not plan.problems
    assert [(r.row, r.values["first_name"], r.values["birth_date"]) for r in plan.rows] == [
        (3, "Anna", dt.date(2012, 3, 5)), (4, "Bo", dt.date(2011, 12, 31)), (5, "Cilla", dt.date(2013, 7, 7))]


@pytest.mark.parametrize("spelling", ['<row r="300000"><c r="T300000"', "<row\nr='300000'><c\n\tr = 'T300000'"])
def test_a_sheet_with_a_cell_far_out_is_streamed_not_laid_out_in_full(tmp_path, monkeypatch, spelling):
    """Laid out in full from A1, 300,000 rows of 20 cells would take gigabytes; calamine would try."""
    book = Workbook()
    sheet = book.active
    sheet.append(["Förnamn", "Efternamn", "Klass"])
    sheet.append(["Anna", "Berg", "8A"])
    sheet.cell(row=300_000, column=20, value=" ")  # a blank far down and out: nothing to import
    plain = tmp_path / "plain.xlsx"
    book.save(plain)
    path = tmp_path / "far.xlsx"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                assert b'<row r="300000"><c r="T300000"' in data
                data = data.replace(b'<row r="300000"><c r="T300000"', spelling.encode())
            target.writestr(info, data)

    def laid_out(data: bytes):
        raise AssertionError("300,000 × 20 cells would be laid out at once")

    monkeypatch.setattr(workbook, "_read_at_once", laid_out)
    plan = analyse_file(path, "pupils", profile="se")
    assert not plan.problems and [r.values["first_name"] for r in plan.rows] == ["Anna"]


@pytest.mark.parametrize("streamed", [False, True])
def test_a_workbook_whose_book_part_is_broken_is_called_damaged(tmp_path, monkeypatch, streamed):
    monkeypatch.setattr(workbook, "AT_ONCE_CELLS", 0 if streamed else workbook.AT_ONCE_CELLS)
    plain = _class_list(tmp_path / "plain.xlsx")
    path = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            target.writestr(info, data[: len(data) // 2] if info.filename == "xl/workbook.xml" else data)
    plan = analyse_file(path, "pupils", profile="se")
    assert [(p.row, p.column) for p in plan.problems] == [(1, "A")] and not plan.rows
    assert "damaged" in plan.problems[0].message
