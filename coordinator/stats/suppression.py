"""Small-number suppression of gender statistics meant for others (docs/STATISTICS.md).

A count from 1 to threshold−1 shows as "<threshold" ("<5"; "<10" for publication). A rate built on
fewer than `threshold` people is withheld (None). Then complementary suppression: wherever a set of
shown cells adds up to a shown total (a gender's column over the grades and its total, the
placements column, a grade's sector × gender cells and its placements, a sector cell over the grades
and its total), a lone hidden cell could be worked out by subtraction, so the smallest other shown
cell of that set is hidden too (shown as SECONDARY_MARK), repeated until no set has exactly one
hidden cell.

A rate, share or index is a count in disguise: rate × denominator gives the numerator back, and
denominator − numerator the rest. So one is withheld as well when its numerator or that complement is
from 1 to threshold−1 (a dissimilarity index: when any sector cell of girls or boys, or its complement,
is), and a rate shown is rounded to whole percent (an index to two decimals) so that its digits carry
no more than that.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

from coordinator.stats.measures import GENDER_KEYS

# How a cell hidden only to protect another one is shown (the statistics offices' "..").
SECONDARY_MARK = ".."

_Path = tuple[Any, ...]


def _get(data: Any, path: _Path) -> Any:
    for part in path:
        data = data[part]
    return data


def _set(data: Any, path: _Path, value: Any) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def _row_key(stats: dict[str, Any]) -> str:
    """The list of rows: per grade, or per programme (`stats gender --by programme`)."""
    return "programmes" if "programmes" in stats else "grades"


def _rows(stats: dict[str, Any]) -> list[_Path]:
    return [(_row_key(stats), i) for i in range(len(stats.get(_row_key(stats), [])))] + [("total",)]


def _groups(stats: dict[str, Any]) -> Iterator[list[_Path]]:
    """Sets of count cells bound by a sum that a reader can see."""
    grades = [(_row_key(stats), i) for i in range(len(stats.get(_row_key(stats), [])))]
    for gender in GENDER_KEYS:
        yield [(*g, "pupils", gender) for g in grades] + [("total", "pupils", gender)]
    yield [(*g, "placements") for g in grades] + [("total", "placements")]
    sectors = list(stats.get("total", {}).get("placements_by_sector", {}))
    for row in _rows(stats):
        cells = [(*row, "placements_by_sector", s, gender) for s in sectors for gender in GENDER_KEYS]
        yield cells + [(*row, "placements")]
    for sector in sectors:
        for gender in GENDER_KEYS:
            yield ([(*g, "placements_by_sector", sector, gender) for g in grades]
                   + [("total", "placements_by_sector", sector, gender)])


def _hidden(value: Any) -> bool:
    return isinstance(value, str)


def suppress(stats: dict[str, Any], *, threshold: int = 5) -> dict[str, Any]:
    """A suppressed copy of a `gender_statistics` result; the input is left as it was."""
    if threshold < 2:
        return copy.deepcopy(stats)
    out = copy.deepcopy(stats)
    small = f"<{threshold}"

    def hide_small(path: _Path) -> None:
        value = _get(out, path)
        if isinstance(value, int) and 0 < value < threshold:
            _set(out, path, small)

    for row in _rows(stats):
        cell = _get(stats, row)
        pupils = cell["pupils"]
        rates = out_rates = _get(out, (*row, "encounter_rate"))
        for gender in GENDER_KEYS:
            if pupils[gender] < threshold:
                out_rates[gender] = None
        if sum(pupils.values()) < threshold:
            rates["all"] = None
        by_sector = cell["placements_by_sector"]
        girls = sum(c["girl"] for c in by_sector.values())
        boys = sum(c["boy"] for c in by_sector.values())
        target = _get(out, row)
        if girls < threshold or boys < threshold:
            target["dissimilarity_index"] = None
        if girls + boys < threshold:
            target["non_traditional_share"] = None
        for gender in GENDER_KEYS:
            hide_small((*row, "pupils", gender))
        hide_small((*row, "placements"))
        for sector in by_sector:
            for gender in GENDER_KEYS:
                hide_small((*row, "placements_by_sector", sector, gender))

    groups = list(_groups(stats))
    changed = True
    while changed:
        changed = False
        for group in groups:
            hidden = [p for p in group if _hidden(_get(out, p))]
            if len(hidden) != 1:
                continue
            shown = [p for p in group if not _hidden(_get(out, p))]
            if not shown:
                continue
            # Prefer the smallest non-zero cell: hiding a zero protects little when zeros are common.
            nonzero = [p for p in shown if _get(out, p) > 0]
            victim = min(nonzero or shown, key=lambda p: _get(out, p))
            _set(out, victim, SECONDARY_MARK)
            changed = True
    _withhold_rates_of_hidden(out)
    for row in _rows(stats):
        _withhold_derivable(_get(stats, row), _get(out, row), threshold)
    return out


def _withhold_rates_of_hidden(out: dict[str, Any]) -> None:
    """A rate next to a hidden pupil count would let a reader narrow the count down; withhold it."""
    for row in _rows(out):
        cell = _get(out, row)
        for gender in GENDER_KEYS:
            if _hidden(cell["pupils"][gender]):
                cell["encounter_rate"][gender] = None


def gives_small_count(count: float, total: float, threshold: int) -> bool:
    """True when the count or its complement within the total is from 1 to threshold−1."""
    return any(0 < round(part) < threshold for part in (count, total - count))


def _withhold_derivable(raw: dict[str, Any], out: dict[str, Any], threshold: int) -> None:
    """Withhold every rate, share or index that would give a small count back; round what stays."""
    pupils, rates = raw["pupils"], out["encounter_rate"]
    for gender in GENDER_KEYS:
        value = raw["encounter_rate"][gender]
        if value is not None and gives_small_count(value * pupils[gender], pupils[gender], threshold):
            rates[gender] = None
    withheld = [g for g in GENDER_KEYS if pupils[g] and rates[g] is None]
    everyone = sum(pupils.values())
    value = raw["encounter_rate"]["all"]
    if value is not None and (gives_small_count(value * everyone, everyone, threshold) or len(withheld) == 1):
        rates["all"] = None  # with one group withheld, the others and the whole would give it by subtraction
    for key, rate_value in rates.items():
        if rate_value is not None:
            rates[key] = round(rate_value, 2)
    by_sector = raw["placements_by_sector"]
    if out["non_traditional_share"] is not None and _share_is_derivable(raw, threshold):
        out["non_traditional_share"] = None
    if out["dissimilarity_index"] is not None:
        for gender in ("girl", "boy"):
            total = sum(cells[gender] for cells in by_sector.values())
            if any(gives_small_count(cells[gender], total, threshold) for cells in by_sector.values()):
                out["dissimilarity_index"] = None
    for key in ("non_traditional_share", "dissimilarity_index"):
        if out[key] is not None:
            out[key] = round(out[key], 2)


def _share_is_derivable(raw: dict[str, Any], threshold: int) -> bool:
    """The share's denominator (placements of girls and boys) lies between the sector cells' sum and all
    placements; any denominator there that the share divides exactly could be the one a reader tries."""
    share = raw["non_traditional_share"]
    by_sector = raw["placements_by_sector"]
    least = sum(cells["girl"] + cells["boy"] for cells in by_sector.values())
    for total in range(max(least, 1), max(least, int(raw["placements"])) + 1):
        count = share * total
        if abs(count - round(count)) < 1e-6 and gives_small_count(count, total, threshold):
            return True
    return False


def is_suppressed(value: Any) -> bool:
    """True for a count shown as "<5" or as the secondary mark."""
    return _hidden(value)


__all__ = ["SECONDARY_MARK", "is_suppressed", "suppress"]
