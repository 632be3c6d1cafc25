"""The navigation: an icon for every workspace, group headings in the chosen language, one row per workspace."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

from coordinator.gui.navigation_looks import HEADING_ROLE


def _headings(navigation) -> dict[int, str]:
    return {row: navigation.item(row).data(HEADING_ROLE) for row in range(navigation.count())
            if navigation.item(row).data(HEADING_ROLE)}


def test_every_workspace_has_an_icon_and_the_groups_have_headings(qtbot, main_window):
    navigation = main_window.navigation
    keys = main_window.keys
    assert navigation.count() == len(keys)  # the headings are painted, not rows of their own
    for row in range(navigation.count()):
        icon = navigation.item(row).icon()
        assert not icon.isNull()
        assert icon.pixmap(48, 48).width() == 48  # drawn for high-DPI screens too, not scaled up
    headings = _headings(navigation)
    assert {keys[row]: text for row, text in headings.items()} == {
        "organisations": "Records", "study_visits": "Planning", "scorecards": "Numbers", "documents": "Documents"}
    plain = navigation.sizeHintForRow(keys.index("contacts"))
    assert navigation.sizeHintForRow(keys.index("organisations")) > plain  # room for the heading above it

    main_window.switch_language("sv")
    assert set(_headings(navigation).values()) == {"Register", "Planering", "Siffror", "Dokument"}
    main_window.switch_language("ru")
    assert "Аналитика" in _headings(navigation).values()


def test_the_icons_follow_a_dark_palette(qtbot, main_window):
    navigation = main_window.navigation
    light = navigation.item(0).icon().pixmap(24, 24).toImage()
    dark = QPalette(navigation.palette())
    dark.setColor(QPalette.ColorRole.Window, QColor("#202124"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#e8eaed"))
    navigation.setPalette(dark)
    drawn = navigation.item(0).icon().pixmap(24, 24).toImage()

    def darkest(image) -> int:
        return min(QColor(image.pixel(x, y)).lightness() for x in range(24) for y in range(24)
                   if QColor.fromRgba(image.pixel(x, y)).alpha() > 200)

    assert darkest(light) < 100 and darkest(drawn) > 150  # light strokes on a dark window
