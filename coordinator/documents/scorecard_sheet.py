"""Everything the scorecard document reads from the database, as one plain value: gathered by the desk in
one transaction, kept under the data's version (coordinator.desk.figures), and laid out without the
database layer (coordinator.documents.scorecard), so a scorecard of unchanged data needs no query at all.

Light to import: the database layer is loaded only by the functions that read it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from coordinator.stats.card import Scorecard

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from coordinator.documents.job import Job
    from coordinator.documents.scope import Scope


@dataclass(frozen=True)
class ScorecardSheet:
    """One scorecard's figures, trend and names, as of the day they were read."""

    card: Scorecard
    stats: dict[str, Any]  # the gender statistics, suppressed as printed
    trend_labels: list[str]  # school years, oldest first
    trend_series: dict[int, list[float | None]]  # indicator id → its value in each of those years
    same_date: dict[str, float | None] | None  # last year's values up to the card's day (a year in progress)
    same_day: dt.date | None  # that day last year
    year: str  # the school year's label
    municipality: str
    school_name: str | None
    logo_setting: str | None  # the logo's path as set; whether the file is there is seen when printing


def sheet_key(options: dict[str, object]) -> tuple[Any, ...]:
    """What a kept sheet is found under: the scope exactly as asked (a class names its school's card)."""
    return ("scorecard-sheet", tuple(sorted(options.items())))


def kept_sheet(session: Session, options: dict[str, object], job: Job) -> ScorecardSheet:
    """The sheet of the scope `options` names (resolve_scope's arguments), kept by `job.figures` while the data
    is unchanged; NotFoundError (translated) for a name not held, as for any document."""
    from coordinator.documents.scope import resolve_scope

    def gather_asked() -> ScorecardSheet:
        return gather(session, resolve_scope(session, **options), job)  # type: ignore[arg-type]

    return job.figures.kept(session, sheet_key(options), gather_asked)


def gather(session: Session, scope: Scope, job: Job) -> ScorecardSheet:
    """Read everything the scorecard of `scope` shows, through `job.figures` (which may keep each part)."""
    from coordinator.settings import get_setting
    from coordinator.stats.same_date import same_day_last_year
    from coordinator.stats.suppression import suppress

    figures = job.figures
    card = figures.scorecard(session, year=scope.year, school=scope.school_name)
    job.check()
    stats = suppress(figures.gender_statistics(session, year=scope.year, school=scope.school_name))
    labels, series = figures.scorecard_trend(session, year=scope.year, school=scope.school_name)
    same_date, same_day = None, None
    if card.in_progress and card.as_of is not None:
        as_of = dt.date.fromisoformat(card.as_of)
        same_date = figures.same_date_values(session, year=scope.year, school=scope.school_name, today=as_of)
        same_day = same_day_last_year(as_of)
    return ScorecardSheet(card=card, stats=stats, trend_labels=labels, trend_series=series, same_date=same_date,
                          same_day=same_day, year=scope.year, municipality=scope.municipality,
                          school_name=scope.school_name, logo_setting=get_setting(session, "logo_path"))
