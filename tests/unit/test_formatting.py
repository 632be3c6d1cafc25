"""Dates and school years as each language's documents write them, per use (a table, a letter, a grid)."""

from __future__ import annotations

import datetime as dt

import pytest

from coordinator.formatting import format_date, format_day_month, format_letter_date, format_school_year
from coordinator.i18n import _, use_language

MARCH_1 = dt.date(2027, 3, 1)
JULY_31 = dt.date(2027, 7, 31)
NBSP = "\u00a0"


@pytest.mark.parametrize(("language", "cell", "letter", "grid", "year"), [
    ("sv", "1 mars 2027", "1 mars 2027", "1 mars", "2026/27"),
    ("pl", "01.03.2027", f"1 marca 2027{NBSP}r.", "01.03", "2026/2027"),
    ("ru", "01.03.2027", f"1 марта 2027{NBSP}г.", "01.03", "2026/2027"),
    ("en", "1 Mar 2027", "1 March 2027", "1 Mar", "2026/27"),
])
def test_each_language_writes_dates_and_school_years_its_own_way(language, cell, letter, grid, year):
    with use_language(language):
        assert format_date(MARCH_1) == cell
        assert format_date(MARCH_1, "short") in (cell, "2027-03-01", "01/03/2027")  # a table cell in the app
        assert format_letter_date(MARCH_1) == letter
        assert format_day_month(MARCH_1) == grid
        assert format_school_year("2026/27") == year


def test_russian_months_are_never_cut_to_mar_or_iyun():
    with use_language("ru"):
        shown = [format_date(dt.date(2027, month, 4)) for month in range(1, 13)]
        shown += [format_letter_date(dt.date(2027, month, 4)) for month in range(1, 13)]
    assert not any(word in text for text in shown for word in ("мар.", "июн.", "июл.", "мая."))
    assert "4 июня 2027" in shown[12 + 5]


@pytest.mark.parametrize(("language", "expected"),
                         [("ru", "пт, 4 июня"), ("pl", "pt., 4 czerwca"), ("sv", "fre 4 juni")])
def test_an_abbreviated_month_pattern_gets_the_whole_month_in_polish_and_russian(language, expected):
    with use_language(language):
        assert format_date(dt.date(2027, 6, 4), "EEE d MMM").replace(",", "").split() == expected.replace(
            ",", "").split()


def test_a_russian_sentence_ending_in_a_date_has_one_full_stop_and_keeps_the_name_in_the_nominative():
    with use_language("ru"):
        text = _("Nothing to print: no placements in {scope} between {start} and {end}.").format(
            scope="Чайковский городской округ", start=format_date(MARCH_1), end=format_date(JULY_31))
    assert ".." not in text
    assert "в Чайковский" not in text and "(Чайковский городской округ)" in text


def test_a_polish_sentence_keeps_a_class_name_out_of_a_preposition():
    with use_language("pl"):
        text = _("Nothing to print: there is no action plan for {scope} in {year}.").format(
            scope="Klasa 1a, Szkoła Podstawowa nr 1", year=format_school_year("2026/27"))
    assert "dla Klasa" not in text and "w Szkoła" not in text
    assert "2026/2027" in text


def test_an_empty_or_odd_school_year_label_is_shown_as_it_is():
    with use_language("ru"):
        assert format_school_year(None) == ""
        assert format_school_year("2026") == "2026"
        assert format_school_year("2026/2027") == "2026/2027"
