"""Date and date-time fields that take what people type ("idag", "+7", "7.12", "8.30") and offer a calendar.

The text is read by coordinator.typed_dates each time the value is asked for, so a date typed and
saved at once (Ctrl+S without leaving the field) counts. Text that is no date is handed on as it
is, and the record's service names the field in its message.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QPoint, Qt, QTime, Signal
from PySide6.QtWidgets import QCalendarWidget, QHBoxLayout, QLineEdit, QToolButton, QWidget

from coordinator.i18n import _, get_language
from coordinator.typed_dates import format_typed_date, parse_date, parse_time


def _py_date(value: QDate) -> dt.date | None:
    if not value.isValid() or value.year() <= 1900:  # 1900-01-01 was the old "no date"
        return None
    return dt.date(value.year(), value.month(), value.day())


class DateField(QWidget):
    """A line to type a date in and a button that opens a calendar on the field's date (or today)."""

    dateChanged = Signal(QDate)
    edited = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.line = QLineEdit(self)
        self.line.setObjectName("date_text")
        self.line.setClearButtonEnabled(True)
        # Room for a whole date and the clear button: a date scrolled half out of view is misread.
        self.line.setMinimumWidth(self.line.fontMetrics().horizontalAdvance("00.00.0000") + 40)
        self.button = QToolButton(self)
        self.button.setObjectName("calendar_button")
        self.button.setText("…")
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Alt+Down opens it from the keyboard
        self.calendar: QCalendarWidget | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.line)
        self._shown: dt.date | None = None
        self.line.textEdited.connect(lambda _t: self.edited.emit())
        self.line.editingFinished.connect(self._tidy)
        self.button.clicked.connect(self.open_calendar)
        self.retranslate()

    def retranslate(self) -> None:
        self.line.setPlaceholderText(_("date, today, +7"))
        self.button.setToolTip(_("Choose the date in a calendar (Alt+Down)"))
        self.button.setAccessibleName(_("Calendar"))

    def setAccessibleName(self, name: str) -> None:  # noqa: N802 - Qt's name
        super().setAccessibleName(name)
        self.line.setAccessibleName(name)

    def setAccessibleDescription(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setAccessibleDescription(text)
        self.line.setAccessibleDescription(text)

    # ---- the value ----------------------------------------------------------------------------
    def value(self) -> dt.date | str | None:
        """The date typed, None when empty, the text itself when it is no date."""
        text = self.line.text().strip()
        if not text:
            return None
        return parse_date(text, get_language()) or text

    def set_value(self, value: dt.date | None) -> None:
        self.line.setText(format_typed_date(value, get_language()))
        self._announce(value)

    def date(self) -> QDate:
        value = self.value()
        return QDate(value.year, value.month, value.day) if isinstance(value, dt.date) else QDate()

    def setDate(self, value: QDate) -> None:  # noqa: N802 - as QDateEdit, for callers that hold a QDate
        self.set_value(_py_date(value))

    def _tidy(self) -> None:
        """After typing: show the date read in the field's own form ("+7" becomes the date)."""
        value = self.value()
        if isinstance(value, dt.date):
            self.line.setText(format_typed_date(value, get_language()))
        self._announce(value if isinstance(value, dt.date) else None)

    def _announce(self, value: dt.date | None) -> None:
        if value != self._shown:
            self._shown = value
            self.dateChanged.emit(QDate(value.year, value.month, value.day) if value else QDate())

    # ---- the calendar -------------------------------------------------------------------------
    def open_calendar(self) -> None:
        if self.calendar is None:
            self.calendar = QCalendarWidget(self)
            self.calendar.setObjectName("calendar_popup")
            self.calendar.setWindowFlags(Qt.WindowType.Popup)
            self.calendar.setGridVisible(True)
            self.calendar.activated.connect(self._picked)
            self.calendar.clicked.connect(self._picked)
        value = self.value()
        day = value if isinstance(value, dt.date) else dt.date.today()
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self.calendar.setAccessibleName(_("Calendar"))
        self.calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        self.calendar.show()
        self.calendar.setFocus()

    def _picked(self, day: QDate) -> None:
        if self.calendar is not None:
            self.calendar.hide()
        self.set_value(_py_date(day))
        self.edited.emit()
        self.line.setFocus()

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier:
            self.open_calendar()
            return
        super().keyPressEvent(event)


class DateTimeField(QWidget):
    """A date field and a time typed short ("8", "8.30", "14:15") side by side."""

    dateTimeChanged = Signal(QDateTime)
    edited = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.date_field = DateField(self)
        self.time = QLineEdit(self)
        self.time.setObjectName("time_text")
        self.time.setFixedWidth(self.time.fontMetrics().horizontalAdvance("00:00") + 24)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.date_field, 1)
        layout.addWidget(self.time)
        self.setFocusProxy(self.date_field)
        self.date_field.edited.connect(self.edited)
        self.time.textEdited.connect(lambda _t: self.edited.emit())
        self.date_field.dateChanged.connect(lambda _d: self.dateTimeChanged.emit(self.dateTime()))
        self.time.editingFinished.connect(self._tidy_time)
        self.retranslate()

    def retranslate(self) -> None:
        self.date_field.retranslate()
        self.time.setPlaceholderText(_("hh:mm"))

    def setAccessibleName(self, name: str) -> None:  # noqa: N802 - Qt's name
        super().setAccessibleName(name)
        self.date_field.setAccessibleName(name)
        self.time.setAccessibleName(_("{field}: time").format(field=name))

    def setAccessibleDescription(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setAccessibleDescription(text)
        self.date_field.setAccessibleDescription(text)

    def value(self) -> dt.datetime | str | None:
        """The date and time typed; an empty time is midnight; text that is neither comes back as it is."""
        day, text = self.date_field.value(), self.time.text().strip()
        if day is None and not text:
            return None
        at = parse_time(text) if text else dt.time(0, 0)
        if isinstance(day, dt.date) and at is not None:
            return dt.datetime.combine(day, at)
        return f"{self.date_field.line.text().strip()} {text}".strip()

    def set_value(self, value: dt.datetime | None) -> None:
        self.time.setText(value.strftime("%H:%M") if value else "")
        self.date_field.set_value(value.date() if value else None)

    def dateTime(self) -> QDateTime:  # noqa: N802 - as QDateTimeEdit
        value = self.value()
        if not isinstance(value, dt.datetime):
            return QDateTime()
        return QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute))

    def setDateTime(self, value: QDateTime) -> None:  # noqa: N802 - as QDateTimeEdit
        day = _py_date(value.date()) if value.isValid() else None
        self.set_value(dt.datetime.combine(day, value.time().toPython()) if day else None)

    def _tidy_time(self) -> None:
        at = parse_time(self.time.text())
        if at is not None:
            self.time.setText(at.strftime("%H:%M"))
        self.dateTimeChanged.emit(self.dateTime())
