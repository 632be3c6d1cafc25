"""Reading dates and times as people type them: the locale's own order, ISO, words like "idag", "+7", "8.30".

Nothing here knows about Qt; the form's date and time fields call these functions. A function
returns None for text it cannot read, so that the caller can say what is wrong where.
"""

from __future__ import annotations

import datetime as dt
import re

from babel.dates import get_date_format, get_month_names

from coordinator.formatting import locale_code

__all__ = ["format_typed_date", "parse_date", "parse_time"]

# Words for today, tomorrow and yesterday in the four languages (and without diacritics, as typed in haste).
_DAY_WORDS = {
    0: ("today", "idag", "i dag", "dziś", "dzis", "dzisiaj", "сегодня"),
    1: ("tomorrow", "imorgon", "i morgon", "jutro", "завтра"),
    -1: ("yesterday", "igår", "i går", "igar", "wczoraj", "вчера"),
}
_RELATIVE = re.compile(r"^([+-])\s*(\d{1,4})$")
_COMPACT_ISO = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_TIME = re.compile(r"^(\d{1,2})(?:\s*[:.,hH]\s*(\d{1,2}))?$")
_TIME_COMPACT = re.compile(r"^(\d{1,2})(\d{2})$")


def _order(language: str | None) -> str:
    """The order of day, month and year in the locale's short date ("dmy", "ymd", "mdy")."""
    pattern = get_date_format("short", locale=locale_code(language)).pattern
    positions = {c: pattern.find(c) for c in "dMy"}
    return "".join(sorted("dmy", key=lambda c: positions["M" if c == "m" else c]))


def _month_number(word: str, language: str | None) -> int | None:
    """A month named (or begun, three letters at least) in the locale's words or in English."""
    word = word.lower().rstrip(".")
    if len(word) < 3:
        return None
    for locale in dict.fromkeys((locale_code(language), "en")):
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in get_month_names(width, context, locale=locale).items():
                    if name.lower().rstrip(".").startswith(word):
                        return number
    return None


def _year(text: str, today: dt.date) -> int:
    year = int(text)
    return year + 2000 if len(text) <= 2 else year


def _from_parts(parts: list[str], language: str | None, today: dt.date) -> dt.date | None:
    """Day, month (a number or a name) and an optional year, in the order the locale writes them."""
    names = [p for p in parts if not p.isdigit()]
    if len(names) > 1 or not 2 <= len(parts) <= 3:
        return None
    if names:
        month = _month_number(names[0], language)
        numbers = [p for p in parts if p.isdigit()]
        if month is None or not numbers:
            return None
        day, year = int(numbers[0]), _year(numbers[1], today) if len(numbers) > 1 else today.year
        if len(numbers[0]) == 4 and len(numbers) > 1:  # "2026 dec 7"
            day, year = int(numbers[1]), int(numbers[0])
        return dt.date(year, month, day)
    if len(parts) == 3:
        order = _order(language)
        if len(parts[0]) == 4:
            order = "ymd"
        elif len(parts[2]) == 4 and order != "mdy":  # "07.12.2026" in Swedish too
            order = "dmy"
        by = dict(zip(order, parts, strict=True))
        return dt.date(_year(by["y"], today), int(by["m"]), int(by["d"]))
    # Day and month only: the locale's order, except where the short form starts with the year
    # (Swedish "7/12" is the 7th of December).
    order = _order(language).replace("y", "")
    first, second = (int(p) for p in parts)
    day, month = (second, first) if order == "md" and not _order(language).startswith("y") else (first, second)
    return dt.date(today.year, month, day)


def parse_date(text: str, language: str | None = None, today: dt.date | None = None) -> dt.date | None:
    """The date meant by `text`, or None if it is no date (or empty).

    Reads ISO ("2026-12-07", "20261207"), the locale's order ("7.12.2026", "12/7/26" in English),
    day and month alone (this year), month names ("7 dec", "7 grudnia", "7 декабря"), the
    words for today, tomorrow and yesterday, and "+7" / "-3" days from today.
    """
    today = today or dt.date.today()
    text = " ".join(text.strip().lower().split())
    if not text:
        return None
    for offset, words in _DAY_WORDS.items():
        if text in words:
            return today + dt.timedelta(days=offset)
    relative = _RELATIVE.match(text)
    try:
        if relative:
            days = int(relative.group(2))
            return today + dt.timedelta(days=days if relative.group(1) == "+" else -days)
        compact = _COMPACT_ISO.match(text)
        if compact:
            return dt.date(*(int(g) for g in compact.groups()))
        parts = [p for p in re.split(r"[\s./\-,]+", text.rstrip(".г")) if p]
        return _from_parts(parts, language, today)
    except (ValueError, OverflowError):
        return None


def parse_time(text: str) -> dt.time | None:
    """The time of day meant by `text` ("8", "8.30", "8:30", "08:30", "0830", "14h15"), or None."""
    text = text.strip()
    match = _TIME.match(text) or _TIME_COMPACT.match(text)
    if not match:
        return None
    hours, minutes = int(match.group(1)), int(match.group(2) or 0)
    if hours > 23 or minutes > 59:
        return None
    return dt.time(hours, minutes)


def format_typed_date(value: dt.date | None, language: str | None = None) -> str:
    """A date the way the date field shows it, so that what it shows can be typed back."""
    from babel.dates import format_date

    return "" if value is None else format_date(value, _field_pattern(language), locale=locale_code(language))


def _field_pattern(language: str | None) -> str:
    """The short pattern with a four-digit year and two-digit day and month (no "26" for 2026)."""
    pattern = get_date_format("short", locale=locale_code(language)).pattern
    pattern = re.sub(r"y+", "yyyy", pattern)
    pattern = re.sub(r"(?<!d)d(?!d)", "dd", pattern)
    return re.sub(r"(?<!M)M(?!M)", "MM", pattern)
