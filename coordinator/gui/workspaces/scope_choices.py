"""The report workspaces' filters: every school-year combo filled one way, from the desk's filter choices."""

from __future__ import annotations


from coordinator.desk.gui_choices import Choices, ScopeChoices

_IN_FORCE = "year_in_force"  # the combo remembers which year was in force when it was filled


def fill_years(combo, years: list[str], current: str | None) -> None:
    """Fill a school-year combo (item data: the label), the one way every year filter is filled.

    What was chosen stays chosen while it exists, unless the year in force has changed since the combo
    was last filled (Settings): then every year filter moves to the new year in force.
    Signals are held back; the caller decides what to recompute.
    """
    chosen, in_force_before = combo.currentData(), combo.property(_IN_FORCE)
    blocked = combo.blockSignals(True)
    combo.clear()
    for label in years:
        combo.addItem(label, label)
    if chosen not in years or (in_force_before is not None and in_force_before != current):
        chosen = current
    combo.setCurrentIndex(max(0, combo.findData(chosen)))
    combo.setProperty(_IN_FORCE, current)
    combo.blockSignals(blocked)


def refill_filters(choices: Choices, year_combo, school_combo, all_schools: str) -> None:
    """Fill the year and school combos from `choices`, keeping what was chosen if it is still there.

    The year follows `fill_years`; the school falls back to `all_schools` (the municipality, data None).
    Signals are held back while the combos are rebuilt, so the caller computes once afterwards.
    """
    fill_years(year_combo, choices.years, choices.current_year)
    school = school_combo.currentData()
    school_combo.blockSignals(True)
    school_combo.clear()
    school_combo.addItem(all_schools, None)
    for _school_id, name in choices.schools:
        school_combo.addItem(name, name)
    school_combo.setCurrentIndex(max(0, school_combo.findData(school)))
    school_combo.blockSignals(False)


def load_choices(desk) -> Choices:
    """Years and schools for the filter combos (one short read)."""
    return desk.filter_choices()


def load_scope_choices(desk, year: str | None) -> ScopeChoices:
    return desk.scope_choices(year)


def load_school_scope(desk, year: str | None, school: str) -> tuple[list[str], list[str]]:
    return desk.school_scope(year, school)


def load_grades(desk, year: str | None, school: str | None) -> list[str]:
    return desk.grades_of(year, school)


__all__ = ["Choices", "ScopeChoices", "fill_years", "load_choices", "load_grades", "load_school_scope",
           "load_scope_choices", "refill_filters"]
