"""Creating a database for a country profile, settings, school years, and what `info` reports."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coordinator.errors import UserError
from coordinator.i18n import _
from coordinator.models import (
    Action,
    Agreement,
    BudgetLine,
    Contact,
    ContactLogEntry,
    Encounter,
    Meeting,
    Network,
    NetworkMember,
    Organisation,
    Placement,
    Project,
    Pupil,
    School,
    SchoolClass,
    SchoolType,
    SchoolYear,
    Sector,
    SectorDominance,
    Setting,
    StudyVisit,
    Teacher,
    Training,
)
from coordinator.reference.profiles import PROFILES, profile
from coordinator.reference.sectors import FEMALE_SHARE, SECTION_CODES, dominance
from coordinator.schoolyears import bounds, label_for_start, label_of, normalise_label, start_year_of


def initialise(session: Session, *, profile_code: str, municipality: str | None = None,
               today: dt.date | None = None) -> None:
    """Write a new database's reference data: sectors, dominance, school types, years, settings."""
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
    for school_type in spec.school_types:
        session.add(SchoolType(
            code=school_type.code, name=school_type.name, country=spec.country,
            grades=";".join(school_type.grades), compulsory=school_type.compulsory,
            placement_grades=";".join(school_type.placement_grades),
            required_placement_days=school_type.required_placement_days,
        ))
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
    from coordinator.stats.scorecard import seed_default_indicators  # late: stats imports this module
    seed_default_indicators(session)


def ensure_school_year(session: Session, label: str) -> int:
    label = normalise_label(label)
    existing = session.scalar(select(SchoolYear.id).where(SchoolYear.label == label))
    if existing is not None:
        return existing
    start, end = bounds(label)
    year = SchoolYear(label=label, starts_on=start, ends_on=end)
    session.add(year)
    session.flush()
    return year.id


def get_setting(session: Session, key: str, default: str | None = None) -> str | None:
    value = session.scalar(select(Setting.value).where(Setting.key == key))
    return default if value is None else value


def set_setting(session: Session, key: str, value: str) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
    session.flush()


def profile_code(session: Session) -> str:
    return get_setting(session, "profile", "se") or "se"


def current_year_label(session: Session, today: dt.date | None = None) -> str:
    """The year in force: the setting if made, else the year of today's date, else the latest held."""
    chosen = get_setting(session, "current_year")
    if chosen:
        return chosen
    labels = list(session.scalars(select(SchoolYear.label).order_by(SchoolYear.starts_on)))
    today_label = label_of(today or dt.date.today())
    if today_label in labels or not labels:
        return today_label
    return labels[-1]


def school_year_id(session: Session, label: str | None = None) -> int:
    """The id of a school year by label (the current one if None); UserError if it is not held."""
    label = normalise_label(label) if label else current_year_label(session)
    year_id = session.scalar(select(SchoolYear.id).where(SchoolYear.label == label))
    if year_id is None:
        raise UserError(_("There is no school year {year} in this database.").format(year=label))
    return year_id


def school_years(session: Session) -> list[str]:
    return list(session.scalars(select(SchoolYear.label).order_by(SchoolYear.starts_on)))


@dataclass(frozen=True)
class DatabaseInfo:
    organisations: int
    contacts: int
    schools: int
    classes: int
    pupils: int
    teachers: int
    study_visits: int
    placements: int
    encounters: int
    trainings: int
    meetings: int
    actions: int
    networks: int
    network_members: int
    agreements: int
    contact_log: int
    projects: int
    budget_lines: int
    current_year: str
    schema_revision: str | None
    profile: str
    municipality: str


def database_info(session: Session, *, schema_revision: str | None) -> DatabaseInfo:
    def count(model) -> int:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)

    return DatabaseInfo(
        organisations=count(Organisation), contacts=count(Contact), schools=count(School),
        classes=count(SchoolClass), pupils=count(Pupil), teachers=count(Teacher),
        study_visits=count(StudyVisit), placements=count(Placement), encounters=count(Encounter),
        trainings=count(Training), meetings=count(Meeting), actions=count(Action),
        networks=count(Network), network_members=count(NetworkMember), agreements=count(Agreement),
        contact_log=count(ContactLogEntry), projects=count(Project), budget_lines=count(BudgetLine),
        current_year=current_year_label(session), schema_revision=schema_revision,
        profile=profile_code(session), municipality=get_setting(session, "municipality", "") or "",
    )


def school_type_for(session: Session, *, compulsory: bool) -> SchoolType:
    code = profile(profile_code(session))
    wanted = code.default_compulsory_type if compulsory else code.default_upper_type
    found = session.scalar(select(SchoolType).where(SchoolType.code == wanted))
    if found is None:
        raise UserError(_("This database has no school type {code}.").format(code=wanted))
    return found
