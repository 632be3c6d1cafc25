"""Dates and times typed into the record forms: words, short forms, +7, the calendar on the right month."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest

from coordinator.gui.widgets.date_fields import DateField, DateTimeField
from tests.gui.test_record_workspaces import open_panel


def type_into(qtbot, widget, text: str) -> None:
    """Type as a person would, letter by letter (QTest's keyClicks knows only ASCII), then Tab away."""
    widget.setFocus()
    widget.selectAll()
    for letter in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, letter, Qt.KeyboardModifier.NoModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


def test_typing_into_an_empty_date_field_keeps_the_date(qtbot, main_window):
    panel = open_panel(qtbot, main_window, "placements", "placements")
    panel.new_record()
    start: DateField = panel.form.editor("start_date")
    assert start.value() is None
    type_into(qtbot, start.line, "2027-02-01")
    type_into(qtbot, panel.form.editor("end_date").line, "2027-02-12")
    assert panel.form.values()["start_date"] == dt.date(2027, 2, 1)
    assert panel.form.values()["end_date"] == dt.date(2027, 2, 12)
    assert panel.form.editor("days").text() == "10"  # the period's weekdays follow the typed dates


def test_today_and_plus_seven_in_swedish(qtbot, main_window):
    main_window.switch_language("sv")
    panel = open_panel(qtbot, main_window, "placements", "placements")
    panel.new_record()
    start: DateField = panel.form.editor("start_date")
    type_into(qtbot, start.line, "idag")
    assert start.value() == dt.date.today()
    assert start.line.text() == dt.date.today().isoformat()  # Swedish short form: 2026-11-29
    type_into(qtbot, panel.form.editor("end_date").line, "+7")
    assert panel.form.values()["end_date"] == dt.date.today() + dt.timedelta(days=7)


def test_russian_words_and_day_month(qtbot, main_window):
    main_window.switch_language("ru")
    panel = open_panel(qtbot, main_window, "placements", "placements")
    panel.new_record()
    type_into(qtbot, panel.form.editor("start_date").line, "сегодня")
    assert panel.form.values()["start_date"] == dt.date.today()
    type_into(qtbot, panel.form.editor("end_date").line, "7.12.2027")
    assert panel.form.editor("end_date").line.text() == "07.12.2027"


def test_date_time_field_does_not_keep_1900(qtbot, main_window):
    panel = open_panel(qtbot, main_window, "study_visits", "study_visits")
    panel.new_record()
    starts: DateTimeField = panel.form.editor("starts_at")
    assert starts.value() is None
    type_into(qtbot, starts.date_field.line, "7.12.2027")
    type_into(qtbot, starts.time, "8.30")
    assert starts.time.text() == "08:30"
    assert panel.form.values()["starts_at"] == dt.datetime(2027, 12, 7, 8, 30)


def test_text_that_is_no_date_is_named_on_save(qtbot, main_window):
    panel = open_panel(qtbot, main_window, "placements", "placements")
    panel.new_record()
    type_into(qtbot, panel.form.editor("start_date").line, "someday")
    panel.save()
    assert "“someday” is not a date" in panel.form.problem("start_date")


def test_calendar_opens_on_today_or_the_fields_date(qtbot, main_window):
    panel = open_panel(qtbot, main_window, "placements", "placements")
    panel.new_record()
    start: DateField = panel.form.editor("start_date")
    start.open_calendar()
    today = dt.date.today()
    assert start.calendar.selectedDate() == QDate(today.year, today.month, today.day)
    start.calendar.hide()
    start.set_value(dt.date(2027, 3, 15))
    qtbot.keyClick(start, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert start.calendar.isVisible()
    assert start.calendar.selectedDate() == QDate(2027, 3, 15)
    start.calendar.activated.emit(QDate(2027, 3, 18))  # Enter on a day
    assert start.value() == dt.date(2027, 3, 18)
    assert not start.calendar.isVisible()


def test_times_typed_short(qtbot, main_window):
    panel = open_panel(qtbot, main_window, "placements", "placements")
    panel.new_record()
    daily = panel.form.editor("daily_start")
    type_into(qtbot, daily, "8")
    assert daily.text() == "08:00"
    assert panel.form.values()["daily_start"] == dt.time(8, 0)


def test_new_placement_hours_follow_the_countrys_rules(qtbot, main_window):
    panel = open_panel(qtbot, main_window, "placements", "placements")
    panel.new_record()
    assert panel.form.values()["hours_per_day"] in ("7", "7.0")  # Sweden: 7 hours for compulsory school


def test_a_whole_date_and_time_fit_in_the_form_at_1366(qtbot, main_window):
    main_window.switch_language("ru")
    main_window.resize(1366, 768)
    panel = open_panel(qtbot, main_window, "study_visits", "study_visits")
    panel.table.selectRow(0)
    field: DateTimeField = panel.form.editor("starts_at")
    for line in (field.date_field.line, field.time):
        assert line.fontMetrics().horizontalAdvance(line.text()) < line.contentsRect().width() - 8, line.text()
