"""Small-number suppression of the outcome statistics (choices, destinations), as for gender statistics.

A count from 1 to threshold−1 shows as "<threshold"; then, wherever shown cells add up to a shown
total (a gender's cells over the forms or programmes and the total; a row's choices or destinations
of one gender and its recorded count), a lone hidden cell could be worked out by subtraction, so the
smallest other non-zero cell of that set is hidden too (SECONDARY_MARK), until no set has exactly one
hidden cell. A share is withheld when fewer than `threshold` girls and boys are under it, or when its
numerator or the rest would be a small count; a share shown is rounded to two decimals.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from typing import Any

from coordinator.stats.measures import GENDER_KEYS
from coordinator.stats.suppression import SECONDARY_MARK, gives_small_count

Path = tuple[Any, ...]

# The destinations of one graduate: they add up to the recorded ones.
_DESTINATION_PARTS = ("employed", "study", "apprenticeship", "neet", "unknown")


def _get(data: Any, path: Path) -> Any:
    for part in path:
        data = data[part]
    return data


def _set(data: Any, path: Path, value: Any) -> None:
    _get(data, path[:-1])[path[-1]] = value


def hide_cells(out: dict[str, Any], cells: Iterable[Path], groups: list[list[Path]], threshold: int) -> None:
    """Hide the small counts among `cells`, then the complementary cells of every summed group."""
    small = f"<{threshold}"
    for path in cells:
        value = _get(out, path)
        if isinstance(value, int) and 0 < value < threshold:
            _set(out, path, small)
    changed = True
    while changed:
        changed = False
        for group in groups:
            hidden = [p for p in group if isinstance(_get(out, p), str)]
            shown = [p for p in group if not isinstance(_get(out, p), str)]
            if len(hidden) != 1 or not shown:
                continue
            nonzero = [p for p in shown if _get(out, p) > 0]
            _set(out, min(nonzero or shown, key=lambda p: _get(out, p)), SECONDARY_MARK)
            changed = True


def suppress_choices(stats: dict[str, Any], *, threshold: int = 5) -> dict[str, Any]:
    """A suppressed copy of a `choice_statistics` result."""
    out = copy.deepcopy(stats)
    if threshold < 2:
        return out
    rows: list[Path] = [("forms", i) for i in range(len(stats["forms"]))] + [("total",)]
    keys = list(stats["total"]["choices"])
    cells: list[Path] = []
    groups: list[list[Path]] = []
    for row in rows:
        row_keys = list(_get(stats, row)["choices"])
        for gender in GENDER_KEYS:
            cells += [(*row, "leavers", gender), (*row, "recorded", gender)]
            cells += [(*row, "choices", key, gender) for key in row_keys]
            groups.append([(*row, "choices", key, gender) for key in row_keys] + [(*row, "recorded", gender)])
    for gender in GENDER_KEYS:
        for measure in ("leavers", "recorded"):
            groups.append([(*row, measure, gender) for row in rows])
        for key in keys:
            groups.append([(*row, "choices", key, gender) for row in rows if key in _get(stats, row)["choices"]])
    hide_cells(out, cells, groups, threshold)
    for row in rows:
        _withhold_share(_get(stats, row), _get(out, row), threshold)
    return out


def _withhold_share(raw: dict[str, Any], out: dict[str, Any], threshold: int) -> None:
    share = raw["non_traditional_share"]
    if share is None:
        return
    under = raw["recorded"]["girl"] + raw["recorded"]["boy"]
    if under < threshold or gives_small_count(share * under, under, threshold):
        out["non_traditional_share"] = None
    else:
        out["non_traditional_share"] = round(share, 2)


def suppress_destinations(stats: dict[str, Any], *, threshold: int = 5) -> dict[str, Any]:
    """A suppressed copy of a `destination_statistics` result."""
    out = copy.deepcopy(stats)
    if threshold < 2:
        return out
    rows: list[Path] = [("programmes", i) for i in range(len(stats["programmes"]))] + [("total",)]
    measures = [m for m in stats["total"]]
    cells = [(*row, m, g) for row in rows for m in measures for g in GENDER_KEYS]
    groups: list[list[Path]] = []
    for gender in GENDER_KEYS:
        groups += [[(*row, m, gender) for row in rows] for m in measures]
        groups += [[(*row, part, gender) for part in _DESTINATION_PARTS] + [(*row, "recorded", gender)]
                   for row in rows]
    hide_cells(out, cells, groups, threshold)
    return out


__all__ = ["hide_cells", "suppress_choices", "suppress_destinations"]
