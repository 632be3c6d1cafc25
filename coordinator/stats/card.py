"""A scorecard as computed: plain values, light to import, so that a kept card is read back without the
database layer (coordinator.desk.kept_figures)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class IndicatorResult:
    indicator_id: int
    key: str | None
    name: str
    perspective: str
    perspective_label: str
    unit: str
    direction: str
    target: float | None
    amber_band: float
    value: float | None
    last_year: float | None
    status: str  # "green", "amber", "red" or "none"
    manual: bool = False


@dataclass(frozen=True)
class Scorecard:
    year: str
    school: str | None
    last_year_label: str | None
    lines: list[IndicatorResult]
    as_of: str | None = None  # the day the figures were taken (ISO 8601)
    in_progress: bool = False  # the year had not ended by then: its figures are partial, last year's whole


__all__ = ["IndicatorResult", "Scorecard"]
