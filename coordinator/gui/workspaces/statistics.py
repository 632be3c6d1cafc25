"""The Statistics workspace: gender balance per grade, sector spread and the dissimilarity trend."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coordinator.changes import Kind
from coordinator.desk.gui_files import write_table
from coordinator.desk.gui_reports import StatisticsResult
from coordinator.errors import UserError
from coordinator.formatting import format_number, format_percent
from coordinator.gui.context import AppContext
from coordinator.gui.workspaces.gender_charts import bar_chart_view, draw_rates, draw_sectors, draw_trend
from coordinator.gui.workspaces.report_workspace import ReportWorkspace
from coordinator.i18n import _
from coordinator.enums import GENDERS, Gender

RELEVANT_KINDS = (Kind.PUPILS, Kind.ENROLMENTS, Kind.PLACEMENTS, Kind.STUDY_VISITS, Kind.ENCOUNTERS,
                  Kind.CLASSES, Kind.SCHOOLS, Kind.SCHOOL_YEARS, Kind.SETTINGS)


def cell_text(value: Any, *, rate: bool = False) -> str:
    """A count, a rate or a suppressed mark as a person reads it."""
    if value is None:
        return "–"
    if isinstance(value, str):
        return value
    if rate:
        return format_percent(value, 0)
    if isinstance(value, float):
        return format_number(value, 2)
    return format_number(value)


def table_headers() -> list[str]:
    genders = [Gender(g).group_label for g in GENDERS]
    return ([_("Grade")]
            + [_("Pupils: {gender}").format(gender=g) for g in genders]
            + [_("Encounter rate: {gender}").format(gender=g) for g in genders]
            + [_("Encounter rate: all"), _("Placements"), _("Non-traditional share"), _("Dissimilarity index")])


def table_rows(stats: dict[str, Any]) -> list[list[Any]]:
    """The shown table as raw values (numbers stay numbers for XLSX); first cell is the grade label."""
    rows = []
    lines = [(line["grade"], line) for line in stats.get("grades", [])]
    lines.append((_("Total"), stats.get("total", {})))
    for label, line in lines:
        pupils = line.get("pupils", {})
        rates = line.get("encounter_rate", {})
        rows.append([label] + [pupils.get(g) for g in GENDERS] + [rates.get(g) for g in GENDERS]
                    + [rates.get("all"), line.get("placements"), line.get("non_traditional_share"),
                       line.get("dissimilarity_index")])
    return rows


RATE_COLUMNS = frozenset({5, 6, 7, 8, 9, 11})


def sector_table(stats: dict[str, Any], dominance: dict[str, str | None]) -> tuple[list[str], list[list[Any]]]:
    """The sector chart as a table: section, its name, which gender dominates it, placements per gender."""
    from coordinator.reference.sectors import sector_name

    dominated = {"girl": _("Women"), "boy": _("Men")}
    headers = ([_("Sector"), _("Name"), _("Dominated by")]
               + [_("Placements: {gender}").format(gender=Gender(g).group_label) for g in GENDERS])
    rows = []
    for code, counts in sorted(stats.get("total", {}).get("placements_by_sector", {}).items()):
        rows.append([code, sector_name(code), dominated.get(dominance.get(code) or "", "")]
                    + [counts.get(g) for g in GENDERS])
    return headers, rows


class StatisticsWorkspace(ReportWorkspace):
    """Filters (year, school, suppression), the per-grade table, three charts and export."""

    key = "statistics"
    relevant = RELEVANT_KINDS

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.year_label = QLabel()
        self.year_combo.setObjectName("statistics_year")
        self.school_label = QLabel()
        self.school_combo.setObjectName("statistics_school")
        self.year_label.setBuddy(self.year_combo)
        self.school_label.setBuddy(self.school_combo)
        self.suppress_box = QCheckBox()
        self.suppress_box.setObjectName("statistics_suppress")
        self.export_button = QPushButton()
        self.export_button.setObjectName("statistics_export")
        self.export_button.setEnabled(False)
        self.status_label.setObjectName("statistics_status")

        bar = QHBoxLayout()
        for widget in (self.year_label, self.year_combo, self.school_label, self.school_combo, self.suppress_box):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.status_label)
        bar.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self._build_body(), 1)
        self.suppress_box.toggled.connect(self._show)
        self.export_button.clicked.connect(self.export_dialog)
        self._watch_filters()
        self.retranslate()

    def _build_body(self) -> QSplitter:
        """The per-grade table with the index below it, and the charts in tabs under both."""
        self.table = QTableWidget(0, 0)
        self.table.setObjectName("statistics_table")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(True)
        self.index_label = QLabel()
        self.index_label.setObjectName("statistics_index")
        self.index_label.setWordWrap(True)

        self.rate_chart = bar_chart_view()
        self.sector_chart = bar_chart_view()
        self.trend_chart = bar_chart_view()
        self.dominance_note = QLabel()
        self.dominance_note.setWordWrap(True)
        sector_page = QWidget()
        sector_layout = QVBoxLayout(sector_page)
        sector_layout.setContentsMargins(0, 0, 0, 0)
        sector_layout.addWidget(self.sector_chart, 1)
        sector_layout.addWidget(self.dominance_note)
        self.charts = QTabWidget()
        self.charts.setObjectName("statistics_charts")
        self.charts.addTab(self.rate_chart, "")
        self.charts.addTab(sector_page, "")
        self.charts.addTab(self.trend_chart, "")

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.table, 1)
        top_layout.addWidget(self.index_label)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.charts)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        return splitter

    # -- the contract ------------------------------------------------------------------------------

    def title(self) -> str:
        return _("Statistics")

    def retranslate(self) -> None:
        self.year_label.setText(_("School &year:"))
        self.school_label.setText(_("&School:"))
        self.suppress_box.setText(_("&Hide small numbers (under 5)"))
        self.suppress_box.setToolTip(_("As in anything published: counts from 1 to 4 show as “<5”; a rate is "
                                       "withheld when fewer than 5 pupils are behind it or when a count from 1 "
                                       "to 4 could be worked out from it, and rates are shown in whole percent."))
        self.export_button.setText(_("&Export…"))
        self.export_button.setAccessibleName(_("Export the table shown"))
        self.charts.setTabText(0, _("Encounter rate per grade"))
        self.charts.setTabText(1, _("Placements per sector"))
        self.charts.setTabText(2, _("Dissimilarity index over the years"))
        for index, view in enumerate((self.rate_chart, self.sector_chart, self.trend_chart)):
            view.setAccessibleName(self.charts.tabText(index))
        self.table.setAccessibleName(_("Pupils and encounter rates per grade"))
        self.dominance_note.setText(_("♀ marks a sector where women hold more than 60 % of the jobs, ♂ one "
                                      "where men do; a placement there is non-traditional for the other gender."))
        if self.school_combo.count():
            self.school_combo.setItemText(0, _("All schools (municipality)"))
        self._show()

    def all_schools_text(self) -> str:
        return _("All schools (municipality)")

    def computation(self, year: str, school: str | None):
        desk = self.context.desk
        return lambda progress: desk.gender_overview(year=year, school=school, progress=progress)

    def _computing(self) -> None:
        self.export_button.setEnabled(False)

    def _computed(self, result: StatisticsResult) -> None:
        self.export_button.setEnabled(True)
        super()._computed(result)

    # -- showing -----------------------------------------------------------------------------------

    def shown_stats(self) -> dict[str, Any] | None:
        if self._result is None:
            return None
        return self._result.suppressed if self.suppress_box.isChecked() else self._result.stats

    def _show(self) -> None:
        stats = self.shown_stats()
        if stats is None:
            return
        headers = table_headers()
        rows = table_rows(stats)
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setRowCount(len(rows))
        self.table.setHorizontalHeaderLabels([h.replace(": ", ":\n", 1) for h in headers])
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                text = str(value) if c == 0 else cell_text(value, rate=c in RATE_COLUMNS)
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if r == len(rows) - 1:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(r, c, item)
        total = stats.get("total", {})
        index = total.get("dissimilarity_index")
        if index is None:
            self.index_label.setText(_("Dissimilarity index of placements by sector: not defined (no placements "
                                       "of girls or of boys)."))
        else:
            self.index_label.setText(_("Dissimilarity index of placements by sector: {index} (0 = girls and boys "
                                       "spread alike, 1 = fully separated).").format(index=format_number(index, 2)))
        draw_rates(self.rate_chart, stats)
        draw_sectors(self.sector_chart, stats, self._result.dominance if self._result else {})
        draw_trend(self.trend_chart, self._result.trend if self._result else [])

    # -- export ------------------------------------------------------------------------------------

    def export_to(self, path: Path) -> Path:
        """Write the table as shown (suppressed or not) to CSV or XLSX (with the sectors on a second sheet)."""
        stats = self.shown_stats()
        if stats is None or self._result is None:
            raise UserError(_("There is nothing to export yet."))
        sectors = sector_table(stats, self._result.dominance)
        return write_table(Path(path), table_headers(), table_rows(stats),
                           extra_sheets=((_("Sectors"), *sectors),))

    def export_dialog(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Export statistics"), "",
            _("Excel workbook (*.xlsx);;CSV file (*.csv)"))
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_suffix(".csv" if "csv" in _filter.lower() else ".xlsx")
        try:
            self.export_to(path)
        except (UserError, OSError) as exc:
            QMessageBox.warning(self, _("Export statistics"),
                                _("The file could not be written: {reason}").format(reason=exc))
            return
        self.status_label.setText(_("Saved {name}.").format(name=path.name))
