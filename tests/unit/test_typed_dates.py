"""Dates and times as people type them, in the four languages."""

from __future__ import annotations

import datetime as dt

import pytest

from coordinator.typed_dates import format_typed_date, parse_date, parse_time

TODAY = dt.date(2026, 11, 29)
DEC_7 = dt.date(2026, 12, 7)


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("sv", "idag", TODAY), ("sv", "i dag", TODAY), ("en", "Today", TODAY), ("pl", "dziś", TODAY),
    ("pl", "dzis", TODAY), ("ru", "сегодня", TODAY), ("sv", "imorgon", dt.date(2026, 11, 30)),
    ("ru", "вчера", dt.date(2026, 11, 28)),
    ("sv", "+7", dt.date(2026, 12, 6)), ("pl", "-3", dt.date(2026, 11, 26)), ("ru", "+ 40", dt.date(2027, 1, 8)),
    ("sv", "2026-12-07", DEC_7), ("pl", "2026-12-07", DEC_7), ("ru", "20261207", DEC_7),
    ("sv", "26-12-07", DEC_7), ("sv", "7/12", DEC_7), ("sv", "07.12.2026", DEC_7), ("sv", "7 dec", DEC_7),
    ("sv", "7 december 2026", DEC_7),
    ("pl", "7.12.2026", DEC_7), ("pl", "7.12", DEC_7), ("pl", "7 grudnia", DEC_7), ("pl", "7 gru 2026", DEC_7),
    ("ru", "07.12.2026", DEC_7), ("ru", "7.12.26", DEC_7), ("ru", "7 декабря", DEC_7),
    ("ru", "7 дек. 2026 г.", DEC_7),
    ("en", "07/12/2026", DEC_7), ("en", "7 Dec", DEC_7), ("en", "Dec 7 2026", DEC_7),
])
def test_dates_typed_as_people_type_them(language, text, expected):
    assert parse_date(text, language, today=TODAY) == expected


@pytest.mark.parametrize("text", ["", "  ", "x", "+", "31.02.2026", "7 foo", "1.2.3.4", "2026-13-01", "yesterday!"])
def test_what_is_no_date_is_none(text):
    assert parse_date(text, "pl", today=TODAY) is None


@pytest.mark.parametrize("language", ["en", "sv", "pl", "ru"])
def test_what_the_field_shows_reads_back(language):
    shown = format_typed_date(DEC_7, language)
    assert "2026" in shown
    assert parse_date(shown, language, today=TODAY) == DEC_7
    assert format_typed_date(None, language) == ""


@pytest.mark.parametrize(("text", "expected"), [
    ("8", dt.time(8, 0)), ("8.30", dt.time(8, 30)), ("8:30", dt.time(8, 30)), ("08:30", dt.time(8, 30)),
    ("0830", dt.time(8, 30)), ("830", dt.time(8, 30)), ("14h15", dt.time(14, 15)), (" 17 ", dt.time(17, 0)),
    ("8,30", dt.time(8, 30)), ("0", dt.time(0, 0)), ("23:59", dt.time(23, 59)),
])
def test_times_typed_short(text, expected):
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["", "25", "8:60", "24:00", "half past eight", "8:30:00", "12345"])
def test_what_is_no_time_is_none(text):
    assert parse_time(text) is None
