"""The app's shared looks in Qt terms: whether the window is dark, and the brushes of what is overdue."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor, QPalette

from coordinator.palette import overdue_colour


def is_dark(palette: QPalette) -> bool:
    """Whether the window's background is dark (the system's dark mode, or a dark theme)."""
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def overdue_brush(palette: QPalette) -> QBrush:
    """Red text for what is late, readable on the palette's background."""
    return QBrush(QColor(overdue_colour(dark=is_dark(palette))))
