"""School years held in the database: the one resolver from a label (or none: the current year) to a year.

Every module that takes a school year from a person goes through `resolve_year`, so a label is
normalised ('2025-2026' → '2025/26') and an unknown one is refused with one sentence everywhere.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from coordinator.errors import NotFoundError
from coordinator.i18n import _
from coordinator.models import SchoolYear
from coordinator.schoolyears import bounds, current_label, normalise_label, previous_label
from coordinator.settings import get_setting

CURRENT_YEAR_SETTING = "current_year"


@dataclass(frozen=True)
class Year:
    """A school year held in the database."""

    id: int
    label: str
    starts_on: dt.date
    ends_on: dt.date


def _year(session: Session, label: str) -> Year | None:
    row = session.execute(select(SchoolYear.id, SchoolYear.label, SchoolYear.starts_on, SchoolYear.ends_on)
                          .where(SchoolYear.label == label)).first()
    return Year(row.id, row.label, row.starts_on, row.ends_on) if row else None


def school_years(session: Session) -> list[str]:
    """Every label held, oldest first."""
    return list(session.scalars(select(SchoolYear.label).order_by(SchoolYear.starts_on)))


def current_year_label(session: Session, today: dt.date | None = None) -> str:
    """The year in force: the setting if made, else the year of today's date, else the latest held."""
    return current_label(get_setting(session, CURRENT_YEAR_SETTING), school_years(session),
                         today or dt.date.today())


def resolve_year(session: Session, label: str | None = None) -> Year:
    """The year a person named (normalised), or the current one for None; NotFoundError if not held."""
    wanted = normalise_label(label) if label else current_year_label(session)
    year = _year(session, wanted)
    if year is None:
        raise NotFoundError(_("There is no school year {year} in this database.").format(year=wanted))
    return year


def school_year_id(session: Session, label: str | None = None) -> int:
    """The id of `resolve_year`."""
    return resolve_year(session, label).id


def find_year(session: Session, label: str) -> Year | None:
    """The year of a (normalised) label if held, else None."""
    return _year(session, normalise_label(label))


def previous_year(session: Session, year: Year) -> Year | None:
    return _year(session, previous_label(year.label))


def ensure_school_year(session: Session, label: str) -> int:
    """The id of the year of `label`, made if it is not held yet."""
    label = normalise_label(label)
    existing = session.scalar(select(SchoolYear.id).where(SchoolYear.label == label))
    if existing is not None:
        return existing
    start, end = bounds(label)
    year = SchoolYear(label=label, starts_on=start, ends_on=end)
    session.add(year)
    session.flush()
    return year.id
