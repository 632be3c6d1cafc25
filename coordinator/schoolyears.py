"""School years: labels like '2025/26', running 1 August to 31 July, and which one a date falls in."""

from __future__ import annotations

import datetime as dt
import re

from coordinator.errors import UserError
from coordinator.i18n import _

_LABEL = re.compile(r"^\s*(\d{4})\s*[/\-–]\s*(\d{2}|\d{4})\s*$")


def label_for_start(start_year: int) -> str:
    return f"{start_year}/{(start_year + 1) % 100:02d}"


def start_year_of(day: dt.date) -> int:
    return day.year if day.month >= 8 else day.year - 1


def label_of(day: dt.date) -> str:
    """The school year a date belongs to: 2026-11-24 → '2026/27', 2026-06-01 → '2025/26'."""
    return label_for_start(start_year_of(day))


def parse_label(text: str) -> int:
    """The start year of a label; accepts '2025/26', '2025/2026', '2025-26'. Raises UserError."""
    match = _LABEL.match(text or "")
    if not match:
        raise UserError(_("“{text}” is not a school year; write it like 2025/26.").format(text=text))
    start = int(match.group(1))
    end = int(match.group(2))
    if (end % 100) != (start + 1) % 100 or (len(match.group(2)) == 4 and end != start + 1):
        raise UserError(_("“{text}” is not a school year; write it like 2025/26.").format(text=text))
    return start


def normalise_label(text: str) -> str:
    return label_for_start(parse_label(text))


def current_label(chosen: str | None, labels: list[str], today: dt.date) -> str:
    """The year in force: the one `chosen` in the settings if any, else the year of `today` when it is held
    (or none is), else the latest of the `labels` held, oldest first."""
    if chosen:
        return normalise_label(chosen)
    today_label = label_of(today)
    if today_label in labels or not labels:
        return today_label
    return labels[-1]


def bounds(label: str) -> tuple[dt.date, dt.date]:
    start = parse_label(label)
    return dt.date(start, 8, 1), dt.date(start + 1, 7, 31)


def previous_label(label: str) -> str:
    return label_for_start(parse_label(label) - 1)
