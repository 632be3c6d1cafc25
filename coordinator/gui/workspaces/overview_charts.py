"""The Overview's two charts: the encounter rate per grade, and girls and boys per sector of placement.

Colours come from the palette so that the charts read as well in dark mode as in light.
"""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPalette

from coordinator.i18n import _
from coordinator.gui.widgets.looks import fit_category_labels
from coordinator.palette import gender_colour
from coordinator.services.progress import KeyNumbers

MAX_SECTORS = 8


def _is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def gender_colours(palette: QPalette) -> dict[str, QColor]:
    """Girls, boys, other: the colours of every chart and document (coordinator.palette), lighter when dark."""
    dark = _is_dark(palette)
    return {key: QColor(gender_colour(key, dark=dark)) for key in ("girl", "boy", "other")}


class OverviewCharts:
    """Mixed into the Overview workspace: draws into its `rate_chart` and `sector_chart` views."""

    rate_chart: QChartView
    sector_chart: QChartView

    def _styled_chart(self, title: str) -> QChart:
        palette = self.palette()
        chart = QChart()
        chart.setTitle(title)
        chart.setBackgroundBrush(palette.color(QPalette.ColorRole.Base))
        chart.setTitleBrush(palette.color(QPalette.ColorRole.Text))
        chart.legend().setLabelColor(palette.color(QPalette.ColorRole.Text))
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        return chart

    def _style_axis(self, axis) -> None:
        palette = self.palette()
        axis.setLabelsColor(palette.color(QPalette.ColorRole.Text))
        axis.setLinePenColor(palette.color(QPalette.ColorRole.Mid))
        axis.setGridLineColor(palette.color(QPalette.ColorRole.Midlight if not _is_dark(palette)
                                            else QPalette.ColorRole.Dark))

    def _render_charts(self) -> None:
        numbers = self.data.numbers if self.data is not None else None  # type: ignore[attr-defined]
        self._render_rate_chart(numbers)
        self._render_sector_chart(numbers)

    def _render_rate_chart(self, numbers: KeyNumbers | None) -> None:
        # Encounter rate per grade: the grades that have pupils, in school-type order.
        chart = self._styled_chart(_("Encounter rate per grade"))
        rates = [r for r in numbers.encounter_rate_by_grade if r.pupils] if numbers else []
        if rates:
            bars = QBarSet(_("Pupils who met working life"))
            bars.setColor(self.palette().color(QPalette.ColorRole.Highlight))
            bars.setBorderColor(self.palette().color(QPalette.ColorRole.Highlight))
            bars.append([round((r.rate or 0) * 100, 1) for r in rates])
            series = QBarSeries()
            series.append(bars)
            chart.addSeries(series)
            categories = QBarCategoryAxis()
            categories.append([r.label for r in rates])
            if len(rates) > 10:  # F–9 and upper-secondary grades side by side: smaller, so none is elided
                small = categories.labelsFont()
                small.setPointSizeF(max(6.5, self.font().pointSizeF() * 0.8))
                categories.setLabelsFont(small)
            values = QValueAxis()
            values.setRange(0, 100)
            values.setLabelFormat("%d %%")
            values.setTickCount(5)
            for axis, side in ((categories, Qt.AlignmentFlag.AlignBottom), (values, Qt.AlignmentFlag.AlignLeft)):
                self._style_axis(axis)
                chart.addAxis(axis, side)
                series.attachAxis(axis)
            chart.legend().setVisible(False)
        else:
            chart.setTitle(_("Encounter rate per grade: no pupils enrolled this year"))
        self._set_chart(self.rate_chart, chart)

    def _render_sector_chart(self, numbers: KeyNumbers | None) -> None:
        # Girls and boys per sector of placement, the busiest sectors only.
        chart = self._styled_chart(_("Placements per sector, girls and boys"))
        sectors = sorted(numbers.sectors, key=lambda s: -(s.girls + s.boys + s.other))[:MAX_SECTORS] if numbers else []
        if sectors:
            sectors.reverse()  # the busiest on top of a horizontal chart
            colours = gender_colours(self.palette())
            series = QHorizontalBarSeries()
            sets = [("girl", _("Girls"), [s.girls for s in sectors]), ("boy", _("Boys"), [s.boys for s in sectors])]
            if any(s.other for s in sectors):
                sets.append(("other", _("Other or unspecified"), [s.other for s in sectors]))
            for key, name, counts in sets:
                bars = QBarSet(name)
                bars.setColor(colours[key])
                bars.setBorderColor(colours[key])
                bars.append(counts)
                series.append(bars)
            chart.addSeries(series)
            categories = QBarCategoryAxis()
            categories.append([self._short(s.name) for s in sectors])
            fit_category_labels(categories, len(sectors), self.sector_chart.height())
            values = QValueAxis()
            values.setLabelFormat("%d")
            top = max(max(s.girls, s.boys, s.other) for s in sectors)
            values.setRange(0, max(4, top))
            values.applyNiceNumbers()
            for axis, side in ((categories, Qt.AlignmentFlag.AlignLeft), (values, Qt.AlignmentFlag.AlignBottom)):
                self._style_axis(axis)
                chart.addAxis(axis, side)
                series.attachAxis(axis)
            chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        else:
            chart.setTitle(_("Placements per sector: none this year"))
        self._set_chart(self.sector_chart, chart)

    @staticmethod
    def _set_chart(view: QChartView, chart: QChart) -> None:
        old = view.chart()
        view.setChart(chart)
        if old is not None:
            old.deleteLater()  # the view gives up ownership of the chart it showed before

    @staticmethod
    def _short(name: str, width: int = 26) -> str:
        """A sector's name on one line: Qt Charts wraps a label at its spaces and then, short of height,
        shows only "…" (eight sectors at 768 pixels); no-break spaces keep it one line, shortened by us."""
        short = name if len(name) <= width else name[:width - 1].rstrip() + "…"
        return short.replace(" ", "\u00a0")
