"""The Statistics workspace's charts: encounter rate per grade, sectors by gender, the dissimilarity trend."""

from __future__ import annotations

from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QLocale, QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette

from coordinator.gui.widgets.looks import fit_category_labels
from coordinator.i18n import _
from coordinator.enums import GENDERS, Gender
from coordinator.palette import gender_colour as palette_colour
from coordinator.reference.sectors import sector_name

SECTOR_LABEL = 28  # characters of a sector's name on the chart's axis



def gender_colour(view: QChartView, gender: str) -> QColor:
    """A gender's colour in every chart and document (coordinator.palette), lighter on a dark window."""
    dark = view.palette().color(QPalette.ColorRole.Window).lightness() < 128
    return QColor(palette_colour(gender, dark=dark))


def bar_chart_view() -> QChartView:
    """An empty chart in a view, set up alike for every chart of the workspace."""
    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(220)
    return view


def reset_chart(view: QChartView) -> QChart:
    """The view's chart emptied of series and axes, numbers in the app's language."""
    chart = view.chart()
    chart.setLocale(QLocale())  # the app's language: decimal commas in Swedish, Polish and Russian
    chart.setLocalizeNumbers(True)
    chart.removeAllSeries()
    for axis in list(chart.axes()):
        chart.removeAxis(axis)
    return chart


def draw_rates(view: QChartView, stats: dict[str, Any]) -> None:
    """Encounter rate per grade, one bar per gender."""
    chart = reset_chart(view)
    chart.setTitle(_("Pupils with at least one encounter with working life, per grade"))
    grades = [line["grade"] for line in stats.get("grades", [])]
    series = QBarSeries()
    for gender in GENDERS:
        bar_set = QBarSet(Gender(gender).label)
        bar_set.setColor(gender_colour(view, gender))
        for line in stats.get("grades", []):
            rate = line.get("encounter_rate", {}).get(gender)
            bar_set.append(round(rate * 100, 1) if isinstance(rate, (int, float)) else 0.0)
        series.append(bar_set)
    chart.addSeries(series)
    x_axis = QBarCategoryAxis()
    x_axis.append(grades or [""])
    x_axis.setTitleText(_("Grade"))
    y_axis = QValueAxis()
    y_axis.setRange(0, 100)
    y_axis.setLabelFormat("%.0f %")  # localised numbers: the "%" after the number is literal
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(x_axis)
    series.attachAxis(y_axis)

def sector_categories(stats: dict[str, Any], dominance: dict[str, str | None]) -> list[str]:
    """Each sector by letter and name ("C Tillverkning ♂"), marked with the gender that dominates it in the
    labour market; a long name shortened with "…" (the table under the chart has it whole)."""
    marks = {"girl": " ♀", "boy": " ♂"}
    labels = []
    for code in sorted(stats.get("total", {}).get("placements_by_sector", {})):
        name = f"{code} {sector_name(code)}"
        if len(name) > SECTOR_LABEL:
            name = name[:SECTOR_LABEL - 1].rstrip() + "…"
        # No-break spaces: Qt Charts wraps a label at spaces and, short of height, shows only "…".
        labels.append((name + marks.get(dominance.get(code) or "", "")).replace(" ", "\u00a0"))
    return labels


def draw_sectors(view: QChartView, stats: dict[str, Any], dominance: dict[str, str | None]) -> None:
    """Placements per sector, one bar per gender, sectors named and marked ♀/♂ where dominated; horizontal
    bars, so that the names have room."""
    chart = reset_chart(view)
    chart.setTitle(_("Placements per sector, by gender"))
    by_sector = stats.get("total", {}).get("placements_by_sector", {})
    codes = sorted(by_sector)[::-1]  # A at the top
    series = QHorizontalBarSeries()
    top = 1.0
    for gender in GENDERS:
        bar_set = QBarSet(Gender(gender).label)
        bar_set.setColor(gender_colour(view, gender))
        for code in codes:
            value = by_sector[code].get(gender)
            number = float(value) if isinstance(value, (int, float)) else 0.0
            top = max(top, number)
            bar_set.append(number)
        series.append(bar_set)
    chart.addSeries(series)
    y_axis = QBarCategoryAxis()
    y_axis.append(sector_categories(stats, dominance)[::-1] or [""])
    fit_category_labels(y_axis, len(codes), view.height())
    x_axis = QValueAxis()
    x_axis.setRange(0, max(top, 4.0))
    x_axis.applyNiceNumbers()  # 0, 5, 10, 15, 20 rather than 0, 5.2, 10.5 …
    x_axis.setLabelFormat("%.0f")
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(y_axis)
    series.attachAxis(x_axis)


def draw_trend(view: QChartView, trend: list[tuple[str, float | None]]) -> None:
    """The dissimilarity index of each school year held, as a line."""
    chart = reset_chart(view)
    chart.setTitle(_("Dissimilarity index per school year (lower is more even)"))
    series = QLineSeries()
    series.setName(_("Dissimilarity index"))
    series.setPointsVisible(True)
    for position, (_label, value) in enumerate(trend):
        if value is not None:
            series.append(QPointF(position, value))
    chart.addSeries(series)
    x_axis = QBarCategoryAxis()
    x_axis.append([label for label, _value in trend] or [""])
    y_axis = QValueAxis()
    y_axis.setRange(0, 1)
    y_axis.setTickCount(6)
    y_axis.setLabelFormat("%.1f")
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(x_axis)
    series.attachAxis(y_axis)
    chart.legend().setVisible(False)
