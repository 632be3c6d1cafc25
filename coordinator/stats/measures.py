"""The pure arithmetic of docs/STATISTICS.md: rates, the dissimilarity index, non-traditional share, status."""

from __future__ import annotations

import math
from collections.abc import Mapping

GENDER_KEYS: tuple[str, ...] = ("girl", "boy", "other", "unspecified")


def rate(numerator: float, denominator: float) -> float | None:
    """numerator ÷ denominator, or None (undefined, shown as such) when there is nothing under it."""
    if not denominator:
        return None
    return numerator / denominator


def dissimilarity_index(girls_by_sector: Mapping[str, float], boys_by_sector: Mapping[str, float]) -> float | None:
    """D = ½ Σ_s |g_s/G − b_s/B| over sectors; None when G or B is 0.

    0 means girls and boys are spread over the sectors alike, 1 that no sector has both.
    """
    total_girls = sum(girls_by_sector.values())
    total_boys = sum(boys_by_sector.values())
    if total_girls <= 0 or total_boys <= 0:
        return None
    sectors = set(girls_by_sector) | set(boys_by_sector)
    # fsum: exactly rounded, so the result does not depend on the order of the sectors (a set).
    d = 0.5 * math.fsum(abs(girls_by_sector.get(s, 0) / total_girls - boys_by_sector.get(s, 0) / total_boys)
                      for s in sectors)
    # Guard against floating-point overshoot so that D stays in [0, 1].
    return min(1.0, max(0.0, d))


def non_traditional_count(by_sector: Mapping[str, Mapping[str, int]], dominance: Mapping[str, str | None]) -> int:
    """Placements of girls in boy-dominated sectors plus boys in girl-dominated sectors."""
    count = 0
    for sector, cells in by_sector.items():
        dominated_by = dominance.get(sector)
        if dominated_by == "boy":
            count += int(cells.get("girl", 0))
        elif dominated_by == "girl":
            count += int(cells.get("boy", 0))
    return count


def non_traditional_share(by_sector: Mapping[str, Mapping[str, int]], dominance: Mapping[str, str | None],
                          girl_boy_placements: int) -> float | None:
    """Non-traditional placements ÷ all placements of girls and boys (None when there are none).

    The denominator counts every placement of a girl or a boy, including those at a host with no
    sector recorded (docs/STATISTICS.md divides by "placements of girls and boys").
    """
    return rate(non_traditional_count(by_sector, dominance), girl_boy_placements)


def status_for(value: float | None, target: float | None, direction: str, amber_band: float) -> str:
    """green when the target is met, amber within `amber_band` of it, red otherwise; none without both."""
    if value is None or target is None:
        return "none"
    band = abs(amber_band or 0.0)
    # A small tolerance so that 0.3 computed as 0.30000000000000004 still meets "≤ 0.30".
    eps = 1e-9
    if direction == "lower":
        if value <= target + eps:
            return "green"
        return "amber" if value <= target + band + eps else "red"
    if value >= target - eps:
        return "green"
    return "amber" if value >= target - band - eps else "red"
