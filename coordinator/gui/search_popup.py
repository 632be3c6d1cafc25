"""The global search popup (Ctrl+K): type a name, number or phone, pick a record with the keyboard.

The search itself takes a few tens of milliseconds even on a region of 100,000 pupils, so it runs
on the GUI thread after a short pause in typing (debounce) rather than through a worker.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from coordinator.errors import UserError
from coordinator.gui.context import AppContext
from coordinator.i18n import N_, _
from coordinator.services.search import SearchHit

DEBOUNCE_MS = 180
KIND_NAMES = {"organisation": N_("Organisation"), "contact": N_("Contact person"), "pupil": N_("Pupil"),
              "teacher": N_("Teacher"), "class": N_("Class")}
_HIT = Qt.ItemDataRole.UserRole + 1


class _HitDelegate(QStyledItemDelegate):
    """Two lines per hit: the name in bold with its kind on the right, and where it belongs below."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        height = QFontMetrics(option.font).height()
        return QSize(200, height * 2 + 10)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        hit: SearchHit | None = index.data(_HIT)
        if hit is None:
            return super().paint(painter, option, index)
        QApplication.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter,
                                           option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect = option.rect.adjusted(8, 4, -8, -4)
        line = QFontMetrics(option.font).height()
        bold = QFont(option.font)
        bold.setBold(True)
        bold.setItalic(hit.protected)  # a protected identity: shown to the coordinator, but marked
        kind = _(KIND_NAMES.get(hit.kind, hit.kind))
        painter.save()
        painter.setPen(palette.color(text_role))
        kind_width = QFontMetrics(option.font).horizontalAdvance(kind) + 4
        painter.drawText(QRect(rect.right() - kind_width, rect.top(), kind_width, line),
                         Qt.AlignmentFlag.AlignRight, kind)
        painter.setFont(bold)
        title_rect = QRect(rect.left(), rect.top(), rect.width() - kind_width - 8, line)
        painter.drawText(title_rect, Qt.AlignmentFlag.AlignLeft,
                         QFontMetrics(bold).elidedText(hit.title, Qt.TextElideMode.ElideRight, title_rect.width()))
        painter.setFont(option.font)
        if not selected:
            painter.setPen(palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText))
        sub_rect = QRect(rect.left(), rect.top() + line + 2, rect.width(), line)
        painter.drawText(sub_rect, Qt.AlignmentFlag.AlignLeft, QFontMetrics(option.font).elidedText(
            hit.subtitle, Qt.TextElideMode.ElideRight, sub_rect.width()))
        painter.restore()


class SearchPopup(QFrame):
    """A frameless popup: a search field over a list of hits. Up/Down move, Enter opens, Esc closes."""

    record_chosen = Signal(str, int)  # kind ("organisation", "contact", "pupil", "teacher", "class"), id

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Popup | Qt.WindowType.FramelessWindowHint)
        self.context = context
        self.setObjectName("search_popup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.field = QLineEdit(self)
        self.field.setObjectName("search_field")
        self.field.setClearButtonEnabled(True)
        self.results = QListWidget(self)
        self.results.setObjectName("search_results")
        self.results.setItemDelegate(_HitDelegate(self.results))
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.results.setUniformItemSizes(True)
        self.status = QLabel(self)
        self.status.setObjectName("search_status")
        self.status.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(self.field)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.run_search)
        self.field.textChanged.connect(lambda _text: self.timer.start())
        self.field.installEventFilter(self)
        self.results.itemActivated.connect(self._choose_item)
        self.results.itemClicked.connect(self._choose_item)
        context.language_changed.connect(lambda _lang: self.retranslate())
        self.resize(560, 420)
        self.retranslate()

    def retranslate(self) -> None:
        self.field.setPlaceholderText(_("Search names, organisation numbers, phones…"))
        self.field.setAccessibleName(_("Search"))
        self.results.setAccessibleName(_("Search results"))
        self._show_status()
        self.results.viewport().update()

    def open_over(self, window: QWidget | None = None) -> None:
        """Show near the top centre of `window` (the main window), with the field focused and empty."""
        window = window or self.parentWidget()
        if window is not None:
            top_left = window.mapToGlobal(QPoint(0, 0))
            width = min(max(420, window.width() // 2), 640)
            self.resize(width, self.height())
            self.move(top_left.x() + (window.width() - width) // 2, top_left.y() + 60)
        self.field.clear()
        self.results.clear()
        self._show_status()
        self.show()
        self.field.setFocus(Qt.FocusReason.PopupFocusReason)

    def hits(self) -> list[SearchHit]:
        return [self.results.item(i).data(_HIT) for i in range(self.results.count())]

    def run_search(self) -> None:
        self.timer.stop()
        text = self.field.text().strip()
        self.results.clear()
        if not text or self.context.desk is None:
            self._show_status()
            return
        try:
            found = self.context.desk.search(text)
        except UserError as exc:
            self.status.setText(str(exc))
            return
        for hit in found:
            item = QListWidgetItem(hit.title)
            item.setData(_HIT, hit)
            item.setToolTip(f"{hit.title} — {hit.subtitle}")
            item.setData(Qt.ItemDataRole.AccessibleTextRole,
                         f"{hit.title}, {_(KIND_NAMES.get(hit.kind, hit.kind))}, {hit.subtitle}")
            self.results.addItem(item)
        if found:
            self.results.setCurrentRow(0)
        self._show_status()

    def _show_status(self) -> None:
        text = self.field.text().strip()
        if not text:
            self.status.setText(_("Type a name, an organisation number or a phone number."))
        elif self.timer.isActive():
            self.status.setText("")
        elif self.results.count() == 0:
            self.status.setText(_("Nothing found for “{text}”.").format(text=text))
        else:
            self.status.setText(_("↑ ↓ to move, Enter to open, Esc to close"))

    def _move(self, step: int) -> None:
        if self.timer.isActive():
            self.run_search()
        count = self.results.count()
        if count:
            row = self.results.currentRow()
            self.results.setCurrentRow(max(0, min(count - 1, (row if row >= 0 else -1) + step)))

    def _choose_item(self, item: QListWidgetItem | None) -> None:
        hit: SearchHit | None = item.data(_HIT) if item is not None else None
        if hit is None:
            return
        self.hide()
        self.record_chosen.emit(hit.kind, hit.id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key == Qt.Key.Key_Down:
                self._move(1)
                return True
            if key == Qt.Key.Key_Up:
                self._move(-1)
                return True
            if key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                self._move(5 if key == Qt.Key.Key_PageDown else -5)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self.timer.isActive():
                    self.run_search()
                self._choose_item(self.results.currentItem())
                return True
            if key == Qt.Key.Key_Escape:
                self.hide()
                return True
        return super().eventFilter(watched, event)
