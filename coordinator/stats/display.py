"""How statistics read for a person: indicator values by unit, targets, status words, table cells."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from coordinator.formatting import format_number, format_percent
from coordinator.i18n import N_, _

STATUS_LABELS: dict[str, str] = {"green": N_("Green"), "amber": N_("Amber"), "red": N_("Red"), "none": N_("No status")}


def status_label(status: str) -> str:
    return _(STATUS_LABELS.get(status, STATUS_LABELS["none"]))


def shown_value(unit: str, value: float | None) -> float | None:
    """The value as the scorecard shows it, by its one rounding rule: shares to whole per cent, ratios to
    two decimals, scores and counts to one decimal, halves rounded up (away from zero); statuses are
    judged on this figure, so a share shown as 30 % meets a target of ≥ 30 %."""
    if value is None:
        return None
    step = {"percent": "0.01", "ratio": "0.01"}.get(unit, "0.1")
    return float(Decimal(repr(float(value))).quantize(Decimal(step), rounding=ROUND_HALF_UP))


def format_indicator_value(unit: str, value: float | None) -> str:
    """A value as its unit reads: 83 %, 0.27, 12, 4.2; a dash when there is none."""
    value = shown_value(unit, value)
    if value is None:
        return "–"
    if unit == "percent":
        return format_percent(value)
    if unit == "ratio":
        return format_number(value, 2)
    if unit == "score":
        return format_number(value, 1)
    return format_number(value, 0 if float(value).is_integer() else 1)


def format_target(unit: str, direction: str, target: float | None) -> str:
    """"≥ 30 %" when higher is better, "≤ 0.30" when lower is better; empty without a target."""
    if target is None:
        return ""
    sign = "≤" if direction == "lower" else "≥"
    return f"{sign} {format_indicator_value(unit, target)}"


def format_count(value: Any) -> str:
    """A count, or a suppressed cell ("<5", "..") as it is."""
    if isinstance(value, str):
        return value
    return format_number(value, 0)


def format_rate(value: float | None) -> str:
    return format_percent(value)


def format_index(value: float | None) -> str:
    return format_number(value, 2) if value is not None else "–"
