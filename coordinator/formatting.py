"""Dates, numbers and percentages as a person reads them, in the language in force (Babel)."""

from __future__ import annotations

import datetime as dt

from babel import dates as babel_dates
from babel import numbers as babel_numbers

from coordinator.i18n import get_language

_LOCALES = {"en": "en_GB", "sv": "sv_SE", "pl": "pl_PL", "ru": "ru_RU"}


def locale_code(language: str | None = None) -> str:
    return _LOCALES.get(language or get_language(), "en_GB")


def format_date(value: dt.date | None, fmt: str = "medium", language: str | None = None) -> str:
    if value is None:
        return ""
    return babel_dates.format_date(value, format=fmt, locale=locale_code(language))


def format_time(value: dt.time | dt.datetime | None, fmt: str = "short", language: str | None = None) -> str:
    if value is None:
        return ""
    return babel_dates.format_time(value, format=fmt, locale=locale_code(language))


def format_datetime(value: dt.datetime | None, fmt: str = "medium", language: str | None = None) -> str:
    if value is None:
        return ""
    return babel_dates.format_datetime(value, format=fmt, locale=locale_code(language))


def format_number(value: float | None, decimals: int | None = None, language: str | None = None) -> str:
    if value is None:
        return "–"
    if decimals is None:
        return babel_numbers.format_decimal(value, locale=locale_code(language))
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return babel_numbers.format_decimal(value, format=pattern, locale=locale_code(language))


def format_percent(value: float | None, decimals: int = 0, language: str | None = None) -> str:
    """A share in [0, 1] as a percentage; None (undefined) as a dash."""
    if value is None:
        return "–"
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "") + " %"
    return babel_numbers.format_percent(value, format=pattern, locale=locale_code(language))


def weekday_name(value: dt.date, width: str = "wide", language: str | None = None) -> str:
    return babel_dates.format_date(value, "EEEE" if width == "wide" else "EEE", locale=locale_code(language))
