"""How the navigation list looks: an icon per workspace and group headings (Records, Planning, Numbers, Documents).

The headings are painted above the first workspace of each group by an item delegate, so that each row of
the list is still one workspace (row n is the n-th workspace for the window, its shortcuts and its tests).
The icons are the app's own SVG drawings (resources/icons/navigation, CC0), drawn in the window's text
colour at each size asked for when it is first asked for, so they stay sharp on a high-DPI screen and
follow dark mode.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QModelIndex, QObject, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QListWidget, QStyledItemDelegate, QStyleOptionViewItem

from coordinator.i18n import N_, _
from coordinator.resources import resource_path

HEADING_ROLE = Qt.ItemDataRole.UserRole + 1
ICON_SIZE = 20
_DRAWN_COLOUR = "#2e3a46"  # the stroke colour the SVG files are drawn in, replaced by the text colour

# The first workspace of each group, and the group's heading.
GROUP_STARTS: dict[str, str] = {
    "organisations": N_("Records"),
    "study_visits": N_("Planning"),
    "scorecards": N_("Numbers"),
    "documents": N_("Documents"),
}


def navigation_icon(key: str, palette: QPalette) -> QIcon:
    """The workspace's icon in the palette's text colour, at whatever size is asked for."""
    try:
        svg = resource_path(f"icons/navigation/{key}.svg").read_text(encoding="utf-8")
    except Exception:  # noqa: BLE001 - a missing icon leaves the entry without one, never without the app
        return QIcon()
    return QIcon(_DrawnIcon(svg, palette))


class _DrawnIcon(QIconEngine):
    """An SVG drawing in the palette's colours, drawn at a size when a list first shows it at that size
    (sharp at any scale), not ahead of the window at every size it might be."""

    def __init__(self, svg: str, palette: QPalette) -> None:
        super().__init__()
        self.svg, self.palette = svg, QPalette(palette)
        self._drawn: dict[tuple[int, int, QIcon.Mode], QPixmap] = {}

    def clone(self) -> QIconEngine:
        return _DrawnIcon(self.svg, self.palette)

    def pixmap(self, size: QSize, mode: QIcon.Mode, _state: QIcon.State) -> QPixmap:
        key = (size.width(), size.height(), mode)
        if key not in self._drawn:
            self._drawn[key] = self._draw(size, mode)
        return self._drawn[key]

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        ratio = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        drawn = self.pixmap(QSize(round(rect.width() * ratio), round(rect.height() * ratio)), mode, state)
        painter.drawPixmap(rect, drawn)

    def _draw(self, size: QSize, mode: QIcon.Mode) -> QPixmap:
        group = QPalette.ColorGroup.Disabled if mode == QIcon.Mode.Disabled else QPalette.ColorGroup.Normal
        colour = self.palette.color(group, QPalette.ColorRole.WindowText).name()
        renderer = QSvgRenderer(QByteArray(self.svg.replace(_DRAWN_COLOUR, colour).encode("utf-8")))
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        if mode == QIcon.Mode.Selected:  # as Qt's styles mark a selected icon: the highlight over its strokes
            tint = self.palette.color(QPalette.ColorGroup.Normal, QPalette.ColorRole.Highlight)
            tint.setAlphaF(0.3)
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceAtop)
            painter.fillRect(pixmap.rect(), tint)
        painter.end()
        return pixmap


class NavigationDelegate(QStyledItemDelegate):
    """Paints a group's heading above the first workspace of the group, then the workspace as usual."""

    def _heading_font(self, font: QFont) -> QFont:
        heading = QFont(font)
        heading.setBold(True)
        heading.setPointSizeF(max(font.pointSizeF() * 0.9, 7.0))
        return heading

    def _heading_height(self, font: QFont) -> int:
        return QFontMetrics(self._heading_font(font)).height() + 10

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        heading = index.data(HEADING_ROLE)
        if heading:
            width = QFontMetrics(self._heading_font(option.font)).horizontalAdvance(heading) + 12
            size = QSize(max(size.width(), width), size.height() + self._heading_height(option.font))
        return size

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        heading = index.data(HEADING_ROLE)
        if not heading:
            super().paint(painter, option, index)
            return
        height = self._heading_height(option.font)
        painter.save()
        painter.setFont(self._heading_font(option.font))
        painter.setPen(option.palette.color(QPalette.ColorRole.WindowText))
        area = QRect(option.rect.x() + 6, option.rect.y(), option.rect.width() - 8, height - 3)
        painter.drawText(area, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom), heading)
        painter.restore()
        item = QStyleOptionViewItem(option)
        item.rect = option.rect.adjusted(0, height, 0, 0)
        super().paint(painter, item, index)


class NavigationLooks(QObject):
    """Gives a navigation list its icons and headings, and redraws the icons when the palette changes."""

    def __init__(self, navigation: QListWidget, keys: list[str]):
        super().__init__(navigation)
        self.navigation = navigation
        self.keys = keys
        self.delegate = NavigationDelegate(navigation)
        navigation.setItemDelegate(self.delegate)
        navigation.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        navigation.setSpacing(1)
        navigation.installEventFilter(self)
        self.paint_icons()
        self.retranslate()

    def retranslate(self) -> None:
        for row, key in enumerate(self.keys):
            item = self.navigation.item(row)
            heading = _(GROUP_STARTS[key]) if key in GROUP_STARTS else ""
            item.setData(HEADING_ROLE, heading or None)
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, heading)
        self.navigation.doItemsLayout()

    def paint_icons(self) -> None:
        palette = self.navigation.palette()
        for row, key in enumerate(self.keys):
            self.navigation.item(row).setIcon(navigation_icon(key, palette))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.navigation and event.type() == QEvent.Type.PaletteChange:
            self.paint_icons()  # light ↔ dark: the strokes follow the text colour
        return False

