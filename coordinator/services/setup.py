"""Creating a database for a country profile, and what `info` reports.

Settings and school years live on the floor below (`coordinator.settings`, `coordinator.years`);
their functions are re-exported here for older callers.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coordinator.errors import UserError
from coordinator.i18n import _
from coordinator.models import SchoolForm, Sector, SectorDominance, Setting
from coordinator.reference.profiles import PROFILES, profile
from coordinator.reference.programmes import seed_programmes
from coordinator.reference.school_forms import form_values
from coordinator.reference.sectors import FEMALE_SHARE, SECTION_CODES, dominance
from coordinator.schoolyears import label_for_start, start_year_of
from coordinator.summary import DatabaseInfo, database_summary
from coordinator.settings import get_setting, profile_code, school_type_for, set_setting
from coordinator.stats.scorecard import seed_default_indicators
from coordinator.years import current_year_label, ensure_school_year, school_year_id, school_years

__all__ = ["DatabaseInfo", "current_year_label", "database_info", "ensure_school_year", "get_setting",
           "initialise", "profile_code", "school_type_for", "school_year_id", "school_years", "set_setting"]


def initialise(session: Session, *, profile_code: str, municipality: str | None = None,
               today: dt.date | None = None) -> None:
    """Write a new database's reference data: sectors, dominance, school forms, years, settings."""
    if profile_code not in PROFILES:
        raise UserError(_("Unknown country profile “{code}”; use one of: {codes}.").format(
            code=profile_code, codes=", ".join(PROFILES)))
    if session.scalar(select(func.count()).select_from(Setting)):
        raise UserError(_("This database has already been set up."))
    spec = profile(profile_code)
    session.add_all(Sector(code=code) for code in SECTION_CODES)
    session.flush()
    for country, shares in FEMALE_SHARE.items():
        for code in SECTION_CODES:
            share = shares.get(code)
            session.add(SectorDominance(country=country.upper(), sector_code=code, female_share=share,
                                        dominated_by=dominance(share)))
    for form in spec.school_types:
        session.add(SchoolForm(**form_values(form)))
    session.flush()
    seed_programmes(session, spec.country)
    current = start_year_of(today or dt.date.today())
    for start in (current - 1, current):
        ensure_school_year(session, label_for_start(start))
    settings = {
        "profile": spec.code,
        "country": spec.country,
        "language": spec.language,
        "municipality": municipality or spec.municipality,
    }
    session.add_all(Setting(key=k, value=v) for k, v in settings.items())
    session.flush()
    seed_default_indicators(session)


def database_info(session: Session, *, schema_revision: str | None) -> DatabaseInfo:
    connection = session.connection()
    return database_summary(lambda sql: connection.exec_driver_sql(sql).all(), schema_revision=schema_revision)
