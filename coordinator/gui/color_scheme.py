"""Dark mode that follows the system: when the desktop says dark and its own palette stays light, a dark one.

Qt 6.5 and later report the system's colour scheme (`QStyleHints.colorScheme`) and announce when it
changes. Where the platform darkens the palette itself (macOS, Windows 11 with the Fusion or the
Windows 11 style, KDE), nothing is done; where it does not (many Linux desktops, the older Windows
style), the app switches to the Fusion style with the palette below, every pair of text and
background colours at WCAG AA (4.5:1) or better, and switches back when the system turns light.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

# (role, colour): the dark palette. Text colours are checked against their backgrounds in the tests.
DARK_COLOURS: dict[QPalette.ColorRole, str] = {
    QPalette.ColorRole.Window: "#202124",
    QPalette.ColorRole.WindowText: "#e8eaed",
    QPalette.ColorRole.Base: "#1a1b1e",
    QPalette.ColorRole.AlternateBase: "#26282c",
    QPalette.ColorRole.Text: "#e8eaed",
    QPalette.ColorRole.Button: "#2d2f33",
    QPalette.ColorRole.ButtonText: "#e8eaed",
    QPalette.ColorRole.BrightText: "#ffffff",
    QPalette.ColorRole.Highlight: "#2f6bc4",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#8ab4f8",
    QPalette.ColorRole.LinkVisited: "#c58af9",
    QPalette.ColorRole.ToolTipBase: "#2d2f33",
    QPalette.ColorRole.ToolTipText: "#e8eaed",
    QPalette.ColorRole.PlaceholderText: "#a3a9b0",
    QPalette.ColorRole.Light: "#3c3f44",
    QPalette.ColorRole.Midlight: "#33363a",
    QPalette.ColorRole.Mid: "#2a2c30",
    QPalette.ColorRole.Dark: "#141517",
    QPalette.ColorRole.Shadow: "#000000",
}
DISABLED_TEXT = "#7d838a"


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in DARK_COLOURS.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(DISABLED_TEXT))
    return palette


def _looks_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


class ColorSchemeFollower(QObject):
    """Keeps the application's palette in step with the system's light or dark scheme."""

    def __init__(self, app: QApplication):
        super().__init__(app)
        self.app = app
        self.own_dark = False  # whether the dark palette now in force is ours
        self.light_style = ""  # the style to go back to, read when ours goes dark (not while the app starts)
        hints = QGuiApplication.styleHints()
        if hasattr(hints, "colorSchemeChanged"):  # Qt 6.5+
            hints.colorSchemeChanged.connect(self.apply)
        self.apply(hints.colorScheme() if hasattr(hints, "colorScheme") else Qt.ColorScheme.Unknown)

    def apply(self, scheme: Qt.ColorScheme) -> None:
        if scheme == Qt.ColorScheme.Dark and not self.own_dark and not _looks_dark(self.app.palette()):
            self.light_style = self.app.style().name()
            self.app.setStyle(QStyleFactory.create("Fusion"))  # the native light styles ignore a dark palette
            self.app.setPalette(dark_palette())
            self.own_dark = True
        elif scheme != Qt.ColorScheme.Dark and self.own_dark:
            self.app.setStyle(QStyleFactory.create(self.light_style) or QStyleFactory.create("Fusion"))
            self.app.setPalette(self.app.style().standardPalette())
            self.own_dark = False


def follow_system_color_scheme(app: QApplication) -> ColorSchemeFollower:
    """Start following the system's colour scheme (kept alive as a child of the application)."""
    return ColorSchemeFollower(app)
