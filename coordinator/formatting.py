"""Dates, numbers and percentages as a person reads them, in the language in force (Babel).

Dates follow each language's documents, per use, not CLDR's one "medium" for all:
- a table cell or a date inside a sentence (`format_date(d)`): 2027-03-01 reads "1 mars 2027" in
  Swedish, "01.03.2027" in Polish and Russian (CLDR's "1 мар. 2027 г." abbreviates a month Russian
  writing never shortens, and ends in a full stop that doubles at the end of a sentence);
- a letter's date line (`format_letter_date(d)`): "1 mars 2027", "1 marca 2027 r.", "1 марта 2027 г.";
- a day in a week grid (`format_day_month(d)`): "1 mars", "01.03";
- a school year (`format_school_year("2026/27")`): "2026/27" in Swedish and English, "2026/2027" in
  Polish and Russian documents.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from babel import core as babel_core
from babel import dates as babel_dates
from babel import numbers as babel_numbers

from coordinator.i18n import get_language

_LOCALES = {"en": "en_GB", "sv": "sv_SE", "pl": "pl_PL", "ru": "ru_RU"}

# Named formats a language writes differently from CLDR; any other name or pattern goes to Babel as is.
# A no-break space keeps "2027 г." and "2027 r." together on one line.
_DATE_PATTERNS: dict[str, dict[str, str]] = {
    "pl": {"short": "dd.MM.y", "medium": "dd.MM.y", "long": "d MMMM y\u00a0'r'.", "day_month": "dd.MM"},
    "ru": {"medium": "dd.MM.y", "long": "d MMMM y\u00a0'г'.", "day_month": "dd.MM"},
    "sv": {"day_month": "d MMM"},
    "en": {"day_month": "d MMM"},
}
_FULL_YEAR_LABELS = {"pl", "ru"}
# Polish and Russian prose writes a month out ("4 czerwca", "4 июня"); CLDR's "cze", "июн." are not used.
_FULL_MONTHS = {"pl", "ru"}
_ABBREVIATED_MONTH = re.compile(r"(?<!M)MMM(?!M)")


def locale_code(language: str | None = None) -> str:
    return _LOCALES.get(language or get_language(), "en_GB")


def _locale(language: str | None = None) -> babel_core.Locale:
    """The language's Babel locale, parsed once (Babel parses a locale's name again on every call: a table
    of thousands of dates spent a third of its time there)."""
    return _parsed(locale_code(language))


@functools.cache
def _parsed(code: str) -> babel_core.Locale:
    return babel_core.Locale.parse(code)


def format_date(value: dt.date | None, fmt: str = "medium", language: str | None = None) -> str:
    """A date for a table cell or a sentence ("medium"), a letter ("long"), or by a Babel pattern."""
    if value is None:
        return ""
    code = language or get_language()
    pattern = _DATE_PATTERNS.get(code, {}).get(fmt, fmt)
    if code in _FULL_MONTHS and pattern not in ("short", "medium", "long", "full"):
        pattern = _ABBREVIATED_MONTH.sub("MMMM", pattern)
    return babel_dates.format_date(value, format=pattern, locale=_locale(code))


def format_letter_date(value: dt.date | None, language: str | None = None) -> str:
    """A date as a letter or a certificate writes it: 1 marca 2027 r., 1 марта 2027 г."""
    return format_date(value, "long", language)


def format_day_month(value: dt.date | None, language: str | None = None) -> str:
    """A day in a week grid, without the year: 1 mars, 1.03, 01.03."""
    return format_date(value, "day_month", language)


def format_school_year(label: str | None, language: str | None = None) -> str:
    """A school year label ('2026/27') as the language's documents write it ('2026/2027' in pl, ru)."""
    if not label:
        return ""
    start, sep, end = label.partition("/")
    if (language or get_language()) in _FULL_YEAR_LABELS and sep and start.isdigit() and len(end) == 2:
        return f"{start}/{int(start) + 1}"
    return label


def format_time(value: dt.time | dt.datetime | None, fmt: str = "short", language: str | None = None) -> str:
    if value is None:
        return ""
    return babel_dates.format_time(value, format=fmt, locale=_locale(language))


def format_datetime(value: dt.datetime | None, fmt: str = "medium", language: str | None = None) -> str:
    if value is None:
        return ""
    return babel_dates.format_datetime(value, format=fmt, locale=_locale(language))


def format_number(value: float | None, decimals: int | None = None, language: str | None = None) -> str:
    if value is None:
        return "–"
    if decimals is None:
        return babel_numbers.format_decimal(value, locale=_locale(language))
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return babel_numbers.format_decimal(value, format=pattern, locale=_locale(language))


def format_percent(value: float | None, decimals: int = 0, language: str | None = None) -> str:
    """A share in [0, 1] as a percentage; None (undefined) as a dash."""
    if value is None:
        return "–"
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "") + " %"
    return babel_numbers.format_percent(value, format=pattern, locale=_locale(language))


def weekday_name(value: dt.date, width: str = "wide", language: str | None = None) -> str:
    return babel_dates.format_date(value, "EEEE" if width == "wide" else "EEE", locale=_locale(language))


def format_money(minor: int | None, currency: str, language: str | None = None) -> str:
    """Minor units in the currency as the language writes money: '1 234,50 zł', '100 000 000,00 ₽'."""
    if minor is None:
        return "–"
    from coordinator.money import to_decimal

    return babel_numbers.format_currency(to_decimal(minor, currency), currency, locale=_locale(language))


def format_share(value: object, language: str | None = None) -> str:
    """A share (a Decimal fraction) as a percentage with one decimal: '76,9 %'."""
    return babel_numbers.format_percent(value, format="#,##0.0 %", locale=_locale(language))
