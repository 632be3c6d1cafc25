"""Dark mode: the app follows the system's dark scheme with a palette whose texts meet WCAG AA."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from coordinator.gui.color_scheme import DARK_COLOURS, ColorSchemeFollower
from coordinator.palette import contrast_ratio

R = QPalette.ColorRole
PAIRS = [(R.WindowText, R.Window), (R.Text, R.Base), (R.Text, R.AlternateBase), (R.ButtonText, R.Button),
         (R.HighlightedText, R.Highlight), (R.ToolTipText, R.ToolTipBase), (R.Link, R.Base),
         (R.PlaceholderText, R.Base)]


@pytest.mark.parametrize(("text", "background"), PAIRS)
def test_every_text_of_the_dark_palette_meets_aa(text, background):
    assert contrast_ratio(DARK_COLOURS[text], DARK_COLOURS[background]) >= 4.5


def test_the_app_turns_dark_with_the_system_and_back(qtbot, qapp: QApplication, main_window):
    before_style, before_palette = qapp.style().name(), QPalette(qapp.palette())
    follower = ColorSchemeFollower(qapp)
    try:
        follower.apply(Qt.ColorScheme.Dark)
        assert qapp.palette().color(R.Window).lightness() < 60
        navigation = main_window.navigation
        qtbot.waitUntil(lambda: navigation.palette().color(R.WindowText).name() == DARK_COLOURS[R.WindowText])
        icon = navigation.item(0).icon().pixmap(24, 24).toImage()
        strokes = [icon.pixelColor(x, y) for x in range(24) for y in range(24) if icon.pixelColor(x, y).alpha() > 200]
        assert strokes and min(c.lightness() for c in strokes) > 150  # the icons redrawn in light strokes
        follower.apply(Qt.ColorScheme.Light)
        assert qapp.palette().color(R.Window).lightness() > 128
    finally:
        qapp.setStyle(before_style)
        qapp.setPalette(before_palette)
        follower.deleteLater()
