"""The Statistics workspace as a coordinator uses it: choose a year and a school, read the table, export it."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import QSettings, Qt

from coordinator.palette import GENDER_LIGHT
from coordinator.formatting import format_number, format_percent
from coordinator.gui.context import AppContext
from coordinator.gui.workspaces.statistics import StatisticsWorkspace
from coordinator.enums import GENDERS
from coordinator.stats.gender import gender_statistics


@pytest.fixture
def workspace(qtbot, small_store, tmp_path):
    context = AppContext(small_store, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    ws = StatisticsWorkspace(context)
    qtbot.addWidget(ws)
    ws.resize(1200, 800)
    ws.show()
    ws.activated()
    qtbot.waitUntil(lambda: not ws.busy and ws.table.rowCount() > 0, timeout=15000)
    return ws


def _row(ws, label: str) -> list[str]:
    for r in range(ws.table.rowCount()):
        if ws.table.item(r, 0).text() == label:
            return [ws.table.item(r, c).text() for c in range(ws.table.columnCount())]
    raise AssertionError(f"no row {label!r}")


def _expected(line) -> list[str]:
    rate = line["encounter_rate"]
    return ([format_number(line["pupils"][g]) for g in GENDERS]
            + [format_percent(rate[g]) for g in GENDERS] + [format_percent(rate["all"])])


def _choose(qtbot, ws, combo, data) -> None:
    index = combo.findData(data)
    assert index >= 0
    combo.setCurrentIndex(index)
    qtbot.waitUntil(lambda: not ws.busy and ws.shown_stats() is not None
                    and ws.shown_stats()["year"] == ws.year_combo.currentData(), timeout=15000)


def test_table_matches_gender_statistics_for_the_chosen_year_and_school(qtbot, workspace, small_store):
    ws = workspace
    years = [ws.year_combo.itemData(i) for i in range(ws.year_combo.count())]
    assert "2025/26" in years and "2026/27" in years
    _choose(qtbot, ws, ws.year_combo, "2025/26")
    with small_store.session() as s:
        stats = gender_statistics(s, year="2025/26")
    assert ws.table.rowCount() == len(stats["grades"]) + 1
    for line in stats["grades"]:
        assert _row(ws, line["grade"])[1:10] == _expected(line)
    total = _row(ws, "Total")
    assert total[1:10] == _expected(stats["total"])
    assert sum(stats["total"]["pupils"].values()) > 50, "the small demo holds pupils"

    school = ws.school_combo.itemData(1)
    ws.school_combo.setCurrentIndex(1)
    qtbot.waitUntil(lambda: not ws.busy and ws.shown_stats()["school"] == school, timeout=15000)
    with small_store.session() as s:
        own = gender_statistics(s, year="2025/26", school=school)
    assert _row(ws, "Total")[1:10] == _expected(own["total"])
    index = own["total"]["dissimilarity_index"]
    expected = "not defined" if index is None else format_number(index, 2)
    assert expected in ws.index_label.text()


def test_charts_show_grades_sectors_with_dominance_marks_and_the_trend(workspace):
    ws = workspace
    stats = ws.shown_stats()
    rate_axis = ws.rate_chart.chart().axes(Qt.Orientation.Horizontal)[0]
    assert rate_axis.categories() == [line["grade"] for line in stats["grades"]]
    bar_sets = ws.rate_chart.chart().series()[0].barSets()
    assert [b.label() for b in bar_sets] == ["Girl", "Boy", "Other", "Unspecified"]
    sectors = ws.sector_chart.chart().axes(Qt.Orientation.Vertical)[0].categories()
    assert len(sectors) == len(stats["total"]["placements_by_sector"]) > 0
    # The demo's placements include manufacturing (men-dominated) or care (women-dominated).
    assert any(label.endswith(("♂", "♀")) for label in sectors)
    assert "C\u00a0Manufacturing\u00a0♂" in sectors  # named, not a bare letter; one line
    colours = {b.label(): b.color().name() for b in bar_sets}
    assert colours == {"Girl": GENDER_LIGHT["girl"], "Boy": GENDER_LIGHT["boy"], "Other": GENDER_LIGHT["other"],
                       "Unspecified": GENDER_LIGHT["unspecified"]}  # the documents' colours too
    trend = ws.trend_chart.chart().axes(Qt.Orientation.Horizontal)[0].categories()
    assert trend[-2:] == ["2025/26", "2026/27"]


def test_suppression_hides_small_counts_and_export_writes_what_is_shown(qtbot, workspace, tmp_path):
    ws = workspace
    raw = ws.shown_stats()
    small_cells = [(line["grade"], g) for line in raw["grades"] for g in GENDERS
                   if 1 <= line["pupils"][g] <= 4]
    qtbot.mouseClick(ws.suppress_box, Qt.MouseButton.LeftButton)
    assert ws.suppress_box.isChecked()
    texts = [ws.table.item(r, c).text() for r in range(ws.table.rowCount()) for c in range(1, 5)]
    assert not any(t in {"1", "2", "3", "4"} for t in texts)
    for grade, gender in small_cells:
        assert _row(ws, grade)[1 + GENDERS.index(gender)] == "<5"

    out = tmp_path / "statistik.csv"
    ws.export_to(out)
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    assert rows[0][0] == "Grade" and rows[0][1] == "Pupils: girls"
    assert [r[0] for r in rows[1:]] == [ws.table.item(r, 0).text() for r in range(ws.table.rowCount())]
    assert not any(cell in {"1", "2", "3", "4"} for row in rows[1:] for cell in row[1:5])

    from openpyxl import load_workbook

    qtbot.mouseClick(ws.suppress_box, Qt.MouseButton.LeftButton)
    book_path = ws.export_to(tmp_path / "statistik.xlsx")
    sheet = load_workbook(book_path, read_only=True).active
    values = list(sheet.iter_rows(values_only=True))
    total = values[-1]
    assert total[0] == "Total" and total[1] == raw["total"]["pupils"]["girl"]
    sectors = list(load_workbook(book_path, read_only=True)["Sectors"].iter_rows(values_only=True))
    assert sectors[0][:3] == ("Sector", "Name", "Dominated by")
    by_sector = raw["total"]["placements_by_sector"]
    assert [row[0] for row in sectors[1:]] == sorted(by_sector)
    manufacturing = next(row for row in sectors if row[0] == "C")
    assert manufacturing[1] == "Manufacturing" and manufacturing[2] == "Men"
    assert manufacturing[3:] == tuple(by_sector["C"][g] for g in GENDERS)
    assert not list(tmp_path.glob(".statistik*")), "no temporary file is left behind"


def test_the_table_heads_name_groups_of_pupils_not_one_pupil():
    """'Uczniowie: dziewczęta', not 'Uczniowie: Dziewczyna' (a plural noun, then one girl)."""
    from coordinator.gui.workspaces.statistics import table_headers
    from coordinator.i18n import use_language

    with use_language("pl"):
        assert "Uczniowie: dziewczęta" in table_headers()
    with use_language("ru"):
        assert "Обучающиеся: мальчики" in table_headers()
    with use_language("sv"):
        assert "Elever: flickor" in table_headers()
