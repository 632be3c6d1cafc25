"""Scorecards (styrkort): the indicator template, targets, hand-entered values, and status colours.

A scorecard exists for the municipality (school=None) and for every school. Indicators with no
school apply to every scorecard (the template seeded into each new database); an indicator added
for one school shows only on that school's card. Values of `percent` indicators and their targets
and amber bands are shares in [0, 1] (0.3 is 30 %); `ratio`, `number` and `score` are plain numbers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from coordinator.changes import Changes, Kind
from coordinator.errors import NotFoundError, ValidationError
from coordinator.i18n import N_, _
from coordinator.models import Direction, Indicator, IndicatorValue, Perspective
from coordinator.stats.card import IndicatorResult, Scorecard
from coordinator.stats.indicators import COMPUTED, YearValues, compute_values
from coordinator.stats.display import shown_value
from coordinator.stats.measures import status_for
from coordinator.stats.scope import Year, previous_year, resolve_school, resolve_year

UNITS: tuple[str, ...] = ("percent", "ratio", "number", "score")


@dataclass(frozen=True)
class IndicatorSpec:
    key: str
    name: str  # English msgid, marked with N_ and translated where shown
    perspective: Perspective
    unit: str
    direction: Direction = Direction.HIGHER
    target: float | None = None
    amber_band: float = 0.0
    countries: tuple[str, ...] = ()  # the countries whose template holds it; empty: every country


def default_indicators(country: str | None = None) -> list[IndicatorSpec]:
    """The template (issues 4 and 16) for a country ('SE', 'PL', 'RU'; None: every indicator), in the
    order a board reads it, grouped by perspective."""
    specs = _template()
    return [s for s in specs if country is None or not s.countries or country.upper() in s.countries]


def _template() -> list[IndicatorSpec]:
    P, H, L = Perspective, Direction.HIGHER, Direction.LOWER
    return [
        IndicatorSpec("encounter_rate", N_("Pupils with a working-life encounter"), P.PUPILS, "percent", H, 1.0, 0.1),
        IndicatorSpec("placement_coverage", N_("Placement coverage in the due grades"), P.PUPILS, "percent", H,
                      1.0, 0.1),
        IndicatorSpec("non_traditional_share", N_("Non-traditional placements"), P.PUPILS, "percent", H, 0.3, 0.05),
        IndicatorSpec("dissimilarity_index", N_("Dissimilarity index of placements by sector"), P.PUPILS, "ratio",
                      L, 0.3, 0.05),
        IndicatorSpec("pupil_evaluation", N_("Pupils' mean evaluation (1–5)"), P.PUPILS, "score", H, 4.0, 0.5),
        IndicatorSpec("non_traditional_choices", N_("Non-traditional choices of leavers"), P.PUPILS, "percent", H,
                      0.25, 0.05),
        IndicatorSpec("graduates_employed", N_("Graduates employed 6 months on"), P.PUPILS, "percent", H, 0.7, 0.1),
        IndicatorSpec("active_partners", N_("Active partner organisations"), P.WORKING_LIFE, "number", H),
        IndicatorSpec("new_partners", N_("New partners this year"), P.WORKING_LIFE, "number", H),
        IndicatorSpec("places_ratio", N_("Places offered ÷ places needed"), P.WORKING_LIFE, "ratio", H, 1.1, 0.1),
        IndicatorSpec("employer_evaluation", N_("Employers' mean evaluation (1–5)"), P.WORKING_LIFE, "score", H,
                      4.0, 0.5),
        IndicatorSpec("asked_without_hosting", N_("Employers asked more than three times without hosting"),
                      P.WORKING_LIFE, "number", L, 0.0, 2.0),
        IndicatorSpec("employed_at_partners", N_("Employed graduates at partner organisations"), P.WORKING_LIFE,
                      "percent", H, 0.5, 0.1),
        IndicatorSpec("target_training_filled", N_("Target-training contracts filled"), P.WORKING_LIFE, "number",
                      H, countries=("RU",)),
        IndicatorSpec("teachers_trained", N_("Teachers with an industry training or visit"), P.STAFF, "percent", H),
        IndicatorSpec("network_meetings", N_("Network meetings held"), P.STAFF, "number", H),
        IndicatorSpec("actions_on_time", N_("Actions done by their due date"), P.PROCESS, "percent", H, 0.9, 0.1),
        IndicatorSpec("visits_per_class", N_("Study visits per class"), P.PROCESS, "ratio", H),
    ]


def seed_default_indicators(session: Session) -> None:
    """Write the template into a database that has no computed indicators yet (called by `init`)."""
    if session.scalar(select(func.count()).select_from(Indicator).where(Indicator.key.is_not(None))):
        return
    from coordinator.settings import country_code

    for position, spec in enumerate(default_indicators(country_code(session))):
        session.add(Indicator(key=spec.key, name=spec.name, perspective=spec.perspective, unit=spec.unit,
                              direction=spec.direction, target=spec.target, amber_band=spec.amber_band,
                              school_id=None, position=position * 10))
    session.flush()


def _indicators_for(session: Session, school_id: int | None) -> list[Indicator]:
    query = select(Indicator)
    if school_id is None:
        query = query.where(Indicator.school_id.is_(None))
    else:
        query = query.where(or_(Indicator.school_id.is_(None), Indicator.school_id == school_id))
    perspective_order = {p.value: i for i, p in enumerate(Perspective)}
    rows = list(session.scalars(query))
    return sorted(rows, key=lambda r: (perspective_order.get(_value(r.perspective), 9), r.position, r.id))


def _value(enum_or_str) -> str:
    return getattr(enum_or_str, "value", enum_or_str)


def _manual_value(session: Session, indicator_id: int, year: Year | None) -> float | None:
    if year is None:
        return None
    return session.scalar(select(IndicatorValue.value).where(IndicatorValue.indicator_id == indicator_id,
                                                            IndicatorValue.school_year_id == year.id))


def compute_scorecard(session: Session, *, year: str | None, school: str | None = None,
                      today: dt.date | None = None, values: YearValues | None = None) -> Scorecard:
    """Every indicator of the card with its value this year and last year, and its status colour
    (judged on the value as shown, by `shown_value`'s rounding rule). `values` computes the indicators of a
    year (compute_values in this session by default; the trend may share them)."""
    values = values or (lambda keys, of_year, school_id: compute_values(session, keys, of_year, school_id))
    as_of = today or dt.date.today()
    this_year = resolve_year(session, year)
    last = previous_year(session, this_year)
    school_id, school_name = resolve_school(session, school)
    rows = _indicators_for(session, school_id)
    keys = sorted({row.key for row in rows if row.key in COMPUTED})
    now = values(keys, this_year, school_id)
    before = values(keys, last, school_id) if last else {}
    lines: list[IndicatorResult] = []
    for row in rows:
        manual = row.key is None or row.key not in COMPUTED
        if manual:
            value = _manual_value(session, row.id, this_year)
            previous = _manual_value(session, row.id, last)
        else:
            value, previous = now[row.key], before.get(row.key)
        perspective = Perspective(_value(row.perspective))
        direction = _value(row.direction)
        lines.append(IndicatorResult(
            indicator_id=row.id, key=row.key, name=_(row.name), perspective=perspective.value,
            perspective_label=perspective.label, unit=row.unit, direction=direction, target=row.target,
            amber_band=row.amber_band or 0.0, value=value, last_year=previous,
            status=status_for(shown_value(row.unit, value), row.target, direction, row.amber_band or 0.0),
            manual=manual,
        ))
    return Scorecard(year=this_year.label, school=school_name, last_year_label=last.label if last else None,
                     lines=lines, as_of=as_of.isoformat(), in_progress=this_year.starts_on <= as_of < this_year.ends_on)


def _get_indicator(session: Session, indicator_id: int) -> Indicator:
    row = session.get(Indicator, indicator_id)
    if row is None:
        raise NotFoundError(_("There is no indicator with id {id}.").format(id=indicator_id))
    return row


def _check(target: float | None, amber_band: float | None, direction: str | None, unit: str | None,
           name: str | None) -> None:
    problems: dict[str, str] = {}
    if amber_band is not None and amber_band < 0:
        problems["amber_band"] = _("The amber band cannot be negative.")
    if direction is not None and direction not in {d.value for d in Direction}:
        problems["direction"] = _("The direction must be “higher” or “lower”.")
    if unit is not None and unit not in UNITS:
        problems["unit"] = _("The unit must be one of: {units}.").format(units=", ".join(UNITS))
    if name is not None and not name.strip():
        problems["name"] = _("An indicator needs a name.")
    if problems:
        raise ValidationError(problems)


_UNSET = object()


def update_indicator(session: Session, *, indicator_id: int, target: float | None | object = _UNSET,
                     amber_band: float | None = None, direction: str | None = None,
                     name: str | None = None) -> Changes:
    """Change an indicator's target (None clears it), amber band, direction or name."""
    row = _get_indicator(session, indicator_id)
    _check(None, amber_band, direction, None, name)
    if target is not _UNSET:
        row.target = None if target is None else float(target)  # type: ignore[arg-type]
    if amber_band is not None:
        row.amber_band = float(amber_band)
    if direction is not None:
        row.direction = Direction(direction)
    if name is not None:
        row.name = name.strip()
    session.flush()
    return Changes.of(Kind.INDICATORS, updated=(row.id,))


def add_manual_indicator(session: Session, *, name: str, perspective: str, unit: str = "number",
                         direction: str = "higher", target: float | None = None, amber_band: float = 0.0,
                         school: str | None = None) -> Changes:
    """Add an indicator whose values are entered by hand, to every card (school=None) or one school's."""
    _check(target, amber_band, direction, unit, name)
    if perspective not in {p.value for p in Perspective}:
        raise ValidationError({"perspective": _("Unknown perspective “{name}”.").format(name=perspective)})
    school_id, _name = resolve_school(session, school)
    last = session.scalar(select(func.max(Indicator.position))) or 0
    row = Indicator(key=None, name=name.strip(), perspective=Perspective(perspective), unit=unit,
                    direction=Direction(direction), target=target, amber_band=amber_band, school_id=school_id,
                    position=last + 10)
    session.add(row)
    session.flush()
    return Changes.of(Kind.INDICATORS, created=(row.id,))


def set_manual_value(session: Session, *, indicator_id: int, year: str, value: float | None) -> Changes:
    """Enter (or with None clear) a manual indicator's value for a school year."""
    row = _get_indicator(session, indicator_id)
    if row.key is not None and row.key in COMPUTED:
        raise ValidationError({"value": _("This indicator is computed from the data; its value cannot be typed in.")})
    year_row = resolve_year(session, year)
    existing = session.scalar(select(IndicatorValue).where(IndicatorValue.indicator_id == row.id,
                                                           IndicatorValue.school_year_id == year_row.id))
    if value is None:
        if existing is not None:
            session.delete(existing)
    elif existing is None:
        session.add(IndicatorValue(indicator_id=row.id, school_year_id=year_row.id, value=float(value)))
    else:
        existing.value = float(value)
    session.flush()
    return Changes.of(Kind.INDICATORS, updated=(row.id,))


def delete_indicator(session: Session, *, indicator_id: int) -> Changes:
    """Remove an indicator (template or manual) and its hand-entered values."""
    row = _get_indicator(session, indicator_id)
    session.execute(delete(IndicatorValue).where(IndicatorValue.indicator_id == row.id))
    session.delete(row)
    session.flush()
    return Changes.of(Kind.INDICATORS, deleted=(indicator_id,))


__all__ = [
    "UNITS",
    "IndicatorResult",
    "IndicatorSpec",
    "Scorecard",
    "add_manual_indicator",
    "compute_scorecard",
    "default_indicators",
    "delete_indicator",
    "seed_default_indicators",
    "set_manual_value",
    "update_indicator",
]
