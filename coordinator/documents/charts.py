"""Vector bar charts (reportlab.graphics) in the documents' font, with a legend that prints in grey too."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from coordinator.documents.fonts import BOLD, REGULAR, register_fonts
from coordinator.documents.page import INK, MUTED, RULE

Series = tuple[str, Sequence[float | None], colors.Color]


def _values(values: Sequence[float | None]) -> list[float]:
    return [0.0 if v is None else float(v) for v in values]


def _legend(drawing: Drawing, series: Sequence[Series], x: float, y: float) -> None:
    legend = Legend()
    legend.x, legend.y = x, y
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.fontName, legend.fontSize = REGULAR, 8
    legend.dx, legend.dy, legend.deltax = 8, 8, 70
    legend.colorNamePairs = [(colour, label) for label, _values_, colour in series]
    legend.boxAnchor = "nw"
    drawing.add(legend)


def _title(drawing: Drawing, text: str, width: float, height: float) -> None:
    drawing.add(String(0, height - 11, text, fontName=BOLD, fontSize=10, fillColor=INK))
    del width


def bar_chart(title: str, categories: Sequence[str], series: Sequence[Series], *, width: float,
              height: float = 190, value_max: float | None = None,
              label: Callable[[float], str] = lambda v: f"{v:g}") -> Drawing:
    """Grouped vertical bars: one group per category, one bar per series."""
    register_fonts()
    drawing = Drawing(width, height, initialFontName=REGULAR, initialFontSize=8)
    _title(drawing, title, width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 34, 34
    chart.width, chart.height = width - 44, height - 80
    chart.data = [_values(values) for _label, values, _colour in series] or [[0.0]]
    for index, (_label, _values_, colour) in enumerate(series):
        chart.bars[index].fillColor = colour
        chart.bars[index].strokeColor = colour
    chart.categoryAxis.categoryNames = list(categories)
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.strokeColor = RULE
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7.5
    chart.valueAxis.labels.fillColor = MUTED
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.valueMin = 0
    top = value_max if value_max is not None else max([max(v) for v in chart.data] + [1.0]) * 1.1
    chart.valueAxis.valueMax = top
    chart.valueAxis.valueStep = _step(top)
    chart.valueAxis.labelTextFormat = label
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#e4e7eb")
    chart.groupSpacing = 6
    chart.barSpacing = 1
    drawing.add(chart)
    _legend(drawing, series, 34, height - 18)
    return drawing


def hbar_chart(title: str, categories: Sequence[str], series: Sequence[Series], *, width: float,
               value_max: float | None = None, label: Callable[[float], str] = lambda v: f"{v:g}",
               label_width: float = 150, integer: bool = False) -> Drawing:
    """Grouped horizontal bars, for long category names (sectors, indicators); first category on top."""
    register_fonts()
    rows = max(len(categories), 1)
    group = 6 + 9 * max(len(series), 1)
    height = 60 + rows * group
    drawing = Drawing(width, height, initialFontName=REGULAR, initialFontSize=8)
    _title(drawing, title, width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width, 24
    chart.width, chart.height = width - label_width - 12, height - 60
    # Reversed so that the first category is drawn at the top, as a person reads a list.
    chart.data = [list(reversed(_values(values))) for _label, values, _colour in series] or [[0.0]]
    for index, (_label, _values_, colour) in enumerate(series):
        chart.bars[index].fillColor = colour
        chart.bars[index].strokeColor = colour
    chart.categoryAxis.categoryNames = [_shorten(c, label_width) for c in reversed(list(categories))]
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.strokeColor = RULE
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7.5
    chart.valueAxis.labels.fillColor = MUTED
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.valueMin = 0
    top = value_max if value_max is not None else max([max(v) for v in chart.data] + [1.0]) * 1.1
    if integer:
        top = max(top, 5)
    chart.valueAxis.valueMax = top
    chart.valueAxis.valueStep = _step(top, integer)
    chart.valueAxis.labelTextFormat = label
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#e4e7eb")
    chart.groupSpacing = 6
    chart.barSpacing = 1
    drawing.add(chart)
    _legend(drawing, series, label_width, height - 18)
    return drawing


def _shorten(text: str, width: float) -> str:
    limit = max(int(width / 4.4), 8)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _step(top: float, integer: bool = False) -> float:
    for step in ((1, 2, 5, 10) if integer and top <= 60 else ()) + (0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000, 2000, 5000):
        if top / step <= 6:
            return step
    return top / 5
