"""Finding controls without an accessible name and texts cut short, in a window of 1366×768."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCalendarWidget,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabBar,
    QTextEdit,
    QWidget,
)

CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView, QPlainTextEdit, QTextEdit)
_SLACK = 2  # pixels of rounding


def _inside_compound(widget: QWidget) -> bool:
    """Parts of a compound control that name themselves through it (a combo's line edit, a line edit's clear button)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox | QAbstractSpinBox | QTabBar | QCalendarWidget | QLineEdit):
            return True
        if isinstance(parent, QAbstractItemView) and widget is not parent:
            return True  # a table's own editors, scroll arrows
        parent = parent.parentWidget()
    return widget.objectName().startswith("qt_")


def _named(widget: QWidget, buddies: set[int]) -> bool:
    if widget.accessibleName().strip() or id(widget) in buddies:
        return True
    if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
        return True
    return False


def unnamed_controls(root: QWidget) -> list[str]:
    """Visible controls under `root` with no accessible name, no text and no label pointing at them."""
    buddies = {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy() is not None}
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisible() or _inside_compound(widget):
            continue
        if not _named(widget, buddies):
            found.append(f"{type(widget).__name__} {widget.objectName()!r} in {_path(widget)}")
    return found


def cut_texts(root: QWidget) -> list[str]:
    """Visible one-line labels and push buttons whose text is wider than the room they have."""
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel) and not widget.wordWrap() and widget.text() and widget.pixmap().isNull():
            text = widget.text()
            if "<" in text:  # rich text: Qt lays it out itself
                continue
            if widget.buddy() is not None:  # "&Name:" shows as "Name:" with N underlined
                text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
            need = max(widget.fontMetrics().horizontalAdvance(line) for line in text.splitlines() or [""])
            room = widget.contentsRect().width() - 2 * widget.margin() - widget.indent() if widget.indent() > 0 else \
                widget.contentsRect().width() - 2 * widget.margin()
            if need > room + _SLACK:
                found.append(f"label {text!r} needs {need}px, has {room}px, in {_path(widget)}")
        elif isinstance(widget, QPushButton) and widget.text():
            text = widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
            need = widget.fontMetrics().horizontalAdvance(text) + (widget.iconSize().width() + 4
                                                                    if not widget.icon().isNull() else 0)
            room = widget.width() - 8  # the frame's padding, a little less than the style's own
            if need > room + _SLACK:
                found.append(f"button {text!r} needs {need}px, has {room}px, in {_path(widget)}")
    return found


def _path(widget: QWidget) -> str:
    names = []
    while widget is not None and len(names) < 4:
        names.append(widget.objectName() or type(widget).__name__)
        widget = widget.parentWidget()
    return "/".join(reversed(names))
