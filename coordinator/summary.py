"""The summary `coordinator info` gives of a database: how many records of each kind, the current school year,
the schema revision, profile and municipality. Plain SQL on any connection (the desk's transaction, or a
file read through sqlite3 alone), so a command that only asks this need not load the database layer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from typing import Any

from coordinator.schoolyears import current_label

Run = Callable[[str], Sequence[Sequence[Any]]]  # one SQL statement's rows


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


# The counted kinds are named as their tables are (every count field above the current year).
_COUNTED = tuple(f.name for f in fields(DatabaseInfo))[:18]


def database_summary(run: Run, *, schema_revision: str | None, today: dt.date | None = None) -> DatabaseInfo:
    """The summary, read through `run` (all of it in the caller's one transaction)."""
    counts = run("SELECT " + ", ".join(f"(SELECT count(*) FROM {table})" for table in _COUNTED))[0]
    settings = {str(k): v for k, v in run("SELECT key, value FROM settings WHERE key IN "
                                           "('current_year', 'profile', 'municipality')")}
    labels = [str(row[0]) for row in run("SELECT label FROM school_years ORDER BY starts_on")]
    year = current_label(settings.get("current_year"), labels, today or dt.date.today())
    return DatabaseInfo(**{table: int(n or 0) for table, n in zip(_COUNTED, counts, strict=True)},
                        current_year=year, schema_revision=schema_revision,
                        profile=settings.get("profile") or "se", municipality=settings.get("municipality") or "")
