"""The app's shared looks in Qt terms: whether the window is dark, what is overdue, chart labels that fit."""

from __future__ import annotations

from PySide6.QtCharts import QAbstractAxis
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPalette

from coordinator.palette import overdue_colour


def is_dark(palette: QPalette) -> bool:
    """Whether the window's background is dark (the system's dark mode, or a dark theme)."""
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def overdue_brush(palette: QPalette) -> QBrush:
    """Red text for what is late, readable on the palette's background."""
    return QBrush(QColor(overdue_colour(dark=is_dark(palette))))


def fit_category_labels(axis: QAbstractAxis, categories: int, view_height: int) -> None:
    """Shrink a vertical category axis's labels until one line fits each category (down to 6.5 pt).

    Qt Charts shows a label that lacks the height as a bare "…": eight sectors in a chart of 290
    pixels was a column of dots. About half the view's height is the plot; each line wants its
    font's height and a few pixels of margin.
    """
    font = QFont(axis.labelsFont())
    per_category = view_height * 0.5 / max(categories, 1)
    size = font.pointSizeF()
    while size > 6.5 and QFontMetricsF(font).height() + 8 > per_category:
        size -= 0.5
        font.setPointSizeF(size)
    axis.setLabelsFont(font)
